import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, isModerator, viewerOf } from '../common/auth/actor';
import { isUniqueViolation } from '../common/errors/database-error';
import { DomainError } from '../common/errors/domain-error';
import { ArticlesService } from '../articles/articles.service';
import { DebatesService } from '../debates/debates.service';
import type { DebateRules } from '../debates/debate.entity';
import type { Stance } from '../debates/stance';
import { AuditTrail } from '../events/audit-trail';
import { debateStream } from '../events/stored-event';
import { UsersService } from '../users/users.service';
import { EventLog, UnitOfWork } from '../events/unit-of-work';
import { CreatePostDto } from './dto/create-post.dto';
import { PostResponseDto } from './dto/post-response.dto';
import { VoteResultDto } from './dto/vote.dto';
import { Post, PostStatus } from './post.entity';
import { PostReader, postNotFound } from './post-reader.service';
import { NewPostCounts, NewPostRow, PostRepository } from './post.repository';
import { mentionedUsernames } from './mentions';
import { PostPublication } from './post-publication';
import { audienceOf, canSee, counterEffects, relationEffects, replyRefusal, statusAfterDelete } from './post-rules';
import { firstHold, PostScreening, ScreenFinding } from './post-screen';
import type { PostLabel } from './post-label';
import { toPostDto } from './post-view';
import { PostingLimiter } from './posting-limiter';

export interface CreatedPost {
  post: PostResponseDto;
  /** false when a retry with the same clientId found the first post. */
  created: boolean;
}

/**
 * Who or what moved a post to another status: the actor for the revision a tombstone keeps (null: automatic), and
 * for a hidden post why, which its author is shown (`cause` defaults to `moderator`).
 */
export interface StatusCause {
  actorId: string | null;
  cause?: string;
  note?: string | null;
}

/**
 * Every change to posts: create, edit, delete, vote, and setStatus for moderation. Each is one transaction that
 * also moves the counters and appends the event readers need. Lock order on every path: the debate, then posts,
 * then the stream counter (taken last, held shortest); edits and votes, which move no debate counter, start at the
 * post.
 */
@Injectable()
export class PostWriter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly posts: PostRepository,
    private readonly reader: PostReader,
    private readonly debates: DebatesService,
    private readonly articles: ArticlesService,
    private readonly screening: PostScreening,
    private readonly limiter: PostingLimiter,
    private readonly audit: AuditTrail,
    private readonly users: UsersService,
    private readonly publication: PostPublication,
  ) {}

  /**
   * The posting pipeline: rate limit → 429, then (the screens) locked debate → 423, slow mode → 429, held for review
   * → pending, otherwise visible. A refusal carries the draft back so nothing the person typed is lost. REST and the
   * socket's post:create both come here.
   */
  async create(author: Actor, debateId: string, dto: CreatePostDto): Promise<CreatedPost> {
    const draft = {
      body: dto.body,
      parentId: dto.parentId,
      stance: dto.stance,
      relation: dto.relation,
      sectionId: dto.sectionId,
      quote: dto.quote,
    };
    if (dto.clientId) {
      const first = await this.findByClientId(author, debateId, dto.clientId, draft);
      if (first) return { post: first, created: false };
    }
    await this.limiter.take(author, draft);
    try {
      return await this.writeNew(author, debateId, dto, draft).catch((error: unknown) => {
        if (error instanceof ChangedMeanwhile) return this.writeNewLocked(author, debateId, dto, draft);
        throw error;
      });
    } catch (error) {
      // Two retries raced past the lookup above; the loser answers with the winner's post.
      if (dto.clientId && isUniqueViolation(error)) {
        const first = await this.findByClientId(author, debateId, dto.clientId, draft);
        if (first) return { post: first, created: false };
      }
      throw error;
    }
  }

  /**
   * Most posts take no lock before their one write statement (PostRepository.insertWithEvent), which takes the locks
   * and checks the debate's rules and the parent again (ChangedMeanwhile when they changed: the rules may be the ones
   * this node read a little earlier). A top-level post that no screen found anything in and that concerns no
   * publication listener is that statement alone, committing as it returns; other posts record and notify in the
   * same transaction. Slow mode counts the author's last post in the debate,
   * which only the debate's lock keeps exact, so a slow-mode debate is locked from the start, as is one not open.
   */
  private async writeNew(author: Actor, debateId: string, dto: CreatePostDto, draft: object): Promise<CreatedPost> {
    const db = this.uow.reader;
    const debate = await this.debates.rulesToWrite(db, debateId);
    // Refusals are decided on rules read now, under the lock, never on rules this node read earlier.
    if (debate.slowModeSeconds > 0 || debate.status !== 'open')
      return this.writeNewLocked(author, debateId, dto, draft);
    const plan = await this.planNew(db, debate, author, dto, draft, false);
    const published = { kind: 'created' as const, post: plan.post, parentAuthorId: plan.parent?.authorId ?? null };
    if (!plan.parent && plan.findings.length === 0 && !this.publication.concerns(published)) {
      return this.uow.single((single, events) => this.insertNew(single, events, author, plan));
    }
    return this.uow.run((tx, events) => this.insertNew(tx, events, author, plan));
  }

  /** A new post written behind the debate's and the parent's locks, taken before anything is checked. */
  private writeNewLocked(author: Actor, debateId: string, dto: CreatePostDto, draft: object): Promise<CreatedPost> {
    return this.uow.run(async (tx, events) => {
      const plan = await this.planNew(tx, await this.debates.lock(tx, debateId), author, dto, draft, true);
      return this.insertNew(tx, events, author, plan);
    });
  }

  /** Everything a new post needs checked and decided before it is written: refusals come from here. */
  private async planNew(
    db: EntityManager,
    debate: DebateRules,
    author: Actor,
    dto: CreatePostDto,
    draft: object,
    lock: boolean,
  ): Promise<NewPostPlan> {
    const parent = dto.parentId ? await this.parentFor(db, debate, dto.parentId, author, draft, lock) : null;
    await this.checkAnchor(db, debate, dto, draft);
    const findings = await this.screening.screen({ kind: 'create', actor: author, debate, body: dto.body, draft }, db);
    const hold = firstHold(findings);
    const status: PostStatus = hold ? 'pending' : 'visible';
    const id = randomUUID();
    const row = {
      id,
      debateId: debate.id,
      parentId: parent?.id ?? null,
      rootId: parent?.rootId ?? id,
      path: `${parent?.path ?? ''}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      authorId: author.id,
      body: dto.body,
      stance: dto.stance ?? null,
      relation: dto.relation ?? null,
      mentions: await this.mentionsIn(db, dto.body),
      sectionId: dto.sectionId ?? null,
      quote: dto.quote ?? null,
      status,
      clientId: dto.clientId ?? null,
      statusCause: hold?.cause ?? null,
      statusNote: hold?.detail ?? null,
    };
    // Everything the event's post needs is in hand; seq and createdAt come from the write statement.
    const post = toPostDto(
      {
        ...row,
        debate_id: debate.id,
        parent_id: row.parentId,
        author_id: author.id,
        author_username: author.username,
        author_display_name: author.displayName,
        root_id: row.rootId,
        section_id: row.sectionId,
        score: 0,
        reply_count: 0,
        support_count: 0,
        challenge_count: 0,
        seq: null,
        created_at: new Date(0),
        edited_at: null,
        label_kind: null,
        label_note: null,
        label_source_url: null,
        label_created_at: null,
        status_cause: row.statusCause,
        status_note: row.statusNote,
        my_vote: null,
      },
      null,
    );
    return { debate, parent, row, post, findings };
  }

  /** The write statement, then (in a transaction) what the screens record and the publication listeners write. */
  private async insertNew(
    db: EntityManager,
    events: EventLog,
    author: Actor,
    { debate, parent, row, post: planned, findings }: NewPostPlan,
  ): Promise<CreatedPost> {
    const stream = debateStream(row.debateId);
    const audience = audienceOf(row.status, author.id);
    const { seq: _seq, createdAt: _createdAt, ...payload } = planned;
    const written = await this.posts.insertWithEvent(db, row, newPostCounts(row, row.status), {
      stream,
      payload,
      restricted: audience.kind === 'restricted',
      anyStatus: isModerator(author),
      rules: debate,
    });
    if (!written) throw new ChangedMeanwhile();
    const post: PostResponseDto = { ...payload, seq: written.seq, createdAt: written.createdAt.toISOString() };
    events.written(stream, written.seq, 'post.created', post, audience, written.eventCreatedAt);
    await this.screening.recorded(db, events, post, findings);
    if (row.status === 'visible') {
      await this.publication.published(db, events, { kind: 'created', post, parentAuthorId: parent?.authorId ?? null });
    }
    return { post: { ...post, myVote: 0 as const, mine: true }, created: true };
  }

  /** A new body, the old one kept as a revision. A screen that holds the edit hides a published post for review. */
  async edit(editor: Actor, id: string, body: string): Promise<PostResponseDto> {
    return this.uow.run(async (tx, events) => {
      const debateId = await this.posts.debateIdOf(id, tx);
      if (!debateId) throw postNotFound();
      const debate = await this.debates.lock(tx, debateId);
      const post = await this.lockForChange(tx, id, editor);
      if (post.status === 'deleted') throw new DomainError('conflict', 'A deleted post cannot be edited.');
      const findings = await this.screening.screen(
        { kind: 'edit', actor: editor, debate, body, post, draft: { body } },
        tx,
      );
      const changed = post.body !== body;
      if (changed) {
        await this.posts.replaceBody(tx, post, { body, mentions: await this.mentionsIn(tx, body) }, editor.id);
      }
      // Hidden before the new words go out, so they reach only the author and the moderators.
      const hold = firstHold(findings);
      if (hold && post.status === 'visible') {
        await this.setStatus(tx, events, post, 'hidden', { actorId: null, cause: hold.cause, note: hold.detail });
      }
      const updated = await this.reader.payload(tx, id);
      await events.append(debateStream(post.debateId), 'post.updated', updated, audienceOf(post.status, post.authorId));
      await this.screening.recorded(tx, events, updated, findings);
      if (post.authorId !== editor.id) {
        await this.audit.record(tx, events, {
          actor: editor,
          action: 'edit',
          targetType: 'post',
          targetId: id,
          targetOwnerId: post.authorId,
          reason: 'Edited in the thread by a moderator.',
        });
      }
      if (changed && post.status === 'visible') {
        const parentAuthorId = await this.parentAuthorOf(tx, post);
        await this.publication.published(tx, events, { kind: 'edited', post: updated, parentAuthorId });
      }
      return { ...updated, myVote: await this.posts.voteOf(tx, id, editor.id), mine: post.authorId === editor.id };
    });
  }

  /**
   * Leaves a tombstone: body and author gone, replies in place. The last body is kept as a revision for appeals.
   * A pending post nobody else has seen is withdrawn instead (see statusAfterDelete).
   */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const post = await this.lockWithDebate(tx, id, actor);
      if (post.status === 'deleted') return;
      const reason = 'Deleted in the thread by a moderator.';
      await this.setStatus(tx, events, post, 'deleted', { actorId: actor.id, note: reason });
      if (post.authorId !== actor.id) {
        await this.audit.record(tx, events, {
          actor,
          action: 'delete',
          targetType: 'post',
          targetId: id,
          targetOwnerId: post.authorId,
          reason,
        });
      }
    });
  }

  /** One vote per person per post, changeable; the score moves by the difference under the post's row lock. */
  async vote(voter: Actor, id: string, value: 1 | -1 | 0): Promise<VoteResultDto> {
    return this.uow.single(async (_db, events) => {
      const voted = await this.posts.castVote(id, voter.id, value);
      if (!voted || !canSee(viewerOf(voter), voted.post)) throw postNotFound();
      const { post, score, cast } = voted;
      if (post.status !== 'visible') throw new DomainError('conflict', 'Only visible posts take votes.');
      if (cast) {
        const audience = audienceOf(post.status, post.authorId);
        const stream = debateStream(post.debateId);
        events.written(stream, cast.seq, 'post.voted', { id, score }, audience, cast.eventCreatedAt);
      }
      return { score, myVote: value };
    });
  }

  /**
   * The post and its debate, locked in the writers' order (debate first), for a change of status; 404 for a post the
   * actor may not see, 403 for someone who is neither its author nor a moderator.
   */
  async lockWithDebate(tx: EntityManager, id: string, actor: Actor): Promise<Post> {
    const debateId = await this.posts.debateIdOf(id, tx);
    if (!debateId) throw postNotFound();
    await this.debates.lock(tx, debateId);
    return this.lockForChange(tx, id, actor);
  }

  /**
   * The post and its debate, locked in the writers' order, for a review by the system or a moderator that checks
   * who may act itself (flags, moderation actions, appeals); 404 when there is no such post.
   */
  async lockForReview(tx: EntityManager, id: string): Promise<Post> {
    const debateId = await this.posts.debateIdOf(id, tx);
    if (!debateId) throw postNotFound();
    await this.debates.lock(tx, debateId);
    const post = await this.posts.lock(tx, id);
    if (!post) throw postNotFound();
    return post;
  }

  /**
   * Moves a post (locked with lockWithDebate or lockForReview) to another status in the caller's transaction: the counters follow,
   * and readers hear of it. Approving a pending post publishes it (`post.created` with a new seq); hiding tells
   * everyone who saw it to take it away (`post.hidden`); restoring brings it back (`post.restored`); deleting
   * leaves a tombstone (`post.deleted`), or withdraws a pending post nobody else saw. A tombstone brought back (an
   * appeal reversed) gets its last body back from the revision its deletion kept.
   */
  async setStatus(
    tx: EntityManager,
    events: EventLog,
    post: Post,
    to: Exclude<PostStatus, 'pending'>,
    cause: StatusCause,
  ): Promise<void> {
    const from = post.status;
    if (from === to) return;
    const stream = debateStream(post.debateId);
    const after = to === 'deleted' ? statusAfterDelete(from) : to;
    if (after === null) await this.posts.remove(tx, post.id);
    else if (after === 'deleted') {
      // Someone else's delete (a moderator's) is a decision its author is told of and may appeal.
      const byOther = cause.actorId !== null && cause.actorId !== post.authorId;
      const reason = byOther ? { cause: cause.cause ?? 'moderator', note: cause.note ?? null } : null;
      await this.posts.tombstone(tx, post, cause.actorId, reason);
    } else {
      const reason = after === 'hidden' ? { cause: cause.cause ?? 'moderator', note: cause.note ?? null } : null;
      await this.posts.setStatus(tx, post.id, after, reason);
      if (from === 'deleted') await this.posts.untombstone(tx, post.id);
    }
    await this.moveCounters(tx, post, from, after);
    post.status = after ?? from;

    if (after === null || after === 'deleted') {
      await events.append(stream, 'post.deleted', { id: post.id }, audienceOf(from, post.authorId));
    } else if (after === 'hidden') {
      await events.append(stream, 'post.hidden', { id: post.id }, audienceOf(from, post.authorId));
    } else if (from === 'pending') {
      const seq = await events.reserve(stream);
      await this.posts.setSeq(tx, post.id, seq);
      const published = await this.reader.payload(tx, post.id);
      await events.record(stream, seq, 'post.created', published);
      // Held posts reach nobody until approved: only now do the people it answers or mentions hear of it.
      const parentAuthorId = await this.parentAuthorOf(tx, post);
      await this.publication.published(tx, events, { kind: 'created', post: published, parentAuthorId });
    } else {
      await events.append(stream, 'post.restored', await this.reader.payload(tx, post.id));
    }
  }

  /**
   * Puts a public label on a post (locked with lockWithDebate) or takes it off, in the caller's transaction; readers
   * get `post.labelled` with the post as it is now.
   */
  async setLabel(tx: EntityManager, events: EventLog, post: Post, label: PostLabel | null): Promise<PostResponseDto> {
    await this.posts.setLabel(tx, post.id, label);
    const labelled = await this.reader.payload(tx, post.id);
    await events.append(debateStream(post.debateId), 'post.labelled', labelled, audienceOf(post.status, post.authorId));
    return labelled;
  }

  private async moveCounters(
    tx: EntityManager,
    post: Pick<Post, 'debateId' | 'parentId' | 'stance' | 'relation'>,
    from: PostStatus | null,
    to: PostStatus | null,
  ): Promise<void> {
    const effects = counterEffects(post, from, to);
    const relations = relationEffects(post, from, to);
    // Only counted changes touch the debate (and its lastActivityAt): a pending post moves nothing others see.
    if (effects.posts !== 0) {
      await this.debates.adjustCounters(tx, post.debateId, effects.posts, effects.stance, effects.stanceDelta);
    }
    if (post.parentId && (effects.parentReplies !== 0 || relations.supports !== 0 || relations.challenges !== 0)) {
      await this.posts.adjustReplyCounts(tx, post.parentId, { replies: effects.parentReplies, ...relations });
    }
  }

  /** The accounts a body mentions, as registered; unknown names stay plain text. */
  private async mentionsIn(tx: EntityManager, body: string): Promise<string[]> {
    return (await this.users.named(mentionedUsernames(body), tx)).map((user) => user.username);
  }

  private async parentAuthorOf(tx: EntityManager, post: Pick<Post, 'parentId'>): Promise<string | null> {
    return post.parentId ? this.posts.authorIdOf(tx, post.parentId) : null;
  }

  /**
   * The post a reply answers: only a visible one takes replies (409 otherwise). With `lock` it is locked (after the
   * debate), so it cannot be deleted or hidden under the new reply; without, the write statement checks it again.
   */
  private async parentFor(
    tx: EntityManager,
    debate: DebateRules,
    parentId: string,
    author: Actor,
    draft: object,
    lock: boolean,
  ): Promise<Post> {
    const parent = lock ? await this.posts.lock(tx, parentId) : await this.posts.find(tx, parentId);
    if (!parent || parent.debateId !== debate.id || !canSee(viewerOf(author), parent)) {
      throw new DomainError('not_found', 'The post you reply to is not in this debate.', { draft });
    }
    const refusal = replyRefusal(parent.status);
    if (refusal) throw new DomainError('conflict', refusal, { draft });
    return parent;
  }

  private async checkAnchor(tx: EntityManager, debate: DebateRules, dto: CreatePostDto, draft: object): Promise<void> {
    if (dto.parentId && dto.stance) {
      throw new DomainError('invalid_input', 'stance is for top-level posts only; a reply argues with its parent', {
        draft,
      });
    }
    if (!dto.parentId && dto.relation) {
      throw new DomainError(
        'invalid_input',
        'relation is for replies only; a top-level post takes a stance on the question',
        { draft },
      );
    }
    if (dto.sectionId) await this.articles.requireSectionOf(debate.articleId, dto.sectionId, tx);
  }

  /** Locks the post and checks the actor may change it: its author or a moderator (403 for others). */
  private async lockForChange(tx: EntityManager, id: string, actor: Actor): Promise<Post> {
    const post = await this.posts.lock(tx, id);
    if (!post || !canSee(viewerOf(actor), post)) throw postNotFound();
    if (post.authorId !== actor.id && !isModerator(actor)) {
      throw new DomainError('forbidden', 'Only its author or a moderator may change this post.');
    }
    return post;
  }

  /** The author's post with this clientId: a retry in the same debate, or a clientId wrongly reused elsewhere (409). */
  private async findByClientId(
    author: Actor,
    debateId: string,
    clientId: string,
    draft: object,
  ): Promise<PostResponseDto | null> {
    const post = await this.posts.findByClientId(author.id, clientId);
    if (!post) return null;
    if (post.debateId !== debateId) {
      throw new DomainError(
        'conflict',
        'This clientId was already used for a post in another debate; make a new clientId for each draft.',
        { draft },
      );
    }
    return this.reader.get(post.id, author);
  }
}

/** Thrown when the write statement finds the debate or the parent changed since they were read: write again, locked. */
class ChangedMeanwhile extends Error {}

/** A new post checked and decided, ready for its write statement. */
interface NewPostPlan {
  debate: DebateRules;
  parent: Post | null;
  row: NewPostRow;
  post: PostResponseDto;
  findings: ScreenFinding[];
}

/** The counters a new post moves, with the status it is written in. */
function newPostCounts(post: Pick<Post, 'parentId' | 'stance' | 'relation'>, status: PostStatus): NewPostCounts {
  const effects = counterEffects(post, null, status);
  const relations = relationEffects(post, null, status);
  const stance = (side: Stance) => (effects.stance === side ? effects.stanceDelta : 0);
  return {
    posts: effects.posts,
    pro: stance('pro'),
    contra: stance('contra'),
    neutral: stance('neutral'),
    replies: effects.parentReplies,
    supports: relations.supports,
    challenges: relations.challenges,
  };
}

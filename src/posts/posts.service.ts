import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ArticlesService } from '../articles/articles.service';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DebatesService } from '../debates/debates.service';
import { Debate } from '../debates/debate.entity';
import { Audience, debateStream, StoredEvent } from '../events/stored-event';
import { UnitOfWork } from '../events/unit-of-work';
import { isModerator, User } from '../users/user.entity';
import { CreatePostDto } from './dto/create-post.dto';
import { ListPostsQuery, TreeQuery } from './dto/list-posts.query';
import { PostResponseDto, PostTreeNodeDto } from './dto/post-response.dto';
import { VoteResultDto } from './dto/vote.dto';
import { Post, PostStatus } from './post.entity';
import { cursorOf, cursorShapeOf, PostRepository, PostRow, REVISION_CURSOR } from './post.repository';
import { PostRevision } from './post-revision.entity';
import { canSee, counterEffects, GUEST, isPublic, replyRefusal, statusAfterDelete, Viewer } from './post-rules';
import { PostingLimiter } from './posting-limiter';
import { Vote } from './vote.entity';

const UNIQUE_VIOLATION = '23505';
/** Sees every status: for building event payloads, which the publisher then routes by audience. */
const STAFF: Viewer = { userId: null, moderator: true };

export function viewerOf(user: User | null): Viewer {
  return user ? { userId: user.id, moderator: isModerator(user) } : GUEST;
}

export interface CreatedPost {
  post: PostResponseDto;
  /** false when a retry with the same clientId found the first post. */
  created: boolean;
}

@Injectable()
export class PostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly posts: PostRepository,
    private readonly debates: DebatesService,
    private readonly articles: ArticlesService,
    private readonly limiter: PostingLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The posting pipeline: rate limit → 429, locked debate → 423, slow mode → 429, pre-moderation or a new account's
   * first posts → pending, otherwise visible. A refusal carries the draft back so nothing the person typed is lost.
   * REST and the socket's post:create both come here.
   */
  async create(author: User, debateId: string, dto: CreatePostDto): Promise<CreatedPost> {
    const draft = {
      body: dto.body,
      parentId: dto.parentId,
      stance: dto.stance,
      sectionId: dto.sectionId,
      quote: dto.quote,
    };
    if (dto.clientId) {
      const first = await this.findByClientId(author, debateId, dto.clientId, draft);
      if (first) return { post: first, created: false };
    }
    await this.limiter.take(author, draft);
    try {
      return await this.uow.run(async (tx, events) => {
        // Lock order on every write path: the debate, then posts, then the stream counter (taken last, held
        // shortest). Paths that do not move debate counters (edit, vote) start at the post.
        const debate = await this.debates.lock(tx, debateId);
        const moderator = isModerator(author);
        if (debate.status === 'locked' && !moderator) {
          throw new DomainError('debate_locked', 'This debate is locked: it takes no new posts.', { draft });
        }
        const parent = dto.parentId ? await this.lockParent(tx, debate, dto.parentId, author, draft) : null;
        await this.checkAnchor(tx, debate, dto);
        if (!moderator) await this.checkSlowMode(tx, debate, author, draft);
        const status = moderator ? 'visible' : await this.initialStatus(tx, debate, author);

        await this.applyStatusChange(
          tx,
          { debateId, parentId: parent?.id ?? null, stance: dto.stance ?? null },
          null,
          status,
        );
        const id = randomUUID();
        const stream = debateStream(debateId);
        const seq = await events.reserve(stream);
        const row = {
          id,
          debateId,
          parentId: parent?.id ?? null,
          rootId: parent?.rootId ?? id,
          path: `${parent?.path ?? ''}${id}/`,
          depth: parent ? parent.depth + 1 : 0,
          authorId: author.id,
          body: dto.body,
          stance: dto.stance ?? null,
          sectionId: dto.sectionId ?? null,
          quote: dto.quote ?? null,
          status,
          clientId: dto.clientId ?? null,
          seq,
        };
        const { generatedMaps } = await tx.getRepository(Post).insert(row);
        // Everything the payload needs is in hand; only created_at comes from the database.
        const post = toPostDto(
          {
            ...row,
            debate_id: debateId,
            parent_id: row.parentId,
            author_id: author.id,
            author_username: author.username,
            author_display_name: author.displayName,
            root_id: row.rootId,
            section_id: row.sectionId,
            score: 0,
            reply_count: 0,
            seq: String(seq),
            created_at: generatedMaps[0].createdAt as Date,
            edited_at: null,
            my_vote: null,
          },
          null,
        );
        await events.record(stream, seq, 'post.created', post, audienceOf(status, author.id));
        return { post: { ...post, myVote: 0 as const }, created: true };
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
   * Replayed events (a join's `missed`) as the posts are now, not as they were: an event about a post the reader may
   * no longer see is left out, and one carrying a post deleted since carries its tombstone, so a resume never brings
   * back withdrawn words. `post.deleted` and `post.hidden` carry only the id and always pass: they tell the client
   * what to take away.
   */
  async replayable(events: StoredEvent[], reader: User | null): Promise<StoredEvent[]> {
    const aboutPost = (event: StoredEvent) => POST_EVENTS.has(event.type);
    const ids = [...new Set(events.filter(aboutPost).map((event) => (event.data as { id: string }).id))];
    if (ids.length === 0) return events;
    const now = await this.posts.statuses(ids);
    const viewer = viewerOf(reader);
    return events.flatMap((event) => {
      if (!aboutPost(event)) return [event];
      const post = now.get((event.data as { id: string }).id);
      if (!post || !canSee(viewer, post)) return [];
      if (post.status !== 'deleted' || event.type === 'post.voted') return [event];
      return [{ ...event, data: asTombstone(event.data as PostResponseDto) }];
    });
  }

  async get(id: string, reader: User | null): Promise<PostResponseDto> {
    const row = await this.posts.findOne(id, viewerOf(reader));
    if (!row) throw notFound();
    return toPostDto(row, reader);
  }

  async list(debateId: string, query: ListPostsQuery, reader: User | null): Promise<Page<PostResponseDto>> {
    const viewer = viewerOf(reader);
    await this.debates.require(debateId);
    if (query.parentId) {
      const parent = await this.posts.findOne(query.parentId, viewer);
      if (!parent || parent.debate_id !== debateId) throw notFound();
    }
    const after = decodeCursor(query.cursor, cursorShapeOf(query.sort));
    const rows = await this.posts.level(debateId, query.parentId ?? null, viewer, query.sort, after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => cursorOf(query.sort, row),
      (row) => toPostDto(row, reader),
    );
  }

  /** A whole thread (or one subtree) in one query, nested here; replies oldest first. */
  async tree(
    debateId: string,
    query: TreeQuery,
    reader: User | null,
  ): Promise<{ items: PostTreeNodeDto[] } | PostTreeNodeDto> {
    const viewer = viewerOf(reader);
    await this.debates.require(debateId);
    const root = query.rootId ? await this.posts.findOne(query.rootId, viewer) : null;
    if (query.rootId && (!root || root.debate_id !== debateId)) throw notFound();
    const maxDepth = query.maxDepth === undefined ? null : (root?.depth ?? 0) + query.maxDepth;
    const rows = await this.posts.subtree(debateId, viewer, root, maxDepth);
    const nodes = new Map<string, PostTreeNodeDto>();
    const tops: PostTreeNodeDto[] = [];
    for (const row of rows) {
      const node: PostTreeNodeDto = { ...toPostDto(row, reader), replies: [] };
      const isTop = root ? row.id === root.id : row.parent_id === null;
      // Rows come by depth, so a parent is always placed before its replies (whatever their timestamps); a reply
      // whose parent the reader may not see is left out with its whole branch.
      const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
      if (!isTop && !parent) continue;
      nodes.set(row.id, node);
      if (isTop) tops.push(node);
      else parent!.replies.push(node);
    }
    return root ? tops[0] : { items: tops };
  }

  async edit(editor: User, id: string, body: string): Promise<PostResponseDto> {
    return this.uow.run(async (tx, events) => {
      const post = await this.lockForChange(tx, id, editor);
      if (post.status === 'deleted') throw new DomainError('conflict', 'A deleted post cannot be edited.');
      if (post.body !== body) {
        await tx.getRepository(PostRevision).insert({ postId: id, body: post.body, editorId: editor.id });
        await tx.getRepository(Post).update({ id }, { body, editedAt: () => 'now()' });
      }
      const updated = await this.payload(tx, id);
      await events.append(debateStream(post.debateId), 'post.updated', updated, audienceOf(post.status, post.authorId));
      return { ...updated, myVote: await this.myVote(tx, id, editor) };
    });
  }

  /**
   * Leaves a tombstone: body and author gone, replies in place. The last body is kept as a revision for appeals.
   * A pending post nobody else has seen is withdrawn instead (see statusAfterDelete).
   */
  async delete(actor: User, id: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      // The debate first, as when replying: a reply holds the debate while it locks this post as its parent.
      const found = await tx.getRepository(Post).findOne({ where: { id }, select: { id: true, debateId: true } });
      if (!found) throw notFound();
      await this.debates.lock(tx, found.debateId);
      const post = await this.lockForChange(tx, id, actor);
      if (post.status === 'deleted') return;
      const after = statusAfterDelete(post.status, post.status === 'pending' && (await this.hasReplies(tx, post)));
      if (after === null) {
        // Its post.created event, seen only by the author and moderators, still holds what it said.
        await tx.getRepository(Post).delete({ id });
      } else {
        await tx.getRepository(PostRevision).insert({ postId: id, body: post.body, editorId: actor.id });
        await tx.getRepository(Post).update({ id }, { body: '', status: after, quote: null });
      }
      await this.applyStatusChange(tx, post, post.status, after);
      await events.append(debateStream(post.debateId), 'post.deleted', { id }, audienceOf(post.status, post.authorId));
    });
  }

  async revisions(
    id: string,
    query: ListQueryDto,
    reader: User | null,
  ): Promise<Page<{ body: string; editedAt: string; editorId: string | null }>> {
    const viewer = viewerOf(reader);
    const after = decodeCursor(query.cursor, REVISION_CURSOR);
    const post = await this.posts.findOne(id, viewer);
    if (!post) throw notFound();
    // A deleted post's earlier words reach only moderators (its revisions are what an appeal is judged on).
    if (post.status === 'deleted' && !viewer.moderator) return { items: [], nextCursor: null };
    const rows = await this.posts.revisions(id, after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => [row.edited_at.toISOString(), row.id],
      (row) => ({ body: row.body, editedAt: row.edited_at.toISOString(), editorId: row.editor_id }),
    );
  }

  /** One vote per person per post, changeable; the score moves by the difference under the post's row lock. */
  async vote(voter: User, id: string, value: 1 | -1 | 0): Promise<VoteResultDto> {
    return this.uow.run(async (tx, events) => {
      const post = await tx.getRepository(Post).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!post || !canSee(viewerOf(voter), post)) throw notFound();
      if (post.status !== 'visible') throw new DomainError('conflict', 'Only visible posts take votes.');
      const votes = tx.getRepository(Vote);
      const previous = (await votes.findOneBy({ postId: id, userId: voter.id }))?.value ?? 0;
      if (previous === value) return { score: post.score, myVote: value };
      if (value === 0) await votes.delete({ postId: id, userId: voter.id });
      else await votes.upsert({ postId: id, userId: voter.id, value, updatedAt: new Date() }, ['postId', 'userId']);
      const { raw } = await tx
        .createQueryBuilder()
        .update(Post)
        .set({ score: () => 'score + :delta' })
        .setParameter('delta', value - previous)
        .where('id = :id', { id })
        .returning('score')
        .execute();
      const score = (raw as { score: number }[])[0].score;
      await events.append(debateStream(post.debateId), 'post.voted', { id, score });
      return { score, myVote: value };
    });
  }

  private async applyStatusChange(
    tx: EntityManager,
    post: Pick<Post, 'debateId' | 'parentId' | 'stance'>,
    from: PostStatus | null,
    to: PostStatus | null,
  ): Promise<void> {
    const effects = counterEffects(post, from, to);
    // Only counted changes touch the debate (and its lastActivityAt): a pending post moves nothing others see.
    if (effects.posts !== 0) {
      await this.debates.adjustCounters(tx, post.debateId, effects.posts, effects.stance, effects.stanceDelta);
    }
    if (post.parentId && effects.parentReplies !== 0) {
      await tx.query(`UPDATE posts SET reply_count = reply_count + $2 WHERE id = $1`, [
        post.parentId,
        effects.parentReplies,
      ]);
    }
  }

  /**
   * The parent, locked (after the debate) so it cannot be deleted or hidden under the new reply; only a visible post
   * takes replies (409 otherwise).
   */
  private async lockParent(
    tx: EntityManager,
    debate: Debate,
    parentId: string,
    author: User,
    draft: object,
  ): Promise<Post> {
    const parent = await tx
      .getRepository(Post)
      .findOne({ where: { id: parentId }, lock: { mode: 'pessimistic_write' } });
    if (!parent || parent.debateId !== debate.id || !canSee(viewerOf(author), parent)) {
      throw new DomainError('not_found', 'The post you reply to is not in this debate.', { draft });
    }
    const refusal = replyRefusal(parent.status);
    if (refusal) throw new DomainError('conflict', refusal, { draft });
    return parent;
  }

  private async hasReplies(tx: EntityManager, post: Post): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM posts WHERE debate_id = $1 AND parent_id = $2 LIMIT 1`, [
      post.debateId,
      post.id,
    ]);
    return rows.length > 0;
  }

  private async checkAnchor(tx: EntityManager, debate: Debate, dto: CreatePostDto): Promise<void> {
    if (dto.parentId && dto.stance) {
      throw new DomainError('invalid_input', 'stance is for top-level posts only; a reply argues with its parent');
    }
    if (dto.sectionId) await this.articles.requireSectionOf(debate.articleId, dto.sectionId, tx);
  }

  private async checkSlowMode(tx: EntityManager, debate: Debate, author: User, draft: object): Promise<void> {
    if (debate.slowModeSeconds === 0) return;
    const [{ wait }]: { wait: number | null }[] = await tx.query(
      `SELECT ceil(extract(epoch FROM max(created_at) + make_interval(secs => $3) - now()))::int AS wait
       FROM posts WHERE author_id = $1 AND debate_id = $2`,
      [author.id, debate.id, debate.slowModeSeconds],
    );
    if (wait !== null && wait > 0) {
      throw new DomainError('slow_mode', `Slow mode: wait ${wait} s before posting again in this debate.`, {
        retryAfter: wait,
        draft,
      });
    }
  }

  private async initialStatus(tx: EntityManager, debate: Debate, author: User): Promise<PostStatus> {
    if (debate.premoderated) return 'pending';
    if (this.config.newAccountReviewPosts > 0) {
      const [{ count }]: { count: number }[] = await tx.query(
        `SELECT count(*)::int AS count FROM posts WHERE author_id = $1`,
        [author.id],
      );
      if (count < this.config.newAccountReviewPosts) return 'pending';
    }
    return 'visible';
  }

  /** Locks the post and checks the actor may change it: its author or a moderator (403 for others). */
  private async lockForChange(tx: EntityManager, id: string, actor: User): Promise<Post> {
    const post = await tx.getRepository(Post).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!post || !canSee(viewerOf(actor), post)) throw notFound();
    if (post.authorId !== actor.id && !isModerator(actor)) {
      throw new DomainError('forbidden', 'Only its author or a moderator may change this post.');
    }
    return post;
  }

  /** The author's post with this clientId: a retry in the same debate, or a clientId wrongly reused elsewhere (409). */
  private async findByClientId(
    author: User,
    debateId: string,
    clientId: string,
    draft: object,
  ): Promise<PostResponseDto | null> {
    const post = await this.dataSource.getRepository(Post).findOneBy({ authorId: author.id, clientId });
    if (!post) return null;
    if (post.debateId !== debateId) {
      throw new DomainError(
        'conflict',
        'This clientId was already used for a post in another debate; make a new clientId for each draft.',
        { draft },
      );
    }
    return this.get(post.id, author);
  }

  private async payload(tx: EntityManager, id: string): Promise<PostResponseDto> {
    const row = await this.posts.findOne(id, STAFF, tx);
    return toPostDto(row!, null);
  }

  private async myVote(tx: EntityManager, id: string, user: User): Promise<1 | -1 | 0> {
    return (await tx.getRepository(Vote).findOneBy({ postId: id, userId: user.id }))?.value ?? 0;
  }
}

/** Pending and hidden posts reach only their author and the moderators. */
function audienceOf(status: PostStatus, authorId: string): Audience {
  return isPublic(status) ? { kind: 'public' } : { kind: 'restricted', ownerId: authorId };
}

/** Events whose data is a post, or a post's new score: they follow the post's visibility now. */
const POST_EVENTS = new Set(['post.created', 'post.updated', 'post.restored', 'post.voted']);

/** What readers see of a deleted post: its place in the thread, no words, no author, no anchor. */
function asTombstone(post: PostResponseDto): PostResponseDto {
  return { ...post, status: 'deleted', body: '', author: null, sectionId: null, quote: null };
}

export function toPostDto(row: PostRow, reader: User | null): PostResponseDto {
  const post: PostResponseDto = {
    id: row.id,
    debateId: row.debate_id,
    parentId: row.parent_id,
    author: { id: row.author_id, username: row.author_username, displayName: row.author_display_name },
    body: row.body,
    stance: row.stance,
    sectionId: row.section_id,
    quote: row.quote,
    status: row.status,
    score: row.score,
    replyCount: row.reply_count,
    depth: row.depth,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    seq: row.seq === null ? null : Number(row.seq),
    ...(reader ? { myVote: row.my_vote ?? 0 } : {}),
  };
  return row.status === 'deleted' ? asTombstone(post) : post;
}

function notFound(): DomainError {
  return new DomainError('not_found', 'No such post.');
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}

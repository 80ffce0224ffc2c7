import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PreparedQueries } from '../database/prepared-queries';
import type { Viewer } from '../common/auth/actor';
import { CursorPart, CursorValue } from '../common/pagination/cursor';
import { hasLexemesSql, snippetSql, textQuerySql } from '../common/search/text-search';
import type { DebateRules, DebateTranslations } from '../debates/debate.entity';
import { Stance } from '../debates/stance';
import { COMMON_GROUND_SQL } from './common-ground';
import { PostSort } from './dto/list-posts.query';
import { Post, PostStatus, Relation } from './post.entity';
import type { LabelKind, PostLabel } from './post-label';
import { PostRevision } from './post-revision.entity';
import { visibleToSql } from './post-rules';
import { Vote } from './vote.entity';

/** A post as read for a reader: with its author and the reader's own vote, in one query. */
export interface PostRow {
  id: string;
  debate_id: string;
  parent_id: string | null;
  author_id: string;
  author_username: string;
  author_display_name: string;
  body: string;
  stance: Stance | null;
  relation: Relation | null;
  mentions: string[];
  section_id: string | null;
  quote: string | null;
  status: PostStatus;
  score: number;
  reply_count: number;
  support_count: number;
  challenge_count: number;
  depth: number;
  root_id: string;
  path: string;
  seq: string | null;
  created_at: Date;
  edited_at: Date | null;
  label_kind: LabelKind | null;
  label_note: string | null;
  label_source_url: string | null;
  label_created_at: Date | null;
  status_cause: string | null;
  status_note: string | null;
  my_vote: 1 | -1 | null;
  cg?: string;
}

const COLUMNS = `p.id, p.debate_id, p.parent_id, p.author_id, p.body, p.stance, p.relation, p.mentions, p.section_id,
  p.quote, p.status, p.score, p.reply_count, p.support_count, p.challenge_count, p.depth, p.root_id, p.path, p.seq,
  p.created_at, p.edited_at, p.label_kind, p.label_note, p.label_source_url, p.label_created_at, p.status_cause,
  p.status_note,
  a.username AS author_username, a.display_name AS author_display_name, mv.value AS my_vote`;

const JOINS = `JOIN users a ON a.id = p.author_id
  LEFT JOIN votes mv ON mv.post_id = p.id AND mv.user_id = $2`;

/** Per sort: ORDER BY, the keyset comparison, the cursor's values from a row, and what each of them must be. */
const SORTS: Record<
  PostSort,
  { order: string; key: string; after: string; cursor: (row: PostRow) => CursorValue[]; shape: CursorPart[] }
> = {
  top: {
    order: 'p.score DESC, p.created_at DESC, p.id DESC',
    key: '(p.score, p.created_at, p.id)',
    after: '<',
    cursor: (row) => [row.score, row.created_at.toISOString(), row.id],
    shape: ['int', 'time', 'id'],
  },
  new: {
    order: 'p.created_at DESC, p.id DESC',
    key: '(p.created_at, p.id)',
    after: '<',
    cursor: (row) => [row.created_at.toISOString(), row.id],
    shape: ['time', 'id'],
  },
  old: {
    order: 'p.created_at ASC, p.id ASC',
    key: '(p.created_at, p.id)',
    after: '>',
    cursor: (row) => [row.created_at.toISOString(), row.id],
    shape: ['time', 'id'],
  },
  'common-ground': {
    order: 'p.cg DESC, p.score DESC, p.created_at DESC, p.id DESC',
    key: '(p.cg, p.score, p.created_at, p.id)',
    after: '<',
    cursor: (row) => [Number(row.cg), row.score, row.created_at.toISOString(), row.id],
    shape: ['int', 'int', 'time', 'id'],
  },
};

/** What was written in some debates over a stretch of time (a live session's report). */
export interface PostActivity {
  total: number;
  byStance: Record<Stance, number>;
  authorIds: string[];
}

export const REVISION_CURSOR: CursorPart[] = ['time', 'id'];
/**
 * Search results, in one of two orders the cursor names: `rank` (relevance in millionths, so cursors round-trip
 * exactly, then newest) or `new` (newest first, rank 0).
 */
export const SEARCH_CURSOR: CursorPart[] = ['string', 'int', 'time', 'id'];
export const SEARCH_ORDERS = ['rank', 'new'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];
/** A person's posts, newest first. */
export const AUTHOR_CURSOR: CursorPart[] = ['time', 'id'];

/** The debate a post belongs to, as lists across debates show it. */
export interface DebateRefRow {
  debate_question: string;
  debate_i18n: DebateTranslations | null;
}

export interface SearchFilters {
  debateId: string | null;
  stance: Stance | null;
}

export interface SearchRow extends PostRow {
  rank: number;
  snippet: string;
}

export interface StanceRow extends DebateRefRow {
  debate_id: string;
  stance: Stance;
}

export interface RevisionRow {
  id: string;
  body: string;
  editor_id: string | null;
  edited_at: Date;
}

export function cursorOf(sort: PostSort, row: PostRow): CursorValue[] {
  return SORTS[sort].cursor(row);
}

export function cursorShapeOf(sort: PostSort): CursorPart[] {
  return SORTS[sort].shape;
}

/** The columns of a new post; the database adds created_at and the counters start at 0. */
export type NewPostRow = Pick<
  Post,
  | 'id'
  | 'debateId'
  | 'parentId'
  | 'rootId'
  | 'path'
  | 'depth'
  | 'authorId'
  | 'body'
  | 'stance'
  | 'relation'
  | 'mentions'
  | 'sectionId'
  | 'quote'
  | 'status'
  | 'clientId'
  | 'statusCause'
  | 'statusNote'
>;

/** What castVote answers: the post as it stood, its score after the vote, and the event when the vote changed. */
export interface VoteOutcome {
  post: Pick<Post, 'debateId' | 'authorId' | 'status'>;
  score: number;
  cast: { seq: number; eventCreatedAt: Date } | null;
}

/** Why a post is held or hidden, for its author; null when it is public again. */
export interface StatusReason {
  cause: string;
  note: string | null;
}

/** What a new post moves: the debate's counters (counterEffects) and its parent's (relationEffects). */
export interface NewPostCounts {
  posts: number;
  pro: number;
  contra: number;
  neutral: number;
  replies: number;
  supports: number;
  challenges: number;
}

/** Every SQL statement of the posts module. Writes take the caller's transaction. */
@Injectable()
export class PostRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prepared: PreparedQueries,
  ) {}

  /** The post as it is, whatever its status, without a lock. */
  find(tx: EntityManager, id: string): Promise<Post | null> {
    return tx.getRepository(Post).findOneBy({ id });
  }

  /** The post, locked for the rest of the transaction, whatever its status. */
  lock(tx: EntityManager, id: string): Promise<Post | null> {
    return tx.getRepository(Post).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async debateIdOf(id: string, tx: EntityManager = this.dataSource.manager): Promise<string | null> {
    const post = await tx.getRepository(Post).findOne({ where: { id }, select: { id: true, debateId: true } });
    return post?.debateId ?? null;
  }

  async authorIdOf(tx: EntityManager, id: string): Promise<string | null> {
    const post = await tx.getRepository(Post).findOne({ where: { id }, select: { id: true, authorId: true } });
    return post?.authorId ?? null;
  }

  /** The author's post with this clientId, in whichever debate. */
  findByClientId(authorId: string, clientId: string): Promise<Pick<Post, 'id' | 'debateId'> | null> {
    return this.dataSource
      .getRepository(Post)
      .findOne({ where: { authorId, clientId }, select: { id: true, debateId: true } });
  }

  /**
   * Writes a new post and its `post.created` event in one statement, taking the locks in the writers' order (the
   * debate's row, then the parent's, then the stream counter) so they are held only from here to COMMIT: it moves the
   * counters, takes the stream's next seq, inserts the post, and inserts the event with `payload` completed by the
   * post's seq and createdAt. Under the locks it checks again what may have changed since the caller read it: the
   * debate still open (unless `anyStatus`), its slow mode and pre-moderation still as `rules` say, and the parent
   * still visible. Answers null when that check fails, and the
   * caller must then roll back (the debate's counters may have moved).
   */
  async insertWithEvent(
    tx: EntityManager,
    row: Omit<NewPostRow, 'seq'>,
    counts: NewPostCounts,
    event: {
      stream: string;
      payload: object;
      restricted: boolean;
      anyStatus: boolean;
      /** The rules the post was screened under: no row is written unless they still hold. */
      rules: Pick<DebateRules, 'slowModeSeconds' | 'premoderated'>;
    },
  ): Promise<{ seq: number; createdAt: Date; eventCreatedAt: Date } | null> {
    const reply = row.parentId !== null;
    // Outside a transaction (UnitOfWork.single) the statement is a prepared one: planned once per connection.
    const run = <Row>(text: string, params: unknown[]): Promise<Row[]> =>
      tx.queryRunner ? tx.query(text, params) : this.prepared.query<Row>(text, params);
    const rows = await run<{ seq: number; created_at: Date; event_created_at: Date }>(
      `WITH debate AS (
         UPDATE debates SET post_count = post_count + $20, pro_count = pro_count + $21,
           contra_count = contra_count + $22, neutral_count = neutral_count + $23,
           last_activity_at = CASE WHEN $20::int <> 0 THEN now() ELSE last_activity_at END
         WHERE id = $2 AND (status = 'open' OR $29::boolean) AND slow_mode_seconds = $30 AND premoderated = $31
         RETURNING id
       ), parent AS (
         UPDATE posts SET reply_count = reply_count + $24, support_count = support_count + $25,
           challenge_count = challenge_count + $26
         WHERE id = $3 AND status = 'visible' AND EXISTS (SELECT 1 FROM debate)
         RETURNING id
       ), taken AS (
         INSERT INTO streams (name, last_seq) SELECT $27::varchar, 1 FROM ${reply ? 'parent' : 'debate'}
         ON CONFLICT (name) DO UPDATE SET last_seq = streams.last_seq + 1
         RETURNING last_seq
       ), post AS (
         INSERT INTO posts (id, debate_id, parent_id, root_id, path, depth, author_id, body, stance, relation, mentions,
           section_id, quote, status, client_id, seq, status_cause, status_note)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13, $14, $15, last_seq, $16, $17 FROM taken
         RETURNING seq, created_at
       ), event AS (
         INSERT INTO events (stream, seq, type, payload, restricted, owner_id)
         SELECT $27, post.seq, 'post.created', $28::jsonb || jsonb_build_object('seq', post.seq,
           'createdAt', to_char(post.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), $18, $19
         FROM post
         RETURNING created_at
       )
       SELECT post.seq::int AS seq, post.created_at, event.created_at AS event_created_at FROM post, event`,
      [
        row.id,
        row.debateId,
        row.parentId,
        row.rootId,
        row.path,
        row.depth,
        row.authorId,
        row.body,
        row.stance,
        row.relation,
        row.mentions,
        row.sectionId,
        row.quote,
        row.status,
        row.clientId,
        row.statusCause,
        row.statusNote,
        event.restricted,
        event.restricted ? row.authorId : null,
        counts.posts,
        counts.pro,
        counts.contra,
        counts.neutral,
        counts.replies,
        counts.supports,
        counts.challenges,
        event.stream,
        JSON.stringify(event.payload),
        event.anyStatus,
        event.rules.slowModeSeconds,
        event.rules.premoderated,
      ],
    );
    if (rows.length === 0) return null;
    const [written] = rows;
    return { seq: written.seq, createdAt: written.created_at, eventCreatedAt: written.event_created_at };
  }

  /** Keeps the current body as a revision, then replaces it (and the mentions it makes). */
  async replaceBody(
    tx: EntityManager,
    post: Pick<Post, 'id' | 'body'>,
    change: Pick<Post, 'body' | 'mentions'>,
    editorId: string,
  ): Promise<void> {
    await this.keepRevision(tx, post, editorId);
    await tx.getRepository(Post).update({ id: post.id }, { ...change, editedAt: () => 'now()' });
  }

  async setStatus(tx: EntityManager, id: string, status: PostStatus, reason: StatusReason | null): Promise<void> {
    await tx
      .getRepository(Post)
      .update({ id }, { status, statusCause: reason?.cause ?? null, statusNote: reason?.note ?? null });
  }

  /** A tombstone brought back (an appeal reversed): its last body comes back from the revision deletion kept. */
  async untombstone(tx: EntityManager, id: string): Promise<void> {
    await tx.query(
      `UPDATE posts SET body = coalesce((SELECT body FROM post_revisions WHERE post_id = $1
         ORDER BY edited_at DESC, id DESC LIMIT 1), body)
       WHERE id = $1`,
      [id],
    );
  }

  async setLabel(tx: EntityManager, id: string, label: PostLabel | null): Promise<void> {
    await tx.getRepository(Post).update(
      { id },
      label
        ? {
            labelKind: label.kind,
            labelNote: label.note,
            labelSourceUrl: label.sourceUrl,
            labelCreatedAt: () => 'now()',
          }
        : { labelKind: null, labelNote: null, labelSourceUrl: null, labelCreatedAt: null },
    );
  }

  /** Leaves the node in place with no words: the last body is kept as a revision (appeals are judged on it). */
  async tombstone(
    tx: EntityManager,
    post: Pick<Post, 'id' | 'body'>,
    actorId: string | null,
    reason: { cause: string; note: string | null } | null,
  ): Promise<void> {
    await this.keepRevision(tx, post, actorId);
    await tx.getRepository(Post).update(
      { id: post.id },
      {
        body: '',
        status: 'deleted',
        quote: null,
        mentions: [],
        statusCause: reason?.cause ?? null,
        statusNote: reason?.note ?? null,
      },
    );
  }

  /** Removes a post nobody else has seen (a withdrawn pending post). */
  async remove(tx: EntityManager, id: string): Promise<void> {
    await tx.getRepository(Post).delete({ id });
  }

  /** A pending post approved: its `seq` becomes that of its public `post.created`. */
  async setSeq(tx: EntityManager, id: string, seq: number): Promise<void> {
    await tx.getRepository(Post).update({ id }, { seq });
  }

  /** Moves a parent's counters of direct replies: in place, supporting, challenging. */
  async adjustReplyCounts(
    tx: EntityManager,
    parentId: string,
    delta: { replies: number; supports: number; challenges: number },
  ): Promise<void> {
    await tx.query(
      `UPDATE posts SET reply_count = reply_count + $2, support_count = support_count + $3,
         challenge_count = challenge_count + $4
       WHERE id = $1`,
      [parentId, delta.replies, delta.supports, delta.challenges],
    );
  }

  /** Seconds until this author may post again in a slow-mode debate (0: now). */
  async slowModeWait(tx: EntityManager, authorId: string, debateId: string, seconds: number): Promise<number> {
    const [{ wait }]: { wait: number | null }[] = await tx.query(
      `SELECT ceil(extract(epoch FROM max(created_at) + make_interval(secs => $3) - now()))::int AS wait
       FROM posts WHERE author_id = $1 AND debate_id = $2`,
      [authorId, debateId, seconds],
    );
    return Math.max(0, wait ?? 0);
  }

  async countByAuthor(tx: EntityManager, authorId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await tx.query(
      `SELECT count(*)::int AS count FROM posts WHERE author_id = $1`,
      [authorId],
    );
    return count;
  }

  async voteOf(tx: EntityManager, postId: string, userId: string): Promise<1 | -1 | 0> {
    return (await tx.getRepository(Vote).findOneBy({ postId, userId }))?.value ?? 0;
  }

  /**
   * A person's vote (0 withdraws it) as one call of the database's `cast_vote` (migration 1764000770000): the post
   * locked, the vote's upsert or delete, the score moved by the difference, the stream's next seq and the `post.voted`
   * event, committed as it returns. Null for no such post; `cast` null when the post is not visible or the vote is
   * what it was (nothing changed, no event).
   */
  async castVote(postId: string, userId: string, value: 1 | -1 | 0): Promise<VoteOutcome | null> {
    const [row] = await this.prepared.query<{
      post_debate_id: string;
      post_author_id: string;
      post_status: PostStatus;
      new_score: number;
      event_seq: number | null;
      event_created_at: Date | null;
    }>(`SELECT * FROM cast_vote($1, $2, $3)`, [postId, userId, value]);
    if (!row) return null;
    const post = { debateId: row.post_debate_id, authorId: row.post_author_id, status: row.post_status };
    const cast =
      row.event_seq === null || row.event_created_at === null
        ? null
        : { seq: row.event_seq, eventCreatedAt: row.event_created_at };
    return { post, score: row.new_score, cast };
  }

  /** The post as `viewer` sees it: in `tx` when given, else as a prepared read. */
  async findOne(id: string, viewer: Viewer, tx?: EntityManager): Promise<PostRow | null> {
    const text = `SELECT ${COLUMNS} FROM posts p ${JOINS} WHERE p.id = $1 AND ${visibleToSql('$2', '$3')}`;
    const params = [id, viewer.userId, viewer.moderator];
    const rows: PostRow[] = tx ? await tx.query(text, params) : await this.prepared.query(text, params);
    return rows[0] ?? null;
  }

  /** These posts as this viewer sees them, and with `parents` the posts they reply to, in one query. */
  async findMany(
    ids: string[],
    viewer: Viewer,
    tx: EntityManager = this.dataSource.manager,
    parents = false,
  ): Promise<PostRow[]> {
    if (ids.length === 0) return [];
    // One array of ids, so the primary key serves the lookup (an OR with a subquery scans the table).
    const wanted = parents
      ? `p.id = ANY(ARRAY(SELECT unnest($1::uuid[]) UNION
          SELECT parent_id FROM posts WHERE id = ANY($1::uuid[]) AND parent_id IS NOT NULL))`
      : `p.id = ANY($1::uuid[])`;
    return tx.query(`SELECT ${COLUMNS} FROM posts p ${JOINS} WHERE ${wanted} AND ${visibleToSql('$2', '$3')}`, [
      ids,
      viewer.userId,
      viewer.moderator,
    ]);
  }

  /** One level of a thread (top-level posts, or the replies of `parentId`), one page in `sort` order. */
  async level(
    debateId: string,
    parentId: string | null,
    viewer: Viewer,
    sort: PostSort,
    after: CursorValue[] | null,
    limit: number,
  ): Promise<PostRow[]> {
    const { order, key, after: comparison } = SORTS[sort];
    const params: unknown[] = [debateId, viewer.userId, viewer.moderator, parentId, limit];
    // Two spellings, so the planner can walk the level index in sort order either way.
    const level =
      parentId === null
        ? `p.debate_id = $1 AND p.parent_id IS NULL AND $4::uuid IS NULL`
        : `p.debate_id = $1 AND p.parent_id = $4`;
    let keyset = '';
    if (after) {
      const placeholders = after.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      keyset = `AND ${key} ${comparison} (${placeholders.join(', ')})`;
    }
    const source = sort === 'common-ground' ? `(${this.rankedLevel(level)}) p` : 'posts p';
    return this.prepared.query(
      `SELECT ${COLUMNS}${sort === 'common-ground' ? ', p.cg' : ''} FROM ${source} ${JOINS}
       WHERE ${level} AND ${visibleToSql('$2', '$3')} ${keyset}
       ORDER BY ${order} LIMIT $5`,
      params,
    );
  }

  /**
   * Every post of a debate, or of one subtree, down to `maxDepth` (absolute): parents before their replies (by
   * depth), each level oldest first. A subtree is read through its thread's root (indexed) and its path prefix is
   * checked on that thread's rows: no index holds a path, so depth is unbounded.
   */
  async subtree(
    debateId: string,
    viewer: Viewer,
    root: Pick<PostRow, 'root_id' | 'path'> | null,
    maxDepth: number | null,
  ): Promise<PostRow[]> {
    const params: unknown[] = [debateId, viewer.userId, viewer.moderator, maxDepth];
    let scope = 'p.debate_id = $1';
    if (root) {
      params.push(root.root_id, root.path);
      scope += ` AND p.root_id = $5 AND starts_with(p.path, $6)`;
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM posts p ${JOINS}
       WHERE ${scope} AND ($4::int IS NULL OR p.depth <= $4) AND ${visibleToSql('$2', '$3')}
       ORDER BY p.depth, p.created_at, p.id`,
      params,
    );
  }

  /** Status and author of each of these posts that still exists (a withdrawn pending post does not). */
  async statuses(ids: string[]): Promise<Map<string, Pick<Post, 'status' | 'authorId'>>> {
    const rows: { id: string; status: PostStatus; author_id: string }[] = await this.dataSource.query(
      `SELECT id, status, author_id FROM posts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { status: row.status, authorId: row.author_id }]));
  }

  /**
   * Posts written in these debates within [from, to): visible ones counted, top-level visible ones by stance, and
   * every author (whatever became of the post: writing it was taking part).
   */
  async activity(debateIds: string[], from: Date, to: Date): Promise<PostActivity> {
    const [row]: (Omit<PostActivity, 'byStance'> & Record<Stance, number>)[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'visible')::int AS total,
         count(*) FILTER (WHERE status = 'visible' AND parent_id IS NULL AND stance = 'pro')::int AS pro,
         count(*) FILTER (WHERE status = 'visible' AND parent_id IS NULL AND stance = 'contra')::int AS contra,
         count(*) FILTER (WHERE status = 'visible' AND parent_id IS NULL AND stance = 'neutral')::int AS neutral,
         coalesce(array_agg(DISTINCT author_id), '{}') AS "authorIds"
       FROM posts WHERE debate_id = ANY($1::uuid[]) AND created_at >= $2 AND created_at < $3`,
      [debateIds, from, to],
    );
    return {
      total: row.total,
      byStance: { pro: row.pro, contra: row.contra, neutral: row.neutral },
      authorIds: row.authorIds,
    };
  }

  /** The highest-scored visible posts written in these debates within [from, to). */
  top(debateIds: string[], from: Date, to: Date, limit: number): Promise<PostRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM posts p ${JOINS}
       WHERE p.debate_id = ANY($1::uuid[]) AND p.status = 'visible' AND p.created_at >= $3 AND p.created_at < $4
       ORDER BY p.score DESC, p.created_at, p.id LIMIT $5`,
      [debateIds, null, from, to, limit],
    );
  }

  /** Each of these people's side in these debates: the stance of their latest visible top-level post with one. */
  async stances(authorIds: string[], debateIds: string[]): Promise<Map<string, Stance>> {
    const rows: { author_id: string; stance: Stance }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (author_id) author_id, stance FROM posts
       WHERE author_id = ANY($1::uuid[]) AND debate_id = ANY($2::uuid[])
         AND parent_id IS NULL AND status = 'visible' AND stance IS NOT NULL
       ORDER BY author_id, created_at DESC`,
      [authorIds, debateIds],
    );
    return new Map(rows.map((row) => [row.author_id, row.stance]));
  }

  /** These posts (a post's ancestors), those the viewer may see, top-level first. */
  async ancestors(ids: string[], viewer: Viewer): Promise<PostRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM posts p ${JOINS}
       WHERE p.id = ANY($1::uuid[]) AND ${visibleToSql('$2', '$3')} ORDER BY p.depth`,
      [ids, viewer.userId, viewer.moderator],
    );
  }

  /** A person's visible posts in every debate, newest first, one keyset page after `after` (an AUTHOR_CURSOR). */
  async byAuthor(
    authorId: string,
    viewer: Viewer,
    after: CursorValue[] | null,
    limit: number,
  ): Promise<(PostRow & DebateRefRow)[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}, d.question AS debate_question, d.i18n AS debate_i18n
       FROM posts p ${JOINS} JOIN debates d ON d.id = p.debate_id
       WHERE p.author_id = $1 AND p.status = 'visible' ${after ? 'AND (p.created_at, p.id) < ($4, $5)' : ''}
       ORDER BY p.created_at DESC, p.id DESC LIMIT $3`,
      after ? [authorId, viewer.userId, limit, ...after] : [authorId, viewer.userId, limit],
    );
  }

  async countVisibleByAuthor(authorId: string): Promise<number> {
    // Planned for its values, not prepared: a generic plan cannot know a word's or a debate's share of the posts.
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM posts WHERE author_id = $1 AND status = 'visible'`,
      [authorId],
    );
    return count;
  }

  /**
   * The stance a person takes in each debate: that of their latest visible top-level post that took one (the same
   * rule as their side in the common-ground rank), newest debate activity first.
   */
  async stancesOf(authorId: string): Promise<StanceRow[]> {
    return this.dataSource.query(
      `SELECT s.debate_id, s.stance, d.question AS debate_question, d.i18n AS debate_i18n
       FROM (
         SELECT DISTINCT ON (debate_id) debate_id, stance, created_at FROM posts
         WHERE author_id = $1 AND parent_id IS NULL AND status = 'visible' AND stance IS NOT NULL
         ORDER BY debate_id, created_at DESC
       ) s JOIN debates d ON d.id = s.debate_id
       ORDER BY s.created_at DESC`,
      [authorId],
    );
  }

  /**
   * How many posts match `query` with these filters, counting no further than `cap` (whoever may see them: this only
   * chooses the order). The GIN index answers it for rare words; for common ones the count stops early.
   */
  async countMatches(query: string, filters: SearchFilters, cap: number): Promise<number> {
    const params: unknown[] = [query, cap];
    // Planned for its values, not prepared: a generic plan cannot know a word's or a debate's share of the posts.
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM (
         SELECT 1 FROM posts p
         WHERE p.search_vector @@ ${textQuerySql('$1')} ${searchFilterSql(filters, params)}
         LIMIT $2
       ) m`,
      params,
    );
    return count;
  }

  /**
   * Posts the viewer may see whose body matches `query` in German or English, one keyset page after `after` (the
   * rank, created_at and id of the last row), each with a snippet around its matches. `rank` orders by relevance:
   * the GIN index finds the matches and ts_rank reads each one's vector, so it is meant for hundreds or a few
   * thousand. `new` orders newest first, walking ix_posts_created and checking each post until a page is full: fast
   * exactly when a word is common. Snippets are made for the page only.
   */
  async search(
    query: string,
    viewer: Viewer,
    filters: SearchFilters,
    order: SearchOrder,
    after: CursorValue[] | null,
    limit: number,
  ): Promise<SearchRow[]> {
    const params: unknown[] = [query, viewer.userId, viewer.moderator, limit];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const filtered = searchFilterSql(filters, params);
    const rank = order === 'rank' ? `(ts_rank(p.search_vector, ${textQuerySql('$1')}, 1) * 1000000)::int` : '0';
    // In `new` order the rank is 0 throughout; comparing only (created_at, id) lets the walk start at the cursor.
    const keyset = !after
      ? ''
      : order === 'rank'
        ? `AND (m.rank, m.created_at, m.id) < (${param(after[0])}::int, ${param(after[1])}::timestamptz, ${param(after[2])}::uuid)`
        : `AND ${param(after[0])}::int = 0 AND (m.created_at, m.id) < (${param(after[1])}::timestamptz, ${param(after[2])}::uuid)`;
    // Ranked pages are planned for their own values (how many match, in which debate: the generic plan of a prepared
    // statement read 10,000 matches to keep a debate's 1,000); newest-first walks keep the prepared plan.
    const run = <Row>(text: string): Promise<Row[]> =>
      order === 'rank' ? this.dataSource.query(text, params) : this.prepared.query<Row>(text, params);
    return run<SearchRow>(
      `WITH page AS MATERIALIZED (
         SELECT m.id, m.rank FROM (
           SELECT p.id, p.created_at, ${rank} AS rank
           FROM posts p
           WHERE p.search_vector @@ ${textQuerySql('$1')} AND ${hasLexemesSql('$1')}
             AND ${visibleToSql('$2', '$3')} ${filtered}
         ) m WHERE true ${keyset}
         ORDER BY m.rank DESC, m.created_at DESC, m.id DESC LIMIT $4
       )
       SELECT ${COLUMNS}, page.rank, ${snippetSql('p.body', '$1')} AS snippet
       FROM page JOIN posts p ON p.id = page.id ${JOINS}
       ORDER BY page.rank DESC, p.created_at DESC, p.id DESC`,
    );
  }

  private async keepRevision(tx: EntityManager, post: Pick<Post, 'id' | 'body'>, editorId: string | null) {
    await tx.getRepository(PostRevision).insert({ postId: post.id, body: post.body, editorId });
  }

  /** A post's earlier bodies, oldest first, one keyset page after `after` (a REVISION_CURSOR). */
  async revisions(postId: string, after: CursorValue[] | null, limit: number): Promise<RevisionRow[]> {
    return this.dataSource.query(
      `SELECT id, body, editor_id, edited_at FROM post_revisions
       WHERE post_id = $1 ${after ? 'AND (edited_at, id) > ($3, $4)' : ''}
       ORDER BY edited_at, id LIMIT $2`,
      after ? [postId, limit, ...after] : [postId, limit],
    );
  }

  /**
   * The level's posts with their common-ground rank: each voter's side is the stance of their latest visible
   * top-level post that took one, and only pro and contra count (a voter now neutral has no side; see
   * docs/COMMON_GROUND.md).
   */
  private rankedLevel(level: string): string {
    return `
      WITH sides AS MATERIALIZED (
        SELECT DISTINCT ON (author_id) author_id, stance FROM posts
        WHERE debate_id = $1 AND parent_id IS NULL AND status = 'visible' AND stance IS NOT NULL
        ORDER BY author_id, created_at DESC
      ), tallies AS MATERIALIZED (
        SELECT v.post_id,
          count(*) FILTER (WHERE s.stance = 'pro' AND v.value = 1) AS pro_up,
          count(*) FILTER (WHERE s.stance = 'pro' AND v.value = -1) AS pro_down,
          count(*) FILTER (WHERE s.stance = 'contra' AND v.value = 1) AS contra_up,
          count(*) FILTER (WHERE s.stance = 'contra' AND v.value = -1) AS contra_down
        FROM posts p JOIN votes v ON v.post_id = p.id JOIN sides s ON s.author_id = v.user_id
        WHERE ${level}
        GROUP BY v.post_id
      )
      SELECT p.*, ${COMMON_GROUND_SQL.replace(/(pro_up|pro_down|contra_up|contra_down)/g, 'COALESCE(t.$1, 0)')} AS cg
      FROM posts p LEFT JOIN tallies t ON t.post_id = p.id
      WHERE ${level}`;
  }
}

/**
 * The search filters that are set, as conditions on `p`, their values added to `params`. A filter is in the text
 * only when it is set: a generic plan cannot use an index for `$n IS NULL OR …`, and in one debate the debate's
 * index narrows the matches before their rows are read.
 */
function searchFilterSql(filters: SearchFilters, params: unknown[]): string {
  return [
    filters.debateId ? `AND p.debate_id = $${params.push(filters.debateId)}::uuid` : '',
    filters.stance ? `AND p.stance = $${params.push(filters.stance)}::text` : '',
  ].join(' ');
}

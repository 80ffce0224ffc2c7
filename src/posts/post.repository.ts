import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorPart, CursorValue } from '../common/pagination/cursor';
import { COMMON_GROUND_SQL } from './common-ground';
import { PostSort } from './dto/list-posts.query';
import { Stance } from '../debates/stance';
import { Post, PostStatus } from './post.entity';
import { Viewer, visibleToSql } from './post-rules';

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
  section_id: string | null;
  quote: string | null;
  status: PostStatus;
  score: number;
  reply_count: number;
  depth: number;
  root_id: string;
  path: string;
  seq: string | null;
  created_at: Date;
  edited_at: Date | null;
  my_vote: 1 | -1 | null;
  cg?: string;
}

const COLUMNS = `p.id, p.debate_id, p.parent_id, p.author_id, p.body, p.stance, p.section_id, p.quote, p.status,
  p.score, p.reply_count, p.depth, p.root_id, p.path, p.seq, p.created_at, p.edited_at,
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

export const REVISION_CURSOR: CursorPart[] = ['time', 'id'];

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

@Injectable()
export class PostRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findOne(id: string, viewer: Viewer, tx: EntityManager = this.dataSource.manager): Promise<PostRow | null> {
    const rows: PostRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM posts p ${JOINS} WHERE p.id = $1 AND ${visibleToSql('$2', '$3')}`,
      [id, viewer.userId, viewer.moderator],
    );
    return rows[0] ?? null;
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
    return this.dataSource.query(
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
   * The level's posts with their common-ground rank: each voter counts for the stance of their latest visible
   * top-level post in the debate (see common-ground.ts).
   */
  private rankedLevel(level: string): string {
    return `
      WITH sides AS MATERIALIZED (
        SELECT DISTINCT ON (author_id) author_id, stance FROM posts
        WHERE debate_id = $1 AND parent_id IS NULL AND status = 'visible' AND stance IN ('pro', 'contra')
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

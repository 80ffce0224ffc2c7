import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CursorValue } from '../common/pagination/cursor';
import type { QueueState } from './dto/queue.dto';
import type { Resolution } from './moderation-policy';

/** What put a post in the queue: `flags`, `watched_word` (with its pattern and action), `premoderated`, `new_account`. */
export interface QueueCause {
  kind: string;
  pattern?: string;
  action?: string;
}

export interface QueueRow {
  id: string;
  post_id: string;
  state: QueueState;
  causes: QueueCause[];
  opened_at: Date;
  resolved_at: Date | null;
  resolved_by_id: string | null;
  resolver_username: string | null;
  resolver_display_name: string | null;
  resolution: Resolution | null;
  resolution_reason: string | null;
}

const COLUMNS = `q.id, q.post_id, q.state, q.causes, q.opened_at, q.resolved_at, q.resolved_by_id, q.resolution,
  q.resolution_reason, r.username AS resolver_username, r.display_name AS resolver_display_name`;

/** Per state: the page order and the keyset comparison (open oldest first, resolved latest decision first). */
const ORDER: Record<QueueState, { order: string; key: string; after: string }> = {
  open: { order: 'q.opened_at, q.id', key: '(q.opened_at, q.id)', after: '>' },
  resolved: { order: 'q.resolved_at DESC, q.id DESC', key: '(q.resolved_at, q.id)', after: '<' },
};

/** The review queue: at most one open item per post, which every cause and flag joins until a moderator decides. */
@Injectable()
export class QueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the post's item, or adds the causes it does not have yet to the open one. */
  async enqueue(tx: EntityManager, postId: string, causes: QueueCause[]): Promise<{ id: string; opened: boolean }> {
    const [row]: { id: string; opened: boolean }[] = await tx.query(
      `INSERT INTO queue_items (post_id, causes) VALUES ($1, $2::jsonb)
       ON CONFLICT (post_id) WHERE state = 'open' DO UPDATE SET causes = queue_items.causes || (
         SELECT coalesce(jsonb_agg(c), '[]'::jsonb) FROM jsonb_array_elements(EXCLUDED.causes) c
         WHERE NOT queue_items.causes @> jsonb_build_array(c))
       RETURNING id, (xmax = 0) AS opened`,
      [postId, JSON.stringify(causes)],
    );
    return row;
  }

  /** The post's open item, locked: of two moderators acting at once, the second finds it resolved. */
  async lockOpen(tx: EntityManager, postId: string): Promise<QueueRow | null> {
    const rows: QueueRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM queue_items q LEFT JOIN users r ON r.id = q.resolved_by_id
       WHERE q.post_id = $1 AND q.state = 'open' FOR UPDATE OF q`,
      [postId],
    );
    return rows[0] ?? null;
  }

  async resolve(
    tx: EntityManager,
    id: string,
    resolverId: string | null,
    resolution: Resolution,
    reason: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE queue_items SET state = 'resolved', resolved_at = now(), resolved_by_id = $2, resolution = $3,
         resolution_reason = $4
       WHERE id = $1`,
      [id, resolverId, resolution, reason],
    );
  }

  /** The item, and the number of open items with it. */
  async find(tx: EntityManager, id: string): Promise<(QueueRow & { open_count: number }) | null> {
    const rows: (QueueRow & { open_count: number })[] = await tx.query(
      `SELECT ${COLUMNS}, (SELECT open FROM queue_counts) AS open_count
       FROM queue_items q LEFT JOIN users r ON r.id = q.resolved_by_id WHERE q.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** One page, and the number of open items with it (one round trip). */
  async page(
    state: QueueState,
    after: CursorValue[] | null,
    limit: number,
  ): Promise<{ rows: QueueRow[]; openCount: number }> {
    const { order, key, after: comparison } = ORDER[state];
    const params: unknown[] = [state, limit];
    const keyset = after ? `AND ${key} ${comparison} ($3, $4)` : '';
    if (after) params.push(...after);
    const rows: (QueueRow & { open_count: number })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, (SELECT open FROM queue_counts) AS open_count
       FROM queue_items q LEFT JOIN users r ON r.id = q.resolved_by_id
       WHERE q.state = $1 ${keyset} ORDER BY ${order} LIMIT $2`,
      params,
    );
    return { rows, openCount: rows.length > 0 ? rows[0].open_count : await this.openCount() };
  }

  /** Kept by a trigger on queue_items (see the migration): one row, not a count of the index. */
  async openCount(tx: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ open }]: { open: number }[] = await tx.query(`SELECT open FROM queue_counts`);
    return open;
  }
}

/** A page's keyset value of a row, per state. */
export function queueCursor(state: QueueState, row: QueueRow): CursorValue[] {
  return state === 'open' ? [row.opened_at.toISOString(), row.id] : [row.resolved_at!.toISOString(), row.id];
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Category, LogAction, TargetType } from './moderation-policy';

export interface LogRow {
  /** The internal order (bigserial): pages and appeals go by it. */
  id: string;
  /** The entry's id as the API shows it. */
  public_id: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_display_name: string | null;
  action: LogAction;
  target_type: TargetType;
  target_id: string;
  target_owner_id: string | null;
  category: Category | null;
  reason: string;
  created_at: Date;
}

export interface NewLogEntry {
  /** null: done by the forum itself. */
  actorId: string | null;
  action: LogAction;
  targetType: TargetType;
  targetId: string;
  /** The post's author or the suspended person: whose history this is, and who may appeal it. */
  targetOwnerId: string | null;
  category: Category | null;
  reason: string;
}

export interface LogFilter {
  action?: LogAction;
  targetId?: string;
}

export interface WeekRow {
  week_start: string;
  category: string | null;
  action: LogAction;
  count: number;
}

const COLUMNS = `l.id, l.public_id, l.actor_id, l.action, l.target_type, l.target_id, l.target_owner_id, l.category, l.reason,
  l.created_at, a.username AS actor_username, a.display_name AS actor_display_name`;

/** The audit log: only ever inserted into (the database refuses UPDATE, DELETE and TRUNCATE). */
@Injectable()
export class ModerationLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, entry: NewLogEntry): Promise<Omit<LogRow, 'actor_username' | 'actor_display_name'>> {
    const [row] = await tx.query(
      `INSERT INTO moderation_log (actor_id, action, target_type, target_id, target_owner_id, category, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, public_id, actor_id, action, target_type, target_id, target_owner_id, category, reason, created_at`,
      [
        entry.actorId,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.targetOwnerId,
        entry.category,
        entry.reason,
      ],
    );
    return row;
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<LogRow | null> {
    const rows: LogRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM moderation_log l LEFT JOIN users a ON a.id = l.actor_id WHERE l.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findMany(ids: string[]): Promise<Map<string, LogRow>> {
    if (ids.length === 0) return new Map();
    const rows: LogRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM moderation_log l LEFT JOIN users a ON a.id = l.actor_id WHERE l.id = ANY($1::bigint[])`,
      [ids],
    );
    return new Map(rows.map((row) => [String(row.id), row]));
  }

  /** Newest first, one keyset page before `beforeId`. */
  async page(filter: LogFilter, beforeId: number | null, limit: number): Promise<LogRow[]> {
    const params: unknown[] = [limit];
    const where: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.action) where.push(`l.action = ${param(filter.action)}`);
    if (filter.targetId) where.push(`l.target_id = ${param(filter.targetId)}`);
    if (beforeId !== null) where.push(`l.id < ${param(beforeId)}`);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM moderation_log l LEFT JOIN users a ON a.id = l.actor_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY l.id DESC LIMIT $1`,
      params,
    );
  }

  /** The latest of these actions on a target: the decision an appeal contests. */
  async latest(tx: EntityManager, targetId: string, actions: readonly LogAction[]): Promise<LogRow | null> {
    const rows: LogRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM moderation_log l LEFT JOIN users a ON a.id = l.actor_id
       WHERE l.target_id = $1 AND l.action = ANY($2::text[]) ORDER BY l.id DESC LIMIT 1`,
      [targetId, actions],
    );
    return rows[0] ?? null;
  }

  /** How often each of these people had each action taken against them. */
  async history(
    ownerIds: string[],
    actions: readonly LogAction[],
    tx: EntityManager = this.dataSource.manager,
  ): Promise<{ owner: string; action: LogAction; count: number }[]> {
    if (ownerIds.length === 0) return [];
    return tx.query(
      `SELECT target_owner_id AS owner, action, count(*)::int AS count FROM moderation_log
       WHERE target_owner_id = ANY($1::uuid[]) AND action = ANY($2::text[])
       GROUP BY target_owner_id, action`,
      [ownerIds, actions],
    );
  }

  /** Actions per week (Monday, UTC), category and action, over the last `weeks` weeks. */
  async weekly(weeks: number): Promise<WeekRow[]> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week_start,
         category, action, count(*)::int AS count
       FROM moderation_log
       WHERE created_at >= date_trunc('week', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(weeks => $1 - 1)
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [weeks],
    );
  }
}

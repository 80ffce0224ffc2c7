import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CursorValue } from '../common/pagination/cursor';
import type { AppealState, AppealTarget } from './dto/appeal.dto';
import type { LogAction } from './moderation-policy';

export interface AppealRow {
  id: string;
  target_type: AppealTarget;
  target_id: string;
  decision_id: string;
  appealed_action: LogAction;
  appellant_id: string;
  appellant_username: string;
  appellant_display_name: string;
  message: string;
  state: AppealState;
  decision_reason: string | null;
  decided_by_id: string | null;
  decider_username: string | null;
  decider_display_name: string | null;
  created_at: Date;
  decided_at: Date | null;
}

const SELECT = `SELECT ap.id, ap.target_type, ap.target_id, ap.decision_id, l.action AS appealed_action, ap.appellant_id,
    u.username AS appellant_username, u.display_name AS appellant_display_name, ap.message, ap.state,
    ap.decision_reason, ap.decided_by_id, d.username AS decider_username, d.display_name AS decider_display_name,
    ap.created_at, ap.decided_at
  FROM appeals ap
  JOIN moderation_log l ON l.id = ap.decision_id
  JOIN users u ON u.id = ap.appellant_id
  LEFT JOIN users d ON d.id = ap.decided_by_id`;

/** Appeals: one per decision (the audit-log entry it contests). */
@Injectable()
export class AppealRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** null when this decision was appealed before. */
  async insert(
    tx: EntityManager,
    appeal: { targetType: AppealTarget; targetId: string; decisionId: string; appellantId: string; message: string },
  ): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO appeals (target_type, target_id, decision_id, appellant_id, message) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (decision_id) DO NOTHING RETURNING id`,
      [appeal.targetType, appeal.targetId, appeal.decisionId, appeal.appellantId, appeal.message],
    );
    return rows[0]?.id ?? null;
  }

  async find(tx: EntityManager, id: string): Promise<AppealRow | null> {
    const rows: AppealRow[] = await tx.query(`${SELECT} WHERE ap.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Locks the appeal row: of two moderators deciding at once, the second finds it decided. */
  async lock(tx: EntityManager, id: string): Promise<boolean> {
    const rows = await tx.query(`SELECT id FROM appeals WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  async decide(
    tx: EntityManager,
    id: string,
    decision: { state: Exclude<AppealState, 'open'>; reason: string; deciderId: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE appeals SET state = $2, decision_reason = $3, decided_by_id = $4, decided_at = now() WHERE id = $1`,
      [id, decision.state, decision.reason, decision.deciderId],
    );
  }

  /** Open ones oldest first; decided ones latest decision first. */
  async page(state: 'open' | 'decided', after: CursorValue[] | null, limit: number): Promise<AppealRow[]> {
    const open = state === 'open';
    const key = open ? '(ap.created_at, ap.id)' : '(ap.decided_at, ap.id)';
    return this.dataSource.query(
      `${SELECT} WHERE ${open ? "ap.state = 'open'" : "ap.state <> 'open'"}
       ${after ? `AND ${key} ${open ? '>' : '<'} ($2, $3)` : ''}
       ORDER BY ${open ? 'ap.created_at, ap.id' : 'ap.decided_at DESC, ap.id DESC'} LIMIT $1`,
      after ? [limit, ...after] : [limit],
    );
  }

  /** One person's appeals, newest first. */
  async mine(appellantId: string, after: CursorValue[] | null, limit: number): Promise<AppealRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE ap.appellant_id = $1 ${after ? 'AND (ap.created_at, ap.id) < ($3, $4)' : ''}
       ORDER BY ap.created_at DESC, ap.id DESC LIMIT $2`,
      after ? [appellantId, limit, ...after] : [appellantId, limit],
    );
  }

  /** Appeals decided per week (Monday, UTC) and how many of them were reversed, over the last `weeks` weeks. */
  async weekly(weeks: number): Promise<{ week_start: string; decided: number; reversed: number }[]> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc('week', decided_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week_start,
         count(*)::int AS decided, count(*) FILTER (WHERE state = 'reversed')::int AS reversed
       FROM appeals
       WHERE state <> 'open'
         AND decided_at >= date_trunc('week', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(weeks => $1 - 1)
       GROUP BY 1 ORDER BY 1`,
      [weeks],
    );
  }

  async openCount(): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM appeals WHERE state = 'open'`,
    );
    return count;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/actor';
import type { CursorValue } from '../common/pagination/cursor';
import { visibleToSql } from '../posts/post-rules';
import type { NotificationKind } from './notification-kinds';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  post_id: string;
  debate_id: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_display_name: string | null;
  outcome: string | null;
  excerpt: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  postId: string;
  debateId: string;
  actorId: string | null;
  outcome: string | null;
}

const EXCERPT_LENGTH = 200;

/**
 * What a recipient sees of their notifications: a reply or mention only while they may see the post that made it
 * (one hidden by the moderators stops notifying), moderation outcomes about their own posts always.
 */
const SHOWN = `(n.kind = 'moderation' OR ${visibleToSql('$2', '$3')})`;

const SELECT = `SELECT n.id, n.kind, n.post_id, n.debate_id, n.actor_id, n.outcome, n.created_at, n.read_at,
    a.username AS actor_username, a.display_name AS actor_display_name,
    CASE WHEN p.status = 'deleted' THEN NULL ELSE left(p.body, ${EXCERPT_LENGTH}) END AS excerpt
  FROM notifications n JOIN posts p ON p.id = n.post_id LEFT JOIN users a ON a.id = n.actor_id`;

/** Every SQL statement of the notifications module. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a notification unless its kind is turned off for the person, or they already heard of this post through
   * a reply or mention; answers its id, or null when nothing was written.
   */
  async insert(tx: EntityManager, notification: NewNotification): Promise<string | null> {
    const { userId, kind, postId, debateId, actorId, outcome } = notification;
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO notifications (user_id, kind, post_id, debate_id, actor_id, outcome)
       SELECT $1::uuid, $2::varchar, $3::uuid, $4::uuid, $5::uuid, $6::varchar
       WHERE NOT EXISTS (SELECT 1 FROM notification_mutes WHERE user_id = $1::uuid AND kind = $2::varchar)
       ON CONFLICT (user_id, post_id) WHERE kind IN ('reply', 'mention') DO NOTHING
       RETURNING id`,
      [userId, kind, postId, debateId, actorId, outcome],
    );
    return rows[0]?.id ?? null;
  }

  async findOne(tx: EntityManager, id: string): Promise<NotificationRow> {
    const [row]: NotificationRow[] = await tx.query(`${SELECT} WHERE n.id = $1`, [id]);
    return row;
  }

  /** The recipient's notifications, newest first, one keyset page after `after` (created_at, id). */
  async list(
    recipient: Viewer & { userId: string },
    unreadOnly: boolean,
    after: CursorValue[] | null,
    limit: number,
  ): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE n.user_id = $1 AND ${SHOWN} ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
         ${after ? 'AND (n.created_at, n.id) < ($5, $6)' : ''}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $4`,
      [recipient.userId, recipient.userId, recipient.moderator, limit, ...(after ?? [])],
    );
  }

  async unreadCount(recipient: Viewer & { userId: string }): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications n JOIN posts p ON p.id = n.post_id
       WHERE n.user_id = $1 AND n.read_at IS NULL AND ${SHOWN}`,
      [recipient.userId, recipient.userId, recipient.moderator],
    );
    return count;
  }

  /** Marks these (or, with null, all) of the person's notifications read; others' ids are ignored. */
  async markRead(userId: string, ids: string[] | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now()
       WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids],
    );
  }

  async mutedKinds(userId: string): Promise<NotificationKind[]> {
    const rows: { kind: NotificationKind }[] = await this.dataSource.query(
      `SELECT kind FROM notification_mutes WHERE user_id = $1`,
      [userId],
    );
    return rows.map((row) => row.kind);
  }

  async setMuted(userId: string, kind: NotificationKind, muted: boolean): Promise<void> {
    await this.dataSource.query(
      muted
        ? `INSERT INTO notification_mutes (user_id, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING`
        : `DELETE FROM notification_mutes WHERE user_id = $1 AND kind = $2`,
      [userId, kind],
    );
  }
}

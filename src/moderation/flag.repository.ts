import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { FlagReason } from './moderation-policy';

export interface FlagRow {
  id: string;
  post_id: string;
  item_id: string;
  user_id: string;
  username: string;
  display_name: string;
  reason: FlagReason;
  note: string | null;
  created_at: Date;
}

/** Flags: one per person per post, each raised into the post's open queue item. */
@Injectable()
export class FlagRepository {
  /**
   * What stands before a new flag: whether this person flagged the post already, how many flags they raised in the
   * last day, and when the oldest of those leaves that window (seconds). One query.
   */
  async before(
    tx: EntityManager,
    postId: string,
    userId: string,
  ): Promise<{ already: boolean; today: number; freeInSeconds: number }> {
    const [row]: { already: boolean; today: number; free_in: number | null }[] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM flags WHERE post_id = $1 AND user_id = $2) AS already,
         count(*)::int AS today,
         ceil(extract(epoch FROM min(created_at) + interval '1 day' - now()))::int AS free_in
       FROM flags WHERE user_id = $2 AND created_at > now() - interval '1 day'`,
      [postId, userId],
    );
    return { already: row.already, today: row.today, freeInSeconds: Math.max(1, row.free_in ?? 1) };
  }

  async insert(
    tx: EntityManager,
    flag: { postId: string; itemId: string; userId: string; reason: FlagReason; note: string | null },
  ): Promise<{ id: string; created_at: Date }> {
    const [row] = await tx.query(
      `INSERT INTO flags (post_id, item_id, user_id, reason, note) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, created_at`,
      [flag.postId, flag.itemId, flag.userId, flag.reason, flag.note],
    );
    return row;
  }

  /** The flags of these items with who raised them, oldest first. */
  async ofItems(tx: EntityManager, itemIds: string[]): Promise<FlagRow[]> {
    if (itemIds.length === 0) return [];
    return tx.query(
      `SELECT f.id, f.post_id, f.item_id, f.user_id, u.username, u.display_name, f.reason, f.note, f.created_at
       FROM flags f JOIN users u ON u.id = f.user_id
       WHERE f.item_id = ANY($1::uuid[]) ORDER BY f.created_at, f.id`,
      [itemIds],
    );
  }

  /**
   * Distinct people who flagged into this item (one flag per person and post, so: its flags), and the most common
   * reason among them: what a decision on the item enforces unless the moderator says otherwise.
   */
  async tally(tx: EntityManager, itemId: string): Promise<{ flaggers: number; topReason: FlagReason | null }> {
    const [row]: { flaggers: number; top_reason: FlagReason | null }[] = await tx.query(
      `SELECT count(DISTINCT user_id)::int AS flaggers, mode() WITHIN GROUP (ORDER BY reason) AS top_reason
       FROM flags WHERE item_id = $1`,
      [itemId],
    );
    return { flaggers: row.flaggers, topReason: row.top_reason };
  }
}

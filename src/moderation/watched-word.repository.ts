import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CursorValue } from '../common/pagination/cursor';
import type { WatchedAction } from './watched-word-matcher';

export interface WatchedWordRow {
  id: string;
  pattern: string;
  action: WatchedAction;
  created_at: Date;
}

/** Watched words and the revision that every change bumps in the same transaction. */
@Injectable()
export class WatchedWordRepository {
  constructor(private readonly dataSource: DataSource) {}

  async revision(tx: EntityManager): Promise<number> {
    const [{ revision }]: { revision: string }[] = await tx.query(`SELECT revision FROM watched_word_revision`);
    return Number(revision);
  }

  async all(tx: EntityManager): Promise<WatchedWordRow[]> {
    return tx.query(`SELECT id, pattern, action, created_at FROM watched_words`);
  }

  /** Newest first. */
  async page(after: CursorValue[] | null, limit: number): Promise<WatchedWordRow[]> {
    return this.dataSource.query(
      `SELECT id, pattern, action, created_at FROM watched_words
       ${after ? 'WHERE (created_at, id) < ($2, $3)' : ''}
       ORDER BY created_at DESC, id DESC LIMIT $1`,
      after ? [limit, ...after] : [limit],
    );
  }

  /** Inserts unless a rule with the same key exists (then null); bumps the revision. */
  async insert(
    tx: EntityManager,
    rule: { pattern: string; key: string; action: WatchedAction; createdById: string },
  ): Promise<WatchedWordRow | null> {
    const rows: WatchedWordRow[] = await tx.query(
      `INSERT INTO watched_words (pattern, pattern_key, action, created_by_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (pattern_key) DO NOTHING RETURNING id, pattern, action, created_at`,
      [rule.pattern, rule.key, rule.action, rule.createdById],
    );
    if (rows.length > 0) await this.bump(tx);
    return rows[0] ?? null;
  }

  async delete(tx: EntityManager, id: string): Promise<WatchedWordRow | null> {
    const [rows]: [WatchedWordRow[], number] = await tx.query(
      `DELETE FROM watched_words WHERE id = $1 RETURNING id, pattern, action, created_at`,
      [id],
    );
    if (rows.length > 0) await this.bump(tx);
    return rows[0] ?? null;
  }

  private async bump(tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE watched_word_revision SET revision = revision + 1`);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/actor';
import type { ForumEventType } from './forum-events';
import { AnyStoredEvent, StoredEvent, StreamName } from './stored-event';

interface EventRow {
  stream: StreamName;
  seq: string;
  type: ForumEventType;
  payload: unknown;
  restricted: boolean;
  owner_id: string | null;
  created_at: Date;
}

/** Reads the event log: where a stream is, and what came after a seq (for a resume). */
@Injectable()
export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  async lastSeq(stream: StreamName): Promise<number> {
    const rows: { last_seq: string }[] = await this.dataSource.query(`SELECT last_seq FROM streams WHERE name = $1`, [
      stream,
    ]);
    return rows.length > 0 ? Number(rows[0].last_seq) : 0;
  }

  /** Events after `since` that this reader may see, in seq order, at most `limit`. */
  async after(stream: StreamName, since: number, reader: Viewer, limit: number): Promise<AnyStoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT stream, seq, type, payload, restricted, owner_id, created_at FROM events
       WHERE stream = $1 AND seq > $2 AND (NOT restricted OR $3 OR owner_id = $4)
       ORDER BY seq LIMIT $5`,
      [stream, since, reader.moderator, reader.userId, limit],
    );
    // The log holds only what EventLog.append accepted, so each row's payload fits its type.
    return rows.map((row): StoredEvent => ({
      stream: row.stream,
      seq: Number(row.seq),
      type: row.type,
      data: row.payload as StoredEvent['data'],
      audience: row.restricted ? { kind: 'restricted', ownerId: row.owner_id } : { kind: 'public' },
      createdAt: row.created_at.toISOString(),
    })) as AnyStoredEvent[];
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StoredEvent, StreamName } from './stored-event';

/** Who is reading, for the restricted events of a stream. */
export interface Reader {
  userId: string | null;
  moderator: boolean;
}

interface EventRow {
  stream: StreamName;
  seq: string;
  type: string;
  payload: unknown;
  restricted: boolean;
  owner_id: string | null;
  created_at: Date;
}

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
  async after(stream: StreamName, since: number, reader: Reader, limit: number): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT stream, seq, type, payload, restricted, owner_id, created_at FROM events
       WHERE stream = $1 AND seq > $2 AND (NOT restricted OR $3 OR owner_id = $4)
       ORDER BY seq LIMIT $5`,
      [stream, since, reader.moderator, reader.userId, limit],
    );
    return rows.map((row) => ({
      stream: row.stream,
      seq: Number(row.seq),
      type: row.type,
      data: row.payload,
      audience: row.restricted ? { kind: 'restricted', ownerId: row.owner_id } : { kind: 'public' },
      createdAt: row.created_at.toISOString(),
    }));
  }
}

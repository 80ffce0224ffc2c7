import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CommittedEvents } from './committed-events';
import { Audience, StoredEvent, StreamName } from './stored-event';

const PUBLIC: Audience = { kind: 'public' };

/** Appends events inside the caller's transaction. */
export class EventLog {
  constructor(
    private readonly tx: EntityManager,
    private readonly appended: StoredEvent[],
  ) {}

  /**
   * The seq comes from the stream's counter row, updated in this transaction: the row lock is held until COMMIT,
   * so within a stream seq order is commit order and there are no gaps.
   */
  async append<Data>(
    stream: StreamName,
    type: string,
    data: Data,
    audience: Audience = PUBLIC,
  ): Promise<StoredEvent<Data>> {
    return this.record(stream, await this.reserve(stream), type, data, audience);
  }

  /** Takes the next seq of a stream, for a row that must carry its own event's seq (a post's `seq`). */
  async reserve(stream: StreamName): Promise<number> {
    const [{ seq }]: { seq: string }[] = await this.tx.query(
      `INSERT INTO streams (name, last_seq) VALUES ($1, 1)
       ON CONFLICT (name) DO UPDATE SET last_seq = streams.last_seq + 1
       RETURNING last_seq AS seq`,
      [stream],
    );
    return Number(seq);
  }

  /** Writes the event for a seq taken with reserve(); every reserved seq must be recorded. */
  async record<Data>(
    stream: StreamName,
    seq: number,
    type: string,
    data: Data,
    audience: Audience = PUBLIC,
  ): Promise<StoredEvent<Data>> {
    const restricted = audience.kind === 'restricted';
    const [{ created_at }]: { created_at: Date }[] = await this.tx.query(
      `INSERT INTO events (stream, seq, type, payload, restricted, owner_id) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING created_at`,
      [stream, seq, type, JSON.stringify(data), restricted, restricted ? audience.ownerId : null],
    );
    const event: StoredEvent<Data> = { stream, seq, type, data, audience, createdAt: created_at.toISOString() };
    this.appended.push(event);
    return event;
  }
}

/** A write and its events commit together; listeners hear of them only after COMMIT. */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly committed: CommittedEvents,
  ) {}

  async run<T>(work: (tx: EntityManager, events: EventLog) => Promise<T>): Promise<T> {
    const appended: StoredEvent[] = [];
    const result = await this.dataSource.transaction((tx) => work(tx, new EventLog(tx, appended)));
    this.committed.publish(appended);
    return result;
  }
}

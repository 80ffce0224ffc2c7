import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ShutdownGate } from '../common/http/shutdown-gate';
import { CommittedEvents } from './committed-events';
import type { ForumEvents, ForumEventType } from './forum-events';
import { AnyStoredEvent, Audience, StoredEvent, StreamName } from './stored-event';

const PUBLIC: Audience = { kind: 'public' };

/**
 * Appends events inside the caller's transaction. Without one (UnitOfWork.single) it only takes the events the
 * caller's one statement wrote itself: a seq taken outside a transaction would not keep seq order commit order.
 */
export class EventLog {
  constructor(
    private readonly transaction: EntityManager | null,
    private readonly appended: AnyStoredEvent[],
  ) {}

  private get tx(): EntityManager {
    if (!this.transaction) throw new Error('Events are appended inside a transaction (UnitOfWork.run).');
    return this.transaction;
  }

  /**
   * The seq comes from the stream's counter row, updated in this transaction: the row lock is held until COMMIT,
   * so within a stream seq order is commit order and there are no gaps.
   */
  async append<Type extends ForumEventType>(
    stream: StreamName,
    type: Type,
    data: ForumEvents[Type],
    audience: Audience = PUBLIC,
  ): Promise<StoredEvent<Type>> {
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
  async record<Type extends ForumEventType>(
    stream: StreamName,
    seq: number,
    type: Type,
    data: ForumEvents[Type],
    audience: Audience = PUBLIC,
  ): Promise<StoredEvent<Type>> {
    const restricted = audience.kind === 'restricted';
    const [{ created_at }]: { created_at: Date }[] = await this.tx.query(
      `INSERT INTO events (stream, seq, type, payload, restricted, owner_id) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING created_at`,
      [stream, seq, type, JSON.stringify(data), restricted, restricted ? audience.ownerId : null],
    );
    return this.written(stream, seq, type, data, audience, created_at);
  }

  /**
   * An event the caller's own statement inserted, with a seq it took from the stream's counter in this transaction
   * (a write that does all its work in one statement): published after COMMIT like every other.
   */
  written<Type extends ForumEventType>(
    stream: StreamName,
    seq: number,
    type: Type,
    data: ForumEvents[Type],
    audience: Audience,
    createdAt: Date,
  ): StoredEvent<Type> {
    const event: StoredEvent<Type> = { stream, seq, type, data, audience, createdAt: createdAt.toISOString() };
    this.appended.push(event as AnyStoredEvent);
    return event;
  }
}

/**
 * A write and its events commit together; listeners hear of them only after COMMIT. The shutdown gate refuses new
 * writes once the server is closing and waits for these, so no write is committed without its broadcast.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly committed: CommittedEvents,
    private readonly gate: ShutdownGate,
  ) {}

  /** For reads before a write decides how to run (run or single): outside any transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  async run<T>(work: (tx: EntityManager, events: EventLog) => Promise<T>): Promise<T> {
    return this.gate.run(async () => {
      const appended: AnyStoredEvent[] = [];
      const result = await this.dataSource.transaction((tx) => work(tx, new EventLog(tx, appended)));
      this.committed.publish(appended);
      return result;
    });
  }

  /**
   * A write done by one statement, which is its own transaction: it takes its locks and commits as it returns, with
   * no BEGIN or COMMIT round trip and no lock held past it. `work` reads as it likes, writes with that one statement,
   * and gives its events with EventLog.written; they are published once it returns.
   */
  async single<T>(work: (db: EntityManager, events: EventLog) => Promise<T>): Promise<T> {
    return this.gate.run(async () => {
      const appended: AnyStoredEvent[] = [];
      const result = await work(this.dataSource.manager, new EventLog(null, appended));
      this.committed.publish(appended);
      return result;
    });
  }
}

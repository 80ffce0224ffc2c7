import { Readable } from 'node:stream';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import type { Page } from '../common/pagination/list-query.dto';
import { AuditEntry, AuditRecorder, AuditTrail } from '../events/audit-trail';
import type { EventLog } from '../events/unit-of-work';
import { LogEntryDto, LogQueryDto, PublicLogEntryDto } from './dto/log.dto';
import { MODERATION_STREAM } from './moderation.events';
import { LogFilter, LogRow, ModerationLogRepository, NewLogEntry } from './moderation-log.repository';
import type { Category, LogAction } from './moderation-policy';

const CSV_BATCH = 1000;

/**
 * The audit log, written in the transaction of the action it records (so an action and its entry commit together)
 * and read two ways: moderators see who acted, the public transparency log never does.
 */
@Injectable()
export class ModerationLog implements AuditRecorder, OnModuleInit {
  constructor(
    private readonly log: ModerationLogRepository,
    private readonly trail: AuditTrail,
  ) {}

  onModuleInit(): void {
    this.trail.use(this);
  }

  /** What another module reports a moderator did there. */
  async record(tx: EntityManager, events: EventLog, { actor, ...entry }: AuditEntry): Promise<void> {
    await this.append(tx, events, actor, { ...entry, category: null });
  }

  /** Records an action (`actor` null: the forum did it) and tells the moderators' stream. */
  async append(
    tx: EntityManager,
    events: EventLog,
    actor: Actor | null,
    entry: Omit<NewLogEntry, 'actorId'>,
  ): Promise<LogEntryDto> {
    const row = await this.log.insert(tx, { ...entry, actorId: actor?.id ?? null });
    const logged = toLogEntry({
      ...row,
      actor_username: actor?.username ?? null,
      actor_display_name: actor?.displayName ?? null,
    });
    await events.append(MODERATION_STREAM, 'log.appended', logged);
    return logged;
  }

  /** Records an action on a post, whose author's history it becomes. */
  postAction(
    tx: EntityManager,
    events: EventLog,
    actor: Actor | null,
    post: { id: string; authorId: string | null },
    entry: { action: LogAction; category: Category | null; reason: string },
  ): Promise<LogEntryDto> {
    return this.append(tx, events, actor, {
      ...entry,
      targetType: 'post',
      targetId: post.id,
      targetOwnerId: post.authorId,
    });
  }

  async page(query: LogQueryDto, publicOnly: false): Promise<Page<LogEntryDto>>;
  async page(query: LogQueryDto, publicOnly: true): Promise<Page<PublicLogEntryDto>>;
  async page(query: LogQueryDto, publicOnly: boolean): Promise<Page<LogEntryDto | PublicLogEntryDto>> {
    const before = decodeCursor(query.cursor, ['int']);
    const rows = await this.log.page(filterOf(query), before ? Number(before[0]) : null, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => [Number(row.id)],
      (row) => (publicOnly ? toPublicEntry(row) : toLogEntry(row)),
    );
  }

  /** The whole filtered log as CSV, newest first, read in keyset batches so a long log never sits in memory. */
  csv(query: LogQueryDto, publicOnly: boolean): Readable {
    const filter = filterOf(query);
    const log = this.log;
    async function* rows() {
      let before: number | null = null;
      for (;;) {
        const batch = await log.page(filter, before, CSV_BATCH);
        for (const row of batch) yield csvRow(row, publicOnly);
        if (batch.length < CSV_BATCH) return;
        before = Number(batch[batch.length - 1].id);
      }
    }
    const columns = ['id', 'createdAt', 'action', 'targetType', 'targetId', 'category', 'reason', 'automatic'];
    const source = Readable.from(rows());
    const csv = stringify({
      header: true,
      columns: publicOnly ? columns : [...columns, 'actor'],
      // A reason starting with = or + must not run as a formula when the file is opened in a spreadsheet.
      escape_formulas: true,
    });
    // A failed read ends the download instead of leaving it hanging.
    source.on('error', (error) => csv.destroy(error));
    return source.pipe(csv);
  }

  /** The latest of these actions on a target: the decision an appeal contests. */
  latest(tx: EntityManager, targetId: string, actions: readonly LogAction[]): Promise<LogRow | null> {
    return this.log.latest(tx, targetId, actions);
  }

  /** These entries by id, in one query. */
  findMany(ids: string[]): Promise<Map<string, LogRow>> {
    return this.log.findMany(ids);
  }

  /** The entry, as moderators see it (an appeal names the decision it contests). */
  async find(tx: EntityManager, id: string): Promise<LogRow | null> {
    return this.log.find(id, tx);
  }
}

function filterOf(query: LogQueryDto): LogFilter {
  return { action: query.action, targetId: query.targetId };
}

/** The entry as the public sees it: everything but the actor, and the watched words' own text left out. */
export function toPublicEntry(row: LogRow): PublicLogEntryDto {
  const entry = toEntry(row);
  return row.target_type === 'watched_word' ? { ...entry, reason: publicWatchedWordReason(row.action) } : entry;
}

function toEntry(row: LogRow): PublicLogEntryDto {
  return {
    id: row.public_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    category: row.category,
    automatic: row.actor_id === null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Publishing the list would teach evasion: the public learns that it changed, not which words are on it. */
function publicWatchedWordReason(action: LogAction): string {
  return action === 'remove_watched_word'
    ? 'A word was taken off the watched-word list.'
    : 'A word was added to the watched-word list.';
}

export function toLogEntry(row: LogRow): LogEntryDto {
  return {
    ...toEntry(row),
    actor: row.actor_id
      ? { id: row.actor_id, username: row.actor_username ?? '', displayName: row.actor_display_name ?? '' }
      : null,
  };
}

function csvRow(row: LogRow, publicOnly: boolean): Record<string, string | number | boolean> {
  const entry = publicOnly ? toPublicEntry(row) : toEntry(row);
  const base = { ...entry, category: entry.category ?? '' };
  return publicOnly ? base : { ...base, actor: row.actor_username ?? '' };
}

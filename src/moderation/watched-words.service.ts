import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import type { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { ChangeNotices } from '../database/change-notices';
import { UnitOfWork } from '../events/unit-of-work';
import { CreateWatchedWordDto, WatchedWordDto } from './dto/watched-word.dto';
import { ModerationLog } from './moderation-log.service';
import { WatchedWordRepository, WatchedWordRow } from './watched-word.repository';
import { patternKey, WatchedWordMatcher } from './watched-word-matcher';

const TRUSTED_MS = 10_000;

/**
 * The watched-word list and its compiled matcher. Every change bumps a revision in the database and sends a change
 * notice in the same transaction. A node keeps its matcher while no notice came since it compiled it (ChangeNotices),
 * so a post costs no query for the list; while notices could be missed it compares the revision (one primary-key
 * read) before screening instead. The node that made a change applies it from the next post on; another node, once
 * the notice (sent at commit) reaches it: a post it screens in that instant can still pass the old list.
 */
@Injectable()
export class WatchedWords {
  private compiled: {
    revision: number;
    generation: number | null;
    checkedAt: number;
    matcher: WatchedWordMatcher;
  } | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly words: WatchedWordRepository,
    private readonly log: ModerationLog,
    private readonly notices: ChangeNotices,
  ) {}

  /**
   * The matcher for the current list, compiled once per revision. It is trusted without a query while no notice came,
   * for at most TRUSTED_MS: a listening connection that died without a word is noticed only by TCP keepalive.
   */
  async matcher(tx: EntityManager): Promise<WatchedWordMatcher> {
    // Taken before the read: a notice that comes during it leaves the matcher to be checked again next time.
    const generation = this.notices.generation('watched_words');
    const compiled = this.compiled;
    if (
      compiled &&
      generation !== null &&
      compiled.generation === generation &&
      performance.now() - compiled.checkedAt < TRUSTED_MS
    ) {
      return compiled.matcher;
    }
    const revision = await this.words.revision(tx);
    const matcher =
      compiled?.revision === revision ? compiled.matcher : new WatchedWordMatcher(await this.words.all(tx));
    this.compiled = { revision, generation, checkedAt: performance.now(), matcher };
    return matcher;
  }

  async list(query: ListQueryDto): Promise<Page<WatchedWordDto>> {
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const rows = await this.words.page(after, query.limit + 1);
    return toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id], toWatchedWord);
  }

  async create(moderator: Actor, dto: CreateWatchedWordDto): Promise<WatchedWordDto> {
    const key = patternKey(dto.pattern);
    if (key === null) {
      throw new DomainError('invalid_pattern', 'pattern must contain a letter or a digit besides the wildcard *');
    }
    const created = await this.uow.run(async (tx, events) => {
      const row = await this.words.insert(tx, {
        pattern: dto.pattern,
        key,
        action: dto.action,
        createdById: moderator.id,
      });
      if (!row) {
        throw new DomainError('duplicate_pattern', `"${dto.pattern}" is on the list already (patterns ignore case).`);
      }
      await this.log.append(tx, events, moderator, {
        action: 'add_watched_word',
        targetType: 'watched_word',
        targetId: row.id,
        targetOwnerId: null,
        category: 'watched_word',
        reason: `"${row.pattern}" → ${row.action}`,
      });
      await this.notices.notify(tx, 'watched_words');
      return toWatchedWord(row);
    });
    this.notices.changed('watched_words');
    return created;
  }

  async delete(moderator: Actor, id: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const row = await this.words.delete(tx, id);
      if (!row) throw new DomainError('not_found', 'No such watched word.');
      await this.log.append(tx, events, moderator, {
        action: 'remove_watched_word',
        targetType: 'watched_word',
        targetId: row.id,
        targetOwnerId: null,
        category: 'watched_word',
        reason: `"${row.pattern}" (${row.action}) removed`,
      });
      await this.notices.notify(tx, 'watched_words');
    });
    this.notices.changed('watched_words');
  }
}

function toWatchedWord(row: WatchedWordRow): WatchedWordDto {
  return { id: row.id, pattern: row.pattern, action: row.action, createdAt: row.created_at.toISOString() };
}

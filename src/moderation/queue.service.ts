import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { DebatesService } from '../debates/debates.service';
import type { EventLog } from '../events/unit-of-work';
import { PostReader } from '../posts/post-reader.service';
import { UsersService } from '../users/users.service';
import type { QueueFlagDto } from './dto/flag.dto';
import { QueueAuthorDto, QueueItemDto, QueuePageDto, QueueQueryDto } from './dto/queue.dto';
import { FlagRepository } from './flag.repository';
import { MODERATION_STREAM } from './moderation.events';
import { ModerationLogRepository } from './moderation-log.repository';
import type { Category, LogAction, Resolution } from './moderation-policy';
import { QueueCause, queueCursor, QueueRepository, QueueRow } from './queue.repository';

/** What the queue shows of an author's past: these actions taken against them before. */
const HISTORY: LogAction[] = ['hide', 'delete', 'label', 'suspend'];
const EXCERPT = 300;

/**
 * The review queue: each item is one post in its context (debate, parent), its flags, the causes that put it there
 * and its author's history. Items are written in the transaction of what caused them; every change reaches the
 * moderators' stream as `queue.updated`. The moderation stream's seq is always taken after the debate's (lock order).
 */
@Injectable()
export class QueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueRepository,
    private readonly flags: FlagRepository,
    private readonly log: ModerationLogRepository,
    private readonly reader: PostReader,
    private readonly debates: DebatesService,
    private readonly users: UsersService,
  ) {}

  async list(query: QueueQueryDto): Promise<QueuePageDto> {
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const { rows, openCount } = await this.queue.page(query.state, after, query.limit + 1);
    const page = toPage(
      rows,
      query.limit,
      (row) => queueCursor(query.state, row),
      (row) => row,
    );
    return {
      items: await this.views(this.dataSource.manager, page.items, true),
      nextCursor: page.nextCursor,
      openCount,
    };
  }

  /** Opens the post's item or adds causes to it; the caller announces it once everything is written. */
  open(tx: EntityManager, postId: string, causes: QueueCause[]): Promise<{ id: string; opened: boolean }> {
    return this.queue.enqueue(tx, postId, causes);
  }

  lockOpen(tx: EntityManager, postId: string): Promise<QueueRow | null> {
    return this.queue.lockOpen(tx, postId);
  }

  async resolve(
    tx: EntityManager,
    events: EventLog,
    item: QueueRow,
    resolver: Actor | null,
    resolution: Resolution,
    reason: string,
  ): Promise<void> {
    await this.queue.resolve(tx, item.id, resolver?.id ?? null, resolution, reason);
    await events.append(MODERATION_STREAM, 'queue.updated', {
      itemId: item.id,
      postId: item.post_id,
      state: 'resolved',
      item: null,
      openCount: await this.queue.openCount(tx),
    });
  }

  /** Tells the moderators how an item looks now. */
  async announce(tx: EntityManager, events: EventLog, itemId: string): Promise<void> {
    const row = await this.queue.find(tx, itemId);
    if (!row) return;
    const [item] = row.state === 'open' ? await this.views(tx, [row]) : [null];
    await events.append(MODERATION_STREAM, 'queue.updated', {
      itemId,
      postId: row.post_id,
      state: row.state,
      item,
      openCount: row.open_count,
    });
  }

  /** The most common reason among the item's flags: what a decision on it enforces, unless the moderator says. */
  async topFlagReason(tx: EntityManager, itemId: string): Promise<Category | null> {
    return (await this.flags.tally(tx, itemId)).topReason;
  }

  /**
   * Items with their post, debate, parent, flags and author history: a fixed number of queries per page. Outside a
   * transaction (`parallel`) the independent ones go out together, each on a connection of its own; inside one they
   * share the transaction's connection and go one after another.
   */
  private async views(tx: EntityManager, rows: QueueRow[], parallel = false): Promise<QueueItemDto[]> {
    if (rows.length === 0) return [];
    const postIds = rows.map((row) => row.post_id);
    const itemIds = rows.map((row) => row.id);
    const both = <A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> =>
      parallel ? Promise.all([a(), b()]) : a().then(async (first) => [first, await b()]);
    const [posts, flags] = await both(
      () => this.reader.forStaff(postIds, tx, true),
      () => this.flags.ofItems(tx, itemIds),
    );
    const authorIds = postIds.flatMap((id) => posts.get(id)?.author?.id ?? []);
    const debateIds = postIds.flatMap((id) => posts.get(id)?.debateId ?? []);
    const [[debates, authors], history] = await both(
      () =>
        both(
          () => this.debates.questions(debateIds, tx),
          () => this.users.findMany(authorIds, tx),
        ),
      () => this.log.history(authorIds, HISTORY, tx),
    );
    const flagsOf = new Map<string, QueueFlagDto[]>();
    for (const flag of flags) {
      const list = flagsOf.get(flag.item_id) ?? [];
      list.push({
        id: flag.id,
        reason: flag.reason,
        note: flag.note,
        createdAt: flag.created_at.toISOString(),
        user: { id: flag.user_id, username: flag.username, displayName: flag.display_name },
      });
      flagsOf.set(flag.item_id, list);
    }
    const pastOf = (owner: string, action: LogAction) =>
      history.find((entry) => entry.owner === owner && entry.action === action)?.count ?? 0;

    return rows.flatMap((row): QueueItemDto[] => {
      const post = posts.get(row.post_id);
      if (!post) return [];
      const parent = post.parentId ? posts.get(post.parentId) : undefined;
      const user = post.author ? authors.get(post.author.id) : undefined;
      const author: QueueAuthorDto | null = user
        ? {
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            createdAt: user.createdAt.toISOString(),
            suspendedUntil: user.suspendedUntil?.toISOString() ?? null,
            hides: pastOf(user.id, 'hide'),
            deletions: pastOf(user.id, 'delete'),
            labels: pastOf(user.id, 'label'),
            suspensions: pastOf(user.id, 'suspend'),
          }
        : null;
      return [
        {
          id: row.id,
          state: row.state,
          post,
          debate: { id: post.debateId, question: debates.get(post.debateId) ?? '' },
          parent: parent ? { id: parent.id, author: parent.author, excerpt: parent.body.slice(0, EXCERPT) } : null,
          flags: flagsOf.get(row.id) ?? [],
          causes: row.causes,
          author,
          openedAt: row.opened_at.toISOString(),
          resolvedAt: row.resolved_at?.toISOString() ?? null,
          resolution: row.resolution,
          resolutionReason: row.resolution_reason,
          resolvedBy: row.resolved_by_id
            ? { id: row.resolved_by_id, username: row.resolver_username!, displayName: row.resolver_display_name! }
            : null,
        },
      ];
    });
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, isModerator } from '../common/auth/actor';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import type { EventLog } from '../events/unit-of-work';
import { PostPublication, PublicationListener, PublishedPost } from '../posts/post-publication';
import { UsersService } from '../users/users.service';
import {
  ListNotificationsQuery,
  NotificationDto,
  NotificationPageDto,
  NotificationSettingsDto,
  UpdateNotificationSettingsDto,
} from './dto/notification.dto';
import { NOTIFICATION_KINDS, NotificationKind } from './notification-kinds';
import { userStream } from './notification.events';
import { NotificationRepository, NotificationRow } from './notification.repository';

/** What to tell whom, as a caller such as moderation passes it to `notify`. */
export interface NotificationRequest {
  /** Who is told. */
  userId: string;
  kind: NotificationKind;
  postId: string;
  debateId: string;
  /** Who did it; null to keep them unnamed (moderators, as the transparency log does). Never told of oneself. */
  actorId: string | null;
  /** moderation: what was done, e.g. `hidden`, `restored`, `approved`, `deleted`, `labelled`. */
  outcome?: string;
}

/**
 * Notifications: written in the transaction of what causes them, delivered live on the person's own stream
 * (`user:<id>`), kept until read, each kind off for whoever turned it off. Replies and mentions arrive through
 * PostPublication; other modules (moderation) call `notify` in their own transactions.
 */
@Injectable()
export class NotificationService implements PublicationListener, OnModuleInit {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly publication: PostPublication,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.publication.listen(this);
  }

  /**
   * Tells `userId`, in the caller's transaction, and appends `notification.created` to their stream. Nothing happens
   * when they did it themselves, turned the kind off, or already heard of this post through a reply or mention.
   */
  async notify(tx: EntityManager, events: EventLog, request: NotificationRequest): Promise<NotificationDto | null> {
    if (request.actorId === request.userId) return null;
    const id = await this.notifications.insert(tx, { ...request, outcome: request.outcome ?? null });
    if (!id) return null;
    const notification = toNotificationDto(await this.notifications.findOne(tx, id));
    await events.append(userStream(request.userId), 'notification.created', notification);
    return notification;
  }

  /**
   * A post others can read: the author of the post it answers hears of a new reply, and each person it mentions of
   * the mention (on an edit, only those not told before). In id order, so two posts never lock two people's
   * streams in opposite orders.
   */
  /** A reply tells the parent's author, a mention the person named; any other post tells nobody. */
  concerns({ kind, post, parentAuthorId }: PublishedPost): boolean {
    return post.mentions.length > 0 || (kind === 'created' && parentAuthorId !== null);
  }

  async published(tx: EntityManager, events: EventLog, { kind, post, parentAuthorId }: PublishedPost): Promise<void> {
    if (!post.author) return;
    const mentioned = new Set((await this.users.named(post.mentions, tx)).map((user) => user.id));
    const replied = kind === 'created' ? parentAuthorId : null;
    const recipients = [...new Set([...mentioned, ...(replied ? [replied] : [])])].sort();
    const about = { postId: post.id, debateId: post.debateId, actorId: post.author.id };
    for (const userId of recipients) {
      // Someone who turned replies off but is named in the reply still hears of the mention.
      const told = userId === replied && (await this.notify(tx, events, { ...about, userId, kind: 'reply' }));
      if (!told && mentioned.has(userId)) await this.notify(tx, events, { ...about, userId, kind: 'mention' });
    }
  }

  async list(reader: Actor, query: ListNotificationsQuery): Promise<NotificationPageDto> {
    const recipient = { userId: reader.id, moderator: isModerator(reader) };
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const rows = await this.notifications.list(recipient, query.unread === true, after, query.limit + 1);
    const page = toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id], toNotificationDto);
    return { ...page, unreadCount: await this.notifications.unreadCount(recipient) };
  }

  async markRead(reader: Actor, ids: string[] | undefined): Promise<{ unreadCount: number }> {
    await this.notifications.markRead(reader.id, ids ?? null);
    return { unreadCount: await this.notifications.unreadCount({ userId: reader.id, moderator: isModerator(reader) }) };
  }

  async settings(userId: string): Promise<NotificationSettingsDto> {
    const muted = new Set(await this.notifications.mutedKinds(userId));
    return { reply: !muted.has('reply'), mention: !muted.has('mention'), moderation: !muted.has('moderation') };
  }

  async updateSettings(userId: string, change: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    for (const kind of NOTIFICATION_KINDS) {
      const enabled = change[kind];
      if (enabled !== undefined) await this.notifications.setMuted(userId, kind, !enabled);
    }
    return this.settings(userId);
  }
}

function toNotificationDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    postId: row.post_id,
    debateId: row.debate_id,
    actor:
      row.actor_id && row.actor_username && row.actor_display_name
        ? { id: row.actor_id, username: row.actor_username, displayName: row.actor_display_name }
        : null,
    outcome: row.outcome,
    excerpt: row.excerpt,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

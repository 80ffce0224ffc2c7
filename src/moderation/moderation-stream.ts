import { Injectable, OnModuleInit } from '@nestjs/common';
import { assertAccess } from '../common/auth/access';
import { Actor, MODERATOR_ROLES } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { SocketContract, StreamKind } from '../events/socket-contract';
import type { AnyStoredEvent, StreamName } from '../events/stored-event';
import { UsersService } from '../users/users.service';
import { JoinModerationMessage, LeaveModerationMessage } from './dto/moderation-messages';
import { MODERATION_EVENTS, MODERATION_STREAM } from './moderation.events';

/**
 * The moderators' stream, `moderation`: new flags, queue changes, log entries and appeals, live. Moderators and
 * admins only (401 for guests, 403 for everyone else); the account is read afresh at every join, so a suspension or
 * a lost role shuts the door at once. Presence is counted, so moderators see who else is working the queue.
 */
@Injectable()
export class ModerationStream implements StreamKind<JoinModerationMessage, LeaveModerationMessage>, OnModuleInit {
  readonly name = 'moderation';
  readonly joinMessage = JoinModerationMessage;
  readonly leaveMessage = LeaveModerationMessage;
  readonly presence = true;
  readonly events = MODERATION_EVENTS;

  constructor(
    private readonly contract: SocketContract,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.contract.addStream(this);
  }

  async open(_message: JoinModerationMessage, reader: Actor | null): Promise<{ stream: StreamName }> {
    if (!reader) throw new DomainError('unauthenticated', 'Sign in first.');
    assertAccess(await this.users.require(reader.id), { roles: MODERATOR_ROLES });
    return { stream: MODERATION_STREAM };
  }

  streamOf(): StreamName {
    return MODERATION_STREAM;
  }

  /** Everything in it is for moderators, and they see every status: nothing to filter. */
  async replay(events: AnyStoredEvent[]): Promise<AnyStoredEvent[]> {
    return events;
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { SocketContract, StreamKind } from '../events/socket-contract';
import type { AnyStoredEvent, StreamName } from '../events/stored-event';
import { JoinUserMessage, LeaveUserMessage } from './dto/user-stream-messages';
import { NOTIFICATION_EVENTS, userStream } from './notification.events';

/** A person's own stream, `user:<id>`: their notifications, live. Only its owner may follow it. */
@Injectable()
export class UserStream implements StreamKind<JoinUserMessage, LeaveUserMessage>, OnModuleInit {
  readonly name = 'user';
  readonly joinMessage = JoinUserMessage;
  readonly leaveMessage = LeaveUserMessage;
  readonly presence = false;
  readonly events = NOTIFICATION_EVENTS;

  constructor(private readonly contract: SocketContract) {}

  onModuleInit(): void {
    this.contract.addStream(this);
  }

  async open({ userId }: JoinUserMessage, reader: Actor | null): Promise<{ stream: StreamName }> {
    if (!reader) throw new DomainError('unauthenticated', 'Sign in to follow your notifications.');
    if (userId !== undefined && userId !== reader.id) {
      throw new DomainError('forbidden', "Only its owner may follow a person's stream.");
    }
    return { stream: userStream(reader.id) };
  }

  streamOf({ userId }: LeaveUserMessage): StreamName {
    return userStream(userId);
  }

  /** Notifications are the owner's own; a resume returns them as they were sent. */
  async replay(events: AnyStoredEvent[]): Promise<AnyStoredEvent[]> {
    return events;
  }
}

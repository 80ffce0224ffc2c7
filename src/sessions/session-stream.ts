import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { SocketContract, StreamKind } from '../events/socket-contract';
import { AnyStoredEvent, StreamName } from '../events/stored-event';
import { JoinSessionMessage, LeaveSessionMessage, SessionJoinAck } from './dto/session-messages';
import { SESSION_EVENTS } from './session.events';
import { QuestionRepository } from './question.repository';
import { sessionStream, SessionsService } from './sessions.service';
import { asHidden, toSessionView } from './session-view';

/**
 * A session's stream, `session:<id>`, joined by id or by join code. Anyone may follow it, guests included, and
 * its readers are counted; a signed-in reader counts as having joined (the report's participants). The ack carries
 * the session with the server's clock, so a late joiner's countdown matches everyone else's.
 */
@Injectable()
export class SessionStream implements StreamKind<JoinSessionMessage, LeaveSessionMessage>, OnModuleInit {
  readonly name = 'session';
  readonly joinMessage = JoinSessionMessage;
  readonly leaveMessage = LeaveSessionMessage;
  readonly joinAck = SessionJoinAck;
  readonly presence = true;
  readonly events = SESSION_EVENTS;

  constructor(
    private readonly contract: SocketContract,
    private readonly sessions: SessionsService,
    private readonly questions: QuestionRepository,
  ) {}

  onModuleInit(): void {
    this.contract.addStream(this);
  }

  async open({ sessionId, code }: JoinSessionMessage, reader: Actor | null) {
    if (sessionId !== undefined && code !== undefined) {
      throw new DomainError('invalid_input', 'Send sessionId or code, not both.');
    }
    const session = sessionId ? await this.sessions.require(sessionId) : await this.sessions.requireByCode(code!);
    if (reader) await this.sessions.recordAttendee(session.id, reader.id);
    return { stream: sessionStream(session.id), ack: { session: toSessionView(session) } };
  }

  streamOf({ sessionId }: LeaveSessionMessage): StreamName {
    return sessionStream(sessionId);
  }

  /**
   * Questions as they are now: to those who may not see hidden questions, one hidden since comes back without its
   * words or author (the log already leaves out what was only ever sent to the organiser and moderators).
   */
  async replay(events: AnyStoredEvent[], reader: Actor | null): Promise<AnyStoredEvent[]> {
    if (events.length === 0) return events;
    const session = await this.sessions.require(events[0].stream.slice('session:'.length));
    if (this.sessions.isStaff(reader, session)) return events;
    const ids = events.flatMap((event) =>
      event.type === 'question.created' || event.type === 'question.updated' ? [event.data.id] : [],
    );
    if (ids.length === 0) return events;
    const states = await this.questions.states([...new Set(ids)]);
    const hidden = new Set([...states].filter(([, state]) => state === 'hidden').map(([id]) => id));
    return events.flatMap((event): AnyStoredEvent[] => {
      if (event.type !== 'question.created' && event.type !== 'question.updated') return [event];
      if (!hidden.has(event.data.id)) return [event];
      return event.type === 'question.created' ? [] : [{ ...event, data: asHidden(event.data) }];
    });
  }
}

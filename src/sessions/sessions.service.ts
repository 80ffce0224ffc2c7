import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, isModerator } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { Page } from '../common/pagination/list-query.dto';
import { DebatesService } from '../debates/debates.service';
import { StreamName } from '../events/stored-event';
import { EventLog, UnitOfWork } from '../events/unit-of-work';
import { PostReader } from '../posts/post-reader.service';
import { CreateSessionDto } from './dto/create-session.dto';
import { ListSessionsQuery } from './dto/session-commands.dto';
import { SessionDto } from './dto/session.dto';
import { PollRepository } from './poll.repository';
import { SessionChanges, SessionRepository, SessionRow } from './session.repository';
import {
  assertNotEnded,
  assertRuns,
  newJoinCode,
  nextStatus,
  normaliseCode,
  SessionAction,
  setTimer,
  timerAfter,
} from './session-rules';
import { toPollDto, toSessionDto } from './session-view';

/** Draws of a fresh code before giving up; with 31^6 codes a clash is already rare. */
const CODE_ATTEMPTS = 8;

export function sessionStream(sessionId: string): StreamName {
  return `session:${sessionId}`;
}

export function sessionNotFound(): DomainError {
  return new DomainError('not_found', 'No such session.');
}

/** Live sessions themselves: creating, finding, the lifecycle, the agenda's current debate, the timer, the spotlight. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionRepository,
    private readonly polls: PollRepository,
    private readonly debates: DebatesService,
    private readonly posts: PostReader,
  ) {}

  async create(organiser: Actor, dto: CreateSessionDto): Promise<SessionRow> {
    for (const debateId of dto.debateIds) {
      await this.debates.require(debateId).catch(() => {
        throw new DomainError('invalid_input', `debateIds: there is no debate ${debateId}`);
      });
    }
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const session = await this.sessions.insert({
        code: newJoinCode(),
        title: dto.title,
        organiserId: organiser.id,
        debateIds: dto.debateIds,
        startsAt: dto.startsAt ? new Date(dto.startsAt) : null,
      });
      if (session) return session;
    }
    throw new Error(`No free join code after ${CODE_ATTEMPTS} draws`);
  }

  async require(id: string, tx?: EntityManager): Promise<SessionRow> {
    const session = await this.sessions.find(id, tx);
    if (!session) throw sessionNotFound();
    return session;
  }

  async requireByCode(code: string): Promise<SessionRow> {
    const session = await this.sessions.findByCode(normaliseCode(code));
    if (!session) throw new DomainError('not_found', 'No session has this code. Check the code and try again.');
    return session;
  }

  /** Organisers list their own sessions; admins everyone's unless they ask for their own. */
  async list(actor: Actor, query: ListSessionsQuery): Promise<Page<SessionDto>> {
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const organiserId = actor.role === 'admin' && query.mine !== true ? null : actor.id;
    const rows = await this.sessions.list(organiserId, after, query.limit + 1);
    return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], toSessionDto);
  }

  /** A signed-in person followed the session: they count as taking part. */
  recordAttendee(sessionId: string, userId: string): Promise<void> {
    return this.sessions.recordAttendee(sessionId, userId);
  }

  attendeeIds(sessionId: string): Promise<string[]> {
    return this.sessions.attendeeIds(sessionId);
  }

  /** Whether this person sees everything of the session (hidden questions, draft polls): its organiser, admins, moderators. */
  isStaff(actor: Actor | null, session: Pick<SessionRow, 'organiserId'>): boolean {
    return actor !== null && (actor.id === session.organiserId || isModerator(actor));
  }

  /**
   * start, pause, resume, end. Pausing freezes the timer and resuming lets it run on; ending stops it and closes
   * every open poll with its final counts.
   */
  async transition(actor: Actor, id: string, action: SessionAction): Promise<SessionRow> {
    return this.change(actor, id, async (session, tx, events) => {
      const status = nextStatus(session.status, action);
      const now = new Date();
      const changes: SessionChanges = { status, ...timerAfter(action, session, now) };
      if (action === 'start') changes.startedAt = now;
      if (action === 'end') {
        changes.endedAt = now;
        await this.closeOpenPolls(tx, events, id);
      }
      return changes;
    });
  }

  async setCurrentDebate(actor: Actor, id: string, debateId: string): Promise<SessionRow> {
    return this.change(actor, id, async (session) => {
      if (!session.debateIds.includes(debateId)) {
        throw new DomainError('invalid_input', "debateId must be a debate on this session's agenda");
      }
      return { currentDebateId: debateId };
    });
  }

  async setTimer(actor: Actor, id: string, seconds: number): Promise<SessionRow> {
    return this.change(actor, id, async (session) => setTimer(session.status, seconds, new Date()));
  }

  /** Shows one visible post of an agenda debate to everyone in the session, or (null) clears it. */
  async setSpotlight(actor: Actor, id: string, postId: string | null): Promise<SessionRow> {
    // Who asks comes first: someone who does not run the session learns nothing about the post (403, not 404).
    const current = await this.require(id);
    assertRuns(actor, current);
    assertNotEnded(current);
    // Read before the transaction: a query outside it inside would wait for a second connection (the embedded
    // database has one).
    const post = postId === null ? null : await this.posts.get(postId, null);
    return this.uow.run(async (tx, events) => {
      const session = await this.lockForChange(tx, actor, id);
      if (post && (!session.debateIds.includes(post.debateId) || post.status !== 'visible')) {
        throw new DomainError('invalid_input', "postId must be a visible post in one of the agenda's debates");
      }
      const updated = await this.sessions.update(tx, id, { spotlightPostId: postId });
      await events.append(sessionStream(id), 'spotlight.changed', { postId, post });
      return updated;
    });
  }

  /** The session locked for a change by its organiser or an admin: 404, 403, and 409 once it has ended. */
  async lockForChange(tx: EntityManager, actor: Actor, id: string): Promise<SessionRow> {
    const session = await this.sessions.lock(tx, id, 'update');
    if (!session) throw sessionNotFound();
    assertRuns(actor, session);
    assertNotEnded(session);
    return session;
  }

  /** The session locked against a change of status while a participant writes to it; 409 once it has ended. */
  async lockForParticipant(tx: EntityManager, id: string): Promise<SessionRow> {
    const session = await this.sessions.lock(tx, id, 'share');
    if (!session) throw sessionNotFound();
    assertNotEnded(session);
    return session;
  }

  /** One change of the session row by its organiser, announced as `session.updated`. */
  private async change(
    actor: Actor,
    id: string,
    decide: (session: SessionRow, tx: EntityManager, events: EventLog) => Promise<SessionChanges>,
  ): Promise<SessionRow> {
    return this.uow.run(async (tx, events) => {
      const session = await this.lockForChange(tx, actor, id);
      const changes = await decide(session, tx, events);
      const updated = await this.sessions.update(tx, id, changes);
      await events.append(sessionStream(id), 'session.updated', toSessionDto(updated));
      return updated;
    });
  }

  private async closeOpenPolls(tx: EntityManager, events: EventLog, sessionId: string): Promise<void> {
    const open = await this.polls.lockOpen(tx, sessionId);
    if (open.length === 0) return;
    const counts = await this.polls.counts(
      open.map((poll) => poll.id),
      tx,
    );
    for (const poll of open) {
      const closed = await this.polls.setState(tx, poll.id, 'closed');
      await events.append(sessionStream(sessionId), 'poll.closed', toPollDto(closed, counts.get(poll.id)));
    }
  }
}

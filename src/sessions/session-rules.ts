import { randomInt } from 'node:crypto';
import { Actor } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';

export const SESSION_STATUSES = ['scheduled', 'live', 'paused', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_ACTIONS = ['start', 'pause', 'resume', 'end'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** scheduled → live ⇄ paused → ended; a scheduled session may also be ended (called off) before it starts. */
const TRANSITIONS: Record<SessionAction, { from: readonly SessionStatus[]; to: SessionStatus }> = {
  start: { from: ['scheduled'], to: 'live' },
  pause: { from: ['live'], to: 'paused' },
  resume: { from: ['paused'], to: 'live' },
  end: { from: ['scheduled', 'live', 'paused'], to: 'ended' },
};

const WHY_NOT: Record<SessionAction, string> = {
  start: 'Only a scheduled session can be started (a paused one is resumed).',
  pause: 'Only a live session can be paused.',
  resume: 'Only a paused session can be resumed.',
  end: 'This session has already ended.',
};

/** The status an action leads to; 409 when the session's status does not allow it. */
export function nextStatus(status: SessionStatus, action: SessionAction): SessionStatus {
  assertNotEnded({ status });
  const transition = TRANSITIONS[action];
  if (transition.from.includes(status)) return transition.to;
  throw new DomainError('invalid_transition', `${WHY_NOT[action]} This session is ${status}.`);
}

/** After `ended` a session is a record: every change is refused. */
export function assertNotEnded(session: { status: SessionStatus }): void {
  if (session.status === 'ended') throw sessionEnded();
}

function sessionEnded(): DomainError {
  return new DomainError('session_ended', 'This session has ended; nothing in it can change any more.');
}

/** Its organiser or an admin runs a session; everyone else gets 403. */
export function assertRuns(actor: Actor, session: { organiserId: string }): void {
  if (actor.id !== session.organiserId && actor.role !== 'admin') {
    throw new DomainError('forbidden', "Only this session's organiser or an admin may do that.");
  }
}

export interface TimerState {
  timerEndsAt: Date | null;
  /** Set only while paused: the countdown stands still and runs on from here at resume. */
  timerRemainingMs: number | null;
}

const STOPPED: TimerState = { timerEndsAt: null, timerRemainingMs: null };

/**
 * A countdown of `seconds` from `now` (0 stops it). It is an absolute end time, so every client, late joiners too,
 * shows the same remainder; in a paused session it waits, frozen, until the session resumes.
 */
export function setTimer(status: SessionStatus, seconds: number, now: Date): TimerState {
  if (seconds === 0) return STOPPED;
  if (status === 'paused') return { timerEndsAt: null, timerRemainingMs: seconds * 1000 };
  return { timerEndsAt: new Date(now.getTime() + seconds * 1000), timerRemainingMs: null };
}

/** Pausing freezes a running countdown; resuming lets it run on; ending stops it. */
export function timerAfter(action: SessionAction, timer: TimerState, now: Date): TimerState {
  switch (action) {
    case 'pause': {
      const left = timer.timerEndsAt ? timer.timerEndsAt.getTime() - now.getTime() : 0;
      return left > 0 ? { timerEndsAt: null, timerRemainingMs: left } : STOPPED;
    }
    case 'resume':
      return timer.timerRemainingMs === null
        ? STOPPED
        : { timerEndsAt: new Date(now.getTime() + timer.timerRemainingMs), timerRemainingMs: null };
    case 'end':
      return STOPPED;
    case 'start':
      return { timerEndsAt: timer.timerEndsAt, timerRemainingMs: timer.timerRemainingMs };
  }
}

/** No look-alikes (0/O, 1/I): codes are read off a projector and typed on phones. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newJoinCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A code as people type it: any case, stray spaces. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

import type { PollDto } from './dto/poll.dto';
import type { QuestionDto } from './dto/question.dto';
import type { SessionDto, SessionViewDto } from './dto/session.dto';
import type { PollRow } from './poll.repository';
import type { QuestionRow } from './question.repository';
import type { SessionRow } from './session.repository';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toSessionDto(row: SessionRow): SessionDto {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    organiserId: row.organiserId,
    debateIds: row.debateIds,
    currentDebateId: row.currentDebateId,
    timerEndsAt: iso(row.timerEndsAt),
    timerRemainingMs: row.timerRemainingMs,
    spotlightPostId: row.spotlightPostId,
    startsAt: iso(row.startsAt),
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** With the server's clock, for REST answers and join acks (events are replayed later, so they carry none). */
export function toSessionView(row: SessionRow): SessionViewDto {
  return { ...toSessionDto(row), serverTime: new Date().toISOString() };
}

/** Counts per option (in option order) from option index → votes; `total` counts people, one vote each. */
export function countsOf(row: PollRow, votes: Map<number, number> | undefined): { counts: number[]; total: number } {
  const counts = row.options.map((_option, i) => votes?.get(i) ?? 0);
  return { counts, total: counts.reduce((sum, count) => sum + count, 0) };
}

/** A poll; `myVote` only for a signed-in reader (undefined leaves it out, as events and guests have it). */
export function toPollDto(row: PollRow, votes: Map<number, number> | undefined, myVote?: number | null): PollDto {
  return {
    id: row.id,
    sessionId: row.sessionId,
    question: row.question,
    options: row.options,
    kind: row.kind,
    pairedPollId: row.pairedPollId,
    state: row.state,
    ...countsOf(row, votes),
    ...(myVote === undefined ? {} : { myVote }),
    openedAt: iso(row.openedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A question; `myUpvote` only for a signed-in reader. */
export function toQuestionDto(row: QuestionRow, signedIn: boolean): QuestionDto {
  return {
    id: row.id,
    sessionId: row.sessionId,
    body: row.body,
    author: { id: row.authorId, displayName: row.authorDisplayName },
    upvotes: row.upvotes,
    ...(signedIn ? { myUpvote: row.myUpvote } : {}),
    state: row.state,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What those who may not see a hidden question learn of it: that it went, not what it said or who asked. */
export function asHidden(question: QuestionDto): QuestionDto {
  return { ...question, body: '', author: null, state: 'hidden' };
}

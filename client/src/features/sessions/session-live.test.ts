import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Page, Poll, Question, StreamEvent } from '../../lib/api/types';
import { applySessionEvent, sessionKeys } from './api/session-cache';
import { learnServerTime, secondsLeft, serverNow } from './clock';

const poll: Poll = {
  id: 'p1',
  sessionId: 's1',
  question: 'Labels?',
  options: ['Yes', 'No'],
  kind: 'quick',
  pairedPollId: null,
  state: 'open',
  counts: [0, 0],
  total: 0,
  myVote: 1,
  openedAt: null,
  closedAt: null,
  createdAt: '2026-01-01T10:00:00.000Z',
};
const question: Question = {
  id: 'q1',
  sessionId: 's1',
  body: 'Who checks?',
  author: { id: 'u1', displayName: 'Ana' },
  upvotes: 0,
  myUpvote: true,
  state: 'open',
  createdAt: '2026-01-01T10:00:00.000Z',
};
// Builds an event as the server sends it; the cache reads only type and data.
const event = (type: StreamEvent['type'], data: unknown, seq = 1) => ({ type, stream: 's1', seq, data }) as StreamEvent;

function caches() {
  const client = new QueryClient();
  client.setQueryData<Page<Poll>>(sessionKeys.polls('s1'), { items: [poll], nextCursor: null });
  client.setQueryData<Page<Question>>(sessionKeys.questionList('s1', 'top'), { items: [question], nextCursor: null });
  const polls = () => client.getQueryData<Page<Poll>>(sessionKeys.polls('s1'))!.items;
  const questions = () => client.getQueryData<Page<Question>>(sessionKeys.questionList('s1', 'top'))!.items;
  return { client, polls, questions };
}

describe('session events in the caches', () => {
  it('moves poll counts and keeps my vote when results and the close arrive', () => {
    const { client, polls } = caches();
    applySessionEvent(client, 's1', event('poll.results', { id: 'p1', counts: [3, 4], total: 7 }), false);
    expect(polls()[0]).toMatchObject({ counts: [3, 4], total: 7, myVote: 1 });
    const { myVote: _mine, ...closed } = { ...poll, state: 'closed' as const, counts: [3, 5], total: 8 };
    applySessionEvent(client, 's1', event('poll.closed', closed), false);
    expect(polls()[0]).toMatchObject({ state: 'closed', counts: [3, 5], myVote: 1 });
  });

  it('adds a newly opened poll', () => {
    const { client, polls } = caches();
    applySessionEvent(client, 's1', event('poll.opened', { ...poll, id: 'p2', myVote: undefined }), false);
    expect(polls().map((item) => item.id)).toEqual(['p1', 'p2']);
  });

  it('takes a hidden question away from participants, and keeps it whole for staff', () => {
    const wordless = { ...question, body: '', author: null, state: 'hidden', myUpvote: undefined };
    const participant = caches();
    applySessionEvent(participant.client, 's1', event('question.updated', wordless), false);
    expect(participant.questions()).toEqual([]);

    const staff = caches();
    applySessionEvent(staff.client, 's1', event('question.updated', wordless), true);
    expect(staff.questions()[0].body).toBe('Who checks?');
    applySessionEvent(staff.client, 's1', event('question.updated', { ...question, state: 'hidden' }), true);
    expect(staff.questions()[0]).toMatchObject({ body: 'Who checks?', state: 'hidden', myUpvote: true });
  });

  it('counts up-votes and adds new questions once', () => {
    const { client, questions } = caches();
    applySessionEvent(client, 's1', event('question.upvoted', { id: 'q1', upvotes: 12 }), false);
    const created = { ...question, id: 'q2', myUpvote: undefined };
    applySessionEvent(client, 's1', event('question.created', created), false);
    applySessionEvent(client, 's1', event('question.created', created), false);
    expect(questions().map((item) => [item.id, item.upvotes])).toEqual([
      ['q1', 12],
      ['q2', 0],
    ]);
  });
});

describe('the countdown', () => {
  it("counts on the server's clock, whatever this device's clock says", () => {
    learnServerTime('2026-01-01T10:00:00.000Z', Date.parse('2026-01-01T09:58:00.000Z'));
    const now = serverNow();
    const endsAt = new Date(now + 90_500).toISOString();
    expect(secondsLeft(endsAt, null, now)).toBe(91);
    expect(Math.abs(serverNow() - Date.now() - 120_000)).toBeLessThan(1000);
  });

  it('stands still while paused, and never goes below zero', () => {
    expect(secondsLeft(null, 30_000)).toBe(30);
    expect(secondsLeft('2020-01-01T00:00:00.000Z', null)).toBe(0);
    expect(secondsLeft(null, null)).toBeNull();
  });
});

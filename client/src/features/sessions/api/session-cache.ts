import type { QueryClient } from '@tanstack/react-query';
import type { LiveSessionView, Page, Poll, Question, StreamEvent } from '../../../lib/api/types';

export const sessionKeys = {
  session: (id: string) => ['session', id] as const,
  byCode: (code: string) => ['session-code', code.trim().toUpperCase()] as const,
  mine: ['sessions', 'mine'] as const,
  polls: (id: string) => ['session-polls', id] as const,
  questions: (id: string) => ['session-questions', id] as const,
  questionList: (id: string, order: string) => ['session-questions', id, order] as const,
  spotlight: (id: string) => ['session-spotlight', id] as const,
  report: (id: string) => ['session-report', id] as const,
};

type Questions = Page<Question>;

function patchQuestions(client: QueryClient, sessionId: string, change: (items: Question[]) => Question[]): void {
  client.setQueriesData<Questions>(
    { queryKey: sessionKeys.questions(sessionId) },
    (page) => page && { ...page, items: change(page.items) },
  );
}

function patchPolls(client: QueryClient, sessionId: string, change: (items: Poll[]) => Poll[]): void {
  client.setQueryData<Page<Poll>>(
    sessionKeys.polls(sessionId),
    (page) => page && { ...page, items: change(page.items) },
  );
}

/** A poll as an event or an answer has it, keeping the reader's vote when the event carries none. */
export function upsertPoll(client: QueryClient, poll: Poll): void {
  patchPolls(client, poll.sessionId, (items) => {
    const known = items.find((item) => item.id === poll.id);
    const merged = { ...poll, myVote: poll.myVote !== undefined ? poll.myVote : known?.myVote };
    return known ? items.map((item) => (item.id === poll.id ? merged : item)) : [...items, merged];
  });
}

/** A question as an answer has it (with the reader's own up-vote). */
export function upsertQuestion(client: QueryClient, question: Question): void {
  patchQuestions(client, question.sessionId, (items) =>
    items.some((item) => item.id === question.id)
      ? items.map((item) => (item.id === question.id ? { ...item, ...question } : item))
      : [...items, question],
  );
}

/**
 * Maps a session event onto the caches. `staff` (its organiser, moderators) keep hidden questions: they receive the
 * whole question right after the wordless one everyone gets.
 */
export function applySessionEvent(client: QueryClient, sessionId: string, event: StreamEvent, staff: boolean): void {
  switch (event.type) {
    case 'session.updated':
      client.setQueryData<LiveSessionView>(sessionKeys.session(sessionId), (old) =>
        old ? { ...old, ...event.data } : old,
      );
      return;
    case 'spotlight.changed': {
      const { postId, post } = event.data;
      client.setQueryData<LiveSessionView>(sessionKeys.session(sessionId), (old) =>
        old ? { ...old, spotlightPostId: postId } : old,
      );
      client.setQueryData(sessionKeys.spotlight(sessionId), post);
      return;
    }
    case 'poll.opened':
    case 'poll.closed':
      return upsertPoll(client, event.data);
    case 'poll.results': {
      const { id, counts, total } = event.data;
      return patchPolls(client, sessionId, (items) =>
        items.map((item) => (item.id === id ? { ...item, counts, total } : item)),
      );
    }
    case 'question.created': {
      const question = event.data;
      return patchQuestions(client, sessionId, (items) =>
        items.some((item) => item.id === question.id) ? items : [...items, question],
      );
    }
    case 'question.updated': {
      const question = event.data;
      const wordless = question.state === 'hidden' && question.author === null;
      if (wordless && staff) return;
      if (question.state === 'hidden' && !staff) {
        return patchQuestions(client, sessionId, (items) => items.filter((item) => item.id !== question.id));
      }
      return patchQuestions(client, sessionId, (items) =>
        items.some((item) => item.id === question.id)
          ? items.map((item) => (item.id === question.id ? { ...item, ...question, myUpvote: item.myUpvote } : item))
          : [...items, question],
      );
    }
    case 'question.upvoted': {
      const { id, upvotes } = event.data;
      return patchQuestions(client, sessionId, (items) =>
        items.map((item) => (item.id === id ? { ...item, upvotes } : item)),
      );
    }
  }
}

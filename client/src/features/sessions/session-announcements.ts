import type { TFunction } from 'i18next';
import type { LiveSessionView, Poll } from '../../lib/api/types';

/** What a participant's screen reader is told of a session: the moments it changes, never the ticking timer. */
export interface SessionMoment {
  status: LiveSessionView['status'];
  spotlightPostId: string | null;
  currentDebateId: string | null;
  /** Polls participants see (drafts are the organiser's), by id. */
  polls: Pick<Poll, 'id' | 'question' | 'state'>[];
}

export function momentOf(session: LiveSessionView, polls: Poll[]): SessionMoment {
  return {
    status: session.status,
    spotlightPostId: session.spotlightPostId,
    currentDebateId: session.currentDebateId,
    polls: polls.filter((poll) => poll.state !== 'draft'),
  };
}

const STATUS_NEWS: Record<string, string | undefined> = {
  live: 'sessions.live.started',
  paused: 'sessions.live.paused',
  ended: 'sessions.live.ended',
};

/** The changes from one moment to the next, as sentences (none on the first look, or when nothing changed). */
export function describeSessionChanges(before: SessionMoment | null, after: SessionMoment, t: TFunction): string[] {
  if (!before) return [];
  const news: string[] = [];
  if (before.status !== after.status) {
    const key =
      before.status === 'paused' && after.status === 'live' ? 'sessions.live.resumed' : STATUS_NEWS[after.status];
    if (key) news.push(t(key));
  }
  if (before.currentDebateId !== after.currentDebateId && after.currentDebateId)
    news.push(t('sessions.live.nextDebate'));
  const was = new Map(before.polls.map((poll) => [poll.id, poll.state]));
  for (const poll of after.polls) {
    const earlier = was.get(poll.id);
    if (poll.state === earlier) continue;
    if (poll.state === 'open') news.push(t('sessions.live.pollOpened', { question: poll.question }));
    if (poll.state === 'closed') news.push(t('sessions.live.pollClosed', { question: poll.question }));
  }
  if (before.spotlightPostId !== after.spotlightPostId) {
    news.push(t(after.spotlightPostId ? 'sessions.live.spotlight' : 'sessions.live.spotlightCleared'));
  }
  return news;
}

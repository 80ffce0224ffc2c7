import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api';
import type { LiveSessionView, User } from '../../../lib/api/types';
import { usePolls } from '../api/polls';
import {
  useSession,
  useSessionStep,
  useSetCurrentDebate,
  useSetSpotlight,
  useSetTimer,
  useSpotlightCandidates,
} from '../api/sessions';
import { useSessionStream } from '../use-session-stream';
import { Countdown } from './Countdown';
import { CreatePollForm } from './CreatePollForm';
import { DebateQuestion } from './CurrentDebate';
import { ConsolePoll } from './PollCard';
import { QuestionList } from './QuestionList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { excerpt } from '../../../lib/excerpt';
import { currentLanguage } from '../../../lib/i18n';
import { localizedDebate, useDebate } from '../../debates';
import { focusElement } from '../../../components/focus';
import { SessionHeader } from './SessionHeader';
import { Spotlight, SpotlightPost } from './Spotlight';

const TIMER_PRESETS = [60, 120, 300, 600];

/** The organiser's console: lifecycle, agenda, timer, polls, Q&A moderation, spotlight, and the way to the report. */
export function SessionConsole({ id, me }: { id: string; me: User | null }) {
  const { t } = useTranslation();
  const session = useSession(id);
  if (session.isPending) return <p>{t('sessions.loading')}</p>;
  if (session.isError) {
    const missing = session.error instanceof ApiError && [400, 404].includes(session.error.statusCode);
    return <p role="alert">{t(missing ? 'sessions.notFound' : 'sessions.errors.generic')}</p>;
  }
  if (!me) return <p role="alert">{t('sessions.errors.unauthenticated')}</p>;
  if (me.id !== session.data.organiserId && me.role !== 'admin') {
    return <p role="alert">{t('sessions.errors.forbidden')}</p>;
  }
  return <Console session={session.data} />;
}

const NEXT_STEP: Record<string, 'start' | 'pause' | 'resume' | undefined> = {
  scheduled: 'start',
  live: 'pause',
  paused: 'resume',
};

function Console({ session }: { session: LiveSessionView }) {
  const { t } = useTranslation();
  const stream = useSessionStream(session.id, true);
  const step = useSessionStep(session.id);
  const frozen = session.status === 'ended';
  const next = NEXT_STEP[session.status];
  const report = useRef<HTMLAnchorElement>(null);
  const ending = useRef(false);
  // Ended here, the controls go: the report link, all that is left of them, takes the focus.
  useEffect(() => {
    if (!frozen || !ending.current) return;
    ending.current = false;
    focusElement(report.current);
  }, [frozen]);
  const joinUrl = `${window.location.origin}/s/${session.code}`;

  return (
    <div className="session session--console">
      <SessionHeader session={session} presence={stream.presence} connection={stream.connection} />
      <p className="join-link">
        {t('sessions.joinAt')} <a href={joinUrl}>{joinUrl}</a>
      </p>
      <div className="console__controls" role="group" aria-label={t('sessions.controls')}>
        {next && (
          // One button for Start, Pause and Resume, so the focus stays on it as it changes; busy, it stays
          // focusable (aria-disabled) rather than dropping the focus.
          <button
            type="button"
            aria-disabled={step.isPending || undefined}
            onClick={() => !step.isPending && step.mutate(next)}
          >
            {t(`sessions.${next}`)}
          </button>
        )}
        {!frozen && (
          <button
            type="button"
            className="danger"
            aria-disabled={step.isPending || undefined}
            onClick={() => {
              if (step.isPending || !window.confirm(t('sessions.endConfirm'))) return;
              ending.current = true;
              step.mutate('end');
            }}
          >
            {t('sessions.end')}
          </button>
        )}
        <Link ref={report} to={`/sessions/${session.id}/report`}>
          {t('report.open')}
        </Link>
      </div>
      <ErrorAlert error={step.error} />
      <Agenda session={session} frozen={frozen} />
      <Timer session={session} frozen={frozen} />
      <Polls sessionId={session.id} frozen={frozen} />
      <QuestionList sessionId={session.id} signedIn staff frozen={frozen} orders={['top', 'new', 'balanced']} />
      <SpotlightPicker session={session} frozen={frozen} />
    </div>
  );
}

/** "Go to this debate", named with the debate's question: one of several such buttons in the agenda. */
function GoToDebate({ debateId, disabled, onGo }: { debateId: string; disabled: boolean; onGo: () => void }) {
  const { t } = useTranslation();
  const debate = useDebate(debateId);
  const question = debate.data ? localizedDebate(debate.data, currentLanguage()).question : null;
  return (
    <button
      type="button"
      className="secondary"
      aria-label={question ? t('sessions.agenda.goToNamed', { question }) : undefined}
      disabled={disabled}
      onClick={onGo}
    >
      {t('sessions.agenda.goTo')}
    </button>
  );
}

function Agenda({ session, frozen }: { session: LiveSessionView; frozen: boolean }) {
  const { t } = useTranslation();
  const move = useSetCurrentDebate(session.id);
  const at = session.debateIds.indexOf(session.currentDebateId ?? '');
  return (
    <section aria-labelledby="agenda-heading" className="agenda">
      <h2 id="agenda-heading">{t('sessions.agenda.heading')}</h2>
      <ol>
        {session.debateIds.map((debateId, i) => (
          <li key={debateId} aria-current={i === at ? 'step' : undefined}>
            <DebateQuestion debateId={debateId} link={false} />{' '}
            {i !== at && <GoToDebate debateId={debateId} disabled={frozen} onGo={() => move.mutate(debateId)} />}
          </li>
        ))}
      </ol>
      <div className="agenda__step">
        <button
          type="button"
          className="secondary"
          disabled={frozen || at <= 0}
          onClick={() => move.mutate(session.debateIds[at - 1])}
        >
          {t('sessions.agenda.previous')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={frozen || at >= session.debateIds.length - 1}
          onClick={() => move.mutate(session.debateIds[at + 1])}
        >
          {t('sessions.agenda.next')}
        </button>
      </div>
      <ErrorAlert error={move.error} />
    </section>
  );
}

function Timer({ session, frozen }: { session: LiveSessionView; frozen: boolean }) {
  const { t } = useTranslation();
  const set = useSetTimer(session.id);
  return (
    <section aria-labelledby="timer-heading" className="timer">
      <h2 id="timer-heading">{t('sessions.timer.heading')}</h2>
      <Countdown session={session} />
      <div role="group" aria-label={t('sessions.timer.presets')}>
        {TIMER_PRESETS.map((seconds) => (
          <button
            key={seconds}
            type="button"
            className="secondary"
            disabled={frozen}
            onClick={() => set.mutate(seconds)}
          >
            {t('sessions.timer.minutes', { count: seconds / 60 })}
          </button>
        ))}
        <button type="button" className="secondary" disabled={frozen} onClick={() => set.mutate(0)}>
          {t('sessions.timer.stop')}
        </button>
      </div>
      <ErrorAlert error={set.error} />
    </section>
  );
}

function Polls({ sessionId, frozen }: { sessionId: string; frozen: boolean }) {
  const { t } = useTranslation();
  const polls = usePolls(sessionId);
  const items = polls.data?.items ?? [];
  return (
    <section aria-labelledby="console-polls-heading" className="polls">
      <h2 id="console-polls-heading">{t('poll.heading')}</h2>
      {items.map((poll) => (
        <ConsolePoll key={poll.id} poll={poll} disabled={frozen} />
      ))}
      {!frozen && <CreatePollForm sessionId={sessionId} polls={items} disabled={frozen} />}
    </section>
  );
}

function SpotlightPicker({ session, frozen }: { session: LiveSessionView; frozen: boolean }) {
  const { t } = useTranslation();
  const candidates = useSpotlightCandidates(session.currentDebateId);
  const spotlight = useSetSpotlight(session.id);
  return (
    <section aria-labelledby="pick-heading" className="spotlight-picker">
      <h2 id="pick-heading">{t('sessions.spotlight.pick')}</h2>
      <Spotlight session={session} />
      {session.spotlightPostId && (
        <button type="button" className="secondary" disabled={frozen} onClick={() => spotlight.mutate(null)}>
          {t('sessions.spotlight.clear')}
        </button>
      )}
      <ErrorAlert error={spotlight.error} />
      {candidates.data?.items.length === 0 && <p>{t('sessions.spotlight.none')}</p>}
      <ul className="spotlight-picker__posts">
        {(candidates.data?.items ?? [])
          .filter((post) => post.status === 'visible')
          .map((post) => (
            <li key={post.id}>
              <SpotlightPost post={post} />
              <button
                type="button"
                className="secondary"
                // Named after its post: a list of "Spotlight" buttons says nothing in a screen reader's button list.
                aria-label={t('sessions.spotlight.showPost', {
                  name: post.author?.displayName ?? t('post.deleted'),
                  excerpt: excerpt(post.body, 60),
                })}
                disabled={frozen || post.id === session.spotlightPostId}
                onClick={() => spotlight.mutate(post.id)}
              >
                {t('sessions.spotlight.show')}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

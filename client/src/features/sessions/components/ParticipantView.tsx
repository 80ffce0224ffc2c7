import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api';
import type { LiveSessionView, User } from '../../../lib/api/types';
import { usePolls } from '../api/polls';
import { useSession, useSessionByCode } from '../api/sessions';
import { useSessionStream } from '../use-session-stream';
import { Countdown } from './Countdown';
import { CurrentDebate } from './CurrentDebate';
import { PollCard } from './PollCard';
import { AskQuestion, QuestionList } from './QuestionList';
import { SessionAnnouncer } from './SessionAnnouncer';
import { SessionHeader } from './SessionHeader';
import { Spotlight } from './Spotlight';

/** The form that takes people to `/s/:code`. */
export function JoinByCode() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/s/${encodeURIComponent(code.trim().toUpperCase())}`);
  };
  return (
    <form className="join" onSubmit={submit}>
      <label>
        {t('sessions.join.code')}
        <input
          value={code}
          required
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={6}
          minLength={6}
          onChange={(event) => setCode(event.target.value)}
        />
      </label>
      <button type="submit">{t('sessions.join.submit')}</button>
    </form>
  );
}

/** A participant's view of a session found by its code. */
export function ParticipantView({ code, me }: { code: string; me: User | null }) {
  const { t } = useTranslation();
  const found = useSessionByCode(code);
  if (found.isPending) return <p>{t('sessions.loading')}</p>;
  if (found.isError) {
    const missing = found.error instanceof ApiError && found.error.statusCode === 404;
    return (
      <>
        <p role="alert">{t(missing ? 'sessions.join.unknown' : 'sessions.errors.generic')}</p>
        <JoinByCode />
      </>
    );
  }
  return <LiveView initial={found.data} me={me} />;
}

function LiveView({ initial, me }: { initial: LiveSessionView; me: User | null }) {
  const { t } = useTranslation();
  // Found by code, followed by id: the id's cache is the one live events keep current.
  const live = useSession(initial.id, initial).data ?? initial;
  const staff = me !== null && (me.id === live.organiserId || me.role === 'moderator' || me.role === 'admin');
  const stream = useSessionStream(initial.id, staff);
  const polls = usePolls(initial.id);
  const frozen = live.status === 'ended';
  const shown = (polls.data?.items ?? []).filter((poll) => poll.state !== 'draft');
  const open = shown.filter((poll) => poll.state === 'open').reverse();
  const closed = shown.filter((poll) => poll.state === 'closed').reverse();

  return (
    <div className="session session--participant">
      <SessionHeader session={live} presence={stream.presence} connection={stream.connection} />
      <SessionAnnouncer session={live} polls={polls.data?.items} />
      {live.status === 'scheduled' && <p className="notice">{t('sessions.notStarted')}</p>}
      {live.status === 'paused' && <p className="notice">{t('sessions.pausedNotice')}</p>}
      {frozen && <p className="notice">{t('sessions.endedNotice')}</p>}
      <Countdown session={live} />
      <CurrentDebate debateId={live.currentDebateId} />
      <Spotlight session={live} />
      <section aria-labelledby="polls-heading" className="polls">
        <h2 id="polls-heading">{t('poll.heading')}</h2>
        {open.length === 0 && <p>{t('poll.noneOpen')}</p>}
        {open.map((poll) => (
          <PollCard key={poll.id} poll={poll} canVote={me !== null} />
        ))}
        {closed.length > 0 && (
          <details>
            <summary>{t('poll.closedOnes', { count: closed.length })}</summary>
            {closed.map((poll) => (
              <PollCard key={poll.id} poll={poll} canVote={me !== null} />
            ))}
          </details>
        )}
      </section>
      {me && !frozen && <AskQuestion sessionId={live.id} disabled={frozen} />}
      <QuestionList sessionId={live.id} signedIn={me !== null} staff={staff} frozen={frozen} orders={['top', 'new']} />
    </div>
  );
}

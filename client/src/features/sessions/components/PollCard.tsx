import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll } from '../../../lib/api/types';
import { usePollState, useVote } from '../api/polls';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { focusElement } from '../../../components/focus';

/** Bars of a poll's counts; text gives each figure, so the bars are decoration. */
function Results({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  return (
    <ul className="poll__results" aria-label={t('poll.results')}>
      {poll.options.map((option, i) => {
        const share = poll.total === 0 ? 0 : Math.round((poll.counts[i] / poll.total) * 100);
        return (
          <li key={option}>
            <span className="poll__option">{option}</span>{' '}
            <span className="poll__count">{t('poll.votes', { count: poll.counts[i], share })}</span>
            <span className="poll__bar" aria-hidden="true">
              <span style={{ width: `${share}%` }} />
            </span>
          </li>
        );
      })}
      <li className="poll__total">{t('poll.total', { count: poll.total })}</li>
    </ul>
  );
}

/**
 * A poll for participants: while open, its options are buttons, the chosen one pressed (a vote can move); results
 * show once they voted, and for everyone once it closed.
 */
export function PollCard({ poll, canVote }: { poll: Poll; canVote: boolean }) {
  const { t } = useTranslation();
  const vote = useVote();
  const headingId = useId();
  const voted = poll.myVote !== undefined && poll.myVote !== null;
  return (
    <section className={`poll poll--${poll.state}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{poll.question}</h3>
      <p className="poll__meta">{t(`poll.state.${poll.state}`)}</p>
      {poll.state === 'open' && canVote && (
        <div className="poll__options" role="group" aria-label={t('poll.options')}>
          {poll.options.map((option, i) => (
            <button
              key={option}
              type="button"
              className="poll__choice"
              aria-pressed={poll.myVote === i}
              disabled={vote.isPending}
              onClick={() => vote.mutate({ id: poll.id, optionIndex: i })}
            >
              {option}
            </button>
          ))}
        </div>
      )}
      {poll.state === 'open' && !canVote && <p className="hint">{t('poll.signIn')}</p>}
      {voted && poll.state === 'open' && (
        <p className="poll__mine">{t('poll.yourVote', { option: poll.options[poll.myVote!] })}</p>
      )}
      <ErrorAlert error={vote.error} />
      {(voted || poll.state === 'closed' || !canVote) && <Results poll={poll} />}
    </section>
  );
}

/** A poll in the console: its live results and the button that moves it on. */
export function ConsolePoll({ poll, disabled }: { poll: Poll; disabled: boolean }) {
  const { t } = useTranslation();
  const change = usePollState();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const closing = useRef(false);
  // One button that moves the poll on keeps the focus from Open poll to Close poll; once closed, the poll's
  // heading takes it.
  const next = poll.state === 'draft' ? 'open' : poll.state === 'open' ? 'close' : null;
  useEffect(() => {
    if (poll.state !== 'closed' || !closing.current) return;
    closing.current = false;
    focusElement(heading.current);
  }, [poll.state]);
  return (
    <section className={`poll poll--${poll.state}`} aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading}>
        {poll.question}
      </h3>
      <p className="poll__meta">
        {t(`poll.kind.${poll.kind}`)} · {t(`poll.state.${poll.state}`)}
      </p>
      {next && (
        <button
          type="button"
          disabled={disabled}
          aria-disabled={change.isPending || undefined}
          onClick={() => {
            if (change.isPending) return;
            closing.current = next === 'close';
            change.mutate({ id: poll.id, to: next });
          }}
        >
          {t(next === 'open' ? 'poll.open' : 'poll.close')}
        </button>
      )}
      <ErrorAlert error={change.error} />
      <Results poll={poll} />
    </section>
  );
}

import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../lib/api/types';
import { currentLanguage } from '../../../lib/i18n';
import { useMainArticle } from '../../articles';
import { localizedDebate } from '../../debates';
import { useCreateSession, useMySessions } from '../api/sessions';
import { JoinByCode } from './ParticipantView';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** Organisers: their sessions and a form for a new one. Everyone: the way in by code. */
export function SessionList({ me }: { me: User | null }) {
  const { t, i18n } = useTranslation();
  const organiser = me !== null && (me.role === 'organiser' || me.role === 'admin');
  const mine = useMySessions(organiser);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <>
      <h1>{t('sessions.heading')}</h1>
      <section aria-labelledby="join-heading">
        <h2 id="join-heading">{t('sessions.join.heading')}</h2>
        <JoinByCode />
      </section>
      {!organiser && <p>{t('sessions.organisersOnly')}</p>}
      {organiser && (
        <>
          <section aria-labelledby="mine-heading">
            <h2 id="mine-heading">{t('sessions.mine')}</h2>
            {mine.data?.items.length === 0 && <p>{t('sessions.none')}</p>}
            <ul className="session-list">
              {(mine.data?.items ?? []).map((session) => (
                <li key={session.id}>
                  <Link to={`/sessions/${session.id}/console`}>{session.title}</Link>{' '}
                  <span className={`status status--${session.status}`}>{t(`sessions.status.${session.status}`)}</span>{' '}
                  <span className="code">{session.code}</span>{' '}
                  <span className="hint">{date(session.startsAt ?? session.createdAt)}</span>{' '}
                  <Link to={`/sessions/${session.id}/report`}>{t('report.open')}</Link>
                </li>
              ))}
            </ul>
          </section>
          <CreateSessionForm />
        </>
      )}
    </>
  );
}

function CreateSessionForm() {
  const { t } = useTranslation();
  const article = useMainArticle();
  const create = useCreateSession();
  const [title, setTitle] = useState('');
  const [agenda, setAgenda] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState('');
  const debates = article.data?.debates ?? [];
  const toggle = (id: string) =>
    setAgenda((chosen) => (chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { title, debateIds: agenda, ...(startsAt ? { startsAt: new Date(startsAt).toISOString() } : {}) },
      {
        onSuccess: () => {
          setTitle('');
          setAgenda([]);
          setStartsAt('');
        },
      },
    );
  };
  return (
    <form className="create-session" onSubmit={submit} aria-labelledby="create-heading">
      <h2 id="create-heading">{t('sessions.create.heading')}</h2>
      <label>
        {t('sessions.create.title')}
        <input value={title} required maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <fieldset>
        <legend>{t('sessions.create.agenda')}</legend>
        <p className="hint">{t('sessions.create.agendaHint')}</p>
        {debates.map((debate) => (
          <label key={debate.id} className="check">
            <input type="checkbox" checked={agenda.includes(debate.id)} onChange={() => toggle(debate.id)} />{' '}
            {agenda.includes(debate.id) && <span className="agenda-position">{agenda.indexOf(debate.id) + 1}. </span>}
            {localizedDebate(debate, currentLanguage()).question}
          </label>
        ))}
      </fieldset>
      <label>
        {t('sessions.create.startsAt')}
        <input type="datetime-local" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} />
      </label>
      <button type="submit" disabled={create.isPending || agenda.length === 0}>
        {t('sessions.create.submit')}
      </button>
      <ErrorAlert error={create.error} />
      {create.data && (
        <p role="status">
          {t('sessions.create.done', { code: create.data.code })}{' '}
          <Link to={`/sessions/${create.data.id}/console`}>{t('sessions.create.openConsole')}</Link>
        </p>
      )}
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../lib/i18n';
import { localizedDebate, useDebate } from '../../debates';

/** A debate's question in the reader's language, linking to its thread. */
export function DebateQuestion({ debateId, link = true }: { debateId: string; link?: boolean }) {
  const debate = useDebate(debateId);
  if (!debate.data) return <span>…</span>;
  const { question } = localizedDebate(debate.data, currentLanguage());
  return link ? <Link to={`/debates/${debateId}`}>{question}</Link> : <span>{question}</span>;
}

export function CurrentDebate({ debateId }: { debateId: string | null }) {
  const { t } = useTranslation();
  if (!debateId) return null;
  return (
    <section className="current-debate" aria-labelledby="current-heading">
      <h2 id="current-heading">{t('sessions.current')}</h2>
      <p className="current-debate__question">
        <DebateQuestion debateId={debateId} />
      </p>
    </section>
  );
}

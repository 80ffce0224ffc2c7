import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { StanceBar } from '../../../components/StanceBar';
import type { Section } from '../../../lib/api-types';
import { currentLanguage } from '../../../lib/i18n';
import { useDebateStream } from '../../../lib/realtime';
import { useMainArticle } from '../../articles/api/get-article';
import { useMe } from '../../auth/api/session';
import { applyStreamEvent, threadKeys } from '../../posts/api/thread-cache';
import { Composer } from '../../posts/components/Composer';
import { Thread } from '../../posts/components/Thread';
import { ThreadProvider, useThread } from '../../posts/thread-context';
import { useDebate } from '../api/get-debate';
import { localizedDebate } from '../localized-debate';

export function DebatePage() {
  const { id = '' } = useParams();
  return <Debate key={id} id={id} />;
}

function Debate({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const client = useQueryClient();
  const debate = useDebate(id);
  const article = useMainArticle();
  const me = useMe();
  const stream = useDebateStream(id, {
    onEvent: (event) => applyStreamEvent(client, id, event),
    onReload: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: threadKeys.levels(id) }),
        client.invalidateQueries({ queryKey: threadKeys.trees(id) }),
        client.invalidateQueries({ queryKey: ['debate', id] }),
      ]),
  });

  if (debate.isPending) return null;
  if (debate.isError) {
    const missing =
      debate.error instanceof ApiError && (debate.error.statusCode === 404 || debate.error.statusCode === 400);
    return <p role="alert">{t(missing ? 'debate.notFound' : 'error.generic')}</p>;
  }
  const language = currentLanguage();
  const { question, description } = localizedDebate(debate.data, language);
  const sections = (article.data?.sections ?? []).filter((section) => debate.data.sectionIds.includes(section.id));
  const user = me.data ?? null;
  // A lock that arrives while someone is typing disables posting but keeps the composer and its draft.
  const locked = debate.data.status === 'locked' && user?.role !== 'moderator' && user?.role !== 'admin';

  return (
    <ThreadProvider locked={locked}>
      <p>
        <Link to="/">← {t('debate.back')}</Link>
      </p>
      <h1>{question}</h1>
      {description && <p className="debate__description">{description}</p>}
      <StanceBar counts={debate.data.stanceCounts} />
      <p className="debate__live" aria-live="polite">
        {stream.presence !== null && <span>{t('debate.here', { count: stream.presence })}</span>}
        {stream.connection === 'lost' && <span className="notice">{t('debate.offline')}</span>}
        {stream.typing.map((user) => (
          <span key={user.id} className="typing">
            {t('debate.typing', { name: user.displayName })}
          </span>
        ))}
      </p>
      {sections.length > 0 && (
        <section aria-labelledby="anchored-heading" className="anchored">
          <h2 id="anchored-heading">{t('debate.sections')}</h2>
          <ol>
            {sections.map((section) => (
              <li key={section.id} value={section.position}>
                {section.summary[language]}
              </li>
            ))}
          </ol>
        </section>
      )}
      {debate.data.status === 'locked' && <p className="notice">{t('debate.locked')}</p>}
      {debate.data.slowModeSeconds > 0 && (
        <p className="notice">{t('debate.slowMode', { seconds: debate.data.slowModeSeconds })}</p>
      )}
      {user ? (
        <NewArgument debateId={id} sections={sections} disabled={locked} />
      ) : me.isSuccess ? (
        <p>
          <Link to="/login" state={{ from: location.pathname }}>
            {t('debate.signInToPost')}
          </Link>
        </p>
      ) : null}
      <Thread debateId={id} me={user} sections={sections} />
    </ThreadProvider>
  );
}

/** The debate's own composer; it steps aside while a reply or an edit is open in the thread (its draft is kept). */
function NewArgument(props: { debateId: string; sections: Section[]; disabled: boolean }) {
  const { t } = useTranslation();
  const { editor, setEditor } = useThread();
  if (editor === null) return <Composer {...props} />;
  return (
    <p className="notice">
      {t('composer.elsewhere')}{' '}
      <button type="button" className="link" onClick={() => setEditor(null)}>
        {t('composer.newArgument')}
      </button>
    </p>
  );
}

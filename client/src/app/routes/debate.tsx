import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { NotFound } from '../../components/NotFound';
import { StanceBar } from '../../components/StanceBar';
import type { Post, Section } from '../../lib/api/types';
import { currentLanguage } from '../../lib/i18n';
import { useStream } from '../../lib/realtime';
import { streams } from '../../lib/stream-subscription';
import { useMainArticle } from '../../features/articles';
import { useMe } from '../../features/auth';
import { localizedDebate, useDebate } from '../../features/debates';
import { PostModerationTools } from '../../features/moderation';
import { Outline, outlineKey } from '../../features/outline';
import {
  applyStreamEvent,
  Composer,
  FocusedThread,
  Thread,
  ThreadProvider,
  threadKeys,
  useThread,
} from '../../features/posts';

/** How the debate is shown: its thread, its outline, or one post's permalink (`/debates/:id/posts/:postId`). */
type View = 'thread' | 'outline' | 'post';

export function DebatePage({ view = 'thread' }: { view?: View }) {
  const { id = '', postId = '' } = useParams();
  return <Debate key={id} id={id} view={view} postId={postId} />;
}

function Debate({ id, view, postId }: { id: string; view: View; postId: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const client = useQueryClient();
  const debate = useDebate(id);
  const article = useMainArticle();
  const me = useMe();
  const stream = useStream(
    useMemo(() => streams.debate(id), [id]),
    {
      onEvent: (event) => applyStreamEvent(client, id, event, me.data?.id),
      onReload: () =>
        Promise.all([
          client.invalidateQueries({ queryKey: threadKeys.levels(id) }),
          client.invalidateQueries({ queryKey: threadKeys.trees(id) }),
          client.invalidateQueries({ queryKey: ['debate', id] }),
          client.invalidateQueries({ queryKey: outlineKey(id) }),
          client.invalidateQueries({ queryKey: ['context'] }),
        ]),
    },
  );

  // Flag and Appeal under each post come from moderation; a stable function keeps the thread from re-rendering.
  const postTools = useCallback((post: Post) => <PostModerationTools post={post} me={me.data ?? null} />, [me.data]);

  if (debate.isPending) return null;
  if (debate.isError) {
    const missing =
      debate.error instanceof ApiError && (debate.error.statusCode === 404 || debate.error.statusCode === 400);
    return missing ? <NotFound title={t('debate.notFound')} /> : <p role="alert">{t('errors.generic')}</p>;
  }
  const language = currentLanguage();
  const { question, description } = localizedDebate(debate.data, language);
  const sections = (article.data?.sections ?? []).filter((section) => debate.data.sectionIds.includes(section.id));
  const user = me.data ?? null;
  // A lock that arrives while someone is typing disables posting but keeps the composer and its draft.
  const locked = debate.data.status === 'locked' && user?.role !== 'moderator' && user?.role !== 'admin';

  return (
    <ThreadProvider locked={locked} postTools={postTools}>
      <p>
        <Link to="/">← {t('debate.back')}</Link>
      </p>
      <h1>{question}</h1>
      {description && <p className="debate__description">{description}</p>}
      <StanceBar counts={debate.data.stanceCounts} />
      <p className="debate__live" aria-live="polite">
        {/* While disconnected the count is stale: say the reader is offline instead. */}
        {stream.connection === 'lost' ? (
          <span className="notice">{t('debate.offline')}</span>
        ) : (
          stream.presence !== null && <span>{t('debate.here', { count: stream.presence })}</span>
        )}
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
      <nav aria-label={t('debate.views')} className="views">
        <NavLink to={`/debates/${id}`} end>
          {t('debate.threadView')}
        </NavLink>
        <NavLink to={`/debates/${id}/outline`}>{t('outline.title')}</NavLink>
      </nav>
      {view === 'thread' &&
        (user ? (
          <NewArgument debateId={id} sections={sections} disabled={locked} />
        ) : me.isSuccess ? (
          <p>
            <Link to="/login" state={{ from: `${location.pathname}${location.search}` }}>
              {t('debate.signInToPost')}
            </Link>
          </p>
        ) : null)}
      {view === 'thread' && <Thread debateId={id} me={user} sections={sections} />}
      {view === 'outline' && <Outline debateId={id} />}
      {view === 'post' && <FocusedThread debateId={id} postId={postId} me={user} sections={sections} />}
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

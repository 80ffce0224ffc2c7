import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSession, Post } from '../../../lib/api/types';
import { renderMarkdown } from '../../../lib/markdown';
import { useSpotlight } from '../api/sessions';

export function SpotlightPost({ post }: { post: Post }) {
  const { t } = useTranslation();
  const html = useMemo(() => renderMarkdown(post.body), [post.body]);
  return (
    <blockquote className={`spotlight__post${post.stance ? ` post--${post.stance}` : ''}`}>
      {/* Sanitised by renderMarkdown. */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
      <footer>
        {post.author?.displayName}
        {post.stance && <span className={`badge badge--${post.stance}`}> {t(`stance.${post.stance}`)}</span>}
      </footer>
    </blockquote>
  );
}

/** The post the organiser put in the spotlight, for everyone. */
export function Spotlight({ session }: { session: LiveSession }) {
  const { t } = useTranslation();
  const post = useSpotlight(session.id, session.spotlightPostId);
  if (!session.spotlightPostId || !post.data || post.data.status !== 'visible') return null;
  return (
    <section className="spotlight" aria-labelledby="spotlight-heading">
      <h2 id="spotlight-heading">{t('sessions.spotlight.heading')}</h2>
      <SpotlightPost post={post.data} />
    </section>
  );
}

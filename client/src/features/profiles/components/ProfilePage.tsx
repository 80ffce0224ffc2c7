import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';
import { RelativeTime } from '../../../components/RelativeTime';
import { ApiError } from '../../../lib/api';
import type { Profile } from '../../../lib/api/types';
import { excerpt } from '../../../lib/excerpt';
import { currentLanguage } from '../../../lib/i18n';
import { permalink, RelationBadge } from '../../posts';
import { useProfile, useProfilePosts } from '../api/profile';
import { LoadMore } from '../../../components/LoadMore';

type DebateRef = Profile['stances'][number]['debate'];

/** A debate's question in the reader's language, where the debate has one. */
function question(debate: DebateRef, language: string): string {
  return debate.i18n?.[language]?.question ?? debate.question;
}

/** `/u/:username`: who they are, when they joined, the stances they took and their posts with their debates. */
export function ProfilePage({ username }: { username: string }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile(username);
  const posts = useProfilePosts(username, profile.isSuccess);
  const language = currentLanguage();
  if (profile.isPending) return null;
  if (profile.isError) {
    return profile.error instanceof ApiError && profile.error.statusCode === 404 ? (
      <NotFound title={t('profile.notFound', { username })} />
    ) : (
      <ErrorAlert error={profile.error} />
    );
  }
  const person = profile.data;
  const joined = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long' }).format(
    new Date(person.createdAt),
  );
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>{person.displayName}</h1>
      <p className="profile__meta">
        @{person.username} · {t('profile.joined', { date: joined })} · {t('profile.posts', { count: person.postCount })}
      </p>
      <section aria-labelledby="stances-heading">
        <h2 id="stances-heading">{t('profile.stances')}</h2>
        {person.stances.length === 0 ? (
          <p>{t('profile.noStances')}</p>
        ) : (
          <ul>
            {person.stances.map(({ debate, stance }) => (
              <li key={debate.id}>
                <span className={`badge badge--${stance}`}>{t(`stance.${stance}`)}</span>{' '}
                <Link to={`/debates/${debate.id}`}>{question(debate, language)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading">{t('profile.postsTitle')}</h2>
        {posts.isSuccess && items.length === 0 && <p>{t('profile.noPosts')}</p>}
        <ol className="profile__posts">
          {items.map((post) => (
            <li key={post.id}>
              <Link to={permalink(post)}>{excerpt(post.body)}</Link>
              <p className="profile__post-meta">
                {post.stance && <span className={`badge badge--${post.stance}`}>{t(`stance.${post.stance}`)}</span>}
                <RelationBadge relation={post.relation} /> {t('profile.in')}{' '}
                <Link to={`/debates/${post.debate.id}`}>{question(post.debate, language)}</Link> ·{' '}
                <RelativeTime iso={post.createdAt} />
              </p>
            </li>
          ))}
        </ol>
        <LoadMore list={posts} />
      </section>
    </>
  );
}

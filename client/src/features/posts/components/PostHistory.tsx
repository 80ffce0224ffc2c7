import { diffWords } from 'diff';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RelativeTime } from '../../../components/RelativeTime';
import type { Post } from '../../../lib/api/types';
import { useRevisions } from '../api/revisions';

/** One change to a post: the body before and after, when, and whether its author made it. */
interface Change {
  before: string;
  after: string | null;
  at: string;
  byAuthor: boolean;
}

/**
 * "(edited)" opens the post's history: each change newest first, as a word-level diff. A deleted post's history
 * reaches only moderators (the server sends others an empty list); its last change is the deletion.
 */
export function PostHistory({ post }: { post: Post }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const revisions = useRevisions(post.id, open);
  const label = post.status === 'deleted' ? t('history.show') : t('post.edited');
  const changes: Change[] = (revisions.data ?? []).map((revision, i, all) => ({
    before: revision.body,
    after: i + 1 < all.length ? all[i + 1].body : post.status === 'deleted' ? null : post.body,
    at: revision.editedAt,
    byAuthor: post.author === null || revision.editorId === post.author.id,
  }));
  return (
    <>
      <button
        type="button"
        className="link post__edited"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        ({label})
      </button>
      {open && (
        <section id={id} className="history" aria-label={t('history.title')}>
          <h3>{t('history.title')}</h3>
          <ErrorAlert error={revisions.error} />
          {revisions.isSuccess && changes.length === 0 && <p>{t('history.none')}</p>}
          <ol>
            {changes.reverse().map((change) => (
              <li key={change.at}>
                <p className="history__when">
                  {change.after === null ? t('history.deleted') : t('history.edited')} <RelativeTime iso={change.at} />
                  {!change.byAuthor && ` · ${t('history.byModerator')}`}
                </p>
                <WordDiff before={change.before} after={change.after ?? ''} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

/** Words removed struck through, words added underlined, each also named for screen readers. */
function WordDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <p className="diff">
      {diffWords(before, after).map((part, i) =>
        part.added ? (
          <ins key={i} aria-label={t('history.added', { text: part.value })}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} aria-label={t('history.removed', { text: part.value })}>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}

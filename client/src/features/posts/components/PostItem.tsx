import { ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Post, Section, User } from '../../../lib/api-types';
import { renderMarkdown } from '../../../lib/markdown';
import { useDeletePost, useEditPost, useVote } from '../api/write-posts';
import { useThread } from '../thread-context';
import { Composer } from './Composer';

interface PostItemProps {
  post: Post;
  me: User | null;
  sections: Section[];
  /** The replies under it, rendered by the thread after the post's own article. */
  children?: ReactNode;
}

/**
 * One post as an `article` holding only that post (its actions, and its reply or edit composer when open); the
 * replies follow as siblings, so a post's buttons and text never include its replies'.
 */

export function PostItem({ post, me, sections, children }: PostItemProps) {
  const { t, i18n } = useTranslation();
  const { editor, setEditor, locked } = useThread();
  const replying = editor?.postId === post.id && editor.mode === 'reply';
  const editing = editor?.postId === post.id && editor.mode === 'edit';
  const close = () => setEditor(null);
  const vote = useVote(post.debateId);
  const remove = useDeletePost(post.debateId);
  const html = useMemo(() => renderMarkdown(post.body), [post.body]);
  const headingId = useId();

  const moderator = me?.role === 'moderator' || me?.role === 'admin';
  const mine = me !== null && post.author?.id === me.id;
  const live = post.status !== 'deleted' && post.status !== 'hidden';
  const section = sections.find((candidate) => candidate.id === post.sectionId);
  const time = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(post.createdAt),
  );
  const castVote = (value: 1 | -1) => vote.mutate({ id: post.id, value: post.myVote === value ? 0 : value });

  if (post.status === 'hidden' && !moderator) return null;
  return (
    <div className="post-node">
      <article
        className={`post post--${post.status}${post.stance ? ` post--${post.stance}` : ''}`}
        aria-labelledby={headingId}
      >
        <header className="post__header">
          <span id={headingId} className="post__author">
            {post.author ? post.author.displayName : t('post.deleted')}
          </span>
          {post.stance && <span className={`badge badge--${post.stance}`}>{t(`stance.${post.stance}`)}</span>}
          <time dateTime={post.createdAt}>{time}</time>
          {post.editedAt && <span className="post__edited">({t('post.edited')})</span>}
        </header>
        {post.status === 'pending' && <p className="notice">{t('post.pending')}</p>}
        {post.status === 'hidden' && <p className="notice">{t('post.hidden')}</p>}
        {post.quote ? (
          <blockquote className="post__quote">
            {section && <cite>{t('post.quoteFrom', { position: section.position })}</cite>}
            <p>{post.quote}</p>
          </blockquote>
        ) : (
          section && <p className="post__anchor">{t('post.onSection', { position: section.position })}</p>
        )}
        {post.status === 'deleted' ? (
          <p className="post__tombstone">{t('post.deleted')}</p>
        ) : editing ? (
          <EditForm post={post} onDone={close} />
        ) : (
          // Sanitised by DOMPurify in renderMarkdown: the server keeps bodies exactly as typed.
          <div className="post__body" dangerouslySetInnerHTML={{ __html: html }} />
        )}
        {live && (
          <footer className="post__actions">
            <button
              type="button"
              aria-pressed={post.myVote === 1}
              disabled={!me || vote.isPending}
              onClick={() => castVote(1)}
            >
              {t('post.upvote')}
            </button>
            <span className="post__score">
              <span aria-hidden="true">{post.score}</span>
              <span className="visually-hidden">{t('post.score', { score: post.score })}</span>
            </span>
            <button
              type="button"
              aria-pressed={post.myVote === -1}
              disabled={!me || vote.isPending}
              onClick={() => castVote(-1)}
            >
              {t('post.downvote')}
            </button>
            {me && post.status === 'visible' && (!locked || moderator) && (
              <button
                type="button"
                aria-expanded={replying}
                onClick={() => setEditor({ postId: post.id, mode: 'reply' })}
              >
                {t('post.reply')}
              </button>
            )}
            {(mine || moderator) && (
              <>
                <button type="button" onClick={() => setEditor({ postId: post.id, mode: 'edit' })}>
                  {t('post.edit')}
                </button>
                {/* No confirm dialog: the post becomes a tombstone, its replies stay, as when an author withdraws a post. */}
                <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(post.id)}>
                  {t('post.delete')}
                </button>
              </>
            )}
          </footer>
        )}
        <ErrorAlert error={vote.error ?? remove.error} />
        {replying && <Composer debateId={post.debateId} parentId={post.id} onDone={close} onCancel={close} />}
      </article>
      {children}
    </div>
  );
}

function EditForm({ post, onDone }: { post: Post; onDone: () => void }) {
  const { t } = useTranslation();
  const edit = useEditPost(post.debateId);
  const [body, setBody] = useState(post.body);
  const id = useId();
  return (
    <form
      className="post__edit"
      onSubmit={(event) => {
        event.preventDefault();
        edit.mutate({ id: post.id, body }, { onSuccess: onDone });
      }}
    >
      <label htmlFor={id}>{t('composer.label')}</label>
      <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} rows={4} />
      <ErrorAlert error={edit.error} />
      <button type="submit" disabled={edit.isPending || body.trim() === ''}>
        {t('post.save')}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        {t('post.cancel')}
      </button>
    </form>
  );
}

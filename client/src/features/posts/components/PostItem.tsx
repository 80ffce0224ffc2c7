import { MouseEvent, ReactNode, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RelativeTime } from '../../../components/RelativeTime';
import type { Post, PostLabel, Section, User } from '../../../lib/api/types';
import { renderMarkdown } from '../../../lib/markdown';
import { usePendingDelete } from '../api/pending-deletes';
import { useEditPost, useVote } from '../api/write-posts';
import { permalink } from '../permalink';
import { useThread } from '../thread-context';
import { BodyField, fitsBody } from './BodyField';
import { Composer } from './Composer';
import { DeleteControl } from './DeleteControl';
import { PostHistory } from './PostHistory';
import { RelationBadge, RelationCounts } from './RelationBadge';
import { UndoDelete } from './UndoDelete';

interface PostItemProps {
  post: Post;
  me: User | null;
  sections: Section[];
  /** The replies under it, rendered by the thread after the post's own article. */
  children?: ReactNode;
  /** The post a permalink points at: highlighted. */
  focused?: boolean;
}

/**
 * One post as an `article` holding only that post (its actions, and its reply or edit composer when open); the
 * replies follow as siblings, so a post's buttons and text never include its replies'.
 */

export function PostItem({ post, me, sections, children, focused = false }: PostItemProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [askSignIn, setAskSignIn] = useState(false);
  const { pending: deleting, error: deleteError } = usePendingDelete(post.id);
  const { editor, setEditor, locked, postTools } = useThread();
  const replying = editor?.postId === post.id && editor.mode === 'reply';
  const editing = editor?.postId === post.id && editor.mode === 'edit';
  const replyButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  // Closing a reply or an edit (sent or cancelled) takes the focus back to the button that opened it.
  const closeReply = () => {
    setEditor(null);
    requestAnimationFrame(() => replyButton.current?.focus());
  };
  const closeEdit = () => {
    setEditor(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const vote = useVote(post.debateId);
  const html = useMemo(() => renderMarkdown(post.body, post.mentions), [post.body, post.mentions]);
  const headingId = useId();

  const moderator = me?.role === 'moderator' || me?.role === 'admin';
  // A tombstone shows no author: only `mine` tells its author it is theirs.
  const mine = me !== null && (post.mine === true || post.author?.id === me.id);
  const live = post.status !== 'deleted' && post.status !== 'hidden';
  const section = sections.find((candidate) => candidate.id === post.sectionId);
  // Guests may press a vote button: it tells them why it does nothing and how to change that.
  const castVote = (value: 1 | -1) =>
    me ? vote.mutate({ id: post.id, value: post.myVote === value ? 0 : value }) : setAskSignIn(true);
  // Mention links are the app's own pages: followed inside the app, not by reloading it.
  const followMention = (event: MouseEvent) => {
    const link = (event.target as Element).closest('a.mention');
    if (!link) return;
    event.preventDefault();
    void navigate(link.getAttribute('href')!);
  };

  // Others never get a hidden post from the server; one marked hidden live stays only for its author.
  if (post.status === 'hidden' && !moderator && !mine) return null;
  if (deleting) {
    return (
      <div className="post-node">
        <UndoDelete postId={post.id} />
        {children}
      </div>
    );
  }
  return (
    <div className="post-node">
      <article
        id={`post-${post.id}`}
        className={`post post--${post.status}${post.stance ? ` post--${post.stance}` : ''}${focused ? ' post--focused' : ''}`}
        aria-labelledby={headingId}
        aria-current={focused ? 'true' : undefined}
        tabIndex={focused ? -1 : undefined}
      >
        <header className="post__header">
          <span id={headingId} className="post__author">
            {post.author ? (
              <Link to={`/u/${encodeURIComponent(post.author.username)}`}>{post.author.displayName}</Link>
            ) : (
              t('post.deleted')
            )}
          </span>
          {post.stance && <span className={`badge badge--${post.stance}`}>{t(`stance.${post.stance}`)}</span>}
          <RelationBadge relation={post.relation} />
          <Link to={permalink(post)} className="post__permalink" aria-label={t('post.permalink')}>
            <RelativeTime iso={post.createdAt} />
          </Link>
          {(post.editedAt || (post.status === 'deleted' && moderator)) && <PostHistory post={post} />}
        </header>
        {(post.status === 'pending' || post.status === 'hidden') && <StatusNotice post={post} />}
        {post.status === 'deleted' && mine && post.statusReason && (
          <p className="notice" role="note">
            {t('post.deletedByModerator', { note: post.statusReason.note ?? '' })}
          </p>
        )}
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
          <EditForm post={post} onDone={closeEdit} />
        ) : (
          // Sanitised by DOMPurify in renderMarkdown: the server keeps bodies exactly as typed.
          <div className="post__body" onClick={followMention} dangerouslySetInnerHTML={{ __html: html }} />
        )}
        {post.label && <LabelNote label={post.label} />}
        {(post.status === 'hidden' || (post.status === 'deleted' && mine)) && postTools && (
          <div className="post__actions">{postTools(post)}</div>
        )}
        {live && (
          <footer className="post__actions">
            <button
              type="button"
              aria-pressed={post.myVote === 1}
              disabled={vote.isPending}
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
              disabled={vote.isPending}
              onClick={() => castVote(-1)}
            >
              {t('post.downvote')}
            </button>
            {me && post.status === 'visible' && (!locked || moderator) && (
              <button
                ref={replyButton}
                type="button"
                aria-expanded={replying}
                onClick={() => setEditor({ postId: post.id, mode: 'reply' })}
              >
                {t('post.reply')}
              </button>
            )}
            {postTools?.(post)}
            {(mine || moderator) && (
              <>
                <button ref={editButton} type="button" onClick={() => setEditor({ postId: post.id, mode: 'edit' })}>
                  {t('post.edit')}
                </button>
                <DeleteControl post={post} />
              </>
            )}
            <RelationCounts post={post} />
          </footer>
        )}
        {askSignIn && !me && (
          <p className="notice">
            <Link to="/login" state={{ from: `${location.pathname}${location.search}` }}>
              {t('post.signInToVote')}
            </Link>
          </p>
        )}
        <ErrorAlert error={vote.error ?? deleteError} />
        {replying && <Composer debateId={post.debateId} parentId={post.id} onDone={closeReply} onCancel={closeReply} />}
      </article>
      {children}
    </div>
  );
}

/** Why a pending or hidden post is not public; only its author and the moderators ever see one. */
function StatusNotice({ post }: { post: Post }) {
  const { t } = useTranslation();
  const reason = post.statusReason;
  const known = reason && ['premoderated', 'new_account', 'watched_word', 'flags', 'moderator'].includes(reason.cause);
  return (
    <div className="notice" role="note">
      <p>{t(post.status === 'pending' ? 'post.pending' : 'post.hidden')}</p>
      {known && <p>{t(`moderation.statusReason.${reason.cause}`, { note: reason.note ?? '' })}</p>}
    </div>
  );
}

/** A moderator's public mark: what is wrong with the post, and the evidence. */
function LabelNote({ label }: { label: PostLabel }) {
  const { t } = useTranslation();
  return (
    <aside className={`post-label post-label--${label.kind}`} aria-label={t('label.aria')}>
      <p>
        <strong>{t(`label.kinds.${label.kind}`)}</strong> — {label.note}
      </p>
      {label.sourceUrl && (
        <p>
          <a href={label.sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
            {t('label.source')}
          </a>
        </p>
      )}
    </aside>
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
      <BodyField id={id} value={body} onChange={setBody} rows={4} autoFocus />
      <ErrorAlert error={edit.error} />
      <button type="submit" disabled={edit.isPending || !fitsBody(body)}>
        {t('post.save')}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        {t('post.cancel')}
      </button>
    </form>
  );
}

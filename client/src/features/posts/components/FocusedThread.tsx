import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotFound } from '../../../components/NotFound';
import { ApiError } from '../../../lib/api';
import type { Post, Section, User } from '../../../lib/api/types';
import { usePostContext } from '../api/post-context';
import { PostItem } from './PostItem';
import { ReplyList } from './Thread';

interface FocusedThreadProps {
  debateId: string;
  postId: string;
  me: User | null;
  sections: Section[];
}

/**
 * A permalink: the chain of posts above the linked one, then it, highlighted and scrolled to, with every reply below
 * it however deep (as a single-comment view does). A post one may not see, or that is gone, is said to be so.
 */
export function FocusedThread({ debateId, postId, me, sections }: FocusedThreadProps) {
  const { t } = useTranslation();
  const context = usePostContext(postId);
  const scrolled = useRef(false);
  const loaded = context.data;
  useEffect(() => {
    if (!loaded || scrolled.current) return;
    const target = document.getElementById(`post-${postId}`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
    scrolled.current = true;
  }, [loaded, postId]);

  if (context.isPending) return <p>{t('permalink.loading')}</p>;
  if (context.isError) {
    const gone = context.error instanceof ApiError && context.error.statusCode === 404;
    return gone ? (
      <NotFound title={t('permalink.goneTitle')} detail={t('permalink.goneDetail')} />
    ) : (
      <p role="alert">{t('errors.generic')}</p>
    );
  }
  const { ancestors, post } = context.data;
  return (
    <section className="thread thread--focused" aria-label={t('permalink.label')}>
      <p className="notice">
        {post.status === 'deleted' ? t('permalink.deleted') : t('permalink.single')}{' '}
        <Link to={`/debates/${debateId}`}>{t('permalink.whole')}</Link>
      </p>
      <Chain ancestors={ancestors} me={me} sections={sections}>
        <PostItem post={post} me={me} sections={sections} focused>
          <ReplyList nodes={post.replies} level={1} debateId={debateId} me={me} sections={sections} />
        </PostItem>
      </Chain>
    </section>
  );
}

/** The posts above, each holding the next, so the linked post sits as deep as it is in the thread. */
function Chain({
  ancestors,
  me,
  sections,
  children,
}: {
  ancestors: Post[];
  me: User | null;
  sections: Section[];
  children: React.ReactNode;
}) {
  return ancestors.reduceRight<React.ReactNode>(
    (inner, ancestor) => (
      <PostItem key={ancestor.id} post={ancestor} me={me} sections={sections}>
        <div className="replies">{inner}</div>
      </PostItem>
    ),
    children,
  );
}

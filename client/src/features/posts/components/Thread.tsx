import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Post, PostSort, Section, User } from '../../../lib/api/types';
import { useReplies, useTopLevelPosts, VISIBLE_DEPTH } from '../api/list-posts';
import type { PostNode } from '../api/thread-cache';
import { PostItem } from './PostItem';
import { LoadMore } from '../../../components/LoadMore';

const SORTS: { value: PostSort; label: string }[] = [
  { value: 'top', label: 'debate.sort.top' },
  { value: 'new', label: 'debate.sort.new' },
  { value: 'old', label: 'debate.sort.old' },
  { value: 'common-ground', label: 'debate.sort.commonGround' },
];

interface ThreadProps {
  debateId: string;
  me: User | null;
  sections: Section[];
}

export function Thread({ debateId, me, sections }: ThreadProps) {
  const { t } = useTranslation();
  // The sort lives in the address (`?sort=new`), so a reload or a shared link keeps it.
  const [params, setParams] = useSearchParams();
  const sort = SORTS.find((option) => option.value === params.get('sort'))?.value ?? 'top';
  const setSort = (value: PostSort) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'top') next.delete('sort');
        else next.set('sort', value);
        return next;
      },
      { replace: true },
    );
  const posts = useTopLevelPosts(debateId, sort);
  const items = uniqueById(posts.data?.pages.flatMap((page) => page.items) ?? []);
  return (
    <section className="thread" aria-label={t('debate.thread')}>
      <div role="group" aria-label={t('debate.sortLabel')} className="sort">
        {SORTS.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={sort === option.value}
            onClick={() => setSort(option.value)}
          >
            {t(option.label)}
          </button>
        ))}
      </div>
      {sort === 'common-ground' && <p className="hint">{t('debate.commonGroundHint')}</p>}
      {posts.isError && <p role="alert">{t('errors.generic')}</p>}
      {posts.isSuccess && items.length === 0 && <p>{t('debate.empty')}</p>}
      {items.map((post) => (
        <PostItem key={post.id} post={post} me={me} sections={sections}>
          {post.replyCount > 0 && <Replies debateId={debateId} rootId={post.id} me={me} sections={sections} />}
        </PostItem>
      ))}
      <LoadMore list={posts} />
    </section>
  );
}

/**
 * A live post lands on the first page; in ranked sorts the server may list it again on a later page once loaded,
 * and the first copy (the one the reader already saw) stays.
 */
function uniqueById(posts: Post[]): Post[] {
  const seen = new Set<string>();
  return posts.filter((post) => !seen.has(post.id) && seen.add(post.id));
}

/** The replies under a post, VISIBLE_DEPTH levels deep; deeper branches collapse behind a button. */
export function Replies({
  debateId,
  rootId,
  me,
  sections,
}: {
  debateId: string;
  rootId: string;
  me: User | null;
  sections: Section[];
}) {
  const tree = useReplies(debateId, rootId);
  if (!tree.data) return null;
  return <ReplyList nodes={tree.data.replies} level={1} debateId={debateId} me={me} sections={sections} />;
}

export function ReplyList({
  nodes,
  level,
  debateId,
  me,
  sections,
}: {
  nodes: PostNode[];
  level: number;
  debateId: string;
  me: User | null;
  sections: Section[];
}) {
  if (nodes.length === 0) return null;
  return (
    <div className="replies">
      {nodes.map((node) => (
        <PostItem key={node.id} post={node} me={me} sections={sections}>
          {level < VISIBLE_DEPTH ? (
            <ReplyList nodes={node.replies} level={level + 1} debateId={debateId} me={me} sections={sections} />
          ) : (
            <Collapsed post={node} debateId={debateId} me={me} sections={sections} />
          )}
        </PostItem>
      ))}
    </div>
  );
}

function Collapsed({
  post,
  debateId,
  me,
  sections,
}: {
  post: Post;
  debateId: string;
  me: User | null;
  sections: Section[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (post.replyCount === 0) return null;
  if (open) return <Replies debateId={debateId} rootId={post.id} me={me} sections={sections} />;
  return (
    <button type="button" className="link" onClick={() => setOpen(true)}>
      {t('post.showReplies', { count: post.replyCount })}
    </button>
  );
}

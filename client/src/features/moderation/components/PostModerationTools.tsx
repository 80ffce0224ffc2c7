import type { Post, User } from '../../../lib/api/types';
import { AppealControl } from './AppealControl';
import { FlagButton } from './FlagButton';

/** Whether the reader wrote the post; on a tombstone only the server's `mine` still says so. */
export function isMine(post: Post, me: User | null): boolean {
  return me !== null && (post.mine === true || post.author?.id === me.id);
}

/**
 * What moderation adds to a post in a thread: **Flag** on other people's visible posts, and for the author of a
 * post that is pending, hidden, labelled or deleted by a moderator the **Appeal** and its outcome.
 */
export function PostModerationTools({ post, me }: { post: Post; me: User | null }) {
  if (!me) return null;
  if (!isMine(post, me)) return post.status === 'visible' && post.author ? <FlagButton post={post} /> : null;
  const decided =
    post.status === 'hidden' ||
    post.status === 'pending' ||
    post.label !== null ||
    // The server tells the author why only when a moderator deleted it; their own delete has nothing to appeal.
    (post.status === 'deleted' && post.statusReason !== null);
  return decided ? <AppealControl targetType="post" targetId={post.id} standing={decided} /> : null;
}

import type { Viewer } from '../common/auth/actor';
import type { Stance } from '../debates/stance';
import type { Audience } from '../events/stored-event';
import type { Post, PostStatus } from './post.entity';

/**
 * The one visibility rule: everyone sees visible posts and tombstones, authors also their own pending and hidden
 * posts (marked so, to learn why and appeal), moderators everything. Lists, counts, broadcasts and `missed` all
 * follow it.
 */
export function canSee(viewer: Viewer, post: Pick<Post, 'status' | 'authorId'>): boolean {
  if (viewer.moderator) return true;
  if (post.status === 'visible' || post.status === 'deleted') return true;
  return post.authorId === viewer.userId;
}

/** The same rule as SQL over alias `p`, with the viewer's id and moderator flag as parameters. */
export function visibleToSql(userIdParam: string, moderatorParam: string): string {
  return `(${moderatorParam} OR p.status IN ('visible', 'deleted') OR p.author_id = ${userIdParam})`;
}

/** Public events reach everyone in the stream; the rest only the author and moderators. */
export function isPublic(status: PostStatus): boolean {
  return status === 'visible' || status === 'deleted';
}

/** Events about a post in this status: to everyone, or (pending, hidden) to its author and the moderators only. */
export function audienceOf(status: PostStatus, authorId: string): Audience {
  return isPublic(status) ? { kind: 'public' } : { kind: 'restricted', ownerId: authorId };
}

/**
 * What deleting leaves. A post others have seen becomes a tombstone, so its replies stay in place. A pending post
 * has never been public, so nobody can have replied to it (replyRefusal): it is withdrawn (`null`), with no
 * tombstone, and no counter moves.
 */
export function statusAfterDelete(status: PostStatus): PostStatus | null {
  return status === 'pending' ? null : 'deleted';
}

/** Only a visible post takes replies: a reply under a post others cannot see would be public under nothing. */
export function replyRefusal(parentStatus: PostStatus): string | null {
  switch (parentStatus) {
    case 'visible':
      return null;
    case 'pending':
      return 'That post is still waiting for review; you can reply once it is published.';
    case 'hidden':
      return 'That post is hidden by the moderators; it takes no replies.';
    case 'deleted':
      return 'That post was deleted; reply to another one.';
  }
}

export interface CounterEffects {
  /** The debate's postCount: visible posts, replies included. */
  posts: number;
  /** The debate's stanceCounts: visible top-level posts by stance. */
  stance: Stance | null;
  stanceDelta: number;
  /** The parent's replyCount: direct replies in place in the thread (visible, or tombstones). */
  parentReplies: number;
}

/** How the counters move when a post goes from one status to another (`null` = it did not exist). */
export function counterEffects(
  post: Pick<Post, 'stance' | 'parentId'>,
  from: PostStatus | null,
  to: PostStatus | null,
): CounterEffects {
  const visibleDelta = Number(to === 'visible') - Number(from === 'visible');
  const inPlace = (status: PostStatus | null) => status === 'visible' || status === 'deleted';
  return {
    posts: visibleDelta,
    stance: post.parentId === null ? post.stance : null,
    stanceDelta: post.parentId === null && post.stance ? visibleDelta : 0,
    parentReplies: post.parentId === null ? 0 : Number(inPlace(to)) - Number(inPlace(from)),
  };
}

/**
 * How the parent's supportCount and challengeCount move when a reply goes from one status to another: they count
 * visible replies only, so a tombstone no longer argues either way.
 */
export function relationEffects(
  post: Pick<Post, 'relation'>,
  from: PostStatus | null,
  to: PostStatus | null,
): { supports: number; challenges: number } {
  const visibleDelta = Number(to === 'visible') - Number(from === 'visible');
  return {
    supports: post.relation === 'supports' ? visibleDelta : 0,
    challenges: post.relation === 'challenges' ? visibleDelta : 0,
  };
}

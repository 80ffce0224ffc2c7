import { GUEST } from '../../src/common/auth/actor';
import { canSee, counterEffects, replyRefusal, statusAfterDelete } from '../../src/posts/post-rules';

describe('post visibility', () => {
  const author = { userId: 'author', moderator: false };
  const other = { userId: 'other', moderator: false };
  const moderator = { userId: 'mod', moderator: true };
  const post = (status: 'visible' | 'pending' | 'hidden' | 'deleted') => ({ status, authorId: 'author' });

  it('shows visible posts and tombstones to everyone', () => {
    for (const viewer of [GUEST, author, other, moderator]) {
      expect(canSee(viewer, post('visible'))).toBe(true);
      expect(canSee(viewer, post('deleted'))).toBe(true);
    }
  });

  it('shows a pending post to its author and moderators only', () => {
    expect(canSee(author, post('pending'))).toBe(true);
    expect(canSee(moderator, post('pending'))).toBe(true);
    expect(canSee(other, post('pending'))).toBe(false);
    expect(canSee(GUEST, post('pending'))).toBe(false);
  });

  it('shows a hidden post to its author (to learn why and appeal) and moderators only', () => {
    expect(canSee(moderator, post('hidden'))).toBe(true);
    expect(canSee(author, post('hidden'))).toBe(true);
    expect(canSee(other, post('hidden'))).toBe(false);
    expect(canSee(GUEST, post('hidden'))).toBe(false);
  });
});

describe('counter effects', () => {
  const top = { stance: 'pro' as const, parentId: null };
  const reply = { stance: null, parentId: 'parent' };

  it('counts a new visible top-level post in postCount and its stance', () => {
    expect(counterEffects(top, null, 'visible')).toEqual({ posts: 1, stance: 'pro', stanceDelta: 1, parentReplies: 0 });
  });

  it('counts nothing for a pending post until it becomes visible', () => {
    expect(counterEffects(top, null, 'pending')).toEqual({ posts: 0, stance: 'pro', stanceDelta: 0, parentReplies: 0 });
    expect(counterEffects(top, 'pending', 'visible')).toMatchObject({ posts: 1, stanceDelta: 1 });
  });

  it('keeps a deleted reply in its parent replyCount but drops it from postCount', () => {
    expect(counterEffects(reply, 'visible', 'deleted')).toEqual({
      posts: -1,
      stance: null,
      stanceDelta: 0,
      parentReplies: 0,
    });
  });

  it('drops a hidden reply from both', () => {
    expect(counterEffects(reply, 'visible', 'hidden')).toEqual({
      posts: -1,
      stance: null,
      stanceDelta: 0,
      parentReplies: -1,
    });
  });

  it('moves nothing when a pending post is deleted: it is withdrawn, not left as a tombstone', () => {
    expect(statusAfterDelete('pending')).toBeNull();
    for (const post of [top, reply]) {
      expect(counterEffects(post, 'pending', statusAfterDelete('pending'))).toMatchObject({
        posts: 0,
        stanceDelta: 0,
        parentReplies: 0,
      });
    }
  });

  it('leaves a tombstone for a post others have seen', () => {
    expect(statusAfterDelete('visible')).toBe('deleted');
    expect(statusAfterDelete('hidden')).toBe('deleted');
  });
});

describe('replies', () => {
  it('go under visible posts only, with a reason for the rest', () => {
    expect(replyRefusal('visible')).toBeNull();
    expect(replyRefusal('pending')).toMatch(/waiting for review/);
    expect(replyRefusal('hidden')).toMatch(/hidden/);
    expect(replyRefusal('deleted')).toMatch(/deleted/);
  });
});

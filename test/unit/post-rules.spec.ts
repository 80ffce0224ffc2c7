import { canSee, counterEffects, GUEST } from '../../src/posts/post-rules';

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

  it('shows a hidden post to moderators only', () => {
    expect(canSee(moderator, post('hidden'))).toBe(true);
    expect(canSee(author, post('hidden'))).toBe(false);
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
});

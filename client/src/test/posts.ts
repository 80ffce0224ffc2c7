import type { Post } from '../lib/api/types';

/** A visible top-level post by Ada, as the server sends it; tests change what they are about. */
export function aPost(overrides: Partial<Post> = {}): Post {
  return {
    id: 'p1',
    debateId: 'd1',
    parentId: null,
    author: { id: 'u1', username: 'ada', displayName: 'Ada' },
    body: 'Labels help, if platforms keep them.',
    stance: null,
    relation: null,
    mentions: [],
    sectionId: null,
    quote: null,
    status: 'visible',
    score: 0,
    replyCount: 0,
    supportCount: 0,
    challengeCount: 0,
    depth: 0,
    createdAt: '2026-11-25T08:00:00.000Z',
    editedAt: null,
    seq: 1,
    label: null,
    statusReason: null,
    ...overrides,
  };
}

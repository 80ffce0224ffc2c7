import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Debate, Page, Post, PostTreeNode, StreamEvent } from '../../../lib/api/types';

/** A post with the replies loaded under it (the `/tree` shape). */
export type PostNode = PostTreeNode;

export const threadKeys = {
  level: (debateId: string, sort: string) => ['posts', debateId, sort] as const,
  levels: (debateId: string) => ['posts', debateId] as const,
  tree: (debateId: string, rootId: string) => ['tree', debateId, rootId] as const,
  trees: (debateId: string) => ['tree', debateId] as const,
};

type Level = InfiniteData<Page<Post>, string | null>;

function mapTree(node: PostNode, change: (node: PostNode) => PostNode): PostNode {
  const replies = node.replies.map((reply) => mapTree(reply, change));
  return change(replies.some((reply, i) => reply !== node.replies[i]) ? { ...node, replies } : node);
}

/**
 * What a deleted post shows, as the server reads it back: its place in the thread, no words, author, anchor or
 * label, and no reason until the server says a moderator gave one (its author reads it afresh: see post.deleted).
 */
export const TOMBSTONE: Partial<Post> = {
  status: 'deleted',
  body: '',
  author: null,
  sectionId: null,
  quote: null,
  relation: null,
  mentions: [],
  label: null,
  statusReason: null,
};

/** Applies a change to a post wherever the thread caches hold it: level pages and loaded subtrees. */
export function patchPost(
  client: QueryClient,
  debateId: string,
  id: string,
  change: (post: Post) => Partial<Post>,
): void {
  client.setQueriesData<Level>(
    { queryKey: threadKeys.levels(debateId) },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((post) => (post.id === id ? { ...post, ...change(post) } : post)),
        })),
      },
  );
  client.setQueriesData<PostNode>(
    { queryKey: threadKeys.trees(debateId) },
    (tree) => tree && mapTree(tree, (node) => (node.id === id ? { ...node, ...change(node) } : node)),
  );
}

/** A new post: top-level ones go to the top of each sort ('old' appends at the end), replies under their parent. */
export function insertPost(client: QueryClient, post: Post): void {
  const debateId = post.debateId;
  if (post.parentId === null) {
    for (const [key, data] of client.getQueriesData<Level>({ queryKey: threadKeys.levels(debateId) })) {
      if (!data || data.pages.some((page) => page.items.some((item) => item.id === post.id))) continue;
      const sort = key[2];
      const pages = [...data.pages];
      if (sort === 'old') {
        const last = pages.length - 1;
        if (pages[last].nextCursor !== null) continue; // it belongs on a page not loaded yet
        pages[last] = { ...pages[last], items: [...pages[last].items, post] };
      } else {
        pages[0] = { ...pages[0], items: [post, ...pages[0].items] };
      }
      client.setQueryData<Level>(key, { ...data, pages });
    }
    return;
  }
  let known = false;
  client.setQueriesData<PostNode>(
    { queryKey: threadKeys.trees(debateId) },
    (tree) =>
      tree &&
      mapTree(tree, (node) => {
        if (node.id !== post.parentId) return node;
        if (node.replies.some((reply) => reply.id === post.id)) {
          known = true;
          return node;
        }
        return { ...node, replies: [...node.replies, { ...post, replies: [] }] };
      }),
  );
  // The parent counts the reply wherever it shows, so a collapsed thread offers to load it.
  if (!known) {
    patchPost(client, debateId, post.parentId, (parent) => ({
      replyCount: parent.replyCount + 1,
      ...relationCount(parent, post, +1),
    }));
  }
}

/** The parent's supportCount or challengeCount moved by `delta` for a visible reply with a relation. */
function relationCount(parent: Post, reply: Post, delta: number): Partial<Post> {
  if (reply.status !== 'visible') return {};
  if (reply.relation === 'supports') return { supportCount: parent.supportCount + delta };
  if (reply.relation === 'challenges') return { challengeCount: parent.challengeCount + delta };
  return {};
}

/**
 * A post deleted or hidden: shown so wherever it is cached, and (while the cache still had it visible) no longer
 * counted for or against its parent. Safe to apply twice, as the writer's own answer and the broadcast both do.
 */
export function takeAway(client: QueryClient, debateId: string, id: string, change: Partial<Post>): void {
  const known = cachedPost(client, debateId, id);
  if (known?.parentId) patchPost(client, debateId, known.parentId, (parent) => relationCount(parent, known, -1));
  patchPost(client, debateId, id, () => change);
}

/** The post as the caches hold it, if they do. */
function cachedPost(client: QueryClient, debateId: string, id: string): Post | undefined {
  for (const [, data] of client.getQueriesData<Level>({ queryKey: threadKeys.levels(debateId) })) {
    const found = data?.pages.flatMap((page) => page.items).find((post) => post.id === id);
    if (found) return found;
  }
  const find = (node: PostNode): PostNode | undefined => (node.id === id ? node : node.replies.map(find).find(Boolean));
  for (const [, tree] of client.getQueriesData<PostNode>({ queryKey: threadKeys.trees(debateId) })) {
    const found = tree && find(tree);
    if (found) return found;
  }
  return undefined;
}

const COUNTED = new Set(['post.created', 'post.deleted', 'post.hidden', 'post.restored']);
const COUNTS_REFRESH_MS = 1000;
const countsRefresh = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Posts appearing or going change the debate's counts and stance balance, which the server keeps. A busy debate
 * brings many such events a second; one refetch per second per reader is plenty.
 */
function refreshCountsSoon(client: QueryClient, debateId: string): void {
  if (countsRefresh.has(debateId)) return;
  const timer = setTimeout(() => {
    countsRefresh.delete(debateId);
    void client.invalidateQueries({ queryKey: ['debate', debateId], exact: true });
  }, COUNTS_REFRESH_MS);
  countsRefresh.set(debateId, timer);
}

/**
 * Maps a live event onto the caches. `meId`: the reader, whose own post a moderator hides or deletes stays
 * recognisable to them, marked with the reason (read afresh, since the event only names the post).
 */
export function applyStreamEvent(client: QueryClient, debateId: string, event: StreamEvent, meId?: string): void {
  if (COUNTED.has(event.type)) refreshCountsSoon(client, debateId);
  switch (event.type) {
    case 'post.created':
      return insertPost(client, event.data);
    case 'post.updated':
    case 'post.restored':
    case 'post.labelled': {
      const post = event.data;
      return patchPost(client, debateId, post.id, () => withoutMyVote(post));
    }
    case 'post.deleted':
    case 'post.hidden': {
      const { id } = event.data;
      const known = cachedPost(client, debateId, id);
      const mine = meId !== undefined && (known?.mine === true || known?.author?.id === meId);
      if (event.type === 'post.deleted') takeAway(client, debateId, id, mine ? { ...TOMBSTONE, mine } : TOMBSTONE);
      else takeAway(client, debateId, id, { status: 'hidden' });
      // The author keeps their post in view, marked with why (a moderator's delete may be appealed): read afresh,
      // since the event only names it.
      if (mine) {
        void api<Post>(`/posts/${id}`)
          .then((post) => patchPost(client, debateId, id, () => withoutMyVote(post)))
          .catch(() => undefined);
      }
      return;
    }
    case 'post.voted': {
      const { id, score } = event.data;
      return patchPost(client, debateId, id, () => ({ score }));
    }
    case 'debate.updated':
      client.setQueryData<Debate>(['debate', debateId], event.data);
      return;
  }
}

/** Broadcasts carry no reader's vote; keep the one we have. */
function withoutMyVote(post: Post): Partial<Post> {
  const { myVote: _ignored, ...rest } = post;
  return rest;
}

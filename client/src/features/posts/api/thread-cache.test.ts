import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Post, StreamEvent } from '../../../lib/api/types';
import { aPost } from '../../../test/posts';
import { applyStreamEvent, threadKeys } from './thread-cache';

const POST = aPost({ body: 'Mine.', createdAt: '2026-01-01T10:00:00.000Z' });

function cached(post: Post) {
  const client = new QueryClient();
  client.setQueryData(threadKeys.level('d1', 'top'), {
    pages: [{ items: [post], nextCursor: null }],
    pageParams: [null],
  });
  const read = () =>
    client.getQueryData<{ pages: { items: Post[] }[] }>(threadKeys.level('d1', 'top'))!.pages[0].items[0];
  return { client, read };
}

const deleted = { type: 'post.deleted', stream: 'd1', seq: 2, data: { id: 'p1' } } as StreamEvent;

describe('a post deleted live', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('stays recognisable to its author, who gets why a moderator deleted it', async () => {
    const reason = { cause: 'moderator', note: 'Off topic' };
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ ...POST, author: null, body: '', status: 'deleted', mine: true, statusReason: reason }),
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const { client, read } = cached(POST);
    applyStreamEvent(client, 'd1', deleted, 'u1');
    expect(read()).toMatchObject({ status: 'deleted', author: null, mine: true });
    await vi.waitFor(() => expect(read().statusReason).toEqual(reason));
    expect(fetch).toHaveBeenCalledWith('/api/posts/p1', expect.anything());
  });

  it('drops the reason it was held for when its author withdraws it (the server then has nothing to read)', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ code: 'not_found' }), { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    const held = { ...POST, status: 'pending', statusReason: { cause: 'premoderated', note: null } } as Post;
    const { client, read } = cached(held);
    applyStreamEvent(client, 'd1', deleted, 'u1');
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(read()).toMatchObject({ status: 'deleted', statusReason: null, label: null, mine: true });
  });

  it('is a plain tombstone for everyone else, read from nowhere', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { client, read } = cached(POST);
    applyStreamEvent(client, 'd1', deleted, 'u2');
    expect(read()).toMatchObject({ status: 'deleted', author: null });
    expect(read().mine).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, NetworkError } from './api';
import { createQueryClient, shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('never retries a refusal: a missing post or a guest says so at once', () => {
    for (const status of [400, 401, 403, 404, 409, 410, 429]) {
      expect(shouldRetry(0, new ApiError(status, ['No'], {}))).toBe(false);
    }
  });

  it('retries network errors and server failures a few times, then gives up', () => {
    expect(shouldRetry(0, new NetworkError('offline'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, ['Unavailable'], {}))).toBe(true);
    expect(shouldRetry(3, new ApiError(500, ['Internal'], {}))).toBe(false);
    expect(shouldRetry(0, new TypeError('bug'))).toBe(false);
  });

  it("is the app's default for every query", () => {
    expect(createQueryClient().getDefaultOptions().queries?.retry).toBe(shouldRetry);
  });
});

describe('a query with the default policy', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fails on a 404 after one request, and tries a 503 again', async () => {
    const answers = [new Response('{"message":"Not found"}', { status: 404 })];
    const fetch = vi.fn(async () => answers.shift()!);
    vi.stubGlobal('fetch', fetch);
    const client = createQueryClient();
    await expect(client.fetchQuery({ queryKey: ['gone'], queryFn: () => api('/posts/x/context') })).rejects.toThrow(
      'Not found',
    );
    expect(fetch).toHaveBeenCalledTimes(1);

    answers.push(new Response('{}', { status: 503 }), new Response('{"ok":true}', { status: 200 }));
    await expect(client.fetchQuery({ queryKey: ['back'], queryFn: () => api('/health') })).resolves.toEqual({
      ok: true,
    });
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});

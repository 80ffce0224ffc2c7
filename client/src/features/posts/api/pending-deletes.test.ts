import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingDeletes, UNDO_MS } from './pending-deletes';

describe('pendingDeletes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the delete only after the undo window', async () => {
    const send = vi.fn(async () => undefined);
    pendingDeletes.schedule('a', send);
    expect(pendingDeletes.isPending('a')).toBe(true);
    await vi.advanceTimersByTimeAsync(UNDO_MS - 1);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledWith(false);
    expect(pendingDeletes.isPending('a')).toBe(false);
  });

  it('sends nothing once undone', async () => {
    const send = vi.fn(async () => undefined);
    pendingDeletes.schedule('b', send);
    pendingDeletes.undo('b');
    await vi.advanceTimersByTimeAsync(UNDO_MS * 2);
    expect(send).not.toHaveBeenCalled();
  });

  it('sends what waits at once, as a keepalive request, when the page goes away', async () => {
    const send = vi.fn(async () => undefined);
    pendingDeletes.schedule('c', send);
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledWith(true);
  });

  it('keeps a failure to show', async () => {
    const failure = new Error('offline');
    pendingDeletes.schedule('d', async () => Promise.reject(failure));
    await pendingDeletes.commit('d');
    expect(pendingDeletes.errorOf('d')).toBe(failure);
  });
});

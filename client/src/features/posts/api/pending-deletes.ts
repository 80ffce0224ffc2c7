import { useSyncExternalStore } from 'react';

/** How long a deleted post can be brought back, in ms. */
export const UNDO_MS = 10_000;

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  send(keepalive: boolean): Promise<void>;
}

/**
 * Deletes wait here for UNDO_MS before the request goes out, so Undo simply cancels them: others never see the post
 * vanish and come back, and the server keeps no half-deleted state. Leaving the page sends what is waiting at once
 * (a keepalive request outlives the page), so a delete is never lost by closing the tab.
 */
class PendingDeletes {
  private readonly pending = new Map<string, Pending>();
  private readonly failed = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  schedule(id: string, send: (keepalive: boolean) => Promise<void>): void {
    this.cancel(id);
    this.failed.delete(id);
    this.pending.set(id, { timer: setTimeout(() => void this.commit(id), UNDO_MS), send });
    this.changed();
  }

  undo(id: string): void {
    this.cancel(id);
    this.changed();
  }

  /** Sends the delete now (the notice was dismissed, or the window passed). */
  async commit(id: string, keepalive = false): Promise<void> {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.cancel(id);
    this.changed();
    try {
      await entry.send(keepalive);
    } catch (error) {
      this.failed.set(id, error);
      this.changed();
    }
  }

  flush(): void {
    for (const id of [...this.pending.keys()]) void this.commit(id, true);
  }

  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  errorOf(id: string): unknown {
    return this.failed.get(id);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): number => this.version;

  private cancel(id: string): void {
    const entry = this.pending.get(id);
    if (entry) clearTimeout(entry.timer);
    this.pending.delete(id);
  }

  private changed(): void {
    this.version++;
    this.listeners.forEach((listener) => listener());
  }
}

export const pendingDeletes = new PendingDeletes();

if (typeof window !== 'undefined') window.addEventListener('pagehide', () => pendingDeletes.flush());

/** Whether this post's delete is waiting (Undo still possible), and why it failed if it did. */
export function usePendingDelete(id: string): { pending: boolean; error: unknown } {
  useSyncExternalStore(pendingDeletes.subscribe, pendingDeletes.snapshot);
  return { pending: pendingDeletes.isPending(id), error: pendingDeletes.errorOf(id) };
}

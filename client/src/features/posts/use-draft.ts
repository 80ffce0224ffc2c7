import { useCallback, useState } from 'react';

/**
 * A draft kept in sessionStorage under `key`: it survives the composer closing, a reload and a refused post, and
 * goes only when the post is accepted. The draft's clientId travels with it, so a retry after a reload is still
 * recognised by the server as the same post.
 */
export function useDraft<T extends object>(key: string, empty: () => T): [T, (change: Partial<T>) => void, () => void] {
  const [draft, setDraft] = useState<T>(() => read(key) ?? empty());
  const update = useCallback(
    (change: Partial<T>) =>
      setDraft((current) => {
        const next = { ...current, ...change };
        write(key, next);
        return next;
      }),
    [key],
  );
  const clear = useCallback(() => {
    remove(key);
    setDraft(empty());
    // Deliberately not a dependency: `empty` makes a fresh value (a new clientId) on every call.
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return [draft, update, clear];
}

// Storage can be unavailable (private modes, quotas); a draft then lives as long as the component.
function read<T>(key: string): T | null {
  try {
    const stored = sessionStorage.getItem(key);
    return stored === null ? null : (JSON.parse(stored) as T);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* kept in memory only */
  }
}

function remove(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
}

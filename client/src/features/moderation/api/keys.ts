/** Query keys of the moderation feature; live events invalidate by these prefixes. */
export const moderationKeys = {
  queue: (state: 'open' | 'resolved') => ['moderation', 'queue', state] as const,
  queues: ['moderation', 'queue'] as const,
  watchedWords: ['moderation', 'watched-words'] as const,
  suspensions: ['moderation', 'suspensions'] as const,
  appeals: (state: 'open' | 'decided') => ['moderation', 'appeals', state] as const,
  allAppeals: ['moderation', 'appeals'] as const,
  myAppeals: ['appeals', 'mine'] as const,
  log: (scope: 'staff' | 'public', action: string) => ['moderation-log', scope, action] as const,
  logs: ['moderation-log'] as const,
  summary: ['transparency', 'summary'] as const,
};

/** `?cursor=` for the next page, or nothing for the first. */
export function cursorParam(cursor: string | null): string {
  return cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
}

import { QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from './api';

/** How often a failed read is tried again before the page says so. */
const MAX_RETRIES = 3;

/**
 * Only failures that may pass are tried again: the server unreachable or failing (5xx). A refusal (4xx: gone, not
 * allowed, signed out) answers the same the next time, so the page says so at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return error instanceof NetworkError || (error instanceof ApiError && error.statusCode >= 500);
}

export function createQueryClient(): QueryClient {
  // Live events keep the thread current, so cached data is not refetched on every focus.
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: shouldRetry } },
  });
}

import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Page, Revision } from '../../../lib/api/types';

/** Every earlier body of a post, oldest first (as the API lists them), read page by page. */
export function useRevisions(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['revisions', postId],
    enabled,
    queryFn: async () => {
      const revisions: Revision[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: Page<Revision> = await api(
          `/posts/${postId}/revisions?limit=200&cursor=${encodeURIComponent(cursor)}`,
        );
        revisions.push(...page.items);
        cursor = page.nextCursor;
      }
      return revisions;
    },
  });
}

import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { PostTreeNode } from '../../../lib/api/types';

export const outlineKey = (debateId: string) => ['outline', debateId] as const;

/** Every post of a debate as one tree, for the outline. */
export function useDebateTree(debateId: string) {
  return useQuery({
    queryKey: outlineKey(debateId),
    queryFn: async () => (await api<{ items: PostTreeNode[] }>(`/debates/${debateId}/tree`)).items,
  });
}

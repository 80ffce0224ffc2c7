import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Debate } from '../../../lib/api-types';

export function useDebate(id: string) {
  return useQuery({ queryKey: ['debate', id], queryFn: () => api<Debate>(`/debates/${id}`), retry: false });
}

import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Debate, Page } from '../../../lib/api/types';

export function useDebate(id: string) {
  return useQuery({ queryKey: ['debate', id], queryFn: () => api<Debate>(`/debates/${id}`), retry: false });
}

/** The debates, for choosing one (the search filter). */
export function useDebates() {
  return useQuery({ queryKey: ['debates'], queryFn: () => api<Page<Debate>>('/debates?limit=200') });
}

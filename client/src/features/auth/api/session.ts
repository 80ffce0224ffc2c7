import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api';
import type { Credentials, SignedIn, User } from '../../../lib/api/types';
import { useRealtime } from '../../../lib/realtime';

/** The signed-in user, or null for a guest. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<User>('/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.statusCode === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/**
 * A new identity: everything read as the old one (my votes, pending posts) is fetched again, and the socket
 * reconnects so the server learns it at the handshake.
 */
function useIdentityChange() {
  const queryClient = useQueryClient();
  const { reconnect } = useRealtime();
  return (user: User | null) => {
    queryClient.setQueryData(['me'], user);
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    reconnect();
  };
}

/** Sign in or create an account; the server sets the session cookie. */
export function useSignIn(mode: 'login' | 'register') {
  const becomes = useIdentityChange();
  return useMutation({
    mutationFn: (credentials: Credentials) => api<SignedIn>(`/auth/${mode}`, { method: 'POST', body: credentials }),
    onSuccess: ({ user }) => becomes(user),
  });
}

export function useSignOut() {
  const becomes = useIdentityChange();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => becomes(null),
  });
}

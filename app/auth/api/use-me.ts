import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Me } from '../../../shared/contract';
import { apiFetch, ApiRequestError } from '../../api/client';

/** Who the server thinks we are; a 401 means nobody is logged in (and is not retried). */
export const meQuery = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: ({ signal }) => apiFetch<Me>('/auth/me', { signal }),
  staleTime: Infinity,
  retry: (failureCount, error) => !(error instanceof ApiRequestError && error.status < 500) && failureCount < 1000,
  retryDelay: 3_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'login'],
    mutationFn: (input: LoginInput) => apiFetch<Me>('/auth/login', { body: input }),
    onSuccess: (me) => {
      client.setQueryData(meQuery.queryKey, me);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'logout'],
    mutationFn: () => apiFetch<null>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'health' });
      void client.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
}

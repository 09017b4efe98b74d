import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Who we are, under the key the login gate uses (one cache entry): editors and admins may write. */
export const meQuery = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: ({ signal }) => apiFetch<Me>('/auth/me', { signal }),
  staleTime: Infinity,
});

export function useCanWrite(): boolean {
  const { data } = useQuery(meQuery);
  return data?.user.role === 'editor' || data?.user.role === 'admin';
}

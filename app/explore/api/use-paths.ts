import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PathResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const pathsQuery = (from: string, to: string, mode: 'shortest' | 'all-shortest') =>
  queryOptions({
    queryKey: ['paths', from, to, mode],
    queryFn: ({ signal }) => apiFetch<PathResult>('/paths', { query: { from, to, mode, maxHops: 6 }, signal }),
  });

export function usePaths(ends: { from: string; to: string } | null, mode: 'shortest' | 'all-shortest' = 'all-shortest') {
  return useQuery({ ...pathsQuery(ends?.from ?? '', ends?.to ?? '', mode), enabled: !!ends });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EdgeDetails } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const edgeDetailsQuery = (id: string) =>
  queryOptions({
    queryKey: ['edges', id],
    queryFn: ({ signal }) => apiFetch<EdgeDetails>(`/edges/${encodeURIComponent(id)}`, { signal }),
  });

/** The edge, its two ends and the quotes it rests on. */
export function useEdgeDetails(id: string | null) {
  return useQuery({ ...edgeDetailsQuery(id ?? ''), enabled: !!id });
}

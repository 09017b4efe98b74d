import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NodeDetails } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const nodeDetailsQuery = (id: string) =>
  queryOptions({
    queryKey: ['nodes', id],
    queryFn: ({ signal }) => apiFetch<NodeDetails>(`/nodes/${encodeURIComponent(id)}`, { signal }),
  });

/** The node, the evidence for its properties, and its relationship counts per type and direction. */
export function useNodeDetails(id: string | null) {
  return useQuery({ ...nodeDetailsQuery(id ?? ''), enabled: !!id });
}

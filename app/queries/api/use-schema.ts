import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SchemaSummary } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const schemaQuery = queryOptions({
  queryKey: ['schema'],
  queryFn: ({ signal }) => apiFetch<SchemaSummary>('/schema', { signal }),
  staleTime: 5 * 60_000,
});

/** Labels, relationship types and property keys of the live graph, for completion in the editor. */
export function useSchema() {
  return useQuery(schemaQuery);
}

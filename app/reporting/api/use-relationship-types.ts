import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SchemaSummary } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** The schema summary (the explorer reads the same endpoint under the same key, so they share one cache entry). */
export const RELATIONSHIP_TYPES_KEY = ['schema'] as const;

export const relationshipTypesQuery = queryOptions({
  queryKey: RELATIONSHIP_TYPES_KEY,
  queryFn: ({ signal }) => apiFetch<SchemaSummary>('/schema', { signal }),
  staleTime: 5 * 60_000,
});

/** Relationship types already in the graph, commonest first, for the claim form. */
export function useRelationshipTypes() {
  return useQuery({ ...relationshipTypesQuery, select: (schema) => [...schema.relationshipTypes].sort((a, b) => b.count - a.count).map((t) => t.type) });
}

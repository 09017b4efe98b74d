import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { EntityMatch } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const entityMatchQuery = (name: string, kind?: string) =>
  queryOptions({
    queryKey: ['entities', 'match', name, kind ?? null],
    queryFn: ({ signal }) => apiFetch<EntityMatch>('/entities/match', { query: { name, kind }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** Existing entities a typed name may mean, ranked, with why and what they are connected to. */
export function useEntityMatch(name: string, kind?: string) {
  const trimmed = name.trim();
  return useQuery({ ...entityMatchQuery(trimmed, kind), enabled: trimmed.length >= 2 });
}

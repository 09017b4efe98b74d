import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SavedQueryList } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Every key of the saved-query library starts here, so a change can invalidate all of it at once. */
export const QUERIES_KEY = ['queries'] as const;

export interface QueryFilter {
  q?: string;
  tag?: string;
}

export const queriesQuery = (filter: QueryFilter = {}) =>
  queryOptions({
    queryKey: [...QUERIES_KEY, 'list', filter],
    queryFn: ({ signal }) => apiFetch<SavedQueryList>('/queries', { query: { q: filter.q || undefined, tag: filter.tag || undefined }, signal }),
    placeholderData: keepPreviousData,
  });

/** The library, by name; `q` matches a name, description or tag, `tag` one tag exactly. */
export function useQueries(filter: QueryFilter) {
  return useQuery(queriesQuery(filter));
}

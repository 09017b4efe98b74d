import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const searchQuery = (q: string, limit = 8) =>
  queryOptions({
    queryKey: ['search', q, limit],
    queryFn: ({ signal }) => apiFetch<SearchResult>('/search', { query: { q, limit }, signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

export function useSearch(q: string, limit?: number) {
  return useQuery(searchQuery(q, limit));
}

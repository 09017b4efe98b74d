import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SourceList } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Every key of the source library and of one source starts here, so a write can refresh all of it at once. */
export const SOURCES_KEY = ['sources'] as const;

export const sourcesQuery = (q: string) =>
  queryOptions({
    queryKey: [...SOURCES_KEY, 'list', q],
    queryFn: ({ signal }) => apiFetch<SourceList>('/sources', { query: { q: q || undefined }, signal }),
    placeholderData: keepPreviousData,
  });

/** The source library, newest first; `q` matches words in the title, publisher or author. */
export function useSources(q: string) {
  return useQuery(sourcesQuery(q));
}

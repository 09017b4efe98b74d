import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SavedQueryHistory } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { QUERIES_KEY } from './use-queries';

export const queryHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: [...QUERIES_KEY, 'history', id],
    queryFn: ({ signal }) => apiFetch<SavedQueryHistory>(`/queries/${encodeURIComponent(id)}/history`, { signal }),
  });

/** Every saved version of a query, the current one first. */
export function useQueryHistory(id: string) {
  return useQuery(queryHistoryQuery(id));
}

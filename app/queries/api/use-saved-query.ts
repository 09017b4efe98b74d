import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SavedQuery } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { QUERIES_KEY } from './use-queries';

export const savedQueryQuery = (id: string) =>
  queryOptions({
    queryKey: [...QUERIES_KEY, 'one', id],
    queryFn: ({ signal }) => apiFetch<SavedQuery>(`/queries/${encodeURIComponent(id)}`, { signal }),
  });

export function useSavedQuery(id: string | null) {
  return useQuery({ ...savedQueryQuery(id ?? ''), enabled: !!id });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SourceText } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const sourceTextQuery = (id: string) =>
  queryOptions({
    queryKey: ['sources', id, 'text'],
    queryFn: ({ signal }) => apiFetch<SourceText>(`/sources/${encodeURIComponent(id)}/text`, { signal }),
    staleTime: Infinity,
  });

/** The stored text of a source, to read a quote in its context. */
export function useSourceText(id: string | null) {
  return useQuery({ ...sourceTextQuery(id ?? ''), enabled: !!id });
}

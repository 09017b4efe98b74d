import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SourceText } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** A source's text, the current version or an earlier one (a quote a correction left behind points into it). */
export const sourceTextQuery = (id: string, version: number | null) =>
  queryOptions({
    queryKey: ['sources', id, 'text', version ?? 'current'],
    queryFn: ({ signal }) => apiFetch<SourceText>(`/sources/${encodeURIComponent(id)}/text`, { signal, query: { version: version ?? undefined } }),
    staleTime: Infinity,
  });

/** The stored text of a source, to read a quote in its context. */
export function useSourceText(id: string | null, version: number | null) {
  return useQuery({ ...sourceTextQuery(id ?? '', version), enabled: !!id });
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SourceDetails } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { SOURCES_KEY } from './use-sources';

/** One source at one version of its text (`undefined`: the current one). */
export const sourceQuery = (id: string, version?: number) =>
  queryOptions({
    queryKey: [...SOURCES_KEY, 'one', id, version ?? 'current'],
    queryFn: ({ signal }) => apiFetch<SourceDetails>(`/sources/${encodeURIComponent(id)}`, { signal, query: { version } }),
  });

/** One source: a version of its text, the quotes resting on it, what they support, and the entities it mentions. */
export function useSource(id: string | null, version?: number) {
  // Switching versions keeps the text on screen until the other one arrives.
  return useQuery({ ...sourceQuery(id ?? '', version), enabled: !!id, placeholderData: keepPreviousData });
}

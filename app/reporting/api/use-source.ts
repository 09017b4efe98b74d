import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SourceDetails } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { SOURCES_KEY } from './use-sources';

export const sourceQuery = (id: string) =>
  queryOptions({
    queryKey: [...SOURCES_KEY, 'one', id],
    queryFn: ({ signal }) => apiFetch<SourceDetails>(`/sources/${encodeURIComponent(id)}`, { signal }),
  });

/** One source: its stored text, the quotes resting on it, what they support, and the entities it mentions. */
export function useSource(id: string | null) {
  return useQuery({ ...sourceQuery(id ?? ''), enabled: !!id });
}

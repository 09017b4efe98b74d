import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MergePreview } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const MERGE_PREVIEW_KEY = ['merge-preview'] as const;

export const mergePreviewQuery = (from: string, into: string) =>
  queryOptions({
    queryKey: [...MERGE_PREVIEW_KEY, from, into],
    queryFn: ({ signal }) => apiFetch<MergePreview>(`/nodes/${encodeURIComponent(from)}/merge-preview`, { query: { into }, signal }),
  });

/** What merging `from` into `into` would move, unite and drop, and the values that differ; asked once both are known. */
export function useMergePreview(from: string, into: string | null) {
  return useQuery({ ...mergePreviewQuery(from, into ?? ''), enabled: into !== null });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MergeChoice, WriteResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { CHANGES_KEY } from './use-changes';
import { MERGE_PREVIEW_KEY } from './use-merge-preview';

export interface MergeRequest {
  from: string;
  into: string;
  choose: Record<string, MergeChoice>;
}

/** Merges `from` into `into` (one changeset); every cached node may have changed, so the node queries are refetched. */
export function useMergeNode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ from, into, choose }: MergeRequest) => apiFetch<WriteResult>(`/nodes/${encodeURIComponent(from)}/merge`, { body: { into, choose } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: CHANGES_KEY }),
        client.invalidateQueries({ queryKey: MERGE_PREVIEW_KEY }),
        client.invalidateQueries({ queryKey: ['nodes'] }),
        client.invalidateQueries({ queryKey: ['entities'] }),
      ]),
  });
}

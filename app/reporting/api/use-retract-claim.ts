import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WriteResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { CHANGES_KEY } from './use-changes';
import { SOURCES_KEY } from './use-sources';

/** Retracts a quote (by evidence id) with a reason: it leaves the graph and stays in the history. */
export function useRetractClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => apiFetch<WriteResult>(`/claims/${encodeURIComponent(id)}`, { method: 'DELETE', body: { reason } }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: SOURCES_KEY }), client.invalidateQueries({ queryKey: CHANGES_KEY })]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedQuery } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { QUERIES_KEY } from './use-queries';
import { savedQueryQuery } from './use-saved-query';

/** Brings an old version back as a new one; history is never rewritten. */
export function useRestoreQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => apiFetch<SavedQuery>(`/queries/${encodeURIComponent(id)}/restore`, { body: { version } }),
    onSuccess: (saved) => {
      client.setQueryData(savedQueryQuery(saved.id).queryKey, saved);
      return client.invalidateQueries({ queryKey: QUERIES_KEY });
    },
  });
}

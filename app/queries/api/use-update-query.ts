import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedQuery, SavedQueryInput } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { QUERIES_KEY } from './use-queries';
import { savedQueryQuery } from './use-saved-query';

/** Saves an edit made from `baseVersion`; the server refuses it when another edit landed since. */
export function useUpdateQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, baseVersion }: { id: string; input: SavedQueryInput; baseVersion: number }) =>
      apiFetch<SavedQuery>(`/queries/${encodeURIComponent(id)}`, { method: 'PUT', body: { ...input, baseVersion } }),
    onSuccess: (saved) => {
      client.setQueryData(savedQueryQuery(saved.id).queryKey, saved);
      return client.invalidateQueries({ queryKey: QUERIES_KEY });
    },
  });
}

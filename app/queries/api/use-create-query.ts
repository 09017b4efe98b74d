import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedQuery, SavedQueryInput } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { QUERIES_KEY } from './use-queries';
import { savedQueryQuery } from './use-saved-query';

export function useCreateQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedQueryInput) => apiFetch<SavedQuery>('/queries', { body: input }),
    onSuccess: (created) => {
      client.setQueryData(savedQueryQuery(created.id).queryKey, created);
      return client.invalidateQueries({ queryKey: QUERIES_KEY });
    },
  });
}

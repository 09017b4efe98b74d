import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import { QUERIES_KEY } from './use-queries';
import { savedQueryQuery } from './use-saved-query';

export function useDeleteQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/queries/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_reply, id) => {
      client.removeQueries({ queryKey: savedQueryQuery(id).queryKey });
      return client.invalidateQueries({ queryKey: QUERIES_KEY });
    },
  });
}

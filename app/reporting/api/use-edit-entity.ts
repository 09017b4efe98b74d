import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EditEntityInput, WriteResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { CHANGES_KEY } from './use-changes';

/** Edits an entity's name, aliases and properties; 409 when a value it was based on changed since. */
export function useEditEntity(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EditEntityInput) => apiFetch<WriteResult>(`/nodes/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: CHANGES_KEY }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Change } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { CHANGES_KEY } from './use-changes';
import { SOURCES_KEY } from './use-sources';

/** Undoes one changeset with a new one; the server answers 409 when later changes depend on it. */
export function useRevertChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Change>(`/changes/${encodeURIComponent(id)}/revert`, { method: 'POST' }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: CHANGES_KEY }), client.invalidateQueries({ queryKey: SOURCES_KEY })]),
  });
}

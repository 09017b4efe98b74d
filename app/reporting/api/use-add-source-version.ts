import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SourceVersionCreated, SourceVersionInput } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { CHANGES_KEY } from './use-changes';
import { SOURCES_KEY } from './use-sources';

/** Corrects a source's text: a new version, to which the quotes still verbatim move. */
export function useAddSourceVersion(sourceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SourceVersionInput) => apiFetch<SourceVersionCreated>(`/sources/${encodeURIComponent(sourceId)}/versions`, { body: input }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: SOURCES_KEY }), client.invalidateQueries({ queryKey: CHANGES_KEY })]),
  });
}

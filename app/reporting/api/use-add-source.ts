import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SourceCreated, SourceInput } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { CHANGES_KEY } from './use-changes';
import { SOURCES_KEY } from './use-sources';

export function useAddSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SourceInput) => apiFetch<SourceCreated>('/sources', { body: input }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: SOURCES_KEY }), client.invalidateQueries({ queryKey: CHANGES_KEY })]),
  });
}

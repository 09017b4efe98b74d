import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClaimInput, WriteResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { CHANGES_KEY } from './use-changes';
import { RELATIONSHIP_TYPES_KEY } from './use-relationship-types';
import { SOURCES_KEY } from './use-sources';

/** A quote made into a relationship or a property (with new entities if asked), in one transaction. */
export function useAddClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ClaimInput) => apiFetch<WriteResult>('/claims', { body: input }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: SOURCES_KEY }),
        client.invalidateQueries({ queryKey: CHANGES_KEY }),
        client.invalidateQueries({ queryKey: ['entities'] }),
        client.invalidateQueries({ queryKey: RELATIONSHIP_TYPES_KEY }),
      ]),
  });
}

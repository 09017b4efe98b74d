import { useMutation } from '@tanstack/react-query';
import type { CypherCheck } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Checks Cypher without running it; the reply lists the `$parameters` it uses. */
export function useCheckCypher() {
  return useMutation({
    mutationFn: (query: string) => apiFetch<CypherCheck>('/cypher/check', { body: { query } }),
  });
}

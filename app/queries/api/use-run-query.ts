import { useMutation } from '@tanstack/react-query';
import type { RunResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Runs a saved query with values for its declared parameters (checked against their types on the server). */
export function useRunQuery() {
  return useMutation({
    mutationFn: ({ id, params }: { id: string; params: Record<string, unknown> }) => apiFetch<RunResult>(`/queries/${encodeURIComponent(id)}/run`, { body: { params } }),
  });
}

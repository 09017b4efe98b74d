import { useMutation } from '@tanstack/react-query';
import type { RunResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Runs unsaved Cypher; parameters are plain JSON (whole numbers arrive as INTEGER). */
export function useRunCypher() {
  return useMutation({
    mutationFn: ({ query, params }: { query: string; params: Record<string, unknown> }) => apiFetch<RunResult>('/cypher', { body: { query, params } }),
  });
}

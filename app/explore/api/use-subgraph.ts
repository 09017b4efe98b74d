import { useMutation } from '@tanstack/react-query';
import type { Graph } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const fetchSubgraph = (ids: string[]) => apiFetch<Graph>('/subgraph', { body: { ids } });

/** Those nodes and every edge among them: restores a view from its node ids. */
export function useSubgraph() {
  return useMutation({ mutationFn: fetchSubgraph });
}

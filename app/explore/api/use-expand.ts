import { useMutation } from '@tanstack/react-query';
import type { NeighborPage } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export interface NeighborRequest {
  id: string;
  types?: string[];
  direction?: 'in' | 'out' | 'both';
  limit?: number;
  cursor?: string | null;
}

export const NEIGHBOR_PAGE_SIZE = 25;

export function fetchNeighbors({ id, types = [], direction = 'both', limit = NEIGHBOR_PAGE_SIZE, cursor }: NeighborRequest): Promise<NeighborPage> {
  return apiFetch<NeighborPage>(`/nodes/${encodeURIComponent(id)}/neighbors`, { query: { types, direction, limit, cursor: cursor ?? undefined } });
}

/** One page of a node's neighbours (GET /api/nodes/:id/neighbors); a mutation, since its result feeds the canvas. */
export function useExpand() {
  return useMutation({ mutationFn: fetchNeighbors });
}

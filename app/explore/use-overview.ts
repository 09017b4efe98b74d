import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Graph, OverviewQuery } from '../../server/contract';
import { apiFetch } from '../api/client';

export const overviewQuery = (params: OverviewQuery = {}) =>
  queryOptions({
    queryKey: ['graph', 'overview', params],
    queryFn: ({ signal }) => apiFetch<Graph>('/graph/overview', { query: { ...params }, signal }),
  });

export function useOverview(params: OverviewQuery = {}) {
  return useQuery(overviewQuery(params));
}

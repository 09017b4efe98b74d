import type { Graph, OverviewQuery } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** The best-connected part of the graph: the first view when the URL holds none. */
export const fetchOverview = (params: OverviewQuery = {}) => apiFetch<Graph>('/graph/overview', { query: { ...params } });

import type { Graph } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Those nodes and every edge among them: restores a view from its node ids. */
export const fetchSubgraph = (ids: string[]) => apiFetch<Graph>('/subgraph', { body: { ids } });

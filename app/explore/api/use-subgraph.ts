import type { SubgraphResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Those nodes and every edge among them, merged ids followed (`redirects`): restores a view from its node ids. */
export const fetchSubgraph = (ids: string[]) => apiFetch<SubgraphResult>('/subgraph', { body: { ids } });

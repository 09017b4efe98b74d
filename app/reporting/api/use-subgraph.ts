import type { SubgraphResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Those nodes as they are now and every edge among them: what is left of the canvas after a revert. */
export const fetchSubgraph = (ids: string[]) => apiFetch<SubgraphResult>('/subgraph', { body: { ids } });

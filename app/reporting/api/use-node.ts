import type { NodeDetails } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** A node as the graph holds it: a mention put on the canvas is drawn with all its properties. */
export const fetchNode = (id: string) => apiFetch<NodeDetails>(`/nodes/${encodeURIComponent(id)}`);

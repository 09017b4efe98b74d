import type { CanvasController } from '../graph/canvas-controller';
import type { WriteResult } from '../../shared/contract';
import { fetchSubgraph } from './api/use-subgraph';

/**
 * After a revert, the canvas shows its targets as they are now: what the revert deleted leaves the canvas, what it
 * brought back between nodes on the canvas comes back, and what it changed is drawn anew (a name, a confidence put back).
 */
export async function refreshTargets(controller: CanvasController | null, targets: string[]): Promise<void> {
  if (!controller || targets.length === 0) return;
  const nodeIds = controller.snapshot().nodes.map((n) => n.data.id);
  if (nodeIds.length === 0) return;
  const now = await fetchSubgraph(nodeIds.slice(0, 2000));
  const present = new Set([...now.nodes.map((n) => n.id), ...now.edges.map((e) => e.id)]);
  const gone = targets.filter((id) => controller.element(id) && !present.has(id));
  if (gone.length > 0) controller.remove(gone);
  const back = now.edges.filter((e) => targets.includes(e.id));
  if (back.length > 0) controller.add({ nodes: now.nodes.filter((n) => targets.includes(n.id)), edges: back });
  controller.redraw({ nodes: now.nodes.filter((n) => targets.includes(n.id)), edges: now.edges.filter((e) => targets.includes(e.id)) });
}

/** After a merge: the entity that stays is drawn where the merged one was, with the moved relationships, and selected. */
export function showMerged(controller: CanvasController | null, merge: { from: string; into: string }, result: WriteResult, select: (ids: string[]) => void): void {
  if (!controller) return;
  const at = controller.snapshot().nodes.find((n) => n.data.id === merge.from)?.position;
  // Removed first: the moved relationships keep their ids, and the canvas adds only ids it does not draw yet.
  controller.remove([merge.from]);
  controller.add(result.graph, at ? { positions: { [merge.into]: at } } : {});
  // A relationship united with the one `into` had keeps that id, with its confidence from both's quotes.
  controller.redraw(result.graph);
  select([merge.into]);
}

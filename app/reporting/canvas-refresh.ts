import type { CanvasController, CanvasSnapshot } from '../graph/canvas-controller';
import type { SubgraphResult, WriteResult } from '../../shared/contract';
import { fetchSubgraph } from './api/use-subgraph';

/** The subgraph endpoint takes at most this many ids a request. */
const SUBGRAPH_MAX = 2000;

/**
 * Drawn ids that name nothing any more, from the subgraph replies of the drawn nodes asked in `chunks`: nodes the
 * server says are missing, and edges absent from the reply of the chunk that asked both their ends (an edge whose
 * ends were asked apart is not in any reply, so it is left as it is).
 */
export function vanished(drawn: CanvasSnapshot, chunks: string[][], replies: SubgraphResult[]): string[] {
  const chunkOf = new Map(chunks.flatMap((ids, i) => ids.map((id) => [id, i] as const)));
  const missing = new Set(replies.flatMap((r) => r.missing));
  const edges = new Set(replies.flatMap((r) => r.edges.map((e) => e.id)));
  const judged = ({ source, target }: { source: string; target: string }) => chunkOf.get(source) === chunkOf.get(target);
  return [
    ...drawn.nodes.filter((n) => missing.has(n.data.id)).map((n) => n.data.id),
    ...drawn.edges.filter((e) => judged(e.data) && !edges.has(e.data.id)).map((e) => e.data.id),
  ];
}

/**
 * After a revert, the canvas shows what is there now: every drawn element that no longer exists leaves it (a
 * reverted import's nodes are in no change's targets: they carry its stamp), what the revert brought back between
 * nodes on the canvas comes back, and the targets it changed are drawn anew (a name, a confidence put back).
 */
export async function refreshAfterRevert(controller: CanvasController | null, targets: string[]): Promise<void> {
  if (!controller) return;
  const drawn = controller.snapshot();
  const nodeIds = drawn.nodes.map((n) => n.data.id);
  if (nodeIds.length === 0) return;
  const chunks = Array.from({ length: Math.ceil(nodeIds.length / SUBGRAPH_MAX) }, (_, i) => nodeIds.slice(i * SUBGRAPH_MAX, (i + 1) * SUBGRAPH_MAX));
  const replies: SubgraphResult[] = [];
  for (const ids of chunks) replies.push(await fetchSubgraph(ids));
  controller.remove(vanished(drawn, chunks, replies));
  const changed = (e: { id: string }) => targets.includes(e.id);
  const now = { nodes: replies.flatMap((r) => r.nodes).filter(changed), edges: replies.flatMap((r) => r.edges).filter(changed) };
  if (now.edges.length > 0) controller.add(now);
  controller.redraw(now);
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

import type { Path, WireNode } from '../../shared/contract';
import { edgeLabel } from '../../shared/model/graph-model';
export interface PathStep {
  edgeId: string;
  sentence: string;
}

const name = (node: WireNode | undefined) => (typeof node?.properties.name === 'string' ? node.properties.name : (node?.id ?? '?'));

/** A path in plain language, one sentence per edge, each read in the edge's stored direction. */
export function readPath(path: Path): PathStep[] {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  return path.edges.map((edge) => ({
    edgeId: edge.id,
    sentence: `${name(byId.get(edge.source))} ${edgeLabel(edge.type)} ${name(byId.get(edge.target))}.`,
  }));
}

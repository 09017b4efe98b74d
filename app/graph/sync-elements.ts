import type { Graph, WireEdge, WireNode } from '../../server/contract';
import { kindOf } from './palette';

export interface NodeData {
  id: string;
  label: string;
  kind: string;
  [key: string]: unknown;
}
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  [key: string]: unknown;
}
export type ElementData = NodeData | EdgeData;

export interface ElementsDiff {
  addNodes: NodeData[];
  addEdges: EdgeData[];
  remove: string[];
}

/** Edges are drawn as readable phrases: AGREED_TO → "agreed to". */
export function edgeLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

export function nodeData(node: WireNode): NodeData {
  const name = node.properties.name;
  return { id: node.id, label: typeof name === 'string' ? name : node.id, kind: kindOf(node.labels) };
}

export function edgeData(edge: WireEdge): EdgeData {
  return { id: edge.id, source: edge.source, target: edge.target, label: edgeLabel(edge.type), type: edge.type };
}

/**
 * What to add and remove so that the canvas (holding `currentIds`) shows `next`.
 * Pure, keyed by id: elements already drawn keep their positions.
 */
export function diffElements(currentIds: ReadonlySet<string>, next: Graph): ElementsDiff {
  const nodeIds = new Set(next.nodes.map((n) => n.id));
  const wanted = new Set<string>(nodeIds);
  const addNodes = next.nodes.filter((n) => !currentIds.has(n.id)).map(nodeData);
  const addEdges: EdgeData[] = [];
  for (const edge of next.edges) {
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) continue;
    wanted.add(edge.id);
    if (!currentIds.has(edge.id)) addEdges.push(edgeData(edge));
  }
  const remove = [...currentIds].filter((id) => !wanted.has(id));
  return { addNodes, addEdges, remove };
}

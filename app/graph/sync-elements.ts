import type { Graph, WireEdge, WireNode } from '../../shared/contract';
import { edgeLabel, kindOf } from '../../shared/model/graph-model';

export interface NodeData {
  id: string;
  label: string;
  kind: string;
  date?: string;
  wire: WireNode;
}
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  type: string;
  confidence?: string;
  date?: string;
  wire: WireEdge;
}
export type ElementData = NodeData | EdgeData;

export interface ElementsDiff {
  addNodes: NodeData[];
  addEdges: EdgeData[];
  remove: string[];
}

const stringProp = (properties: Record<string, unknown>, key: string) => {
  const value = properties[key];
  return typeof value === 'string' && value ? value : undefined;
};

export function nodeData(node: WireNode): NodeData {
  const data: NodeData = { id: node.id, label: stringProp(node.properties, 'name') ?? node.id, kind: kindOf(node.labels), wire: node };
  const date = stringProp(node.properties, 'date');
  if (date) data.date = date;
  return data;
}

export function edgeData(edge: WireEdge): EdgeData {
  const data: EdgeData = { id: edge.id, source: edge.source, target: edge.target, label: edgeLabel(edge.type), type: edge.type, wire: edge };
  const confidence = stringProp(edge.properties, 'confidence');
  const date = stringProp(edge.properties, 'date');
  if (confidence) data.confidence = confidence;
  if (date) data.date = date;
  return data;
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

/** What to draw so that `graph` is on a canvas already holding `currentIds`; nothing is removed. */
export function additions(currentIds: ReadonlySet<string>, graph: Graph): Omit<ElementsDiff, 'remove'> {
  const addNodes = graph.nodes.filter((n) => !currentIds.has(n.id)).map(nodeData);
  const present = new Set([...currentIds, ...addNodes.map((n) => n.id)]);
  const addEdges = graph.edges.filter((e) => !currentIds.has(e.id) && present.has(e.source) && present.has(e.target)).map(edgeData);
  return { addNodes, addEdges };
}

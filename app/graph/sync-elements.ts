import type { Graph, WireEdge, WireNode } from '../../shared/contract';
import { edgeLabel, kindOf } from '../../shared/model/graph-model';

/**
 * What Cytoscape holds of a node or an edge: only what the stylesheet, the filters and the timeline read.
 * The wire elements stay with the query that fetched them (details, export and views go by id).
 */
export interface NodeData {
  id: string;
  label: string;
  kind: string;
  date?: string;
}
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  type: string;
  confidence?: string;
  date?: string;
}

const stringProp = (properties: Record<string, unknown>, key: string) => {
  const value = properties[key];
  return typeof value === 'string' && value ? value : undefined;
};

export function nodeData(node: WireNode): NodeData {
  const data: NodeData = { id: node.id, label: stringProp(node.properties, 'name') ?? node.id, kind: kindOf(node.labels) };
  const date = stringProp(node.properties, 'date');
  if (date) data.date = date;
  return data;
}

export function edgeData(edge: WireEdge): EdgeData {
  const data: EdgeData = { id: edge.id, source: edge.source, target: edge.target, label: edgeLabel(edge.type), type: edge.type };
  const confidence = stringProp(edge.properties, 'confidence');
  const date = stringProp(edge.properties, 'date');
  if (confidence) data.confidence = confidence;
  if (date) data.date = date;
  return data;
}

/**
 * What to draw so that `graph` is on a canvas already holding `currentIds`; nothing is removed. Pure, keyed by id:
 * elements already drawn keep their positions, and an edge is drawn only once both its ends are.
 */
export function additions(currentIds: ReadonlySet<string>, graph: Graph): { addNodes: NodeData[]; addEdges: EdgeData[] } {
  const addNodes = graph.nodes.filter((n) => !currentIds.has(n.id)).map(nodeData);
  const present = new Set([...currentIds, ...addNodes.map((n) => n.id)]);
  const addEdges = graph.edges.filter((e) => !currentIds.has(e.id) && present.has(e.source) && present.has(e.target)).map(edgeData);
  return { addNodes, addEdges };
}

import type { Core } from 'cytoscape';
import type { EdgeData, NodeData } from './sync-elements';

export interface DatedItem { id: string; date: string; label: string; group: 'nodes' | 'edges' }
export interface CanvasSummary {
  nodeCount: number;
  edgeCount: number;
  hiddenCount: number;
  kinds: string[];
  types: string[];
  confidences: string[];
  dated: DatedItem[];
  canUndo: boolean;
  canRedo: boolean;
  /** Set while the view is drawn as communities (communities/); counts are then of the whole view, drawn or not. */
  grouping: GroupingSummary | null;
}

export interface GroupingSummary {
  /** What finding the communities has got to, until they are drawn. */
  progress: string | null;
  open: number;
  closed: number;
}

export const EMPTY_SUMMARY: CanvasSummary = { nodeCount: 0, edgeCount: 0, hiddenCount: 0, kinds: [], types: [], confidences: [], dated: [], canUndo: false, canRedo: false, grouping: null };

/** What the panels around the canvas show of it: counts, what the filters can hide, the timeline's items. */
export function summarise(cy: Core, rest: Pick<CanvasSummary, 'canUndo' | 'canRedo' | 'grouping'>): CanvasSummary {
  const nodes = cy.nodes().map((n) => n.data() as NodeData);
  return summariseElements(nodes, cy.edges().map((e) => e.data() as EdgeData), cy.$('.hidden').length, rest);
}

/** The same summary of elements given as plain data (a view held outside Cytoscape). */
export function summariseElements(nodes: NodeData[], edges: EdgeData[], hiddenCount: number, rest: Pick<CanvasSummary, 'canUndo' | 'canRedo' | 'grouping'>): CanvasSummary {
  const labels = new Map(nodes.map((n) => [n.id, n.label]));
  const dated: DatedItem[] = [];
  for (const n of nodes) if (n.date) dated.push({ id: n.id, date: n.date, label: n.label, group: 'nodes' });
  for (const e of edges) if (e.date) dated.push({ id: e.id, date: e.date, label: `${labels.get(e.source)} ${e.label} ${labels.get(e.target)}`, group: 'edges' });
  return {
    nodeCount: nodes.length,
    edgeCount: edges.length,
    hiddenCount,
    kinds: distinct(nodes.map((n) => n.kind)),
    types: distinct(edges.map((e) => e.type)),
    confidences: distinct(edges.map((e) => e.confidence).filter((c): c is string => !!c)),
    dated: dated.sort((a, b) => a.date.localeCompare(b.date)),
    ...rest,
  };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

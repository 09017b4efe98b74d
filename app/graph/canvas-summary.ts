import type { Core } from 'cytoscape';

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
}

export const EMPTY_SUMMARY: CanvasSummary = { nodeCount: 0, edgeCount: 0, hiddenCount: 0, kinds: [], types: [], confidences: [], dated: [], canUndo: false, canRedo: false };

/** What the panels around the canvas show of it: counts, what the filters can hide, the timeline's items. */
export function summarise(cy: Core, undo: { canUndo: boolean; canRedo: boolean }): CanvasSummary {
  const nodes = cy.nodes();
  const edges = cy.edges();
  const dated: DatedItem[] = [];
  nodes.forEach((n) => {
    const date = n.data('date') as string | undefined;
    if (date) dated.push({ id: n.id(), date, label: String(n.data('label')), group: 'nodes' });
  });
  edges.forEach((e) => {
    const date = e.data('date') as string | undefined;
    if (date) dated.push({ id: e.id(), date, label: `${e.source().data('label')} ${e.data('label')} ${e.target().data('label')}`, group: 'edges' });
  });
  return {
    nodeCount: nodes.length,
    edgeCount: edges.length,
    hiddenCount: cy.$('.hidden').length,
    kinds: distinct(nodes.map((n) => n.data('kind') as string)),
    types: distinct(edges.map((e) => e.data('type') as string)),
    confidences: distinct(edges.map((e) => e.data('confidence') as string | undefined).filter((c): c is string => !!c)),
    dated: dated.sort((a, b) => a.date.localeCompare(b.date)),
    ...undo,
  };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

import type { Core } from 'cytoscape';

export type Scope = 'canvas' | 'selection';

export interface ScopeElements {
  nodes: string[];
  edges: string[];
  positions: Record<string, { x: number; y: number }>;
}

/**
 * What an export holds: the visible canvas, or the visible selected nodes with the visible edges among them
 * (and any selected edge between two of them). Hidden and filtered-out elements are never exported.
 */
export function scopeElements(cy: Core, scope: Scope): ScopeElements {
  const visible = cy.elements(':visible');
  const nodes = scope === 'canvas' ? visible.nodes() : visible.nodes(':selected');
  const inside = new Set(nodes.map((n) => n.id()));
  const edges = visible.edges().filter((e) => inside.has(e.source().id()) && inside.has(e.target().id()));
  return {
    nodes: [...inside],
    edges: edges.map((e) => e.id()),
    positions: Object.fromEntries(nodes.map((n) => [n.id(), { ...n.position() }])),
  };
}

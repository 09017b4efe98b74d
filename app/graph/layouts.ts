import type { LayoutOptions } from 'cytoscape';

/** The layouts the toolbar offers, as data: the menu is built from this list. */
export const LAYOUTS = [
  // Loaded beside the first overview request, which the first layout waits for anyway: fcose with cose-base and
  // layout-base is ~25 KB gzip of the initial bundle (npm run bench).
  { id: 'fcose', label: 'Force-directed', options: { name: 'fcose', quality: 'proof', nodeDimensionsIncludeLabels: true, nodeRepulsion: 30000, idealEdgeLength: 130, edgeElasticity: 0.25, gravity: 0.2, numIter: 4000, nodeSeparation: 100, padding: 30 }, load: () => import('cytoscape-fcose') },
  { id: 'concentric', label: 'Concentric', options: { name: 'concentric', minNodeSpacing: 40, padding: 40, concentric: (n: { degree(): number }) => n.degree() } },
  { id: 'breadthfirst', label: 'Hierarchy', options: { name: 'breadthfirst', directed: true, spacingFactor: 1.2, padding: 40 } },
  // Loaded on first use: dagre brings lodash, ~50 KB gzip the first canvas does not need (npm run bench).
  { id: 'dagre', label: 'Layered (dagre)', options: { name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 120, padding: 40 }, load: () => import('cytoscape-dagre') },
  { id: 'grid', label: 'Grid', options: { name: 'grid', avoidOverlap: true, padding: 40 } },
] as const;

export type LayoutId = (typeof LAYOUTS)[number]['id'];

export function layoutOptions(id: LayoutId, extra: Record<string, unknown> = {}): LayoutOptions {
  const layout = LAYOUTS.find((l) => l.id === id) ?? LAYOUTS[0];
  return { ...layout.options, animate: false, ...extra } as unknown as LayoutOptions;
}

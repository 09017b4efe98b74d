/** A view of COMMUNITY_VIEW_NODES nodes or more: held outside Cytoscape and drawn as communities (the controller's side). */
import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { CanvasController, COMMUNITY_VIEW_NODES } from '../../app/graph/canvas-controller.js';
import type { CanvasSummary } from '../../app/graph/canvas-summary.js';
import type { Graph } from '../../shared/contract/index.js';

// Cliques large enough that Louvain keeps them apart (two small cliques joined by an edge fall under its resolution limit).
const CLIQUE = 30;
const COUNT = COMMUNITY_VIEW_NODES / CLIQUE;

/** COUNT cliques of CLIQUE people, `k<c>-<i>`, each clique's first member knowing the next clique's second. */
function cliques(): Graph {
  const person = (c: number, i: number) => ({ id: `k${c}-${i}`, labels: ['Entity', 'Person'], properties: { name: `Person ${c}-${i}` } });
  const knows = (a: string, b: string) => ({ id: `${a}~${b}`, type: 'KNOWS', source: a, target: b, properties: {} });
  const nodes = Array.from({ length: COUNT }, (_, c) => Array.from({ length: CLIQUE }, (_, i) => person(c, i))).flat();
  const edges = Array.from({ length: COUNT }, (_, c) => [
    ...Array.from({ length: CLIQUE }, (_, i) => Array.from({ length: i }, (_, j) => knows(`k${c}-${j}`, `k${c}-${i}`))).flat(),
    ...(c + 1 < COUNT ? [knows(`k${c}-0`, `k${c + 1}-1`)] : []),
  ]).flat();
  return { nodes, edges };
}

async function grouped() {
  const summaries: CanvasSummary[] = [];
  const cy = cytoscape({ headless: true, styleEnabled: false });
  const controller = new CanvasController(cy, (s) => summaries.push(s));
  controller.add(cliques(), { record: false });
  const last = () => summaries.at(-1)!;
  expect(last().grouping?.progress).toMatch(/^Grouping 3,000 nodes into communities/);
  expect(cy.elements().length).toBe(0);
  await vi.waitFor(() => expect(last().grouping?.progress).toBeNull());
  return { controller, cy, last };
}

describe('CanvasController with a view drawn as communities', () => {
  it('draws one node per community and one edge per linked pair, and summarises the whole view', async () => {
    const { cy, last } = await grouped();
    expect(cy.nodes().length).toBe(COUNT);
    expect(cy.edges().length).toBe(COUNT - 1);
    expect(cy.getElementById('community:k0-0').data()).toMatchObject({ label: 'Person 0-0 and 29 others', members: CLIQUE });
    expect(last()).toMatchObject({ nodeCount: COMMUNITY_VIEW_NODES, edgeCount: COUNT * 435 + COUNT - 1, kinds: ['Person'], types: ['KNOWS'], grouping: { progress: null, open: 0, closed: COUNT } });
  });

  it('opens the community of a member (a search hit) and collapses it back, with the same ids', async () => {
    const { controller, cy, last } = await grouped();
    const closed = cy.elements().map((e) => e.id()).sort();
    expect(controller.element('k7-3')).toEqual({ id: 'k7-3', group: 'nodes', label: 'Person 7-3' });
    controller.open(['k7-3']);
    expect(cy.getElementById('k7-3').nonempty()).toBe(true);
    expect(cy.getElementById('community:k7-0').empty()).toBe(true);
    expect(cy.nodes().length).toBe(COUNT - 1 + CLIQUE);
    expect(last().grouping).toMatchObject({ open: 1, closed: COUNT - 1 });
    controller.collapse([]);
    expect(cy.elements().map((e) => e.id()).sort()).toEqual(closed);
  });

  it('keeps every element in its snapshot, adds expansions beside the communities, and undoes them', async () => {
    const { controller, cy, last } = await grouped();
    controller.add({ nodes: [{ id: 'new', labels: ['Entity', 'Person'], properties: { name: 'New' } }], edges: [{ id: 'n1', type: 'KNOWS', source: 'new', target: 'k3-4', properties: {} }] }, { near: 'k3-4' });
    expect(cy.getElementById('new').nonempty()).toBe(true);
    expect(cy.getElementById('aggregate:community:k3-0|new').data('count')).toBe(1);
    expect(controller.snapshot().nodes).toHaveLength(COMMUNITY_VIEW_NODES + 1);
    controller.undo();
    await vi.waitFor(() => expect(last().grouping?.progress).toBeNull());
    expect(cy.getElementById('new').empty()).toBe(true);
    expect(last().nodeCount).toBe(COMMUNITY_VIEW_NODES);
  });

  it('draws nothing of an expansion that arrives while the communities are being found, then draws it beside them', async () => {
    const summaries: CanvasSummary[] = [];
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const controller = new CanvasController(cy, (s) => summaries.push(s));
    controller.add(cliques(), { record: false });
    controller.add({ nodes: [{ id: 'late', labels: ['Entity', 'Person'], properties: { name: 'Late' } }], edges: [] });
    expect(cy.elements().length).toBe(0);
    await vi.waitFor(() => expect(summaries.at(-1)!.grouping?.progress).toBeNull());
    expect(cy.getElementById('late').nonempty()).toBe(true);
    expect(cy.nodes().length).toBe(COUNT + 1);
  });

  it('draws every node when the grouping is cancelled', async () => {
    const summaries: CanvasSummary[] = [];
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const controller = new CanvasController(cy, (s) => summaries.push(s));
    controller.add({ nodes: cliques().nodes, edges: [] }, { record: false });
    controller.cancelGrouping();
    expect(cy.nodes().length).toBe(COMMUNITY_VIEW_NODES);
    expect(summaries.at(-1)!.grouping).toBeNull();
  });
});

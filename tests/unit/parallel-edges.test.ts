import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { patchParallelEdges } from '../../app/graph/parallel-edges.js';

/** A multigraph with loops, both directions between pairs, and a hub. */
function multigraph(): Core {
  const cy = cytoscape({ headless: true });
  let state = 42;
  const random = (n: number) => (state = (state * 48271) % 2147483647) % n;
  cy.add(Array.from({ length: 30 }, (_, i) => ({ data: { id: `n${i}` } })));
  for (let i = 0; i < 400; i++) {
    const source = i % 3 === 0 ? 'n0' : `n${random(30)}`;
    cy.add({ data: { id: `e${i}`, source, target: `n${random(30)}` } });
  }
  return cy;
}

describe('patchParallelEdges', () => {
  it('gives the same parallel and codirected edges, in the same order, as Cytoscape', () => {
    const cy = multigraph();
    const sample = [...cy.edges().toArray(), cy.edges().slice(0, 25)];
    const ids = (c: { map(f: (e: { id(): string }) => string): string[] }) => c.map((e) => e.id());
    const before = sample.map((e) => [ids(e.parallelEdges()), ids(e.codirectedEdges()), ids(e.parallelEdges('[source = "n0"]'))]);
    patchParallelEdges(cy);
    const after = sample.map((e) => [ids(e.parallelEdges()), ids(e.codirectedEdges()), ids(e.parallelEdges('[source = "n0"]'))]);
    expect(after).toEqual(before);
    expect(before.some(([parallel]) => parallel!.length > 1)).toBe(true);
  });

  it("keeps adding and removing a hub's outgoing edges correct", () => {
    const cy = cytoscape({ headless: true });
    patchParallelEdges(cy);
    cy.add({ data: { id: 'hub' } });
    cy.add(Array.from({ length: 3000 }, (_, i) => ({ data: { id: `m${i}` } })));
    cy.add(Array.from({ length: 3000 }, (_, i) => ({ data: { id: `r${i}`, source: 'hub', target: `m${i}` } })));
    cy.add({ data: { id: 'twin', source: 'm7', target: 'hub' } });
    expect(cy.getElementById('r7').parallelEdges().map((e) => e.id())).toEqual(['r7', 'twin']);
    cy.remove('#r7');
    expect(cy.getElementById('twin').parallelEdges().map((e) => e.id())).toEqual(['twin']);
    expect(cy.getElementById('hub').degree(false)).toBe(3000);
  });
});

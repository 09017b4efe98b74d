import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CanvasController } from '../../app/graph/canvas-controller.js';
import { ensureLayout, layoutLoaded } from '../../app/graph/layout-loader.js';

describe('layouts loaded on first use', () => {
  it('runs the layered (dagre) layout once its extension has loaded, as an undoable change', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const controller = new CanvasController(cy);
    const node = (id: string) => ({ id, labels: ['Entity', 'Person'], properties: { name: id } });
    controller.add(
      { nodes: [node('a'), node('b'), node('c')], edges: [{ id: 'ab', type: 'TOLD', source: 'a', target: 'b', properties: {} }, { id: 'bc', type: 'TOLD', source: 'b', target: 'c', properties: {} }] },
      { positions: { a: { x: 0, y: 0 }, b: { x: 0, y: 0 }, c: { x: 0, y: 0 } }, record: false },
    );
    await controller.runLayout('dagre');
    const x = ['a', 'b', 'c'].map((id) => cy.getElementById(id).position().x);
    // Left to right, one rank per step along the chain.
    expect(x[0]).toBeLessThan(x[1]!);
    expect(x[1]).toBeLessThan(x[2]!);
    expect(controller.summary().canUndo).toBe(true);
  });

  it('settles nodes added before the force layout has loaded once it arrives, without a step of its own to undo', async () => {
    expect(layoutLoaded('fcose')).toBe(false);
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const controller = new CanvasController(cy);
    const node = (id: string) => ({ id, labels: ['Entity', 'Person'], properties: { name: id } });
    const ids = ['a', 'b', 'c', 'd'];
    controller.add({ nodes: ids.map(node), edges: [{ id: 'ab', type: 'TOLD', source: 'a', target: 'b', properties: {} }] });
    const ring = ids.map((id) => ({ ...cy.getElementById(id).position() }));
    await ensureLayout('fcose');
    await Promise.resolve();
    expect(layoutLoaded('fcose')).toBe(true);
    const settled = ids.map((id) => cy.getElementById(id).position());
    expect(settled).not.toEqual(ring);
    controller.undo();
    expect(cy.nodes()).toHaveLength(0);
  });
});

import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CanvasController } from '../../app/graph/canvas-controller.js';

describe('layouts loaded on first use', () => {
  it('runs the layered (dagre) layout once its extension has loaded, as an undoable change', async () => {
    const controller = new CanvasController(cytoscape({ headless: true, styleEnabled: false }));
    const node = (id: string) => ({ id, labels: ['Entity', 'Person'], properties: { name: id } });
    controller.add(
      { nodes: [node('a'), node('b'), node('c')], edges: [{ id: 'ab', type: 'TOLD', source: 'a', target: 'b', properties: {} }, { id: 'bc', type: 'TOLD', source: 'b', target: 'c', properties: {} }] },
      { positions: { a: { x: 0, y: 0 }, b: { x: 0, y: 0 }, c: { x: 0, y: 0 } }, record: false },
    );
    await controller.runLayout('dagre');
    const x = ['a', 'b', 'c'].map((id) => controller.cy.getElementById(id).position().x);
    // Left to right, one rank per step along the chain.
    expect(x[0]).toBeLessThan(x[1]!);
    expect(x[1]).toBeLessThan(x[2]!);
    expect(controller.summary().canUndo).toBe(true);
  });
});

import cytoscape from 'cytoscape';
import { beforeAll, describe, expect, it } from 'vitest';
import { CanvasController } from '../../app/graph/canvas-controller.js';
import type { CanvasSummary } from '../../app/graph/canvas-summary.js';
import { INITIAL_VIEW } from '../../app/graph/canvas-view.js';
import { NO_FILTERS } from '../../app/graph/filters.js';
import { ensureLayout } from '../../app/graph/layout-loader.js';
import type { Graph } from '../../shared/contract/index.js';

beforeAll(() => ensureLayout('fcose'));

const person = (id: string, extra: Record<string, unknown> = {}) => ({ id, labels: ['Entity', 'Person'], properties: { name: id, ...extra } });
const rel = (id: string, source: string, target: string, properties: Record<string, unknown> = {}) => ({ id, type: 'TOLD', source, target, properties });
const star: Graph = {
  nodes: [person('a'), person('b'), person('c', { date: '2025-03-13' })],
  edges: [rel('ab', 'a', 'b', { confidence: 'fact' }), rel('ac', 'a', 'c', { confidence: 'alleged', date: '2025-03-15' })],
};

function setup() {
  const summaries: CanvasSummary[] = [];
  const cy = cytoscape({ headless: true, styleEnabled: false });
  const controller = new CanvasController(cy, (s) => summaries.push(s));
  return { controller, cy, last: () => summaries.at(-1)! };
}

describe('CanvasController', () => {
  it('adds a graph once, keyed by id, and summarises it', () => {
    const { controller, last } = setup();
    expect(controller.add(star)).toBe(3);
    expect(controller.add(star)).toBe(0);
    expect(last()).toMatchObject({ nodeCount: 3, edgeCount: 2, kinds: ['Person'], types: ['TOLD'], confidences: ['alleged', 'fact'], canUndo: true, canRedo: false });
    expect(last().dated.map((d) => [d.id, d.date])).toEqual([
      ['c', '2025-03-13'],
      ['ac', '2025-03-15'],
    ]);
  });

  it('redraws nodes on the canvas with their data now (a new name), leaves others out, and records no undo step', () => {
    const { controller, cy, last } = setup();
    controller.add({ nodes: [person('a')], edges: [] });
    const undoable = last().canUndo;
    controller.redraw({ nodes: [person('a', { name: 'Alpha', date: '2025-03-13' }), person('z')], edges: [] });
    expect(cy.getElementById('a').data()).toMatchObject({ label: 'Alpha', date: '2025-03-13' });
    expect(cy.getElementById('z').nonempty()).toBe(false);
    expect(last().canUndo).toBe(undoable);
    expect(last().dated.map((d) => d.id)).toEqual(['a']);
  });

  it('redraws edges with their confidence and date now, clearing what the write removed, on the ends they are drawn between', () => {
    const { controller, cy, last } = setup();
    controller.add(star);
    controller.redraw({ nodes: [], edges: [rel('ab', 'a', 'b', { confidence: 'alleged', date: '2025-03-20' }), rel('ac', 'a', 'c', { confidence: 'fact' }), rel('zz', 'a', 'b')] });
    expect(cy.getElementById('ab').data()).toMatchObject({ confidence: 'alleged', date: '2025-03-20', source: 'a', target: 'b' });
    expect(cy.getElementById('ac').data('confidence')).toBe('fact');
    expect(cy.getElementById('ac').data('date')).toBeUndefined();
    expect(cy.getElementById('zz').nonempty()).toBe(false);
    expect(last().confidences).toEqual(['alleged', 'fact']);
  });

  it('adds edges between nodes already drawn and holds drawn nodes in place', () => {
    const { controller, cy } = setup();
    controller.add({ nodes: [person('a'), person('b')], edges: [] });
    const before = { ...cy.getElementById('a').position() };
    controller.add({ nodes: [person('a'), person('b'), person('d')], edges: [rel('ab', 'a', 'b'), rel('ad', 'a', 'd')] }, { near: 'a' });
    expect(cy.edges().map((e) => e.id()).sort()).toEqual(['ab', 'ad']);
    const after = cy.getElementById('a').position();
    expect(after.x).toBeCloseTo(before.x, 0);
    expect(after.y).toBeCloseTo(before.y, 0);
  });

  it('undoes and redoes every change, positions included', () => {
    const { controller, cy, last } = setup();
    controller.add(star);
    const position = { ...cy.getElementById('b').position() };
    controller.remove(['b']);
    controller.hide(['c']);
    expect(cy.nodes().length).toBe(2);
    expect(last().hiddenCount).toBe(2);
    controller.undo();
    expect(last().hiddenCount).toBe(0);
    controller.undo();
    expect(cy.getElementById('b').position()).toEqual(position);
    expect(cy.edges().length).toBe(2);
    controller.redo();
    expect(cy.getElementById('b').empty()).toBe(true);
    expect(last()).toMatchObject({ canUndo: true, canRedo: true });
  });

  it('pins and unpins nodes', () => {
    const { controller, cy } = setup();
    controller.add(star);
    controller.toggleLock(['a', 'b']);
    expect(cy.getElementById('a').locked()).toBe(true);
    controller.toggleLock(['a', 'b']);
    expect(cy.getElementById('b').locked()).toBe(false);
  });

  it('filters by relationship type, confidence and date range', () => {
    const { controller, cy } = setup();
    controller.add(star);
    const filtered = () => cy.$('.filtered').map((e) => e.id()).sort();
    controller.show({ ...INITIAL_VIEW, filters: { ...NO_FILTERS, hiddenConfidence: ['alleged'] } });
    expect(filtered()).toEqual(['ac']);
    controller.show({ ...INITIAL_VIEW, filters: { ...NO_FILTERS, dateRange: ['2025-03-14', '2025-03-31'] } });
    expect(filtered()).toEqual(['c']);
    controller.show({ ...INITIAL_VIEW, filters: { ...NO_FILTERS, hiddenTypes: ['TOLD'] } });
    expect(filtered()).toEqual(['ab', 'ac']);
    controller.show(INITIAL_VIEW);
    expect(filtered()).toEqual([]);
  });

  it('sizes nodes by degree, and keeps the sizes right as edges come and go', () => {
    const { controller, cy } = setup();
    controller.add({ nodes: [person('a'), person('b'), person('c')], edges: [rel('ab', 'a', 'b')] });
    controller.show({ ...INITIAL_VIEW, sizeByDegree: true });
    const size = (id: string) => cy.getElementById(id).data('size') as number;
    expect(size('a')).toBe(size('b'));
    controller.add({ nodes: [], edges: [rel('ac', 'a', 'c')] });
    expect(size('a')).toBeGreaterThan(size('b'));
    controller.remove(['ac']);
    expect(size('a')).toBe(size('b'));
    expect(cy.getElementById('a').hasClass('sized')).toBe(true);
  });
});

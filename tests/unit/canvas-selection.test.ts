import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { bindCanvasEvents } from '../../app/graph/canvas-events.js';
import { CanvasController } from '../../app/graph/canvas-controller.js';
import { INITIAL_VIEW, type CanvasView } from '../../app/graph/canvas-view.js';
import { NO_FILTERS } from '../../app/graph/filters.js';
import { nextSelection, type SelectIntent } from '../../app/graph/selection.js';

const person = (id: string) => ({ id, labels: ['Entity', 'Person'], properties: { name: id } });
const graph = { nodes: [person('a'), person('b'), person('c')], edges: [{ id: 'ab', type: 'TOLD', source: 'a', target: 'b', properties: {} }] };
const at = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 0, y: 100 } };

/** A canvas wired as the explorer wires it: intents go to "React" (a variable here), which shows its view again. */
function explorer() {
  const cy = cytoscape({ headless: true, styleEnabled: false, autounselectify: true });
  const controller = new CanvasController(cy);
  controller.add(graph, { positions: at, record: false });
  let view: CanvasView = INITIAL_VIEW;
  const render = (next: Partial<CanvasView>) => {
    view = { ...view, ...next };
    controller.show(view);
  };
  const intents: SelectIntent[] = [];
  bindCanvasEvents(cy, () => ({
    onSelect: (intent) => {
      intents.push(intent);
      render({ selected: nextSelection([...view.selected], intent) });
    },
    onExpand: () => {},
    onContextMenu: () => {},
  }));
  const selectEvents: string[] = [];
  cy.on('select unselect', (event) => selectEvents.push(`${event.type} ${event.target.id()}`));
  const selectedOnCanvas = () => cy.$(':selected').map((e) => e.id()).sort();
  return { cy, controller, render, intents, selectEvents, selectedOnCanvas, view: () => view };
}

describe('selection flows one way', () => {
  it('selecting from React selects on the canvas exactly once, and the canvas reports nothing back', () => {
    const { render, intents, selectEvents, selectedOnCanvas } = explorer();
    render({ selected: ['a'] });
    render({ selected: ['a'] });
    expect(selectedOnCanvas()).toEqual(['a']);
    expect(selectEvents).toEqual(['select a']);
    expect(intents).toEqual([]);
    render({ selected: ['b'] });
    expect(selectEvents).toEqual(['select a', 'unselect a', 'select b']);
  });

  it('a tap is reported once, and the selection it leads to does not come back as another report', () => {
    const { cy, intents, selectEvents, selectedOnCanvas, view } = explorer();
    cy.getElementById('b').emit('tap');
    expect(intents).toEqual([{ on: 'element', id: 'b', additive: false }]);
    expect(view().selected).toEqual(['b']);
    expect(selectedOnCanvas()).toEqual(['b']);
    expect(selectEvents).toEqual(['select b']);
    cy.emit('tap');
    expect(intents).toHaveLength(2);
    expect(selectedOnCanvas()).toEqual([]);
  });

  it('a box reports what it enclosed once, as one intent', async () => {
    const { cy, intents, selectedOnCanvas } = explorer();
    cy.emit('boxstart');
    cy.emit('boxend');
    cy.collection().merge(cy.getElementById('a')).merge(cy.getElementById('c')).emit('box');
    await Promise.resolve();
    expect(intents).toEqual([{ on: 'box', ids: ['a', 'c'], additive: false }]);
    expect(selectedOnCanvas()).toEqual(['a', 'c']);
  });

  it('applies filters and selection changed together in one batch', () => {
    const { cy, render, selectedOnCanvas } = explorer();
    const batch = vi.spyOn(cy, 'batch');
    render({ selected: ['a', 'c'], filters: { ...NO_FILTERS, hiddenTypes: ['TOLD'] } });
    expect(batch).toHaveBeenCalledTimes(1);
    expect(selectedOnCanvas()).toEqual(['a', 'c']);
    expect(cy.$('.filtered').map((e) => e.id())).toEqual(['ab']);
  });

  it('keeps React’s selection across canvas changes: hidden elements drop out, an undone removal comes back selected', () => {
    const { controller, render, selectedOnCanvas } = explorer();
    render({ selected: ['a', 'b'] });
    controller.hide(['b']);
    expect(selectedOnCanvas()).toEqual(['a']);
    expect(controller.shown(['a', 'b'])).toEqual(['a']);
    controller.undo();
    expect(selectedOnCanvas()).toEqual(['a', 'b']);
    const all = ['a', 'b'];
    expect(controller.shown(all)).toBe(all);
    controller.remove(['a']);
    expect(controller.shown(all)).toEqual(['b']);
    expect(controller.element('a')).toBeNull();
    expect(controller.element('ab')).toBeNull();
    expect(controller.element('b')).toEqual({ id: 'b', group: 'nodes', label: 'b' });
  });
});

describe('nextSelection', () => {
  it('replaces on a plain click, toggles with a modifier, clears on the background', () => {
    expect(nextSelection(['a'], { on: 'element', id: 'b', additive: false })).toEqual(['b']);
    expect(nextSelection(['a'], { on: 'element', id: 'b', additive: true })).toEqual(['a', 'b']);
    expect(nextSelection(['a', 'b'], { on: 'element', id: 'a', additive: true })).toEqual(['b']);
    expect(nextSelection(['a'], { on: 'background', additive: false })).toEqual([]);
    const kept = ['a'];
    expect(nextSelection(kept, { on: 'background', additive: true })).toBe(kept);
  });

  it('adds a box to the selection with a modifier, without repeats', () => {
    expect(nextSelection(['a', 'b'], { on: 'box', ids: ['b', 'c'], additive: true })).toEqual(['a', 'b', 'c']);
    expect(nextSelection(['a'], { on: 'box', ids: ['c'], additive: false })).toEqual(['c']);
  });
});

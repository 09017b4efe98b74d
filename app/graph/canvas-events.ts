import type { Core, EventObject } from 'cytoscape';
import type { SelectIntent } from './selection';

export interface ContextTarget {
  id: string;
  group: 'nodes' | 'edges';
  /** Where to open a menu, relative to the canvas. */
  x: number;
  y: number;
}

/** What the person does on the canvas, reported as it happens; the canvas changes nothing by itself. */
export interface CanvasEvents {
  onSelect: (intent: SelectIntent) => void;
  onExpand: (nodeId: string) => void;
  onContextMenu: (target: ContextTarget | null) => void;
}

const additive = (event: EventObject) => {
  const e = event.originalEvent as MouseEvent | undefined;
  return !!(e?.shiftKey || e?.ctrlKey || e?.metaKey);
};

/** Binds the canvas's events, once, for the life of `cy`; `events()` gives the current handlers. */
export function bindCanvasEvents(cy: Core, events: () => CanvasEvents): void {
  cy.on('tap', (event) => {
    events().onContextMenu(null);
    events().onSelect(event.target === cy ? { on: 'background', additive: additive(event) } : { on: 'element', id: event.target.id() as string, additive: additive(event) });
  });
  cy.on('dbltap', 'node', (event) => events().onExpand(event.target.id() as string));
  cy.on('cxttap', 'node, edge', (event) => {
    const { x, y } = event.renderedPosition ?? event.target.renderedPosition();
    events().onContextMenu({ id: event.target.id() as string, group: event.target.isNode() ? 'nodes' : 'edges', x, y });
  });
  cy.on('pan zoom', () => events().onContextMenu(null));

  // Cytoscape emits `boxend` first, then `box` on each element inside, all in the same task: the box is reported
  // once, when they are all in.
  let boxed: string[] = [];
  cy.on('boxstart', () => {
    boxed = [];
  });
  cy.on('box', (event) => {
    boxed.push(event.target.id() as string);
  });
  cy.on('boxend', (event) => {
    queueMicrotask(() => {
      if (boxed.length) events().onSelect({ on: 'box', ids: boxed, additive: additive(event) });
    });
  });
}

import type { Collection, Core } from 'cytoscape';
import { isFilteredOut, NO_FILTERS, type CanvasFilters } from './filters';

/** What React decides about the canvas's look: applied by the controller, never read back from Cytoscape. */
export interface CanvasView {
  filters: CanvasFilters;
  selected: readonly string[];
  sizeByDegree: boolean;
}

export const INITIAL_VIEW: CanvasView = { filters: NO_FILTERS, selected: [], sizeByDegree: false };

const degreeSize = (degree: number) => Math.min(72, 22 + 5 * Math.sqrt(degree));

/**
 * Brings each of `elements` in line with `view` in one walk: filtered out or not, sized by degree or not, selected
 * or not (a hidden element is never selected). Call inside `cy.batch()`.
 */
export function paintView(cy: Core, elements: Collection, view: CanvasView): void {
  const selected = new Set(view.selected);
  selecting(cy, () =>
    elements.forEach((e) => {
      const node = e.isNode();
      const out = isFilteredOut({ group: node ? 'nodes' : 'edges', kind: e.data('kind'), type: e.data('type'), confidence: e.data('confidence'), date: e.data('date'), kinds: e.data('kinds'), types: e.data('types') }, view.filters);
      if (e.hasClass('filtered') !== out) e.toggleClass('filtered', out);
      if (node) {
        if (view.sizeByDegree && e.data('size') !== degreeSize(e.degree(false))) e.data('size', degreeSize(e.degree(false)));
        if (e.hasClass('sized') !== view.sizeByDegree) e.toggleClass('sized', view.sizeByDegree);
      }
      const want = selected.has(e.id()) && !e.hasClass('hidden');
      if (want && !e.selected()) e.select();
      else if (!want && e.selected()) e.unselect();
    }),
  );
}

/**
 * The person's clicks select nothing (the canvas is created with `autounselectify`, and reports clicks instead);
 * selection changes only here, from React's selection, with the lock lifted for the moment it takes.
 */
function selecting(cy: Core, apply: () => void): void {
  const locked = cy.autounselectify();
  cy.autounselectify(false);
  try {
    apply();
  } finally {
    cy.autounselectify(locked);
  }
}

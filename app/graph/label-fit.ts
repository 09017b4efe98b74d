/**
 * Node names readable at first sight (issue 16): zoomed out, names keep at least LABEL_PX on screen instead of
 * shrinking with the graph; each goes below its node, or above, right or left of it where that is taken, and where
 * none is free the better-connected node's name wins; the others appear as
 * the view zooms in and makes room. Selected and highlighted nodes always keep theirs. Small views only: large views
 * have their own level of detail (level-of-detail.ts), which shows names only once zoomed in enough.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { HIDDEN_LABEL_CLASS, NODE_LABEL } from '../../shared/style/stylesheet';

/** The smallest size a name is drawn at on screen, in CSS pixels. */
export const LABEL_PX = 11;
/** Room kept between two names, in screen pixels. */
const GAP_PX = 2;

export interface Box { x1: number; y1: number; x2: number; y2: number }
/** A name and where it may go, best place first (below its node, then above). */
export interface LabelCandidate { id: string; places: Box[] }

const overlap = (a: Box, b: Box, gap: number) => a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;

/**
 * Where each name goes (the index of its place), taken greedily in the order given (most important first): the first
 * of its places that overlaps no name already placed; names with no such place are left out. Pure.
 */
export function placeLabels(candidates: readonly LabelCandidate[], gap = GAP_PX): Map<string, number> {
  const taken: Box[] = [];
  const placed = new Map<string, number>();
  for (const { id, places } of candidates) {
    const free = places.findIndex((box) => !taken.some((b) => overlap(b, box, gap)));
    if (free < 0) continue;
    taken.push(places[free]!);
    placed.set(id, free);
  }
  return placed;
}

/** How much larger than at zoom 1 a name is set in the graph's own units, so that it stays LABEL_PX on screen. */
export const labelScale = (zoom: number) => Math.max(1, LABEL_PX / (NODE_LABEL.fontSize * zoom));

/** Selected and highlighted first, then by degree, then by id so the choice is stable. */
function priority(a: NodeSingular, b: NodeSingular): number {
  const marked = (n: NodeSingular) => (n.selected() || n.hasClass('highlighted') ? 1 : 0);
  return marked(b) - marked(a) || b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1);
}

/** Where a name may go, in order of preference, as style for it at a scale (the stylesheet puts it below). */
const PLACES = [
  (scale: number) => ({ 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': NODE_LABEL.marginY * scale, 'text-margin-x': 0 }),
  (scale: number) => ({ 'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -NODE_LABEL.marginY * scale, 'text-margin-x': 0 }),
  (scale: number) => ({ 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': NODE_LABEL.marginY * scale }),
  (scale: number) => ({ 'text-valign': 'center', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': -NODE_LABEL.marginY * scale }),
];

const labelBox = (node: NodeSingular): Box => node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });

/** The rendered boxes of a node's name in each of PLACES, from where it is drawn now (below the node). */
function places(node: NodeSingular, zoom: number, scale: number): Box[] {
  const below = labelBox(node);
  const body = node.renderedBoundingBox({ includeLabels: false, includeNodes: true, includeEdges: false, includeOverlays: false });
  const margin = NODE_LABEL.marginY * scale * zoom;
  const [width, height] = [below.x2 - below.x1, below.y2 - below.y1];
  const middle = (body.y1 + body.y2) / 2 - height / 2;
  const box = (x1: number, y1: number) => ({ x1, y1, x2: x1 + width, y2: y1 + height });
  return [below, box(below.x1, body.y1 - margin - height), box(body.x2 + margin, middle), box(body.x1 - margin - width, middle)];
}

/** Sets the names' size for the current zoom and shows those that fit, each below, above, right or left of its node. */
function fitLabels(cy: Core): void {
  const zoom = cy.zoom();
  const scale = labelScale(zoom);
  cy.batch(() => {
    cy.nodes().style({ 'font-size': NODE_LABEL.fontSize * scale, 'text-max-width': `${NODE_LABEL.maxWidth * scale}px`, ...PLACES[0]!(scale) });
  });
  const nodes = (cy.nodes().filter((n) => n.visible()).toArray() as NodeSingular[]).sort(priority);
  const placed = placeLabels(nodes.map((n) => ({ id: n.id(), places: places(n, zoom, scale) })));
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const place = placed.get(n.id());
      n.toggleClass(HIDDEN_LABEL_CLASS, place === undefined);
      if (place) n.style(PLACES[place]!(scale));
    });
  });
  // The boxes above were worked out from the one below; Cytoscape's own, once moved, can differ by a pixel or two
  // (wrapped lines, backgrounds), so the names are checked again where they are drawn.
  const shown = nodes.filter((n) => placed.has(n.id()));
  const kept = placeLabels(shown.map((n) => ({ id: n.id(), places: [labelBox(n)] })), 0);
  cy.batch(() => {
    for (const n of shown) if (!kept.has(n.id())) n.addClass(HIDDEN_LABEL_CLASS);
  });
}

/** Undoes fitLabels: the stylesheet's sizes and every name shown (large views' level of detail takes over). */
function unfitLabels(cy: Core): void {
  cy.batch(() => {
    cy.nodes().removeStyle('font-size text-max-width text-margin-y text-margin-x text-valign text-halign');
    cy.nodes().removeClass(HIDDEN_LABEL_CLASS);
  });
}

/** Events after which the names are fitted again: the view moved or was resized (a side panel opened), or what is drawn or marked changed. */
const REFIT_EVENTS = 'viewport resize layoutstop add remove dragfree select unselect';
const SETTLE_MS = 80;

/** Keeps the names fitted while `active()` (the view is small); `refresh` after changes the events do not tell. */
export function bindLabelFit(cy: Core, active: () => boolean): { refresh(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fitted = false;
  const run = () => {
    timer = undefined;
    if (cy.destroyed()) return;
    if (active()) fitLabels(cy);
    else if (fitted) unfitLabels(cy);
    fitted = active();
  };
  const refresh = () => {
    if (timer === undefined) timer = setTimeout(run, SETTLE_MS);
  };
  cy.on(REFIT_EVENTS, refresh);
  cy.one('destroy', () => clearTimeout(timer));
  return { refresh };
}

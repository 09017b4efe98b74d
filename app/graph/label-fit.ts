/**
 * Node names readable at first sight (issue 16): zoomed out, names keep at least LABEL_PX on screen instead of
 * shrinking with the graph; each goes below its node, or above, right, left or at a corner of it where that is
 * taken (the best-connected names may nudge one already placed aside), and where none is free the better-connected
 * node's name wins; the others appear as
 * the view zooms in and makes room. Selected and highlighted nodes always keep theirs. Small views only: large views
 * have their own level of detail (level-of-detail.ts), which shows names only once zoomed in enough.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { COMMUNITY_LABEL, HIDDEN_LABEL_CLASS, NODE_LABEL } from '../../shared/style/stylesheet';
import { COMMUNITY_KIND } from './communities/community-view';

/** The smallest size a name is drawn at on screen, in CSS pixels. */
export const LABEL_PX = 11;
/** Room kept between two names, in screen pixels. */
const GAP_PX = 2;

export interface Box { x1: number; y1: number; x2: number; y2: number }
/** A name and where it may go, best place first (below its node, then above). */
export interface LabelCandidate { id: string; places: Box[] }

const overlap = (a: Box, b: Box, gap: number) => a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;

/** How many of the most important names may move a name already placed to make room (the rest only take free places). */
const REPAIRED = 40;

/**
 * Where each name goes (the index of its place), taken greedily in the order given (most important first): the first
 * of its places that overlaps no name already placed. One of the first REPAIRED names with no such place may still
 * get one where a single placed name blocks it and can move to another of its own places; the others are left out.
 * Pure.
 */
export function placeLabels(candidates: readonly LabelCandidate[], gap = GAP_PX): Map<string, number> {
  const placed = new Map<string, number>();
  const taken = new Map<string, Box>();
  const placesOf = new Map(candidates.map((c) => [c.id, c.places]));
  const blockers = (box: Box, except?: string) => [...taken].filter(([id, b]) => id !== except && overlap(b, box, gap)).map(([id]) => id);
  const take = (id: string, index: number) => {
    placed.set(id, index);
    taken.set(id, placesOf.get(id)![index]!);
  };
  candidates.forEach(({ id, places }, rank) => {
    const free = places.findIndex((box) => blockers(box).length === 0);
    if (free >= 0) return take(id, free);
    if (rank >= REPAIRED) return;
    for (const [index, box] of places.entries()) {
      const [only, ...more] = blockers(box);
      if (only === undefined || more.length > 0) continue;
      const move = placesOf.get(only)!.findIndex((other) => !overlap(other, box, gap) && blockers(other, only).length === 0);
      if (move < 0) continue;
      take(only, move);
      return take(id, index);
    }
  });
  return placed;
}

/** How much larger than at zoom 1 a name is set in the graph's own units, so that it stays LABEL_PX on screen. */
export const labelScale = (zoom: number) => Math.max(1, LABEL_PX / (NODE_LABEL.fontSize * zoom));

/** Selected and highlighted first, then communities by member count, then by degree, then by id so the choice is stable. */
function priority(a: NodeSingular, b: NodeSingular): number {
  const marked = (n: NodeSingular) => (n.selected() || n.hasClass('highlighted') ? 1 : 0);
  const members = (n: NodeSingular) => Number(n.data('members') ?? 0);
  return marked(b) - marked(a) || members(b) - members(a) || b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1);
}

type VAlign = 'top' | 'center' | 'bottom';
type HAlign = 'left' | 'center' | 'right';
/** Where a name may go, in order of preference: below, above, right, left of its node, then at its four corners. */
const PLACES: readonly [VAlign, HAlign][] = [
  ['bottom', 'center'], ['top', 'center'], ['center', 'right'], ['center', 'left'],
  ['bottom', 'right'], ['bottom', 'left'], ['top', 'right'], ['top', 'left'],
];
const SIDE = { top: -1, left: -1, center: 0, bottom: 1, right: 1 } as const;

/** The style that puts a name at a place, at a scale (the stylesheet puts it below). */
function placeStyle([valign, halign]: [VAlign, HAlign], scale: number) {
  const margin = NODE_LABEL.marginY * scale;
  return { 'text-valign': valign, 'text-halign': halign, 'text-margin-y': SIDE[valign] * margin, 'text-margin-x': SIDE[halign] * margin };
}

const labelBox = (node: NodeSingular): Box => node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });

/** The rendered boxes of a node's name at each of PLACES, from where it is drawn now (below the node). */
function places(node: NodeSingular, zoom: number, scale: number): Box[] {
  const below = labelBox(node);
  const body = node.renderedBoundingBox({ includeLabels: false, includeNodes: true, includeEdges: false, includeOverlays: false });
  const margin = NODE_LABEL.marginY * scale * zoom;
  const [width, height] = [below.x2 - below.x1, below.y2 - below.y1];
  const x1 = { left: body.x1 - margin - width, center: below.x1, right: body.x2 + margin };
  const y1 = { top: body.y1 - margin - height, center: (body.y1 + body.y2) / 2 - height / 2, bottom: below.y1 };
  return PLACES.map(([valign, halign]) => ({ x1: x1[halign], y1: y1[valign], x2: x1[halign] + width, y2: y1[valign] + height }));
}

/** Sets the names' size for the current zoom and shows those that fit, each at the first free place around its node. */
function fitLabels(cy: Core): void {
  const zoom = cy.zoom();
  const scale = labelScale(zoom);
  const sized = (label: typeof NODE_LABEL | typeof COMMUNITY_LABEL) => ({ 'font-size': label.fontSize * scale, 'text-max-width': `${label.maxWidth * scale}px`, ...placeStyle(PLACES[0]!, scale) });
  cy.batch(() => {
    const communities = cy.nodes(`[kind = "${COMMUNITY_KIND}"]`);
    cy.nodes().difference(communities).style(sized(NODE_LABEL));
    communities.style(sized(COMMUNITY_LABEL));
  });
  const nodes = (cy.nodes().filter((n) => n.visible()).toArray() as NodeSingular[]).sort(priority);
  const placed = placeLabels(nodes.map((n) => ({ id: n.id(), places: places(n, zoom, scale) })));
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const place = placed.get(n.id());
      n.toggleClass(HIDDEN_LABEL_CLASS, place === undefined);
      if (place) n.style(placeStyle(PLACES[place]!, scale));
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

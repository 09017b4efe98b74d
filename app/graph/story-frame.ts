/**
 * A story step as the canvas sees it: taking one from what is drawn (camera, positions, highlight) and showing one
 * again, animated. The camera is kept as a centre in graph coordinates plus the zoom and the size of the view it was
 * framed in, so a bigger view (present mode) shows the same part of the graph, scaled to fit.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { StoryCamera, StoryStep } from '../../shared/contract';
import type { CanvasFrame } from '../../shared/story/steps';
import { STEP_TRANSITION_CLASS, STEP_TRANSITION_MS, STEP_TRANSITION_PROPERTIES } from '../../shared/style/stylesheet';

/** Readers who asked their system for less motion get each step at once. */
const prefersStill = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function takeFrame(cy: Core, highlighted: readonly string[]): CanvasFrame {
  const visible = cy.elements(':visible');
  const pan = cy.pan();
  const zoom = cy.zoom();
  const viewport = { width: cy.width() || 1, height: cy.height() || 1 };
  return {
    nodes: visible.nodes().map((n) => n.id()),
    edges: visible.edges().map((e) => e.id()),
    highlighted: highlighted.filter((id) => cy.getElementById(id).nonempty()),
    camera: { zoom, center: { x: (viewport.width / 2 - pan.x) / zoom, y: (viewport.height / 2 - pan.y) / zoom }, viewport },
    positions: Object.fromEntries(visible.nodes().map((n) => [n.id(), roundPosition((n as NodeSingular).position())])),
  };
}

const roundPosition = ({ x, y }: { x: number; y: number }) => ({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });

/** Zoom and pan that show `camera`'s part of the graph in a view of this size. */
export function viewportFor(camera: StoryCamera, width: number, height: number): { zoom: number; pan: { x: number; y: number } } {
  const zoom = camera.zoom * Math.min(width / camera.viewport.width, height / camera.viewport.height);
  return { zoom, pan: { x: width / 2 - camera.center.x * zoom, y: height / 2 - camera.center.y * zoom } };
}

/**
 * Moves nodes to the step's positions, marks its elements (the rest fade in and out, not switch) and frames it;
 * animated unless `instant` or the reader prefers reduced motion.
 */
export function showFrame(cy: Core, step: Pick<StoryStep, 'highlighted' | 'camera' | 'positions'>, instant: boolean): void {
  const duration = instant || prefersStill() ? 0 : STEP_TRANSITION_MS;
  // The container may just have changed size (present mode), before Cytoscape's own resize observer has told it.
  cy.resize();
  cy.stop(true);
  // A fade cut short leaves its in-between value as a style bypass: dropped, so the next fade starts from the class.
  cy.elements().stop(true).removeStyle(STEP_TRANSITION_PROPERTIES);
  const marked = cy.collection();
  for (const id of step.highlighted) marked.merge(cy.getElementById(id));
  cy.batch(() => {
    cy.elements().toggleClass(STEP_TRANSITION_CLASS, duration > 0);
    cy.elements().removeClass('highlighted faded');
    if (marked.empty()) return;
    marked.addClass('highlighted');
    cy.elements().difference(marked).addClass('faded');
  });
  for (const [id, position] of Object.entries(step.positions ?? {})) {
    const node = cy.getElementById(id);
    if (node.empty()) continue;
    if (duration) node.animate({ position }, { duration, easing: 'ease-in-out-cubic' });
    else node.position(position);
  }
  const camera = step.camera ? viewportFor(step.camera, cy.width(), cy.height()) : null;
  const framed = marked.nonempty() ? marked : cy.elements();
  if (!duration) {
    if (camera) cy.viewport(camera);
    else cy.fit(framed, 80);
    return;
  }
  // Once the step has arrived, selecting or filtering on the canvas changes at once again.
  const settled = { duration, easing: 'ease-in-out-cubic' as const, complete: () => cy.elements().removeClass(STEP_TRANSITION_CLASS) };
  if (camera) cy.animate(camera, settled);
  else cy.animate({ fit: { eles: framed, padding: 80 } }, settled);
}

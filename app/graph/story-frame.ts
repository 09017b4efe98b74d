/**
 * A story step as the canvas sees it: taking one from what is drawn (camera, positions, highlight) and showing one
 * again, animated. The camera is kept as a centre in graph coordinates plus the zoom and the size of the view it was
 * framed in, so a bigger view (present mode) shows the same part of the graph, scaled to fit.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { StoryCamera, StoryStep } from '../../shared/contract';
import type { CanvasFrame } from '../../shared/story/steps';

const STEP_TRANSITION_MS = 600;

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

/** Moves nodes to the step's positions, marks its elements (the rest fade) and frames it; animated unless `instant`. */
export function showFrame(cy: Core, step: Pick<StoryStep, 'highlighted' | 'camera' | 'positions'>, instant: boolean): void {
  const duration = instant ? 0 : STEP_TRANSITION_MS;
  // The container may just have changed size (present mode), before Cytoscape's own resize observer has told it.
  cy.resize();
  cy.stop(true);
  cy.nodes().stop(true);
  const marked = cy.collection();
  for (const id of step.highlighted) marked.merge(cy.getElementById(id));
  cy.batch(() => {
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
  } else if (camera) cy.animate(camera, { duration, easing: 'ease-in-out-cubic' });
  else cy.animate({ fit: { eles: framed, padding: 80 } }, { duration, easing: 'ease-in-out-cubic' });
}

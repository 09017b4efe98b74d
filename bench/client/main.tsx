/**
 * The canvas bench page (npm run bench; never part of the app's bundle): the explorer's own GraphCanvas and
 * CanvasController, fed a synthetic view of `?elements=` elements with positions, drawn by `?renderer=`.
 * It reports on `window.__bench` when the first frame with the elements has been drawn.
 */
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Core, Position } from 'cytoscape';
import type { CanvasController } from '../../app/graph/canvas-controller';
import { NO_FILTERS } from '../../app/graph/filters';
import { GraphCanvas } from '../../app/graph/graph-canvas';
import { initialMode, webglAvailable, type RendererChoice, type ViewMode } from '../../app/graph/level-of-detail';
import type { Graph } from '../../shared/contract';

export interface BenchPageState {
  /** Milliseconds from navigation to the first frame drawn with the elements. */
  drawnAtMs?: number;
  elements?: number;
  mode?: ViewMode;
  /** Whether the browser has WebGL on a GPU (what the explorer's automatic choice goes by). */
  gpuWebgl?: boolean;
  /** Milliseconds from navigation to the view's JSON being fetched and parsed. */
  loadedAtMs?: number;
  /** Milliseconds CanvasController.add took (elements, styles and, for large views, the switch of mode). */
  addMs?: number;
  /** What Cytoscape's live renderer and style actually do, read back at the first draw. */
  applied?: { webgl: boolean; hideEdgesOnViewport: boolean; edgeArrow: string; edgeLabel: string };
  error?: string;
}

type Renderer = { redrawCount?: number; webgl?: boolean; hideEdgesOnViewport?: boolean };
const params = new URLSearchParams(location.search);
const choice = (params.get('renderer') ?? 'auto') as RendererChoice;
const state: BenchPageState = { mode: initialMode(choice) };
(window as unknown as { __bench: BenchPageState }).__bench = state;
const noop = () => {};

export interface Interaction {
  seconds: number;
  /** Frames Cytoscape drew during the interaction, and the time it spent drawing them. */
  redraws: number;
  redrawMs: number;
  /** One full redraw of the still view afterwards (what a person waits for once they stop moving). */
  fullRedrawMs: number;
}

/**
 * A person panning then zooming, driven from inside the page so that every frame brings a new viewport (input sent
 * from outside arrives slower than frames, and would cap the count): for `ms / 2` a drag on the background moves in
 * circles, one mouse move per animation frame; then the wheel zooms in and out, one notch per frame. Cytoscape sees
 * ordinary mouse and wheel events, so its viewport optimisations (texture, hidden edges) apply as they would.
 */
function interact(ms: number): Promise<Interaction> {
  const container = document.querySelector('[data-testid="graph-canvas"]')!;
  const layer = container.querySelector('canvas') ?? container;
  const box = container.getBoundingClientRect();
  // Fitting leaves a margin, so a corner is background: dragging there pans.
  const start = { x: box.left + 8, y: box.top + 8 };
  const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const mouse = (target: EventTarget, type: string, x: number, y: number, buttons: number) =>
    target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons, bubbles: true, cancelable: true, view: window }));
  const cy = (window as unknown as { __threadlineCy: { forceRender(): void; renderer(): Renderer & { redrawTotalTime?: number; lastRedrawTime?: number } } }).__threadlineCy;
  const before = { count: cy.renderer().redrawCount ?? 0, total: cy.renderer().redrawTotalTime ?? 0 };
  const began = performance.now();
  return new Promise((resolve) => {
    let step = 0;
    let dragging = true;
    mouse(layer, 'mousedown', start.x, start.y, 1);
    const frame = () => {
      step++;
      const elapsed = performance.now() - began;
      if (elapsed < ms / 2) {
        mouse(window, 'mousemove', start.x + 120 + 120 * Math.cos(step / 8), start.y + 120 + 120 * Math.sin(step / 8), 1);
      } else if (elapsed < ms) {
        if (dragging) mouse(window, 'mouseup', start.x, start.y, 0);
        dragging = false;
        layer.dispatchEvent(new WheelEvent('wheel', { deltaY: step % 16 < 8 ? -60 : 60, clientX: centre.x, clientY: centre.y, bubbles: true, cancelable: true }));
      } else {
        const r = cy.renderer();
        const moved = { seconds: elapsed / 1000, redraws: (r.redrawCount ?? 0) - before.count, redrawMs: (r.redrawTotalTime ?? 0) - before.total };
        // Three forced redraws of the still view, once it has settled, averaged.
        const times: number[] = [];
        const redrawOnce = () => {
          const drawn = cy.renderer().redrawCount ?? 0;
          cy.forceRender();
          const settle = () => {
            if ((cy.renderer().redrawCount ?? 0) === drawn) return void requestAnimationFrame(settle);
            times.push(cy.renderer().lastRedrawTime ?? Number.NaN);
            if (times.length < 3) redrawOnce();
            else resolve({ ...moved, fullRedrawMs: times.reduce((a, b) => a + b, 0) / times.length });
          };
          requestAnimationFrame(settle);
        };
        setTimeout(redrawOnce, 600);
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
(window as unknown as { __benchInteract: typeof interact }).__benchInteract = interact;
const NONE: string[] = [];

function BenchPage() {
  const controllerRef = useRef<CanvasController | null>(null);
  useEffect(() => {
    const controller = controllerRef.current!;
    fetch(`/graph.json?elements=${params.get('elements') ?? '1000'}`)
      .then((reply) => reply.json() as Promise<{ graph: Graph; positions: Record<string, Position> }>)
      .then(({ graph, positions }) => {
        const adding = (state.loadedAtMs = performance.now());
        controller.add(graph, { positions, record: false });
        state.addMs = performance.now() - adding;
        // The bench reads Cytoscape's renderer through the page's read-only handle, as the e2e tests do.
        const cy = (window as unknown as { __threadlineCy: Core }).__threadlineCy;
        cy.fit(undefined, 30);
        state.elements = cy.elements().length;
        const renderer = () => (cy as unknown as { renderer(): Renderer }).renderer();
        const drawnBefore = renderer().redrawCount ?? 0;
        const wait = () => {
          if ((renderer().redrawCount ?? 0) > drawnBefore) {
            state.drawnAtMs = performance.now();
            state.gpuWebgl = webglAvailable();
            const edge = cy.edges()[0];
            state.applied = {
              webgl: !!renderer().webgl,
              hideEdgesOnViewport: !!renderer().hideEdgesOnViewport,
              edgeArrow: edge ? String(edge.style('target-arrow-shape')) : '',
              edgeLabel: edge ? String(edge.style('label')) : '',
            };
          } else requestAnimationFrame(wait);
        };
        requestAnimationFrame(wait);
      })
      .catch((err: Error) => {
        state.error = err.message;
      });
  }, []);
  return (
    <GraphCanvas
      controllerRef={controllerRef}
      filters={NO_FILTERS}
      sizeByDegree={false}
      selectedIds={NONE}
      onSelect={noop}
      onSummary={noop}
      onExpand={noop}
      onContextMenu={noop}
      renderer={choice}
      onViewMode={(mode) => {
        state.mode = mode;
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(<BenchPage />);

/**
 * The canvas bench page (npm run bench; never part of the app's bundle): the explorer's own GraphCanvas and
 * CanvasController, fed a synthetic view of `?elements=` elements with positions, drawn by `?renderer=`.
 * It reports on `window.__bench` when the first frame with the elements has been drawn: as the app does it, a view
 * of COMMUNITY_VIEW_NODES nodes or more is first drawn as its communities, once they have been found.
 */
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Core } from 'cytoscape';
import type { CanvasController } from '../../app/graph/canvas-controller';
import type { CanvasSummary } from '../../app/graph/canvas-summary';
import { NO_FILTERS } from '../../app/graph/filters';
import { GraphCanvas } from '../../app/graph/graph-canvas';
import { initialMode, webglAvailable, type RendererChoice } from '../../app/graph/level-of-detail';
import { meanFullRedraw, panThenZoom } from './drive-input';
import { loadView, publishBenchPage, type BenchPageState, type Interaction } from './page-state';

type Renderer = { redrawCount?: number; webgl?: boolean; hideEdgesOnViewport?: boolean; redrawTotalTime?: number; lastRedrawTime?: number };
const params = new URLSearchParams(location.search);
const choice = (params.get('renderer') ?? 'auto') as RendererChoice;
const state: BenchPageState = { mode: initialMode(choice) };
const noop = () => {};

/** The shared pan-then-zoom input (drive-input.ts), counted with Cytoscape's own redraw counter and timer. */
async function interact(ms: number): Promise<Interaction> {
  const container = document.querySelector('[data-testid="graph-canvas"]')!;
  const cy = (window as unknown as { __threadlineCy: { forceRender(): void; renderer(): Renderer } }).__threadlineCy;
  const before = { count: cy.renderer().redrawCount ?? 0, total: cy.renderer().redrawTotalTime ?? 0 };
  const seconds = await panThenZoom({ surface: container.querySelector('canvas') ?? container, moves: window, box: container.getBoundingClientRect() }, ms);
  const r = cy.renderer();
  const moved = { seconds, redraws: (r.redrawCount ?? 0) - before.count, redrawMs: (r.redrawTotalTime ?? 0) - before.total };
  const redrawOnce = () =>
    new Promise<number>((resolve) => {
      const drawn = cy.renderer().redrawCount ?? 0;
      cy.forceRender();
      const settle = () => {
        if ((cy.renderer().redrawCount ?? 0) === drawn) return void requestAnimationFrame(settle);
        resolve(cy.renderer().lastRedrawTime ?? Number.NaN);
      };
      requestAnimationFrame(settle);
    });
  return { ...moved, fullRedrawMs: await meanFullRedraw(redrawOnce) };
}
publishBenchPage(state, interact);
// Fetched as soon as the page's script runs, as the sigma page does, not once React has mounted the canvas; let go
// of once taken, so that the page holds the view only as the canvas does.
let view: ReturnType<typeof loadView> | null = loadView(state);
const NONE: string[] = [];
/** Resolved with the first summary of a canvas that draws what it will draw (no communities left to find). */
let settle: (summary: CanvasSummary) => void = () => {};
const settled = new Promise<CanvasSummary>((resolve) => (settle = resolve));

function BenchPage() {
  const controllerRef = useRef<CanvasController | null>(null);
  useEffect(() => {
    const controller = controllerRef.current!;
    const taken = view!;
    view = null;
    taken
      .then(({ graph, positions }) => {
        const adding = state.loadedAtMs!;
        controller.add(graph, { positions, record: false });
        return settled.then((summary) => ({ summary, adding }));
      })
      .then(({ summary, adding }) => {
        state.addMs = performance.now() - adding;
        // The bench reads Cytoscape's renderer through the page's read-only handle, as the e2e tests do.
        const cy = (window as unknown as { __threadlineCy: Core }).__threadlineCy;
        cy.fit(undefined, 30);
        state.elements = summary.nodeCount + summary.edgeCount;
        state.drawnElements = cy.elements().length;
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
      onSummary={(summary) => {
        if (!summary.grouping?.progress) settle(summary);
      }}
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

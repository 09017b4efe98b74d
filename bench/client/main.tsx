/**
 * The canvas bench page (npm run bench; never part of the app's bundle): the explorer's own GraphCanvas and
 * CanvasController, fed a synthetic view of `?elements=` elements with positions, drawn by `?renderer=`.
 * It reports on `window.__bench` when the first frame with the elements has been drawn.
 */
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Position } from 'cytoscape';
import type { CanvasController } from '../../app/graph/canvas-controller';
import { NO_FILTERS } from '../../app/graph/filters';
import { GraphCanvas } from '../../app/graph/graph-canvas';
import { initialMode, webglAvailable, type RendererChoice, type ViewMode } from '../../app/graph/level-of-detail';
import type { Graph } from '../../server/contract';

export interface BenchPageState {
  /** Milliseconds from navigation to the first frame drawn with the elements. */
  drawnAtMs?: number;
  elements?: number;
  mode?: ViewMode;
  /** Whether the browser has WebGL on a GPU (what the explorer's automatic choice goes by). */
  gpuWebgl?: boolean;
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
const NONE: string[] = [];

function BenchPage() {
  const controllerRef = useRef<CanvasController | null>(null);
  useEffect(() => {
    const controller = controllerRef.current!;
    fetch(`/graph.json?elements=${params.get('elements') ?? '1000'}`)
      .then((reply) => reply.json() as Promise<{ graph: Graph; positions: Record<string, Position> }>)
      .then(({ graph, positions }) => {
        const adding = performance.now();
        controller.add(graph, { positions, record: false });
        state.addMs = performance.now() - adding;
        const cy = controller.cy;
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
      onSelectionChange={noop}
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

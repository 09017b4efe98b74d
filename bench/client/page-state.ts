/**
 * What a bench page (the explorer's canvas in main.tsx, the sigma.js peer in sigma-page.ts) tells the bench
 * (bench/client-fps.ts): its state on `window.__bench`, and `window.__benchInteract(ms)` to move the view.
 */
import type { ViewMode } from '../../app/graph/level-of-detail';
import type { ClientView } from '../client-graph';

export interface BenchPageState {
  /** Milliseconds from navigation to the first frame drawn with the elements. */
  drawnAtMs?: number;
  elements?: number;
  /** The elements Cytoscape draws at first: fewer than `elements` when the view starts as communities. */
  drawnElements?: number;
  mode?: ViewMode;
  /** Whether the browser has WebGL on a GPU (what the explorer's automatic choice goes by). */
  gpuWebgl?: boolean;
  /** Milliseconds from navigation to the view's JSON being fetched and parsed. */
  loadedAtMs?: number;
  /** Milliseconds the renderer took to take the elements in (CanvasController.add and finding the communities; for sigma, graph and renderer). */
  addMs?: number;
  /** What the live renderer and style actually do, read back at the first draw. */
  applied?: { webgl: boolean; hideEdgesOnViewport: boolean; edgeArrow: string; edgeLabel: string };
  error?: string;
}

export interface Interaction {
  seconds: number;
  /** Frames the renderer drew during the interaction, and the time it spent drawing them. */
  redraws: number;
  redrawMs: number;
  /** One full redraw of the still view afterwards (what a person waits for once they stop moving). */
  fullRedrawMs: number;
}

export function publishBenchPage(state: BenchPageState, interact: (ms: number) => Promise<Interaction>): void {
  Object.assign(window, { __bench: state, __benchInteract: interact });
}

/** The synthetic view the bench serves for the page's `?elements=`; notes on `state` when it has been parsed. */
export async function loadView(state: BenchPageState): Promise<ClientView> {
  const reply = await fetch(`/graph.json?elements=${new URLSearchParams(location.search).get('elements') ?? '1000'}`);
  const view = (await reply.json()) as ClientView;
  state.loadedAtMs = performance.now();
  return view;
}

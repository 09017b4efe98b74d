/**
 * The canvas in headless Chromium: the bench page (bench/client, built by Vite apart from the app) draws the
 * explorer's GraphCanvas with N elements through a given renderer, and its peer page draws the same view with
 * sigma.js (client/sigma-page.ts), the renderer Gephi Lite uses. Measured per (N, renderer): time from
 * navigation to the first frame drawn with the elements, frames per second while a person pans (drag) and zooms
 * (wheel) — the renderer's own count of the frames it drew over the interaction's wall time, the same input driven
 * from inside the page once per animation frame (client/drive-input.ts) — and the page's JS heap (CDP).
 * The explorer's page does what the app does: a view of COMMUNITY_VIEW_NODES nodes or more is first drawn as its
 * communities (found in a worker, within first draw), while sigma draws every element.
 */
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import express from 'express';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import type { BenchPageState, Interaction } from './client/page-state.js';
import { LARGE_VIEW_ELEMENTS } from '../app/graph/level-of-detail.js';
import { clientView } from './client-graph.js';

const CLIENT_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client');
const PAGES = { index: path.join(CLIENT_ROOT, 'index.html'), sigma: path.join(CLIENT_ROOT, 'sigma.html') };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The explorer's two renderers, then the peer: sigma.js + graphology on their own page. */
export const RENDERERS = ['canvas', 'webgl', 'sigma'] as const;
export type Renderer = (typeof RENDERERS)[number];
export const PEER: Renderer = 'sigma';

export interface ClientRun {
  elements: number;
  /** What the renderer drew at first: all of `elements`, or a view's communities (the app's first view of a large one). */
  drawnElements: number;
  renderer: Renderer;
  /** Whether level of detail was on (large views): read back from the live style (no edge arrows). */
  levelOfDetail: boolean;
  /** Whether the live renderer draws with WebGL (sigma always does). */
  webglApplied: boolean;
  /** Time to fetch and parse the view's JSON, within firstDrawMs (includes loading the page). */
  loadedMs: number;
  /** Time CanvasController.add took, within firstDrawMs. */
  addMs: number;
  /** Whether this is the renderer the explorer itself picks for this size in this browser. */
  appChoice: boolean;
  firstDrawMs: number;
  fps: number;
  /** Mean time the renderer spent per redraw during the interaction (JavaScript's share: WebGL draws after). */
  redrawMs: number;
  /** One full redraw of the still view, after the interaction. */
  fullRedrawMs: number;
  /** The JS heap after a full garbage collection, once the view has been moved: what the page holds. */
  heapMb: number;
  /** The JS heap as it was just before that collection (what earlier runs reported), garbage included. */
  heapBeforeGcMb: number;
  /** Set when the page did not draw within the time allowed; the figures are then NaN. */
  error?: string;
}

export interface ClientOptions {
  sizes: number[];
  seed: number;
  /** Length of each of the pan and the zoom phases. */
  interactionMs?: number;
  drawTimeoutMs?: number;
  say?: (m: string) => void;
}

/** Builds the bench page into a temporary folder and serves it with the synthetic views. */
export async function serveBenchPage(seed: number, minify = true): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'threadline-bench-client-'));
  await build({ configFile: false, root: CLIENT_ROOT, plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true, minify, chunkSizeWarningLimit: 5000, rollupOptions: { input: PAGES } } });
  const app = express();
  const views = new Map<number, string>();
  app.get('/graph.json', (req, res) => {
    const elements = Math.max(10, Math.min(500_000, Number(req.query.elements) || 1000));
    if (!views.has(elements)) views.set(elements, JSON.stringify(clientView(elements, seed)));
    res.type('json').send(views.get(elements));
  });
  app.use(express.static(outDir));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless; WebGL 2 comes from SwiftShader (software) as there is no GPU. */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function measureOne(browser: Browser, url: string, elements: number, renderer: Renderer, options: ClientOptions): Promise<ClientRun> {
  const { interactionMs = 2500, drawTimeoutMs = 120_000 } = options;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(renderer === PEER ? `${url}/sigma.html?elements=${elements}` : `${url}/?elements=${elements}&renderer=${renderer}`);
    const handle = await page.waitForFunction(() => {
      const s = (window as unknown as { __bench?: BenchPageState }).__bench;
      return s && (s.drawnAtMs !== undefined || s.error) ? s : null;
    }, undefined, { timeout: drawTimeoutMs, polling: 50 });
    const state = (await handle.jsonValue()) as BenchPageState;
    if (state.error) throw new Error(state.error);
    const moved = await page.evaluate((ms) => (window as unknown as { __benchInteract(ms: number): Promise<Interaction> }).__benchInteract(ms), interactionMs * 2);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapUsed = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    // What the page holds: garbage not yet collected depends on when V8 last collected, and varied from 12 to 37 MB
    // for one page and view; read both, the figure compared after a full collection.
    const heapBeforeGc = await heapUsed();
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await heapUsed();
    return {
      elements: state.elements ?? elements,
      drawnElements: state.drawnElements ?? Number.NaN,
      renderer,
      levelOfDetail: renderer !== PEER && state.applied?.edgeArrow === 'none',
      webglApplied: state.applied?.webgl ?? false,
      loadedMs: state.loadedAtMs!,
      addMs: state.addMs!,
      // The explorer picks by what Cytoscape draws (a large view's communities, not all of it).
      appChoice: renderer === ((state.drawnElements ?? elements) >= LARGE_VIEW_ELEMENTS && state.gpuWebgl ? 'webgl' : 'canvas'),
      firstDrawMs: state.drawnAtMs!,
      fps: moved.redraws / moved.seconds,
      redrawMs: moved.redraws > 0 ? moved.redrawMs / moved.redraws : Number.NaN,
      fullRedrawMs: moved.fullRedrawMs,
      heapMb: heap / 2 ** 20,
      heapBeforeGcMb: heapBeforeGc / 2 ** 20,
    };
  } catch (err) {
    return { elements, drawnElements: Number.NaN, renderer, levelOfDetail: false, webglApplied: false, loadedMs: Number.NaN, addMs: Number.NaN, appChoice: false, firstDrawMs: Number.NaN, fps: Number.NaN, redrawMs: Number.NaN, fullRedrawMs: Number.NaN, heapMb: Number.NaN, heapBeforeGcMb: Number.NaN, error: (err as Error).message.split('\n')[0] };
  } finally {
    await page.close();
  }
}

export async function measureClient(options: ClientOptions): Promise<ClientRun[]> {
  const say = options.say ?? (() => {});
  const served = await serveBenchPage(options.seed);
  const browser = await launchBenchBrowser();
  const runs: ClientRun[] = [];
  try {
    for (const elements of options.sizes) {
      // The server makes each size's view on first request: made before any page is timed, none pays for it.
      await fetch(`${served.url}/graph.json?elements=${elements}`).then((reply) => reply.arrayBuffer());
      for (const renderer of RENDERERS) {
        const run = await measureOne(browser, served.url, elements, renderer, options);
        runs.push(run);
        say(`  ${elements} elements, ${renderer}${run.drawnElements < run.elements ? ` (communities first: ${run.drawnElements} drawn)` : ''}: ${run.error ?? `first draw ${run.firstDrawMs.toFixed(0)} ms, ${run.fps.toFixed(1)} fps, heap ${run.heapMb.toFixed(0)} MB`}`);
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return runs;
}

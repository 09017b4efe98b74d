/**
 * `npm run bench`, browser side, on tiny views: the canvas bench page draws the explorer's GraphCanvas through both
 * renderers, the peer page draws the same view with sigma.js, and every figure comes out positive and finite; the
 * initial bundle is sized and holds none of the bench's peer. Never a time limit.
 */
import { describe, expect, it } from 'vitest';
import { measureBundle } from '../../bench/bundle.js';
import { measureClient } from '../../bench/client-fps.js';
import { LARGE_VIEW_ELEMENTS } from '../../app/graph/level-of-detail.js';

describe('the canvas bench', () => {
  it('measures first draw, frames per second and heap for each renderer and the sigma peer, with level of detail on large views', async () => {
    const small = 400;
    const large = LARGE_VIEW_ELEMENTS + 200;
    const runs = await measureClient({ sizes: [small, large], seed: 5, interactionMs: 600 });
    // `elements` is what each page counts in its own graph: sigma's holds the whole view, as Cytoscape's does.
    expect(runs.map((r) => [r.elements, r.renderer])).toEqual([
      [small, 'canvas'],
      [small, 'webgl'],
      [small, 'sigma'],
      [large, 'canvas'],
      [large, 'webgl'],
      [large, 'sigma'],
    ]);
    for (const run of runs) {
      expect(run.error).toBeUndefined();
      for (const figure of [run.firstDrawMs, run.loadedMs, run.addMs, run.fps, run.redrawMs, run.fullRedrawMs, run.heapMb]) {
        expect(Number.isFinite(figure)).toBe(true);
        expect(figure).toBeGreaterThan(0);
      }
      // Read back from the live canvas: the renderer asked for draws, and large views lose their edge arrows.
      expect(run.webglApplied).toBe(run.renderer !== 'canvas');
      expect(run.levelOfDetail).toBe(run.elements === large && run.renderer !== 'sigma');
    }
    // One of the two renderers is the explorer's own choice at each size.
    expect(runs.filter((r) => r.appChoice)).toHaveLength(2);
  }, 300_000);

  it('sizes the JavaScript loaded before the first canvas', async () => {
    const bundle = await measureBundle();
    expect(bundle.initialGzipKb).toBeGreaterThan(50);
    expect(bundle.files.length).toBeGreaterThan(0);
    expect(bundle.files.every((f) => f.gzipKb > 0 && f.file.endsWith('.js'))).toBe(true);
    // The bench's peer renderer stays out of the app, eagerly or lazily loaded.
    expect(bundle.packages).toContain('cytoscape');
    expect(bundle.packages.filter((p) => p === 'sigma' || p === 'graphology')).toEqual([]);
  }, 300_000);
});

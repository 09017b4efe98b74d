/**
 * `npm run bench`, browser side, on tiny views: the canvas bench page draws the explorer's GraphCanvas through both
 * renderers and every figure comes out positive and finite; the initial bundle is sized. Never a time limit.
 */
import { describe, expect, it } from 'vitest';
import { measureBundle } from '../../bench/bundle.js';
import { measureClient } from '../../bench/client-fps.js';
import { LARGE_VIEW_ELEMENTS } from '../../app/graph/level-of-detail.js';

describe('the canvas bench', () => {
  it('measures first draw, frames per second and heap for each renderer, with level of detail on large views', async () => {
    const small = 400;
    const large = LARGE_VIEW_ELEMENTS + 200;
    const runs = await measureClient({ sizes: [small, large], seed: 5, interactionMs: 600 });
    expect(runs.map((r) => [r.elements, r.renderer])).toEqual([
      [small, 'canvas'],
      [small, 'webgl'],
      [large, 'canvas'],
      [large, 'webgl'],
    ]);
    for (const run of runs) {
      expect(run.error).toBeUndefined();
      for (const figure of [run.firstDrawMs, run.loadedMs, run.addMs, run.fps, run.redrawMs, run.fullRedrawMs, run.heapMb]) {
        expect(Number.isFinite(figure)).toBe(true);
        expect(figure).toBeGreaterThan(0);
      }
      // Read back from the live canvas: the renderer asked for draws, and large views lose their edge arrows.
      expect(run.webglApplied).toBe(run.renderer === 'webgl');
      expect(run.levelOfDetail).toBe(run.elements === large);
    }
    // One of the two renderers is the explorer's own choice at each size.
    expect(runs.filter((r) => r.appChoice)).toHaveLength(2);
  }, 300_000);

  it('sizes the JavaScript loaded before the first canvas', async () => {
    const bundle = await measureBundle();
    expect(bundle.initialGzipKb).toBeGreaterThan(50);
    expect(bundle.files.length).toBeGreaterThan(0);
    expect(bundle.files.every((f) => f.gzipKb > 0 && f.file.endsWith('.js'))).toBe(true);
  }, 300_000);
});

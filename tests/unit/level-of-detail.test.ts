import { describe, expect, it } from 'vitest';
import { initialMode, LARGE_VIEW_ELEMENTS, modeFor, renderOptions, SMALL_VIEW_ELEMENTS } from '../../app/graph/level-of-detail.js';
import { largeViewStylesheet, stylesheet } from '../../shared/style/stylesheet.js';

describe('modeFor', () => {
  const small = initialMode('auto');

  it('draws small views in full with the canvas renderer', () => {
    expect(modeFor(LARGE_VIEW_ELEMENTS - 1, small, 'auto', true)).toEqual({ large: false, webgl: false });
  });

  it('switches large views to level of detail, on WebGL when there is a GPU', () => {
    expect(modeFor(LARGE_VIEW_ELEMENTS, small, 'auto', true)).toEqual({ large: true, webgl: true });
    expect(modeFor(100_000, small, 'auto', false)).toEqual({ large: true, webgl: false });
  });

  it('comes back only well below the threshold, so a few changes do not flip it', () => {
    const large = modeFor(LARGE_VIEW_ELEMENTS, small, 'auto', true);
    expect(modeFor(LARGE_VIEW_ELEMENTS - 10, large, 'auto', true)).toEqual(large);
    expect(modeFor(SMALL_VIEW_ELEMENTS - 1, large, 'auto', true)).toEqual({ large: false, webgl: false });
  });

  it('keeps a forced renderer whatever the size', () => {
    expect(modeFor(10, small, 'webgl', false)).toEqual({ large: false, webgl: true });
    expect(modeFor(100_000, small, 'canvas', true)).toEqual({ large: true, webgl: false });
  });
});

describe('renderOptions', () => {
  it('hides edges while moving only for large views drawn by the canvas renderer', () => {
    expect(renderOptions({ large: true, webgl: false })).toMatchObject({ hideEdgesOnViewport: true, textureOnViewport: true, renderer: { name: 'canvas', webgl: false } });
    expect(renderOptions({ large: true, webgl: true })).toMatchObject({ hideEdgesOnViewport: false, renderer: { name: 'canvas', webgl: true } });
    expect(renderOptions({ large: false, webgl: false }).style).toBe(stylesheet);
  });

  it('puts selection and highlight rules after the large-view rules, so they still show', () => {
    const selectors = largeViewStylesheet.map((rule) => ('selector' in rule ? rule.selector : ''));
    const lastPlainEdge = selectors.lastIndexOf('edge');
    expect(lastPlainEdge).toBeGreaterThan(stylesheet.length - 1);
    expect(selectors.lastIndexOf('node:selected')).toBeGreaterThan(lastPlainEdge);
    expect(selectors.lastIndexOf('.hidden, .filtered')).toBeGreaterThan(lastPlainEdge);
  });
});

/**
 * How the canvas draws large views. Up to a few thousand elements it draws everything with Cytoscape's canvas
 * renderer. From LARGE_VIEW_ELEMENTS on it switches to level of detail (largeViewStylesheet: no edge labels or
 * arrows, names only when zoomed in) and, where the browser has WebGL 2, to Cytoscape's WebGL renderer
 * (Cytoscape 3.31+, `renderer: { name: 'canvas', webgl: true }`), which draws 100,000 elements where the canvas
 * renderer manages a few thousand. Without a GPU (no WebGL, or WebGL in software), the canvas renderer stays and
 * hides edges while the view moves.
 *
 * The renderer is chosen when Cytoscape's renderer is created, so a switch re-creates it with `cy.mount()`:
 * elements, positions, selection, viewport and event handlers live in `cy` and survive.
 */
import type { Core, CytoscapeOptions } from 'cytoscape';
import { largeViewStylesheet, stylesheet } from '../../shared/style/stylesheet';

/** From this many elements (nodes + edges) the canvas draws the large-view way... */
export const LARGE_VIEW_ELEMENTS = 5_000;
/** ...and back the full way below this many: a margin, so adding and removing a few does not flip it to and fro. */
export const SMALL_VIEW_ELEMENTS = 4_000;

/** `auto` picks by size; `canvas` and `webgl` force a renderer (the benchmark compares them). */
export type RendererChoice = 'auto' | 'canvas' | 'webgl';

export interface ViewMode {
  large: boolean;
  webgl: boolean;
}

export const INITIAL_MODE: ViewMode = { large: false, webgl: false };

/** The mode of an empty canvas. */
export const initialMode = (choice: RendererChoice): ViewMode => modeFor(0, INITIAL_MODE, choice, false);

/** The mode for a canvas holding `elements`, coming from `current`. Pure. */
export function modeFor(elements: number, current: ViewMode, choice: RendererChoice, webglAvailable: boolean): ViewMode {
  const large = current.large ? elements >= SMALL_VIEW_ELEMENTS : elements >= LARGE_VIEW_ELEMENTS;
  const webgl = choice === 'webgl' || (choice === 'auto' && large && webglAvailable);
  return { large, webgl };
}

/** Cytoscape's options that decide how it draws (`renderer` is missing from its type definitions). */
export type RenderOptions = Pick<CytoscapeOptions, 'style' | 'textureOnViewport' | 'hideEdgesOnViewport'> & { renderer: { name: 'canvas'; webgl: boolean } };

/** Cytoscape's rendering options for a mode. */
export function renderOptions(mode: ViewMode): RenderOptions {
  return {
    style: mode.large ? largeViewStylesheet : stylesheet,
    renderer: { name: 'canvas', webgl: mode.webgl },
    textureOnViewport: !mode.webgl,
    hideEdgesOnViewport: mode.large && !mode.webgl,
  };
}

let webgl2: boolean | undefined;
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * Whether this browser gives a WebGL 2 context that runs on a GPU (asked once, when a view first grows large).
 * Software WebGL (SwiftShader, llvmpipe) draws slower than the canvas renderer, so it does not count.
 */
export function webglAvailable(): boolean {
  if (webgl2 === undefined) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const name = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
      webgl2 = !!gl && !SOFTWARE_GL.test(name);
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      webgl2 = false;
    }
  }
  return webgl2;
}

/** Keeps the renderer and stylesheet of `cy` right for the number of elements it holds. */
export class LevelOfDetail {
  private current: ViewMode;

  constructor(
    private readonly cy: Core,
    private readonly choice: RendererChoice,
    private readonly onChange: (mode: ViewMode) => void = () => {},
  ) {
    this.current = initialMode(choice);
  }

  get mode(): ViewMode {
    return this.current;
  }

  /** Before `elements` are drawn: switches to the large-view mode first, so they are styled once, not twice. */
  grow(elements: number): void {
    if (!this.current.large && elements >= LARGE_VIEW_ELEMENTS) this.update(elements);
  }

  /** After a change: the mode for what the canvas now holds, either way. */
  update(elements: number): void {
    const before = this.current;
    const next = modeFor(elements, before, this.choice, this.choice === 'auto' && elements >= SMALL_VIEW_ELEMENTS && webglAvailable());
    if (next.large === before.large && next.webgl === before.webgl) return;
    const previous = renderOptions(before);
    const options = renderOptions(next);
    this.current = next;
    const container = this.cy.container();
    const rendererChanges = next.webgl !== before.webgl || previous.hideEdgesOnViewport !== options.hideEdgesOnViewport;
    if (container && rendererChanges) {
      // mount() re-creates the renderer from the options cy keeps (a copy of those it was created with; there is
      // no public way to change them), and applies their stylesheet.
      Object.assign((this.cy as unknown as { _private: { options: RenderOptions } })._private.options, options);
      this.cy.mount(container);
    } else {
      this.cy.style(options.style as never);
    }
    this.onChange(next);
  }
}

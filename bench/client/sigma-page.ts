/**
 * The peer on the canvas bench (issue 16): the same synthetic view as main.tsx, drawn by sigma.js + graphology (what
 * Gephi Lite uses) with their defaults, in the same browser at the same size, and told the same pan-then-zoom input.
 * What sigma allows of the explorer's large-view look (shared/style/stylesheet.ts): nodes 18 graph units wide in
 * their kind's colour, plain 1-unit edges of the same grey, sizes scaling with the zoom, names only where a node is
 * drawn large enough; sigma has one node shape, the circle. Sigma draws with WebGL and redraws the whole view on
 * every frame that moves.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { styleOf } from '../../shared/style/palette';
import type { ClientView } from '../client-graph';
import { meanFullRedraw, panThenZoom } from './drive-input';
import { loadView, publishBenchPage, type BenchPageState, type Interaction } from './page-state';

const NODE_RADIUS = 9;
/** The large view's #94a3b8 at 55 % opacity, over white: edges with any transparency came out invisible in sigma 3.0.3 here. */
const EDGE_COLOR = '#c4ccd8';

const state: BenchPageState = {};
/** Sigma's frames: how many it has drawn, and the time its render() took for them. */
const frames = { count: 0, totalMs: 0 };

function toGraphology({ graph, positions }: ClientView): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (const node of graph.nodes) {
    const name = node.properties.name;
    const { x, y } = positions[node.id]!;
    // Sigma's y axis points up, Cytoscape's down: flipped, the picture is the same.
    g.addNode(node.id, { x, y: -y, size: NODE_RADIUS, color: styleOf(node.labels).color, label: typeof name === 'string' ? name : node.id });
  }
  for (const edge of graph.edges) g.addEdgeWithKey(edge.id, edge.source, edge.target, { size: 1, color: EDGE_COLOR });
  return g;
}

function draw(view: ClientView): Sigma {
  const container = document.getElementById('root')!;
  const adding = performance.now();
  let began = 0;
  // Sizes in graph units that follow the zoom, as Cytoscape's; sigma fits the graph with a 30 px margin by default.
  const sigma = new Sigma(toGraphology(view), container, { itemSizesReference: 'positions', zoomToSizeRatioFunction: (ratio) => ratio });
  sigma.on('beforeRender', () => (began = performance.now()));
  sigma.on('afterRender', () => {
    frames.totalMs += performance.now() - began;
    frames.count++;
  });
  // The constructor draws the first frame; it shows once WebGL has drawn it, at the next animation frame.
  state.addMs = performance.now() - adding;
  state.elements = sigma.getGraph().order + sigma.getGraph().size;
  state.drawnElements = state.elements;
  waitForWebgl(sigma);
  requestAnimationFrame(() => {
    state.drawnAtMs = performance.now();
    state.applied = { webgl: true, hideEdgesOnViewport: sigma.getSetting('hideEdgesOnMove'), edgeArrow: 'none', edgeLabel: '' };
  });
  return sigma;
}

/** Reads one pixel of each WebGL layer, which waits for the GPU (here SwiftShader) to finish what it was sent. */
function waitForWebgl(sigma: Sigma): void {
  const pixel = new Uint8Array(4);
  for (const canvas of Object.values(sigma.getCanvases())) {
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  }
}

async function interact(sigma: Sigma, ms: number): Promise<Interaction> {
  // Sigma listens on its mouse layer, the topmost of the layers it stacks in the container.
  const surface = sigma.getMouseCaptor().container;
  const before = { ...frames };
  const seconds = await panThenZoom({ surface, moves: document, box: sigma.getContainer().getBoundingClientRect() }, ms);
  const moved = { seconds, redraws: frames.count - before.count, redrawMs: frames.totalMs - before.totalMs };
  // WebGL draws after render() returns: a full redraw counts until every layer's drawing is done.
  const redrawOnce = () =>
    new Promise<number>((resolve) => {
      let began = 0;
      sigma.once('beforeRender', () => (began = performance.now()));
      sigma.once('afterRender', () => {
        waitForWebgl(sigma);
        resolve(performance.now() - began);
      });
      sigma.scheduleRender();
    });
  return { ...moved, fullRedrawMs: await meanFullRedraw(redrawOnce) };
}

let sigma: Sigma | undefined;
publishBenchPage(state, (ms) => interact(sigma!, ms));
loadView(state)
  .then((view) => {
    sigma = draw(view);
  })
  .catch((err: Error) => {
    state.error = err.message;
  });

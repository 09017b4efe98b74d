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
/** Sigma's frames: how many it has drawn, the time spent drawing them, and the last one's. */
const frames = { count: 0, totalMs: 0, lastMs: 0 };

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
    frames.lastMs = performance.now() - began;
    frames.totalMs += frames.lastMs;
    frames.count++;
  });
  // The constructor draws the first frame; the next animation frame shows it.
  state.addMs = performance.now() - adding;
  state.elements = sigma.getGraph().order + sigma.getGraph().size;
  requestAnimationFrame(() => {
    state.drawnAtMs = performance.now();
    state.applied = { webgl: true, hideEdgesOnViewport: sigma.getSetting('hideEdgesOnMove'), edgeArrow: 'none', edgeLabel: '' };
  });
  return sigma;
}

async function interact(sigma: Sigma, ms: number): Promise<Interaction> {
  // Sigma listens on its mouse layer, the topmost of the layers it stacks in the container.
  const surface = sigma.getMouseCaptor().container;
  const before = { ...frames };
  const seconds = await panThenZoom({ surface, moves: document, box: sigma.getContainer().getBoundingClientRect() }, ms);
  const moved = { seconds, redraws: frames.count - before.count, redrawMs: frames.totalMs - before.totalMs };
  const redrawOnce = () =>
    new Promise<number>((resolve) => {
      sigma.once('afterRender', () => resolve(frames.lastMs));
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

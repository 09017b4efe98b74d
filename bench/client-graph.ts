/**
 * A view of `elements` elements for the canvas bench, in the wire model the API serves: a quarter nodes and three
 * quarters edges (the generator's shape, hubs included), with positions from a cheap layout (random in a disc,
 * then pulled twice towards the neighbours' mean), so hubs gather their neighbourhoods as a force layout would.
 */
import type { Position } from 'cytoscape';
import type { Graph, WireEdge, WireNode } from '../shared/contract/index.js';
import { SyntheticGraph } from './generator.js';
import { hash32, mulberry32 } from './prng.js';

export interface ClientView {
  graph: Graph;
  positions: Record<string, Position>;
}

export function clientView(elements: number, seed: number): ClientView {
  const synthetic = new SyntheticGraph({ nodes: Math.max(100, Math.round(elements / 4)), seed });
  const nodes: WireNode[] = [];
  for (const batch of synthetic.nodeBatches(10_000)) {
    for (const row of batch) nodes.push({ id: row.id, labels: ['Entity', ...row.labels], properties: { ...row.properties, text: undefined } });
  }
  const edges: WireEdge[] = [];
  const wanted = Math.max(0, elements - nodes.length);
  for (const batch of synthetic.edgeBatches(10_000)) {
    for (const e of batch.edges) if (edges.length < wanted) edges.push({ id: e.id, type: e.type, source: e.source, target: e.target, properties: e.properties });
    if (edges.length >= wanted) break;
  }
  return { graph: { nodes, edges }, positions: layout(nodes, edges, seed) };
}

function layout(nodes: WireNode[], edges: WireEdge[], seed: number): Record<string, Position> {
  const random = mulberry32(hash32(seed, 300));
  const radius = 40 * Math.sqrt(nodes.length);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const x = new Float64Array(nodes.length);
  const y = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const r = radius * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    x[i] = r * Math.cos(a);
    y[i] = r * Math.sin(a);
  }
  for (let round = 0; round < 2; round++) {
    const sx = new Float64Array(nodes.length);
    const sy = new Float64Array(nodes.length);
    const degree = new Float64Array(nodes.length);
    for (const e of edges) {
      const s = index.get(e.source)!;
      const t = index.get(e.target)!;
      sx[s]! += x[t]!;
      sy[s]! += y[t]!;
      sx[t]! += x[s]!;
      sy[t]! += y[s]!;
      degree[s]!++;
      degree[t]!++;
    }
    for (let i = 0; i < nodes.length; i++) {
      if (degree[i]! === 0 || degree[i]! > 50) continue;
      x[i] = 0.5 * x[i]! + (0.5 * sx[i]!) / degree[i]! + 30 * (random() - 0.5);
      y[i] = 0.5 * y[i]! + (0.5 * sy[i]!) / degree[i]! + 30 * (random() - 0.5);
    }
  }
  return Object.fromEntries(nodes.map((n, i) => [n.id, { x: x[i]!, y: y[i]! }]));
}

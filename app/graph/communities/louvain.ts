/**
 * Louvain community detection (Blondel et al. 2008) on plain typed arrays: move each node to the neighbouring
 * community that raises modularity most until no move helps, fold each community into one node, and repeat on the
 * folded graph until nothing folds. Written here rather than taken from graphology-communities-louvain so that a
 * 100,000-element view needs no graphology graph beside the view's own arrays, and so that it can report progress
 * after each level. Deterministic: nodes are visited in order and ties keep the first community found.
 */

/** An undirected weighted graph as edge lists; a pair may repeat (weights add up). */
interface LevelGraph {
  order: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

export interface LouvainProgress {
  level: number;
  communities: number;
}

/** Each node's community, numbered 0..k-1, for a graph of `order` nodes and edges `source[i]`–`target[i]`. */
export function louvain(order: number, source: Int32Array, target: Int32Array, onLevel: (p: LouvainProgress) => void = () => {}): Int32Array {
  const membership = Int32Array.from({ length: order }, (_, i) => i);
  let graph: LevelGraph = { order, source, target, weight: new Float64Array(source.length).fill(1) };
  for (let level = 1; ; level++) {
    const { community, count } = localMoves(graph);
    if (count === graph.order) break;
    for (let i = 0; i < order; i++) membership[i] = community[membership[i]!]!;
    graph = fold(graph, community, count);
    onLevel({ level, communities: count });
  }
  return membership;
}

/** Compressed adjacency of `graph` (self-loops apart), and each node's weighted degree. */
function adjacency(graph: LevelGraph) {
  const { order, source, target, weight } = graph;
  const offsets = new Int32Array(order + 1);
  const degree = new Float64Array(order);
  for (let e = 0; e < source.length; e++) {
    const [s, t, w] = [source[e]!, target[e]!, weight[e]!];
    degree[s]! += w;
    degree[t]! += w;
    if (s !== t) {
      offsets[s + 1]!++;
      offsets[t + 1]!++;
    }
  }
  for (let i = 0; i < order; i++) offsets[i + 1]! += offsets[i]!;
  const next = offsets.slice(0, order);
  const neighbour = new Int32Array(offsets[order]!);
  const neighbourWeight = new Float64Array(offsets[order]!);
  for (let e = 0; e < source.length; e++) {
    const [s, t, w] = [source[e]!, target[e]!, weight[e]!];
    if (s === t) continue;
    neighbour[next[s]!] = t;
    neighbourWeight[next[s]!++] = w;
    neighbour[next[t]!] = s;
    neighbourWeight[next[t]!++] = w;
  }
  return { offsets, neighbour, neighbourWeight, degree };
}

/** One level: local moves until none raises modularity; communities renumbered 0..count-1 in order of first member. */
function localMoves(graph: LevelGraph): { community: Int32Array; count: number } {
  const { offsets, neighbour, neighbourWeight, degree } = adjacency(graph);
  const n = graph.order;
  const twiceTotal = degree.reduce((a, b) => a + b, 0);
  const community = Int32Array.from({ length: n }, (_, i) => i);
  const total = Float64Array.from(degree);
  const linkTo = new Float64Array(n);
  const touched: number[] = [];
  for (let moved = true; moved && twiceTotal > 0; ) {
    moved = false;
    for (let i = 0; i < n; i++) {
      const own = community[i]!;
      touched.length = 0;
      touched.push(own);
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const c = community[neighbour[k]!]!;
        if (linkTo[c] === 0 && c !== own) touched.push(c);
        linkTo[c]! += neighbourWeight[k]!;
      }
      const ki = degree[i]!;
      total[own]! -= ki;
      let best = own;
      let bestGain = linkTo[own]! - (total[own]! * ki) / twiceTotal;
      for (const c of touched) {
        const gain = linkTo[c]! - (total[c]! * ki) / twiceTotal;
        if (gain > bestGain + 1e-12) [best, bestGain] = [c, gain];
        linkTo[c] = 0;
      }
      total[best]! += ki;
      if (best !== own) {
        community[i] = best;
        moved = true;
      }
    }
  }
  const number = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    if (number[c] === -1) number[c] = count++;
    community[i] = number[c]!;
  }
  return { community, count };
}

/** The graph of communities: one node each, edges between them summed, edges inside kept as self-loops. */
function fold(graph: LevelGraph, community: Int32Array, count: number): LevelGraph {
  const summed = new Map<number, number>();
  for (let e = 0; e < graph.source.length; e++) {
    const a = community[graph.source[e]!]!;
    const b = community[graph.target[e]!]!;
    const key = Math.min(a, b) * count + Math.max(a, b);
    summed.set(key, (summed.get(key) ?? 0) + graph.weight[e]!);
  }
  const source = new Int32Array(summed.size);
  const target = new Int32Array(summed.size);
  const weight = new Float64Array(summed.size);
  let e = 0;
  for (const [key, w] of summed) {
    source[e] = Math.floor(key / count);
    target[e] = key % count;
    weight[e++] = w;
  }
  return { order: count, source, target, weight };
}

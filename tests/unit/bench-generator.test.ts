/** The bench's synthetic graphs: deterministic, shaped like investigations, and valid data for the app. */
import { describe, expect, it } from 'vitest';
import { SyntheticGraph } from '../../bench/generator.js';
import { percentiles } from '../../bench/stats.js';
import { initialScripts } from '../../bench/bundle.js';
import { parseSize } from '../../bench/run.js';
import { EntityId } from '../../shared/contract/graph.js';

function collect(graph: SyntheticGraph) {
  const nodes = [...graph.nodeBatches(700)].flat();
  const batches = [...graph.edgeBatches(900)];
  return { nodes, edges: batches.flatMap((b) => b.edges), evidence: batches.flatMap((b) => b.evidence) };
}

describe('SyntheticGraph', () => {
  const graph = new SyntheticGraph({ nodes: 3000, seed: 7 });
  const { nodes, edges, evidence } = collect(graph);

  it('is the same graph for the same seed, and another for another seed', () => {
    const again = collect(new SyntheticGraph({ nodes: 3000, seed: 7 }));
    expect(again.edges.slice(0, 50)).toEqual(edges.slice(0, 50));
    expect(again.nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
    const other = collect(new SyntheticGraph({ nodes: 3000, seed: 8 }));
    expect(other.edges.slice(0, 50).map((e) => e.source)).not.toEqual(edges.slice(0, 50).map((e) => e.source));
  });

  it('has the requested size: n nodes with unique valid ids, about three relationships per node', () => {
    expect(nodes).toHaveLength(3000);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(3000);
    for (const node of nodes) expect(EntityId.safeParse(node.id).success, node.id).toBe(true);
    expect(edges).toHaveLength(9000);
    expect(new Set(edges.map((e) => e.id)).size).toBe(9000);
    for (const edge of edges) expect(edge.id).toMatch(/^rel:[a-z0-9][a-z0-9.-]*$/);
  });

  it('uses the seed kinds and relationship types, with every end a node of the graph', () => {
    const ids = new Set(nodes.map((n) => n.id));
    expect(new Set(nodes.flatMap((n) => n.labels))).toEqual(new Set(['Source', 'Person', 'Organization', 'Event', 'Statement', 'Group', 'Deal', 'Place', 'Facility', 'Law']));
    for (const edge of edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.type).toMatch(/^[A-Z][A-Z_]*$/);
      expect(graph.relationshipTypes()).toContain(edge.type);
    }
  });

  it('has hubs and a heavy tail: degrees far above the median', () => {
    const degree = new Map<string, number>();
    for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    for (const hub of graph.hubs) expect(degree.get(hub.id)).toBeGreaterThanOrEqual(hub.degree);
    const ordinary = [...degree].filter(([id]) => !graph.hubs.some((h) => h.id === id)).map(([, d]) => d).sort((a, b) => a - b);
    const median = ordinary[Math.floor(ordinary.length / 2)]!;
    expect(median).toBeLessThanOrEqual(6);
    expect(ordinary.at(-1)!).toBeGreaterThan(20 * median);
  });

  it('names hubs of 50,000 neighbours and more at a million nodes', () => {
    expect(new SyntheticGraph({ nodes: 1_000_000 }).hubs.map((h) => h.degree)).toEqual([60_000, 55_000, 50_000]);
  });

  it('backs every edge with evidence whose quote is verbatim in its source text, at its offsets', () => {
    const texts = new Map(nodes.filter((n) => n.labels.includes('Source')).map((n) => [n.id, n.properties.text as string]));
    // A quote drawn twice in different batches is one Evidence node: the importer merges its claims.
    const byId = new Map<string, (typeof evidence)[number]>();
    for (const e of evidence) byId.set(e.id, { ...e, claims: [...(byId.get(e.id)?.claims ?? []), ...e.claims] });
    for (const e of evidence) {
      expect(texts.get(e.sourceId)!.slice(e.start, e.end)).toBe(e.quote);
      expect(e.quote.length).toBeGreaterThanOrEqual(3);
      expect(e.id).toBe(`evidence:${e.sourceId.split(':')[1]}:${e.start}-${e.end}:${e.confidence}`);
    }
    for (const edge of edges) {
      const ids = edge.properties.evidence as string[];
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(byId.get(id)?.claims).toContain(edge.id);
      expect(edge.properties.confidence).toBe(byId.get(ids[0]!)!.confidence);
    }
  });

  it('draws searches from the names in the graph', () => {
    let state = 1;
    const random = () => ((state = (state * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 20; i++) expect(graph.searchQuery(random).length).toBeGreaterThanOrEqual(3);
  });
});

describe('bench helpers', () => {
  it('reads sizes as people write them', () => {
    expect([parseSize('10k'), parseSize('100K'), parseSize('1M'), parseSize('2000'), parseSize('1.5m')]).toEqual([10_000, 100_000, 1_000_000, 2000, 1_500_000]);
    expect(() => parseSize('ten')).toThrow(/not a size/);
  });

  it('takes percentiles by nearest rank', () => {
    const p = percentiles(Array.from({ length: 100 }, (_, i) => i + 1));
    expect([p.p50, p.p95, p.p99, p.n]).toEqual([50, 95, 99, 100]);
  });

  it('counts the entry script and its modulepreloads as the initial JavaScript, nothing else', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react-b.js"><link rel="stylesheet" href="/assets/index.css">
      <script src="/legacy.js"></script>`;
    expect(initialScripts(html)).toEqual(['/assets/index-a.js', '/assets/react-b.js']);
  });
});

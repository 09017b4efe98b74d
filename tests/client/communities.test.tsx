/** Grouping a large view into communities (app/graph/communities): Louvain, aggregation, opening and collapsing. */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { ALONE_ID, clusteringFrom, drawnGraph, type AggregateEdgeData } from '../../app/graph/communities/community-view';
import { detectCommunities } from '../../app/graph/communities/detect-communities';
import { GroupedView } from '../../app/graph/communities/grouped-view';
import { louvain } from '../../app/graph/communities/louvain';
import type { EdgeData, NodeData } from '../../app/graph/sync-elements';

const node = (id: string, kind = 'Person'): NodeData => ({ id, label: `Name ${id}`, kind });
const edge = (source: string, target: string, type = 'KNOWS'): EdgeData => ({ id: `${source}-${target}`, source, target, label: 'knows', type });

/** Cliques of `size` named a0.., b0.., joined in a chain by one edge from each clique's node 0 to the next's node 1. */
function cliques(names: string[], size: number): { nodes: NodeData[]; edges: EdgeData[] } {
  const nodes = names.flatMap((c) => Array.from({ length: size }, (_, i) => node(`${c}${i}`)));
  const edges = names.flatMap((c) => Array.from({ length: size }, (_, i) => Array.from({ length: i }, (_, j) => edge(`${c}${j}`, `${c}${i}`))).flat(2));
  names.slice(1).forEach((c, k) => edges.push(edge(`${names[k]}0`, `${c}1`, 'PAID')));
  return { nodes, edges };
}

function membershipOf(graph: { nodes: NodeData[]; edges: EdgeData[] }): Int32Array {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  return louvain(graph.nodes.length, Int32Array.from(graph.edges, (e) => index.get(e.source)!), Int32Array.from(graph.edges, (e) => index.get(e.target)!));
}

describe('louvain', () => {
  it('finds each clique of a chain of cliques as one community', () => {
    const graph = cliques(['a', 'b', 'c', 'd'], 6);
    const membership = [...membershipOf(graph)];
    const groups = ['a', 'b', 'c', 'd'].map((c) => new Set(graph.nodes.flatMap((n, i) => (n.id.startsWith(c) ? [membership[i]] : []))));
    expect(groups.map((g) => g.size)).toEqual([1, 1, 1, 1]);
    expect(new Set(groups.map((g) => [...g][0])).size).toBe(4);
  });

  it('leaves unconnected nodes alone, each in its own community, and reports each pass', () => {
    const passes: number[] = [];
    const membership = louvain(3, new Int32Array([0]), new Int32Array([1]), (p) => passes.push(p.communities));
    expect(membership[0]).toBe(membership[1]);
    expect(membership[2]).not.toBe(membership[0]);
    expect(passes).toEqual([2]);
  });
});

describe('communities drawn', () => {
  const graph = cliques(['a', 'b', 'c'], 4);
  // The hub of each clique: a0 and b0 link onwards, b1 and c1 take the links in; a0 has the most edges in "a".
  const clustering = clusteringFrom(graph.nodes, graph.edges, membershipOf(graph));

  it('names each community after its best-connected member, with its member count and kinds', () => {
    expect([...clustering.communities.values()].map((c) => [c.id, c.label, c.members.length, c.kinds])).toEqual([
      ['community:a0', 'Name a0 and 3 others', 4, ['Person']],
      ['community:b0', 'Name b0 and 3 others', 4, ['Person']],
      ['community:c1', 'Name c1 and 3 others', 4, ['Person']],
    ]);
    expect(clustering.communityOf.get('b3')).toBe('community:b0');
  });

  it('draws a closed community as one node and relationships between communities as one edge each, counted', () => {
    const extra = [edge('a2', 'b2', 'PAID'), edge('a3', 'b3', 'MET')];
    const drawn = drawnGraph(graph.nodes, [...graph.edges, ...extra], clustering, new Set());
    expect(drawn.nodes.map((n) => n.id)).toEqual(['community:a0', 'community:b0', 'community:c1']);
    const aggregates = drawn.edges as AggregateEdgeData[];
    expect(aggregates.map((e) => [e.id, e.source, e.target, e.count, e.types])).toEqual([
      ['aggregate:community:a0|community:b0', 'community:a0', 'community:b0', 3, ['MET', 'PAID']],
      ['aggregate:community:b0|community:c1', 'community:b0', 'community:c1', 1, ['PAID']],
    ]);
    expect(aggregates[0]!.width).toBeGreaterThan(aggregates[1]!.width);
  });

  it('draws an open community as its members, their edges among them as they are and to closed ones aggregated', () => {
    const drawn = drawnGraph(graph.nodes, graph.edges, clustering, new Set(['community:b0']));
    expect(drawn.nodes.map((n) => n.id)).toEqual(['b0', 'b1', 'b2', 'b3', 'community:a0', 'community:c1']);
    expect(drawn.edges.map((e) => e.id).sort()).toEqual(['aggregate:b0|community:c1', 'aggregate:b1|community:a0', 'b0-b1', 'b0-b2', 'b0-b3', 'b1-b2', 'b1-b3', 'b2-b3']);
  });
});

describe('a grouped view on the canvas', () => {
  const graph = cliques(['a', 'b', 'c'], 4);
  const snapshot = {
    nodes: graph.nodes.map((data, i) => ({ data, position: { x: 100 * i, y: 10 * i }, locked: false, hidden: false })),
    edges: graph.edges.map((data) => ({ data, hidden: false })),
  };

  function grouped() {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const view = new GroupedView(snapshot);
    view.setMembership(view.nodeList(), membershipOf(graph));
    view.applyTo(cy);
    return { cy, view };
  }
  const ids = (cy: cytoscape.Core) => cy.elements().map((e) => e.id()).sort();

  it('opens a community around its disc and collapses back to the same ids, members keeping where they were moved', () => {
    const { cy, view } = grouped();
    const closed = ids(cy);
    expect(closed).toEqual(['aggregate:community:a0|community:b0', 'aggregate:community:b0|community:c1', 'community:a0', 'community:b0', 'community:c1']);
    const at = (id: string) => cy.getElementById(id).position();
    const home = { ...at('community:a0') };
    const others = { b0: { ...at('community:b0') }, c1: { ...at('community:c1') } };
    expect(view.open(['a2'])).toBe(true);
    view.applyTo(cy);
    expect(cy.getElementById('community:a0').empty()).toBe(true);
    // The hub where the disc was, the others around it; the other communities moved away from it, never closer.
    expect(at('a0')).toEqual(home);
    for (const m of ['a1', 'a2', 'a3']) expect(Math.hypot(at(m).x - home.x, at(m).y - home.y)).toBeGreaterThan(30);
    const away = (p: { x: number; y: number }) => Math.hypot(p.x - home.x, p.y - home.y);
    expect(away(at('community:b0'))).toBeGreaterThan(away(others.b0));
    expect(away(at('community:c1'))).toBeGreaterThanOrEqual(away(others.c1));
    cy.getElementById('a2').position({ x: -5, y: -5 });
    view.collapse([]);
    view.applyTo(cy);
    expect(ids(cy)).toEqual(closed);
    // Closed again, every community is back home.
    expect(at('community:b0')).toEqual(others.b0);
    view.open(['community:a0']);
    view.applyTo(cy);
    expect(at('a2')).toEqual({ x: -5, y: -5 });
    expect(view.snapshot(cy).nodes).toHaveLength(12);
  });

  it('gathers the nodes left alone into one community that opens like the others', () => {
    const lone = [node('x'), node('y', 'Company')];
    const nodes = [...graph.nodes, ...lone];
    const membership = Int32Array.from([...membershipOf(graph), 90, 91]);
    const clustering = clusteringFrom(nodes, graph.edges, membership);
    expect(clustering.communities.get(ALONE_ID)).toMatchObject({ label: '2 nodes in no community', members: ['x', 'y'], kinds: ['Company', 'Person'] });
    expect(drawnGraph(nodes, graph.edges, clustering, new Set([ALONE_ID])).nodes.map((n) => n.id)).toContain('y');
    // Two together are a community of their own, named in the singular.
    expect(clusteringFrom(lone, [edge('x', 'y')], [7, 7]).communities.get('community:x')?.label).toBe('Name x and 1 other');
    // One node left alone is drawn as itself.
    expect(clusteringFrom(nodes.slice(0, -1), graph.edges, membership.slice(0, -1)).communities.has(ALONE_ID)).toBe(false);
  });

  it('removes and hides a community by removing or hiding its members', () => {
    const { cy, view } = grouped();
    view.setHidden(['community:c1'], true);
    view.applyTo(cy);
    expect(ids(cy)).toEqual(['aggregate:community:a0|community:b0', 'community:a0', 'community:b0']);
    // Its 4 members, the 6 edges among them and the one to "b".
    expect(view.counts()).toEqual({ open: 0, closed: 2, hidden: 11 });
    view.remove(['community:a0']);
    view.applyTo(cy);
    expect(ids(cy)).toEqual(['community:b0']);
    expect(view.nodeCount).toBe(8);
    // A member removed from a closed community: it is drawn with one member fewer.
    view.remove(['b3']);
    view.applyTo(cy);
    expect(cy.getElementById('community:b0').data()).toMatchObject({ label: 'Name b0 and 2 others', members: 3 });
  });
});

describe('detectCommunities', () => {
  it('numbers the communities of the nodes given, in their order (on this thread where there are no workers)', async () => {
    const graph = cliques(['a', 'b'], 5);
    const progress: number[] = [];
    const membership = await detectCommunities(graph.nodes, graph.edges, (p) => progress.push(p.level)).membership;
    expect([...membership]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('rejects when cancelled', async () => {
    const graph = cliques(['a', 'b'], 5);
    const detection = detectCommunities(graph.nodes, graph.edges, () => {});
    detection.cancel();
    await expect(detection.membership).rejects.toThrow(/cancelled/);
  });
});

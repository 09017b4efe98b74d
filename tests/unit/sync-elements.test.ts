import { describe, expect, it } from 'vitest';
import { diffElements } from '../../app/graph/sync-elements.js';
import type { Graph } from '../../shared/contract/index.js';
import { edgeLabel } from '../../shared/model/graph-model.js';
const node = (id: string, name = id) => ({ id, labels: ['Entity', 'Person'], properties: { name } });
const edge = (id: string, source: string, target: string) => ({ id, type: 'AGREED_TO', source, target, properties: {} });

describe('diffElements', () => {
  it('adds everything to an empty canvas, with readable labels and kinds', () => {
    const graph: Graph = { nodes: [node('a', 'Marco Rubio'), node('b')], edges: [edge('e', 'a', 'b')] };
    const diff = diffElements(new Set(), graph);
    expect(diff.addNodes).toEqual([
      { id: 'a', label: 'Marco Rubio', kind: 'Person', wire: graph.nodes[0] },
      { id: 'b', label: 'b', kind: 'Person', wire: graph.nodes[1] },
    ]);
    expect(diff.addEdges).toEqual([{ id: 'e', source: 'a', target: 'b', label: 'agreed to', type: 'AGREED_TO', wire: graph.edges[0] }]);
    expect(diff.remove).toEqual([]);
  });

  it('keeps what is drawn, adds what is new and removes what is gone', () => {
    const diff = diffElements(new Set(['a', 'b', 'e', 'old']), { nodes: [node('a'), node('b'), node('c')], edges: [edge('e', 'a', 'b')] });
    expect(diff.addNodes.map((n) => n.id)).toEqual(['c']);
    expect(diff.addEdges).toEqual([]);
    expect(diff.remove).toEqual(['old']);
  });

  it('never draws an edge whose end is missing', () => {
    const diff = diffElements(new Set(['dangling']), { nodes: [node('a')], edges: [edge('dangling', 'a', 'zzz')] });
    expect(diff.addEdges).toEqual([]);
    expect(diff.remove).toEqual(['dangling']);
  });
});

describe('element data', () => {
  it('carries the date and the confidence the filters and the timeline need', () => {
    const dated = { id: 'e2', type: 'INVOKED', source: 'a', target: 'b', properties: { date: '2025-03-15', confidence: 'fact' } };
    const diff = diffElements(new Set(), { nodes: [node('a'), node('b')], edges: [dated] });
    expect(diff.addEdges[0]).toMatchObject({ date: '2025-03-15', confidence: 'fact' });
  });
});

describe('edgeLabel', () => {
  it('reads a relationship type as a phrase', () => {
    expect(edgeLabel('HOLDS_POSITION_IN')).toBe('holds position in');
  });
});

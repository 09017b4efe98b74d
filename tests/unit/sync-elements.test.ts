import { describe, expect, it } from 'vitest';
import { additions } from '../../app/graph/sync-elements.js';
import type { Graph } from '../../shared/contract/index.js';
import { edgeLabel } from '../../shared/model/graph-model.js';
const node = (id: string, name = id) => ({ id, labels: ['Entity', 'Person'], properties: { name, role: 'Secretary of State' } });
const edge = (id: string, source: string, target: string) => ({ id, type: 'AGREED_TO', source, target, properties: { note: 'not drawn' } });

describe('additions', () => {
  it('draws everything on an empty canvas, with readable labels and kinds and nothing else of the wire element', () => {
    const graph: Graph = { nodes: [node('a', 'Marco Rubio'), node('b')], edges: [edge('e', 'a', 'b')] };
    const { addNodes, addEdges } = additions(new Set(), graph);
    expect(addNodes).toEqual([
      { id: 'a', label: 'Marco Rubio', kind: 'Person' },
      { id: 'b', label: 'b', kind: 'Person' },
    ]);
    expect(addEdges).toEqual([{ id: 'e', source: 'a', target: 'b', label: 'agreed to', type: 'AGREED_TO' }]);
  });

  it('adds only what is new, including an edge between two nodes already drawn', () => {
    const { addNodes, addEdges } = additions(new Set(['a', 'b']), { nodes: [node('a'), node('b'), node('c')], edges: [edge('e', 'a', 'b')] });
    expect(addNodes.map((n) => n.id)).toEqual(['c']);
    expect(addEdges.map((e) => e.id)).toEqual(['e']);
  });

  it('never draws an edge whose end is missing', () => {
    expect(additions(new Set(['a']), { nodes: [], edges: [edge('dangling', 'a', 'zzz')] }).addEdges).toEqual([]);
  });

  it('carries the date and the confidence the filters and the timeline need', () => {
    const dated = { id: 'e2', type: 'INVOKED', source: 'a', target: 'b', properties: { date: '2025-03-15', confidence: 'fact' } };
    const { addEdges } = additions(new Set(), { nodes: [node('a'), node('b')], edges: [dated] });
    expect(addEdges[0]).toMatchObject({ date: '2025-03-15', confidence: 'fact' });
  });
});

describe('edgeLabel', () => {
  it('reads a relationship type as a phrase', () => {
    expect(edgeLabel('HOLDS_POSITION_IN')).toBe('holds position in');
  });
});

import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../app/graph/filters.js';
import { decodeView, encodeView, followRedirects, snapshotFromView, type ViewState } from '../../app/graph/view-state.js';

const view: ViewState = {
  nodes: [
    { id: 'person:césar-lópez-larios', x: 10.4, y: -20.6, hidden: false, locked: true },
    { id: 'person:marco-rubio', x: 0, y: 0, hidden: true, locked: false },
  ],
  filters: { ...NO_FILTERS, hiddenTypes: ['TOLD'], dateRange: ['2025-03-13', '2025-03-15'] },
  selected: ['person:marco-rubio'],
};

describe('view state in the URL', () => {
  it('round-trips nodes, rounded positions, flags, filters and selection (unicode ids too)', () => {
    const decoded = decodeView(encodeView(view));
    expect(decoded).toEqual({
      ...view,
      nodes: [
        { id: 'person:césar-lópez-larios', x: 10, y: -21, hidden: false, locked: true },
        { id: 'person:marco-rubio', x: 0, y: 0, hidden: true, locked: false },
      ],
    });
  });

  it('follows merges: a merged id becomes the one it was merged into, once, keeping the first position', () => {
    const both: ViewState = { ...view, nodes: [...view.nodes, { id: 'person:rubio-dup', x: 5, y: 5, hidden: false, locked: false }], selected: ['person:rubio-dup', 'person:marco-rubio'] };
    const followed = followRedirects(both, { 'person:rubio-dup': 'person:marco-rubio', 'person:absent': 'person:other' });
    expect(followed.nodes.map((n) => [n.id, n.x])).toEqual([['person:césar-lópez-larios', 10.4], ['person:marco-rubio', 0]]);
    expect(followed.selected).toEqual(['person:marco-rubio']);
    expect(followRedirects(view, {})).toEqual(view);
  });

  it('is URL-safe', () => {
    expect(encodeView(view)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('opens the default view for a link it did not write', () => {
    expect(decodeView('not base64 !!')).toBeNull();
    expect(decodeView(btoa(JSON.stringify({ v: 2, n: [] })))).toBeNull();
    expect(decodeView(btoa('{"v":1,"n":[["ok",1,2,0],["bad","x",2,0]]}'))?.nodes.map((n) => n.id)).toEqual(['ok']);
  });
});

describe('snapshotFromView', () => {
  it('puts fetched nodes back where they were, with their flags, and hides edges of hidden nodes', () => {
    const graph = {
      nodes: [
        { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio' } },
        { id: 'person:césar-lópez-larios', labels: ['Entity', 'Person'], properties: { name: 'César López Larios' } },
      ],
      edges: [{ id: 'rel:x', type: 'TOLD', source: 'person:marco-rubio', target: 'person:césar-lópez-larios', properties: {} }],
    };
    const snapshot = snapshotFromView(view, graph);
    expect(snapshot.nodes.map((n) => [n.data.id, n.position, n.locked, n.hidden])).toEqual([
      ['person:marco-rubio', { x: 0, y: 0 }, false, true],
      ['person:césar-lópez-larios', { x: 10.4, y: -20.6 }, true, false],
    ]);
    expect(snapshot.edges.map((e) => [e.data.id, e.hidden])).toEqual([['rel:x', true]]);
  });
});

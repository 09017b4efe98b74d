import { describe, expect, it } from 'vitest';
import type { CanvasSnapshot } from '../../app/graph/canvas-controller';
import { vanished } from '../../app/reporting/canvas-refresh';
import type { SubgraphResult } from '../../shared/contract';

const drawn = {
  nodes: ['a', 'b', 'c', 'd'].map((id) => ({ data: { id } })),
  edges: [
    { data: { id: 'ab', source: 'a', target: 'b' } },
    { data: { id: 'ab-gone', source: 'a', target: 'b' } },
    { data: { id: 'bc', source: 'b', target: 'c' } },
  ],
} as unknown as CanvasSnapshot;
const reply = (edges: string[], missing: string[]): SubgraphResult =>
  ({ nodes: [], edges: edges.map((id) => ({ id, type: 'T', source: '', target: '', properties: {} })), missing, redirects: {} });

describe('what a revert left of the canvas', () => {
  it('names the missing nodes and the edges absent from the reply that asked both their ends, not those asked apart', () => {
    expect(vanished(drawn, [['a', 'b'], ['c', 'd']], [reply(['ab'], []), reply([], ['d'])])).toEqual(['d', 'ab-gone']);
  });
});

import { describe, expect, it } from 'vitest';
import type { ExportData } from '../../server/services/export/collect-subgraph.js';
import { writeGraphml } from '../../server/services/export/graphml.js';

async function text(body: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of body) out += chunk;
  return out;
}

describe('evidence carried on each element (GraphML, GEXF)', () => {
  it('keeps only the claims about that element, so one quote behind many edges does not grow the file with their square', async () => {
    const n = 2000;
    const quote = { id: 'evidence:s:0-5:fact', quote: 'knows', start: 0, end: 5, attribution: 'A', confidence: 'fact', sourceId: 'source:s', claims: Array.from({ length: n - 1 }, (_, i) => `rel:k-${i}`) };
    const data: ExportData = {
      title: 'Chain',
      exportedAt: '2025-03-16T00:00:00.000Z',
      selection: { kind: 'ids', ids: [] },
      nodes: Array.from({ length: n }, (_, i) => ({ id: `person:p-${i}`, labels: ['Person'], properties: { name: `P ${i}` } })),
      edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `rel:k-${i}`, type: 'KNOWS', source: `person:p-${i}`, target: `person:p-${i + 1}`, properties: { evidence: [quote.id], confidence: 'fact' } })),
      evidence: [quote],
      sources: [],
      positions: {},
      kinds: { node: new Map([['name', 'string']]), edge: new Map([['evidence', 'string[]'], ['confidence', 'string']]) },
      redirects: {},
    };
    const graphml = await text(writeGraphml(data));
    expect(graphml.length).toBeLessThan(n * 1200);
    const firstEdgeQuotes = /<edge id="rel:k-7"[\s\S]*?<data key="e_quotes">([^<]*)<\/data>/.exec(graphml)![1]!;
    expect(JSON.parse(firstEdgeQuotes.replace(/&quot;/g, '"'))).toEqual([{ ...quote, claims: ['rel:k-7'] }]);
  });
});

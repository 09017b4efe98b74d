import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSeed, readSeedFile } from '../../server/services/seed/prepare.js';

const seedFile = path.resolve('graph-seed/data/rubio-bukele.yaml');

describe('prepareSeed', () => {
  const prepared = prepareSeed([readSeedFile(seedFile)]);
  const text = prepared.nodes.find((n) => n.id === 'source:daily-beast-rubio-bukele-informants')?.properties.text as string;

  it('finds every quote at its offsets in the stored text', () => {
    expect(text.length).toBeGreaterThan(3000);
    for (const ev of prepared.evidence) {
      expect(text.slice(ev.start, ev.end)).toBe(ev.quote);
    }
  });

  it('gives evidence stable, readable ids and lists every claim it supports', () => {
    const ids = prepared.evidence.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ev of prepared.evidence) {
      expect(ev.id).toMatch(/^evidence:daily-beast-rubio-bukele-informants:\d+-\d+:[a-z-]+$/);
      expect(ev.claims.length).toBeGreaterThan(0);
    }
    const claimed = new Set(prepared.evidence.flatMap((e) => e.claims));
    for (const edge of prepared.edges) expect(claimed.has(edge.id), edge.id).toBe(true);
  });

  it('refuses an edge to a node no file declares', () => {
    const document = readSeedFile(seedFile);
    document.seed.edges[0] = { ...document.seed.edges[0]!, target: 'person:nobody' };
    expect(() => prepareSeed([document])).toThrow(/edges\[0\] \(.*\): unknown node person:nobody/);
  });
});

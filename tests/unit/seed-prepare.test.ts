import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPrepared } from '../../server/services/import/check-rows.js';
import { Problems } from '../../server/services/import/import-document.js';
import { didYouMean, nearestIds } from '../../server/services/import/near-ids.js';
import { mergeProperties } from '../../server/services/import/property-merge.js';
import { prepareSeed, readSeedFile, type SeedDocument } from '../../server/services/seed/prepare.js';
import { quoteHint } from '../../server/services/seed/quote-hint.js';

const seedFile = path.resolve('graph-seed/data/rubio-bukele.yaml');
const fixture = (name: string) => path.resolve('tests/fixtures/seeds', name);

function prepared(documents: SeedDocument[]) {
  const problems = new Problems();
  const rows = prepareSeed(documents, problems);
  return { rows, seed: toPrepared(rows), problems: problems.lines() };
}

describe('prepareSeed', () => {
  const { seed, problems } = prepared([readSeedFile(seedFile)]);
  const text = seed.nodes.find((n) => n.id === 'source:daily-beast-rubio-bukele-informants')?.properties.text as string;

  it('finds every quote at its offsets in the stored text', () => {
    expect(problems).toEqual([]);
    expect(text.length).toBeGreaterThan(3000);
    for (const ev of seed.evidence) {
      expect(text.slice(ev.start, ev.end)).toBe(ev.quote);
    }
  });

  it('gives evidence stable, readable ids and lists every claim it supports', () => {
    const ids = seed.evidence.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ev of seed.evidence) {
      expect(ev.id).toMatch(/^evidence:daily-beast-rubio-bukele-informants:\d+-\d+:[a-z-]+$/);
      expect(ev.claims.length).toBeGreaterThan(0);
    }
    const claimed = new Set(seed.evidence.flatMap((e) => e.claims));
    for (const edge of seed.edges) expect(claimed.has(edge.id), edge.id).toBe(true);
  });

  it('reports every problem of a file at once, with a hint for a quote that differs only in its quote marks', () => {
    const { problems: found } = prepared([readSeedFile(fixture('many-problems.yaml'))]);
    expect(found).toEqual([
      expect.stringMatching(
        /many-problems\.yaml: edges\[1\] \(rel:test-bukele-presents-himself\)\.evidence\[0\]: quote not found verbatim .*; the text has it at offset \d+ but for quote marks or whitespace: at offset \d+ the text has "’" \(U\+2019\) where the quote has "'" \(U\+0027\)$/,
      ),
    ]);
  });

  it('unites an edge two files give with the same type and ends, and refuses one id for two relationships, naming both files', () => {
    const first = readSeedFile(seedFile);
    const second = readSeedFile(fixture('follow-up-article.yaml'));
    const united = prepared([first, second]);
    expect(united.problems).toEqual([]);
    const demanded = united.rows.edges.get('rel:bukele-demanded-return-of-nine-leaders')!.row;
    expect(demanded.properties.evidence).toHaveLength(3);
    expect(demanded.properties.demand).toBe('return to El Salvador');
    expect(united.rows.nodes.get('person:marco-rubio')!.row.properties.aliases).toEqual(['Little Marco', 'Secretary Rubio']);

    second.seed.edges[0] = { ...second.seed.edges[0]!, type: 'INSISTED_ON' };
    expect(prepared([first, second]).problems).toEqual([
      expect.stringMatching(
        /follow-up-article\.yaml: edges\[0\] \(rel:bukele-demanded-return-of-nine-leaders\): rel:bukele-demanded-return-of-nine-leaders is person:nayib-bukele -\[DEMANDED\]-> group:nine-ms13-leaders at .*rubio-bukele\.yaml: edges\[\d+\] .* but person:nayib-bukele -\[INSISTED_ON\]-> group:nine-ms13-leaders here/,
      ),
    ]);
  });
});

describe('the hints', () => {
  it('suggests the nearest ids, and none when nothing is near', () => {
    const ids = ['person:pam-bondi', 'person:marco-rubio', 'person:nayib-bukele', 'org:pam-bondi-office'];
    expect(nearestIds('person:pamela-bondi', ids)).toEqual(['person:pam-bondi']);
    expect(didYouMean('person:pamela-bondi', ids)).toBe('; did you mean person:pam-bondi?');
    expect(didYouMean('person:nobody', ids)).toBe('');
  });

  it('finds a quote modulo whitespace and says where it differs', () => {
    expect(quoteHint('He said:\n  “no deal”.', 'said: "no deal"')).toBe(
      'the text has it at offset 3 but for quote marks or whitespace: at offset 8 the text has "\\n" (U+000A) where the quote has " " (U+0020)',
    );
    expect(quoteHint('He said no.', 'she said yes')).toBeNull();
  });
});

describe('mergeProperties', () => {
  it('unites lists, adds what is missing, agrees with equal values and reports a different scalar', () => {
    const merge = mergeProperties({ aliases: ['A'], image: 'old', name: 'N' }, { aliases: ['B', 'A'], image: 'new', name: 'N', country: 'X', count: null });
    expect(merge.merged).toEqual({ aliases: ['A', 'B'], image: 'old', name: 'N', country: 'X' });
    expect(merge.conflicts).toEqual([{ name: 'image', stored: 'old', incoming: 'new' }]);
    expect(mergeProperties({ name: 'N', aliases: ['A'] }, { name: 'N', aliases: ['A'] }).changed).toBe(false);
  });
});

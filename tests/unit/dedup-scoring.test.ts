import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs } from '../../server/services/dedup/blocking.js';
import type { DedupEntity } from '../../server/services/dedup/dedup-entity.js';
import { entityThatStays, findCandidates } from '../../server/services/dedup/find-candidates.js';
import { normaliseName } from '../../server/services/dedup/normalise-name.js';
import { scorePair } from '../../server/services/dedup/score-pair.js';

/** An entity of the donations fixture as deduplication reads it; only what a test names differs. */
function entity(id: string, name: string, more: Partial<DedupEntity> = {}): DedupEntity {
  const family = more.family ?? 'organisation';
  return {
    id, kind: family === 'person' ? 'Person' : 'Company', family, name, names: [name], identifiers: [], birthDates: [], countries: ['de'],
    addresses: [], legalForms: normaliseName(name).legalForms, weight: 1, imported: true, ...more,
  };
}
const person = (id: string, name: string, more: Partial<DedupEntity> = {}) => entity(id, name, { family: 'person', ...more });

describe('normaliseName', () => {
  it('drops honorifics and titles, transliterates ß and accents, keeps the identifying words in order', () => {
    expect(normaliseName('Frau Dr. Irene Nierstenhöfer')).toEqual({ tokens: ['irene', 'nierstenhofer'], legalForms: [] });
    expect(normaliseName('Dr.-Ing. E. h. Martin Herrenknecht').tokens).toEqual(['martin', 'herrenknecht']);
    expect(normaliseName('Schillerstraße 19').tokens).toEqual(['schillerstrasse', '19']);
  });

  it('reads an abbreviation with dots as one word, and sets legal forms and connectives apart', () => {
    expect(normaliseName('Märkischer Arbeitgeberverband e. V.')).toEqual({ tokens: ['markischer', 'arbeitgeberverband'], legalForms: ['ev'] });
    expect(normaliseName('B.A.B. MaxiPoster Werbetürme GmbH')).toEqual({ tokens: ['bab', 'maxiposter', 'werbeturme'], legalForms: ['gmbh'] });
    expect(normaliseName('Verband der Chemischen Industrie e.V.').tokens).toEqual(['verband', 'chemischen', 'industrie']);
    expect(normaliseName('Bankhaus Sal. Oppenheim Jr. & Cie KGaA').legalForms).toEqual(['cie', 'kgaa']);
  });

  it('keeps a name made only of such words whole', () => {
    expect(normaliseName('AG').tokens).toEqual(['ag']);
  });
});

describe('blocking', () => {
  it('keys a name by its identifying words of three letters or more, its sorted words and its identifiers, per kind family', () => {
    const keys = blockingKeys(entity('x', 'Dr. Ing. h. c. F. Porsche AG', { identifiers: ['registrationNumber:hrb5211'] }));
    expect(keys.sort()).toEqual(['organisation:id:registrationNumber:hrb5211', 'organisation:sorted:f porsche', 'organisation:word:porsche']);
  });

  it('pairs only entities that share a key and are of one family, each pair once', () => {
    const pairs = candidatePairs([
      person('p1', 'Frau Johanna Quandt'), person('p2', 'Johanna Quandt'), entity('c1', 'Johanna Quandt GmbH'), entity('c2', 'Porsche AG'),
    ]);
    expect(pairs.map(([a, b]) => `${a.id}+${b.id}`)).toEqual(['p1+p2']);
  });
});

describe('scorePair', () => {
  it('takes a name with titles off as the same name, more so at the same address', () => {
    const at = { addresses: ['tannenstrasse 1 61348 bad homburg'] };
    expect(scorePair(person('a', 'Frau Johanna Quandt', at), person('b', 'Johanna Quandt', at))).toEqual({ score: 0.98, reasons: ['same name but titles, legal forms or spelling', 'same address'] });
  });

  it('forgives a typo, and counts a first name missing as part of the name', () => {
    expect(scorePair(entity('a', 'Dr. Rath Health Programms B.V.'), entity('b', 'Dr. Rath Health Programs B.V.'))).toEqual({ score: 0.97, reasons: ['one letter off'] });
    expect(scorePair(person('a', 'Herr Prof. Dr. Hermann Schnabel'), person('b', 'Herr Prof. Dr. Schnabel'))).toEqual({ score: 0.73, reasons: ['part of the name'] });
  });

  it('tells bodies of other regions apart, and lowers other legal forms, countries and birth dates', () => {
    const at = { addresses: ['lofflerstrasse 27 70597 stuttgart'] };
    const oneBody = scorePair(entity('a', 'Verband der Metall- und Elektroindustrie Baden-Württemberg e.V.', at), entity('b', 'Verband der Metallindustrie Baden-Württemberg', at));
    const twoRegions = scorePair(entity('a', 'Verband der Bayerischen Metall- und Elektroindustrie e.V.'), entity('b', 'Verband der Metall- und Elektroindustrie Nordrhein-Westfalen e.V.'));
    expect(oneBody).toEqual({ score: 0.69, reasons: ['some words differ', 'same address'] });
    expect(twoRegions).toEqual({ score: 0.56, reasons: ['some words differ'] });
    expect(scorePair(entity('a', 'Allianz Deutschland AG'), entity('b', 'Allianz SE'))).toEqual({ score: 0.63, reasons: ['part of the name', 'different legal forms'] });
    expect(scorePair(entity('a', 'Matthias Rath Limited', { countries: ['gb'] }), entity('b', 'Matthias Rath GmbH')).reasons).toContain('different countries');
    const born = (d: string) => ({ birthDates: [d] });
    expect(scorePair(person('a', 'Michael May', born('1960')), person('b', 'Michael May', born('1960-04-02')))).toEqual({ score: 1, reasons: ['same name', 'same birth date'] });
    expect(scorePair(person('a', 'Michael May', born('1960')), person('b', 'Michael May', born('1971')))).toEqual({ score: 0.7, reasons: ['same name', 'different birth dates'] });
  });

  it('lifts a shared identifier over a weak name, and reads aliases', () => {
    const id = { identifiers: ['registrationNumber:hrb5211'] };
    expect(scorePair(entity('a', 'Porsche AG', id), entity('b', 'Porsche Holding', id))).toEqual({ score: 0.95, reasons: ['part of the name', 'same registrationNumber'] });
    expect(scorePair(entity('a', 'BMW AG', { names: ['BMW AG', 'Bayerische Motorenwerke AG'] }), entity('b', 'Bayerische Motorenwerke AG')).reasons).toEqual(['alias', 'same name']);
  });
});

describe('findCandidates and which entity stays', () => {
  it('keeps pairs from 0.5 best first', () => {
    const found = findCandidates([person('p1', 'Herr Michael Stoschek'), person('p2', 'Herr Michael May'), person('p3', 'Herr Prof. Dr. Schnabel'), person('p4', 'Hermann Schnabel')]);
    expect(found.map((c) => [c.a.id, c.b.id, c.score])).toEqual([['p3', 'p4', 0.73]]);
  });

  it('keeps the one with more relationships and quotes, then the one reporting made', () => {
    expect(entityThatStays(entity('a', 'X', { weight: 2 }), entity('b', 'X', { weight: 5 })).id).toBe('b');
    expect(entityThatStays(entity('a', 'X'), entity('b', 'X', { imported: false })).id).toBe('b');
    expect(entityThatStays(entity('b', 'X'), entity('a', 'X')).id).toBe('a');
  });
});

import { describe, expect, it } from 'vitest';
import { SearchResultSchema, type SearchResult } from '../../shared/contract/index.js';
import { type ErrorBody, useSeededApi } from '../support/explore-api.js';
import { getJson } from '../support/test-app.js';

const api = useSeededApi();

async function search(query: string): Promise<string[]> {
  const { status, body } = await getJson<SearchResult>(`${api.url}/search?${query}`);
  expect(status).toBe(200);
  SearchResultSchema.parse(body);
  return body.hits.map((h) => h.node.id);
}

describe('GET /api/search', () => {
  it('ranks the exact name first', async () => {
    expect((await search('q=Marco%20Rubio'))[0]).toBe('person:marco-rubio');
    expect((await search('q=rubio'))[0]).toBe('person:marco-rubio');
    expect((await search('q=Nayib%20Bukele'))[0]).toBe('person:nayib-bukele');
    expect((await search('q=cecot'))[0]).toBe('facility:cecot');
  });

  it('finds Nayib Bukele despite a typo', async () => {
    expect((await search('q=bukelle')).slice(0, 3)).toContain('person:nayib-bukele');
    expect((await search('q=nayb%20bukele'))[0]).toBe('person:nayib-bukele');
  });

  it('finds a partial word', async () => {
    expect((await search('q=bukel')).slice(0, 3)).toContain('person:nayib-bukele');
    expect((await search('q=lar'))).toContain('person:cesar-lopez-larios');
  });

  it('ignores accents: "lopez larios" finds César López Larios first', async () => {
    expect((await search('q=lopez%20larios'))[0]).toBe('person:cesar-lopez-larios');
    expect((await search('q=CESAR'))[0]).toBe('person:cesar-lopez-larios');
  });

  it('gives each hit a snippet and a score, best first', async () => {
    const { body } = await getJson<SearchResult>(`${api.url}/search?q=bukele`);
    const scores = body.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const bukele = body.hits.find((h) => h.node.id === 'person:nayib-bukele');
    expect(bukele?.snippet).toBe('President of El Salvador');
  });

  it('filters by label', async () => {
    const { body } = await getJson<SearchResult>(`${api.url}/search?q=bukele&labels=Event,Deal`);
    expect(body.hits.length).toBeGreaterThan(0);
    for (const hit of body.hits) expect(hit.node.labels.some((l) => l === 'Event' || l === 'Deal')).toBe(true);
    expect(body.hits.map((h) => h.node.id)).not.toContain('person:nayib-bukele');
  });

  it('returns at most `limit` hits', async () => {
    expect(await search('q=ms13&limit=2')).toHaveLength(2);
    expect((await search('q=ms13&limit=50')).length).toBeGreaterThan(2);
  });

  it('never returns evidence quotes or source texts as hits', async () => {
    // "deep betrayal" is in an Evidence quote and in the source text; only the Statement node carries it as content.
    const ids = await search('q=deep%20betrayal&limit=50');
    expect(ids.every((id) => !id.startsWith('evidence:'))).toBe(true);
  });

  it.each([
    ['q=', 'query.q'],
    ['q=%20%20', 'query.q'],
    ['', 'query.q'],
    [`q=${'x'.repeat(201)}`, 'query.q'],
    ['q=rubio&limit=0', 'query.limit'],
    ['q=rubio&limit=51', 'query.limit'],
    ['q=rubio&limit=ten', 'query.limit'],
    ['q=rubio&labels=person', 'query.labels.0'],
    ['q=rubio&labels=Person,Bad-Label', 'query.labels.1'],
  ])('answers 400 to ?%s, naming %s', async (query, where) => {
    const { status, body } = await getJson<ErrorBody>(`${api.url}/search?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details.map((d) => d.where)).toContain(where);
    expect(body.error.message).toContain(where);
  });
});

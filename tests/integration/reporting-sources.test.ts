/** The source library: adding sources from text, Markdown and HTML, listing them, and one source with its quotes and mentions. */
import { describe, expect, it } from 'vitest';
import type { WriteResult } from '../../shared/contract/index.js';
import type { SourceCreated, SourceDetails, SourceList } from '../../shared/contract/reporting.js';
import { words } from '../../server/services/reporting/fold.js';
import { SEED_SOURCE, useReportingApi } from '../support/reporting-api.js';

const { api } = useReportingApi();
const add = (body: object) => api<SourceCreated>('/sources', 'POST', body);
const text = async (id: string) => (await api<SourceDetails>(`/sources/${id}`)).body.text;

describe('adding sources', () => {
  it('stores HTML as its readable text only: no script, no handler, no markup', async () => {
    const html = `<html><head><title>Prison deal</title><script>globalThis.ran = true</script></head><body>
      <article><h1>Prison deal</h1><p>Rubio agreed to the <a href="https://example.com">deal</a>.</p>
      <img src="missing.png" onerror="globalThis.ran = true"><p>Bukele   got the gang leaders back.</p></article>
      <script>document.body.innerHTML = 'replaced'</script></body></html>`;
    const created = await add({ title: 'Prison deal', publisher: 'Example News', author: 'A. Writer', url: 'https://example.com/deal', publishedAt: '2025-04', format: 'html', content: html });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/sources/source:prison-deal');
    expect(created.body.source).toMatchObject({ id: 'source:prison-deal', title: 'Prison deal', publisher: 'Example News', author: 'A. Writer', publishedAt: '2025-04', addedBy: 'local', quotes: 0 });
    expect(created.body.change).toMatchObject({ kind: 'add-source', by: 'local', targets: ['source:prison-deal'] });
    const stored = await text('source:prison-deal');
    expect(stored).toContain('Rubio agreed to the deal.\n\nBukele got the gang leaders back.');
    expect(stored).not.toMatch(/ran|replaced|onerror|<|>/);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('stores Markdown without markup and text as given, with a free id for a title already taken', async () => {
    const markdown = await add({ title: 'Prison deal', format: 'markdown', content: '## Deal\r\n\r\nRubio **agreed**, said [the Post](https://example.com).' });
    expect(markdown.body.source.id).toBe('source:prison-deal-2');
    expect(await text('source:prison-deal-2')).toBe('Deal\n\nRubio agreed, said the Post.');
    const plain = await add({ title: 'Notes', content: 'Line one *as is*\r\nLine two' });
    expect(await text(plain.body.source.id)).toBe('Line one *as is*\nLine two');
  });

  it('refuses content with no readable text and bad fields, naming them', async () => {
    const empty = await add({ title: 'Empty', format: 'html', content: '<script>x()</script>' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ where: 'body.content', message: 'has no readable text' }]);
    const bad = await add({ title: '', content: 'x', url: 'javascript:alert(1)', publishedAt: '2025-13' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.where).sort()).toEqual(['body.publishedAt', 'body.title', 'body.url']);
  });
});

describe('the library', () => {
  it('lists sources newest first, filtered by words of title, publisher or author', async () => {
    const all = await api<SourceList>('/sources');
    expect(all.body.sources.slice(0, 3).map((s) => s.id)).toEqual(['source:notes', 'source:prison-deal-2', 'source:prison-deal']);
    expect(all.body.sources.map((s) => s.id)).toContain(SEED_SOURCE);
    const seed = all.body.sources.find((s) => s.id === SEED_SOURCE)!;
    expect(seed.quotes).toBeGreaterThan(50);
    expect((await api<SourceList>('/sources?q=example%20WRITER')).body.sources.map((s) => s.id)).toEqual(['source:prison-deal']);
    expect((await api<SourceList>('/sources?q=daily%20beast')).body.sources.map((s) => s.id)).toEqual([SEED_SOURCE]);
  });
});

describe('one source', () => {
  it('serves the seed source: text, its quotes in text order, what they support, and mentions of known names', async () => {
    const { status, body } = await api<SourceDetails>(`/sources/${SEED_SOURCE}`);
    expect(status).toBe(200);
    const starts = body.evidence.map((e) => e.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const e of body.evidence) expect(body.text.slice(e.start, e.end)).toBe(e.quote);
    expect(body.supports.edges.map((e) => e.id)).toContain('rel:bukele-president-of-el-salvador');
    const sources = body.supports.nodes.filter((n) => n.labels.includes('Source'));
    expect(sources.every((n) => !('text' in n.properties))).toBe(true);
    const bukele = body.mentions.filter((m) => m.nodeId === 'person:nayib-bukele');
    expect(bukele.length).toBeGreaterThan(0);
    // The words of the name, case and accents aside ("U.S." is found as the words U and S, without the last dot).
    for (const m of body.mentions) expect(words(body.text.slice(m.start, m.end))).toEqual(words(m.name));
    expect(body.mentions.map((m) => m.name)).toContain('Little Marco');
  });

  it('counts and lists a new quote, and 404s an unknown source', async () => {
    const claim = await api<WriteResult>('/claims', 'POST', { sourceId: 'source:notes', quote: 'Line two', start: 17, end: 25, attribution: 'me', confidence: 'fact', subject: 'person:marco-rubio', type: 'WROTE', object: 'person:nayib-bukele' });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    const notes = await api<SourceDetails>('/sources/source:notes');
    expect(notes.body.source.quotes).toBe(1);
    expect(notes.body.evidence.map((e) => e.id)).toEqual(['evidence:notes:17-25:fact']);
    expect(notes.body.supports.edges.map((e) => e.type)).toEqual(['WROTE']);
    expect((await api('/sources/source:nothing-here')).status).toBe(404);
  });
});

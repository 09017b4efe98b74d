/**
 * Publishing a story: the self-contained HTML export (viewers may export) and the public embed, which an anonymous
 * visitor can read with logins on while every declared API operation still refuses them.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_OPERATIONS } from '../../shared/contract/api-operations.js';
import type { ApiError, EdgeDetails, Story, StoryContent } from '../../shared/contract/index.js';
import { call, startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { useTestDatabases } from '../support/test-db.js';

const { db, loginDb } = useTestDatabases();
let server: AuthServer;
const tokens = { editor: '', viewer: '' };
const CALL_EDGE = 'rel:rubio-participated-in-march-13-call';
const SOURCE_URL = 'https://www.thedailybeast.com/little-marco-double-crosses-us-informants?a=1&b=2';
let quoteId = '';
let callEdge: EdgeDetails;
let publicStory: Story;
let privateStory: Story;

const api = <T>(who: keyof typeof tokens | null, path: string, method = 'GET', body?: unknown) =>
  call<T & ApiError>(`${server.url}${path}`, { method, body, token: who ? tokens[who] : undefined });

const content = (overrides: Partial<StoryContent>): StoryContent => ({
  title: 'The call <script>alert(1)</script>',
  summary: 'Who traded what.',
  elements: { nodes: ['person:marco-rubio', 'event:rubio-bukele-call-2025-03-13'], edges: [CALL_EDGE] },
  steps: [
    { id: 'step-1', title: 'Rubio & <b>friends</b>', caption: 'Rubio took the call [^rel:rubio-participated-in-march-13-call]. <img src=x onerror=alert(1)>', highlighted: ['person:marco-rubio'], camera: null, positions: { 'person:marco-rubio': { x: 0, y: 0 }, 'event:rubio-bukele-call-2025-03-13': { x: 200, y: 0 } } },
    { id: 'step-2', title: 'The quote', caption: `As *reported* [^${quoteId}], see [the story](https://example.org/a).`, highlighted: [CALL_EDGE], camera: { zoom: 1.2, center: { x: 100, y: 0 }, viewport: { width: 800, height: 600 } }, positions: null },
  ],
  ...overrides,
});

beforeAll(async () => {
  tokens.editor = await userWithToken(loginDb, 'editor', 'pub-editor');
  tokens.viewer = await userWithToken(loginDb, 'viewer', 'pub-viewer');
  server = await startAuthServer(db, loginDb);
  await db.write((tx) => tx.run('MATCH (s:Source {id: $id}) SET s.url = $url', { id: 'source:daily-beast-rubio-bukele-informants', url: SOURCE_URL }));
  callEdge = (await api<EdgeDetails>('viewer', `/api/edges/${CALL_EDGE}`)).body;
  quoteId = callEdge.evidence[0]!.id;
  publicStory = (await api<Story>('editor', '/api/stories', 'POST', content({ public: true }))).body;
  privateStory = (await api<Story>('editor', '/api/stories', 'POST', content({ title: 'Private' }))).body;
});
afterAll(async () => {
  await server?.close();
});

const parse = (html: string) => new JSDOM(html).window.document;

describe('story export', () => {
  it('gives a viewer one HTML file with every caption as escaped text, its footnotes and the sources', async () => {
    const reply = await api<string>('viewer', `/api/stories/${privateStory.id}/export.html`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename="threadline-private-\d{4}-\d{2}-\d{2}\.html"$/);
    expect(reply.body).toContain('Rubio took the call <sup class="footnote-ref">');
    expect(reply.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const doc = parse(reply.body);
    const steps = [...doc.querySelectorAll('#reading .step')];
    expect(steps.map((s) => s.querySelector('.caption')!.textContent)).toEqual(['Rubio took the call [1]. <img src=x onerror=alert(1)>', 'As reported [1], see the story.']);
    expect(steps[0]!.querySelector('h2')!.textContent).toBe('1 / 2 Rubio & <b>friends</b>');
    const note = steps[0]!.querySelector('#step-1-note-1')!;
    expect(note.querySelector('.reading')!.textContent).toBe(`Marco Rubio participated in ${String(callEdge.targetNode.properties.name)}`);
    expect(note.querySelector('blockquote')!.textContent).toBe('“the Rubio-Bukele phone call”');
    expect(note.querySelector('figcaption')!.textContent).toContain('The Daily Beast · Stated as fact · Little Marco Double-Crosses');
    expect(steps[1]!.querySelector('#step-2-note-1 blockquote')!.textContent).toBe('“the Rubio-Bukele phone call”');
    const sources = [...doc.querySelectorAll('.sources li')];
    expect(sources.map((s) => s.querySelector('strong')!.textContent)).toContain('Little Marco Double-Crosses U.S. Informants for Trump’s Prison Deal');
    expect([...doc.querySelectorAll('.sources a')].map((a) => a.getAttribute('href'))).toEqual([SOURCE_URL]);
  });

  it('answers 404 for an unknown story and 400 for a malformed id', async () => {
    expect((await api('viewer', '/api/stories/story:nope-000000/export.html')).status).toBe(404);
    expect((await api('viewer', '/api/stories/bad%20id/export.html')).body.error.details[0]).toMatchObject({ where: 'params.id' });
  });
});

describe('public embed', () => {
  it('serves a public story to anyone, framable from any site, with its data inline and no request to make', async () => {
    const reply = await api<string>(null, `/embed/stories/${publicStory.id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors \*/);
    expect(reply.headers.get('x-frame-options')).toBeNull();
    expect(reply.headers.get('set-cookie')).toBeNull();
    expect(reply.body).not.toMatch(/fetch\(|XMLHttpRequest|\/api\//);
    const doc = parse(reply.body);
    expect(doc.querySelector('h1')!.textContent).toBe('The call <script>alert(1)</script>');
    // Nothing loads from elsewhere; the only web addresses are links a reader may follow (sources and caption links).
    expect([...doc.querySelectorAll('[src]')].map((el) => el.getAttribute('src'))).toEqual([]);
    const external = [...doc.querySelectorAll('[href]')].filter((el) => /^https?:/i.test(el.getAttribute('href')!));
    expect(external.map((el) => el.tagName)).toEqual(external.map(() => 'A'));
    expect(external.map((el) => el.getAttribute('href')).sort()).toEqual(['https://example.org/a', SOURCE_URL]);
    expect(reply.body.match(/\b(?:src|href)\s*=\s*["']?https?:/gi)).toHaveLength(2);
  });

  it('answers 404 for a story that is not public, as for one that does not exist', async () => {
    const hidden = await api(null, `/embed/stories/${privateStory.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ error: { code: 'not_found', message: `No public story ${privateStory.id}`, details: [] } });
    expect((await api(null, '/embed/stories/story:nope-000000')).body).toEqual({ error: { code: 'not_found', message: 'No public story story:nope-000000', details: [] } });
    // Made private again, it is gone from the embed at once.
    const { id, version, createdAt: _c, createdBy: _b, author: _a, updatedAt: _u, ...rest } = publicStory;
    const saved = await api<Story>('editor', `/api/stories/${id}`, 'PUT', { ...rest, public: false, baseVersion: version });
    expect(saved.status).toBe(200);
    expect((await api(null, `/embed/stories/${id}`)).status).toBe(404);
    expect((await api<Story>('editor', `/api/stories/${id}`, 'PUT', { ...rest, public: true, baseVersion: version + 1 })).status).toBe(200);
    expect((await api(null, `/embed/stories/${id}`)).status).toBe(200);
  });

  it('leaves every declared API operation closed to the anonymous visitor, even about the public story', async () => {
    const open: string[] = [];
    const guarded = API_OPERATIONS.filter((op) => op.role !== 'public');
    expect(guarded.length).toBeGreaterThan(30);
    for (const op of guarded) {
      const path = op.path.replace(':id', encodeURIComponent(publicStory.id)).replace(':n', '1').replace(/:[A-Za-z]+/g, 'x');
      const { status } = await api(null, `/api${path}`, op.method.toUpperCase(), op.method === 'get' || op.method === 'delete' ? undefined : {});
      if (status !== 401) open.push(`${op.method.toUpperCase()} ${op.path}: ${status}`);
    }
    expect(open).toEqual([]);
  });
});

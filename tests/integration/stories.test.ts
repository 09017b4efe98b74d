import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, EdgeDetails, Story, StoryContent, StoryList, StoryVersionList } from '../../shared/contract/index.js';
import { call, startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { useTestDatabases } from '../support/test-db.js';

const { db, loginDb } = useTestDatabases();
let server: AuthServer;
const tokens = { editor: '', otherEditor: '', analyst: '', viewer: '' };

beforeAll(async () => {
  tokens.editor = await userWithToken(loginDb, 'editor', 'ana-editor');
  tokens.otherEditor = await userWithToken(loginDb, 'editor', 'bo-editor');
  tokens.analyst = await userWithToken(loginDb, 'analyst', 'cy-analyst');
  tokens.viewer = await userWithToken(loginDb, 'viewer', 'di-viewer');
  server = await startAuthServer(db, loginDb);
});
afterAll(async () => {
  await server?.close();
});

const api = <T>(who: keyof typeof tokens, path: string, method = 'GET', body?: unknown) =>
  call<T & ApiError>(`${server.url}/api${path}`, { method, body, token: tokens[who] });

const RUBIO = 'person:marco-rubio';
const CALL = 'event:rubio-bukele-call-2025-03-13';
const RUBIO_IN_CALL = 'rel:rubio-participated-in-march-13-call';

const story = (overrides: Partial<StoryContent> = {}): StoryContent => ({
  title: 'The March 13 call',
  summary: 'How one call traded informants for a prison.',
  elements: { nodes: [RUBIO, CALL], edges: [RUBIO_IN_CALL] },
  steps: [
    { id: 'step-1', title: 'Rubio', caption: 'Marco Rubio, **Secretary of State**.', highlighted: [RUBIO], camera: { zoom: 1.5, center: { x: 100, y: 50 }, viewport: { width: 800, height: 600 } }, positions: { [RUBIO]: { x: 0, y: 0 } } },
    { id: 'step-2', title: 'The call', caption: 'He took part in the call [^rel:rubio-participated-in-march-13-call].', highlighted: [RUBIO_IN_CALL, CALL], camera: null, positions: null },
  ],
  ...overrides,
});

describe('stories', () => {
  it('creates a story as version 1 by the logged-in editor, lists it and reads it back whole', async () => {
    const created = await api<Story>('editor', '/stories', 'POST', story());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...story(), version: 1, author: 'ana-editor', createdBy: 'ana-editor' });
    expect(created.body.id).toMatch(/^story:the-march-13-call-[0-9a-f]{6}$/);
    expect(created.headers.get('location')).toBe(`/api/stories/${created.body.id}`);

    const list = await api<StoryList>('viewer', '/stories');
    expect(list.body.stories.find((s) => s.id === created.body.id)).toMatchObject({ title: 'The March 13 call', version: 1, stepCount: 2, author: 'ana-editor' });
    const read = await api<Story>('analyst', `/stories/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  it('keeps every save as a version, reads and restores an old one as the newest, and refuses a stale save with who saved since', async () => {
    const { body: v1 } = await api<Story>('editor', '/stories', 'POST', story({ title: 'Versions' }));
    const saved = await api<Story>('editor', `/stories/${v1.id}`, 'PUT', { ...story({ title: 'Versions, retitled', steps: story().steps.slice(0, 1) }), baseVersion: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, title: 'Versions, retitled', createdBy: 'ana-editor' });
    expect(saved.body.steps).toHaveLength(1);

    // Bo edits version 2 and saves; Ana, still on version 2, is told who got there first.
    expect((await api('otherEditor', `/stories/${v1.id}`, 'PUT', { ...story({ title: 'Bo’s title' }), baseVersion: 2 })).status).toBe(200);
    const stale = await api('editor', `/stories/${v1.id}`, 'PUT', { ...story({ title: 'Ana’s title' }), baseVersion: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('bo-editor saved version 3');
    expect(stale.body.error.details[0]).toMatchObject({ where: 'body.baseVersion' });

    const versions = await api<StoryVersionList>('viewer', `/stories/${v1.id}/versions`);
    expect(versions.body.versions.map((v) => [v.version, v.author, v.title, v.stepCount])).toEqual([
      [3, 'bo-editor', 'Bo’s title', 2],
      [2, 'ana-editor', 'Versions, retitled', 1],
      [1, 'ana-editor', 'Versions', 2],
    ]);
    const old = await api<Story>('viewer', `/stories/${v1.id}/versions/1`);
    expect(old.body).toEqual(v1);
    expect((await api('viewer', `/stories/${v1.id}/versions/9`)).body.error.message).toContain('no version 9 (the latest is 3)');

    const restored = await api<Story>('editor', `/stories/${v1.id}/versions/1/restore`, 'POST', { baseVersion: 3 });
    expect(restored.body).toMatchObject({ version: 4, title: 'Versions', author: 'ana-editor', steps: v1.steps });
    expect((await api('editor', `/stories/${v1.id}/versions/2/restore`, 'POST', { baseVersion: 3 })).status).toBe(409);
  });

  it('lets exactly one of two simultaneous saves from the same version through', async () => {
    const { body } = await api<Story>('editor', '/stories', 'POST', story({ title: 'Race' }));
    const saves = await Promise.all(
      (['editor', 'otherEditor'] as const).map((who) => api<Story>(who, `/stories/${body.id}`, 'PUT', { ...story({ title: `Saved by ${who}` }), baseVersion: 1 })),
    );
    expect(saves.map((s) => s.status).sort()).toEqual([200, 409]);
    const versions = await api<StoryVersionList>('viewer', `/stories/${body.id}/versions`);
    expect(versions.body.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('names unknown element ids, highlights outside the story and citations of edges or quotes that do not exist', async () => {
    const bad = story({
      elements: { nodes: [RUBIO, CALL, 'person:nobody-at-all'], edges: [RUBIO_IN_CALL, 'rel:never-happened'] },
      steps: [
        { ...story().steps[0]!, highlighted: [RUBIO, 'person:nayib-bukele'], positions: { 'person:nayib-bukele': { x: 1, y: 1 } } },
        { ...story().steps[1]!, caption: 'See [^rel:made-up] and [^evidence:source:none:1-2:fact].' },
      ],
    });
    const reply = await api('editor', '/stories', 'POST', bad);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      { where: 'body.elements.nodes', message: 'nodes not in the graph: person:nobody-at-all' },
      { where: 'body.elements.edges', message: 'edges not in the graph: rel:never-happened' },
      { where: 'body.steps.0.highlighted', message: "not among the story's elements: person:nayib-bukele" },
      { where: 'body.steps.0.positions', message: "not among the story's nodes: person:nayib-bukele" },
      { where: 'body.steps.1.caption', message: 'cites edges not in the graph: rel:made-up' },
      { where: 'body.steps.1.caption', message: 'cites quotes not in the graph: evidence:source:none:1-2:fact' },
    ]);
  });

  it('accepts a citation of a real quote, and refuses oversized captions, bad step ids, unknown fields and an empty title with where', async () => {
    const edge = await api<EdgeDetails>('viewer', `/edges/${RUBIO_IN_CALL}`);
    const quote = edge.body.evidence[0]!.id;
    const cited = story({ steps: [{ ...story().steps[1]!, caption: `Reported [^${quote}].` }] });
    expect((await api('editor', '/stories', 'POST', cited)).status).toBe(201);

    const reply = await api('editor', '/stories', 'POST', {
      ...story({ title: ' ' }),
      steps: [{ ...story().steps[0]!, id: 'one', caption: 'x'.repeat(4001) }],
      author: 'someone-else',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d) => d.where).sort()).toEqual(['body', 'body.steps.0.caption', 'body.steps.0.id', 'body.title']);
  });

  it('lets editors write and delete, viewers and analysts only read', async () => {
    for (const who of ['viewer', 'analyst'] as const) expect((await api(who, '/stories', 'POST', story())).status).toBe(403);
    const { body } = await api<Story>('editor', '/stories', 'POST', story({ title: 'Short-lived' }));
    expect((await api('viewer', `/stories/${body.id}`, 'DELETE')).status).toBe(403);
    expect((await api('analyst', `/stories/${body.id}`, 'PUT', { ...story(), baseVersion: 1 })).status).toBe(403);
    expect((await api('editor', `/stories/${body.id}`, 'DELETE')).status).toBe(204);
    expect((await api('viewer', `/stories/${body.id}`)).status).toBe(404);
    expect((await api('viewer', `/stories/${body.id}/versions`)).status).toBe(404);
    expect((await api('editor', `/stories/${body.id}`, 'DELETE')).status).toBe(404);
  });

  it('keeps stories out of the knowledge graph', async () => {
    const search = await api<{ hits: { node: { id: string } }[] }>('viewer', '/search?q=march&limit=50');
    expect(search.body.hits.some((h) => h.node.id.startsWith('story:'))).toBe(false);
  });
});

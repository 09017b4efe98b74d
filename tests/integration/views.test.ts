import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedView, SavedViewList } from '../../shared/contract/index.js';
import type { Database } from '../../server/db/neo4j.js';
import { getJson, startTestServer, type TestServer } from '../support/test-app.js';
import { resetToSeed, testDb } from '../support/test-db.js';

let db: Database;
let server: TestServer;

const send = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
};

beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
  await db.driver.executeQuery('MATCH (v:_SavedView) DELETE v');
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('saved views', () => {
  it('saves a named view, lists it, opens it and deletes it', async () => {
    const created = await send('POST', '/api/views', { name: 'Rubio–Bukele deal', state: 'eyJ2IjoxfQ', nodeCount: 3 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'view:rubio-bukele-deal', name: 'Rubio–Bukele deal', state: 'eyJ2IjoxfQ', nodeCount: 3, author: 'local' });

    const list = await getJson<SavedViewList>(`${server.url}/api/views`);
    expect(list.body.views.map((v) => v.id)).toEqual(['view:rubio-bukele-deal']);
    expect(list.body.views[0]).not.toHaveProperty('state');

    const again = await send('POST', '/api/views', { name: 'Rubio–Bukele deal', state: 'eyJ2IjoyfQ', nodeCount: 4 });
    expect(again.status).toBe(200);
    const opened = await getJson<SavedView>(`${server.url}/api/views/view:rubio-bukele-deal`);
    expect(opened.body.state).toBe('eyJ2IjoyfQ');

    expect((await send('DELETE', '/api/views/view:rubio-bukele-deal')).status).toBe(204);
    expect((await getJson(`${server.url}/api/views/view:rubio-bukele-deal`)).status).toBe(404);
  });

  it('keeps views out of the knowledge graph', async () => {
    await send('POST', '/api/views', { name: 'Rubio', state: 'eyJ2IjoxfQ', nodeCount: 1 });
    const search = await getJson<{ hits: { node: { id: string } }[] }>(`${server.url}/api/search?q=rubio&limit=50`);
    expect(search.body.hits.map((h) => h.node.id)).not.toContain('view:rubio');
    const overview = await getJson<{ nodes: { id: string }[] }>(`${server.url}/api/graph/overview?limit=2000`);
    expect(overview.body.nodes.some((n) => n.id.startsWith('view:'))).toBe(false);
  });

  it('refuses a bad view with a 400 naming the field', async () => {
    const bad = await send('POST', '/api/views', { name: '', state: 'not base64!', nodeCount: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { where: string }) => d.where).sort()).toEqual(['body.name', 'body.nodeCount', 'body.state']);
    expect((await getJson(`${server.url}/api/views/nonsense`)).status).toBe(400);
  });
});

/** Saved queries and views record who is logged in as their author; a name sent in the request body is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, SavedQuery, SavedQueryHistory, SavedView } from '../../shared/contract/index.js';
import { call, startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { useTestDatabases } from '../support/test-db.js';

const { db, loginDb } = useTestDatabases();
let server: AuthServer;
let edna: string;
let eric: string;
const api = (path: string) => `${server.url}/api${path}`;

beforeAll(async () => {
  edna = await userWithToken(loginDb, 'editor', 'edna-author');
  eric = await userWithToken(loginDb, 'editor', 'eric-author');
  server = await startAuthServer(db, loginDb);
});

afterAll(async () => {
  await server?.close();
});

const query = { name: 'Authorship: Rubio', cypher: "MATCH (n:Entity {id: 'person:marco-rubio'}) RETURN n.name AS name" };

describe('saved queries', () => {
  it('refuse an author in the body of a create or a restore, with a 400 naming it', async () => {
    const created = await call<ApiError>(api('/queries'), { token: edna, body: { ...query, author: 'mallory' } });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toMatch(/author/);
    const first = await call<SavedQuery>(api('/queries'), { token: edna, body: query });
    const restored = await call<ApiError>(api(`/queries/${first.body.id}/restore`), { token: edna, body: { version: 1, author: 'mallory' } });
    expect(restored.status).toBe(400);
    expect(restored.body.error.message).toMatch(/author/);
    expect((await call(api(`/queries/${first.body.id}`), { token: edna, method: 'DELETE' })).status).toBe(204);
  });

  it('record the logged-in user on create, update and restore, whatever author an echoed update carries', async () => {
    const created = await call<SavedQuery>(api('/queries'), { token: edna, body: query });
    expect(created.status).toBe(201);
    expect(created.body.author).toBe('edna-author');

    const echoed = { ...created.body, description: 'Edited by Eric.', author: 'mallory' };
    const updated = await call<SavedQuery>(api(`/queries/${created.body.id}`), { token: eric, method: 'PUT', body: echoed });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, author: 'eric-author' });

    const restored = await call<SavedQuery>(api(`/queries/${created.body.id}/restore`), { token: edna, body: { version: 1 } });
    expect(restored.body).toMatchObject({ version: 3, author: 'edna-author' });
    const history = await call<SavedQueryHistory>(api(`/queries/${created.body.id}/history`), { token: edna });
    expect(history.body.versions.map((v) => v.author)).toEqual(['edna-author', 'eric-author', 'edna-author']);
  });
});

describe('saved views', () => {
  const view = { name: 'Authorship view', state: 'eyJ2IjoxfQ', nodeCount: 1 };

  it('record who saved them last', async () => {
    const created = await call<SavedView>(api('/views'), { token: edna, body: view });
    expect(created.status).toBe(201);
    expect(created.body.author).toBe('edna-author');
    const replaced = await call<SavedView>(api('/views'), { token: eric, body: { ...view, nodeCount: 2 } });
    expect(replaced.body.author).toBe('eric-author');
    const listed = await call<{ views: SavedView[] }>(api('/views'), { token: edna });
    expect(listed.body.views.find((v) => v.id === created.body.id)?.author).toBe('eric-author');
  });

  it('refuse an author in the body with a 400 naming it', async () => {
    const refused = await call<ApiError>(api('/views'), { token: edna, body: { ...view, author: 'mallory' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/author/);
  });
});

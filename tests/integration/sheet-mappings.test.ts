import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, SavedMapping, SavedMappingList, SheetImportSummary } from '../../shared/contract/index.js';
import { call, startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { DONATIONS_CSV, DONATIONS_MAPPING, postSheet } from '../support/sheet-api.js';
import { useTestDatabases } from '../support/test-db.js';

const { db, loginDb } = useTestDatabases();
let server: AuthServer;
const tokens = { editor: '', analyst: '', viewer: '' };

beforeAll(async () => {
  tokens.editor = await userWithToken(loginDb, 'editor', 'ana-editor');
  tokens.analyst = await userWithToken(loginDb, 'analyst', 'cy-analyst');
  tokens.viewer = await userWithToken(loginDb, 'viewer', 'di-viewer');
  server = await startAuthServer(db, loginDb);
});
afterAll(() => server?.close());

const api = <T>(who: keyof typeof tokens, path: string, method = 'GET', body?: unknown) => call<T & ApiError>(`${server.url}/api${path}`, { method, body, token: tokens[who] });

describe('saved spreadsheet mappings', () => {
  it('saves a mapping under an id, lists it, gives it back whole and replaces it on a second save', async () => {
    const created = await api<SavedMapping>('editor', '/import/mappings/party-donations', 'PUT', { name: 'Party donations', mapping: DONATIONS_MAPPING });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: 'party-donations', name: 'Party donations', author: 'ana-editor' });
    expect(created.body.mapping.nodes.map((n) => n.handle)).toEqual(['donor', 'party']);
    // Defaults are filled in: what is stored is what the import will use.
    expect(created.body.mapping.nodes[1]!.properties).toEqual([]);

    const renamed = await api<SavedMapping>('editor', '/import/mappings/party-donations', 'PUT', { name: 'Donations 2012', mapping: { ...DONATIONS_MAPPING, edges: [] } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.createdAt).toBe(created.body.createdAt);

    const list = await api<SavedMappingList>('viewer', '/import/mappings');
    expect(list.body.mappings.map((m) => [m.id, m.name, m.mapping.edges.length])).toEqual([['party-donations', 'Donations 2012', 0]]);
    const one = await api<SavedMapping>('analyst', '/import/mappings/party-donations');
    expect(one.body.name).toBe('Donations 2012');
  });

  it('refuses a mapping that does not check out, saying where', async () => {
    const reply = await api('editor', '/import/mappings/broken', 'PUT', { name: 'Broken', mapping: { nodes: [], edges: [{ source: { node: 'nobody' }, target: { node: 'party' }, type: { fixed: 'lower case' } }] } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d) => d.where)).toEqual(expect.arrayContaining(['body.mapping.edges.0.type.fixed', 'body.mapping.edges.0.source.node']));
  });

  it('lets only editors save, delete and import; viewers and analysts read the mappings', async () => {
    for (const who of ['viewer', 'analyst'] as const) {
      expect((await api(who, '/import/mappings/x', 'PUT', { name: 'X', mapping: DONATIONS_MAPPING })).status).toBe(403);
      expect((await api(who, '/import/mappings/party-donations', 'DELETE')).status).toBe(403);
      expect((await postSheet(`${server.url}/api`, 'preview', DONATIONS_CSV, { token: tokens[who] })).status).toBe(403);
      expect((await postSheet(`${server.url}/api`, 'import', DONATIONS_CSV, { mapping: DONATIONS_MAPPING, token: tokens[who] })).status).toBe(403);
    }
    const imported = await postSheet<SheetImportSummary>(`${server.url}/api`, 'import', DONATIONS_CSV, { mapping: DONATIONS_MAPPING, filename: 'donations.csv', token: tokens.editor });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  });

  it('deletes a mapping; a missing one is a 404', async () => {
    expect((await api('editor', '/import/mappings/party-donations', 'DELETE')).status).toBe(204);
    expect((await api('viewer', '/import/mappings/party-donations')).status).toBe(404);
    expect((await api('editor', '/import/mappings/party-donations', 'DELETE')).status).toBe(404);
    expect((await api('viewer', '/import/mappings/Not%20an%20id')).status).toBe(400);
  });
});

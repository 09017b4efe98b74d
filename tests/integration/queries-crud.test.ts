import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError, RunResult, SavedQuery, SavedQueryHistory, SavedQueryList, SearchResult } from '../../shared/contract/index.js';
import { ensureStarterQueries, readStarterQueries } from '../../server/services/queries/starter-queries.js';
import { useSeededQueryApi } from '../support/query-api.js';
import { counts } from '../support/test-db.js';

const api = useSeededQueryApi();

const rubioQuery = {
  name: 'Rubio’s relationships',
  description: 'Everything Marco Rubio is directly connected to.',
  cypher: 'MATCH (p:Person {id: $person})-[r]-(other) RETURN other.name AS other, type(r) AS type, r',
  parameters: [{ name: 'person', type: 'nodeId', default: 'person:marco-rubio', help: 'The person' }],
  tags: ['people', 'Rubio'],
};

describe('saved queries: create, read, update, history, restore, delete', () => {
  let created: SavedQuery;

  it('creates a query with an id from its name, version 1 and the declared parameters', async () => {
    const { status, body } = await api.call<SavedQuery>('POST', '/api/queries', rubioQuery);
    expect(status).toBe(201);
    created = body;
    expect(body).toMatchObject({
      id: 'rubio-s-relationships',
      name: 'Rubio’s relationships',
      version: 1,
      author: 'local',
      tags: ['people', 'Rubio'],
      parameters: [{ name: 'person', type: 'nodeId', required: false, default: 'person:marco-rubio', help: 'The person' }],
    });
    expect(Date.parse(body.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(body.updatedAt).toBe(body.createdAt);
  });

  it('refuses a second query with the same name, whatever its case', async () => {
    const { status, body } = await api.call<ApiError>('POST', '/api/queries', { ...rubioQuery, name: '  RUBIO’S RELATIONSHIPS ' });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/already exists \(id rubio-s-relationships\)/);
  });

  it('gives a new name with the same slug a free id; without logins the author is local', async () => {
    const { status, body } = await api.call<SavedQuery>('POST', '/api/queries', { name: 'Rubio’s relationships!', cypher: 'RETURN 1 AS one' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ id: 'rubio-s-relationships-2', author: 'local', parameters: [], tags: [], description: '' });
  });

  it('lists and searches by name, description and tag', async () => {
    const all = await api.call<SavedQueryList>('GET', '/api/queries');
    expect(all.body.queries.map((q) => q.id)).toEqual(['rubio-s-relationships', 'rubio-s-relationships-2']);
    const byDescription = await api.call<SavedQueryList>('GET', `/api/queries?q=${encodeURIComponent('DIRECTLY connected')}`);
    expect(byDescription.body.queries.map((q) => q.id)).toEqual(['rubio-s-relationships']);
    const byTagText = await api.call<SavedQueryList>('GET', '/api/queries?q=peop');
    expect(byTagText.body.queries.map((q) => q.id)).toEqual(['rubio-s-relationships']);
    const byTag = await api.call<SavedQueryList>('GET', '/api/queries?tag=rubio');
    expect(byTag.body.queries.map((q) => q.id)).toEqual(['rubio-s-relationships']);
    expect((await api.call<SavedQueryList>('GET', '/api/queries?q=nothing-like-this')).body.queries).toEqual([]);
  });

  it('reads one query, 404 for an unknown id, 400 for a malformed one', async () => {
    expect((await api.call<SavedQuery>('GET', '/api/queries/rubio-s-relationships')).body).toEqual(created);
    expect((await api.call('GET', '/api/queries/no-such-query')).status).toBe(404);
    expect((await api.call('GET', '/api/queries/Not%20An%20Id')).status).toBe(400);
  });

  it('updates as a new version, keeps the id on rename, and skips unchanged saves', async () => {
    const update = { ...rubioQuery, name: 'Rubio, one step out', cypher: `${rubioQuery.cypher} ORDER BY other`, baseVersion: 1 };
    const { status, body } = await api.call<SavedQuery>('PUT', '/api/queries/rubio-s-relationships', update);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'rubio-s-relationships', name: 'Rubio, one step out', version: 2, author: 'local', createdAt: created.createdAt });
    const again = await api.call<SavedQuery>('PUT', '/api/queries/rubio-s-relationships', { ...update, baseVersion: 2 });
    expect(again.body.version).toBe(2);
  });

  it('refuses an edit made on a stale version', async () => {
    const { status, body } = await api.call<ApiError>('PUT', '/api/queries/rubio-s-relationships', { ...rubioQuery, baseVersion: 1 });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/changed by local \(now version 2\)/);
  });

  it('keeps every version in the history, newest first', async () => {
    const { status, body } = await api.call<SavedQueryHistory>('GET', '/api/queries/rubio-s-relationships/history');
    expect(status).toBe(200);
    expect(body.versions.map((v) => [v.version, v.name, v.author])).toEqual([
      [2, 'Rubio, one step out', 'local'],
      [1, 'Rubio’s relationships', 'local'],
    ]);
    expect(body.versions[1]!.cypher).toBe(rubioQuery.cypher);
    expect(body.versions[1]!.parameters[0]).toMatchObject({ name: 'person', type: 'nodeId' });
  });

  it('restores an old version as a new one', async () => {
    const { status, body } = await api.call<SavedQuery>('POST', '/api/queries/rubio-s-relationships/restore', { version: 1 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 3, name: 'Rubio’s relationships', cypher: rubioQuery.cypher, author: 'local' });
    const history = await api.call<SavedQueryHistory>('GET', '/api/queries/rubio-s-relationships/history');
    expect(history.body.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await api.call('POST', '/api/queries/rubio-s-relationships/restore', { version: 9 })).status).toBe(404);
  });

  it('runs the saved query with its default parameter', async () => {
    const { status, body } = await api.call<RunResult>('POST', '/api/queries/rubio-s-relationships/run', {});
    expect(status).toBe(200);
    expect(body.rows.length).toBeGreaterThan(3);
    expect(body.graph.nodes.map((n) => n.id)).toContain('person:marco-rubio');
  });

  it('refuses to save what may not run: writes (403), syntax errors and undeclared parameters (400)', async () => {
    const write = await api.call<ApiError>('POST', '/api/queries', { name: 'Sneaky', cypher: 'MATCH (n) DETACH DELETE n' });
    expect(write.status).toBe(403);
    const syntax = await api.call<ApiError>('POST', '/api/queries', { name: 'Broken', cypher: 'MATCH (n)\nRETRUN n' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error.details[0]).toMatchObject({ where: 'cypher', line: 2, column: 1 });
    const undeclared = await api.call<ApiError>('POST', '/api/queries', { name: 'Loose', cypher: 'MATCH (n {id: $id}) RETURN n' });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.error.message).toMatch(/uses \$id, which is not declared/);
    const badDefault = await api.call<ApiError>('POST', '/api/queries', {
      name: 'Bad default',
      cypher: 'RETURN $n AS n',
      parameters: [{ name: 'n', type: 'integer', default: 'many' }],
    });
    expect(badDefault.status).toBe(400);
    const edit = await api.call<ApiError>('PUT', '/api/queries/rubio-s-relationships', { ...rubioQuery, cypher: 'CREATE (n:Hacked) RETURN n' });
    expect(edit.status).toBe(403);
    expect((await api.call<SavedQueryList>('GET', '/api/queries')).body.queries).toHaveLength(2);
  });

  it('keeps saved queries out of the graph: not entities, not in search, null in ad-hoc results', async () => {
    const seeded = await counts(api.db);
    const entities = await api.db.driver.executeQuery('MATCH (n:Entity) WHERE n.name = "Rubio’s relationships" OR n.id = "rubio-s-relationships" RETURN count(n) AS c');
    expect(entities.records[0]!.get('c')).toBe(0);
    const search = await api.call<SearchResult>('GET', `/api/search?q=${encodeURIComponent('one step out')}`);
    expect(search.body.hits.filter((h) => h.node.properties.name === 'Rubio’s relationships')).toEqual([]);
    const all = await api.call<RunResult>('POST', '/api/cypher', { query: 'MATCH (n) WHERE NOT n:Entity AND NOT n:Evidence RETURN n' });
    expect(all.status).toBe(200);
    expect(all.body.rows.length).toBeGreaterThan(0);
    expect(all.body.rows.every((r) => r.n === null)).toBe(true);
    expect(all.body.graph.nodes).toEqual([]);
    expect(await counts(api.db)).toEqual(seeded);
  });

  it('deletes a query and its history', async () => {
    expect((await api.call('DELETE', '/api/queries/rubio-s-relationships')).status).toBe(204);
    expect((await api.call('GET', '/api/queries/rubio-s-relationships')).status).toBe(404);
    expect((await api.call('GET', '/api/queries/rubio-s-relationships/history')).status).toBe(404);
    expect((await api.call('DELETE', '/api/queries/rubio-s-relationships')).status).toBe(404);
    const versions = await api.db.driver.executeQuery('MATCH (v:_SavedQueryVersion {queryId: "rubio-s-relationships"}) RETURN count(v) AS c');
    expect(versions.records[0]!.get('c')).toBe(0);
  });
});

describe('the starter library', () => {
  it('is loaded once, when missing, and leaves an edited starter as it is', async () => {
    const starters = readStarterQueries();
    expect(starters.length).toBeGreaterThanOrEqual(8);
    expect(await ensureStarterQueries(api.db)).toEqual(starters.map((s) => s.name));
    expect(await ensureStarterQueries(api.db)).toEqual([]);

    const id = 'who-investigated-whom';
    const current = (await api.call<SavedQuery>('GET', `/api/queries/${id}`)).body;
    expect(current.author).toBe('threadline');
    const edited = await api.call<SavedQuery>('PUT', `/api/queries/${id}`, { ...current, description: 'Our newsroom’s version.' });
    expect(edited.body.version).toBe(2);
    expect(await ensureStarterQueries(api.db)).toEqual([]);
    expect((await api.call<SavedQuery>('GET', `/api/queries/${id}`)).body.description).toBe('Our newsroom’s version.');

    await api.call('DELETE', `/api/queries/${id}`);
    expect(await ensureStarterQueries(api.db)).toEqual(['Who investigated whom']);
  });

  it('comes back cleanly after a query was deleted outside Threadline, leaving its versions', async () => {
    await api.db.driver.executeQuery("MATCH (q:_SavedQuery {id: 'statements-and-who-made-them'}) DETACH DELETE q");
    expect(await ensureStarterQueries(api.db)).toEqual(['Statements and who made them']);
    const history = await api.call<SavedQueryHistory>('GET', '/api/queries/statements-and-who-made-them/history');
    expect(history.body.versions.map((v) => v.version)).toEqual([1]);
  });

  it('skips a starter that may not run, tells why, and adds the others', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'threadline-starters-'));
    try {
      const yaml = [
        'version: 1',
        'queries:',
        '  - name: Wipe everything',
        '    cypher: MATCH (n) DETACH DELETE n',
        '  - name: Count the people',
        '    cypher: MATCH (p:Person) RETURN count(p) AS people',
      ].join('\n');
      await writeFile(path.join(dir, 'extra.yaml'), yaml);
      const skipped: string[] = [];
      expect(await ensureStarterQueries(api.db, { dir, onSkip: (m) => skipped.push(m) })).toEqual(['Count the people']);
      expect(skipped).toEqual([expect.stringMatching(/^Starter query "Wipe everything" was not added: This query would write/)]);
      await expect(ensureStarterQueries(api.db, { dir })).rejects.toThrow(/Wipe everything/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Health } from '../../shared/contract/index.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/db/local-neo4j.js';
import { connect } from '../../server/db/neo4j.js';
import { freePort } from '../../scripts/free-port.js';
import { getJson, startTestServer } from '../support/test-app.js';
import { testDb } from '../support/test-db.js';

describe('GET /api/health', () => {
  it('reports the connected Neo4j and its version', async () => {
    const db = testDb();
    const server = await startTestServer(db);
    try {
      const { status, body } = await getJson<Health>(`${server.url}/api/health`);
      expect(status).toBe(200);
      expect(body).toEqual({ status: 'ok', neo4j: { connected: true, version: expect.stringMatching(/^5\.26\.\d+$/), database: 'neo4j' } });
    } finally {
      await server.close();
      await db.close();
    }
  });

  describe('while its Neo4j stops and comes back', () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it('answers 503 degraded, then ok again without restarting the API', async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'threadline-health-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const port = await freePort();
      const options = { dataDir, host: '127.0.0.1', port, pageCacheMb: 64, heapMb: 512, password: 'health-test-password' };
      let neo4j: LocalNeo4j = await startLocalNeo4j(options);
      cleanups.push(() => neo4j.stop());
      const db = connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
      cleanups.push(() => db.close());
      const server = await startTestServer(db);
      cleanups.push(() => server.close());

      expect((await getJson<Health>(`${server.url}/api/health`)).status).toBe(200);

      await neo4j.stop();
      const down = await getJson<Health>(`${server.url}/api/health`);
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('degraded');
      expect(down.body.neo4j.connected).toBe(false);
      expect(down.body.neo4j.error).toEqual(expect.any(String));

      neo4j = await startLocalNeo4j(options);
      const up = await getJson<Health>(`${server.url}/api/health`);
      expect(up.status).toBe(200);
      expect(up.body.neo4j.connected).toBe(true);
    }, 180_000); // Neo4j starts twice: 60 s was too short on a loaded 2-core machine.
  });
});

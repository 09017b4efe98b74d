/** Starts one real Neo4j for a test project, with its login database, on free ports with a throw-away data folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../server/db/local-neo4j.js';
import { freePort } from '../../scripts/free-port.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
    /** The login database (users, sessions, API tokens), a DBMS of its own in the same launcher. */
    loginNeo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'threadline-test-'));
  const neo4j = await startLocalNeo4j({
    dataDir,
    host: '127.0.0.1',
    port: await freePort(),
    pageCacheMb: 128,
    heapMb: 768,
    password: 'threadline-test-password',
    login: { port: await freePort(), password: 'threadline-test-login-password' },
    onProgress: (m) => console.log(`[test neo4j:${project.name}] ${m}`),
  });
  project.provide('neo4j', { uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  const login = neo4j.login!;
  project.provide('loginNeo4j', { uri: login.uri, user: login.user, password: login.password });
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

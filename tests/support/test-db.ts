import { afterAll, beforeAll, inject } from 'vitest';
import { defaultSeedFiles, loadSeedFiles } from '../../server/services/seed/shipped-seeds.js';
import { connect, type Database } from '../../server/db/neo4j.js';

/** A driver on the test project's Neo4j. */
export function testDb(): Database {
  const { uri, user, password } = inject('neo4j');
  return connect({ uri, user, password });
}

/** A driver on the test project's login database. */
export function testLoginDb(): Database {
  const { uri, user, password } = inject('loginNeo4j');
  return connect({ uri, user, password });
}

/** Removes every user, session and API token. */
export async function clearLogins(loginDb: Database): Promise<void> {
  await loginDb.driver.executeQuery('MATCH (n) DETACH DELETE n');
}

export async function clearGraph(db: Database): Promise<void> {
  await db.driver.executeQuery('MATCH (n) DETACH DELETE n');
}

/** Empties the database and loads the shipped seed graph. */
export async function resetToSeed(db: Database): Promise<void> {
  await clearGraph(db);
  await loadSeedFiles(db, defaultSeedFiles());
}

export async function counts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const result = await db.driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');
  const record = result.records[0];
  return { nodes: record?.get('nodes') ?? 0, relationships: record?.get('relationships') ?? 0 };
}

/** A test file's two databases: the content graph reset to the seed and the login database emptied before its tests, both closed after. */
export function useTestDatabases(): { db: Database; loginDb: Database } {
  const db = testDb();
  const loginDb = testLoginDb();
  beforeAll(async () => {
    await resetToSeed(db);
    await clearLogins(loginDb);
  });
  afterAll(async () => {
    await db.close();
    await loginDb.close();
  });
  return { db, loginDb };
}

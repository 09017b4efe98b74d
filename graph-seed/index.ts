import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../server/db/neo4j.js';
import { ENTITY_LABEL, loadSeedFiles, type LoadSummary } from './load.js';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/** The seed files shipped with Threadline, in name order. */
export function defaultSeedFiles(): string[] {
  return readdirSync(DATA_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => path.join(DATA_DIR, f));
}

export async function isGraphEmpty(db: Database): Promise<boolean> {
  const result = await db.read((tx) => tx.run(`MATCH (n:${ENTITY_LABEL}) RETURN n LIMIT 1`));
  return result.records.length === 0;
}

/** Loads the shipped seed when the database holds no graph yet; returns null when it already does. */
export async function seedIfEmpty(db: Database, onProgress: (m: string) => void): Promise<LoadSummary | null> {
  if (!(await isGraphEmpty(db))) return null;
  onProgress('The database is empty: loading the seed graph...');
  return loadSeedFiles(db, defaultSeedFiles(), onProgress);
}

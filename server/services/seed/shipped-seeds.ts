import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../db/neo4j.js';
import { loadPrepared, type LoadSummary } from '../../db/graph-writer.js';
import { prepareSeed, readSeedFile } from './prepare.js';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../graph-seed/data');

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

/** Ids among `ids` that already exist in the database (so a new file may link to them). */
async function existingIds(db: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await db.read((tx) => tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n.id AS id`, { ids }));
  return new Set(found.records.map((r) => r.get('id') as string));
}

export async function loadSeedFiles(db: Database, files: string[], onProgress: (m: string) => void = () => {}): Promise<LoadSummary> {
  const documents = files.map(readSeedFile);
  const referenced = documents.flatMap((d) => d.seed.edges.flatMap((e) => [e.source, e.target]));
  const prepared = prepareSeed(documents, await existingIds(db, [...new Set(referenced)]));
  return loadPrepared(db, prepared, onProgress);
}

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../db/neo4j.js';
import { loadPrepared, type LoadSummary } from '../../db/graph-writer.js';
import type { Changes } from '../import/changes.js';
import { checkReferences } from '../import/check-references.js';
import { toPrepared } from '../import/check-rows.js';
import { Problems } from '../import/import-document.js';
import { prepareSeed, readSeedFile, SeedError, type SeedDocument } from './prepare.js';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../graph-seed/data');

/** The seed files shipped with Threadline, in name order. */
export function defaultSeedFiles(): string[] {
  return readdirSync(DATA_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => path.join(DATA_DIR, f));
}

/** Whether the database holds anything at all, and whether it holds a graph (an Entity): one round trip. */
async function storedContent(db: Database): Promise<{ anything: boolean; graph: boolean }> {
  const result = await db.read((tx) => tx.run(`RETURN EXISTS { MATCH (n) } AS anything, EXISTS { MATCH (:${ENTITY_LABEL}) } AS graph`));
  return { anything: Boolean(result.records[0]?.get('anything')), graph: Boolean(result.records[0]?.get('graph')) };
}

/** Loads the shipped seed when the database holds no graph yet; returns null when it already does. */
export async function seedIfEmpty(db: Database, onProgress: (m: string) => void): Promise<SeedLoad | null> {
  const stored = await storedContent(db);
  if (stored.graph) return null;
  onProgress('The database is empty: loading the seed graph...');
  return loadSeedFiles(db, defaultSeedFiles(), { onProgress, databaseEmpty: !stored.anything });
}

export interface SeedOptions {
  /** Check everything, against the database too, and write nothing (`npm run seed -- --check`). */
  check?: boolean;
  onProgress?: (message: string) => void;
  /** How the checked rows are written: one transaction unless told otherwise (the offline importer, for a first load). */
  write?: typeof loadPrepared;
  /**
   * The caller has just found the database holding nothing (seedIfEmpty): the checks have nothing to read back from it.
   * On a first start each of those reads is a statement planned on a cold server.
   */
  databaseEmpty?: boolean;
}

/** The rows written (or, with `check`, that would be), what they create, merge or find unchanged, and whether anything was written. */
export interface SeedLoad extends LoadSummary { changes: Changes; written: boolean }

/**
 * Loads seed files together (they may cite each other's nodes and add quotes to each other's relationships) after
 * the same checks against the database as an import. Every problem found is reported at once in one SeedError;
 * nothing is written unless there are none.
 */
export async function loadSeedFiles(db: Database, files: string[], options: SeedOptions = {}): Promise<SeedLoad> {
  const started = Date.now();
  const problems = new Problems();
  const rows = prepareSeed(readAll(files), problems);
  const { changes } = await checkReferences(db, rows, problems, 'refuse', options.databaseEmpty);
  if (!problems.empty) throw new SeedError(`Refused (nothing was written):\n  ${problems.lines().join('\n  ')}`);
  const prepared = toPrepared(rows);
  if (options.check) return { nodes: prepared.nodes.length, edges: prepared.edges.length, evidence: prepared.evidence.length, ms: Date.now() - started, changes, written: false };
  const summary = await (options.write ?? loadPrepared)(db, prepared, options.onProgress);
  return { ...summary, ms: Date.now() - started, changes, written: true };
}

/** Every file read and validated; the ones that cannot be are all named at once. */
function readAll(files: string[]): SeedDocument[] {
  const documents: SeedDocument[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      documents.push(readSeedFile(file));
    } catch (err) {
      if (!(err instanceof SeedError)) throw err;
      errors.push(err.message);
    }
  }
  if (errors.length) throw new SeedError(errors.join('\n'));
  return documents;
}

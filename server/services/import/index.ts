/**
 * POST /api/import and `npm run seed -- file`: read the file (format given or found from its first bytes), check
 * every row and reference, then either say what would change (preview) or write it all with the seed loader,
 * in one transaction. Nothing is written unless everything checks out.
 */
import type { ImportFormat, ImportSummary } from '../../../shared/contract/export.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { loadPrepared, MissingEndsError } from '../../db/graph-writer.js';
import type { PreparedSeed } from '../../db/graph-writer.js';
import type { Changes } from './changes.js';
import { checkReferences } from './check-references.js';
import { checkRows, toPrepared } from './check-rows.js';
import { parseCsvZip } from './csv.js';
import { parseGraphml } from './graphml.js';
import { Problems, type ImportDocument } from './import-document.js';
import { parseThreadlineJson } from './json.js';

/** The format of a file from its first bytes: a zip, XML (GraphML) or JSON. */
export function sniffFormat(bytes: Uint8Array): ImportFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'csv';
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'graphml';
  if (head.startsWith('{')) return 'json';
  return null;
}

export function parseImport(bytes: Uint8Array, format: ImportFormat): ImportDocument {
  if (format === 'csv') return parseCsvZip(bytes);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return format === 'graphml' ? parseGraphml(text) : parseThreadlineJson(text);
}

const NAMES: Record<ImportFormat, string> = { json: 'Threadline JSON', graphml: 'GraphML', csv: 'CSV zip' };

export interface CheckedImport {
  prepared: PreparedSeed;
  summary: Omit<ImportSummary, 'written' | 'ms'>;
  changes: Changes;
}

/** Parses and checks everything; throws a 400 naming the first problems, or returns what the loader will write. */
export async function checkImport(db: Database, bytes: Uint8Array, given?: ImportFormat): Promise<CheckedImport> {
  const format = given ?? sniffFormat(bytes);
  if (!format) throw new AppError('bad_request', 'The file is neither Threadline JSON, GraphML nor a CSV zip (say which with ?format=).', [{ where: 'body', message: 'unknown format' }]);
  const doc = parseImport(bytes, format);
  const problems = new Problems();
  const rows = checkRows(doc, problems);
  problems.throwIfAny(NAMES[format]);
  const { changes, existing } = await checkReferences(db, rows, problems, 'replace');
  problems.throwIfAny(NAMES[format]);
  const tally = ({ created, merged, unchanged }: Changes['nodes']) => ({ create: created, merge: merged + unchanged });
  return {
    prepared: toPrepared(rows),
    summary: {
      format,
      nodes: tally(changes.nodes),
      edges: tally(changes.edges),
      evidence: tally(changes.evidence),
      mergeIds: existing.slice(0, 20),
    },
    changes,
  };
}

export async function importFile(db: Database, bytes: Uint8Array, options: { format?: ImportFormat; preview: boolean }): Promise<ImportSummary> {
  const started = performance.now();
  const { prepared, summary } = await checkImport(db, bytes, options.format);
  if (!options.preview) {
    await loadPrepared(db, prepared).catch((err: unknown) => {
      if (!(err instanceof MissingEndsError)) throw err;
      throw new AppError('conflict', `The graph changed while importing: ${err.message}. Nothing was written; import the file again.`, [{ where: 'body', message: err.message }]);
    });
  }
  return { ...summary, written: !options.preview, ms: Math.round(performance.now() - started) };
}

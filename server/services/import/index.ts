/**
 * POST /api/import and `npm run seed -- file`: read the file (format given or found from its first bytes), check
 * every row and reference, then either say what would change (preview) or write it all with the seed loader,
 * in one transaction. Nothing is written unless everything checks out. FollowTheMoney files on disk stream instead
 * (`importFromDisk`): any size, with progress and cancel, still all or nothing.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import type { ImportFormat, ImportSummary } from '../../../shared/contract/export.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import type { PreparedSeed } from '../../db/graph-writer.js';
import { unjudgedCandidatesInvolving } from '../dedup/open-candidates.js';
import { summaryCounts } from './changes.js';
import { checkReferences, type CheckedAgainstGraph } from './check-references.js';
import { checkRows, toPrepared } from './check-rows.js';
import { parseCsvZip } from './csv.js';
import { followRedirects } from './follow-redirects.js';
import { parseGraphml } from './graphml.js';
import { writeImport, type ImportMeta } from './import-change.js';
import { Problems, type ImportDocument } from './import-document.js';
import { parseThreadlineJson } from './json.js';
import { datasetImport, parseFtm } from './ftm/parse-ftm.js';
import { readLines } from './ftm/read-lines.js';
import { streamFtmImport, type StreamImportOptions } from './stream/ftm-stream.js';

/** The format of a file from its first bytes: a zip, XML (GraphML), FtM JSON lines or JSON. */
export function sniffFormat(bytes: Uint8Array): ImportFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'csv';
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'graphml';
  if (head.startsWith('{')) return isFtmEntity(firstLine(bytes)) ? 'ftm' : 'json';
  return null;
}

const FIRST_LINE_LIMIT = 1 << 20;

function firstLine(bytes: Uint8Array): string {
  const end = bytes.subarray(0, FIRST_LINE_LIMIT).indexOf(0x0a);
  return new TextDecoder().decode(bytes.subarray(0, end < 0 ? FIRST_LINE_LIMIT : end)).replace(/^\uFEFF/, '');
}

/** A FollowTheMoney entity: an object with a `schema` and `properties` (Threadline JSON has neither at the top). */
function isFtmEntity(line: string): boolean {
  try {
    const value = JSON.parse(line) as Record<string, unknown> | null;
    return typeof value?.schema === 'string' && typeof value.properties === 'object';
  } catch {
    return false;
  }
}

export interface ImportOptions {
  format?: ImportFormat;
  /** FollowTheMoney: the dataset's name (else the file's name without extension), the file's name, who imports. */
  dataset?: string;
  filename?: string;
  by?: string;
}

export async function parseImport(bytes: Uint8Array, format: ImportFormat, options: ImportOptions = {}): Promise<ImportDocument> {
  if (format === 'csv') return parseCsvZip(bytes);
  if (format === 'ftm') return parseFtm(readLines([bytes]), datasetImport(options));
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return format === 'graphml' ? parseGraphml(text) : parseThreadlineJson(text);
}

const NAMES: Record<ImportFormat, string> = { json: 'Threadline JSON', graphml: 'GraphML', csv: 'CSV zip', ftm: 'FollowTheMoney' };

export interface CheckedImport {
  prepared: PreparedSeed;
  summary: Omit<ImportSummary, 'written' | 'ms'>;
  checked: CheckedAgainstGraph;
}

/** Parses and checks everything; throws a 400 naming the first problems, or returns what the loader will write. */
export async function checkImport(db: Database, bytes: Uint8Array, options: ImportOptions = {}): Promise<CheckedImport> {
  const format = options.format ?? sniffFormat(bytes);
  if (!format) throw new AppError('bad_request', 'The file is neither Threadline JSON, GraphML, a CSV zip nor FollowTheMoney JSON lines (say which with ?format=).', [{ where: 'body', message: 'unknown format' }]);
  const doc = await parseImport(bytes, format, options);
  const problems = new Problems();
  const rows = checkRows(doc, problems);
  problems.throwIfAny(NAMES[format]);
  await followRedirects(db, rows);
  const checked = await checkReferences(db, rows, problems, 'replace');
  problems.throwIfAny(NAMES[format]);
  return {
    prepared: toPrepared(rows),
    summary: { format, ...summaryCounts(checked.changes), mergeIds: checked.existing.slice(0, 20) },
    checked,
  };
}

/** The changeset's name for an import: the file's, else the dataset's, else the format's. */
export const importName = (options: ImportOptions, format: string) => options.filename ?? options.dataset ?? `a ${format} file`;

/** A checked import written with its changeset, and how many possible duplicates it brought. */
export async function writeChecked(db: Database, checked: Pick<CheckedImport, 'prepared' | 'checked'>, meta: ImportMeta & { what: string }): Promise<Pick<ImportSummary, 'change' | 'possibleDuplicates'>> {
  const { change, nodeIds } = await writeImport(db, checked.prepared, checked.checked, meta);
  return { change: change.id, possibleDuplicates: await unjudgedCandidatesInvolving(db, nodeIds) };
}

export async function importFile(db: Database, bytes: Uint8Array, options: ImportOptions & { preview: boolean }): Promise<ImportSummary> {
  const started = performance.now();
  const checked = await checkImport(db, bytes, options);
  const written = options.preview ? {} : await writeChecked(db, checked, { name: importName(options, NAMES[checked.summary.format]), by: options.by ?? 'local', what: 'file' });
  return { ...checked.summary, ...written, written: !options.preview, ms: Math.round(performance.now() - started) };
}

/** Files of other formats than FollowTheMoney are read whole: up to this size (the JSON body limit of `POST /api/import`). */
export const WHOLE_FILE_LIMIT = 25 * 1024 * 1024;

/**
 * A file on disk (a CLI argument, a spooled request body): FollowTheMoney streams (stream/ftm-stream.ts) with
 * progress, cancel and skipBadRows; the other formats are read whole, below WHOLE_FILE_LIMIT.
 */
export async function importFromDisk(db: Database, file: string, options: ImportOptions & Omit<StreamImportOptions, 'totalBytes'>): Promise<ImportSummary> {
  const { size } = await stat(file);
  const head = await readHead(file, FIRST_LINE_LIMIT);
  const format = options.format ?? sniffFormat(head);
  if (format === 'ftm') return streamFtmImport(db, () => createReadStream(file), { ...options, totalBytes: size });
  if (size > WHOLE_FILE_LIMIT) {
    throw new AppError('payload_too_large', `Only FollowTheMoney files stream; a ${format ?? 'file of unknown format'} is read whole, up to ${WHOLE_FILE_LIMIT / 2 ** 20} MB.`, [{ where: 'body', message: `${size} bytes` }]);
  }
  return importFile(db, await readFile(file), options);
}

async function readHead(file: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

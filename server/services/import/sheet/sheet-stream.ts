/**
 * A spreadsheet import of any size (docs/spreadsheets.md "Big sheets"), as FollowTheMoney files stream
 * (stream/ftm-stream.ts): the rows are read as they come, mapped, checked and written a chunk at a time, each chunk in
 * a transaction of its own that sees the chunks before it (stream/chunked-import.ts). A failure, a bad row (unless
 * skipBadRows) or a cancel undoes the chunks written; a preview runs them in one transaction rolled back. Relationship
 * types read from a column are found by a scan first: their constraints must exist before the chunks. Node memory
 * holds a chunk, the ids of the relationships made so far (to find repeated ones) and the bad rows' problems.
 */
import type { ImportProgress } from '../../../../shared/contract/export.js';
import type { RowProblem, SheetImportSummary } from '../../../../shared/contract/sheet-import.js';
import type { SheetMapping } from '../../../../shared/contract/sheet-mapping.js';
import { ID_RULES } from '../../../../shared/model/graph-model.js';
import { ensureSchema, MissingEndsError } from '../../../db/graph-writer.js';
import type { Database } from '../../../db/neo4j.js';
import { AppError } from '../../../errors.js';
import { ensureReportingSchema } from '../../reporting/changes.js';
import { addChanges, noChanges, summaryCounts } from '../changes.js';
import { checkReferences } from '../check-references.js';
import { checkRows, toPrepared } from '../check-rows.js';
import { followRedirects } from '../follow-redirects.js';
import { Problems } from '../import-document.js';
import { readerIn } from '../stored-graph.js';
import { importInChunks, previewInOneTransaction, type ChunkRunner, type ImportPasses } from '../stream/chunked-import.js';
import { ProgressMeter, type PhaseShares } from '../stream/progress-meter.js';
import { toDocument } from './combine-rows.js';
import { SheetMapper, type SheetOptions } from './map-sheet.js';
import { openSheet, SHEET, type SheetRow } from './read-sheet.js';
import { asType } from './sheet-ids.js';

/** Rows per chunk: each chunk is checked and written as one batch, and reports progress once. */
const SHEET_CHUNK = 1000;

/** Opens the file again from its start (the bytes of a request, a file on disk). */
export type OpenSheetFile = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface SheetImportOptions extends SheetOptions {
  skipBadRows: boolean;
  /** Writes nothing: checks every row and says what the import would change. */
  preview?: boolean;
  /** The file's size in bytes, for how far the import is. */
  totalBytes: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

const typeColumns = (mapping: SheetMapping) => mapping.edges.flatMap((e) => ('column' in e.type ? [e.type.column] : []));

export async function streamSheetImport(db: Database, open: OpenSheetFile, mapping: SheetMapping, options: SheetImportOptions): Promise<SheetImportSummary> {
  const started = performance.now();
  const phases: PhaseShares = typeColumns(mapping).length ? { scan: 0.1, rows: 0.9 } : { rows: 1 };
  const meter = new ProgressMeter(options.totalBytes, options.onProgress, phases);
  await ensureSchema(db, await relationshipTypes(open, mapping, options, meter));
  await ensureReportingSchema(db);
  const passes: ImportPasses<SheetImportSummary> = async (chunks) => {
    meter.startPhase('rows');
    const sheet = await openSheet(meter.counting(open()), options);
    const writer = new ChunkWriter(chunks, new SheetMapper(sheet, mapping, options), meter, options.skipBadRows);
    let chunk: SheetRow[] = [];
    for await (const row of sheet.rows) {
      options.signal?.throwIfAborted();
      meter.read++;
      chunk.push(row);
      if (chunk.length === SHEET_CHUNK) {
        await writer.write(chunk);
        chunk = [];
      }
    }
    await writer.write(chunk);
    options.signal?.throwIfAborted();
    return { summary: writer.summary(performance.now() - started, options), changes: writer.changes };
  };
  try {
    if (options.preview) return await previewInOneTransaction(db, passes);
    return await importInChunks(db, { name: options.filename ?? SHEET, by: options.by ?? 'local' }, passes);
  } catch (err) {
    if (!(err instanceof MissingEndsError)) throw err;
    throw new AppError('conflict', `The graph changed while importing: ${err.message}. Nothing was written; import the sheet again.`, [{ where: 'body', message: err.message }]);
  }
}

/** The fixed types, and those the type columns hold (read by a scan of the sheet); a value that is no type is left to the row's check. */
async function relationshipTypes(open: OpenSheetFile, mapping: SheetMapping, options: SheetImportOptions, meter: ProgressMeter): Promise<string[]> {
  const types = new Set(mapping.edges.flatMap((e) => ('fixed' in e.type ? [e.type.fixed] : [])));
  const columns = typeColumns(mapping);
  if (columns.length === 0) return [...types];
  const sheet = await openSheet(meter.counting(open()), options);
  const at = columns.map((c) => sheet.columns.indexOf(c)).filter((i) => i >= 0);
  for await (const { cells } of sheet.rows) {
    options.signal?.throwIfAborted();
    if (++meter.read % SHEET_CHUNK === 0) meter.tell();
    for (const type of at.map((i) => asType(cells[i]!))) if (ID_RULES.relationshipType.pattern.test(type)) types.add(type);
  }
  meter.tell();
  return [...types];
}

/** Maps, checks and writes each chunk in its own transaction, keeping the counts and the bad rows. */
class ChunkWriter {
  readonly changes = noChanges();
  private readonly problems: RowProblem[] = [];
  private badRows = 0;
  private goodRows = 0;

  constructor(
    private readonly chunks: ChunkRunner,
    private readonly mapper: SheetMapper,
    private readonly meter: ProgressMeter,
    private readonly skipBadRows: boolean,
  ) {}

  async write(rows: SheetRow[]): Promise<void> {
    const { mapped, good, written } = await this.chunks(async (tx, write) => {
      const graph = readerIn(tx);
      const mapped = await this.mapper.map(graph, rows);
      const good = mapped.filter((r) => r.problems.length === 0);
      // Once a row is bad and the import will be refused, the other rows are only checked, not written.
      if (!good.length || !(this.skipBadRows || this.badRows + mapped.length - good.length === 0)) return { mapped, good, written: null };
      const problems = new Problems();
      const checked = checkRows(toDocument(good), problems);
      problems.throwIfAny(SHEET);
      await followRedirects(graph, checked);
      const { changes, merged } = await checkReferences(graph, checked, problems, 'replace');
      problems.throwIfAny(SHEET);
      const prepared = toPrepared(checked);
      await write(prepared, merged);
      return { mapped, good, written: { changes, rows: prepared.nodes.length + prepared.edges.length + (prepared.records?.length ?? 0) } };
    });
    for (const bad of mapped.filter((r) => r.problems.length)) this.problems.push(...bad.problems);
    this.badRows += mapped.length - good.length;
    this.goodRows += good.length;
    if (written) {
      addChanges(this.changes, written.changes);
      this.meter.written += written.rows;
    }
    this.meter.errors = this.badRows;
    this.meter.tell();
  }

  summary(ms: number, options: SheetImportOptions): SheetImportSummary {
    if (this.badRows && !this.skipBadRows) refuseBadRows(this.problems, this.badRows);
    if (this.goodRows === 0) throw new AppError('bad_request', `${SHEET}: no row checks out, so there is nothing to import.`, [{ where: 'file', message: 'every row has problems' }]);
    return { written: !options.preview, rows: this.goodRows, skipped: this.problems, changes: summaryCounts(this.changes).changes, ms: Math.round(ms) };
  }
}

function refuseBadRows(problems: RowProblem[], badRows: number): never {
  const details = problems.slice(0, 20).map((p) => ({ where: `row ${p.row}${p.column ? ` column "${p.column}"` : ''}`, message: p.message }));
  const [first] = details;
  throw new AppError(
    'bad_request',
    `${SHEET}: ${badRows} row${badRows > 1 ? 's have' : ' has'} problems (${first!.where}: ${first!.message}). Nothing was written; fix them, or import without them (skipBadRows=true).`,
    details,
  );
}

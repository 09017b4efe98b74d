/**
 * FollowTheMoney files of any size (docs/export-format.md "Large files"): read as a stream three times, never
 * held whole. A scan finds the relationship types (their constraints must exist before the transaction: schema
 * cannot share it) and which lines hold relationships, so that each pass parses with the FtM model only the lines
 * it writes from; then the nodes and their records are written chunk by chunk, then the relationships, each chunk
 * checked like a whole-file import (followRedirects, checkRows, checkReferences) and written in a transaction of its
 * own that sees the chunks before it (chunked-import.ts), the whole recorded as one changeset. A failure, a bad line
 * (unless skipBadRows) or a cancel undoes the chunks written; a preview runs them in one transaction rolled back.
 * Node memory holds a chunk (and the ids of the entities written, for the duplicates count).
 */
import type { ImportProgress, ImportSummary } from '../../../../shared/contract/export.js';
import { ensureSchema, type PreparedSeed } from '../../../db/graph-writer.js';
import type { Database } from '../../../db/neo4j.js';
import { ensureReportingSchema } from '../../reporting/changes.js';
import { noChanges, summaryCounts, type Changes, type Tally } from '../changes.js';
import { checkReferences } from '../check-references.js';
import { checkRows, toPrepared, type CheckedRows } from '../check-rows.js';
import { followRedirects } from '../follow-redirects.js';
import type { ImportDocument, Located } from '../import-document.js';
import { readerIn } from '../stored-graph.js';
import { ftmModel } from '../ftm/ftm-model.js';
import { upperSnake } from '../ftm/ftm-names.js';
import type { DatasetImport, MappedEntity } from '../ftm/map-entity.js';
import { datasetImport, FTM_NAME, mapLine } from '../ftm/parse-ftm.js';
import { readLines, type Line } from '../ftm/read-lines.js';
import { BadLines, LineProblems } from './bad-lines.js';
import { importInChunks, previewInOneTransaction, type ChunkRunner, type ImportPasses } from './chunked-import.js';
import { ProgressMeter } from './progress-meter.js';

/** Lines per chunk: each chunk is checked and written as one batch, and reports progress once. */
const STREAM_CHUNK = 1000;

/** Opens the file again from its start (a path on disk, a spooled request body). */
export type OpenFile = () => AsyncIterable<Uint8Array>;

export interface StreamImportOptions {
  dataset?: string;
  filename?: string;
  by?: string;
  preview: boolean;
  skipBadRows: boolean;
  /** The file's size in bytes, for how far the import is. */
  totalBytes: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

interface MappedAt { line: number; where: string; mapped: MappedEntity }

export async function streamFtmImport(db: Database, open: OpenFile, options: StreamImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const meter = new ProgressMeter(options.totalBytes, options.onProgress);
  const bad = new BadLines();
  const dataset = datasetImport(options);
  const scan = await scanRelationships(open, meter, options.signal);
  await ensureSchema(db, [...scan.types]);
  await ensureReportingSchema(db);
  const passes: ImportPasses<ImportSummary> = async (chunks) => {
    const changes = noChanges();
    const pass = new WritePass(chunks, meter, bad, dataset, scan, options.signal);
    meter.startPhase('nodes');
    await pass.run(open, 'nodes', changes);
    meter.startPhase('relationships');
    await pass.run(open, 'relationships', changes);
    if (bad.count > 0 && !options.skipBadRows) throw bad.toError(FTM_NAME);
    options.signal?.throwIfAborted();
    return { summary: summaryOf(changes, options, bad, performance.now() - started), changes };
  };
  if (options.preview) return previewInOneTransaction(db, passes);
  return importInChunks(db, { name: options.filename ?? dataset.dataset, by: dataset.importedBy }, passes);
}

/**
 * What the scan finds: the relationship types the file will need, the lines of edge entities (Payment…: only
 * relationships) and the lines of other entities with entity-valued properties (a node and relationships).
 */
interface RelationshipScan { types: Set<string>; edgeLines: Set<number>; linkLines: Set<number> }

/** From each line's schema and its entity-valued properties; a line the scan cannot read is left to the nodes pass. */
async function scanRelationships(open: OpenFile, meter: ProgressMeter, signal?: AbortSignal): Promise<RelationshipScan> {
  const scan: RelationshipScan = { types: new Set(), edgeLines: new Set(), linkLines: new Set() };
  for await (const { number, text } of readLines(meter.counting(open()))) {
    signal?.throwIfAborted();
    if (++meter.read % STREAM_CHUNK === 0) meter.tell();
    let raw: { schema?: unknown; properties?: Record<string, unknown> };
    try {
      raw = JSON.parse(text) as typeof raw;
    } catch {
      continue;
    }
    const schema = typeof raw?.schema === 'string' ? ftmModel().schemata[raw.schema] : undefined;
    if (!schema) continue;
    if (schema.edge) {
      scan.types.add(upperSnake(schema.name));
      scan.edgeLines.add(number);
    }
    for (const name of Object.keys(raw.properties ?? {})) {
      if (!schema.hasProperty(name) || schema.getProperty(name).type.name !== 'entity') continue;
      scan.types.add(upperSnake(name));
      if (!schema.edge) scan.linkLines.add(number);
    }
  }
  meter.tell();
  return scan;
}

type PassKind = 'nodes' | 'relationships';

/** One read of the file, writing one kind of row: nodes with their records, or relationships with the rest of the records. */
class WritePass {
  constructor(
    private readonly chunks: ChunkRunner,
    private readonly meter: ProgressMeter,
    private readonly bad: BadLines,
    private readonly dataset: DatasetImport,
    private readonly scan: RelationshipScan,
    private readonly signal?: AbortSignal,
  ) {}

  async run(open: OpenFile, kind: PassKind, changes: Changes): Promise<void> {
    let chunk: MappedAt[] = [];
    for await (const line of readLines(this.meter.counting(open()))) {
      this.signal?.throwIfAborted();
      this.meter.read++;
      const mapped = this.mapped(line, kind);
      if (mapped) chunk.push(mapped);
      if (this.meter.read % STREAM_CHUNK === 0) {
        await this.write(chunk, kind, changes);
        chunk = [];
      }
    }
    await this.write(chunk, kind, changes);
  }

  /**
   * The line's rows, if this pass writes from it: the nodes pass reads every line but edge entities, the
   * relationships pass only the lines that hold relationships. A line that cannot be read is bad, found by the
   * first pass that reads it (a bad line is skipped in the next).
   */
  private mapped(line: Line, kind: PassKind): MappedAt | null {
    if (!line.text.trim() || this.bad.has(line.number)) return null;
    const edge = this.scan.edgeLines.has(line.number);
    if (kind === 'nodes' ? edge : !edge && !this.scan.linkLines.has(line.number)) return null;
    const result = mapLine(line, this.dataset);
    if (result.problem === undefined) return { line: line.number, where: result.where, mapped: result.mapped };
    this.bad.add(new Map([[line.number, result.problem]]));
    return null;
  }

  private async write(chunk: MappedAt[], kind: PassKind, changes: Changes): Promise<void> {
    const doc = documentOf(chunk, kind);
    // The checks read inside the chunk's transaction, so a chunk sees the nodes the chunks before it wrote.
    const { problems, checked, prepared } = await this.chunks(async (tx, write) => {
      const reader = readerIn(tx);
      const problems = new LineProblems();
      const rows = checkRows(doc, problems);
      await followRedirects(reader, rows);
      const checked = await checkReferences(reader, rows, problems, 'replace');
      const prepared = toPrepared(withoutLines(rows, new Set(problems.byLine.keys())));
      await write(prepared, checked.merged);
      return { problems, checked, prepared };
    });
    this.bad.add(problems.byLine);
    if (kind === 'nodes') add(changes.nodes, checked.changes.nodes);
    else add(changes.edges, checked.changes.edges);
    add(changes.evidence, checked.changes.evidence);
    this.meter.written += writtenIn(prepared);
    this.meter.errors = this.bad.count;
    this.meter.tell();
  }
}

/** Nodes pass: nodes and their records. Relationships pass: every relationship, and the records of lines without a node. */
function documentOf(chunk: MappedAt[], kind: PassKind): ImportDocument {
  const at = <T>(row: T, where: string): Located<T> => ({ row, where });
  const doc: ImportDocument = { format: 'ftm', nodes: [], sources: [], edges: [], evidence: [], records: [] };
  for (const { where, mapped } of chunk) {
    if (kind === 'nodes' && mapped.node) doc.nodes.push(at(mapped.node, where));
    if (kind === 'relationships') doc.edges.push(...mapped.edges.map((edge) => at(edge, where)));
    if ((kind === 'nodes') === Boolean(mapped.node)) doc.records!.push(at(mapped.record, where));
  }
  return doc;
}

const lineOf = (where: string) => Number(/^line (\d+)/.exec(where)?.[1]);

function withoutLines(rows: CheckedRows, lines: ReadonlySet<number>): CheckedRows {
  if (lines.size === 0) return rows;
  const keep = <T>(map: Map<string, Located<T>>) => new Map([...map].filter(([, { where }]) => !lines.has(lineOf(where))));
  return { nodes: keep(rows.nodes), edges: keep(rows.edges), evidence: keep(rows.evidence), records: keep(rows.records ?? new Map()) };
}

const writtenIn = (p: PreparedSeed) => p.nodes.length + p.edges.length + (p.records?.length ?? 0);

function add(total: Tally, more: Tally): void {
  total.created += more.created;
  total.merged += more.merged;
  total.unchanged += more.unchanged;
}

function summaryOf(changes: Changes, options: StreamImportOptions, bad: BadLines, ms: number): ImportSummary {
  return {
    format: 'ftm',
    written: !options.preview,
    ...summaryCounts(changes),
    mergeIds: [],
    ms: Math.round(ms),
    ...(options.skipBadRows && { skipped: bad.list() }),
  };
}

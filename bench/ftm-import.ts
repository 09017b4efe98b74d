/**
 * The FollowTheMoney import at scale (issue 14): a synthetic FtM file of N entities (bench/ftm-file.ts) streamed
 * through the import (server/services/import/stream/ftm-stream.ts) in one transaction, its rate in rows per
 * second against the bulk importer's on the size's graph in the same run (bench/import.ts), and this process's
 * memory before, after and at its peak (sampled every 50 ms): streaming keeps it flat whatever N.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../server/db/neo4j.js';
import { importFromDisk } from '../server/services/import/index.js';
import { writeFtmFile } from './ftm-file.js';
import type { ImportFigures } from './import.js';
import { measureMemory, type MemoryFigures } from './memory-peak.js';

export interface FtmImportFigures {
  entities: number;
  /** Nodes, relationships and dataset records written. */
  rows: number;
  seconds: number;
  entitiesPerSecond: number;
  rowsPerSecond: number;
  /** rowsPerSecond over the bulk importer's rows per second (nodes, relationships and quotes) on this size's graph. */
  ratioToBulkImporter: number;
  memoryMb: MemoryFigures;
}

export async function measureFtmImport(db: Database, options: { entities: number; seed: number; bulk: ImportFigures; say?: (m: string) => void }): Promise<FtmImportFigures> {
  const say = options.say ?? (() => {});
  const dir = await mkdtemp(path.join(tmpdir(), 'threadline-bench-ftm-'));
  try {
    const file = path.join(dir, 'bench.ftm.jsonl');
    await writeFtmFile(file, options.entities, options.seed);
    const started = performance.now();
    let lastSaid = 0;
    const { result: summary, memoryMb } = await measureMemory(() =>
      importFromDisk(db, file, {
        filename: 'bench.ftm.jsonl',
        preview: false,
        skipBadRows: false,
        onProgress: (p) => {
          if (Date.now() - lastSaid > 5000) say(`  FtM ${p.phase}: ${p.read} lines, ${p.written} rows written, ${Math.round(p.done * 100)}%`);
          lastSaid = Date.now();
        },
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const rows = summary.changes.nodes.added + summary.changes.edges.added + summary.changes.evidence.added;
    const bulk = options.bulk;
    const bulkRowsPerSecond = (bulk.nodes + bulk.relationships + bulk.evidence) / bulk.totalSeconds;
    return {
      entities: options.entities,
      rows,
      seconds,
      entitiesPerSecond: options.entities / seconds,
      rowsPerSecond: rows / seconds,
      ratioToBulkImporter: rows / seconds / bulkRowsPerSecond,
      memoryMb,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

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

export interface FtmImportFigures {
  entities: number;
  /** Nodes, relationships and dataset records written. */
  rows: number;
  seconds: number;
  entitiesPerSecond: number;
  rowsPerSecond: number;
  /** rowsPerSecond over the bulk importer's rows per second (nodes, relationships and quotes) on this size's graph. */
  ratioToBulkImporter: number;
  memoryMb: { rssBefore: number; rssAfter: number; rssPeak: number; heapBefore: number; heapAfter: number; heapPeak: number };
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

export async function measureFtmImport(db: Database, options: { entities: number; seed: number; bulk: ImportFigures; say?: (m: string) => void }): Promise<FtmImportFigures> {
  const say = options.say ?? (() => {});
  const dir = await mkdtemp(path.join(tmpdir(), 'threadline-bench-ftm-'));
  try {
    const file = path.join(dir, 'bench.ftm.jsonl');
    await writeFtmFile(file, options.entities, options.seed);
    global.gc?.();
    const before = process.memoryUsage();
    const peak = { rss: before.rss, heap: before.heapUsed };
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.heap = Math.max(peak.heap, now.heapUsed);
    }, 50);
    const started = performance.now();
    let lastSaid = 0;
    const summary = await importFromDisk(db, file, {
      filename: 'bench.ftm.jsonl',
      preview: false,
      skipBadRows: false,
      onProgress: (p) => {
        if (Date.now() - lastSaid > 5000) say(`  FtM ${p.phase}: ${p.read} lines, ${p.written} rows written, ${Math.round(p.done * 100)}%`);
        lastSaid = Date.now();
      },
    }).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;
    const after = process.memoryUsage();
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
      memoryMb: { rssBefore: mb(before.rss), rssAfter: mb(after.rss), rssPeak: mb(peak.rss), heapBefore: mb(before.heapUsed), heapAfter: mb(after.heapUsed), heapPeak: mb(peak.heap) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `npx tsx bench/sheet-memory.ts [rows ...]` (default 10000 100000): the spreadsheet import's memory (issue 14). Each
 * size is a generated CSV (bench/sheet-file.ts) imported through the streamed import
 * (server/services/import/sheet/sheet-stream.ts) in a process of its own, so that each peak RSS is that size's
 * alone; the database is the bench's (its own local Neo4j, or NEO4J_URI's, emptied between sizes). SHEET_BENCH_HEAP_MB
 * caps the child's V8 heap: an import that completes under the cap holds no more than that, whatever garbage V8 lets
 * pile up without one.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connect } from '../server/db/neo4j.js';
import { importSheetFromDisk } from '../server/services/import/sheet/index.js';
import { SheetMappingSchema } from '../shared/contract/sheet-mapping.js';
import { measureMemory } from './memory-peak.js';
import { memoryFor, openBenchDatabase } from './neo4j.js';
import { SHEET_MAPPING, writeSheetFile } from './sheet-file.js';

const CHILD = '--child';

/** In the child: one size, imported; its figures as one JSON line on stdout. */
async function measureOne(rows: number): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'threadline-bench-sheet-'));
  const db = connect({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER!, password: process.env.NEO4J_PASSWORD! });
  try {
    const file = path.join(dir, 'bench.csv');
    await writeSheetFile(file, rows);
    const started = performance.now();
    const options = { filename: 'bench.csv', skipBadRows: false };
    const { result, memoryMb } = await measureMemory(() => importSheetFromDisk(db, file, SheetMappingSchema.parse(SHEET_MAPPING), options));
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ rows, fileMb: (await stat(file)).size / 2 ** 20, written: result.rows, seconds, memoryMb }));
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const bench = await openBenchDatabase(memoryFor(Math.max(100_000, ...sizes) * 2), { say: (m) => console.error(m) });
  try {
    for (const rows of sizes.length ? sizes : [10_000, 100_000]) {
      await bench.clear();
      const env = { ...process.env, NEO4J_URI: bench.connection.uri, NEO4J_USER: bench.connection.user, NEO4J_PASSWORD: bench.connection.password };
      const cap = process.env.SHEET_BENCH_HEAP_MB ? [`--max-old-space-size=${process.env.SHEET_BENCH_HEAP_MB}`] : [];
      const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', ...cap, '--import', 'tsx', 'bench/sheet-memory.ts', CHILD, String(rows)], { env, maxBuffer: 2 ** 20 });
      const figures = JSON.parse(stdout.trim().split('\n').pop()!) as { rows: number; fileMb: number; seconds: number; memoryMb: { rssBefore: number; rssPeak: number; heapPeak: number } };
      const m = figures.memoryMb;
      console.log(`${rows.toLocaleString('en-US')} rows (${figures.fileMb.toFixed(1)} MB CSV): ${figures.seconds.toFixed(1)} s, ${Math.round(rows / figures.seconds)} rows/s; RSS ${m.rssBefore} MB before, peak ${m.rssPeak} MB; heap peak ${m.heapPeak} MB`);
    }
  } finally {
    await bench.stop();
  }
}

if (process.argv[2] === CHILD) await measureOne(Number(process.argv[3]));
else await main();

/**
 * `npm run bench [-- options]`: Threadline's performance, measured side by side (issue 8). Prints Markdown tables
 * and writes bench/results/<date>.json. Not part of `npm test`; tests/integration/bench-smoke.test.ts and
 * tests/e2e/bench-client-smoke.test.ts run the same modules on tiny sizes.
 *
 *   --sizes 10k,100k,1M     graph sizes in nodes, about 3 relationships each (all three: ~20 minutes on 2 cores), or "none"
 *   --client 1k,5k,20k,100k canvas sizes in elements, or "none"; each drawn by the explorer's two renderers and by sigma.js
 *   --samples 200           requests per operation and size (shortest paths stop after 90 s)
 *   --skip bundle,client    parts to leave out: bundle, client, server, cold-start, offline
 *   --offline 1M,100k       the offline first load's size, and the transactional one's it is compared with (scaled)
 *   --seed 20250313         generator seed
 *   --note "..."            what else the machine was doing, kept with the results
 *   --out file.json         where to write the results (default bench/results/<date>.json)
 *   --clear-database        allow emptying a non-empty NEO4J_URI database
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureBundle } from './bundle.js';
import { measureClient } from './client-fps.js';
import { measureColdStart } from './cold-start.js';
import { measureOfflineImport } from './offline-import.js';
import { memoryFor, openBenchDatabase } from './neo4j.js';
import { formatReport, sizeLabel, type BenchResults } from './report.js';
import { runSize } from './size-run.js';

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text} (write 10k, 100k, 1M or a number)`);
  const scale = { '': 1, k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * scale);
}

const sizes = (text: string) => (text === 'none' ? [] : text.split(',').filter(Boolean).map(parseSize));
const say = (m: string) => console.log(`[bench] ${m}`);
/** The command as typed, less the free-text note (kept apart in the results). */
const withoutNote = (args: string[]) => args.filter((a, i) => !a.startsWith('--note') && args[i - 1] !== '--note');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10k,100k,1M' },
      client: { type: 'string', default: '1k,5k,20k,100k' },
      samples: { type: 'string', default: '200' },
      skip: { type: 'string', default: '' },
      offline: { type: 'string', default: '1M,100k' },
      seed: { type: 'string', default: '20250313' },
      note: { type: 'string', default: '' },
      out: { type: 'string' },
      'clear-database': { type: 'boolean', default: false },
    },
  });
  const skip = new Set(values.skip.split(',').filter(Boolean));
  const seed = Number(values.seed);
  const started = Date.now();
  const results: BenchResults = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${withoutNote(process.argv.slice(2)).join(' ')}`.trim().replace(/ --$/, ''),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node, loadAverageAtStart: os.loadavg(), note: values.note },
    database: '',
    seed,
    sizes: {},
    client: [],
    bundle: null,
    coldStart: null,
    seconds: 0,
  };

  if (!skip.has('bundle')) {
    say('Building the app to size its initial JavaScript...');
    results.bundle = await measureBundle();
  }
  if (!skip.has('cold-start')) {
    const bench = await openBenchDatabase(memoryFor(0), { clearDatabase: values['clear-database'], say });
    try {
      await bench.clear();
      results.coldStart = await measureColdStart(bench.db, bench.connection, say);
    } finally {
      await bench.stop();
    }
  }
  if (!skip.has('offline')) {
    const [nodes, transactionalNodes] = sizes(values.offline);
    results.offline = await measureOfflineImport({ nodes: nodes!, transactionalNodes: transactionalNodes ?? nodes!, seed, say });
  }
  if (!skip.has('server')) {
    for (const nodes of sizes(values.sizes).sort((a, b) => a - b)) {
      const memory = memoryFor(nodes);
      say(`— ${sizeLabel(nodes)} nodes —`);
      const bench = await openBenchDatabase(memory, { clearDatabase: values['clear-database'], say });
      results.database = [results.database, `${sizeLabel(nodes)}: ${bench.description}`].filter(Boolean).join('; ');
      try {
        await bench.clear();
        const throughputRequests = Math.max(500, Number(values.samples) * 20);
        results.sizes[sizeLabel(nodes)] = await runSize(bench.db, { nodes, seed, samples: Number(values.samples), throughputRequests, throughputSeconds: 30, connection: bench.connection, say });
      } finally {
        await bench.stop();
      }
    }
  }
  if (!skip.has('client')) {
    say('Canvas in headless Chromium...');
    results.client = await measureClient({ sizes: sizes(values.client), seed, say });
  }
  results.seconds = Math.round((Date.now() - started) / 1000);

  console.log(`\n${formatReport(results)}\n`);
  const out = values.out ?? path.join(RESULTS_DIR, `${results.date.slice(0, 10)}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v), 1)}\n`);
  say(`Results written to ${path.relative(process.cwd(), out)} (${results.seconds} s in all).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error('[bench] failed:', err);
    process.exit(1);
  });
}

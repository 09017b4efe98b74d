/**
 * `npx tsx bench/where-time-goes.ts [--nodes 10k] [--seconds 20]`: where an API request's time goes under the
 * bench's load (50 clients, the throughput mix), on a synthetic graph in a throw-away local Neo4j.
 *
 * Two views of the same run, the API in this process:
 * - wall time, summed over requests: inside the driver (db.read / db.write, from the call to its result, so a
 *   Neo4j round trip plus the wait for the event loop to pick its reply up), inside JSON.stringify, and the rest
 *   (HTTP parsing, Express and its middleware, validation, conversion to the wire model, queueing);
 * - CPU, from a V8 profile of the process: each sample's own function, grouped by where its code lives. The
 *   50 clients run in a process of their own (load-process.ts), so the profile is the API's alone. `--profile
 *   file.cpuprofile` keeps the profile (Chrome DevTools opens it).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer, type Server } from 'node:http';
import { parseArgs } from 'node:util';
import type { Profiler } from 'node:inspector';
import { createApp } from '../server/app.js';
import type { Database } from '../server/db/neo4j.js';
import { DEFAULT_LIMITS } from '../server/services/queries/cypher-runner.js';
import { SyntheticGraph } from './generator.js';
import { measureImport } from './import.js';
import { fmt, table } from './markdown.js';
import { memoryFor, openBenchDatabase } from './neo4j.js';
import { parseSize } from './run.js';
import { saveBenchQuery } from './size-run.js';
import { startLoadProcess } from './load-process.js';
import { workload } from './throughput.js';

/** Where a function's code lives, by its script's URL (first match wins). */
const CPU_GROUPS: [string, RegExp][] = [
  ['neo4j-driver (Bolt, records)', /node_modules\/neo4j-driver/],
  ['zod (input validation)', /node_modules\/zod/],
  ['Express, its middleware, pino', /node_modules\/(express|router|body-parser|helmet|pino|send|finalhandler|qs|raw-body|content-type|type-is|on-finished|path-to-regexp)/],
  ['Threadline server (routes, services, to-graph)', /\/(server|shared)\//],
  ['Node (http, net, streams, timers)', /^node:/],
];

/** One request's time inside the driver (any of its calls in flight) and in JSON.stringify. */
interface Span {
  driverMs: number;
  jsonMs: number;
  open: number;
  openedAt: number;
}

const spans = new AsyncLocalStorage<Span>();

function timingDatabase(db: Database): Database {
  const timed =
    (run: Database['read']): Database['read'] =>
    async (work, options) => {
      const span = spans.getStore();
      if (span && span.open++ === 0) span.openedAt = performance.now();
      try {
        return await run(work, options);
      } finally {
        if (span && --span.open === 0) span.driverMs += performance.now() - span.openedAt;
      }
    };
  return { driver: db.driver, database: db.database, read: timed(db.read.bind(db)), write: timed(db.write.bind(db)), close: () => db.close() };
}

/** JSON.stringify, timed when called for a request. */
function timeStringify(): () => void {
  const stringify = JSON.stringify;
  JSON.stringify = ((...args: Parameters<typeof stringify>) => {
    const span = spans.getStore();
    if (!span) return stringify(...args);
    const started = performance.now();
    try {
      return stringify(...args);
    } finally {
      span.jsonMs += performance.now() - started;
    }
  }) as typeof stringify;
  return () => (JSON.stringify = stringify);
}

const SAMPLE_MS = 0.5;

/** Self time per group. */
function cpuByGroup(profile: Profiler.Profile): { totals: Map<string, number>; functions: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groupOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = groupOf.get(id);
    if (known) return known;
    const frame = byId.get(id)!.callFrame;
    let group = ['(idle)', '(garbage collector)', '(program)'].includes(frame.functionName) ? frame.functionName : '';
    if (!group && frame.functionName === 'stringify' && /express/.test(frame.url)) group = 'JSON.stringify (replies)';
    group ||= CPU_GROUPS.find(([, pattern]) => pattern.test(frame.url))?.[0] ?? (frame.url ? 'other packages' : 'V8 builtins, native');
    groupOf.set(id, group);
    return group;
  };
  const totals = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const id of profile.samples!) {
    const group = classify(id);
    // One sample is one tick of CPU: on a busy machine a sample's time delta also holds the time the process was not running.
    const ms = SAMPLE_MS;
    totals.set(group, (totals.get(group) ?? 0) + ms);
    const frame = byId.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(server|shared|bench)\//, '$1/')}:${frame.lineNumber + 1} [${group}]`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  return { totals, functions };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { nodes: { type: 'string', default: '10k' }, seconds: { type: 'string', default: '20' }, profile: { type: 'string' } } });
  const nodes = parseSize(values.nodes);
  const say = (m: string) => console.log(`[where] ${m}`);
  const bench = await openBenchDatabase(memoryFor(nodes), { say });
  const session = new Session();
  try {
    await bench.clear();
    const graph = new SyntheticGraph({ nodes, seed: 20250313 });
    say(`Importing ${graph.nodeCount} nodes...`);
    await measureImport(bench.db, graph);
    const spent = { driverMs: 0, jsonMs: 0, requestMs: 0 };
    const app = createApp({ db: timingDatabase(bench.db), limits: { ...DEFAULT_LIMITS, perUser: 1000, total: 1000 } });
    const server = createServer((req, res) => {
      const span: Span = { driverMs: 0, jsonMs: 0, open: 0, openedAt: 0 };
      const started = performance.now();
      res.once('finish', () => {
        spent.requestMs += performance.now() - started;
        spent.driverMs += span.driverMs;
        spent.jsonMs += span.jsonMs;
      });
      spans.run(span, () => app(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const requests = workload({ graph, savedQueryId: await saveBenchQuery(url) }, 50_000, 20250313).map((s) => s.request);
    const clients = startLoadProcess();
    const load = (maxSeconds: number) => clients.run({ kind: 'http', baseUrl: url, requests, count: requests.length, clients: 50, maxSeconds });
    say('Warming up (5 s)...');
    await load(5);
    Object.assign(spent, { driverMs: 0, jsonMs: 0, requestMs: 0 });
    const restoreStringify = timeStringify();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLE_MS * 1000 });
    await session.post('Profiler.start');
    say(`Profiling ${values.seconds} s under load...`);
    const figures = await load(Number(values.seconds));
    const { profile } = await session.post('Profiler.stop');
    if (values.profile) writeFileSync(values.profile, JSON.stringify(profile));
    restoreStringify();
    clients.close();
    await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
    report(figures.requestsPerSecond, figures.latency.p50, spent, cpuByGroup(profile));
  } finally {
    session.disconnect();
    await bench.stop();
  }
}

function report(requestsPerSecond: number, p50: number, spent: { driverMs: number; jsonMs: number; requestMs: number }, { totals: cpu, functions }: ReturnType<typeof cpuByGroup>): void {
  const share = (ms: number, of: number) => `${fmt((100 * ms) / of, 1)} %`;
  console.log(`\n${fmt(requestsPerSecond)} requests/s, p50 ${fmt(p50)} ms, 50 clients\n`);
  const rest = spent.requestMs - spent.driverMs - spent.jsonMs;
  console.log(
    table(
      ['a request’s wall time, summed', 'ms', 'share'],
      [
        ['in the driver (from the first query’s call to the last one’s result: Neo4j round trips, Bolt, and the wait for the event loop)', fmt(spent.driverMs), share(spent.driverMs, spent.requestMs)],
        ['in JSON.stringify', fmt(spent.jsonMs), share(spent.jsonMs, spent.requestMs)],
        ['the rest: HTTP, Express, validation, conversion, queueing', fmt(rest), share(rest, spent.requestMs)],
      ],
    ),
  );
  const total = [...cpu.values()].reduce((a, b) => a + b, 0);
  const rows = [...cpu].sort((a, b) => b[1] - a[1]).map(([group, ms]) => [group, fmt(ms), share(ms, total)]);
  console.log(`\n${table(['this process’s CPU profile, by own function', 'ms', 'share'], rows)}\n`);
  const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, ms]) => [name, fmt(ms), share(ms, total)]);
  console.log(`${table(['the 25 costliest functions (own time)', 'ms', 'share'], top)}\n`);
}

main().catch((err: unknown) => {
  console.error('[where] failed:', err);
  process.exit(1);
});

/**
 * Cold start (issue 16): the seed loaded into an empty database, the first claim of a relationship type the graph
 * has never seen (`POST /api/claims`, which creates the type's id constraint), and `npm start`'s server spawned on
 * that data until it answers `GET /` and the first graph call the page makes (`GET /api/graph/overview`).
 * The database is the bench's (bench/neo4j.ts), already running: starting Neo4j itself is not counted.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../server/db/neo4j.js';
import { seedIfEmpty } from '../server/services/seed/shipped-seeds.js';
import { freePort } from '../scripts/free-port.js';
import { startApi } from './size-run.js';

export interface ColdStartFigures {
  seedLoadMs: number;
  firstClaimOfNewTypeMs: number;
  /** From spawning the server to the first 200 of each. */
  firstPageMs: number;
  firstGraphCallMs: number;
}

export const COLD_START_TARGETS = { firstPageMs: 15_000, seedLoadMs: 3_000 };

const SEED_SOURCE = 'source:daily-beast-rubio-bukele-informants';
const QUOTE = 'Salvadoran President Nayib Bukele told Rubio';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function firstClaimOfNewType(db: Database): Promise<number> {
  const text = readFileSync('graph-seed/sources/daily-beast-rubio-bukele-informants.txt', 'utf8').replace(/\r\n?/g, '\n');
  const start = text.indexOf(QUOTE);
  const api = await startApi(db);
  try {
    const body = {
      sourceId: SEED_SOURCE, quote: QUOTE, start, end: start + QUOTE.length, attribution: 'The Daily Beast', confidence: 'fact',
      subject: 'person:nayib-bukele', type: 'BENCH_TOLD_FIRST', object: 'person:marco-rubio',
    };
    return await timed(async () => {
      const reply = await fetch(`${api.url}/api/claims`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (reply.status !== 201 && reply.status !== 200) throw new Error(`POST /api/claims answered ${reply.status}: ${await reply.text()}`);
    });
  } finally {
    await api.close();
  }
}

/** Polls `url` until it answers 200; the time since `since`. */
async function firstOk(url: string, since: number, deadlineMs: number): Promise<number> {
  for (;;) {
    const reply = await fetch(url).catch(() => null);
    if (reply?.status === 200) return performance.now() - since;
    if (performance.now() - since > deadlineMs) throw new Error(`${url} did not answer 200 within ${deadlineMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `npm start`'s server (tsx server/index.ts, client already built) on the bench's database, which holds the seed. */
async function serverStart(neo4j: { uri: string; user: string; password: string }): Promise<Pick<ColdStartFigures, 'firstPageMs' | 'firstGraphCallMs'>> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: the cold start serves the built client (the bench builds it unless --skip bundle; else run `npx vite build`)');
  const port = await freePort();
  const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, PORT: String(port), HOST: '127.0.0.1', AUTH: 'off', LOG_LEVEL: 'silent' };
  const spawned = performance.now();
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { env, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    const firstPageMs = await firstOk(`${base}/`, spawned, 120_000);
    const firstGraphCallMs = await firstOk(`${base}/api/graph/overview`, spawned, 120_000);
    return { firstPageMs, firstGraphCallMs };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

/** On an empty database: the seed, a first claim, then a server started on what is there. */
export async function measureColdStart(db: Database, neo4j: { uri: string; user: string; password: string }, say: (m: string) => void): Promise<ColdStartFigures> {
  say('Cold start: loading the seed into the empty database...');
  // As `npm start` loads it into an empty database (server/index.ts).
  const seedLoadMs = await timed(async () => {
    if (!(await seedIfEmpty(db, () => {}))) throw new Error('the cold start needs an empty database, and this one holds a graph');
  });
  say('Cold start: the first claim of a new relationship type...');
  const firstClaimOfNewTypeMs = await firstClaimOfNewType(db);
  say("Cold start: npm start's server on the seeded database...");
  return { seedLoadMs, firstClaimOfNewTypeMs, ...(await serverStart(neo4j)) };
}

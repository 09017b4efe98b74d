/**
 * Throughput under 50 concurrent clients, against its peer (issue 16): a fixed list of requests (a mix of what the
 * explorer sends) goes through the API, 50 workers on keep-alive connections over loopback, and the same list goes
 * through neo4j-driver alone, 50 workers each opening its own sessions to send the Cypher the services sent for it
 * (recorded once beforehand by driver-baseline.ts, which also warms Neo4j for both).
 */
import type { Database } from '../server/db/neo4j.js';
import { recordingDatabase, replay, type RecordedTransaction } from './driver-baseline.js';
import { httpClient } from './http-client.js';
import { sampleOf, type OperationContext, type OperationName, type Sample } from './operations.js';
import { hash32, mulberry32 } from './prng.js';
import { percentiles, type Percentiles } from './stats.js';

export interface ThroughputFigures {
  clients: number;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  latency: Percentiles;
}

export interface LoadFigures {
  api: ThroughputFigures;
  /** The same requests' Cypher through neo4j-driver alone, as many concurrent sessions as the API had clients. */
  driver: ThroughputFigures;
  /** API requests/s over the driver's. */
  throughputRatio: number;
  /** API p99 over API p50 under load: how long the tail is. */
  tailRatio: number;
}

export const LOAD_TARGETS = { throughputRatio: 0.9, tailRatio: 3 };

/** What an explorer session sends: mostly searches, details and expansions; some hub pages, paths and queries. */
const MIX: [OperationName, number][] = [
  ['search', 0.3], ['node', 0.3], ['expand', 0.25], ['expand-hub', 0.05], ['path', 0.05], ['saved-query', 0.05],
];

export interface ThroughputOptions {
  clients?: number;
  requests: number;
  /** Time limit of each phase: recording, API, driver. */
  maxSeconds: number;
  seed: number;
}

/** `clients` workers take items 0, 1, 2… until `count` or the time runs out; `send` resolves false on an error reply. */
export async function underLoad(count: number, clients: number, maxSeconds: number, send: (index: number) => Promise<boolean>): Promise<ThroughputFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const index = next++;
      const sent = performance.now();
      const ok = await send(index).catch(() => false);
      if (!ok) errors++;
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { clients, requests: latencies.length, errors, seconds, requestsPerSecond: latencies.length / seconds, latency: percentiles(latencies) };
}

/** The requests, drawn with the mix's shares from the seeded generator. */
export function workload(ctx: OperationContext, requests: number, seed: number): Sample[] {
  const random = mulberry32(hash32(seed, 200));
  return Array.from({ length: requests }, () => {
    let u = random();
    const name = MIX.find(([, share]) => (u -= share) < 0)?.[0] ?? 'search';
    return sampleOf(name, ctx, random);
  });
}

export async function measureThroughput(baseUrl: string, db: Database, ctx: OperationContext, options: ThroughputOptions): Promise<LoadFigures> {
  const { clients = 50, requests, maxSeconds, seed } = options;
  const plan = workload(ctx, requests, seed);
  const recorded: RecordedTransaction[][] = [];
  await underLoad(plan.length, clients, maxSeconds, async (i) => {
    const recording = recordingDatabase(db);
    recorded[i] = recording.transactions;
    await plan[i]!.service(recording.db).catch(() => undefined);
    return true;
  });
  // Both run the requests the recording reached, so both see the same list even when it stopped on time.
  const count = recorded.length;
  const client = httpClient(baseUrl, clients);
  let api: ThroughputFigures;
  try {
    api = await underLoad(count, clients, maxSeconds, async (i) => (await client.send(plan[i]!.request)).status < 400);
  } finally {
    client.close();
  }
  const driver = await underLoad(count, clients, maxSeconds, async (i) => {
    await replay(db, recorded[i]!);
    return true;
  });
  return { api, driver, throughputRatio: api.requestsPerSecond / driver.requestsPerSecond, tailRatio: api.latency.p99 / api.latency.p50 };
}

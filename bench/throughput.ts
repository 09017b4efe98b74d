/**
 * Throughput under 50 concurrent clients, against its peer (issue 16): a fixed list of requests (a mix of what the
 * explorer sends) goes through the API, 50 workers on keep-alive connections over loopback, and the same list goes
 * through neo4j-driver alone, 50 workers each opening its own sessions to send the Cypher the services sent for it
 * (recorded once beforehand by driver-baseline.ts, which also warms Neo4j for both). Each side is one process
 * against Neo4j: the API in this one with its clients in a process of their own, the driver's sessions in another
 * (load-process.ts). Both get the same warm-up (the list's first items) before the run measured.
 */
import type { Database, Neo4jConnection } from '../server/db/neo4j.js';
import { recordingDatabase, recordingsToJson, type RecordedTransaction } from './driver-baseline.js';
import { startLoadProcess, type LoadJob } from './load-process.js';
import { sampleOf, type OperationContext, type OperationName, type Sample } from './operations.js';
import { hash32, mulberry32 } from './prng.js';
import { underLoad, type ThroughputFigures } from './under-load.js';

export interface LoadFigures {
  api: ThroughputFigures;
  /** The same requests' Cypher through neo4j-driver alone, as many concurrent sessions as the API had clients. */
  driver: ThroughputFigures;
  /** API requests/s over the driver's. */
  throughputRatio: number;
  /** API p99 over API p50 under load: how long the tail is. */
  tailRatio: number;
  /** How each side ran, for the report. */
  setup: { api: string; driver: string };
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
  /** Where the driver's process connects: the database `db` is on. */
  connection: Neo4jConnection;
}

/** Runs a warm-up of the first items, then the whole list, in a load process of its own. */
async function inLoadProcess(job: LoadJob): Promise<ThroughputFigures> {
  const load = startLoadProcess();
  try {
    await load.run({ ...job, count: Math.min(job.count, job.clients * 4) });
    return await load.run(job);
  } finally {
    load.close();
  }
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
  const { clients = 50, requests, maxSeconds, seed, connection } = options;
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
  const load = { clients, count, maxSeconds };
  const api = await inLoadProcess({ ...load, kind: 'http', baseUrl, requests: plan.slice(0, count).map((s) => s.request) });
  const driver = await inLoadProcess({ ...load, kind: 'driver', connection: { ...connection, database: db.database }, recordings: recordingsToJson(recorded) });
  return {
    api,
    driver,
    throughputRatio: api.requestsPerSecond / driver.requestsPerSecond,
    tailRatio: api.latency.p99 / api.latency.p50,
    setup: {
      api: `the API in the bench's process (createApp, tsx), its ${clients} HTTP clients in a process of their own`,
      driver: `${clients} sessions replaying the API's Cypher in a process of their own (tsx, neo4j-driver defaults)`,
    },
  };
}

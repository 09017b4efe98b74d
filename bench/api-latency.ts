/**
 * API latency against the raw driver, per operation. Each sample is one input drawn from the generator:
 * 1. sent once to the in-process API over loopback, as a person's first request for it: the latency figures;
 * 2. run through the service with its Cypher recorded (driver-baseline.ts);
 * 3. sent again to the API, replayed through neo4j-driver alone (its defaults) and replayed through the server's
 *    Database (the same sessions without the driver's per-query stack capture, which the server turns off), in
 *    rotating order: all now warm (query plans and pages cached), their p50s give the overhead ratios.
 */
import type { Database } from '../server/db/neo4j.js';
import { recordingDatabase, replay } from './driver-baseline.js';
import { httpClient } from './http-client.js';
import { OPERATION_NAMES, sampleOf, type OperationContext, type OperationName } from './operations.js';
import { hash32, mulberry32 } from './prng.js';
import { percentiles, timed, type Percentiles } from './stats.js';

export interface OperationFigures {
  /** First request for each input, as a person would send it. */
  api: Percentiles;
  /** The same request again, warm, paired with the driver's replay. */
  apiWarm: Percentiles;
  driver: Percentiles;
  /** The replay through the server's Database: what the API adds on top of its own use of the driver. */
  driverBare: Percentiles;
  /** Warm API p50 / driver p50. */
  overheadP50: number;
  /** Warm API p50 / driverBare p50. */
  overheadP50Bare: number;
  errors: number;
}

export type LatencyFigures = Record<OperationName, OperationFigures>;

export interface LatencyOptions {
  samples: number;
  seed: number;
  /** Stop an operation after this long once it has `minSamples` (shortest paths can be slow at scale). */
  budgetMs?: number;
  minSamples?: number;
  say?: (m: string) => void;
}

export async function measureLatency(baseUrl: string, db: Database, ctx: OperationContext, options: LatencyOptions): Promise<LatencyFigures> {
  const { samples, seed, budgetMs = 90_000, minSamples = 10, say = () => {} } = options;
  const client = httpClient(baseUrl, 1);
  const figures = {} as LatencyFigures;
  try {
    for (const [index, name] of OPERATION_NAMES.entries()) {
      const random = mulberry32(hash32(seed, 100 + index));
      const api: number[] = [];
      const apiWarm: number[] = [];
      const driver: number[] = [];
      const driverBare: number[] = [];
      let errors = 0;
      const started = Date.now();
      const warmup = Math.min(5, samples);
      for (let i = 0; i < warmup + samples; i++) {
        if (i >= warmup + minSamples && Date.now() - started > budgetMs) break;
        const sample = sampleOf(name, ctx, random);
        const viaApi = () => timed(() => client.send(sample.request));
        const first = await viaApi();
        if (first.value.status !== 200) errors++;
        const recording = recordingDatabase(db);
        await sample.service(recording.db).catch(() => undefined);
        const sides = [viaApi, () => timed(() => replay(db, recording.transactions)), () => timed(() => replay(db, recording.transactions, 'database'))];
        const ms: number[] = [];
        for (let k = 0; k < sides.length; k++) {
          const side = (i + k) % sides.length;
          ms[side] = (await sides[side]!()).ms;
        }
        if (i < warmup) continue;
        api.push(first.ms);
        apiWarm.push(ms[0]!);
        driver.push(ms[1]!);
        driverBare.push(ms[2]!);
      }
      const apiStats = percentiles(api);
      const warmStats = percentiles(apiWarm);
      const driverStats = percentiles(driver);
      const bareStats = percentiles(driverBare);
      figures[name] = { api: apiStats, apiWarm: warmStats, driver: driverStats, driverBare: bareStats, overheadP50: warmStats.p50 / driverStats.p50, overheadP50Bare: warmStats.p50 / bareStats.p50, errors };
      say(`  ${name}: API p50 ${apiStats.p50.toFixed(1)} ms, p95 ${apiStats.p95.toFixed(1)} ms; warm ${warmStats.p50.toFixed(1)} ms against the driver's ${driverStats.p50.toFixed(1)} ms (${bareStats.p50.toFixed(1)} ms without its stack capture; ${api.length} samples, ${errors} errors)`);
    }
  } finally {
    client.close();
  }
  return figures;
}

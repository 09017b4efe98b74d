/**
 * Throughput under 50 concurrent clients over loopback: a fixed list of requests (a mix of what the explorer
 * sends), taken by 50 workers with keep-alive connections until the list or the time runs out.
 */
import { httpClient } from './http-client.js';
import { sampleOf, type HttpRequest, type OperationContext, type OperationName } from './operations.js';
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

/** What an explorer session sends: mostly searches, details and expansions; some hub pages, paths and queries. */
const MIX: [OperationName, number][] = [
  ['search', 0.3], ['node', 0.3], ['expand', 0.25], ['expand-hub', 0.05], ['path', 0.05], ['saved-query', 0.05],
];

export interface ThroughputOptions {
  clients?: number;
  requests: number;
  maxSeconds: number;
  seed: number;
}

export async function measureThroughput(baseUrl: string, ctx: OperationContext, options: ThroughputOptions): Promise<ThroughputFigures> {
  const { clients = 50, requests, maxSeconds, seed } = options;
  const random = mulberry32(hash32(seed, 200));
  const plan: HttpRequest[] = Array.from({ length: requests }, () => {
    let u = random();
    const name = MIX.find(([, share]) => (u -= share) < 0)?.[0] ?? 'search';
    return sampleOf(name, ctx, random).request;
  });
  const client = httpClient(baseUrl, clients);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const worker = async () => {
    while (next < plan.length && performance.now() < deadline) {
      const request = plan[next++]!;
      const sent = performance.now();
      try {
        const reply = await client.send(request);
        if (reply.status >= 400) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  try {
    await Promise.all(Array.from({ length: clients }, worker));
  } finally {
    client.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { clients, requests: latencies.length, errors, seconds, requestsPerSecond: latencies.length / seconds, latency: percentiles(latencies) };
}

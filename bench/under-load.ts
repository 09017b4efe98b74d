/** `clients` concurrent workers sending a list of items: the loop both sides of the throughput bench run. */
import { percentiles, type Percentiles } from './stats.js';

export interface ThroughputFigures {
  clients: number;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  latency: Percentiles;
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

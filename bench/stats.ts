/** Percentiles over measured durations (nearest rank), in milliseconds. */
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function percentiles(samples: number[]): Percentiles {
  if (samples.length === 0) return { n: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, mean: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

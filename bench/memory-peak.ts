/** This process's memory before, after and at its peak (sampled every 50 ms) while `work` runs. */
export interface MemoryFigures { rssBefore: number; rssAfter: number; rssPeak: number; heapBefore: number; heapAfter: number; heapPeak: number }

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

export async function measureMemory<T>(work: () => Promise<T>): Promise<{ result: T; memoryMb: MemoryFigures }> {
  global.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed);
  }, 50);
  const result = await work().finally(() => clearInterval(sampler));
  const after = process.memoryUsage();
  return { result, memoryMb: { rssBefore: mb(before.rss), rssAfter: mb(after.rss), rssPeak: mb(peak.rss), heapBefore: mb(before.heapUsed), heapAfter: mb(after.heapUsed), heapPeak: mb(peak.heap) } };
}

/** Rows go to Neo4j in UNWIND batches of this many, each its own statement. */
const BATCH = 1000;

export function batches<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
}

export async function inBatches<T>(items: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (const batch of batches(items)) await write(batch);
}

/**
 * The floor the importer is measured against (issue 16): the same relationship rows written with a bare
 * `UNWIND … CREATE`, in the same chunks and batches, with nothing the importer does for safety (no check for an
 * existing relationship, no lock of the ends, no confidence read from the quotes). Written under a type of its own,
 * then deleted again (not timed). Twice: into a type no constraint covers (the yardstick), and into a type
 * with a uniqueness constraint on `id`, as every type the importer writes has (what that constraint costs).
 */
import type { Database } from '../server/db/neo4j.js';
import { ENTITY_LABEL } from '../shared/model/graph-model.js';
import type { EdgeRow } from '../server/db/graph-writer.js';
import { runInBatches } from '../server/db/neo4j.js';

const BATCH = 1000;
const FLOOR_TYPES = { bare: 'BENCH_FLOOR', constrained: 'BENCH_FLOOR_UNIQUE' } as const;
const FLOOR_CONSTRAINT = 'bench_floor_unique_id';

export type FloorKind = keyof typeof FLOOR_TYPES;

/** Relationships a second through the bare statement, and the seconds it took. */
export async function measureFloor(db: Database, chunks: Iterable<EdgeRow[]>, kind: FloorKind = 'bare'): Promise<{ relationshipsPerSecond: number; seconds: number }> {
  const type = FLOOR_TYPES[kind];
  const run = (query: string) => db.driver.executeQuery(query, {}, { database: db.database });
  if (kind === 'constrained') await run(`CREATE CONSTRAINT ${FLOOR_CONSTRAINT} IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`);
  let written = 0;
  let ms = 0;
  try {
    for (const chunk of chunks) {
      const started = performance.now();
      await db.write(async (tx) => {
        for (let i = 0; i < chunk.length; i += BATCH) {
          await tx.run(
            `UNWIND $rows AS row
             MATCH (a:${ENTITY_LABEL} {id: row.source}), (b:${ENTITY_LABEL} {id: row.target})
             CREATE (a)-[r:${type}]->(b) SET r = row.properties, r.id = row.id`,
            { rows: chunk.slice(i, i + BATCH) },
          );
        }
      });
      ms += performance.now() - started;
      written += chunk.length;
    }
  } finally {
    // Auto-commit, so that a million relationships go in bounded transactions.
    await runInBatches(db, `MATCH ()-[r:${type}]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`);
    if (kind === 'constrained') await run(`DROP CONSTRAINT ${FLOOR_CONSTRAINT} IF EXISTS`);
  }
  const seconds = Math.max(1, ms) / 1000;
  return { relationshipsPerSecond: written / seconds, seconds };
}

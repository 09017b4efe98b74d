/**
 * The floor the importer is measured against (issue 16): the same relationship rows written with a bare
 * `UNWIND … CREATE`, in the same chunks and batches, with nothing the importer does for safety (no check for an
 * existing relationship, no lock of the ends, no uniqueness constraint, no confidence read from the quotes). Written
 * under a type of its own, which no constraint covers, then deleted again (not timed).
 */
import type { Database } from '../server/db/neo4j.js';
import { ENTITY_LABEL } from '../shared/model/graph-model.js';
import type { EdgeRow } from '../server/db/graph-writer.js';

const FLOOR_TYPE = 'BENCH_FLOOR';
const BATCH = 1000;

/** Relationships a second through the bare statement, and the seconds it took. */
export async function measureFloor(db: Database, chunks: Iterable<EdgeRow[]>): Promise<{ relationshipsPerSecond: number; seconds: number }> {
  let written = 0;
  let ms = 0;
  for (const chunk of chunks) {
    const started = performance.now();
    await db.write(async (tx) => {
      for (let i = 0; i < chunk.length; i += BATCH) {
        await tx.run(
          `UNWIND $rows AS row
           MATCH (a:${ENTITY_LABEL} {id: row.source}), (b:${ENTITY_LABEL} {id: row.target})
           CREATE (a)-[r:${FLOOR_TYPE}]->(b) SET r = row.properties, r.id = row.id`,
          { rows: chunk.slice(i, i + BATCH) },
        );
      }
    });
    ms += performance.now() - started;
    written += chunk.length;
  }
  const session = db.driver.session({ database: db.database });
  try {
    // Auto-commit, so that a million relationships go in bounded transactions.
    await session.run(`MATCH ()-[r:${FLOOR_TYPE}]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`);
  } finally {
    await session.close();
  }
  const seconds = Math.max(1, ms) / 1000;
  return { relationshipsPerSecond: written / seconds, seconds };
}

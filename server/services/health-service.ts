import type { Health } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';

/** Asks Neo4j for its version on every call, so the answer recovers by itself when Neo4j returns. */
export async function checkHealth(db: Database): Promise<Health> {
  try {
    const info = await db.driver.getServerInfo({ database: db.database });
    return {
      status: 'ok',
      neo4j: { connected: true, version: (info.agent ?? '').replace(/^Neo4j\//, ''), database: db.database ?? 'neo4j' },
    };
  } catch (err) {
    return { status: 'degraded', neo4j: { connected: false, error: (err as Error).message } };
  }
}

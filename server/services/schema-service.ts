import type { SchemaSummary } from '../contract/index.js';
import type { Database } from '../db/neo4j.js';
import { ENTITY_LABEL } from '../../graph-seed/load.js';

interface Row {
  name: string;
  count: number;
  keys: string[];
}

/**
 * Kinds of node and types of relationship in the content graph (Entity nodes and the relationships between them),
 * with counts and property keys. One pass over the content graph: exact, and cheap at the seed's size.
 */
export async function schemaSummary(db: Database): Promise<SchemaSummary> {
  const [labels, types] = await db.read(async (tx) => {
    const byLabel = await tx.run(
      `MATCH (n:${ENTITY_LABEL})
       UNWIND [l IN labels(n) WHERE l <> $entity] AS name
       UNWIND CASE size(keys(n)) WHEN 0 THEN [null] ELSE keys(n) END AS key
       RETURN name, count(DISTINCT n) AS count, collect(DISTINCT key) AS keys ORDER BY name`,
      { entity: ENTITY_LABEL },
    );
    const byType = await tx.run(
      `MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL})
       UNWIND CASE size(keys(r)) WHEN 0 THEN [null] ELSE keys(r) END AS key
       RETURN type(r) AS name, count(DISTINCT r) AS count, collect(DISTINCT key) AS keys ORDER BY name`,
    );
    return [byLabel, byType].map((result) => result.records.map((r) => r.toObject() as Row));
  });
  const sorted = (keys: string[]) => [...keys].sort();
  return {
    labels: labels!.map((r) => ({ label: r.name, count: Number(r.count), propertyKeys: sorted(r.keys) })),
    relationshipTypes: types!.map((r) => ({ type: r.name, count: Number(r.count), propertyKeys: sorted(r.keys) })),
    propertyKeys: sorted([...new Set([...labels!, ...types!].flatMap((r) => r.keys))]),
  };
}

import type { SchemaSummary } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { quoteName } from '../db/cypher-names.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';
/** Elements read per kind or type to list its property keys. */
export const KEY_SAMPLE = 200;

interface Row {
  name: string;
  count: number;
  keys: string[];
}

const sampledKeys = (variable: string) => `reduce(ks = [], x IN ${variable} | ks + [k IN keys(x) WHERE NOT k IN ks])`;

/**
 * Kinds of node and types of relationship in the content graph (Entity nodes and the relationships between them),
 * with counts and property keys, without reading the whole graph (a million nodes would take seconds):
 * - counts come from Neo4j's count store: a kind's nodes, and a type's relationships with an Entity at each end
 *   (the smaller of the two, exact while no type links content to other data);
 * - a label or type is content when some of its first 200 elements are; property keys are those of these.
 */
export async function schemaSummary(db: Database): Promise<SchemaSummary> {
  const [labels, types] = await db.read(async (tx) => {
    const names = async (procedure: string, column: string) =>
      (await tx.run(`CALL ${procedure}() YIELD ${column} RETURN ${column} AS name ORDER BY name`)).records.map((r) => r.get('name') as string);
    const labelNames = (await names('db.labels', 'label')).filter((l) => l !== ENTITY_LABEL);
    const typeNames = await names('db.relationshipTypes', 'relationshipType');
    // Labels and types cannot be parameters: one small query per name (one UNION of them all took seconds to plan).
    const rows = async (names: string[], query: (quotedName: string) => string) => {
      const found: Row[] = [];
      for (const name of names) found.push(...(await tx.run(query(quoteName(name)), { name })).records.map((r) => r.toObject() as Row));
      return found;
    };
    const byLabel = await rows(
      labelNames,
      (label) => `CALL () { MATCH (n:${label}) WITH n LIMIT ${KEY_SAMPLE} RETURN [n IN collect(n) WHERE n:${ENTITY_LABEL}] AS sample }
         WITH sample WHERE size(sample) > 0
         CALL () { MATCH (n:${label}) RETURN count(n) AS count }
         RETURN $name AS name, count, ${sampledKeys('sample')} AS keys`,
    );
    const byType = await rows(
      typeNames,
      (type) => `CALL () { MATCH (:${ENTITY_LABEL})-[r:${type}]->() RETURN count(r) AS fromContent }
         CALL () { MATCH ()-[r:${type}]->(:${ENTITY_LABEL}) RETURN count(r) AS toContent }
         WITH fromContent, toContent WHERE fromContent > 0 AND toContent > 0
         CALL () { MATCH ()-[r:${type}]->() WITH r LIMIT ${KEY_SAMPLE} RETURN [r IN collect(r) WHERE startNode(r):${ENTITY_LABEL} AND endNode(r):${ENTITY_LABEL}] AS sample }
         RETURN $name AS name, CASE WHEN fromContent < toContent THEN fromContent ELSE toContent END AS count, ${sampledKeys('sample')} AS keys`,
    );
    return [byLabel, byType];
  });
  const sorted = (keys: string[]) => [...keys].sort();
  return {
    labels: labels.map((r) => ({ label: r.name, count: Number(r.count), propertyKeys: sorted(r.keys) })),
    relationshipTypes: types.map((r) => ({ type: r.name, count: Number(r.count), propertyKeys: sorted(r.keys) })),
    propertyKeys: sorted([...new Set([...labels, ...types].flatMap((r) => r.keys))]),
  };
}

/** The kind of each exported property key over the whole graph: one aggregation over the key's values in Neo4j. */
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';
import { kindOfCypherTypes, type PropertyKinds, type ValueKind } from './property-types.js';

const PATTERNS = { node: `(x:${ENTITY_LABEL})`, edge: `(:${ENTITY_LABEL})-[x]->(:${ENTITY_LABEL})` } as const;

async function kindsOf(tx: ManagedTransaction, element: keyof typeof PATTERNS, keys: string[]): Promise<Map<string, ValueKind>> {
  if (keys.length === 0) return new Map();
  const result = await tx.run(
    `MATCH ${PATTERNS[element]} UNWIND [key IN keys(x) WHERE key IN $keys] AS key
     RETURN key, collect(DISTINCT valueType(x[key])) AS types`,
    { keys },
  );
  return new Map(result.records.map((r) => [r.get('key') as string, kindOfCypherTypes(r.get('types') as string[])]));
}

const keysOf = (rows: readonly { properties: Record<string, unknown> }[]) => [...new Set(rows.flatMap((r) => Object.keys(r.properties)))];

export async function graphPropertyKinds(
  tx: ManagedTransaction,
  nodes: readonly { properties: Record<string, unknown> }[],
  edges: readonly { properties: Record<string, unknown> }[],
): Promise<PropertyKinds> {
  return { node: await kindsOf(tx, 'node', keysOf(nodes)), edge: await kindsOf(tx, 'edge', keysOf(edges)) };
}

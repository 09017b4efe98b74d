/**
 * The only names ever interpolated into Cypher: labels and relationship types after the check of safeName, and
 * property keys or other names read from the database quoted by quoteName.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { ID_RULES } from '../../shared/model/graph-model.js';

export const SAFE_NAME = ID_RULES.label.pattern;

export function safeName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`Refusing to put ${JSON.stringify(name)} into a Cypher query`);
  return name;
}

/** Any name as a Cypher identifier: in backticks, a backtick inside doubled. */
export const quoteName = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** Every relationship type the database knows (safe names only), sorted. */
export async function relationshipTypes(tx: ManagedTransaction): Promise<string[]> {
  const result = await tx.run('CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType');
  return result.records.map((r) => r.get('relationshipType') as string).filter((t) => SAFE_NAME.test(t));
}

/** How many relationships the database holds, from Neo4j's counts (no scan). */
export async function relationshipCount(tx: ManagedTransaction): Promise<number> {
  const { records } = await tx.run('MATCH ()-[r]->() RETURN count(r) AS relationships');
  return Number(records[0]?.get('relationships') ?? 0);
}

export type Direction = 'out' | 'in' | 'both';

/** The pattern `(node)-[:TYPE]->()` in a direction; Neo4j answers `COUNT { }` of it from the degree store. */
export function degreeExpression(node: string, type: string, direction: Direction): string {
  const t = safeName(type);
  if (direction === 'out') return `COUNT { (${node})-[:${t}]->() }`;
  if (direction === 'in') return `COUNT { (${node})<-[:${t}]-() }`;
  return `COUNT { (${node})-[:${t}]-() }`;
}

/** A claim's subject and object: an existing entity by id, or a new one, refused while likely duplicates exist. */
import type { ManagedTransaction } from 'neo4j-driver';
import type { z } from 'zod';
import type { EntityRefSchema } from '../../../shared/contract/reporting.js';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';
import { AppError } from '../../errors.js';
import { safeName } from '../../db/cypher-names.js';
import { DUPLICATE_THRESHOLD, matchEntities } from './entity-match.js';
import { freeEntityId } from './unique-id.js';

type EntityRef = z.output<typeof EntityRefSchema>;

export interface ClaimEntity {
  id: string;
  name: string;
  /** Set when the claim creates it. */
  create?: { kind: string };
  /** Likely duplicates it is created despite (allowDuplicates). */
  despite: string[];
}

export async function resolveEntity(tx: ManagedTransaction, ref: EntityRef, where: string, allowDuplicates: boolean): Promise<ClaimEntity> {
  if (typeof ref === 'string') {
    const { records } = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n.name AS name`, { id: ref });
    if (!records[0]) throw new AppError('not_found', `${where}: no entity with id ${ref}`, [{ where, message: `no entity with id ${ref}` }]);
    return { id: ref, name: String(records[0].get('name') ?? ref), despite: [] };
  }
  const { kind, name } = ref.new;
  const likely = (await matchEntities(tx, name, kind, 5)).filter((c) => c.score >= DUPLICATE_THRESHOLD);
  if (likely.length && !allowDuplicates) {
    const listed = likely.map((c) => `${String(c.node.properties.name)} (${c.node.id}, ${c.score}: ${c.reasons.join(', ') || 'same name'})`).join('; ');
    throw new AppError(
      'conflict',
      `${where}.new: "${name}" may be an existing ${kind}: ${listed}. Use its id, or send allowDuplicates: true to create a new one`,
      likely.map((c) => ({ where: `${where}.new`, message: c.node.id })),
    );
  }
  return { id: await freeEntityId(tx, kind.toLowerCase(), name), name, create: { kind }, despite: likely.map((c) => c.node.id) };
}

export async function createEntity(tx: ManagedTransaction, entity: ClaimEntity, by: string): Promise<void> {
  if (!entity.create) return;
  await tx.run(`CREATE (n:${ENTITY_LABEL}:${safeName(entity.create.kind)} {id: $id, name: $name, addedBy: $by, addedAt: $at})`, {
    id: entity.id,
    name: entity.name,
    by,
    at: new Date().toISOString(),
  });
}

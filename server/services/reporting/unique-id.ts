/** Ids made from names (`source:<slug>`, `person:<slug>`, `rel:<slug>`), with `-2`, `-3`… when the plain one is taken. */
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';
import { slugify } from '../../../shared/text/slug.js';
import { AppError } from '../../errors.js';
import { findEdges } from '../edge-lookup.js';

async function firstFree(base: string, taken: (ids: string[]) => Promise<Set<string>>): Promise<string> {
  for (let from = 1; ; from += 20) {
    const ids = Array.from({ length: 20 }, (_, i) => (from + i === 1 ? base : `${base}-${from + i}`));
    const used = await taken(ids);
    const free = ids.find((id) => !used.has(id));
    if (free) return free;
  }
}

/** `prefix:<slug of name>` not used by any entity (ids are unique across kinds). */
export async function freeEntityId(tx: ManagedTransaction, prefix: string, name: string): Promise<string> {
  return firstFree(`${prefix}:${slugify(name, 'unnamed')}`, async (ids) => {
    const { records } = await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n.id AS id`, { ids });
    return new Set(records.map((r) => r.get('id') as string));
  });
}

/** `rel:<slug of words>` not used by any relationship of any type. */
export async function freeRelationshipId(tx: ManagedTransaction, words: string): Promise<string> {
  return firstFree(`rel:${slugify(words, 'relationship')}`, async (ids) => new Set((await findEdges(tx, ids)).map((e) => String(e.rel.properties.id))));
}

const ID_TAKEN = 'Neo.ClientError.Schema.ConstraintValidationFailed';
const ATTEMPTS = 3;

/**
 * Runs a write that makes ids with the functions above, again when another write committed the same new id first
 * (both read it as free; the unique constraint refuses the later). Run again, it sees the winner's element: a claim's
 * new entity then meets it as a likely duplicate (409 with its id), a new relationship gets the quote instead. We chose
 * this over taking the next free id: two editors naming the same new thing at once most likely mean the same thing.
 */
export async function retryOnTakenId<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if ((err as { code?: string }).code !== ID_TAKEN) throw err;
      if (attempt === ATTEMPTS) throw new AppError('conflict', 'another write took the same new id at the same moment; send the request again', [], { cause: err });
    }
  }
}

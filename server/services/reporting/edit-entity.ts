/**
 * Editing an entity's name, aliases and properties, because of a standing quote or an editorial note: refused with
 * 409 when a value the editor saw changed since (edit-conflicts.ts), otherwise written in one transaction as an `edit`
 * changeset, so it can be reverted.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { z } from 'zod';
import type { EditEntityInputSchema, WriteResult } from '../../../shared/contract/reporting.js';
import { ENTITY_LABEL, EVIDENCE_LABEL, RESERVED_PROPERTIES } from '../../../shared/model/graph-model.js';
import type { Database } from '../../db/neo4j.js';
import { toPlain } from '../../db/to-graph.js';
import { AppError } from '../../errors.js';
import { ensureReportingSchema, writeChange } from './changes.js';
import { refuseStale, same, type EditedField } from './edit-conflicts.js';
import { lockEntity } from './entity-lock.js';
import type { Props } from './snapshot.js';

type EditInput = z.output<typeof EditEntityInputSchema>;

export async function editEntity(db: Database, id: string, input: EditInput, by: string): Promise<WriteResult> {
  const wanted = requestedValues(input);
  const base = baseValues(input, [...wanted.values()].map((w) => w.field));
  await ensureReportingSchema(db);
  return db.write(async (tx) => {
    const stored = await lockedEntity(tx, id);
    await refuseStale(tx, id, stored, base);
    const reason = await reasonOf(tx, input.because);
    const set = newValues(stored, wanted, input.keepOldName);
    if (Object.keys(set).length === 0) throw new AppError('bad_request', 'body: the edit changes nothing: every value is already stored', [{ where: 'body', message: 'changes nothing' }]);
    // A property whose value changes loses the quotes that backed its old value; name and aliases keep theirs (the old name stays an alias).
    const outdated = Object.keys(set).filter((key) => key !== 'name' && key !== 'aliases').map((key) => `${id}#${key}`);
    const oldQuotes = await quotesClaiming(tx, id, outdated);
    const backed = reason.evidence ? backedClaims(id, set) : [];
    const name = String(set.name ?? stored.name ?? id);
    return writeChange(
      tx,
      by,
      { nodes: [id], edges: [], evidence: [...new Set([...oldQuotes, ...(reason.evidence && backed.length ? [reason.evidence] : [])])] },
      { kind: 'edit', summary: `edited ${name}: ${describe(stored, set)}`, note: reason.note },
      async () => {
        await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) SET n += $set`, { id, set });
        if (oldQuotes.length) await detachQuotes(tx, id, oldQuotes, outdated);
        if (reason.evidence && backed.length) {
          await tx.run(
            `MATCH (n:${ENTITY_LABEL} {id: $id}), (e:${EVIDENCE_LABEL} {id: $evidence})
             SET e.claims = [c IN coalesce(e.claims, []) WHERE NOT c IN $claims] + $claims
             SET n.evidence = [x IN coalesce(n.evidence, []) WHERE x <> $evidence] + $evidence`,
            { id, evidence: reason.evidence, claims: backed },
          );
        }
      },
    );
  });
}

interface Wanted {
  field: EditedField;
  value: unknown;
}

/** The fields the edit sets, by property key; refuses the graph's own properties and an edit of nothing. */
function requestedValues(input: EditInput): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  if (input.name !== undefined) wanted.set('name', { field: { key: 'name', where: 'body.base.name' }, value: input.name });
  if (input.aliases !== undefined) wanted.set('aliases', { field: { key: 'aliases', where: 'body.base.aliases' }, value: input.aliases });
  for (const [key, value] of Object.entries(input.properties ?? {})) {
    if (RESERVED_PROPERTIES.has(key)) {
      const where = `body.properties.${key}`;
      const hint = key === 'name' || key === 'aliases' ? `: use body.${key}` : '';
      throw new AppError('bad_request', `${where}: ${key} is kept by the graph itself${hint}`, [{ where, message: `is kept by the graph itself${hint}` }]);
    }
    wanted.set(key, { field: { key, where: `body.base.properties.${key}` }, value });
  }
  if (wanted.size === 0) throw new AppError('bad_request', 'body: nothing to edit: give name, aliases or properties', [{ where: 'body', message: 'give name, aliases or properties' }]);
  return wanted;
}

/** What the editor saw of each edited field; every edited field needs one, so that a concurrent change is noticed. */
function baseValues(input: EditInput, fields: EditedField[]): Map<string, { field: EditedField; value: unknown }> {
  const properties = input.base.properties ?? {};
  const seen = (key: string): unknown => (key === 'name' ? input.base.name : key === 'aliases' ? input.base.aliases : Object.hasOwn(properties, key) ? properties[key] : undefined);
  const missing = fields.filter((f) => seen(f.key) === undefined);
  if (missing.length) {
    const message = 'is required: the value you saw before editing (null when there was none)';
    throw new AppError('bad_request', `${missing.map((f) => f.where).join(', ')} ${message}`, missing.map((f) => ({ where: f.where, message })));
  }
  return new Map(fields.map((field) => [field.key, { field, value: seen(field.key) }]));
}

/** The entity's properties, read under its write lock. */
async function lockedEntity(tx: ManagedTransaction, id: string): Promise<Props> {
  const node = await lockEntity(tx, id);
  if (!node) throw new AppError('not_found', `params.id: no entity with id ${id}`, [{ where: 'params.id', message: `no entity with id ${id}` }]);
  // No prototype: a property named `constructor` or `toString` is absent unless stored.
  return Object.assign(Object.create(null) as Props, toPlain(node.properties));
}

/** A quote must stand (exist, not retracted); it is then the change's note, as an editorial note is. */
async function reasonOf(tx: ManagedTransaction, because: EditInput['because']): Promise<{ evidence?: string; note: string }> {
  if ('editorial' in because) return { note: because.editorial };
  const where = 'body.because.evidence';
  const { records } = await tx.run(`MATCH (e:${EVIDENCE_LABEL} {id: $id}) RETURN e.quote AS quote, e.retractReason AS retracted, e.retractedAt IS NOT NULL AS isRetracted`, { id: because.evidence });
  const found = records[0];
  if (!found) throw new AppError('not_found', `${where}: no quote with id ${because.evidence}`, [{ where, message: `no quote with id ${because.evidence}` }]);
  if (found.get('isRetracted')) {
    const message = `this quote was retracted (${String(found.get('retracted'))})`;
    throw new AppError('conflict', `${where}: ${message}`, [{ where, message }]);
  }
  return { evidence: because.evidence, note: String(found.get('quote')) };
}

/** The values to write, only those that differ from the stored ones (`null` removes); a renamed entity keeps its old name as an alias. */
function newValues(stored: Props, wanted: Map<string, Wanted>, keepOldName: boolean): Props {
  const set: Props = {};
  for (const [key, { value }] of wanted) if (!same(stored[key], value)) set[key] = value;
  const oldName = typeof stored.name === 'string' ? stored.name : null;
  if (typeof set.name === 'string' && oldName && keepOldName) {
    const aliases = ((set.aliases ?? stored.aliases ?? []) as string[]).filter((a) => a !== set.name);
    const kept = aliases.includes(oldName) ? aliases : [...aliases, oldName];
    if (!same(kept, stored.aliases)) set.aliases = kept;
  }
  return set;
}

/** What a quote backing the edit supports: each value set (`node#key`), and the entry itself (`node`) for a new name. */
function backedClaims(id: string, set: Props): string[] {
  return Object.entries(set).flatMap(([key, value]) => (value === null ? [] : key === 'name' ? [id] : [`${id}#${key}`]));
}

async function quotesClaiming(tx: ManagedTransaction, id: string, claims: string[]): Promise<string[]> {
  if (claims.length === 0) return [];
  const { records } = await tx.run(
    `MATCH (n:${ENTITY_LABEL} {id: $id}) MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN coalesce(n.evidence, []) AND any(c IN e.claims WHERE c IN $claims) RETURN e.id AS id`,
    { id, claims },
  );
  return records.map((r) => r.get('id') as string);
}

/** The quotes stop claiming the changed properties; one left with no claim on the entity leaves its `evidence` list. */
async function detachQuotes(tx: ManagedTransaction, id: string, quotes: string[], claims: string[]): Promise<void> {
  await tx.run(
    `MATCH (n:${ENTITY_LABEL} {id: $id})
     UNWIND $quotes AS quote
     MATCH (e:${EVIDENCE_LABEL} {id: quote})
     SET e.claims = [c IN e.claims WHERE NOT c IN $claims]
     WITH n, e WHERE none(c IN e.claims WHERE c = $id OR c STARTS WITH $prefix)
     SET n.evidence = [x IN n.evidence WHERE x <> e.id]`,
    { id, quotes, claims, prefix: `${id}#` },
  );
}

function describe(stored: Props, set: Props): string {
  const shown = (v: unknown) => (Array.isArray(v) ? v.map((x) => JSON.stringify(x)).join(', ') || 'none' : JSON.stringify(v));
  return Object.entries(set)
    .map(([key, value]) => (value === null ? `removed ${key}` : stored[key] == null ? `${key} ${shown(value)}` : `${key} ${shown(stored[key])} → ${shown(value)}`))
    .join('; ');
}

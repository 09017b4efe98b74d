/**
 * Claims from verbatim quotes: `subject -[TYPE]-> object` (a new relationship, or one more quote for the existing one)
 * or `subject.property = value`, with the Evidence node, any new entities and the changeset in one transaction.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { z } from 'zod';
import type { ClaimInputSchema, WriteResult } from '../../../shared/contract/reporting.js';
import { edgeLabel, ENTITY_LABEL, EVIDENCE_LABEL, RESERVED_PROPERTIES } from '../../../shared/model/graph-model.js';
import { ensureSchema } from '../../db/graph-writer.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { safeName } from '../../db/cypher-names.js';
import { createEntity, resolveEntity, type ClaimEntity } from './claim-entities.js';
import { ensureReportingSchema, writeChange } from './changes.js';
import { recomputeConfidence } from './confidence.js';
import { checkQuote } from './quote-check.js';
import { lockEntity } from './entity-lock.js';
import { readVersion } from './text-versions.js';
import { freeRelationshipId, retryOnTakenId } from './unique-id.js';

type ClaimInput = z.output<typeof ClaimInputSchema>;
type Common = Omit<ClaimInput, 'type' | 'object' | 'property' | 'value'>;

export async function addClaim(db: Database, input: ClaimInput, by: string): Promise<WriteResult> {
  if ('property' in input && RESERVED_PROPERTIES.has(input.property)) {
    throw new AppError('bad_request', `body.property: ${input.property} is not a claimable property`, [{ where: 'body.property', message: 'is kept by the graph itself' }]);
  }
  await ensureReportingSchema(db);
  if ('type' in input) await ensureSchema(db, [input.type]);
  return retryOnTakenId(() => db.write(async (tx) => {
    const { name: source, version } = await quotedSource(tx, input);
    const evidenceId = await evidenceIdFor(tx, input, version);
    await refuseRetracted(tx, evidenceId);
    const subject = await resolveEntity(tx, input.subject, 'body.subject', input.allowDuplicates);
    const created = async (...entities: ClaimEntity[]) => {
      for (const entity of entities) await createEntity(tx, entity, by);
    };
    const evidence = (claim: string) => upsertEvidence(tx, evidenceId, claim, input);
    if ('type' in input) {
      const object = await resolveEntity(tx, input.object, 'body.object', input.allowDuplicates);
      const type = safeName(input.type);
      const existing = subject.create || object.create ? undefined : await existingEdge(tx, subject.id, type, object.id);
      const edgeId = existing ?? (await freeRelationshipId(tx, `${subject.name} ${edgeLabel(type)} ${object.name}`));
      const reading = `${subject.name} ${edgeLabel(type)} ${object.name}`;
      return writeChange(
        tx,
        by,
        { nodes: [subject, object].filter((e) => e.create).map((e) => e.id), edges: [edgeId], evidence: [evidenceId] },
        {
          kind: 'add-claim',
          summary: existing ? `added a quote from "${source}" to ${reading}` : `claimed ${reading}, from "${source}"`,
          related: [input.sourceId, subject.id, object.id],
          createdDespite: [...subject.despite, ...object.despite],
        },
        async () => {
          await created(subject, object);
          await evidence(edgeId);
          if (existing) await tx.run(`MATCH ()-[r:${type} {id: $id}]->() SET r.evidence = [x IN r.evidence WHERE x <> $evidenceId] + $evidenceId`, { id: edgeId, evidenceId });
          else {
            await tx.run(`MATCH (a:${ENTITY_LABEL} {id: $a}), (b:${ENTITY_LABEL} {id: $b}) CREATE (a)-[r:${type} {id: $id, evidence: [$evidenceId], addedBy: $by}]->(b)`, {
              a: subject.id,
              b: object.id,
              id: edgeId,
              evidenceId,
              by,
            });
          }
          if (input.date) await setDate(tx, type, edgeId, input.date);
          await recomputeConfidence(tx, [edgeId]);
        },
      );
    }
    const claim = `${subject.id}#${input.property}`;
    await refuseOtherValue(tx, subject.id, input.property, input.value);
    return writeChange(
      tx,
      by,
      { nodes: [subject.id], edges: [], evidence: [evidenceId] },
      { kind: 'add-claim', summary: `claimed ${subject.name}'s ${input.property} is ${JSON.stringify(input.value)}, from "${source}"`, related: [input.sourceId], createdDespite: subject.despite },
      async () => {
        await created(subject);
        await evidence(claim);
        await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) SET n += $set SET n.evidence = [x IN coalesce(n.evidence, []) WHERE x <> $evidenceId] + $evidenceId`, {
          id: subject.id,
          set: { [input.property]: input.value },
          evidenceId,
        });
      },
    );
  }));
}

/** The source's title and current version, once the quote is checked against its current text. */
async function quotedSource(tx: ManagedTransaction, input: Common): Promise<{ name: string; version: number }> {
  const where = 'body.sourceId';
  await lockEntity(tx, input.sourceId);
  const read = await readVersion(tx, input.sourceId);
  if (!read) throw new AppError('not_found', `${where}: no source with id ${input.sourceId}`, [{ where, message: `no source with id ${input.sourceId}` }]);
  if (read.text === null) throw new AppError('bad_request', `${where}: ${input.sourceId} has no stored text to quote`, [{ where, message: 'has no stored text' }]);
  if (input.version !== undefined && input.version !== read.version) {
    const message = `version ${input.version} is not the current text of ${input.sourceId} (version ${read.version}); claims quote the current text`;
    throw new AppError('conflict', `body.version: ${message}`, [{ where: 'body.version', message }]);
  }
  checkQuote(read.text, input.quote, input.start, input.end);
  return { name: String(read.source.properties.name ?? input.sourceId), version: read.version };
}

/**
 * The quote already at these offsets of the current text with this confidence, else a new id. A quote moved by a
 * correction keeps an id naming its old offsets, so ids made on a later version say which (`@v2`) and never meet it.
 */
async function evidenceIdFor(tx: ManagedTransaction, input: Common, version: number): Promise<string> {
  const { records } = await tx.run(
    `MATCH (e:${EVIDENCE_LABEL} {sourceId: $sourceId}) WHERE e.sourceVersion IS NULL AND e.start = $start AND e.end = $end AND e.confidence = $confidence
     RETURN e.id AS id ORDER BY e.id LIMIT 1`,
    { sourceId: input.sourceId, start: input.start, end: input.end, confidence: input.confidence },
  );
  const slug = input.sourceId.replace(/^source:/, '') + (version > 1 ? `@v${version}` : '');
  return (records[0]?.get('id') as string | undefined) ?? `evidence:${slug}:${input.start}-${input.end}:${input.confidence}`;
}

async function refuseRetracted(tx: ManagedTransaction, evidenceId: string): Promise<void> {
  const { records } = await tx.run(`MATCH (e:${EVIDENCE_LABEL} {id: $id}) WHERE e.retractedAt IS NOT NULL RETURN e.retractReason AS reason`, { id: evidenceId });
  if (records[0]) {
    const message = `this quote was retracted (${String(records[0].get('reason'))}); revert the retraction to use it again`;
    throw new AppError('conflict', `body.quote: ${message}`, [{ where: 'body.quote', message }]);
  }
}

async function existingEdge(tx: ManagedTransaction, a: string, type: string, b: string): Promise<string | undefined> {
  const { records } = await tx.run(`MATCH (:${ENTITY_LABEL} {id: $a})-[r:${type}]->(:${ENTITY_LABEL} {id: $b}) RETURN r.id AS id ORDER BY r.id LIMIT 1`, { a, b });
  return (records[0]?.get('id') as string | undefined) ?? undefined;
}

/** The same quote at the same confidence is one Evidence node, whatever it supports: a second claim joins its `claims`. */
async function upsertEvidence(tx: ManagedTransaction, id: string, claim: string, input: Common): Promise<void> {
  await tx.run(
    `MERGE (e:${EVIDENCE_LABEL} {id: $id})
     ON CREATE SET e.quote = $quote, e.start = $start, e.end = $end, e.attribution = $attribution, e.confidence = $confidence, e.sourceId = $sourceId
     SET e.claims = [c IN coalesce(e.claims, []) WHERE c <> $claim] + $claim`,
    { id, claim, quote: input.quote, start: input.start, end: input.end, attribution: input.attribution, confidence: input.confidence, sourceId: input.sourceId },
  );
}

/** A date is set when the relationship has none; one already given by another quote stays. */
async function setDate(tx: ManagedTransaction, type: string, id: string, date: NonNullable<Common['date']>): Promise<void> {
  await tx.run(`MATCH ()-[r:${type} {id: $id}]->() WHERE r.dateText IS NULL SET r.dateText = $text, r.date = $date, r.datePrecision = $precision`, {
    id,
    text: date.text,
    date: date.date ?? null,
    precision: date.precision ?? null,
  });
}

/** Another source's different value is never overwritten: 409 with the value and the quotes behind it. */
async function refuseOtherValue(tx: ManagedTransaction, id: string, property: string, value: unknown): Promise<void> {
  const { records } = await tx.run(
    `MATCH (n:${ENTITY_LABEL} {id: $id}) WHERE n[$property] IS NOT NULL
     OPTIONAL MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN coalesce(n.evidence, []) AND e.retractedAt IS NULL AND $claim IN e.claims
     RETURN n[$property] AS current, collect(e { .id, .quote }) AS quotes`,
    { id, property, claim: `${id}#${property}` },
  );
  const current: unknown = records[0]?.get('current');
  if (current === undefined || current === null || JSON.stringify(current) === JSON.stringify(value)) return;
  const quotes = records[0]!.get('quotes') as { id: string; quote: string }[];
  throw new AppError(
    'conflict',
    `body.value: ${id} already has ${property} = ${JSON.stringify(current)}${quotes.length ? `, from ${quotes.map((q) => `"${q.quote}"`).join(', ')}` : ''}; a different value is not written over it`,
    [{ where: 'body.value', message: `current value ${JSON.stringify(current)}` }, ...quotes.map((q) => ({ where: 'body.value', message: q.id }))],
  );
}

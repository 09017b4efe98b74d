/** The source library: sources added from pasted text, Markdown or HTML, their quotes and what the quotes support. */
import { int, type ManagedTransaction } from 'neo4j-driver';
import type { SourceCreated, SourceDetails, SourceList, SourceSummary } from '../../../shared/contract/reporting.js';
import type { z } from 'zod';
import type { SourceInputSchema, SourceListQuerySchema } from '../../../shared/contract/reporting.js';
import { ENTITY_LABEL, EVIDENCE_LABEL, kindOf } from '../../../shared/model/graph-model.js';
import type { Database } from '../../db/neo4j.js';
import { GraphCollector } from '../../db/to-graph.js';
import { AppError } from '../../errors.js';
import { findEdges } from '../edge-lookup.js';
import { claimTarget, fetchEvidence } from '../evidence-service.js';
import { ensureReportingSchema, writeChange } from './changes.js';
import { findMentions, type NamedEntity } from './mentions.js';
import { reduceToText } from './source-text.js';
import { readVersion } from './text-versions.js';
import { freeEntityId, retryOnTakenId } from './unique-id.js';

const SOURCE = `${ENTITY_LABEL}:Source`;
/** Quotes resting on a source that still stand. */
const LIVE_QUOTES = `COUNT { MATCH (e:${EVIDENCE_LABEL} {sourceId: s.id}) WHERE e.retractedAt IS NULL }`;

export async function addSource(db: Database, input: z.output<typeof SourceInputSchema>, by: string): Promise<SourceCreated> {
  const text = reduceToText(input.content, input.format);
  if (!text) throw new AppError('bad_request', `body.content: the ${input.format} has no readable text`, [{ where: 'body.content', message: 'has no readable text' }]);
  await ensureReportingSchema(db);
  // Two sources of the same title at once are two sources: run again, the later takes the next free id.
  return retryOnTakenId(() => db.write(async (tx) => {
    const id = await freeEntityId(tx, 'source', input.title);
    const properties = {
      id,
      name: input.title,
      publisher: input.publisher ?? null,
      author: input.author ?? null,
      url: input.url ?? null,
      publishedAt: input.publishedAt ?? null,
      text,
      addedBy: by,
      addedAt: new Date().toISOString(),
    };
    const { change } = await writeChange(tx, by, { nodes: [id], edges: [], evidence: [] }, { kind: 'add-source', summary: `added the source "${input.title}"` }, async () => {
      await tx.run(`CREATE (s:${SOURCE}) SET s = $properties`, { properties });
    });
    return { change, source: (await sourceSummaries(tx, [id]))[0]! };
  }));
}

const SUMMARY = `RETURN s.id AS id, s.name AS title, s.publisher AS publisher, s.author AS author, s.url AS url, s.publishedAt AS publishedAt,
  s.addedBy AS addedBy, s.addedAt AS addedAt, size(coalesce(s.text, '')) AS length, ${LIVE_QUOTES} AS quotes,
  size(coalesce(s.earlierTexts, [])) + 1 AS version`;

const toSummary = (row: Record<string, unknown>): SourceSummary => {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(row.id),
    title: String(row.title ?? row.id),
    publisher: text(row.publisher),
    author: text(row.author),
    url: text(row.url),
    publishedAt: text(row.publishedAt),
    addedBy: text(row.addedBy),
    addedAt: text(row.addedAt),
    length: Number(row.length),
    quotes: Number(row.quotes),
    version: Number(row.version),
  };
};

export async function sourceSummaries(tx: ManagedTransaction, ids: string[]): Promise<SourceSummary[]> {
  const { records } = await tx.run(`MATCH (s:${SOURCE}) WHERE s.id IN $ids ${SUMMARY}`, { ids });
  return records.map((r) => toSummary(r.toObject()));
}

/** Newest first (sources from the seed, without `addedAt`, last); `q` matches words of title, publisher or author. */
export async function listSources(db: Database, { q, limit }: z.output<typeof SourceListQuerySchema>): Promise<SourceList> {
  const terms = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const { records } = await db.read((tx) =>
    tx.run(
      `MATCH (s:${SOURCE})
       WITH s, toLower(coalesce(s.name, '') + ' ' + coalesce(s.publisher, '') + ' ' + coalesce(s.author, '')) AS about
       WHERE all(t IN $terms WHERE about CONTAINS t)
       ${SUMMARY} ORDER BY s.addedAt IS NULL, s.addedAt DESC, s.id LIMIT $limit`,
      { terms, limit: int(limit) },
    ),
  );
  return { sources: records.map((r) => toSummary(r.toObject())) };
}

/** One version of a source's text (the current one without `version`), with the standing quotes that point into it. */
export async function sourceDetails(db: Database, id: string, version?: number): Promise<SourceDetails> {
  return db.read(async (tx) => {
    const [source] = await sourceSummaries(tx, [id]);
    const read = source && (await readVersion(tx, id, version));
    if (!read) throw new AppError('not_found', `No source with id ${id}`);
    const text = read.text ?? '';
    const { records } = await tx.run(
      `MATCH (e:${EVIDENCE_LABEL} {sourceId: $id})
       WHERE e.retractedAt IS NULL AND CASE WHEN $earlier THEN e.sourceVersion = $version ELSE e.sourceVersion IS NULL END
       RETURN e.id AS id ORDER BY e.start, e.end, e.id`,
      { id, earlier: read.version < read.current, version: read.version },
    );
    const evidence = await fetchEvidence(tx, records.map((r) => r.get('id') as string));
    const targets = [...new Set(evidence.flatMap((e) => e.claims.map(claimTarget)))];
    const nodes = await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $targets RETURN n`, { targets });
    const edges = await findEdges(tx, targets);
    const supports = new GraphCollector().add(nodes.records.map((r) => r.get('n'))).add(edges.map((e) => [e.source, e.rel, e.target])).toGraph();
    return { source, version: read.version, versions: read.versions, text, evidence, supports, mentions: findMentions(text, await namedEntities(tx)) };
  });
}

/**
 * Names and aliases of every entity but sources: a scan of the Entity label, O(entities), a few milliseconds for
 * a few thousand; a graph of millions would first narrow them with the full-text index over the text's words.
 */
async function namedEntities(tx: ManagedTransaction): Promise<NamedEntity[]> {
  const { records } = await tx.run(
    `MATCH (n:${ENTITY_LABEL}) WHERE NOT n:Source AND n.name IS :: STRING NOT NULL
     RETURN n.id AS id, labels(n) AS labels, [n.name] + CASE WHEN n.aliases IS :: LIST<STRING NOT NULL> NOT NULL THEN n.aliases ELSE [] END AS names`,
  );
  return records.map((r) => ({ id: r.get('id') as string, kind: kindOf(r.get('labels') as string[]), names: r.get('names') as string[] }));
}


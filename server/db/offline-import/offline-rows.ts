/**
 * The writer's rows (graph-writer.ts) as the offline importer's files, holding what the transactional writer would
 * store in an empty database: `Entity` plus each node's labels, `id` on every element, nulls left out, a quote given
 * by several chunks kept once with its claims united, and each relationship's confidence settled from its quotes
 * (the firmest level among them). Chunks come in order: a relationship's quotes in its own chunk or an earlier one.
 * Node and relationship ids are unique across chunks (the seed loader and the bench's generator make them so).
 */
import type { EdgeRow, EvidenceRow, PreparedSeed, RecordRow } from '../graph-writer.js';
import { ENTITY_LABEL, EVIDENCE_LABEL, EVIDENCE_LEVELS, RECORD_CONFIDENCE } from '../../../shared/model/graph-model.js';
import { CsvGroups, labelsField, OfflineUnsupportedError, field, type CsvProps, type CsvRow } from './csv-files.js';

/** A node label marking an empty list property, set to `[]` once the database runs (the importer stores no empty list). */
export const EMPTY_LIST_LABEL = '_EmptyList_';
/** On a relationship: the names of its empty list properties. */
export const EMPTY_LISTS_PROPERTY = '_emptyLists';

export interface OfflineFiles {
  nodes: { files: string[]; multiline?: string }[];
  relationships: { files: string[]; multiline?: string }[];
  longestLine: number;
  relationshipTypes: string[];
  /** List properties left empty on nodes, and on relationships. */
  emptyLists: { nodes: string[]; relationships: string[] };
  counts: { nodes: number; relationships: number; evidence: number };
}

type Props = Record<string, unknown>;

export class OfflineRows {
  private readonly entities: CsvGroups;
  private readonly quotes: CsvGroups;
  private readonly relationships: CsvGroups;
  /** Quotes and records by id, written at the end: a later chunk may add claims to one. */
  private readonly evidence = new Map<string, Props>();
  private readonly types = new Set<string>();
  private readonly emptyLists = { nodes: new Set<string>(), relationships: new Set<string>() };
  private counts = { nodes: 0, relationships: 0 };

  constructor(dir: string) {
    this.entities = new CsvGroups(dir, 'entities', [`id:ID(${ENTITY_LABEL})`, ':LABEL']);
    this.quotes = new CsvGroups(dir, 'evidence', [`id:ID(${EVIDENCE_LABEL})`, ':LABEL']);
    this.relationships = new CsvGroups(dir, 'relationships', [`:START_ID(${ENTITY_LABEL})`, `:END_ID(${ENTITY_LABEL})`, ':TYPE', 'id:string']);
  }

  /** In the transactional writer's order: records, quotes, nodes, relationships. */
  add(chunk: PreparedSeed): void {
    for (const row of chunk.records ?? []) this.addEvidence(recordProps(row));
    for (const row of chunk.evidence) this.addEvidence(quoteProps(row));
    this.entities.write(chunk.nodes.map((row) => this.nodeRow(row.id, [ENTITY_LABEL, ...row.labels], row.properties)));
    this.relationships.write(chunk.edges.map((row) => this.edgeRow(row)));
    this.counts.nodes += chunk.nodes.length;
    this.counts.relationships += chunk.edges.length;
  }

  close(): OfflineFiles {
    this.quotes.write([...this.evidence].map(([id, props]) => this.nodeRow(id, [EVIDENCE_LABEL], props)));
    const groups = [this.entities, this.quotes, this.relationships];
    return {
      nodes: [...this.entities.close(), ...this.quotes.close()],
      relationships: this.relationships.close(),
      longestLine: Math.max(...groups.map((g) => g.longestLine)),
      relationshipTypes: [...this.types],
      emptyLists: { nodes: [...this.emptyLists.nodes], relationships: [...this.emptyLists.relationships] },
      counts: { ...this.counts, evidence: this.evidence.size },
    };
  }

  private addEvidence(props: Props & { id: string; claims: string[] }): void {
    const stored = this.evidence.get(props.id);
    if (!stored) {
      this.evidence.set(props.id, props);
      return;
    }
    // As `SET e.claims = [c IN e.claims WHERE NOT c IN row.claims] + row.claims` does; first import's stamps stay.
    // Updated in place: the stored quote is old by now, and copies of it kept the garbage collector busy.
    const claims = stored.claims as string[];
    const kept = claims.filter((c) => !props.claims.includes(c));
    const stamps = stored.importedAt !== undefined && { importedAt: stored.importedAt, importedBy: stored.importedBy };
    Object.assign(stored, props, stamps, { claims: kept.length === claims.length ? claims : kept });
    (stored.claims as string[]).push(...props.claims);
  }

  private nodeRow(id: string, labels: string[], properties: Props): CsvRow {
    const { props, empty } = present(properties, id);
    empty.forEach((name) => this.emptyLists.nodes.add(name));
    const marks = empty.map((name) => `${EMPTY_LIST_LABEL}${name}`);
    return { fixed: [field('id', id), labelsField([...new Set([...labels, ...marks])])], props };
  }

  private edgeRow(row: EdgeRow): CsvRow {
    const { props, empty } = present(row.properties, row.id);
    if (empty.length) {
      props[EMPTY_LISTS_PROPERTY] = empty;
      empty.forEach((name) => this.emptyLists.relationships.add(name));
    }
    const confidence = this.settled(props.evidence) ?? props.confidence;
    if (confidence !== undefined) props.confidence = confidence;
    this.types.add(row.type);
    return { fixed: [field('source', row.source), field('target', row.target), field('type', row.type), field('id', row.id)], props };
  }

  /** The firmest level among the quotes already given for these evidence ids, as SETTLE_CONFIDENCE reads it. */
  private settled(evidence: unknown): string | undefined {
    const levels = new Set((Array.isArray(evidence) ? (evidence as string[]) : []).map((id) => this.evidence.get(id)?.confidence));
    return EVIDENCE_LEVELS.find((level) => levels.has(level));
  }
}

/** Properties the writer would store (nulls left out), and the names of the empty lists among them. */
function present(properties: Props, id: string): { props: CsvProps; empty: string[] } {
  const props: CsvProps = {};
  const empty: string[] = [];
  for (const name in properties) {
    const value = properties[name];
    // The id has a column of its own.
    if (value === null || value === undefined || name === 'id') continue;
    if (Array.isArray(value) && value.length === 0) empty.push(name);
    else if (typeof value === 'object' && !Array.isArray(value)) throw new OfflineUnsupportedError(`${id}: ${name} is not a value Neo4j stores`);
    else props[name] = value as CsvProps[string];
  }
  return { props, empty };
}

function quoteProps(row: EvidenceRow): Props & { id: string; claims: string[] } {
  const { sourceVersion, ...rest } = row;
  // `toInteger(row.sourceVersion)`: the one integer the writer stores; every other number goes over Bolt as a float.
  return { ...rest, claims: [...row.claims], ...(sourceVersion !== undefined && { sourceVersion: BigInt(sourceVersion) }) };
}

function recordProps(row: RecordRow): Props & { id: string; claims: string[] } {
  return { ...row, kind: 'record', confidence: RECORD_CONFIDENCE, claims: [...row.claims] };
}

/**
 * Turns validated seed files into the rows the loader writes: finds every quote verbatim in its source text
 * (offsets are string indices, UTF-16 code units), builds Evidence rows, and unites what several files say of one
 * node or relationship. Problems are collected, not thrown, so a file's errors are reported together; what the rows
 * point at in the database is checked afterwards (server/services/import/check-references.ts), as for an import.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { EdgeRow, EvidenceRow, NodeRow } from '../../db/graph-writer.js';
import type { CheckedRows } from '../import/check-rows.js';
import type { Located, Problems } from '../import/import-document.js';
import { didYouMean } from '../import/near-ids.js';
import { mergeProperties, shown } from '../import/property-merge.js';
import { quoteHint } from './quote-hint.js';
import { SeedFileSchema, type EvidenceInput, type SeedFile } from './seed-file.js';

export class SeedError extends Error {
  override name = 'SeedError';
}

type Props = Record<string, unknown>;

export interface SeedDocument { file: string; seed: SeedFile }

export function readSeedFile(file: string): SeedDocument {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SeedError(`${file}: cannot be parsed as YAML/JSON: ${(err as Error).message}`);
  }
  const parsed = SeedFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${describePath(raw, i.path)}: ${i.message}`);
    throw new SeedError(`${file}: invalid seed file:\n${lines.join('\n')}`);
  }
  return { file, seed: parsed.data };
}

/** "edges[3] (rel:x).evidence[0].quote": a path a person can find in the file. */
function describePath(raw: unknown, issuePath: PropertyKey[]): string {
  let node: unknown = raw;
  const parts: string[] = [];
  for (const key of issuePath) {
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof key === 'number') {
      const id = (node as { id?: unknown } | undefined)?.id;
      parts[parts.length - 1] += `[${key}]${typeof id === 'string' ? ` (${id})` : ''}`;
    } else parts.push(String(key));
  }
  return parts.join('.') || '(file)';
}

export function prepareSeed(documents: SeedDocument[], problems: Problems): CheckedRows {
  const rows = new SeedRows(problems);
  const texts = new Map<string, string>();
  const claimsOf = new Map<string, Set<string>>();

  for (const { file, seed } of documents) {
    for (const [index, source] of seed.sources.entries()) {
      const where = `${file}: sources[${index}] (${source.id})`;
      const properties: Props = { ...source.properties };
      if (source.textFile) {
        const textPath = path.resolve(path.dirname(file), source.textFile);
        if (existsSync(textPath)) {
          properties.text = readFileSync(textPath, 'utf8');
          texts.set(source.id, properties.text as string);
        } else problems.add(where, `text file not found: ${textPath}`);
      }
      rows.addNode(file, where, { id: source.id, labels: source.labels, properties });
    }
  }

  for (const { file, seed } of documents) {
    const defaultSource = seed.sources.find((s) => s.textFile)?.id;
    /** The id of the quote's Evidence row, or null (and a problem) when the quote cannot be placed. */
    const evidenceFor = (where: string, input: EvidenceInput, claims: string[]): string | null => {
      const sourceId = input.source ?? defaultSource;
      if (!sourceId) return fail(where, 'evidence names no source and the file has no source with a text');
      const text = texts.get(sourceId);
      if (text === undefined) return fail(where, `evidence cites ${sourceId}, which is not a source with a text in the files loaded${didYouMean(sourceId, texts.keys())}`);
      const start = findOccurrence(text, input.quote, input.occurrence ?? 1);
      if (start < 0) {
        const hint = input.occurrence ? null : quoteHint(text, input.quote);
        return fail(where, `quote not found verbatim in ${sourceId}${input.occurrence ? ` (occurrence ${input.occurrence})` : ''}: "${input.quote}"${hint ? `; ${hint}` : ''}`);
      }
      const end = start + input.quote.length;
      // One sentence can support one claim as fact and another as an allegation: confidence is part of the identity.
      const id = `evidence:${sourceId.split(':')[1]}:${start}-${end}:${input.confidence}`;
      const row = rows.evidence.get(id)?.row ?? { id, quote: input.quote, start, end, attribution: input.attribution, confidence: input.confidence, sourceId, claims: [] };
      if (row.attribution !== input.attribution) {
        return fail(where, `the quote "${input.quote}" is attributed elsewhere to "${row.attribution}", here to "${input.attribution}"`);
      }
      // A set beside the list: one generated quote may back tens of thousands of claims.
      const claimed = claimsOf.get(id) ?? new Set<string>();
      for (const claim of claims) {
        if (claimed.has(claim)) continue;
        claimed.add(claim);
        row.claims.push(claim);
      }
      claimsOf.set(id, claimed);
      if (!rows.evidence.has(id)) rows.evidence.set(id, { row, where });
      return id;
    };
    const fail = (where: string, message: string) => {
      problems.add(where, message);
      return null;
    };

    for (const [index, node] of seed.nodes.entries()) {
      const where = `${file}: nodes[${index}] (${node.id})`;
      const evidenceIds = node.evidence.map((ev, i) => {
        const unknown = (ev.supports ?? []).filter((p) => !(p in node.properties));
        if (unknown.length) return fail(`${where}.evidence[${i}]`, `supports properties this entry does not give: ${unknown.join(', ')}`);
        const claims = ev.supports?.length ? ev.supports.map((p) => `${node.id}#${p}`) : [node.id];
        return evidenceFor(`${where}.evidence[${i}]`, ev, claims);
      });
      rows.addNode(file, where, { id: node.id, labels: node.labels, properties: { ...node.properties, evidence: present(evidenceIds) } });
    }

    for (const [index, edge] of seed.edges.entries()) {
      const where = `${file}: edges[${index}] (${edge.id})`;
      const evidenceIds = edge.evidence.map((ev, i) => evidenceFor(`${where}.evidence[${i}]`, ev, [edge.id]));
      rows.addEdge(file, where, { id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties: { ...edge.properties, evidence: present(evidenceIds) } });
    }
  }
  return rows;
}

/**
 * The rows of several files: a node or relationship given by two files (a second article about Rubio, quotes
 * added to a first file's edge) is one, whose lists unite; a value two files give differently is a problem, as is
 * one id for two different relationships, or an id given twice by one file.
 */
class SeedRows implements CheckedRows {
  readonly nodes = new Map<string, Located<NodeRow>>();
  readonly edges = new Map<string, Located<EdgeRow>>();
  readonly evidence = new Map<string, Located<EvidenceRow>>();
  private readonly fileOf = new Map<string, string>();

  constructor(private readonly problems: Problems) {}

  addNode(file: string, where: string, row: NodeRow): void {
    const seen = this.first(this.nodes, file, where, row);
    if (!seen) return;
    seen.row.labels = [...new Set([...seen.row.labels, ...row.labels])];
    seen.row.properties = this.united(seen, where, row);
  }

  addEdge(file: string, where: string, row: EdgeRow): void {
    const seen = this.first(this.edges, file, where, row);
    if (!seen) return;
    const ends = (e: EdgeRow) => `${e.source} -[${e.type}]-> ${e.target}`;
    if (ends(seen.row) !== ends(row)) {
      this.problems.add(where, `${row.id} is ${ends(seen.row)} at ${seen.where} but ${ends(row)} here: one id names one relationship`);
    } else seen.row.properties = this.united(seen, where, row);
  }

  /** The entry already kept for this id, if another file gave it; the row is kept when it is the first. */
  private first<T extends NodeRow | EdgeRow>(rows: Map<string, Located<T>>, file: string, where: string, row: T): Located<T> | null {
    const seen = rows.get(row.id);
    if (!seen) {
      rows.set(row.id, { row, where });
      this.fileOf.set(row.id, file);
      return null;
    }
    if (this.fileOf.get(row.id) !== file) return seen;
    this.problems.add(where, `duplicate id ${row.id} (first at ${seen.where})`);
    return null;
  }

  private united(seen: Located<NodeRow | EdgeRow>, where: string, row: NodeRow | EdgeRow): Props {
    const { merged, conflicts } = mergeProperties(seen.row.properties, row.properties);
    for (const c of conflicts) this.problems.add(where, `${row.id}: ${c.name} is ${shown(c.incoming)} here but ${shown(c.stored)} at ${seen.where}`);
    return merged;
  }
}

function present(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function findOccurrence(text: string, quote: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/**
 * Turns validated seed files into the rows the loader writes: checks references, finds every quote
 * verbatim in its source text (offsets are string indices, UTF-16 code units), and builds Evidence rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { EdgeRow, EvidenceRow, NodeRow, PreparedSeed } from '../../db/graph-writer.js';
import { SeedFileSchema, type EvidenceInput, type SeedFile } from './seed-file.js';
import { CONFIDENCE, type Confidence } from '../../../shared/model/graph-model.js';

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

export function prepareSeed(documents: SeedDocument[], knownIds: ReadonlySet<string> = new Set()): PreparedSeed {
  const nodes = new Map<string, NodeRow & { file?: string }>();
  const edges = new Map<string, EdgeRow>();
  const evidence = new Map<string, EvidenceRow>();
  const texts = new Map<string, string>();

  for (const { file, seed } of documents) {
    for (const source of seed.sources) {
      const properties: Props = { ...source.properties };
      if (source.textFile) {
        const textPath = path.resolve(path.dirname(file), source.textFile);
        if (!existsSync(textPath)) throw new SeedError(`${file}: source ${source.id}: text file not found: ${textPath}`);
        const text = readFileSync(textPath, 'utf8');
        texts.set(source.id, text);
        properties.text = text;
      }
      addNode(nodes, file, { id: source.id, labels: source.labels, properties });
    }
  }

  for (const { file, seed } of documents) {
    const defaultSource = seed.sources.find((s) => s.textFile)?.id;
    const evidenceFor = (entry: string, input: EvidenceInput, claim: string[]) => {
      const sourceId = input.source ?? defaultSource;
      if (!sourceId) throw new SeedError(`${file}: ${entry}: evidence names no source and the file has no source with a text`);
      const text = texts.get(sourceId);
      if (text === undefined) throw new SeedError(`${file}: ${entry}: evidence cites ${sourceId}, which is not a source with a text in the files loaded`);
      const start = findOccurrence(text, input.quote, input.occurrence ?? 1);
      if (start < 0) {
        throw new SeedError(`${file}: ${entry}: quote not found verbatim in ${sourceId}${input.occurrence ? ` (occurrence ${input.occurrence})` : ''}: "${input.quote}"`);
      }
      const end = start + input.quote.length;
      // One sentence can support one claim as fact and another as an allegation: confidence is part of the identity.
      const id = `evidence:${sourceId.split(':')[1]}:${start}-${end}:${input.confidence}`;
      const row = evidence.get(id) ?? { id, quote: input.quote, start, end, attribution: input.attribution, confidence: input.confidence, sourceId, claims: [] };
      if (row.attribution !== input.attribution) {
        throw new SeedError(`${file}: ${entry}: the quote "${input.quote}" is attributed elsewhere to "${row.attribution}", here to "${input.attribution}"`);
      }
      row.claims.push(...claim.filter((c) => !row.claims.includes(c)));
      evidence.set(id, row);
      return id;
    };

    for (const [index, node] of seed.nodes.entries()) {
      const entry = `nodes[${index}] (${node.id})`;
      const evidenceIds = node.evidence.map((ev, i) => {
        const unknown = (ev.supports ?? []).filter((p) => !(p in node.properties));
        if (unknown.length) throw new SeedError(`${file}: ${entry}.evidence[${i}]: supports unknown properties: ${unknown.join(', ')}`);
        const claims = ev.supports?.length ? ev.supports.map((p) => `${node.id}#${p}`) : [node.id];
        return evidenceFor(`${entry}.evidence[${i}]`, ev, claims);
      });
      addNode(nodes, file, { id: node.id, labels: node.labels, properties: { ...node.properties, evidence: unique(evidenceIds) } });
    }

    for (const [index, edge] of seed.edges.entries()) {
      const entry = `edges[${index}] (${edge.id})`;
      for (const end of [edge.source, edge.target]) {
        if (!nodes.has(end) && !knownIds.has(end)) throw new SeedError(`${file}: ${entry}: unknown node ${end}`);
      }
      if (edges.has(edge.id)) throw new SeedError(`${file}: ${entry}: duplicate relationship id`);
      const evidenceIds = edge.evidence.map((ev, i) => evidenceFor(`${entry}.evidence[${i}]`, ev, [edge.id]));
      const properties = { ...edge.properties, evidence: unique(evidenceIds), confidence: strongest(edge.evidence.map((e) => e.confidence)) };
      edges.set(edge.id, { id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties });
    }
  }
  return { nodes: [...nodes.values()].map(({ file: _file, ...row }) => row), edges: [...edges.values()], evidence: [...evidence.values()] };
}

/** A node declared by several files (a second article about Rubio) is one node: labels, properties and evidence merge. */
function addNode(nodes: Map<string, NodeRow & { file?: string }>, file: string, row: NodeRow): void {
  const existing = nodes.get(row.id);
  if (!existing) {
    nodes.set(row.id, { ...row, file });
    return;
  }
  if (existing.file === file) throw new SeedError(`${file}: duplicate node id ${row.id}`);
  const evidence = unique([...asList(existing.properties.evidence), ...asList(row.properties.evidence)]);
  existing.labels = unique([...existing.labels, ...row.labels]);
  existing.properties = { ...existing.properties, ...row.properties, evidence };
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : [];
}

function findOccurrence(text: string, quote: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** The firmest footing among an edge's quotes, kept on the edge so filters need not read every quote. */
function strongest(levels: Confidence[]): Confidence {
  return CONFIDENCE.find((level) => levels.includes(level)) ?? 'alleged';
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

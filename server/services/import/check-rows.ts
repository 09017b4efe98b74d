/**
 * Checks each row of an import on its own (ids, labels, types, property values, evidence fields) and merges
 * duplicates that may be merged (a source listed among the nodes too; one quote carried by several elements).
 */
import type { EdgeRow, EvidenceRow, NodeRow, PreparedSeed, RecordRow } from '../../db/graph-writer.js';
import type { ImportDocument, Located, Problems } from './import-document.js';
import { EntityId } from '../../../shared/contract/graph.js';
import { CONFIDENCE, EVIDENCE_LEVELS, ID_RULES } from '../../../shared/model/graph-model.js';
const LABEL = ID_RULES.label.pattern;
const TYPE = ID_RULES.relationshipType.pattern;
const EDGE_ID = ID_RULES.relationship.pattern;
const PROPERTY = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const RESERVED_LABELS = new Set(['Entity', 'Evidence']);

export interface CheckedRows {
  nodes: Map<string, Located<NodeRow>>;
  edges: Map<string, Located<EdgeRow>>;
  evidence: Map<string, Located<EvidenceRow>>;
  /** Only imports of datasets have them. */
  records?: Map<string, Located<RecordRow>>;
}

function valueProblem(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'is not a finite number';
  if (Array.isArray(value)) {
    const types = new Set(value.map((v) => typeof v));
    if (types.size <= 1 && [...types].every((t) => t === 'string' || t === 'number' || t === 'boolean')) return null;
    return 'is a list mixing types or holding lists or maps (Neo4j stores lists of one simple type)';
  }
  return 'is a map (Neo4j properties hold text, numbers, true/false or lists of those)';
}

/** Properties without nulls (an import never deletes a property), each name and value checked. */
function checkProperties(properties: Record<string, unknown>, where: string, problems: Problems): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    if (!PROPERTY.test(name) || name === 'id') problems.add(where, `property name "${name}" is not allowed (camelCase identifiers other than id)`);
    const problem = valueProblem(value);
    if (problem) problems.add(where, `property ${name} ${problem}`);
    out[name] = value;
  }
  return out;
}

function checkNode({ row, where }: Located<NodeRow>, problems: Problems): NodeRow {
  if (!EntityId.safeParse(row.id).success) problems.add(where, `id "${row.id}" must look like kind:kebab-slug, e.g. person:marco-rubio`);
  const labels = row.labels.filter((l) => l !== 'Entity');
  if (labels.length === 0) problems.add(where, 'has no kind label (Person, Organization, Source…)');
  for (const label of labels) if (!LABEL.test(label) || RESERVED_LABELS.has(label)) problems.add(where, `label "${label}" is not allowed`);
  const properties = checkProperties(row.properties, where, problems);
  if (typeof properties.name !== 'string' || !properties.name.trim()) problems.add(where, 'needs a name');
  if (properties.evidence !== undefined && !isStringList(properties.evidence)) problems.add(where, 'evidence must be a list of evidence ids');
  return { id: row.id, labels, properties, ...(row.replace && { replace: row.replace }) };
}

function checkEdge({ row, where }: Located<EdgeRow>, problems: Problems): EdgeRow {
  if (!EDGE_ID.test(row.id)) problems.add(where, `id "${row.id}" must look like rel:kebab-slug`);
  if (!TYPE.test(row.type)) problems.add(where, `type "${row.type}" must be UPPER_SNAKE_CASE, e.g. AGREED_TO`);
  const properties = checkProperties(row.properties, where, problems);
  if (!isStringList(properties.evidence) || properties.evidence.length === 0) problems.add(where, 'needs evidence: a non-empty list of evidence ids');
  if (properties.confidence !== undefined && !(EVIDENCE_LEVELS as readonly unknown[]).includes(properties.confidence)) {
    problems.add(where, `confidence "${String(properties.confidence)}" is not one of ${EVIDENCE_LEVELS.join(', ')}`);
  }
  return { ...row, properties };
}

function checkEvidence({ row, where }: Located<EvidenceRow>, problems: Problems): void {
  if (!row.id.trim()) problems.add(where, 'has no id');
  if (!(CONFIDENCE as readonly string[]).includes(row.confidence)) problems.add(where, `confidence "${row.confidence}" is not one of ${CONFIDENCE.join(', ')}`);
  if (!Number.isInteger(row.start) || !Number.isInteger(row.end) || row.start < 0 || row.end <= row.start) problems.add(where, `start ${row.start} and end ${row.end} are not offsets of a quote`);
  else if (row.end - row.start !== row.quote.length) problems.add(where, `end - start is ${row.end - row.start}, but the quote has ${row.quote.length} characters`);
  if (!row.attribution.trim()) problems.add(where, 'has no attribution');
  if (!row.sourceId.trim()) problems.add(where, 'has no sourceId');
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

export function checkRows(doc: ImportDocument, problems: Problems): CheckedRows {
  const nodes = new Map<string, Located<NodeRow>>();
  const seen = { nodes: new Set<string>(), sources: new Set<string>() };
  for (const [list, entries] of [['nodes', doc.nodes], ['sources', doc.sources]] as const) {
    for (const entry of entries) {
      const row = checkNode(entry, problems);
      if (seen[list].has(row.id)) {
        problems.add(entry.where, `duplicate id ${row.id}`);
        continue;
      }
      seen[list].add(row.id);
      const previous = nodes.get(row.id);
      const merged = previous ? { ...row, labels: [...new Set([...previous.row.labels, ...row.labels])], properties: { ...previous.row.properties, ...row.properties } } : row;
      nodes.set(row.id, { row: merged, where: previous?.where ?? entry.where });
    }
  }
  const edges = new Map<string, Located<EdgeRow>>();
  for (const entry of doc.edges) {
    const row = checkEdge(entry, problems);
    const seen = edges.get(row.id);
    if (seen) problems.add(entry.where, `duplicate id ${row.id} (first at ${seen.where})`);
    else edges.set(row.id, { row, where: entry.where });
  }
  const evidence = new Map<string, Located<EvidenceRow>>();
  for (const entry of doc.evidence) {
    checkEvidence(entry, problems);
    const seen = evidence.get(entry.row.id);
    if (!seen) evidence.set(entry.row.id, { row: { ...entry.row, claims: [...entry.row.claims] }, where: entry.where });
    else if (seen.row.quote !== entry.row.quote || seen.row.sourceId !== entry.row.sourceId || seen.row.start !== entry.row.start || seen.row.attribution !== entry.row.attribution) {
      problems.add(entry.where, `evidence ${entry.row.id} differs from the one at ${seen.where}`);
    } else seen.row.claims.push(...entry.row.claims.filter((c) => !seen.row.claims.includes(c)));
  }
  const records = new Map((doc.records ?? []).map((entry) => [entry.row.id, entry]));
  return { nodes, edges, evidence, records };
}

/** The rows the writer takes, without where they came from. */
export function toPrepared(rows: CheckedRows): PreparedSeed {
  const unlocated = <T>(located: Map<string, Located<T>>) => [...located.values()].map((l) => l.row);
  return { nodes: unlocated(rows.nodes), edges: unlocated(rows.edges), evidence: unlocated(rows.evidence), records: unlocated(rows.records ?? new Map()) };
}

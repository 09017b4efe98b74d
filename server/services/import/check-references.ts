/**
 * The checks every load makes against the database, whether it comes from a seed file or an import: what the rows
 * point at (edge ends, cited quotes, the source each quote cites and the quote at its offsets there), an id already
 * used by another relationship, and properties that differ from the stored ones. Also counts what the load will
 * create, merge into, or leave unchanged.
 */
import type { NodeRow, RecordRow } from '../../db/graph-writer.js';
import { noChanges, type Change, type Changes } from './changes.js';
import type { CheckedRows } from './check-rows.js';
import type { Problems } from './import-document.js';
import { didYouMean } from './near-ids.js';
import { mergeProperties, shown, type PropertyConflict } from './property-merge.js';
import { idsOfKinds, nothingStored, readStored, storedQuotes, type GraphReader, type StoredEvidence, type StoredGraph } from './stored-graph.js';
import { stringList } from '../../db/to-graph.js';
import type { Touched } from '../reporting/snapshot.js';

/**
 * `refuse`: a value that differs from the stored one is a problem (a seed file is a source; it adds values or agrees
 * with them). `replace`: it overwrites the stored one (an import restores Threadline's own export).
 */
export type ConflictPolicy = 'refuse' | 'replace';

/** `merged`: the stored elements the load changes, by kind (an import's changeset keeps their state before). */
export interface CheckedAgainstGraph { changes: Changes; existing: string[]; merged: Touched }

interface Conflict { where: string; id: string; evidence: string[]; conflict: PropertyConflict }

const COMPUTED_EDGE_PROPERTIES = new Set(['confidence']);
const evidenceOf = (properties: Record<string, unknown>) => stringList(properties.evidence);

/** `databaseEmpty`: the caller knows the database holds nothing, so nothing is read back from it. */
export async function checkReferences(db: GraphReader, rows: CheckedRows, problems: Problems, policy: ConflictPolicy = 'replace', databaseEmpty = false): Promise<CheckedAgainstGraph> {
  const stored = databaseEmpty ? nothingStored() : await readStored(db, rows);
  const conflicts: Conflict[] = [];
  const changes = noChanges();
  const merged: Touched = { nodes: [], edges: [], evidence: [] };
  const count = (kind: keyof Changes, id: string, change: Change) => {
    changes[kind][change]++;
    if (change === 'merged') merged[kind].push(id);
  };
  const nodeKnown = (id: string) => rows.nodes.has(id) || stored.nodes.has(id);
  const isCitation = (row: NodeRow) => row.labels.length === 0 || typeof row.properties.name !== 'string';
  const unknownIds = [
    ...[...rows.edges.values()].flatMap(({ row }) => [row.source, row.target]).filter((id) => !nodeKnown(id)),
    ...[...rows.nodes.values()].filter(({ row }) => !stored.nodes.has(row.id) && isCitation(row)).map(({ row }) => row.id),
  ];
  // Misspelt ids get the nearest ids of the file and the database as hints.
  const candidates = unknownIds.length ? [...rows.nodes.keys(), ...(await idsOfKinds(db, unknownIds))] : [];

  for (const { row, where } of rows.nodes.values()) {
    const old = stored.nodes.get(row.id);
    if (!old && isCitation(row)) {
      problems.add(where, `${row.id} is not in the database, and an entry without labels or a name can only add to an existing node${didYouMean(row.id, candidates)}`);
    }
    const merge = old ? mergeProperties(old.properties, row.properties, undefined, row.replace) : null;
    merge?.conflicts.forEach((conflict) => conflicts.push({ where, id: row.id, evidence: evidenceOf(old!.properties), conflict }));
    const newLabels = old ? row.labels.some((l) => !old.labels.includes(l)) : true;
    count('nodes', row.id, tallied(old, newLabels || Boolean(merge?.changed || merge?.conflicts.length)));
  }
  for (const { row, where } of rows.edges.values()) {
    for (const end of [row.source, row.target]) {
      if (!nodeKnown(end)) problems.add(where, `unknown node ${end}: it is neither in the file nor in the database${didYouMean(end, candidates)}`);
    }
    const old = stored.edges.get(row.id);
    if (old && (old.type !== row.type || old.source !== row.source || old.target !== row.target)) {
      problems.add(where, `${row.id} already exists as ${old.source} -[${old.type}]-> ${old.target}; the file has ${row.source} -[${row.type}]-> ${row.target} (one id names one relationship: give this one an id of its own)`);
    }
    const merge = old ? mergeProperties(old.properties, row.properties, COMPUTED_EDGE_PROPERTIES, row.replace) : null;
    merge?.conflicts.forEach((conflict) => conflicts.push({ where, id: row.id, evidence: evidenceOf(old!.properties), conflict }));
    count('edges', row.id, tallied(old, Boolean(merge?.changed || merge?.conflicts.length)));
  }
  checkEvidence(rows, stored, problems, policy);
  for (const { row } of rows.evidence.values()) {
    const old = stored.evidence.get(row.id);
    const claimed = new Set(old?.claims);
    count('evidence', row.id, tallied(old, row.claims.some((c) => !claimed.has(c)) || old?.attribution !== row.attribution));
  }
  for (const { row } of rows.records?.values() ?? []) {
    const old = stored.evidence.get(row.id);
    const claimed = new Set(old?.claims);
    count('evidence', row.id, tallied(old, row.claims.some((c) => !claimed.has(c)) || recordChanged(row, old)));
  }
  if (policy === 'refuse') await reportConflicts(db, conflicts, problems);
  const existing = [...rows.nodes.keys()].filter((id) => stored.nodes.has(id)).concat([...rows.edges.keys()].filter((id) => stored.edges.has(id)));
  return { changes, existing, merged };
}

/** A record imported again from another file, or with other sources: its fields are set anew. */
function recordChanged(row: RecordRow, stored: StoredEvidence | undefined): boolean {
  const { dataset, file, sourceUrl, publisher, proof } = stored?.record ?? {};
  return JSON.stringify([dataset, file ?? null, sourceUrl, publisher, proof]) !== JSON.stringify([row.dataset, row.file, row.sourceUrl, row.publisher, row.proof]);
}

function tallied(stored: unknown, changed: boolean): Change {
  if (!stored) return 'created';
  return changed ? 'merged' : 'unchanged';
}

function checkEvidence(rows: CheckedRows, stored: StoredGraph, problems: Problems, policy: ConflictPolicy): void {
  const evidenceKnown = (id: string) => rows.evidence.has(id) || rows.records?.has(id) || stored.evidence.has(id);
  for (const { row, where } of [...rows.nodes.values(), ...rows.edges.values()]) {
    const unknown = evidenceOf(row.properties).filter((id) => !evidenceKnown(id));
    if (unknown.length) problems.add(where, `cites evidence that is neither in the file nor in the database: ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? '…' : ''}`);
  }
  for (const { row, where } of rows.evidence.values()) {
    const inFile = rows.nodes.get(row.sourceId)?.row;
    const inGraph = stored.nodes.get(row.sourceId);
    const text = quotedText(inFile?.properties ?? inGraph?.properties, row.sourceVersion);
    if (!inFile && !inGraph) problems.add(where, `cites source ${row.sourceId}, which is neither in the file nor in the database`);
    else if (![...(inFile?.labels ?? []), ...(inGraph?.labels ?? [])].includes('Source')) problems.add(where, `cites ${row.sourceId}, which is not a Source`);
    else if (typeof text !== 'string') {
      problems.add(where, `cites source ${row.sourceId}, which has no ${row.sourceVersion ? `version ${row.sourceVersion} of its text` : 'text'} to check the quote against`);
    }
    else if (text.slice(row.start, row.end) !== row.quote) {
      const version = row.sourceVersion ? ` (version ${row.sourceVersion})` : '';
      problems.add(where, `the quote is not at ${row.start}–${row.end} in the text of ${row.sourceId}${version}`);
    }
    const old = stored.evidence.get(row.id);
    if (policy === 'refuse' && old && old.attribution !== row.attribution) {
      problems.add(where, `the quote "${row.quote}" is stored as ${row.id} attributed to "${old.attribution}"; here it is attributed to "${row.attribution}"`);
    }
  }
}

/** A stored value is never silently replaced: name both values and the quotes that support the stored one. */
async function reportConflicts(db: GraphReader, conflicts: Conflict[], problems: Problems): Promise<void> {
  if (conflicts.length === 0) return;
  const quotes = await storedQuotes(db, [...new Set(conflicts.flatMap((c) => c.evidence))]);
  for (const { where, id, evidence, conflict } of conflicts) {
    const own = quotes.filter((q) => evidence.includes(q.id));
    const behind = own.filter((q) => q.claims.includes(`${id}#${conflict.name}`));
    const support = (behind.length ? behind : own.filter((q) => q.claims.includes(id))).slice(0, 2);
    const because = support.length ? `, supported by ${support.map((q) => `"${q.quote}" (${q.attribution}, ${q.id})`).join(' and ')}` : ', which no stored quote supports';
    problems.add(
      where,
      `${id}: ${conflict.name} is ${shown(conflict.incoming)} here but ${shown(conflict.stored)} in the graph${because}. ` +
        `A source may add a value or agree with one, never replace another's: leave ${conflict.name} out, or give the stored value`,
    );
  }
}

/** The text a quote points into: the current `text`, or `earlierTexts[v - 1]` for a quote a correction left on version v. */
function quotedText(source: Record<string, unknown> | undefined, version: number | undefined): unknown {
  if (!version) return source?.text;
  const earlier = source?.earlierTexts;
  return Array.isArray(earlier) ? earlier[version - 1] : undefined;
}

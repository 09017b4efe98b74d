/** Reads Threadline's JSON export (docs/export-format.md), version 1. */
import { z } from 'zod';
import { THREADLINE_FORMAT, THREADLINE_VERSION } from '../export/json.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { Problems, unreadable, type ImportDocument, type Located } from './import-document.js';
import { EvidenceRowSchema } from './rows.js';

const WHAT = 'Threadline JSON';

const NodeSchema = z.strictObject({ id: z.string(), labels: z.array(z.string()), properties: z.record(z.string(), z.unknown()) });
const EdgeSchema = z.strictObject({ id: z.string(), type: z.string(), source: z.string(), target: z.string(), properties: z.record(z.string(), z.unknown()) });
const FileSchema = z.object({
  format: z.literal(THREADLINE_FORMAT, { message: `must be "${THREADLINE_FORMAT}"` }),
  version: z.number().int(),
  nodes: z.array(NodeSchema).default([]),
  edges: z.array(EdgeSchema).default([]),
  evidence: z.array(EvidenceRowSchema).default([]),
  sources: z.array(NodeSchema).default([]),
});

/** "line 3, column 7" for a character offset. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw unreadable(WHAT, lineAndColumn(text, jsonErrorOffset(text)), `not valid JSON: ${(err as Error).message}`);
  }
}

/** `edges[3] (rel:x).evidence` from a zod issue path. */
function describe(raw: unknown, path: PropertyKey[]): string {
  let value = raw;
  let out = '';
  for (const key of path) {
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof key === 'number') {
      const id = (value as { id?: unknown } | undefined)?.id;
      out += `[${key}]${typeof id === 'string' ? ` (${id})` : ''}`;
    } else out += `${out ? '.' : ''}${String(key)}`;
  }
  return out || '(file)';
}

export function parseThreadlineJson(text: string): ImportDocument {
  const raw = parseText(text.replace(/^\uFEFF/, ''));
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > THREADLINE_VERSION) {
    throw unreadable(WHAT, 'version', `this file is version ${version}; this Threadline reads version ${THREADLINE_VERSION}`);
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = new Problems();
    for (const issue of parsed.error.issues) problems.add(describe(raw, issue.path), issue.message);
    throw problems.toError(WHAT);
  }
  const file = parsed.data;
  const at = <T extends { id: string }>(list: string, rows: T[]): Located<T>[] => rows.map((row, i) => ({ row, where: `${list}[${i}] (${row.id})` }));
  return { format: 'json', nodes: at('nodes', file.nodes), sources: at('sources', file.sources), edges: at('edges', file.edges), evidence: at('evidence', file.evidence) };
}

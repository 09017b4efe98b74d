/**
 * The entity edit form's state as plain data: what was typed, what the editor saw when the form opened (`seen`), and
 * the request that turns one into the other. Values are typed as text; a number or a yes/no stays one when it still
 * reads as one. Properties holding lists or objects are not offered (they keep their values).
 */
import type { ApiError, EditEntityInput, WireNode } from '../../shared/contract';
import { RESERVED_PROPERTIES } from '../../shared/model/graph-model';

export type Props = Record<string, unknown>;
export interface PropertyRow {
  /** Stable across renames of the key, for React. */
  row: number;
  key: string;
  value: string;
}
export type Because = { evidence: string } | { editorial: string };
export interface EditDraft {
  name: string;
  /** One alias a line. */
  aliases: string;
  properties: PropertyRow[];
  because: Because;
}

const isScalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const editableKeys = (properties: Props) => Object.keys(properties).filter((k) => !RESERVED_PROPERTIES.has(k) && isScalar(properties[k]));
const aliasesOf = (properties: Props): string[] => (Array.isArray(properties.aliases) ? properties.aliases.map(String) : []);

export function draftOf(node: WireNode): EditDraft {
  const p = node.properties;
  return {
    name: typeof p.name === 'string' ? p.name : '',
    aliases: aliasesOf(p).join('\n'),
    properties: editableKeys(p).map((key, row) => ({ row, key, value: String(p[key]) })),
    because: { editorial: '' },
  };
}

/** The value typed, as the type the stored one had when it still reads as that type. */
function typed(text: string, was: unknown): string | number | boolean {
  const trimmed = text.trim();
  if (typeof was === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (typeof was === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return trimmed;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The PATCH body for what differs from `seen`, with `seen`'s value of each changed field as its base; null if nothing differs. */
export function editRequest(draft: EditDraft, seen: Props): EditEntityInput | null {
  const body: EditEntityInput = { because: draft.because, base: {} };
  const name = draft.name.trim();
  if (name && !same(name, seen.name)) {
    body.name = name;
    body.base.name = typeof seen.name === 'string' ? seen.name : null;
  }
  const aliases = draft.aliases.split('\n').map((a) => a.trim()).filter(Boolean);
  if (!same(aliases, aliasesOf(seen))) {
    body.aliases = aliases;
    body.base.aliases = Array.isArray(seen.aliases) ? aliasesOf(seen) : null;
  }
  // Own properties only: a property typed as `constructor` is new, not the prototype's.
  const was = (key: string) => (Object.hasOwn(seen, key) ? (seen[key] as string | number | boolean) : null);
  const properties: Record<string, string | number | boolean | null> = {};
  const rows = draft.properties.filter((r) => r.key.trim() && r.value.trim());
  for (const { key, value } of rows) {
    const v = typed(value, was(key.trim()));
    if (!same(v, was(key.trim()))) properties[key.trim()] = v;
  }
  for (const key of editableKeys(seen)) if (!rows.some((r) => r.key.trim() === key)) properties[key] = null;
  if (Object.keys(properties).length) {
    body.properties = properties;
    body.base.properties = Object.fromEntries(Object.keys(properties).map((k) => [k, was(k)]));
  }
  return body.name === undefined && body.aliases === undefined && body.properties === undefined ? null : body;
}

/** A field someone else changed since the form opened: the server's words (its value now, by whom) and its value now. */
export interface Conflict {
  key: string;
  message: string;
  theirs: unknown;
}

/** The fields a 409 names (`body.base.name`, `body.base.properties.role`), with their values in `current`. */
export function conflictsOf(details: ApiError['error']['details'], current: Props): Conflict[] {
  return details.flatMap(({ where, message }) => {
    const key = /^body\.base\.(?:properties\.)?(.+)$/.exec(where)?.[1];
    return key ? [{ key, message, theirs: current[key] ?? null }] : [];
  });
}

/** The draft with a field as it is now (their value): the editor gives up theirs for that field. */
export function takeTheirs(draft: EditDraft, key: string, theirs: unknown): EditDraft {
  if (key === 'name') return { ...draft, name: typeof theirs === 'string' ? theirs : '' };
  if (key === 'aliases') return { ...draft, aliases: Array.isArray(theirs) ? theirs.map(String).join('\n') : '' };
  const others = draft.properties.filter((r) => r.key.trim() !== key);
  if (theirs === null || theirs === undefined) return { ...draft, properties: others };
  const row = draft.properties.find((r) => r.key.trim() === key)?.row ?? Math.max(-1, ...draft.properties.map((r) => r.row)) + 1;
  return { ...draft, properties: [...others, { row, key, value: String(theirs) }].sort((a, b) => a.row - b.row) };
}

/** A value as the form shows it. */
export const shown = (value: unknown) => (value === null || value === undefined ? '(none)' : Array.isArray(value) ? value.join(', ') || '(none)' : String(value));

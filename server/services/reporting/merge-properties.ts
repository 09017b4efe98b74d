/**
 * How two entities' properties unite in a merge (pure): equal or one-sided values unite, lists are joined, a value
 * that differs is a conflict unless `choose` settles it; names and aliases become one alias list.
 */
import type { MergeChoice, MergeConflict } from '../../../shared/contract/reporting.js';
import { stringList, toPlain } from '../../db/to-graph.js';

type Props = Record<string, unknown>;

/** Kept apart: the ids, the names (→ aliases), the quote lists (united on their own) and `into`'s own record of its making. */
const OWN = new Set(['id', 'name', 'aliases', 'evidence', 'addedBy', 'addedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(toPlain(a)) === JSON.stringify(toPlain(b));
const absent = (v: unknown) => v === undefined || v === null;

export interface UnitedProperties {
  /** What `into` gets set (values as the driver read them, so integers stay integers). */
  set: Props;
  conflicts: MergeConflict[];
  /** Properties whose value `into` keeps over a different one of `from` (their quotes stay with the old id). */
  overruled: string[];
}

export function uniteProperties(from: Props, into: Props, choose: Record<string, MergeChoice>): UnitedProperties {
  const united: UnitedProperties = { set: {}, conflicts: [], overruled: [] };
  for (const [key, value] of Object.entries(from)) {
    const kept = into[key];
    if (OWN.has(key) || absent(value) || same(value, kept)) continue;
    if (absent(kept)) united.set[key] = value;
    else if (Array.isArray(value) && Array.isArray(kept)) united.set[key] = [...kept, ...value.filter((v) => !kept.some((k) => same(k, v)))];
    else if (choose[key] === 'from') united.set[key] = value;
    else if (choose[key] === 'into') united.overruled.push(key);
    else united.conflicts.push({ property: key, from: toPlain(value), into: toPlain(kept) });
  }
  return united;
}


/** `into`'s aliases, then `from`'s, then `from`'s name; never `into`'s own name, each once. */
export function unitedAliases(from: Props, into: Props): string[] {
  const name = String(into.name ?? '');
  const all = [...stringList(into.aliases), ...stringList(from.aliases), String(from.name ?? '')];
  return [...new Set(all)].filter((a) => a && a !== name);
}

export const unitedList = (a: unknown, b: unknown): string[] => [...new Set([...stringList(a), ...stringList(b)])];

/** How the writer sets a row's properties: scalars over the stored ones, lists united with them. */
type Props = Record<string, unknown>;

const SAFE_PROPERTY = /^[a-zA-Z][a-zA-Z0-9_]*$/;

export interface SplitRow { id: string; scalars: Props; lists: Props }

/**
 * Each row's properties split into scalars, set over the stored ones, and lists, united with the stored ones
 * (aliases, evidence): a second source adds to a list, never replaces it, unless the row names it in `replace`.
 * Nulls are left out: they erase nothing.
 * Whether a scalar may replace a stored one is for the checks before the write (server/services/import/check-references.ts).
 */
export function splitProperties<T extends { id: string; properties: Props; replace?: string[] }>(rows: T[]): { rows: (Omit<T, 'properties' | 'replace'> & SplitRow)[]; lists: string[] } {
  const lists = new Set<string>();
  const out = rows.map(({ properties, replace, ...rest }) => {
    const scalars: Props = {};
    const listed: Props = {};
    for (const [name, value] of Object.entries(properties)) {
      if (value === null || value === undefined) continue;
      if (Array.isArray(value) && !replace?.includes(name)) {
        listed[name] = value;
        lists.add(name);
      } else scalars[name] = value;
    }
    return { ...rest, scalars, lists: listed };
  });
  const unsafe = [...lists].filter((name) => !SAFE_PROPERTY.test(name));
  if (unsafe.length) throw new Error(`unsafe property name ${unsafe.join(', ')}`);
  return { rows: out, lists: [...lists] };
}

/** `SET x.aliases = stored aliases + the row's new ones`, for each list property of the batch. */
export function uniteLists(variable: string, lists: string[]): string {
  return lists
    .map((name) => {
      const stored = `coalesce(${variable}.\`${name}\`, [])`;
      const given = `row.lists.\`${name}\``;
      return `SET ${variable}.\`${name}\` = CASE WHEN ${given} IS NULL THEN ${variable}.\`${name}\` ELSE ${stored} + [x IN ${given} WHERE NOT x IN ${stored}] END`;
    })
    .join('\n');
}

/**
 * Cypher literals for the export script. The script is a file for another database, so values are written as
 * literals (never parameters); every string goes through `cypherString`, and every name through `cypherName`.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A single-quoted string literal on one line: backslash, quote, line breaks and control characters escaped. */
export function cypherString(value: string): string {
  const escaped = value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

/** A label, type or map key: bare when it is a plain identifier, else in backticks (backticks doubled). */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

export function cypherValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Cypher literal`);
    // Threadline stores every number as a FLOAT (JSON numbers through the driver): `9.0`, so the copy stores FLOAT too.
    const text = String(value).replace('e+', 'e');
    return /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  if (Array.isArray(value)) return `[${value.map(cypherValue).join(', ')}]`;
  if (typeof value === 'object') return cypherMap(value as Record<string, unknown>);
  throw new Error(`cannot write a ${typeof value} as a Cypher literal`);
}

export function cypherMap(map: Record<string, unknown>): string {
  return `{${Object.entries(map)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${cypherName(k)}: ${cypherValue(v)}`)
    .join(', ')}}`;
}

/**
 * `SET v += {scalars}` plus, per list property, the stored list united with the exported one (stored items first,
 * then the new ones): a subgraph's script run where the graph already is adds to `claims`, `evidence` or `aliases`
 * and never cuts them down to what the subgraph holds.
 */
export function cypherSet(variable: string, properties: Record<string, unknown>): string {
  const entries = Object.entries(properties).filter(([, v]) => v !== undefined);
  const scalars = Object.fromEntries(entries.filter(([, v]) => !Array.isArray(v)));
  const unions = entries
    .filter(([, v]) => Array.isArray(v))
    .map(([key, list]) => {
      const stored = `coalesce(${variable}.${cypherName(key)}, [])`;
      return `, ${variable}.${cypherName(key)} = ${stored} + [x IN ${cypherValue(list)} WHERE NOT x IN ${stored}]`;
    });
  return `SET ${variable} += ${cypherMap(scalars)}${unions.join('')}`;
}

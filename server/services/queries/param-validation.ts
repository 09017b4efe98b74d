/**
 * Parameter values checked against their declared types before Neo4j sees them, and only ever passed
 * as parameters. Values come as JSON or as strings (forms, the command line); both parse the same way.
 */
import { Date as CypherDate, int } from 'neo4j-driver';
import type { ParamType, QueryParameter } from '../../../shared/contract/index.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { EntityId } from '../../../shared/contract/graph.js';

export class ParamError extends Error {}

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One value as the Neo4j driver should send it; throws ParamError with what was expected. */
export function coerceParam(type: ParamType, value: unknown): unknown {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw new ParamError('must be a string');
      return value;
    case 'integer': {
      const n = typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value.trim()) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new ParamError('must be a whole number');
      return int(n);
    }
    case 'float': {
      const n = typeof value === 'string' && FLOAT.test(value.trim()) ? Number(value.trim()) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new ParamError('must be a number');
      return n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
      throw new ParamError('must be true or false');
    case 'date':
      return toDate(value);
    case 'nodeId':
      if (typeof value !== 'string' || !EntityId.safeParse(value.trim()).success) {
        throw new ParamError('must be a node id such as person:marco-rubio');
      }
      return value.trim();
    case 'stringList':
      return toStringList(value);
  }
}

function toDate(value: unknown): CypherDate<number> {
  const match = typeof value === 'string' ? value.trim().match(ISO_DATE) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new globalThis.Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return new CypherDate(year, month, day);
    }
  }
  throw new ParamError('must be a date as YYYY-MM-DD');
}

function toStringList(value: unknown): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        return toStringList(JSON.parse(text));
      } catch {
        throw new ParamError('must be a list of strings: a JSON array or comma-separated words');
      }
    }
    return text.split(',').map((s) => s.trim()).filter(Boolean);
  }
  throw new ParamError('must be a list of strings');
}

export interface BoundParams {
  params: Record<string, unknown>;
  /** nodeId values, to check that the nodes exist. */
  nodeIds: { name: string; id: string }[];
}

/** Values for a saved query's declared parameters: defaults applied, types checked, unknown names refused. */
export function bindParams(declared: QueryParameter[], given: Record<string, unknown>): BoundParams {
  const details: ErrorDetail[] = [];
  const byName = new Map(declared.map((p) => [p.name, p]));
  for (const name of Object.keys(given)) {
    if (!byName.has(name)) {
      const known = declared.map((p) => p.name).join(', ') || 'none';
      details.push({ where: `params.${name}`, message: `is not a parameter of this query (declared: ${known})` });
    }
  }
  const params: Record<string, unknown> = {};
  const nodeIds: BoundParams['nodeIds'] = [];
  for (const p of declared) {
    const raw = given[p.name];
    const missing = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '' && p.type !== 'string');
    if (missing) {
      if (p.required) details.push({ where: `params.${p.name}`, message: `is required (${describeType(p.type)})` });
      else params[p.name] = p.default === undefined || p.default === null ? null : coerceParam(p.type, p.default);
      continue;
    }
    try {
      params[p.name] = coerceParam(p.type, raw);
    } catch (err) {
      if (!(err instanceof ParamError)) throw err;
      details.push({ where: `params.${p.name}`, message: `${err.message}; got ${JSON.stringify(raw)}` });
    }
  }
  if (details.length) throw invalid('Invalid parameters', details);
  for (const p of declared) {
    if (p.type === 'nodeId' && typeof params[p.name] === 'string') nodeIds.push({ name: p.name, id: params[p.name] as string });
  }
  return { params, nodeIds };
}

/** Checks a query's declarations: unique names, defaults of the right type, every `$parameter` declared. */
export function checkDeclarations(declared: QueryParameter[], used: string[]): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  declared.forEach((p, i) => {
    const where = `parameters.${i}`;
    if (seen.has(p.name)) details.push({ where, message: `${p.name} is declared twice` });
    seen.add(p.name);
    if (p.required && p.default !== undefined) details.push({ where, message: `${p.name} is either required or has a default, not both` });
    if (p.default !== undefined && p.default !== null) {
      try {
        coerceParam(p.type, p.default);
      } catch (err) {
        if (!(err instanceof ParamError)) throw err;
        details.push({ where: `${where}.default`, message: `the default of ${p.name} ${err.message}` });
      }
    }
  });
  for (const name of used) {
    if (!seen.has(name)) details.push({ where: 'parameters', message: `the query uses $${name}, which is not declared` });
  }
  if (details.length) throw invalid('Invalid query', details);
}

/** Ad-hoc parameters: plain JSON, with whole numbers sent as Cypher INTEGER (so `LIMIT $n` works). */
export function plainParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return int(value);
  if (Array.isArray(value)) return value.map(plainParams);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plainParams(v)]));
  }
  return value;
}

export function describeType(type: ParamType): string {
  const words: Record<ParamType, string> = {
    string: 'text',
    integer: 'a whole number',
    float: 'a number',
    boolean: 'true or false',
    date: 'a date YYYY-MM-DD',
    nodeId: 'a node id',
    stringList: 'a list of strings',
  };
  return words[type];
}

function invalid(what: string, details: ErrorDetail[]): AppError {
  return new AppError('bad_request', `${what}: ${details.map((d) => `${d.where} ${d.message}`).join('; ')}`, details);
}

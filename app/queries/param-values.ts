/**
 * The run form's values: every field is text (a select for booleans), turned into JSON for the API.
 * Checked here for quick feedback; the server checks again and is the authority.
 */
import type { ParamType, QueryParameter } from '../../shared/contract';

export type FormValues = Record<string, string>;

export const TYPE_LABELS: Record<ParamType, string> = {
  string: 'Text',
  integer: 'Whole number',
  float: 'Number',
  boolean: 'Yes / no',
  date: 'Date',
  nodeId: 'Node',
  stringList: 'List of text',
};

/** A declared default as form text: `["a","b"]` → `a, b`. */
export function defaultText(param: QueryParameter): string {
  const value = param.default;
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

export const valueOf = (param: QueryParameter, values: FormValues) => values[param.name] ?? defaultText(param);

export const splitList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

function isDate(text: string): boolean {
  const match = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text);
}

/** Why this text is not a value of the type, or null when it is. */
function typeError(type: ParamType, text: string): string | null {
  switch (type) {
    case 'integer':
      return /^[-+]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? null : 'must be a whole number, such as 42';
    case 'float':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? null : 'must be a number, such as 0.5';
    case 'boolean':
      return text === 'true' || text === 'false' ? null : 'must be yes or no';
    case 'date':
      return isDate(text) ? null : 'must be a date written YYYY-MM-DD, such as 2025-03-13';
    case 'nodeId':
      return /\s/.test(text) ? 'must be a node id such as person:marco-rubio (no spaces)' : null;
    default:
      return null;
  }
}

function toJson(type: ParamType, text: string): unknown {
  if (type === 'integer' || type === 'float') return Number(text);
  if (type === 'boolean') return text === 'true';
  if (type === 'stringList') return splitList(text);
  return text;
}

/**
 * The params to send, or the problems by parameter name. An empty field is left out, so the server uses
 * the default (or null); a required one must be filled.
 */
export function formParams(parameters: QueryParameter[], values: FormValues): { params: Record<string, unknown>; errors: Record<string, string> } {
  const params: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const param of parameters) {
    const text = valueOf(param, values).trim();
    if (text === '') {
      if (param.required) errors[param.name] = 'is required';
      continue;
    }
    const problem = typeError(param.type, text);
    if (problem) errors[param.name] = problem;
    else params[param.name] = toJson(param.type, text);
  }
  return { params, errors };
}

/**
 * Ad-hoc Cypher gets no defaults from the server: every declared parameter is sent, with its default (or null)
 * when the field was left empty.
 */
export function withDefaults(parameters: QueryParameter[], params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(parameters.map((p) => [p.name, p.name in params ? params[p.name] : (p.default ?? null)]));
}

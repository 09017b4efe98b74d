/** A query being edited: the form's text fields, turned into the API's input when saved or run. */
import type { ParamType, QueryParameter, SavedQuery, SavedQueryInput } from '../../shared/contract';
import { defaultText, splitList } from './param-values';

export interface DraftParameter {
  name: string;
  type: ParamType;
  required: boolean;
  /** The default as typed: `42`, `2025-03-13`, `a, b`; empty for none. */
  defaultText: string;
  help: string;
}

export interface Draft {
  name: string;
  description: string;
  cypher: string;
  /** Comma-separated, as typed. */
  tags: string;
  parameters: DraftParameter[];
}

export const emptyParameter = (name = ''): DraftParameter => ({ name, type: 'string', required: false, defaultText: '', help: '' });

export function draftOf(query?: SavedQuery): Draft {
  if (!query) return { name: '', description: '', cypher: '', tags: '', parameters: [] };
  return {
    name: query.name,
    description: query.description,
    cypher: query.cypher,
    tags: query.tags.join(', '),
    parameters: query.parameters.map((p) => ({ name: p.name, type: p.type, required: p.required, defaultText: defaultText(p), help: p.help })),
  };
}

/**
 * A typed default as JSON; text the type does not take is sent as it is, for the server to name the problem.
 * An optional list left empty defaults to the empty list, so `size($list) = 0` reads as "no filter".
 */
function defaultValue(p: DraftParameter): unknown {
  const text = p.defaultText.trim();
  if (p.required || text === '') return p.type === 'stringList' && !p.required ? [] : undefined;
  if (p.type === 'stringList') return splitList(text);
  if (p.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if ((p.type === 'integer' || p.type === 'float') && text !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** The declared parameters as the API has them (and the run form reads them). */
export function declaredParameters(draft: Draft): QueryParameter[] {
  return draft.parameters.map((p) => {
    const value = defaultValue(p);
    return { name: p.name.trim(), type: p.type, required: p.required, help: p.help.trim(), ...(value === undefined ? {} : { default: value }) };
  });
}

export function draftInput(draft: Draft): SavedQueryInput {
  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    cypher: draft.cypher,
    tags: [...new Set(splitList(draft.tags))],
    parameters: declaredParameters(draft),
  };
}

/** Whether the draft says something the saved query does not (or there is no saved query and it says anything). */
export function isDirty(draft: Draft, saved?: SavedQuery): boolean {
  return JSON.stringify(draftInput(draft)) !== JSON.stringify(draftInput(draftOf(saved)));
}

/** Whether the draft runs exactly as the saved query: same Cypher, same parameters (a new name or tag does not matter). */
export function runsAsSaved(draft: Draft, saved?: SavedQuery): saved is SavedQuery {
  if (!saved) return false;
  const run = (d: Draft) => JSON.stringify([d.cypher, declaredParameters(d)]);
  return run(draft) === run(draftOf(saved));
}

/** Completion from the live schema: labels after `(x:`, types after `[r:`, property keys after `x.`, parameters after `$`. */
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { CYPHER_FUNCTIONS, SUGGESTED_KEYWORDS } from './cypher-words';

export interface Vocabulary {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters: string[];
}

export interface Suggestions {
  /** How many characters before the cursor the completion replaces. */
  replace: number;
  kind: 'label' | 'type' | 'property' | 'parameter' | 'keyword';
  options: string[];
}

/** Backticks a name that is not a plain identifier: `Dated Event`. */
const quoted = (name: string) => (/^[A-Za-z_]\w*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``);

/** Whether the innermost open bracket before the cursor is a relationship's `[` (else a node's `(` or none). */
function inRelationship(text: string): boolean {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ')' || ch === ']') depth++;
    else if (ch === '(' || ch === '[') {
      if (depth === 0) return ch === '[';
      depth--;
    }
  }
  return false;
}

/** What to offer for the text before the cursor; null when nothing fits (inside a number, after a space). */
export function suggest(before: string, vocabulary: Vocabulary, explicit = false): Suggestions | null {
  const typed = before.match(/`?\w*$/)![0];
  const head = before.slice(0, before.length - typed.length);
  // `(n:Per`, `[:AGR`, `WHERE n:Per`, `(n:Person|Org`; not `IS ::` nor a map entry `{name: `.
  if (/(^|[^:]):$/.test(head) || /(^|[^:]):`?\w+`?([|&!]`?\w+`?)*[|&!]$/.test(head)) {
    const relationship = inRelationship(head);
    return { replace: typed.length, kind: relationship ? 'type' : 'label', options: (relationship ? vocabulary.relationshipTypes : vocabulary.labels).map(quoted) };
  }
  const property = before.match(/(?:^|\W)(?:[A-Za-z_]\w*|`[^`]+`)\.(\w*)$/);
  if (property) return { replace: property[1]!.length, kind: 'property', options: vocabulary.propertyKeys.map(quoted) };
  const parameter = before.match(/\$(\w*)$/);
  if (parameter) return { replace: parameter[1]!.length, kind: 'parameter', options: vocabulary.parameters };
  const word = before.match(/(?:^|[^\w$.:`])([A-Za-z_]\w*)$/);
  if (!word && !explicit) return null;
  return { replace: word?.[1]!.length ?? 0, kind: 'keyword', options: [...SUGGESTED_KEYWORDS, ...CYPHER_FUNCTIONS.map((f) => `${f}()`)] };
}

const TYPES: Record<Suggestions['kind'], string> = { label: 'type', type: 'type', property: 'property', parameter: 'variable', keyword: 'keyword' };

/** The CodeMirror completion source; reads the vocabulary when asked, so a schema that loads later is used. */
export function cypherCompletion(vocabulary: () => Vocabulary) {
  return (context: CompletionContext): CompletionResult | null => {
    const before = context.state.sliceDoc(Math.max(0, context.pos - 400), context.pos);
    const found = suggest(before, vocabulary(), context.explicit);
    if (!found) return null;
    return {
      from: context.pos - found.replace,
      options: found.options.map((option) => ({
        label: option,
        type: found.kind === 'keyword' && option.endsWith('()') ? 'function' : TYPES[found.kind],
        apply: option.endsWith('()') ? option.slice(0, -1) : option,
        boost: found.kind === 'keyword' && option.endsWith('()') ? -1 : 0,
      })),
      validFor: /^[\w`]*$/,
    };
  };
}

/**
 * Where a token stands in a query, as far as the guard needs to know: a label or type (after `:` in a pattern
 * or a label predicate), a map key, a clause keyword or a variable; and how deeply the text nests.
 * Like the lexer, this is no parser: Neo4j's EXPLAIN stays the authority; these only aim refusals well.
 */
import { isKeyword, type Token } from './cypher-text.js';

const isPunct = (token: Token | undefined, ...texts: string[]) => token?.kind === 'punct' && texts.includes(token.text);
const isName = (token: Token | undefined) => token?.kind === 'word' || token?.kind === 'quoted';

/** `{` opens a block after these (`CALL {`, `EXISTS {`, `CALL (x) {`, ...); elsewhere it opens a map. */
const BLOCK_OPENERS = ['CALL', 'EXISTS', 'COUNT', 'COLLECT'];

/** Label-expression operators: a name right after one of these, inside a label expression, is a label. */
const LABEL_OPERATORS = [':', '|', '&', '!', '('];

/**
 * The indices of the tokens that name a label or relationship type. A label expression starts at a `:` that
 * is not a map entry's (`{key: value}`) and runs through `|`, `&`, `!`, `%` and grouping parentheses; `IS _X`
 * (the GQL form) counts too. A `|` elsewhere (`[x IN list | _y]`) and variables are not labels.
 */
export function labelPositions(tokens: Token[]): Set<number> {
  const labels = new Set<number>();
  const frames: ('(' | '[' | 'map' | 'block')[] = [];
  let inLabels = false;
  let groups = 0;
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    if (inLabels) {
      if (isName(token) && isPunct(prev, ...LABEL_OPERATORS)) {
        labels.add(i);
        return;
      }
      if (isPunct(token, '|', '&', '!', '%', ':')) return;
      if (isPunct(token, '(') && isPunct(prev, ...LABEL_OPERATORS)) {
        groups++;
        return;
      }
      if (isPunct(token, ')') && groups > 0) {
        groups--;
        return;
      }
      inLabels = false;
      groups = 0;
    }
    if (isPunct(token, '(', '[')) frames.push(token.text as '(' | '[');
    else if (isPunct(token, '{')) frames.push(isKeyword(prev, ...BLOCK_OPENERS) || isPunct(prev, ')', '{', '}') ? 'block' : 'map');
    else if (isPunct(token, ')', ']', '}')) frames.pop();
    else if (isPunct(token, ':') && !isMapKeyColon(tokens, i, frames.at(-1))) inLabels = true;
    else if (isKeyword(prev, 'IS') && token.kind !== 'punct' && token.text.startsWith('_')) labels.add(i);
  });
  return labels;
}

/** `key:` at the start of a map entry: the name before the colon follows the map's `{` or a `,`. */
function isMapKeyColon(tokens: Token[], i: number, frame: string | undefined): boolean {
  return frame === 'map' && isName(tokens[i - 1]) && isPunct(tokens[i - 2], '{', ',');
}

/** Keywords after which a name is an expression (a variable), never the start of a clause. */
const EXPRESSION_BEFORE = [
  'AS', 'RETURN', 'WITH', 'WHERE', 'AND', 'OR', 'XOR', 'NOT', 'IN', 'IS', 'DISTINCT', 'UNWIND', 'BY', 'CASE', 'WHEN',
  'THEN', 'ELSE', 'SKIP', 'LIMIT', 'OFFSET', 'SET', 'STARTS', 'ENDS', 'CONTAINS', 'YIELD', 'ASC', 'DESC', 'ASCENDING', 'DESCENDING',
];

/**
 * True when the word at `i` (CALL, USE) stands where a clause can start: not a map key (`{use: 1}`), not a
 * property (`n.call`), not a variable (`AS call`, `RETURN call`, `call + 1`, `(call)`).
 */
export function atClauseStart(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (isPunct(next, ':', ',', '.', '=', '<', '>', '+', '-', '*', '/', '%', '^', ')', ']', '}', '[') || !next) return false;
  if (!prev) return true;
  if (prev.kind === 'punct') return ['{', '}', ')', ']'].includes(prev.text);
  return !isKeyword(prev, ...EXPRESSION_BEFORE);
}

/**
 * How deeply the text nests: open brackets plus prefix operators in force (`NOT NOT x`, `- - x`: a run of k
 * signs has at least k - 1 unary ones). Returns the deepest level and the offset where it was reached.
 */
export function nestingDepth(tokens: Token[]): { depth: number; offset: number } {
  const open: number[] = [];
  let prefixes = 0;
  let inForce = 0;
  let deepest = { depth: 0, offset: 0 };
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    if (isKeyword(token, 'NOT') || (isPunct(token, '-', '+') && isPunct(prev, '-', '+'))) prefixes++;
    else if (isPunct(token, '(', '[', '{')) {
      open.push(prefixes + 1);
      inForce += prefixes + 1;
      prefixes = 0;
    } else if (isPunct(token, ')', ']', '}')) {
      inForce -= open.pop() ?? 0;
      prefixes = 0;
    } else if (!isPunct(token, '-', '+')) prefixes = 0;
    const depth = inForce + prefixes;
    if (depth > deepest.depth) deepest = { depth, offset: token.offset };
  });
  return deepest;
}

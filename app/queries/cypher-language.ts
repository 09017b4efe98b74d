/** A small Cypher mode for CodeMirror: comments, strings, numbers, keywords, functions, labels, properties, $parameters. */
import { StreamLanguage, type StringStream } from '@codemirror/language';
import { CYPHER_FUNCTIONS, CYPHER_KEYWORDS } from './cypher-words';

export interface CypherState {
  inComment: boolean;
  /** The last token was `:` (a label or type follows) or `.` (a property key follows). */
  after: ':' | '.' | null;
  /** The last token was a label or type, so `|`, `&` or `!` continue a label expression. */
  inLabel: boolean;
}

const KEYWORDS = new Set(CYPHER_KEYWORDS.map((k) => k.toLowerCase()));
const FUNCTIONS = new Set(CYPHER_FUNCTIONS.map((f) => f.toLowerCase()));

/** One token: what `StreamLanguage` calls for each step through a line. */
export function cypherToken(stream: StringStream, state: CypherState): string | null {
  if (state.inComment) {
    state.inComment = !stream.skipTo('*/');
    if (state.inComment) stream.skipToEnd();
    else stream.match('*/');
    return 'comment';
  }
  if (stream.eatSpace()) {
    // `n:Person` is a label; `{name: value}` is a map entry, written with a space.
    if (state.after === ':') state.after = null;
    return null;
  }
  const { after, inLabel } = state;
  state.after = null;
  state.inLabel = false;
  if (stream.match('//')) {
    stream.skipToEnd();
    return 'comment';
  }
  if (stream.match('/*')) {
    state.inComment = true;
    return cypherToken(stream, state) ?? 'comment';
  }
  const ch = stream.next()!;
  if (ch === '"' || ch === "'") {
    let escaped = false;
    for (let c = stream.next(); c !== undefined; c = stream.next()) {
      if (c === ch && !escaped) break;
      escaped = !escaped && c === '\\';
    }
    return 'string';
  }
  if (ch === '`' || /[A-Za-z_]/.test(ch)) {
    if (ch === '`') {
      if (stream.skipTo('`')) stream.next();
      else stream.skipToEnd();
    } else stream.eatWhile(/\w/);
    if (after === ':') {
      state.inLabel = true;
      return 'typeName';
    }
    if (after === '.') return 'propertyName';
    const word = stream.current().toLowerCase();
    if (FUNCTIONS.has(word) && stream.match(/^\s*\(/, false)) return 'variableName.function';
    if (word === 'true' || word === 'false' || word === 'null') return 'atom';
    return KEYWORDS.has(word) ? 'keyword' : 'variableName';
  }
  if (ch === '$' && stream.match(/^[A-Za-z_]\w*/)) return 'variableName.special';
  if (/\d/.test(ch)) {
    stream.match(/^\d*(\.\d+)?([eE][-+]?\d+)?/);
    return 'number';
  }
  if (ch === ':' || ch === '.') {
    state.after = ch;
    return 'punctuation';
  }
  if (inLabel && /[|&!]/.test(ch)) state.after = ':';
  return /[-+*/%=<>|&^!~]/.test(ch) ? 'operator' : 'punctuation';
}

export const cypherLanguage = StreamLanguage.define<CypherState>({
  name: 'cypher',
  startState: () => ({ inComment: false, after: null, inLabel: false }),
  copyState: (state) => ({ ...state }),
  token: cypherToken,
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});

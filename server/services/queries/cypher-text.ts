/**
 * A small Cypher lexer for the guard: enough to tell keywords and names from what is inside strings and
 * comments. It does not parse; Neo4j's own EXPLAIN is the authority, this only adds early, clearer refusals.
 */

export type TokenKind = 'word' | 'quoted' | 'param' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** For `word` and `quoted` (a backticked name): the name; for `param`: the name after `$`. */
  text: string;
  offset: number;
}

/** Cypher's whitespace: ASCII, the separators U+001C–U+001F, and the Unicode spaces (as JavaScript's `\s`). */
const isSpace = (ch: string) => /[\s\u180e\u200b]/u.test(ch) || (ch >= '\u001c' && ch <= '\u001f');
const isWordStart = (ch: string) => /[\p{L}\p{Nl}_]/u.test(ch);
const isWordPart = (ch: string) => /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u.test(ch);

export class CypherLexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const chars = [...query];
  // Offsets are UTF-16 indices, as Neo4j reports them.
  const offsets: number[] = [];
  let at = 0;
  for (const ch of chars) {
    offsets.push(at);
    at += ch.length;
  }
  offsets.push(at);

  let i = 0;
  const peek = (k = 0) => chars[i + k] ?? '';
  while (i < chars.length) {
    const ch = chars[i]!;
    const start = i;
    if (isSpace(ch)) {
      i++;
    } else if (ch === '/' && peek(1) === '/') {
      while (i < chars.length && chars[i] !== '\n' && chars[i] !== '\r') i++;
    } else if (ch === '/' && peek(1) === '*') {
      i += 2;
      while (i < chars.length && !(chars[i] === '*' && peek(1) === '/')) i++;
      if (i >= chars.length) throw new CypherLexError('A comment starting with /* has no closing */', offsets[start]!);
      i += 2;
    } else if (ch === "'" || ch === '"') {
      i++;
      let text = '';
      while (i < chars.length && chars[i] !== ch) {
        if (chars[i] === '\\') i++;
        text += chars[i] ?? '';
        i++;
      }
      if (i >= chars.length) throw new CypherLexError('A string has no closing quote', offsets[start]!);
      i++;
      tokens.push({ kind: 'string', text, offset: offsets[start]! });
    } else if (ch === '`') {
      const name = readBackticked();
      tokens.push({ kind: 'quoted', text: name, offset: offsets[start]! });
    } else if (ch === '$') {
      i++;
      let name = '';
      if (peek() === '`') name = readBackticked();
      else while (i < chars.length && isWordPart(chars[i]!)) name += chars[i++];
      tokens.push({ kind: 'param', text: name, offset: offsets[start]! });
    } else if (/[0-9]/.test(ch)) {
      let text = '';
      while (i < chars.length && /[0-9A-Za-z_.]/.test(chars[i]!) && !(chars[i] === '.' && peek(1) === '.')) text += chars[i++];
      tokens.push({ kind: 'number', text, offset: offsets[start]! });
    } else if (isWordStart(ch)) {
      let text = '';
      while (i < chars.length && isWordPart(chars[i]!)) text += chars[i++];
      tokens.push({ kind: 'word', text, offset: offsets[start]! });
    } else {
      tokens.push({ kind: 'punct', text: ch, offset: offsets[start]! });
      i++;
    }
  }
  return tokens;

  function readBackticked(): string {
    const start = i;
    i++;
    let name = '';
    for (;;) {
      if (i >= chars.length) throw new CypherLexError('A name starting with ` has no closing `', offsets[start]!);
      if (chars[i] === '`') {
        if (chars[i + 1] === '`') {
          name += '`';
          i += 2;
          continue;
        }
        i++;
        return name;
      }
      name += chars[i++];
    }
  }
}

/** True for an unquoted keyword (case-insensitive); a backticked name is never a keyword. */
export function isKeyword(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.text.toUpperCase());
}

/** The `$parameters` a query uses, in order of first use. */
export function parametersUsed(tokens: Token[]): string[] {
  return [...new Set(tokens.filter((t) => t.kind === 'param' && t.text !== '').map((t) => t.text))];
}

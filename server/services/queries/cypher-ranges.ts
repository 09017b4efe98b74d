/**
 * Bounds what `range()` may make. Neo4j cannot stop an expression once it runs — neither its transaction
 * timeout nor `TERMINATE TRANSACTION` interrupts `reduce(s = 0, x IN range(1, 10^9) | ...)`
 * (measured on 5.26 Community) — so a range the guard can size is sized before the query runs: bounds made of
 * numbers, `$parameters` with known values and arithmetic. Bounds from data (variables, properties) cannot be seen here.
 */
import { isInt } from 'neo4j-driver';
import { AppError } from '../../errors.js';
import { isKeyword, type Token } from './cypher-text.js';

/** Values all sizable `range()` calls of one query may make together (their product: they may nest). */
export const MAX_RANGE_VALUES = 10_000_000;

const isPunct = (token: Token | undefined, text: string) => token?.kind === 'punct' && token.text === text;

/** Throws 400 when the `range()` calls whose size the text shows would make more than MAX_RANGE_VALUES values. */
export function checkRanges(tokens: Token[], params: Record<string, unknown>): void {
  let product = 1;
  tokens.forEach((token, i) => {
    if (!isKeyword(token, 'RANGE') || !isPunct(tokens[i + 1], '(') || isPunct(tokens[i - 1], '.')) return;
    const args = argumentsAt(tokens, i + 2).map((arg) => evaluate(arg, params));
    if (args.length < 2 || args.some((a) => a === null)) return;
    const [start, end, step = 1] = args as number[];
    const size = step === 0 ? 0 : Math.max(0, Math.floor((end! - start!) / step) + 1);
    product *= Math.max(size, 1);
    if (product > MAX_RANGE_VALUES) {
      const what = size > MAX_RANGE_VALUES ? `range() at offset ${token.offset} makes ${size.toLocaleString('en')} values` : `range() calls up to offset ${token.offset} make ${product.toLocaleString('en')} values together`;
      throw new AppError('bad_request', `${what}; a query may make at most ${MAX_RANGE_VALUES.toLocaleString('en')} (Neo4j cannot stop a long expression once it runs).`, [
        { where: 'query', message: `range() too large (offset ${token.offset})` },
      ]);
    }
  });
}

/** The tokens of each argument of the call whose arguments start at `at`, split at top-level commas. */
function argumentsAt(tokens: Token[], at: number): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = at; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    if (t.kind === 'punct' && ')]}'.includes(t.text)) {
      if (depth === 0) return args;
      depth--;
    }
    if (depth === 0 && isPunct(t, ',')) args.push([]);
    else args.at(-1)!.push(t);
  }
  return args;
}

/** The value of integer arithmetic over numbers and known `$parameters`, or null when it depends on anything else. */
export function evaluate(tokens: Token[], params: Record<string, unknown>): number | null {
  let i = 0;
  const peek = () => tokens[i];
  const binary = (ops: string[], operand: () => number | null) => (): number | null => {
    let left = operand();
    while (left !== null && peek()?.kind === 'punct' && ops.includes(peek()!.text)) {
      const op = tokens[i++]!.text;
      const right = operand();
      if (right === null) return null;
      left = apply(op, left, right);
    }
    return left;
  };
  const unary = (): number | null => {
    const t = tokens[i++];
    if (!t) return null;
    if (isPunct(t, '-') || isPunct(t, '+')) {
      const v = power();
      return v === null ? null : t.text === '-' ? -v : v;
    }
    if (isPunct(t, '(')) {
      const v = sum();
      return isPunct(tokens[i++], ')') ? v : null;
    }
    if (t.kind === 'number') return /^\d+$/.test(t.text) ? Number(t.text) : null;
    if (t.kind === 'param') return paramNumber(params[t.text]);
    return null;
  };
  const power = binary(['^'], unary);
  const product = binary(['*', '/', '%'], power);
  const sum = binary(['+', '-'], product);
  const value = sum();
  return i === tokens.length && value !== null && Number.isFinite(value) ? value : null;
}

/** A parameter's value as a number: ad-hoc whole numbers arrive as Neo4j integers. */
function paramNumber(value: unknown): number | null {
  if (isInt(value)) return value.toNumber();
  return typeof value === 'number' ? value : null;
}

function apply(op: string, a: number, b: number): number {
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  if (op === '/') return b === 0 ? NaN : Math.trunc(a / b);
  if (op === '%') return b === 0 ? NaN : a % b;
  return a ** b;
}

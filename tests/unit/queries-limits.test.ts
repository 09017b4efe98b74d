import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { checkRanges, evaluate } from '../../server/services/queries/cypher-ranges.js';
import { tokenize } from '../../server/services/queries/cypher-text.js';
import { QuerySlots } from '../../server/services/queries/query-slots.js';

const ranges = (query: string, params: Record<string, unknown> = {}) => () => checkRanges(tokenize(query), params);

describe('range sizes', () => {
  it.each([
    ['RETURN reduce(s = 0, x IN range(1, 1000000000) | s + x) AS s', {}],
    ['RETURN size(range(1, 10^9)) AS s', {}],
    ['RETURN size(range(0, 100000 * 100000, 1)) AS s', {}],
    ['RETURN size(range(1, $n)) AS s', { n: neo4j.int(20_000_000) }],
    ['RETURN size(range(1, $n + 1)) AS s', { n: 20_000_000 }],
    ['RETURN [x IN range(1, 10000) | size(range(1, 10000))] AS s', {}],
    ['RETURN size(range(-20000000, 0)) AS s', {}],
  ])('refuses %s (400)', (query, params) => {
    expect(ranges(query, params)).toThrow(AppError);
    expect(ranges(query, params)).toThrow(/at most 10,000,000/);
  });

  it.each([
    'UNWIND range(1, 4200) AS i RETURN i',
    'RETURN size(range(1, 10000000)) AS s',
    'RETURN size(range(10, 1, 1)) AS s',
    'RETURN size(range(1, 1000000000, 1000)) AS s',
    'MATCH p = (a)-->(b) RETURN [i IN range(0, length(p) - 1) | i] AS s',
    'RETURN size(range(1, $unknown)) AS s',
    'RETURN n.range(1, 1000000000)',
  ])('lets %s through', (query) => {
    expect(ranges(query)).not.toThrow();
  });

  it('evaluates integer arithmetic and known parameters, nothing else', () => {
    const value = (text: string, params: Record<string, unknown> = {}) => evaluate(tokenize(text), params);
    expect(value('2 + 3 * 4')).toBe(14);
    expect(value('(2 + 3) * 4')).toBe(20);
    expect(value('-2 ^ 3')).toBe(-8);
    expect(value('7 / 2')).toBe(3);
    expect(value('$n * 2', { n: 5 })).toBe(10);
    expect(value('x + 1')).toBeNull();
    expect(value('size(l)')).toBeNull();
    expect(value('1 / 0')).toBeNull();
  });
});

describe('query slots', () => {
  it('gives each user at most perUser slots and everyone at most total, each released once', () => {
    const slots = new QuerySlots({ perUser: 2, total: 3 });
    const a1 = slots.take('ana');
    slots.take('ana');
    expect(() => slots.take('ana')).toThrow(/2 queries running \(limit 2 per user/);
    const b1 = slots.take('ben');
    expect(() => slots.take('cat')).toThrow(/limit 3, QUERY_CONCURRENCY_TOTAL/);
    a1();
    a1();
    const c1 = slots.take('cat');
    expect(() => slots.take('ben')).toThrow(/QUERY_CONCURRENCY_TOTAL/);
    b1();
    c1();
    expect(() => slots.take('ana')).not.toThrow();
  });

  it('refuses with 429', () => {
    const slots = new QuerySlots({ perUser: 1, total: 1 });
    slots.take('ana');
    expect(() => slots.take('ana')).toThrow(expect.objectContaining({ status: 429 }));
  });
});

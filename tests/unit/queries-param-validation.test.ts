import { Date as CypherDate, int, isInt } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { ParamType, QueryParameter } from '../../shared/contract/index.js';
import { AppError } from '../../server/errors.js';
import { bindParams, checkDeclarations, coerceParam, ParamError, plainParams } from '../../server/services/queries/param-validation.js';

const param = (name: string, type: ParamType, extra: Partial<QueryParameter> = {}): QueryParameter => ({ name, type, required: false, help: '', ...extra });

function appError(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('coerceParam', () => {
  it.each<[ParamType, unknown, unknown]>([
    ['string', 'Rubio', 'Rubio'],
    ['string', '', ''],
    ['integer', 42, int(42)],
    ['integer', ' -7 ', int(-7)],
    ['float', 1.5, 1.5],
    ['float', '2.5e3', 2500],
    ['float', 3, 3],
    ['boolean', true, true],
    ['boolean', 'FALSE', false],
    ['date', '2025-03-13', new CypherDate(2025, 3, 13)],
    ['date', '2024-02-29', new CypherDate(2024, 2, 29)],
    ['nodeId', ' person:marco-rubio ', 'person:marco-rubio'],
    ['stringList', ['a', 'b'], ['a', 'b']],
    ['stringList', 'Person, Organization,', ['Person', 'Organization']],
    ['stringList', '["a,b", "c"]', ['a,b', 'c']],
    ['stringList', '', []],
  ])('%s accepts %j', (type, value, expected) => {
    expect(coerceParam(type, value)).toEqual(expected);
  });

  it('sends integers as Cypher integers, floats as JavaScript numbers', () => {
    expect(isInt(coerceParam('integer', '5'))).toBe(true);
    expect(isInt(coerceParam('float', '5'))).toBe(false);
  });

  it.each<[ParamType, unknown]>([
    ['string', 12],
    ['integer', 1.5],
    ['integer', '12abc'],
    ['integer', 2 ** 60],
    ['float', 'NaN'],
    ['float', Infinity],
    ['boolean', 'yes'],
    ['boolean', 1],
    ['date', '2025-02-30'],
    ['date', '13/03/2025'],
    ['date', 20250313],
    ['nodeId', 'Marco Rubio'],
    ['nodeId', "person:x' OR 1=1"],
    ['stringList', [1, 2]],
    ['stringList', '[1, 2]'],
    ['stringList', { a: 1 }],
  ])('%s refuses %j', (type, value) => {
    expect(() => coerceParam(type, value)).toThrow(ParamError);
  });
});

describe('bindParams', () => {
  const declared = [
    param('from', 'nodeId', { required: true }),
    param('limit', 'integer', { default: 10 }),
    param('since', 'date'),
    param('kinds', 'stringList', { default: ['Person'] }),
  ];

  it('applies defaults, passes null for optional parameters without one, and lists node ids', () => {
    const { params, nodeIds } = bindParams(declared, { from: 'person:marco-rubio' });
    expect(params).toEqual({ from: 'person:marco-rubio', limit: int(10), since: null, kinds: ['Person'] });
    expect(nodeIds).toEqual([{ name: 'from', id: 'person:marco-rubio' }]);
  });

  it('treats an empty form field as missing', () => {
    expect(bindParams(declared, { from: 'person:marco-rubio', limit: '', since: ' ' }).params).toMatchObject({ limit: int(10), since: null });
  });

  it('names every missing, mistyped and unknown parameter (400)', () => {
    const err = appError(() => bindParams(declared, { limit: 'ten', since: '2025-13-01', frm: 'person:x' }));
    expect(err.status).toBe(400);
    expect(err.details.map((d) => d.where).sort()).toEqual(['params.frm', 'params.from', 'params.limit', 'params.since']);
    expect(err.message).toMatch(/params\.from is required/);
    expect(err.message).toMatch(/params\.limit must be a whole number; got "ten"/);
    expect(err.message).toMatch(/params\.frm is not a parameter of this query/);
  });
});

describe('checkDeclarations', () => {
  it('accepts consistent declarations', () => {
    expect(() => checkDeclarations([param('a', 'integer', { default: 3 }), param('b', 'string', { required: true })], ['a', 'b'])).not.toThrow();
  });

  it('refuses duplicates, required-with-default, bad defaults and undeclared $parameters', () => {
    const err = appError(() =>
      checkDeclarations([param('a', 'integer', { default: 'x' }), param('a', 'string'), param('b', 'date', { required: true, default: '2025-01-01' })], ['a', 'b', 'c']),
    );
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/a is declared twice/);
    expect(err.message).toMatch(/the default of a must be a whole number/);
    expect(err.message).toMatch(/b is either required or has a default/);
    expect(err.message).toMatch(/uses \$c, which is not declared/);
  });
});

describe('plainParams', () => {
  it('sends whole JSON numbers as integers, everywhere', () => {
    expect(plainParams({ n: 3, f: 1.5, list: [1, 'x'], map: { deep: 2 } })).toEqual({ n: int(3), f: 1.5, list: [int(1), 'x'], map: { deep: int(2) } });
  });
});

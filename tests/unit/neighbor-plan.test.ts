import { describe, expect, it } from 'vitest';
import { budgetParameter, chooseStrategy, indexBudget, neighborBranch, neighborPageQuery } from '../../server/services/neighbor-plan.js';

describe('indexBudget', () => {
  it('is four times the entries expected before `fetch` of them touch the node', () => {
    expect(indexBudget({ type: 'T', degree: 100_000, typeCount: 100_000 }, 51)).toBe(204);
    expect(indexBudget({ type: 'T', degree: 10_000, typeCount: 100_000 }, 51)).toBe(2040);
  });

  it('is unbounded without the counts it needs', () => {
    expect(indexBudget({ type: 'T', degree: 10 }, 51)).toBe(Number.POSITIVE_INFINITY);
    expect(indexBudget({ type: 'T', degree: 0, typeCount: 10 }, 51)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('chooseStrategy', () => {
  it('expands ordinary nodes', () => {
    expect(chooseStrategy({ type: 'MEMBER_OF', degree: 10, typeCount: 100_000, indexed: true }, 51)).toBe('expand');
    expect(chooseStrategy({ type: 'MEMBER_OF', degree: 200, typeCount: 200, indexed: true }, 51)).toBe('expand');
  });

  it('walks the index for a hub that holds a good share of its type', () => {
    expect(chooseStrategy({ type: 'MEMBER_OF', degree: 100_000, typeCount: 100_015, indexed: true }, 51)).toBe('index');
    expect(chooseStrategy({ type: 'MEMBER_OF', degree: 10_000, typeCount: 100_000, indexed: true }, 51)).toBe('index');
  });

  it('expands a dense node whose type is far larger than its share of it', () => {
    expect(chooseStrategy({ type: 'MEMBER_OF', degree: 1_000, typeCount: 10_000_000, indexed: true }, 51)).toBe('expand');
  });

  it('never uses an index that is not there', () => {
    expect(chooseStrategy({ type: 'MEMBER_OF', degree: 100_000, typeCount: 100_000, indexed: false }, 51)).toBe('expand');
    expect(chooseStrategy({ type: 'MEMBER_OF', degree: 100_000, typeCount: 100_000 }, 51)).toBe('expand');
  });
});

describe('neighborBranch', () => {
  it('reads each direction with its own pattern', () => {
    expect(neighborBranch('LEADS', 'out', 'expand')).toContain('(n)-[r:LEADS]->(m:Entity)');
    expect(neighborBranch('LEADS', 'in', 'expand')).toContain('(n)<-[r:LEADS]-(m:Entity)');
    expect(neighborBranch('LEADS', 'both', 'expand')).toContain('(n)-[r:LEADS]-(m:Entity)');
    expect(neighborBranch('LEADS', 'in', 'index')).toContain('w[2] = n');
    expect(neighborBranch('LEADS', 'out', 'index')).toContain('w[0] = n');
  });

  it('bounds an index walk by its budget before looking at the node', () => {
    const branch = neighborBranch('LEADS', 'both', 'index');
    expect(branch).toContain('USING INDEX SEEK r:LEADS(id)');
    expect(branch.indexOf(`LIMIT $${budgetParameter('LEADS')}`)).toBeLessThan(branch.indexOf('= n'));
  });

  it('keeps values out of the query text and refuses unsafe type names', () => {
    const query = neighborPageQuery([neighborBranch('LEADS', 'both', 'index')]);
    expect(query).toContain('$afterEdge');
    expect(query).toContain('$fetch');
    expect(() => neighborBranch('LEADS]->() DETACH DELETE n //', 'out', 'expand')).toThrow(/Refusing/);
    expect(() => neighborBranch('lower', 'out', 'expand')).toThrow(/Refusing/);
  });
});

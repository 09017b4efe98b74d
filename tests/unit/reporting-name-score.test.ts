import { describe, expect, it } from 'vitest';
import { editDistance, scoreEntity, scoreName } from '../../server/services/reporting/name-score.js';
import { DUPLICATE_THRESHOLD } from '../../server/services/reporting/entity-match.js';
import { recallQuery } from '../../server/services/reporting/entity-match.js';

describe('scoreName', () => {
  it.each([
    ['Nayib Bukele', 1, 'same name'],
    ['nayib bukele', 0.98, 'same name in other case'],
    ['Bukele, Nayib', 0.97, 'names reversed'],
    ['Nayib Bukel', 0.95, 'one letter off'],
    ['N. Bukele', 0.93, 'initials'],
  ])('takes "%s" for Nayib Bukele (%s: %s)', (written, score, reason) => {
    const result = scoreName(written, 'Nayib Bukele');
    expect(result).toEqual({ score, reasons: [reason] });
    expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it('ignores accents', () => {
    expect(scoreName('Cesar Lopez Larios', 'César López Larios')).toEqual({ score: 0.98, reasons: ['same name without accents'] });
  });

  it('ranks a part of the name below the duplicate threshold, and unrelated names at 0', () => {
    expect(scoreName('Bukele', 'Nayib Bukele')).toEqual({ score: 0.73, reasons: ['part of the name'] });
    expect(scoreName('Bukele', 'Nayib Bukele').score).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(scoreName('Marco Rubio', 'Nayib Bukele')).toEqual({ score: 0, reasons: [] });
    expect(scoreName('Nayib Armando Bukele', 'Nayib Bukele').reasons).toEqual(['some words differ']);
  });

  it('allows no typo in short words, one from four letters, two from eight', () => {
    expect(scoreName('Bob', 'Rob').score).toBe(0);
    expect(scoreName('Nayb', 'Nayib').reasons).toEqual(['one letter off']);
    expect(scoreName('Washingtn Posst', 'Washington Post').score).toBeGreaterThan(0.8);
  });
});

describe('scoreEntity', () => {
  it('matches aliases and says so', () => {
    expect(scoreEntity('little marco', 'Marco Rubio', ['Little Marco'])).toEqual({ score: 0.98, reasons: ['alias', 'same name in other case'] });
    expect(scoreEntity('Marco Rubio', 'Marco Rubio', ['Little Marco'])).toEqual({ score: 1, reasons: ['same name'] });
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('bukele', 'bukeel')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('recallQuery', () => {
  it('asks the index for each word exact, fuzzy and as a prefix, without single letters', () => {
    expect(recallQuery('N. Bukele')).toBe('bukele OR bukele~1 OR bukele*');
    expect(recallQuery('Núñez, AND')).toBe('nunez OR nunez~1 OR nunez* OR and OR and*');
    expect(recallQuery('.')).toBe('');
  });
});

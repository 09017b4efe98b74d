import { describe, expect, it } from 'vitest';
import { luceneQuery, searchTerms } from '../../server/services/search-service.js';

describe('searchTerms', () => {
  it('folds accents and case the way the index does', () => {
    expect(searchTerms('César LÓPEZ Larios')).toEqual(['cesar', 'lopez', 'larios']);
  });

  it('drops Lucene syntax so user text cannot change the query', () => {
    expect(searchTerms('rubio AND (name:x)~ "quoted" \\')).toEqual(['rubio', 'and', 'name', 'x', 'quoted']);
  });

  it('splits letters from digits so "ms13" meets "MS-13"', () => {
    expect(searchTerms('ms13')).toEqual(['ms', '13']);
  });

  it('keeps at most eight words', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('luceneQuery', () => {
  it('requires every word, tolerating typos only in longer words', () => {
    const query = luceneQuery(['ms', 'bukele']);
    expect(query.split(' AND ')).toHaveLength(2);
    expect(query).not.toContain('ms~');
    expect(query).toContain('name:bukele~1');
    expect(query).toContain('name:bukele*');
  });

  it('allows two typos in long words', () => {
    expect(luceneQuery(['investigation'])).toContain('investigation~2');
  });
});

import { describe, expect, it } from 'vitest';
import { NewRows } from '../../server/db/new-rows.js';

describe('what a load proves new', () => {
  it('into an empty database, a key is new the first time only, per kind', () => {
    const rows = new NewRows(true);
    expect(rows.claim('KNOWS', 'rel:1')).toBe(true);
    expect(rows.claim('KNOWS', 'rel:1')).toBe(false);
    expect(rows.claim('TOLD', 'rel:1')).toBe(true);
  });

  it('into a database that held rows of the kind, nothing is proven new', () => {
    expect(new NewRows(false).claim('KNOWS', 'rel:1')).toBe(false);
  });

  it('past the cap of remembered keys, every further row is looked for, and the remembered ones still are', () => {
    const rows = new NewRows(true, 2);
    expect([rows.claim('KNOWS', 'a'), rows.claim('KNOWS', 'b'), rows.claim('KNOWS', 'c')]).toEqual([true, true, false]);
    expect([rows.claim('KNOWS', 'a'), rows.claim('KNOWS', 'c')]).toEqual([false, false]);
  });
});

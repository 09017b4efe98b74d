import { int } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { uniteProperties, unitedAliases } from '../../server/services/reporting/merge-properties.js';

describe('merging two entities\' properties', () => {
  it('unites equal and one-sided values and joins lists; a different value is a conflict until chosen', () => {
    const from = { id: 'person:a', name: 'N. Bukele', country: 'El Salvador', count: int(9), tags: ['x', 'y'], position: 'Salvadoran President', addedAt: '2026' };
    const into = { id: 'person:b', name: 'Nayib Bukele', country: 'El Salvador', tags: ['y', 'z'], position: 'President of El Salvador' };
    const open = uniteProperties(from, into, {});
    expect(open.conflicts).toEqual([{ property: 'position', from: 'Salvadoran President', into: 'President of El Salvador' }]);
    expect(open.set).toEqual({ count: int(9), tags: ['y', 'z', 'x'] });

    expect(uniteProperties(from, into, { position: 'from' })).toMatchObject({ conflicts: [], set: { position: 'Salvadoran President' }, overruled: [] });
    expect(uniteProperties(from, into, { position: 'into' })).toMatchObject({ conflicts: [], overruled: ['position'] });
    expect(uniteProperties(from, into, { position: 'into' }).set).not.toHaveProperty('position');
  });

  it('makes the merged name an alias, each alias once, never the kept name', () => {
    expect(unitedAliases({ name: 'N. Bukele', aliases: ['Bukele', 'Nayib Bukele'] }, { name: 'Nayib Bukele', aliases: ['Bukele'] })).toEqual(['Bukele', 'N. Bukele']);
    expect(unitedAliases({ name: 'Nayib Bukele' }, { name: 'Nayib Bukele' })).toEqual([]);
  });
});

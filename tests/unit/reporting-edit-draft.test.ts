import { describe, expect, it } from 'vitest';
import { conflictsOf, draftOf, editRequest, takeTheirs } from '../../app/reporting/edit-draft.js';

const node = { id: 'person:x', labels: ['Entity', 'Person'], properties: { name: 'X', aliases: ['Ex'], age: 40, active: true, evidence: ['e:1'], sources: ['a', 'b'] } };
const because = { editorial: 'note' };

describe('the entity edit draft', () => {
  it('offers plain values only, never the graph\'s own properties or lists', () => {
    expect(draftOf(node).properties.map((r) => r.key)).toEqual(['age', 'active']);
  });

  it('sends what differs, typed as the stored value was, removals as null, with what was seen as the base', () => {
    const draft = { ...draftOf(node), because, properties: [{ row: 0, key: 'age', value: '41' }, { row: 2, key: 'constructor', value: 'odd' }] };
    expect(editRequest(draft, node.properties)).toEqual({
      because,
      properties: { age: 41, constructor: 'odd', active: null },
      base: { properties: { age: 40, constructor: null, active: true } },
    });
    expect(editRequest({ ...draftOf(node), because }, node.properties)).toBeNull();
  });

  it('reads a 409\'s fields and takes theirs into the draft', () => {
    const conflicts = conflictsOf([{ where: 'body.base.name', message: 'is now "Y"' }, { where: 'body.base.properties.age', message: 'is now 42' }, { where: 'body', message: 'other' }], { name: 'Y', age: 42 });
    expect(conflicts).toEqual([{ key: 'name', message: 'is now "Y"', theirs: 'Y' }, { key: 'age', message: 'is now 42', theirs: 42 }]);
    const draft = takeTheirs(takeTheirs(draftOf(node), 'name', 'Y'), 'age', 42);
    expect(draft.name).toBe('Y');
    expect(draft.properties).toEqual([{ row: 0, key: 'age', value: '42' }, { row: 1, key: 'active', value: 'true' }]);
    expect(takeTheirs(draft, 'active', null).properties.map((r) => r.key)).toEqual(['age']);
  });
});

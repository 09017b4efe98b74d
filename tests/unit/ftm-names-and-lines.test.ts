import { describe, expect, it } from 'vitest';
import { ftmModel } from '../../server/services/import/ftm/ftm-model.js';
import { ftmNameOf, ftmSlug, nodeIdOf, storedName, upperSnake } from '../../server/services/import/ftm/ftm-names.js';
import { readLines } from '../../server/services/import/ftm/read-lines.js';
import { ID_RULES } from '../../shared/model/graph-model.js';

async function lines(chunks: Uint8Array[]) {
  const out = [];
  for await (const line of readLines(chunks)) out.push(line);
  return out;
}

describe('readLines', () => {
  it('gives each line with its number, whatever the chunks split (a line, a CRLF, a character of several bytes)', async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"a": "Straße"}\r\n\n{"b": "ö"}');
    const whole = await lines([bytes]);
    expect(whole).toEqual([
      { number: 1, text: '{"a": "Straße"}' },
      { number: 2, text: '' },
      { number: 3, text: '{"b": "ö"}' },
    ]);
    const split = await lines([...bytes].map((b) => Uint8Array.of(b)));
    expect(split).toEqual(whole);
  });
});

describe('FtM names in the graph', () => {
  it('keeps slug-like FtM ids and slugs the others apart with a hash, always as valid node ids', () => {
    expect(ftmSlug('97149caa3aef')).toBe('97149caa3aef');
    const [a, b] = [ftmSlug('NK-Abc_1'), ftmSlug('nk-abc-1')];
    expect(a).not.toBe(b);
    for (const id of ['NK-Abc_1', 'ofac-1234', 'Q42', 'ü/ö']) expect(nodeIdOf(id)).toMatch(ID_RULES.entity.pattern);
  });

  it('turns schemata and properties into relationship types, and FtM property names clashing with the graph\'s own back and forth', () => {
    expect(upperSnake('UnknownLink')).toBe('UNKNOWN_LINK');
    expect(upperSnake('addressEntity')).toBe('ADDRESS_ENTITY');
    const payment = ftmModel().getSchema('Payment');
    expect(storedName('date')).toBe('ftmDate');
    expect(storedName('amountEur')).toBe('amountEur');
    expect(ftmNameOf('ftmDate', payment)).toBe('date');
    expect(ftmNameOf('amountEur', payment)).toBe('amountEur');
    expect(ftmNameOf('date', payment)).toBeNull();
    expect(ftmNameOf('ftmId', payment)).toBeNull();
    expect(ftmNameOf('evidence', payment)).toBeNull();
  });
});

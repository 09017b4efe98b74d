import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { suggest, type Vocabulary } from '../../app/queries/cypher-completion';
import { cypherToken, type CypherState } from '../../app/queries/cypher-language';

/** Each line's tokens as `text:style`, the way CodeMirror would step through them. */
function tokens(text: string): string[] {
  const state: CypherState = { inComment: false, after: null, inLabel: false };
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const stream = new StringStream(line, 2, 2);
    while (!stream.eol()) {
      const style = cypherToken(stream, state);
      if (style) out.push(`${stream.current()}:${style}`);
      stream.start = stream.pos;
    }
  }
  return out;
}

describe('the Cypher mode', () => {
  it('tells keywords, labels, types, properties, parameters, functions, strings and numbers apart', () => {
    expect(tokens("MATCH (p:Person)-[r:TOLD]->(o) WHERE p.name = $who AND size(o.tags) > 2.5 RETURN 'x', true")).toEqual([
      'MATCH:keyword', '(:punctuation', 'p:variableName', '::punctuation', 'Person:typeName', '):punctuation', '-:operator', '[:punctuation',
      'r:variableName', '::punctuation', 'TOLD:typeName', ']:punctuation', '-:operator', '>:operator', '(:punctuation', 'o:variableName',
      '):punctuation', 'WHERE:keyword', 'p:variableName', '.:punctuation', 'name:propertyName', '=:operator', '$who:variableName.special',
      'AND:keyword', 'size:variableName.function', '(:punctuation', 'o:variableName', '.:punctuation', 'tags:propertyName', '):punctuation',
      '>:operator', '2.5:number', 'RETURN:keyword', "'x':string", ',:punctuation', 'true:atom',
    ]);
  });

  it('reads label expressions, map entries and block comments across lines', () => {
    expect(tokens('(n:Person|Organization)')).toContain('Organization:typeName');
    expect(tokens('{id: value}')).toContain('value:variableName');
    expect(tokens("/* a\nMATCH */ RETURN 'it''s'")).toEqual(['/* a:comment', 'MATCH */:comment', 'RETURN:keyword', "'it':string", "'s':string"]);
    expect(tokens('RETURN "a \\" b" // note')).toEqual(['RETURN:keyword', '"a \\" b":string', '// note:comment']);
  });
});

const vocabulary: Vocabulary = { labels: ['Person', 'Deal', 'Dated Event'], relationshipTypes: ['TOLD', 'AGREED_TO'], propertyKeys: ['name', 'date'], parameters: ['sourceId'] };

describe('completion from the schema', () => {
  it('offers labels in a node pattern and types in a relationship pattern', () => {
    expect(suggest('MATCH (p:Pe', vocabulary)).toEqual({ replace: 2, kind: 'label', options: ['Person', 'Deal', '`Dated Event`'] });
    expect(suggest('MATCH (p)-[:', vocabulary)).toMatchObject({ replace: 0, kind: 'type', options: ['TOLD', 'AGREED_TO'] });
    expect(suggest('MATCH (p)-[r:TOLD|AG', vocabulary)).toMatchObject({ replace: 2, kind: 'type' });
    expect(suggest('MATCH (p)-[r]->(o) WHERE o:', vocabulary)).toMatchObject({ kind: 'label' });
    expect(suggest('MATCH (p:Person {nested: [1, 2]})-[r:', vocabulary)).toMatchObject({ kind: 'type' });
  });

  it('offers property keys after a dot, declared parameters after $, keywords and functions for a word', () => {
    expect(suggest('RETURN p.na', vocabulary)).toEqual({ replace: 2, kind: 'property', options: ['name', 'date'] });
    expect(suggest('WHERE e.sourceId = $s', vocabulary)).toEqual({ replace: 1, kind: 'parameter', options: ['sourceId'] });
    const words = suggest('MATCH (p) RET', vocabulary)!;
    expect(words).toMatchObject({ replace: 3, kind: 'keyword' });
    expect(words.options).toContain('RETURN');
    expect(words.options).toContain('toLower()');
    expect(words.options).not.toContain('CREATE');
  });

  it('stays quiet where nothing fits', () => {
    expect(suggest('RETURN 1.', vocabulary)).toBeNull();
    expect(suggest('RETURN {name: ', vocabulary)).toBeNull();
    expect(suggest('WHERE x IS ::', vocabulary)).toBeNull();
    expect(suggest('RETURN p ', vocabulary)).toBeNull();
  });
});

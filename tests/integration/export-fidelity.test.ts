/**
 * Issue 14's export defects, each checked by opening the file with something nobody here wrote: the JDK's XML
 * Schema validator, graphology's parsers, Neo4j itself (the Cypher script) and the HTML viewer's data.
 */
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterEach, describe, expect, it } from 'vitest';
import { allEntityIds, graphPicture, postExport } from '../support/export-api.js';
import { rows, useSeededApi, type ErrorBody } from '../support/explore-api.js';
import { resetToSeed } from '../support/test-db.js';
import { validateXml } from '../support/xml-schema.js';

const api = useSeededApi();
afterEach(() => resetToSeed(api.db));

const POSITIONS = { 'person:marco-rubio': { x: 10, y: -20 } };
/** Bukele told Rubio one thing (`content` a string there), while officials told the Post two (a list). */
const FIVE = ['person:marco-rubio', 'person:nayib-bukele', 'deal:cecot-access-for-ms13-leaders', 'person:donald-trump', 'group:nine-ms13-leaders'];

/** Each GraphML key's declaration by `for` and name: its type, and whether its values are JSON. */
function graphmlKeys(xml: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const match of xml.matchAll(/<key id="[^"]+" for="(\w+)" attr\.name="([^"]+)" attr\.type="(\w+)"(\/>|><desc>([^<]*)<\/desc><\/key>)/g)) {
    keys.set(`${match[1]} ${match[2]}`, `${match[3]}${match[5] ? ` (${match[5]})` : ''}`);
  }
  return keys;
}

function gexfTypes(xml: string): Map<string, string> {
  const types = new Map<string, string>();
  for (const block of xml.matchAll(/<attributes class="(\w+)">([\s\S]*?)<\/attributes>/g)) {
    for (const attribute of block[2]!.matchAll(/<attribute id="\d+" title="([^"]+)" type="(\w+)"\/>/g)) types.set(`${block[1]} ${attribute[1]}`, attribute[2]!);
  }
  return types;
}

describe('GraphML and GEXF validate against their XML schemas', () => {
  it('GraphML of the whole graph, with positions, is valid GraphML', async () => {
    const file = await postExport(api.url, { format: 'graphml', ids: await allEntityIds(api.db), options: { positions: POSITIONS } });
    expect(file.status).toBe(200);
    expect(await validateXml('graphml', file.text)).toBe('valid');
  });

  it('GEXF of the whole graph, with positions, is valid GEXF 1.2', async () => {
    const file = await postExport(api.url, { format: 'gexf', ids: await allEntityIds(api.db), options: { positions: POSITIONS } });
    expect(file.status).toBe(200);
    expect(await validateXml('gexf', file.text)).toBe('valid');
  });

  it('the validator does catch an invalid file', async () => {
    expect(await validateXml('graphml', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" nonsense="1"/></graphml>')).toMatch(/cvc-complex-type\.3\.2\.2.*nonsense/);
  });
});

describe("a property's type comes from the graph, not from the selection", () => {
  it('declares each key the same way in a 5-node export as in the whole graph; whole decimals stay decimals', async () => {
    const all = await allEntityIds(api.db);
    const whole = graphmlKeys((await postExport(api.url, { format: 'graphml', ids: all })).text);
    const few = graphmlKeys((await postExport(api.url, { format: 'graphml', ids: FIVE })).text);
    expect(few.get('edge content')).toBeDefined();
    for (const [key, declared] of few) expect(declared, key).toBe(whole.get(key));
    expect(whole.get('edge content')).toMatch(/^string \(.*JSON/);
    const [count] = await rows<{ type: string }>(api.db, "MATCH (g:Group) WHERE g.count IS NOT NULL RETURN valueType(g.count) AS type LIMIT 1");
    expect(count!.type).toMatch(/^FLOAT/);
    expect(whole.get('node count')).toBe('double');

    const wholeGexf = gexfTypes((await postExport(api.url, { format: 'gexf', ids: all })).text);
    const fewGexf = gexfTypes((await postExport(api.url, { format: 'gexf', ids: FIVE })).text);
    for (const [key, type] of fewGexf) expect(type, key).toBe(wholeGexf.get(key));
    expect(wholeGexf.get('node count')).toBe('double');
  });
});

describe('a property named like one of the format’s own attributes keeps the `property.` prefix', () => {
  it('GEXF writes a property `label` as `property.label`, so graphology keeps the name as the label', async () => {
    await api.db.driver.executeQuery("MATCH (n:Entity {id: 'person:marco-rubio'}) SET n.label = 'a property called label'");
    const graph = parseGexf(Graph, (await postExport(api.url, { format: 'gexf', ids: FIVE })).text);
    expect(graph.getNodeAttributes('person:marco-rubio')).toMatchObject({ label: 'Marco Rubio', 'property.label': 'a property called label' });
  });
});

describe('the Cypher script of a subgraph, run on the database that holds the whole graph', () => {
  it('unites the evidence claims (and every other list) instead of replacing them: nothing is lost', async () => {
    const before = await graphPicture(api.db);
    const file = await postExport(api.url, { format: 'cypher', ids: FIVE });
    const statements = file.text.split('\n').filter((line) => line.trim() && !line.startsWith('//'));
    for (const statement of statements) await api.db.driver.executeQuery(statement.slice(0, -1));
    const after = await graphPicture(api.db);
    expect(after.evidence).toEqual(before.evidence);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
  });
});

describe('the HTML export', () => {
  it("shows a source's URL: the viewer's data carries it", async () => {
    const [cited] = await rows<{ id: string }>(
      api.db,
      "MATCH (n:Entity {id: 'person:marco-rubio'}) UNWIND n.evidence AS evidenceId MATCH (e:Evidence {id: evidenceId}) RETURN DISTINCT e.sourceId AS id LIMIT 1",
    );
    await api.db.driver.executeQuery('MATCH (s:Source {id: $id}) SET s.url = $url', { id: cited!.id, url: 'https://example.org/rubio-bukele' });
    const page = (await postExport(api.url, { format: 'html', ids: FIVE })).text;
    const json = /<script type="application\/json" id="threadline-data">(.*?)<\/script>/s.exec(page)![1]!;
    const data = JSON.parse(json) as { sources: { id: string; url?: string }[] };
    expect(data.sources.find((s) => s.id === cited!.id)?.url).toBe('https://example.org/rubio-bukele');
  });
});

describe('exporting ids that name nothing', () => {
  it('answers 404 naming each missing node and relationship id, with where it is in the body', async () => {
    const file = await postExport(api.url, { format: 'graphml', ids: ['person:marco-rubio', 'person:nobody'], edgeIds: ['rel:nothing-here'] });
    expect(file.status).toBe(404);
    const body = JSON.parse(file.text) as ErrorBody;
    expect(body.error.message).toContain('person:nobody');
    expect(body.error.details).toEqual([
      { where: 'body.ids.1', message: 'no node with id person:nobody' },
      { where: 'body.edgeIds.0', message: 'no relationship with id rel:nothing-here' },
    ]);
  });
});

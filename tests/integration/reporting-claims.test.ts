/** Claims from verbatim quotes (POST /api/claims): the quote check, one edge per (subject, type, object), confidence, new entities and their duplicates. */
import { describe, expect, it } from 'vitest';
import type { ApiError, EdgeDetails, WriteResult } from '../../shared/contract/index.js';
import type { EntityMatch, SourceCreated } from '../../shared/contract/reporting.js';
import { SEED_SOURCE, seedQuote, useReportingApi } from '../support/reporting-api.js';

const { db, api } = useReportingApi();
const claim = (body: object) => api<WriteResult & ApiError>('/claims', 'POST', body);

describe('the quote check', () => {
  it('refuses a quote that is not at its offsets, saying where it is', async () => {
    const right = seedQuote('Salvadoran President Nayib Bukele');
    const reply = await claim({ ...right, start: right.start + 1, end: right.end + 1, confidence: 'fact', subject: 'person:nayib-bukele', type: 'PRESIDENT_OF', object: 'place:el-salvador' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ where: 'body.quote', message: expect.stringContaining(`occurs verbatim at ${right.start}-${right.end}`) }]);
  });

  it('says where a quote differing only in quotation marks or spaces nearly is', async () => {
    const curly = seedQuote('El Salvador’s CECOT megaprison');
    const reply = await claim({ ...curly, quote: "El Salvador's  CECOT megaprison", confidence: 'fact', subject: 'person:nayib-bukele', type: 'CONTROLS', object: 'facility:cecot' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain(`differs only in quotation marks or whitespace from the text at ${curly.start}-${curly.end}`);
  });

  it('refuses a quote that is nowhere in the source, and unknown ids with a 404 naming them', async () => {
    const at = seedQuote('Salvadoran President Nayib Bukele');
    const invented = await claim({ ...at, quote: 'Bukele denied everything', confidence: 'fact', subject: 'person:nayib-bukele', type: 'PRESIDENT_OF', object: 'place:el-salvador' });
    expect(invented.status).toBe(400);
    expect(invented.body.error.message).toContain('is not in the source');
    const unknown = await claim({ ...at, confidence: 'fact', subject: 'person:nobody-at-all', type: 'PRESIDENT_OF', object: 'place:el-salvador' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details).toEqual([{ where: 'body.subject', message: 'no entity with id person:nobody-at-all' }]);
  });
});

describe('relationship claims', () => {
  it('adds a second quote to the existing relationship, never a parallel edge', async () => {
    const before = await api<EdgeDetails>('/edges/rel:bukele-president-of-el-salvador');
    const reply = await claim({ ...seedQuote('President Nayib Bukele told Rubio'), confidence: 'named-source', subject: 'person:nayib-bukele', type: 'PRESIDENT_OF', object: 'place:el-salvador' });
    expect(reply.status).toBe(201);
    expect(reply.body.graph.edges.map((e) => e.id)).toEqual(['rel:bukele-president-of-el-salvador']);
    const after = await api<EdgeDetails>('/edges/rel:bukele-president-of-el-salvador');
    expect(after.body.evidence.map((e) => e.quote)).toEqual([...before.body.evidence.map((e) => e.quote), 'President Nayib Bukele told Rubio']);
    const { records } = await db.driver.executeQuery("MATCH (:Entity {id: 'person:nayib-bukele'})-[r:PRESIDENT_OF]->(:Entity {id: 'place:el-salvador'}) RETURN count(r) AS n");
    expect(records[0]!.get('n')).toBe(1);
    expect(after.body.edge.properties.confidence).toBe('fact');
  });

  it('creates a new relationship with a date, and keeps its confidence at the firmest quote', async () => {
    const first = await claim({ ...seedQuote('Rubio agreed, despite some of those men'), confidence: 'anonymous-source', subject: 'person:marco-rubio', type: 'NEGOTIATED_WITH', object: 'person:nayib-bukele', date: { text: 'March 13', date: '2025-03-13', precision: 'day' } });
    expect(first.status).toBe(201);
    const [edge] = first.body.graph.edges;
    expect(edge).toMatchObject({ id: 'rel:marco-rubio-negotiated-with-nayib-bukele', source: 'person:marco-rubio', target: 'person:nayib-bukele' });
    expect(edge!.properties).toMatchObject({ confidence: 'anonymous-source', dateText: 'March 13', date: '2025-03-13', datePrecision: 'day' });
    expect(first.body.change).toMatchObject({ kind: 'add-claim', by: 'local', targets: expect.arrayContaining([edge!.id, SEED_SOURCE]) });

    const firmer = await claim({ ...seedQuote('Rubio said Attorney General Pam Bondi would terminate'), confidence: 'fact', subject: 'person:marco-rubio', type: 'NEGOTIATED_WITH', object: 'person:nayib-bukele' });
    expect(firmer.body.graph.edges[0]).toMatchObject({ id: edge!.id, properties: { confidence: 'fact' } });
  });

  it('joins a second claim to the same quote at the same confidence: one Evidence node, two claims', async () => {
    const quote = seedQuote('Meeting Bukele’s demands');
    await claim({ ...quote, confidence: 'alleged', subject: 'person:marco-rubio', type: 'NEGOTIATED_WITH', object: 'person:nayib-bukele' });
    await claim({ ...quote, confidence: 'alleged', subject: 'person:nayib-bukele', type: 'DEMANDED', object: 'person:marco-rubio' });
    const id = `evidence:daily-beast-rubio-bukele-informants:${quote.start}-${quote.end}:alleged`;
    const { body } = await api<{ evidence: { claims: string[] } }>(`/evidence/${id}`);
    expect(body.evidence.claims).toEqual(['rel:marco-rubio-negotiated-with-nayib-bukele', 'rel:nayib-bukele-demanded-marco-rubio']);
  });

  it('refuses a relationship type that is not UPPER_SNAKE_CASE', async () => {
    const reply = await claim({ ...seedQuote('Rubio agreed'), confidence: 'fact', subject: 'person:marco-rubio', type: 'agreed to', object: 'person:nayib-bukele' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d) => d.where)).toContain('body.type');
  });

  it('names the missing field of a relationship claim, not the whole body', async () => {
    const reply = await claim({ ...seedQuote('Rubio agreed'), attribution: 'the report', subject: 'person:marco-rubio', type: 'AGREED_TO', object: 'person:nayib-bukele' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d) => d.where)).toEqual(['body.confidence']);
  });
});

describe('new entities', () => {
  it.each(['Bukele, Nayib', 'N. Bukele', 'Nayib Bukel', 'nayib bukele'])('answers 409 with the existing Nayib Bukele for "%s"', async (name) => {
    const reply = await claim({ ...seedQuote('Salvadoran President Nayib Bukele'), confidence: 'fact', subject: { new: { kind: 'Person', name } }, type: 'PRESIDENT_OF', object: 'place:el-salvador' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.details[0]).toEqual({ where: 'body.subject.new', message: 'person:nayib-bukele' });
  });

  it('ranks the same spellings with reasons in GET /api/entities/match', async () => {
    const { body } = await api<EntityMatch>(`/entities/match?name=${encodeURIComponent('Bukele, Nayib')}&kind=Person`);
    expect(body.candidates[0]).toMatchObject({ node: { id: 'person:nayib-bukele' }, reasons: ['names reversed'] });
    expect(body.candidates[0]!.score).toBeGreaterThan(0.9);
    expect(body.candidates[0]!.connections.length).toBeGreaterThan(0);
    const alias = await api<EntityMatch>('/entities/match?name=little%20marco');
    expect(alias.body.candidates[0]).toMatchObject({ node: { id: 'person:marco-rubio' }, reasons: expect.arrayContaining(['alias']) });
  });

  it('creates the entity when told to, and remembers what it was created despite', async () => {
    const reply = await claim({ ...seedQuote('Salvadoran President Nayib Bukele'), confidence: 'named-source', subject: { new: { kind: 'Person', name: 'N. Bukele' } }, type: 'PRESIDENT_OF', object: 'place:el-salvador', allowDuplicates: true });
    expect(reply.status).toBe(201);
    expect(reply.body.graph.nodes.map((n) => n.id)).toContain('person:n-bukele');
    const { records } = await db.driver.executeQuery('MATCH (c:_Change {id: $id}) RETURN c.createdDespite AS despite', { id: reply.body.change.id });
    expect(records[0]!.get('despite')).toEqual(['person:nayib-bukele']);
  });

  it('creates a new entity without asking when nothing like it exists', async () => {
    const reply = await claim({ ...seedQuote('Douglas Farah, a U.S. contractor'), confidence: 'fact', subject: { new: { kind: 'Person', name: 'Hortensia Quillfeather' } }, type: 'WORKED_WITH', object: { new: { kind: 'Organization', name: 'Zephyr Analytics' } } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.graph.edges[0]).toMatchObject({ source: 'person:hortensia-quillfeather', target: 'organization:zephyr-analytics', type: 'WORKED_WITH' });
  });
});

describe('property claims', () => {
  it('sets an absent property, adds a quote to the same value, and refuses a different one with the current value and its quotes', async () => {
    const set = await claim({ ...seedQuote('Douglas Farah, a U.S. contractor'), confidence: 'fact', subject: 'person:nayib-bukele', property: 'nickname', value: 'contractor' });
    expect(set.status).toBe(201);
    expect(set.body.graph.nodes[0]!.properties.nickname).toBe('contractor');
    const same = await claim({ ...seedQuote('a U.S. contractor'), confidence: 'fact', subject: 'person:nayib-bukele', property: 'nickname', value: 'contractor' });
    expect(same.status).toBe(201);
    const other = await claim({ ...seedQuote('Salvadoran President'), confidence: 'fact', subject: 'person:nayib-bukele', property: 'nickname', value: 'president' });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain('"contractor"');
    expect(other.body.error.details.map((d) => d.message)).toEqual(['current value "contractor"', expect.stringMatching(/^evidence:/), expect.stringMatching(/^evidence:/)]);
  });
});

describe('two claims making the same new id at the same moment', () => {
  /** A second source, so the racing claims take different source locks and really run side by side. */
  async function secondSource(title: string) {
    const reply = await api<SourceCreated>('/sources', 'POST', { title, content: 'Racing Testperson met Marco Rubio.', format: 'text' });
    expect(reply.status).toBe(201);
    const sourceId = reply.body.source.id;
    return { sourceId, quote: 'Racing Testperson met Marco Rubio', start: 0, end: 33, attribution: 'the test' };
  }

  it('creates the new person once: the other claim gets the duplicate warning naming it, never a 500', async () => {
    const other = await secondSource('TEST MATERIAL: racing for a new person');
    for (const name of ['Racing Testperson', 'Quentin Raceworth', 'Ottilie Dashwood']) {
      const body = (quote: object) => ({ ...quote, confidence: 'fact', subject: { new: { kind: 'Person', name } }, type: 'TOLD', object: 'person:marco-rubio' });
      const replies = await Promise.all([claim(body(seedQuote('Marco Rubio'))), claim(body(other))]);
      expect(replies.map((r) => r.status).sort(), JSON.stringify(replies.map((r) => r.body))).toEqual([201, 409]);
      const refused = replies.find((r) => r.status === 409)!;
      expect(refused.body.error.details[0]).toEqual({ where: 'body.subject.new', message: `person:${name.toLowerCase().replace(' ', '-')}` });
    }
  });

  it('makes one new relationship with both quotes when two sources claim it at once', async () => {
    const other = await secondSource('TEST MATERIAL: racing for a new relationship');
    // Types the graph has already: a new type's constraint is made before the transactions, and is no part of the race.
    for (const type of ['TOLD', 'DEMANDED']) {
      const body = (quote: object) => ({ ...quote, confidence: 'fact', subject: 'person:marco-rubio', type, object: 'person:pam-bondi' });
      const replies = await Promise.all([claim(body(seedQuote('Marco Rubio'))), claim(body(other))]);
      expect(replies.map((r) => r.status), JSON.stringify(replies.map((r) => r.body))).toEqual([201, 201]);
      const { records } = await db.driver.executeQuery(`MATCH (:Entity {id: 'person:marco-rubio'})-[r:${type}]->() RETURN count(r) AS n, collect(size(r.evidence)) AS quotes`);
      expect(records[0]!.toObject()).toEqual({ n: 1, quotes: [2] });
    }
  });
});

/** Editing an entity (PATCH /api/nodes/:id): with a quote or an editorial note, refusals, concurrent edits → 409, revert. */
import { describe, expect, it } from 'vitest';
import type { Change, ChangeList, NodeDetails, WriteResult } from '../../shared/contract/index.js';
import { seedQuote, useReportingApi } from '../support/reporting-api.js';

const { db, api } = useReportingApi();
const BUKELE = '/nodes/person:nayib-bukele';
const RUBIO = '/nodes/person:marco-rubio';

const claimsOf = async (id: string) => {
  const { records } = await db.driver.executeQuery('MATCH (e:Evidence {id: $id}) RETURN e.claims AS claims', { id });
  return records[0]!.get('claims') as string[];
};
const quoteFor = (details: NodeDetails, claim: string) => details.evidence.find((e) => e.claims.includes(claim))!;

describe('editing an entity', () => {
  it('changes a property because of a quote: the quote backs the new value, the old one stops backing it; revert puts all back', async () => {
    const before = await api<NodeDetails>(BUKELE);
    const positionQuote = quoteFor(before.body, 'person:nayib-bukele#position');
    const imageQuote = quoteFor(before.body, 'person:nayib-bukele#image');

    const edited = await api<WriteResult>(BUKELE, 'PATCH', { properties: { position: 'President' }, because: { evidence: imageQuote.id }, base: { properties: { position: 'President of El Salvador' } } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.change).toMatchObject({ kind: 'edit', by: 'local', note: imageQuote.quote, summary: 'edited Nayib Bukele: position "President of El Salvador" → "President"' });
    expect(edited.body.change.targets).toEqual(expect.arrayContaining(['person:nayib-bukele', imageQuote.id, positionQuote.id]));
    expect(edited.body.graph.nodes[0]!.properties.position).toBe('President');
    expect(await claimsOf(imageQuote.id)).toContain('person:nayib-bukele#position');
    expect(await claimsOf(positionQuote.id)).toEqual(positionQuote.claims.filter((c) => c !== 'person:nayib-bukele#position'));

    const reverted = await api<Change>(`/changes/${edited.body.change.id}/revert`, 'POST');
    expect(reverted.status).toBe(201);
    const after = await api<NodeDetails>(BUKELE);
    expect(after.body.node).toEqual(before.body.node);
    expect(await claimsOf(positionQuote.id)).toEqual(positionQuote.claims);
    expect(await claimsOf(imageQuote.id)).toEqual(imageQuote.claims);
  });

  it('renames with an editorial note, keeping the old name as an alias; removes a property with null', async () => {
    const edited = await api<WriteResult>(RUBIO, 'PATCH', {
      name: 'Marco Antonio Rubio',
      properties: { country: null },
      because: { editorial: 'his full name, as the State Department gives it' },
      base: { name: 'Marco Rubio', properties: { country: 'United States' } },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.change).toMatchObject({ kind: 'edit', note: 'his full name, as the State Department gives it' });
    const node = (await api<NodeDetails>(RUBIO)).body.node;
    expect(node.properties).toMatchObject({ name: 'Marco Antonio Rubio', aliases: ['Little Marco', 'Marco Rubio'] });
    expect(node.properties).not.toHaveProperty('country');

    const untold = await api<WriteResult>(RUBIO, 'PATCH', { name: 'Marco A. Rubio', keepOldName: false, because: { editorial: 'shorter' }, base: { name: 'Marco Antonio Rubio' } });
    expect(untold.status).toBe(200);
    expect((await api<NodeDetails>(RUBIO)).body.node.properties.aliases).toEqual(['Little Marco', 'Marco Rubio']);

    const feed = await api<ChangeList>('/changes?target=person:marco-rubio');
    expect(feed.body.changes.slice(0, 2).map((c) => c.id)).toEqual([untold.body.change.id, edited.body.change.id]);
  });

  it('refuses, saying where: reserved properties, an empty or idle edit, a missing base, unknown entities and quotes', async () => {
    const editorial = { editorial: 'tidying' };
    const cases: [string, unknown, number, string][] = [
      [BUKELE, { properties: { evidence: [] }, because: editorial, base: { properties: { evidence: [] } } }, 400, 'body.properties.evidence'],
      [BUKELE, { properties: { name: 'X' }, because: editorial, base: {} }, 400, 'body.properties.name'],
      [BUKELE, { because: editorial, base: {} }, 400, 'body'],
      [BUKELE, { properties: {}, because: editorial, base: {} }, 400, 'body'],
      [BUKELE, { properties: { country: 'El Salvador' }, because: editorial, base: { properties: { country: 'El Salvador' } } }, 400, 'body'],
      [BUKELE, { properties: { role: 'x' }, because: editorial, base: {} }, 400, 'body.base.properties.role'],
      [BUKELE, { properties: { Bad: 'x' }, because: editorial, base: {} }, 400, 'body.properties.Bad'],
      [BUKELE, { properties: { constructor: 'x' }, because: editorial, base: {} }, 400, 'body.base.properties.constructor'],
      [BUKELE, { name: 'x', because: {}, base: { name: 'Nayib Bukele' } }, 400, 'body.because'],
      ['/nodes/person:nobody', { name: 'x', because: editorial, base: { name: null } }, 404, 'params.id'],
      [BUKELE, { name: 'x', because: { evidence: 'evidence:none' }, base: { name: 'Nayib Bukele' } }, 404, 'body.because.evidence'],
    ];
    for (const [path, body, status, where] of cases) {
      const reply = await api(path, 'PATCH', body);
      expect(reply.status, JSON.stringify(body)).toBe(status);
      expect(reply.body.error.details.map((d) => d.where), JSON.stringify(body)).toContain(where);
    }
    expect((await api<NodeDetails>(BUKELE)).body.node.properties.name).toBe('Nayib Bukele');
  });

  it('refuses a retracted quote as the reason', async () => {
    const claim = await api<WriteResult>('/claims', 'POST', { ...seedQuote('Salvadoran President Nayib Bukele'), confidence: 'named-source', subject: 'person:nayib-bukele', property: 'title', value: 'Salvadoran President' });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    const evidenceId = claim.body.graph.nodes[0]!.properties.evidence as string[];
    const quote = evidenceId.find((id) => id.endsWith(':named-source'))!;
    await api(`/claims/${quote}`, 'DELETE', { reason: 'misattributed' });
    const refused = await api(BUKELE, 'PATCH', { properties: { title: 'President' }, because: { evidence: quote }, base: { properties: { title: null } } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ where: 'body.because.evidence', message: 'this quote was retracted (misattributed)' }]);
  });
});

describe('two editors', () => {
  it('the second, who saw the same values, gets 409 naming the field, its value now and who changed it; nothing is written', async () => {
    const base = { properties: { country: 'El Salvador' } };
    const first = await api<WriteResult>(BUKELE, 'PATCH', { properties: { country: 'Republic of El Salvador' }, because: { editorial: 'official name' }, base });
    expect(first.status).toBe(200);
    const changes = (await api<ChangeList>('/changes?target=person:nayib-bukele&limit=200')).body.changes.length;

    const second = await api(BUKELE, 'PATCH', { name: 'N. Bukele', properties: { country: 'SV', position: 'Head of State' }, because: { editorial: 'ISO code' }, base: { name: 'Nayib Bukele', properties: { ...base.properties, position: 'President of El Salvador' } } });
    expect(second.status).toBe(409);
    expect(second.body.error.details).toEqual([
      { where: 'body.base.properties.country', message: `is now "Republic of El Salvador", not "El Salvador" as you saw it, changed by local at ${first.body.change.at} (${first.body.change.id})` },
    ]);
    const node = (await api<NodeDetails>(BUKELE)).body.node.properties;
    expect(node).toMatchObject({ name: 'Nayib Bukele', country: 'Republic of El Salvador', position: 'President of El Salvador' });
    expect((await api<ChangeList>('/changes?target=person:nayib-bukele&limit=200')).body.changes).toHaveLength(changes);
  });

  it('at the same moment: one edit is written, the other refused', async () => {
    const edit = (country: string) => api(BUKELE, 'PATCH', { properties: { country }, because: { editorial: 'race' }, base: { properties: { country: 'Republic of El Salvador' } } });
    const replies = await Promise.all([edit('A'), edit('B')]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = replies[0]!.status === 200 ? 'A' : 'B';
    expect((await api<NodeDetails>(BUKELE)).body.node.properties.country).toBe(won);
  });
});

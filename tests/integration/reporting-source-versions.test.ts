/** Correcting a source's text (POST /api/sources/:id/versions): quotes that move, quotes left behind, reading versions, revert. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDetails, SourceText, WriteResult } from '../../shared/contract/index.js';
import type { Change, SourceCreated, SourceDetails, SourceVersionCreated } from '../../shared/contract/reporting.js';
import type { Database } from '../../server/db/neo4j.js';
import { call, useRoleServer } from '../support/auth.js';
import { useReportingApi } from '../support/reporting-api.js';
import { allEntityIds, graphPicture, postExport, postImport } from '../support/export-api.js';
import { clearGraph } from '../support/test-db.js';

const { db, api, url } = useReportingApi();

// Test material written for these tests, not a real article.
const FIRST = 'Test report (not a real article). Rubio met Bukele in March. Bukele asked for nine leaders. The deal was secret, officials said. Rubio met Bukele again.';
const CORRECTED = 'Test report (not a real article), corrected. Rubio met Bukele in March. Bukele demanded nine leaders. The deal was secret, officials said. Rubio met Bukele again.';

/** A quote's offsets at its `nth` occurrence in a text. */
function at(text: string, quote: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { quote, start, end: start + quote.length };
}

const claim = (body: object) => api<WriteResult>('/claims', 'POST', { sourceId: 'source:versions-test', attribution: 'the test report', confidence: 'fact', ...body });
const met = (offsets: ReturnType<typeof at>) => claim({ ...offsets, subject: 'person:marco-rubio', type: 'MET_WITH', object: 'person:nayib-bukele' });
const correct = (body: object, id = 'source:versions-test') => api<SourceVersionCreated>(`/sources/${id}/versions`, 'POST', body);
const evidenceOf = (result: WriteResult) => result.graph.edges[0]?.properties.evidence ?? result.graph.nodes[0]!.properties.evidence;
const lastEvidence = (result: WriteResult) => (evidenceOf(result) as string[]).at(-1)!;

/** Every property of the source and of its quotes, straight from the database. */
async function stored(database: Database) {
  const { records } = await database.driver.executeQuery(
    `MATCH (s:Source {id: 'source:versions-test'}) OPTIONAL MATCH (e:Evidence {sourceId: s.id}) WITH s, e ORDER BY e.id
     RETURN properties(s) AS source, collect(properties(e)) AS evidence`,
  );
  return records[0]!.toObject();
}

const ids: Record<'first' | 'second' | 'secret' | 'asked' | 'march', string> = { first: '', second: '', secret: '', asked: '', march: '' };
let before: Awaited<ReturnType<typeof stored>>;
let correction: SourceVersionCreated;

describe('correcting a text', () => {
  beforeAll(async () => {
    const created = await api<SourceCreated>('/sources', 'POST', { title: 'Versions test', content: FIRST });
    expect(created.body.source.id).toBe('source:versions-test');
    ids.first = lastEvidence((await met(at(FIRST, 'Rubio met Bukele'))).body);
    ids.second = lastEvidence((await met(at(FIRST, 'Rubio met Bukele', 1))).body);
    ids.secret = lastEvidence((await claim({ ...at(FIRST, 'The deal was secret'), subject: 'deal:cecot-access-for-ms13-leaders', property: 'secrecy', value: 'secret' })).body);
    ids.asked = lastEvidence((await claim({ ...at(FIRST, 'Bukele asked for nine leaders'), subject: 'person:nayib-bukele', property: 'request', value: 'nine leaders' })).body);
    ids.march = lastEvidence((await claim({ ...at(FIRST, 'in March'), subject: 'person:marco-rubio', property: 'metIn', value: 'March' })).body);
    expect((await api(`/claims/${ids.march}`, 'DELETE', { reason: 'the test says so' })).status).toBe(200);
    before = await stored(db);
  });

  it('moves the quotes still verbatim to their new offsets and lists the ones left on version 1', async () => {
    const { status, body, headers } = await correct({ content: CORRECTED, note: 'the report was corrected' });
    expect(status, JSON.stringify(body)).toBe(201);
    correction = body;
    expect(headers.get('location')).toBe('/api/sources/source:versions-test?version=2');
    expect(body.moved).toBe(3);
    expect(body.stranded).toEqual([{ id: ids.asked, quote: 'Bukele asked for nine leaders', version: 1 }]);
    expect(body.source).toMatchObject({ id: 'source:versions-test', version: 2, length: CORRECTED.length, quotes: 4 });
    expect(body.change).toMatchObject({ kind: 'new-version', by: 'local', note: 'the report was corrected' });
    expect(body.change.targets).toEqual(expect.arrayContaining(['source:versions-test', ids.first, ids.second, ids.secret, ids.asked, ids.march]));

    const current = await api<SourceDetails>('/sources/source:versions-test');
    expect(current.body).toMatchObject({ version: 2, text: CORRECTED });
    expect(current.body.versions).toEqual([
      { version: 1, at: expect.any(String), by: 'local', note: null },
      { version: 2, at: expect.any(String), by: 'local', note: 'the report was corrected' },
    ]);
    // Same ids; each at its own occurrence (the two "Rubio met Bukele" do not swap), verbatim in the new text.
    expect(current.body.evidence.map((e) => [e.id, e.start, e.version])).toEqual([
      [ids.first, at(CORRECTED, 'Rubio met Bukele').start, null],
      [ids.secret, at(CORRECTED, 'The deal was secret').start, null],
      [ids.second, at(CORRECTED, 'Rubio met Bukele', 1).start, null],
    ]);
    for (const e of current.body.evidence) expect(CORRECTED.slice(e.start, e.end)).toBe(e.quote);
  });

  it('keeps version 1 readable with the quotes pinned to it, which still stand in the graph', async () => {
    const first = await api<SourceDetails>('/sources/source:versions-test?version=1');
    expect(first.body).toMatchObject({ version: 1, text: FIRST, source: { version: 2 } });
    expect(first.body.evidence.map((e) => [e.id, e.version])).toEqual([[ids.asked, 1]]);
    const [asked] = first.body.evidence;
    expect(FIRST.slice(asked!.start, asked!.end)).toBe(asked!.quote);

    const evidence = await api<EvidenceDetails>(`/evidence/${encodeURIComponent(ids.asked)}`);
    expect(evidence.body.evidence).toMatchObject({ version: 1, quote: 'Bukele asked for nine leaders' });
    expect(evidence.body.supports.nodes.find((n) => n.id === 'person:nayib-bukele')?.properties.request).toBe('nine leaders');
    const text = await api<SourceText>(`/sources/source:versions-test/text?version=1`);
    expect(text.body.version).toBe(1);
    expect(text.body.text.slice(evidence.body.evidence.start, evidence.body.evidence.end)).toBe('Bukele asked for nine leaders');
    expect((await api<SourceText>('/sources/source:versions-test/text')).body).toMatchObject({ version: 2, text: CORRECTED });
    expect((await api<EvidenceDetails>(`/evidence/${encodeURIComponent(ids.first)}`)).body.evidence.version).toBeNull();

    const missing = await api('/sources/source:versions-test?version=3');
    expect(missing.status).toBe(404);
    expect(missing.body.error.details).toEqual([{ where: 'query.version', message: 'source:versions-test has versions 1 to 2, not 3' }]);
    const { source } = await stored(db);
    expect(source).toMatchObject({ text: CORRECTED, earlierTexts: [FIRST] });
    expect(source).not.toHaveProperty('_lock');
  });

  it('checks new claims against the new text, refuses one on version 1, and joins a moved quote at its new offsets', async () => {
    const old = await claim({ ...at(FIRST, 'Bukele asked for nine leaders'), subject: 'person:nayib-bukele', property: 'request', value: 'nine leaders' });
    expect(old.status).toBe(400);
    expect(old.body.error.details[0]!.where).toBe('body.quote');
    const stale = await claim({ ...at(CORRECTED, 'demanded nine leaders'), version: 1, subject: 'person:nayib-bukele', property: 'request', value: 'nine leaders' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ where: 'body.version', message: expect.stringContaining('version 1 is not the current text') }]);

    const fresh = await claim({ ...at(CORRECTED, 'demanded nine leaders'), version: 2, subject: 'person:nayib-bukele', property: 'request', value: 'nine leaders' });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    const { start, end } = at(CORRECTED, 'demanded nine leaders');
    expect(lastEvidence(fresh.body)).toBe(`evidence:versions-test@v2:${start}-${end}:fact`);
    const again = await met(at(CORRECTED, 'Rubio met Bukele'));
    expect(again.status).toBe(201);
    expect((evidenceOf(again.body) as string[]).sort()).toEqual([ids.first, ids.second].sort());
  });
});

describe('refusals', () => {
  it('refuses an identical text, no text, bad fields and an unknown source, saying where', async () => {
    const same = await correct({ content: `${CORRECTED}\r\n` });
    expect(same.status).toBe(409);
    expect(same.body.error.details).toEqual([{ where: 'body.content', message: 'is the same as version 2, the current text' }]);
    const empty = await correct({ content: '<p> </p>', format: 'html' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ where: 'body.content', message: 'has no readable text' }]);
    const bad = await correct({ content: '', format: 'pdf', title: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.where).sort()).toEqual(['body', 'body.content', 'body.format']);
    expect((await correct({ content: 'text' }, 'source:nowhere')).status).toBe(404);
  });
});

describe('revert', () => {
  it('is refused while later changes stand, then restores the text and every quote exactly', async () => {
    const retraction = (await api<{ changes: Change[] }>(`/changes?target=${encodeURIComponent(ids.march)}`)).body.changes.find((c) => c.kind === 'retract')!;
    const blocked = await api(`/changes/${retraction.id}/revert`, 'POST');
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.details).toEqual([{ where: 'params.id', message: correction.change.id }]);

    const later = (await api<{ changes: Change[] }>('/changes?target=source:versions-test')).body.changes.filter((c) => c.kind === 'add-claim' && c.at > correction.change.at);
    expect(later).toHaveLength(2);
    for (const change of later) expect((await api(`/changes/${change.id}/revert`, 'POST')).status).toBe(201);
    const reverted = await api<Change>(`/changes/${correction.change.id}/revert`, 'POST');
    expect(reverted.status, JSON.stringify(reverted.body)).toBe(201);
    expect(await stored(db)).toEqual(before);
    const current = await api<SourceDetails>('/sources/source:versions-test');
    expect(current.body).toMatchObject({ version: 1, text: FIRST, versions: [{ version: 1 }] });
    for (const e of current.body.evidence) expect(FIRST.slice(e.start, e.end)).toBe(e.quote);
    expect((await api(`/changes/${retraction.id}/revert`, 'POST')).status).toBe(201);
  });
});

describe('who may correct', () => {
  const withLogins = useRoleServer(db, 'corrector');
  const { tokens } = withLogins;

  it('refuses viewers and analysts, and records the editor', async () => {
    const url = `${withLogins.url}/api/sources/source:versions-test/versions`;
    for (const role of ['viewer', 'analyst']) expect((await call(url, { body: { content: 'A viewer’s text' }, token: tokens[role] })).status, role).toBe(403);
    const made = await call<SourceVersionCreated>(url, { body: { content: 'An editor’s text' }, token: tokens.editor });
    expect(made.status).toBe(201);
    expect(made.body.change.by).toBe('corrector-editor');
    const read = await call<SourceDetails>(`${withLogins.url}/api/sources/source:versions-test?version=1`, { token: tokens.viewer });
    expect(read.body.versions.at(-1)).toMatchObject({ version: 2, by: 'corrector-editor' });
  });
});

describe('a claim and a correction at the same time', () => {
  it('run one after the other: the claim quotes the text it was checked against, and moves with the correction', async () => {
    const text = (await api<SourceDetails>('/sources/source:versions-test')).body.text;
    const quote = at(text, 'editor’s text');
    const [claimed, corrected] = await Promise.all([
      claim({ ...quote, subject: 'person:marco-rubio', property: 'wrote', value: 'the text' }),
      correct({ content: `Note: ${text}` }),
    ]);
    expect(corrected.status).toBe(201);
    // Claimed first: its quote moved with the correction. Corrected first: the old offsets are refused.
    expect([201, 400]).toContain(claimed.status);
    const after = await api<SourceDetails>('/sources/source:versions-test');
    for (const e of after.body.evidence) expect(after.body.text.slice(e.start, e.end)).toBe(e.quote);
    expect(after.body.evidence.map((e) => e.quote)).toEqual(claimed.status === 201 ? ['editor’s text'] : []);
  });
});

describe('exports', () => {
  it('carry every version of a corrected source and the quotes left on earlier ones, through Threadline JSON into an empty database', async () => {
    const before = await graphPicture(db);
    const source = before.nodes.find((n) => n.id === 'source:versions-test')!.properties as { earlierTexts: string[]; corrections: string[] };
    expect(source.earlierTexts.length).toBeGreaterThan(0);
    expect(source.corrections).toHaveLength(source.earlierTexts.length);
    const stranded = before.evidence.filter((e) => (e.properties as { sourceVersion?: number }).sourceVersion !== undefined);
    expect(stranded.map((e) => e.properties)).toContainEqual(expect.objectContaining({ quote: 'Bukele asked for nine leaders', sourceVersion: 1 }));

    const file = await postExport(`${url()}/api`, { format: 'json', ids: await allEntityIds(db) });
    expect(file.status).toBe(200);
    await clearGraph(db);
    const imported = await postImport<{ written: boolean }>(`${url()}/api`, file.bytes);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const after = await graphPicture(db);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.evidence).toEqual(before.evidence);
    expect(after.edges).toEqual(before.edges);
  });
});

/** Merging two entities (POST /api/nodes/:id/merge): what moves and unites, conflicts, redirects everywhere, undo. */
import { describe, expect, it } from 'vitest';
import type { EdgeDetails, NodeDetails, PathResult, RunResult, SavedView, SubgraphResult, WriteResult } from '../../shared/contract/index.js';
import type { Change, MergePreview } from '../../shared/contract/reporting.js';
import { toPlain } from '../../server/db/to-graph.js';
import { toBase64Url, fromBase64Url } from '../../shared/text/base64url.js';
import { seedQuote, useReportingApi } from '../support/reporting-api.js';

const { db, api, url } = useReportingApi();
/** A request that does not follow redirects, to see the 308 itself. */
const raw = (path: string, init: RequestInit = {}) => fetch(`${url()}/api${path}`, { redirect: 'manual', ...init });
const BUKELE = 'person:nayib-bukele';
const DEAL = 'deal:bukele-ms13-secret-arrangements';
const KEPT_PARTY_TO = 'rel:bukele-party-to-secret-arrangements';
/** The id the first duplicate gets ("N. Bukele"). */
const DUP = 'person:n-bukele';

/** Every entity, relationship (with its ends), quote and redirect: the graph as a revert must give it back. */
async function dumpGraph() {
  const read = async (cypher: string) => (await db.driver.executeQuery(cypher, {}, { database: db.database })).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
  return {
    nodes: (await read('MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p ORDER BY id')).map((n) => ({ ...n, labels: (n.labels as string[]).sort() })),
    edges: await read('MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS p ORDER BY id, source'),
    evidence: await read('MATCH (e:Evidence) RETURN properties(e) AS p ORDER BY e.id'),
    redirects: await read('MATCH (r:_Redirect) RETURN r.id AS id, r.to AS to ORDER BY id'),
  };
}

const claim = async (body: Record<string, unknown>) => {
  const reply = await api<WriteResult>('/claims', 'POST', { confidence: 'fact', ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};

/** A duplicate of Nayib Bukele with a relationship of each kind a merge handles, and two properties. */
async function seedDuplicate(name: string) {
  const partyTo = await claim({ ...seedQuote('his own secret deals with MS-13'), subject: { new: { kind: 'Person', name } }, allowDuplicates: true, type: 'PARTY_TO', object: DEAL });
  const dup = partyTo.graph.nodes.find((n) => n.properties.name === name)!.id;
  const told = await claim({ ...seedQuote('told Rubio he would grant'), subject: dup, type: 'PROMISED', object: 'person:marco-rubio' });
  const heard = await claim({ ...seedQuote('the Rubio-Bukele phone call'), subject: 'person:marco-rubio', type: 'PHONED', object: dup });
  const same = await claim({ ...seedQuote('Salvadoran President Nayib Bukele'), confidence: 'named-source', subject: dup, type: 'SAME_PERSON_AS', object: BUKELE });
  const position = await claim({ ...seedQuote('Salvadoran President'), confidence: 'alleged', subject: dup, property: 'position', value: 'Salvadoran President' });
  await claim({ ...seedQuote('strongman'), subject: dup, property: 'nickname', value: 'strongman' });
  const id = (w: WriteResult) => w.graph.edges[0]!.id;
  return { dup, partyTo: id(partyTo), told: id(told), heard: id(heard), same: id(same), positionQuote: position.change.targets.find((t) => t.startsWith('evidence:'))! };
}

/** The ids of the duplicate merged in the third test, for the redirect checks after it. */
let firstDup: Awaited<ReturnType<typeof dupOf>> | undefined;

describe('merging two entities', () => {
  it('previews what moves, unites and is dropped, and each conflict', async () => {
    const d = await seedDuplicate('N. Bukele');
    expect(d.dup).toBe(DUP);
    const preview = await api<MergePreview>(`/nodes/${d.dup}/merge-preview?into=${BUKELE}`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const actions = Object.fromEntries(preview.body.edges.map((e) => [e.id, [e.action, e.direction, e.keptId]]));
    expect(actions).toEqual({
      [d.partyTo]: ['unite', 'out', KEPT_PARTY_TO],
      [d.told]: ['move', 'out', null],
      [d.heard]: ['move', 'in', null],
      [d.same]: ['drop', 'out', null],
    });
    expect(preview.body.conflicts).toEqual([{ property: 'position', from: 'Salvadoran President', into: 'President of El Salvador' }]);
    expect(preview.body.aliases).toContain('N. Bukele');
    expect(preview.body.quotes).toContain(d.positionQuote);

    const refused = await api(`/nodes/${d.dup}/merge`, 'POST', { into: BUKELE });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ where: 'body.choose.position', message: expect.stringMatching(/"Salvadoran President".*"President of El Salvador"/) }]);
    expect((await api(`/nodes/${d.dup}`)).status).toBe(200);
  });

  it('merges in one changeset, and its revert gives back exactly the graph before', async () => {
    const before = await dumpGraph();
    const merged = await api<WriteResult>(`/nodes/${DUP}/merge`, 'POST', { into: BUKELE, choose: { position: 'into' } });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.change).toMatchObject({ kind: 'merge', summary: expect.stringContaining('2 moved, 1 united, 1 dropped') });
    expect(await dumpGraph()).not.toEqual(before);

    const reverted = await api<Change>(`/changes/${merged.body.change.id}/revert`, 'POST');
    expect(reverted.status, JSON.stringify(reverted.body)).toBe(201);
    expect(await dumpGraph()).toEqual(before);
  });

  it('moves relationships and quotes, unites parallel ones with confidence recomputed, unites aliases and properties', async () => {
    const d = (firstDup = await dupOf());
    const keptBefore = await api<EdgeDetails>(`/edges/${KEPT_PARTY_TO}`);
    expect(keptBefore.body.edge.properties.confidence).toBe('alleged');
    const merged = await api<WriteResult>(`/nodes/${d.dup}/merge`, 'POST', { into: BUKELE, choose: { position: 'into' } });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);

    const bukele = await api<NodeDetails>(`/nodes/${BUKELE}`);
    expect(bukele.body.node.properties).toMatchObject({ position: 'President of El Salvador', nickname: 'strongman', aliases: expect.arrayContaining(['N. Bukele']) });
    expect(bukele.body.evidence.map((e) => e.claims).flat()).toContain(`${BUKELE}#nickname`);
    const told = await api<EdgeDetails>(`/edges/${d.told}`);
    expect([told.body.edge.source, told.body.edge.target]).toEqual([BUKELE, 'person:marco-rubio']);
    expect(told.body.evidence[0]!.claims).toContain(d.told);
    const heard = await api<EdgeDetails>(`/edges/${d.heard}`);
    expect([heard.body.edge.source, heard.body.edge.target]).toEqual(['person:marco-rubio', BUKELE]);

    const kept = await api<EdgeDetails>(`/edges/${KEPT_PARTY_TO}`);
    expect(kept.body.edge.properties.confidence).toBe('fact');
    expect(kept.body.evidence).toHaveLength(keptBefore.body.evidence.length + 1);
    const moved = kept.body.evidence.find((e) => e.quote === 'his own secret deals with MS-13')!;
    expect(moved.claims).toContain(KEPT_PARTY_TO);
    expect(moved.claims).not.toContain(d.partyTo);
    expect((await api(`/edges/${d.same}`)).status).toBe(404);
    // The position quote's value lost to Bukele's: it keeps naming the merged id, as history.
    const positionQuote = await api<{ evidence: { claims: string[] } }>(`/evidence/${encodeURIComponent(d.positionQuote)}`);
    expect(positionQuote.body.evidence.claims).toEqual([`${d.dup}#position`]);
  });

  it('answers the old id with a redirect everywhere', async () => {
    const dup = DUP;
    const node = await raw(`/nodes/${encodeURIComponent(dup)}?x=1`);
    expect(node.status).toBe(308);
    expect(node.headers.get('location')).toBe(`/api/nodes/${encodeURIComponent(BUKELE)}?x=1`);
    expect((await node.json()) as unknown).toMatchObject({ error: { code: 'moved', details: [{ where: 'params.id', message: BUKELE }] } });
    const followed = await api<NodeDetails>(`/nodes/${dup}`);
    expect(followed.body.node.id).toBe(BUKELE);
    expect((await raw(`/nodes/${dup}/neighbors`)).status).toBe(308);
    const united = await raw(`/edges/${firstDup!.partyTo}`);
    expect([united.status, united.headers.get('location')]).toEqual([308, `/api/edges/${encodeURIComponent(KEPT_PARTY_TO)}`]);

    const sub = await api<SubgraphResult>('/subgraph', 'POST', { ids: [dup, 'person:marco-rubio'] });
    expect(sub.body.redirects).toEqual({ [dup]: BUKELE });
    expect(sub.body.nodes.map((n) => n.id).sort()).toEqual(['person:marco-rubio', BUKELE]);
    expect(sub.body.missing).toEqual([]);
    const paths = await api<PathResult>(`/paths?from=${dup}&to=person:marco-rubio`);
    expect(paths.body.redirects).toEqual({ [dup]: BUKELE });
    expect(paths.body.paths[0]!.nodes[0]!.id).toBe(BUKELE);

    const exported = await raw('/export', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'json', ids: [dup] }) });
    expect(exported.status).toBe(200);
    expect(JSON.parse(exported.headers.get('x-threadline-redirects')!)).toEqual({ [dup]: BUKELE });
    expect(((await exported.json()) as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toEqual([BUKELE]);

    const state = toBase64Url(JSON.stringify({ v: 1, n: [[dup, 10, 20, 0], ['person:marco-rubio', 0, 0, 0]], s: [dup] }));
    await api('/views', 'POST', { name: 'Before the merge', state, nodeCount: 2 });
    const view = await api<SavedView>('/views/view:before-the-merge');
    expect(view.body.redirects).toEqual({ [dup]: BUKELE });
    expect(JSON.parse(fromBase64Url(view.body.state))).toEqual({ v: 1, n: [[BUKELE, 10, 20, 0], ['person:marco-rubio', 0, 0, 0]], s: [BUKELE] });

    const query = await api<{ id: string }>('/queries', 'POST', { name: 'Merge test: one node', cypher: 'MATCH (n:Entity {id: $who}) RETURN n', parameters: [{ name: 'who', type: 'nodeId', required: true }] });
    const run = await api<RunResult>(`/queries/${query.body.id}/run`, 'POST', { params: { who: dup } });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.redirects).toEqual({ [dup]: BUKELE });
    expect(run.body.graph.nodes.map((n) => n.id)).toEqual([BUKELE]);

    const hidden = await api<RunResult>('/cypher', 'POST', { query: 'MATCH (r:_Redirect) RETURN r' });
    expect(hidden.status).toBe(403);
  });

  it('collapses chains, and refuses itself, unknown ids and ids merged already, saying where', async () => {
    const d = await seedDuplicate('Nayib B.');
    const intoDup = await api<WriteResult>(`/nodes/${BUKELE}/merge`, 'POST', { into: d.dup, choose: { position: 'into' } });
    expect(intoDup.status, JSON.stringify(intoDup.body)).toBe(200);
    const { records } = await db.driver.executeQuery('MATCH (r:_Redirect) WHERE r.id IN $ids RETURN r.id AS id, r.to AS to ORDER BY id', { ids: [DUP, BUKELE] }, { database: db.database });
    expect(records.map((r) => r.toObject())).toEqual([{ id: DUP, to: d.dup }, { id: BUKELE, to: d.dup }]);
    expect((await api<NodeDetails>('/nodes/person:n-bukele')).body.node.id).toBe(d.dup);

    const self = await api(`/nodes/${d.dup}/merge`, 'POST', { into: d.dup });
    expect([self.status, self.body.error.details[0]?.where]).toEqual([400, 'body.into']);
    const unknown = await api(`/nodes/person:nobody/merge`, 'POST', { into: d.dup });
    expect([unknown.status, unknown.body.error.details[0]?.where]).toEqual([404, 'params.id']);
    const unknownInto = await api(`/nodes/${d.dup}/merge`, 'POST', { into: 'person:nobody' });
    expect([unknownInto.status, unknownInto.body.error.details[0]?.where]).toEqual([404, 'body.into']);
    const gone = await api(`/nodes/${BUKELE}/merge`, 'POST', { into: d.dup });
    expect(gone.status).toBe(409);
    expect(gone.body.error.details).toEqual([{ where: 'params.id', message: `was merged into ${d.dup}` }]);
    const source = await api(`/nodes/source:daily-beast-rubio-bukele-informants/merge`, 'POST', { into: d.dup });
    expect([source.status, source.body.error.details[0]?.where]).toEqual([400, 'params.id']);
  });
});

async function dupOf() {
  const preview = await api<MergePreview>(`/nodes/${DUP}/merge-preview?into=${BUKELE}`);
  const id = (type: string) => preview.body.edges.find((e) => e.type === type)!.id;
  const positionQuote = preview.body.quotes.find((q) => q.endsWith(':alleged'))!;
  return { dup: preview.body.from.id, partyTo: id('PARTY_TO'), told: id('PROMISED'), heard: id('PHONED'), same: id('SAME_PERSON_AS'), positionQuote };
}

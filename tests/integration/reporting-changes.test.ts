/** Retraction (DELETE /api/claims/:id), the changes feed and revert, and who may write. */
import { describe, expect, it } from 'vitest';
import type { ApiError, EdgeDetails, NodeDetails, WriteResult } from '../../shared/contract/index.js';
import type { Change, ChangeList, SourceCreated, SourceDetails } from '../../shared/contract/reporting.js';
import { call, useRoleServer } from '../support/auth.js';
import { SEED_SOURCE, seedQuote, useReportingApi } from '../support/reporting-api.js';

const { db, api } = useReportingApi();

describe('retraction and revert', () => {
  it('retracts the only quote of an edge: the edge leaves the graph; revert brings it back with the same id and quotes', async () => {
    const edge = await api<EdgeDetails>('/edges/rel:bukele-leads-bukele-administration');
    const [quote] = edge.body.evidence;
    expect(edge.body.evidence).toHaveLength(1);

    const retracted = await api<WriteResult>(`/claims/${quote!.id}`, 'DELETE', { reason: 'misread: the ties are the gang’s' });
    expect(retracted.status).toBe(200);
    expect(retracted.body.change).toMatchObject({ kind: 'retract', note: 'misread: the ties are the gang’s', targets: expect.arrayContaining([quote!.id, 'rel:bukele-leads-bukele-administration']) });
    expect((await api(`/edges/rel:bukele-leads-bukele-administration`)).status).toBe(404);
    const { records } = await db.driver.executeQuery('MATCH (e:Evidence {id: $id}) RETURN e.retractReason AS reason, e.retractedBy AS by', { id: quote!.id });
    expect(records[0]!.toObject()).toEqual({ reason: 'misread: the ties are the gang’s', by: 'local' });
    const source = await api<SourceDetails>(`/sources/${SEED_SOURCE}`);
    expect(source.body.evidence.map((e) => e.id)).not.toContain(quote!.id);
    const gone = await api<ApiError>(`/evidence/${encodeURIComponent(quote!.id)}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toContain('retracted');
    expect((await api(`/claims/${quote!.id}`, 'DELETE', { reason: 'again' })).status).toBe(409);

    const reverted = await api<Change>(`/changes/${retracted.body.change.id}/revert`, 'POST');
    expect(reverted.status).toBe(201);
    expect(reverted.body).toMatchObject({ kind: 'revert', reverts: retracted.body.change.id });
    const back = await api<EdgeDetails>('/edges/rel:bukele-leads-bukele-administration');
    expect(back.body.edge).toEqual(edge.body.edge);
    expect(back.body.evidence).toEqual(edge.body.evidence);
    expect((await api(`/evidence/${encodeURIComponent(quote!.id)}`)).status).toBe(200);
    const again = await api<Change>(`/changes/${retracted.body.change.id}/revert`, 'POST');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(`already reverted by ${reverted.body.id}`);
  });

  it('recomputes confidence when the firmest quote is retracted, and removes a property left without quotes', async () => {
    const first = await api<WriteResult>('/claims', 'POST', { ...seedQuote('Rubio agreed, despite'), confidence: 'alleged', subject: 'person:marco-rubio', type: 'BARGAINED_WITH', object: 'person:nayib-bukele' });
    const firm = await api<WriteResult>('/claims', 'POST', { ...seedQuote('Rubio agreed'), confidence: 'fact', subject: 'person:marco-rubio', type: 'BARGAINED_WITH', object: 'person:nayib-bukele' });
    expect(firm.body.graph.edges[0]!.properties.confidence).toBe('fact');
    const evidenceId = `evidence:daily-beast-rubio-bukele-informants:${seedQuote('Rubio agreed').start}-${seedQuote('Rubio agreed').end}:fact`;
    const retracted = await api<WriteResult>(`/claims/${evidenceId}`, 'DELETE', { reason: 'too short to say it' });
    expect(retracted.body.graph.edges[0]).toMatchObject({ id: first.body.graph.edges[0]!.id, properties: { confidence: 'alleged', evidence: [expect.stringContaining(':alleged')] } });

    const rubio = await api<NodeDetails>('/nodes/person:marco-rubio');
    const aliasQuote = rubio.body.evidence.find((e) => e.claims.includes('person:marco-rubio#aliases'))!;
    await api(`/claims/${aliasQuote.id}`, 'DELETE', { reason: 'a headline’s insult, not a name' });
    const without = await api<NodeDetails>('/nodes/person:marco-rubio');
    expect(without.body.node.properties).not.toHaveProperty('aliases');
  });
});

describe('revert', () => {
  it('refuses while a later change on the same edge stands, naming it; then reverts in order', async () => {
    const created = await api<WriteResult>('/claims', 'POST', { ...seedQuote('would terminate the Justice Department’s cooperation agreements'), confidence: 'named-source', subject: 'person:marco-rubio', type: 'PROMISED_TO_END', object: 'org:us-justice-department' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const added = await api<WriteResult>('/claims', 'POST', { ...seedQuote('terminate the Justice Department’s cooperation agreements with the informants'), confidence: 'fact', subject: 'person:marco-rubio', type: 'PROMISED_TO_END', object: 'org:us-justice-department' });
    expect(added.body.graph.edges[0]!.id).toBe(created.body.graph.edges[0]!.id);

    const refused = await api(`/changes/${created.body.change.id}/revert`, 'POST');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(added.body.change.id);
    expect(refused.body.error.details).toEqual([{ where: 'params.id', message: added.body.change.id }]);

    expect((await api(`/changes/${added.body.change.id}/revert`, 'POST')).status).toBe(201);
    expect((await api(`/changes/${created.body.change.id}/revert`, 'POST')).status).toBe(201);
    expect((await api(`/edges/${created.body.graph.edges[0]!.id}`)).status).toBe(404);
    const evidence = await db.driver.executeQuery("MATCH (e:Evidence) WHERE e.quote STARTS WITH 'would terminate the Justice' OR e.quote STARTS WITH 'terminate the Justice' RETURN count(e) AS n");
    expect(evidence.records[0]!.get('n')).toBe(0);
    expect((await api('/changes/change:none/revert', 'POST')).status).toBe(404);
  });

  it('reverts a new source, and refuses while a claim rests on it', async () => {
    const added = await api<SourceCreated>('/sources', 'POST', { title: 'A short note', content: 'Marco Rubio called Nayib Bukele twice.' });
    const claim = await api<WriteResult>('/claims', 'POST', { sourceId: added.body.source.id, quote: 'called Nayib Bukele twice', start: 12, end: 37, attribution: 'the note', confidence: 'fact', subject: 'person:marco-rubio', type: 'CALLED', object: 'person:nayib-bukele' });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    expect((await api(`/changes/${added.body.change.id}/revert`, 'POST')).status).toBe(409);
    await api(`/changes/${claim.body.change.id}/revert`, 'POST');
    expect((await api(`/changes/${added.body.change.id}/revert`, 'POST')).status).toBe(201);
    expect((await api(`/sources/${added.body.source.id}`)).status).toBe(404);
  });
});

describe('the changes feed', () => {
  it('lists changes newest first, by target, a page at a time', async () => {
    const all = await api<ChangeList>('/changes?limit=200');
    const ats = all.body.changes.map((c) => c.at);
    expect(ats).toEqual([...ats].sort().reverse());
    const edge = await api<ChangeList>('/changes?target=rel:bukele-leads-bukele-administration');
    expect(edge.body.changes.map((c) => c.kind)).toEqual(['revert', 'retract']);
    expect(edge.body.changes[0]!.reverts).toBe(edge.body.changes[1]!.id);
    expect(edge.body.changes[1]!.revertedBy).toBe(edge.body.changes[0]!.id);

    const first = await api<ChangeList>('/changes?limit=2');
    expect(first.body.changes).toEqual(all.body.changes.slice(0, 2));
    const second = await api<ChangeList>(`/changes?limit=2&before=${encodeURIComponent(first.body.nextBefore!)}`);
    expect(second.body.changes).toEqual(all.body.changes.slice(2, 4));
  });

  it('keeps changesets out of the knowledge graph', async () => {
    const search = await api<{ hits: unknown[] }>('/search?q=change&limit=50');
    expect(JSON.stringify(search.body)).not.toContain('change:');
  });
});

describe('who may write', () => {
  const withLogins = useRoleServer(db, 'reporter');
  const { tokens } = withLogins;

  it('refuses viewers and analysts every write, and records the editor as the author', async () => {
    const source = { title: 'Editor’s note', content: 'Rubio agreed.' };
    const writes = [
      ['POST', '/sources', source],
      ['POST', '/claims', { ...seedQuote('Rubio agreed'), confidence: 'fact', subject: 'person:marco-rubio', type: 'AGREED_TO', object: 'deal:cecot-access-for-ms13-leaders' }],
      ['DELETE', '/claims/evidence:x', { reason: 'wrong' }],
      ['POST', '/changes/change:x/revert', undefined],
    ] as const;
    for (const role of ['viewer', 'analyst']) {
      for (const [method, path, body] of writes) {
        const { status } = await call(`${withLogins.url}/api${path}`, { method, body, token: tokens[role] });
        expect(status, `${role} ${method} ${path}`).toBe(403);
      }
    }
    const created = await call<SourceCreated>(`${withLogins.url}/api/sources`, { body: source, token: tokens.editor });
    expect(created.status).toBe(201);
    expect(created.body.change.by).toBe('reporter-editor');
    expect(created.body.source.addedBy).toBe('reporter-editor');
    expect((await call(`${withLogins.url}/api/changes?target=${created.body.source.id}`, { token: tokens.viewer })).status).toBe(200);
  });
});

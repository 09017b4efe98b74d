import { describe, expect, it } from 'vitest';
import { EdgeDetailsSchema, EvidenceDetailsSchema, SourceTextSchema, type EdgeDetails, type EvidenceDetails, type SourceText } from '../../shared/contract/index.js';
import { enc, type ErrorBody, rows, useSeededApi } from '../support/explore-api.js';
import { getJson } from '../support/test-app.js';

const api = useSeededApi();
const AGREED = 'rel:rubio-agreed-to-cecot-deal';
const ARTICLE = 'source:daily-beast-rubio-bukele-informants';

describe('GET /api/edges/:id', () => {
  it('returns the edge, both end nodes, and the quotes behind it with attribution, confidence and source', async () => {
    const { status, body } = await getJson<EdgeDetails>(`${api.url}/edges/${enc(AGREED)}`);
    expect(status).toBe(200);
    EdgeDetailsSchema.parse(body);
    expect(body.edge).toMatchObject({ id: AGREED, type: 'AGREED_TO', source: 'person:marco-rubio', target: 'deal:cecot-access-for-ms13-leaders' });
    expect(body.edge.properties).toMatchObject({ date: '2025-03-13' });
    expect(body.sourceNode.properties.name).toBe('Marco Rubio');
    expect(body.targetNode.id).toBe('deal:cecot-access-for-ms13-leaders');
    expect(body.evidence.map((e) => e.quote)).toEqual([
      'Rubio agreed, despite some of those men being protected under U.S. law',
      'The secretary of state made a secret agreement with the president of El Salvador',
    ]);
    expect(body.evidence[0]).toMatchObject({
      attribution: 'sources familiar with the conversation told the Post',
      confidence: 'anonymous-source',
      source: { id: ARTICLE, publisher: 'The Daily Beast', hasText: true },
    });
    for (const evidence of body.evidence) expect(evidence.claims).toContain(AGREED);
  });

  it('serves offsets that point at the quote in the stored source text', async () => {
    const { body: edge } = await getJson<EdgeDetails>(`${api.url}/edges/${enc(AGREED)}`);
    const { status, body } = await getJson<SourceText>(`${api.url}/sources/${enc(ARTICLE)}/text`);
    expect(status).toBe(200);
    SourceTextSchema.parse(body);
    expect(body.source).toMatchObject({ id: ARTICLE, properties: { publisher: 'The Daily Beast', textLength: body.text.length } });
    for (const evidence of edge.evidence) expect(body.text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
  });

  it('answers 404 for an unknown edge', async () => {
    const { status, body } = await getJson<ErrorBody>(`${api.url}/edges/${enc('rel:nothing')}`);
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', message: 'No edge with id rel:nothing' });
  });
});

describe('GET /api/evidence/:id', () => {
  it('returns the quote and every node and edge it supports', async () => {
    const [row] = await rows<{ id: string; claims: string[] }>(
      api.db,
      `MATCH (e:Evidence) WHERE any(c IN e.claims WHERE c CONTAINS '#') AND any(c IN e.claims WHERE c STARTS WITH 'rel:')
       RETURN e.id AS id, e.claims AS claims ORDER BY size(e.claims) DESC, id LIMIT 1`,
    );
    expect(row).toBeDefined();
    const { status, body } = await getJson<EvidenceDetails>(`${api.url}/evidence/${enc(row!.id)}`);
    expect(status).toBe(200);
    EvidenceDetailsSchema.parse(body);
    expect(body.evidence.id).toBe(row!.id);
    expect(body.evidence.claims).toEqual(row!.claims);
    const nodeIds = body.supports.nodes.map((n) => n.id);
    const edgeIds = body.supports.edges.map((e) => e.id);
    for (const claim of row!.claims) {
      if (claim.startsWith('rel:')) expect(edgeIds).toContain(claim);
      else expect(nodeIds).toContain(claim.split('#')[0]);
    }
    for (const edge of body.supports.edges) expect(nodeIds).toEqual(expect.arrayContaining([edge.source, edge.target]));
  });

  it('resolves the evidence behind Rubio’s agreement back to the edge', async () => {
    const { body: edge } = await getJson<EdgeDetails>(`${api.url}/edges/${enc(AGREED)}`);
    const { body } = await getJson<EvidenceDetails>(`${api.url}/evidence/${enc(edge.evidence[0]!.id)}`);
    expect(body.evidence).toEqual(edge.evidence[0]);
    expect(body.supports.edges.map((e) => e.id)).toContain(AGREED);
  });

  it('answers 404 for an unknown evidence id, and for a node id', async () => {
    for (const id of ['evidence:nothing', 'person:marco-rubio']) {
      const { status, body } = await getJson<ErrorBody>(`${api.url}/evidence/${enc(id)}`);
      expect(status).toBe(404);
      expect(body.error.message).toContain(`No evidence with id ${id}`);
    }
  });
});

describe('GET /api/sources/:id/text', () => {
  it('answers 404 for a source without stored text, and for a node that is not a source', async () => {
    const noText = await getJson<ErrorBody>(`${api.url}/sources/${enc('source:washington-post-rubio-bukele-report')}/text`);
    expect(noText.status).toBe(404);
    expect(noText.body.error.message).toBe('Source source:washington-post-rubio-bukele-report has no stored text');
    const notSource = await getJson<ErrorBody>(`${api.url}/sources/${enc('person:marco-rubio')}/text`);
    expect(notSource.status).toBe(404);
    expect(notSource.body.error.message).toBe('No source with id person:marco-rubio');
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DedupCandidates, JudgementResult } from '../../shared/contract/index.js';
import { postImport } from '../support/export-api.js';
import { rows } from '../support/explore-api.js';
import { useReportingApi } from '../support/reporting-api.js';

const DONATIONS = readFileSync('tests/fixtures/ftm/donations.ijson', 'utf8');

const { db, api, url } = useReportingApi();

const importDonations = () => postImport(`${url()}/api`, DONATIONS, '?filename=donations.ijson');
const candidates = (query = '') => api<DedupCandidates>(`/dedup/candidates${query}`);
const judge = (body: Record<string, unknown>) => api<JudgementResult>('/dedup/judgements', 'POST', body);
const idOf = async (name: string) => (await rows<{ id: string }>(db, 'MATCH (n:Entity {name: $name}) RETURN n.id AS id', { name }))[0]!.id;
const pairNames = (list: DedupCandidates) => list.pairs.map((p) => [p.a.node.properties.name, p.b.node.properties.name].sort().join(' | '));

describe('deduplication on the donations fixture', () => {
  beforeAll(async () => {
    expect((await importDonations()).status).toBe(200);
  });

  it('proposes pairs best first with reasons, each with the merge that "same" would do', async () => {
    const reply = await candidates('?limit=100');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    console.log(reply.body.total, reply.body.tookMs, reply.body.entities);
    reply.body.pairs.forEach((p, i) => console.log(i + 1, p.score, p.a.node.properties.name, '|', p.b.node.properties.name, p.reasons.join(', ')));
  });
});

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EdgeDetails, ImportSummary } from '../../shared/contract/index.js';
import { graphPicture, postImport } from '../support/export-api.js';
import { rows, useSeededApi, type ErrorBody } from '../support/explore-api.js';
import { SEED_SOURCE, seedQuote } from '../support/reporting-api.js';
import { counts, resetToSeed } from '../support/test-db.js';

const FIXTURE = 'tests/fixtures/ftm/donations.ijson';
const DONATIONS = readFileSync(FIXTURE, 'utf8');
const PAYMENT = '2216b422a31242fe204654ce194864661f515921';
const DONOR = 'f9c295f21b233ac878fbac4d271bb6fd13d7952a';
const DONOR_ADDRESS = '97149caa3aef14e2be5ae6b3974c6882e7536d88';
const MLPD = '6d03aec76fdeec8f9697d8b19954ab6fc2568bc8';

const api = useSeededApi();

const importDonations = (file: string = DONATIONS, query = '?filename=donations.ijson') => postImport<ImportSummary & ErrorBody>(api.url, file, query);

async function countBy(cypher: string): Promise<Record<string, number>> {
  return Object.fromEntries((await rows<{ key: string; n: number }>(api.db, cypher)).map((r) => [r.key, Number(r.n)]));
}

describe('POST /api/import with FollowTheMoney entities', () => {
  beforeAll(() => resetToSeed(api.db));

  it('finds the format by itself and imports every entity: things as nodes, payments and addresses as relationships', async () => {
    const reply = await importDonations();
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.format).toBe('ftm');
    expect(reply.body.changes.nodes).toEqual({ added: 184, changed: 0, unchanged: 0 });
    expect(reply.body.changes.edges).toEqual({ added: 393, changed: 0, unchanged: 0 });
    expect(reply.body.changes.evidence).toEqual({ added: 474, changed: 0, unchanged: 0 });
    expect(await countBy(`MATCH (n:Entity) WHERE n.ftmId IS NOT NULL RETURN n.ftmSchema AS key, count(*) AS n`)).toEqual({ Address: 89, Company: 56, Person: 22, Organization: 17 });
    expect(await countBy(`MATCH (:Entity)-[r]->(:Entity) WHERE r.evidence[0] STARTS WITH 'record:' RETURN type(r) AS key, count(*) AS n`)).toEqual({ PAYMENT: 290, ADDRESS_ENTITY: 103 });
  });

  it('keeps a payment as a relationship payer → beneficiary with its amount, its date and that date\'s precision', async () => {
    const [payment] = await rows<{ payer: string; beneficiary: string; p: Record<string, unknown> }>(
      api.db,
      `MATCH (a)-[r:PAYMENT {ftmId: $id}]->(b) RETURN a.name AS payer, b.name AS beneficiary, properties(r) AS p`,
      { id: PAYMENT },
    );
    expect(payment).toMatchObject({ payer: 'Frau Lina Dachner', beneficiary: 'MLPD' });
    expect(payment!.p).toMatchObject({
      ftmSchema: 'Payment',
      amountEur: ['100000'],
      ftmDate: ['2011-12-29'],
      date: '2011-12-29',
      datePrecision: 'day',
      namesMentioned: ['Frau Lina Dachner', 'MLPD'],
      confidence: 'dataset-record',
    });
  });

  it('links a donor to its address entity by a relationship, the address a node named by its full text', async () => {
    const found = await rows(api.db, `MATCH (p:Person {ftmId: $donor})-[:ADDRESS_ENTITY {ftmProperty: 'addressEntity'}]->(a:Address) RETURN a.name AS name, a.ftmId AS id, a.city AS city`, { donor: DONOR });
    expect(found).toEqual([{ name: 'Schillerstraße 19, 76135 Karlsruhe', id: DONOR_ADDRESS, city: ['76135 Karlsruhe'] }]);
    const [donor] = await rows<{ keys: string[] }>(api.db, `MATCH (p:Person {ftmId: $donor}) RETURN keys(p) AS keys`, { donor: DONOR });
    expect(donor!.keys).not.toContain('addressEntity');
  });

  it('records on every imported node and relationship the dataset record it came from, shown as evidence of its own kind', async () => {
    const [missing] = await rows<{ n: number }>(
      api.db,
      `CALL () { MATCH (n:Entity) WHERE n.ftmId IS NOT NULL RETURN n.evidence AS evidence UNION ALL MATCH (:Entity)-[r]->(:Entity) WHERE r.ftmId IS NOT NULL OR r.ftmProperty IS NOT NULL RETURN r.evidence AS evidence }
       WITH evidence WHERE NOT EXISTS { MATCH (e:Evidence {kind: 'record', dataset: 'donations'}) WHERE e.id IN evidence }
       RETURN count(*) AS n`,
    );
    expect(Number(missing!.n)).toBe(0);
    const response = await fetch(`${api.url}/edges/${encodeURIComponent(`rel:payment-${PAYMENT}`)}`);
    const details = (await response.json()) as EdgeDetails;
    expect(details.evidence).toEqual([
      expect.objectContaining({
        id: `record:donations:${PAYMENT}`,
        quote: '',
        confidence: 'dataset-record',
        attribution: 'donations',
        claims: [`rel:payment-${PAYMENT}`],
        record: { dataset: 'donations', file: 'donations.ijson', recordId: PAYMENT, schema: 'Payment', importedAt: expect.stringMatching(/^\d{4}-/), importedBy: 'local', sourceUrl: [], publisher: [], proof: [] },
      }),
    ]);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await graphPicture(api.db);
    const reply = await importDonations();
    expect(reply.status).toBe(200);
    expect(reply.body.changes).toEqual({
      nodes: { added: 0, changed: 0, unchanged: 184 },
      edges: { added: 0, changed: 0, unchanged: 393 },
      evidence: { added: 0, changed: 0, unchanged: 474 },
    });
    expect(await graphPicture(api.db)).toEqual(before);
  });

  it('updates what a newer version of the file changed, replacing the values of a record, and counts it', async () => {
    const newer = DONATIONS.replace(`"amountEur": ["100000"], "beneficiary": ["${MLPD}"]`, `"amountEur": ["120000"], "beneficiary": ["${MLPD}"]`).replace(
      `"name": ["MLPD"]`,
      `"name": ["MLPD", "Marxistisch-Leninistische Partei Deutschlands"]`,
    );
    const added = `{"id": "new-donor", "properties": {"name": ["Erika Beispiel"], "sourceUrl": ["https://example.org/list?a=1&b=<2>"], "publisher": ["Bundestag"]}, "schema": "Person"}\n`;
    const reply = await importDonations(newer + added);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.changes.nodes).toEqual({ added: 1, changed: 1, unchanged: 184 - 1 });
    expect(reply.body.changes.edges).toEqual({ added: 0, changed: 1, unchanged: 392 });
    expect(reply.body.changes.evidence).toEqual({ added: 1, changed: 0, unchanged: 474 });
    const [payment] = await rows(api.db, `MATCH ()-[r:PAYMENT {ftmId: $id}]->() RETURN r.amountEur AS amount`, { id: PAYMENT });
    expect(payment).toEqual({ amount: ['120000'] });
    const [party] = await rows(api.db, `MATCH (n:Entity {ftmId: $id}) RETURN n.name AS name, n.ftmName AS names, n.aliases AS aliases`, { id: MLPD });
    expect(party).toEqual({ name: 'MLPD', names: ['MLPD', 'Marxistisch-Leninistische Partei Deutschlands'], aliases: ['Marxistisch-Leninistische Partei Deutschlands'] });
    const [record] = await rows(api.db, `MATCH (e:Evidence {id: 'record:donations:new-donor'}) RETURN e.sourceUrl AS url, e.publisher AS publisher`);
    expect(record).toEqual({ url: ['https://example.org/list?a=1&b=<2>'], publisher: ['Bundestag'] });
  });

  it('ranks a quote above a dataset record, and goes back to the record when the quote is retracted', async () => {
    const send = async (path: string, method: string, body: unknown) => {
      const response = await fetch(`${api.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { evidence?: { id: string }[]; error?: unknown } };
    };
    const confidence = async () => (await rows(api.db, `MATCH ()-[r:PAYMENT {ftmId: $id}]->() RETURN r.confidence AS c`, { id: PAYMENT }))[0];
    const quote = { ...seedQuote('Salvadoran President Nayib Bukele'), confidence: 'alleged', subject: `ftm:${DONOR}`, type: 'PAYMENT', object: `ftm:${MLPD}` };
    const claimed = await send('/claims', 'POST', quote);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);
    expect(await confidence()).toEqual({ c: 'alleged' });
    const evidenceId = `evidence:${SEED_SOURCE.slice('source:'.length)}:${quote.start}-${quote.end}:alleged`;
    expect((await send(`/claims/${encodeURIComponent(evidenceId)}`, 'DELETE', { reason: 'wrong payment' })).status).toBe(200);
    expect(await confidence()).toEqual({ c: 'dataset-record' });
  });

  it('refuses a file with bad lines, naming each line and why, and writes nothing', async () => {
    const lines = DONATIONS.split('\n');
    lines.splice(2, 0, '{"id": "x", "schema": "Persn", "properties": {}}');
    lines.splice(5, 0, '{"id": "y", "schema": "Person", "properties": {"nme": ["Someone"]}}');
    lines.splice(7, 0, '{"id": "z", "schema": "Payment", "properties": {"payer": ["nobody-at-all"], "beneficiary": ["' + MLPD + '"]}}');
    lines.splice(9, 0, '{"id": "w", "schema": "Person", "properties": {');
    const before = await counts(api.db);
    const reply = await postImport<ErrorBody>(api.url, lines.join('\n'), '?format=ftm');
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      { where: 'line 3', message: 'No such schema: Persn' },
      { where: 'line 6', message: 'Property does not exist: nme' },
      { where: 'line 10', message: expect.stringMatching(/^not valid JSON: /) },
    ]);
    expect(await counts(api.db)).toEqual(before);
    lines.splice(2, 1);
    lines.splice(4, 1);
    lines.splice(7, 1);
    const unknown = await postImport<ErrorBody>(api.url, lines.join('\n'), '?format=ftm');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ where: 'line 6 (Payment z)', message: expect.stringMatching(/^unknown node ftm:nobody-at-all: it is neither in the file nor in the database/) }]);
    expect(await counts(api.db)).toEqual(before);
  });
});

describe('npm run seed -- file.ijson', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadline-ftm-'));
    await resetToSeed(api.db);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('imports an FtM file by its extension, the dataset named after the file, and says what it added', async () => {
    const file = path.join(dir, 'spenden-2011.ftm.jsonl');
    await writeFile(file, DONATIONS);
    const { uri, user, password } = inject('neo4j');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('npx', ['tsx', 'graph-seed/cli.ts', file], { env, timeout: 90_000 }, (error, out, err) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout: out, stderr: err }));
    });
    expect(code, stderr).toBe(0);
    // Streamed: progress as it goes (plain lines, not a terminal), then what it did.
    expect(stdout).toMatch(/\[seed\] relationships: 474 lines read, 1,051 rows written, 0 bad lines/);
    expect(stdout).toMatch(/nodes: 184 created, 0 merged, 0 unchanged; relationships: 393 created, 0 merged, 0 unchanged; quotes: 474 created/);
    const [record] = await rows(api.db, `MATCH (e:Evidence {id: $id}) RETURN e.dataset AS dataset, e.file AS file, e.importedBy STARTS WITH 'cli:' AS cli`, { id: `record:spenden-2011:${PAYMENT}` });
    expect(record).toEqual({ dataset: 'spenden-2011', file: 'spenden-2011.ftm.jsonl', cli: true });
  });
});

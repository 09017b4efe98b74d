/**
 * A synthetic FollowTheMoney file for the import bench and the streaming tests: blocks of ten entities (three
 * people, two companies, two addresses, two payments, one ownership), people and companies at their addresses,
 * payments and ownerships between this block's and earlier blocks' entities. Deterministic for a seed.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { intBetween, mulberry32, pick, type Random } from './prng.js';

const FIRST = ['Ana', 'Boris', 'Chen', 'Dalia', 'Emil', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jana'];
const LAST = ['Petrov', 'Silva', 'Okafor', 'Novak', 'Haddad', 'Kowalski', 'Moreau', 'Tanaka', 'Rossi', 'Berg'];
const TRADE = ['Holdings', 'Trading', 'Capital', 'Logistics', 'Energy', 'Media'];
const CITIES = ['Riga', 'Limassol', 'Panama', 'Valletta', 'Tallinn', 'Sofia'];
const COUNTRIES = ['lv', 'cy', 'pa', 'mt', 'ee', 'bg'];

type Entity = { id: string; schema: string; properties: Record<string, string[]> };

/** Any of the block's or an earlier block's entities of a kind (`p` people, `c` companies). */
const earlier = (random: Random, kind: string, block: number, count: number) => `${kind}-${intBetween(random, 0, block)}-${intBetween(random, 0, count - 1)}`;

function block(b: number, random: Random): Entity[] {
  const out: Entity[] = [];
  const address = (i: number) => `a-${b}-${i}`;
  for (let i = 0; i < 3; i++) {
    const name = `${pick(random, FIRST)} ${pick(random, LAST)} ${b}-${i}`;
    out.push({ id: `p-${b}-${i}`, schema: 'Person', properties: { name: [name], nationality: [pick(random, COUNTRIES)], birthDate: [`19${intBetween(random, 40, 99)}`], addressEntity: [address(i % 2)] } });
  }
  for (let i = 0; i < 2; i++) {
    const name = `${pick(random, LAST)} ${pick(random, TRADE)} ${b}-${i}`;
    out.push({ id: `c-${b}-${i}`, schema: 'Company', properties: { name: [name], jurisdiction: [pick(random, COUNTRIES)], incorporationDate: [`20${String(intBetween(random, 0, 24)).padStart(2, '0')}-0${intBetween(random, 1, 9)}`], addressEntity: [address(i)] } });
  }
  for (let i = 0; i < 2; i++) {
    out.push({ id: address(i), schema: 'Address', properties: { full: [`${intBetween(random, 1, 200)} Harbour Street, ${pick(random, CITIES)}`], country: [pick(random, COUNTRIES)] } });
  }
  for (let i = 0; i < 2; i++) {
    const properties = { payer: [earlier(random, 'p', b, 3)], beneficiary: [earlier(random, 'c', b, 2)], amount: [String(intBetween(random, 1, 900) * 1000)], currency: ['EUR'], date: [`2021-0${intBetween(random, 1, 9)}-1${intBetween(random, 0, 9)}`] };
    out.push({ id: `pay-${b}-${i}`, schema: 'Payment', properties });
  }
  out.push({ id: `own-${b}`, schema: 'Ownership', properties: { owner: [`p-${b}-0`], asset: [earlier(random, 'c', b, 2)], percentage: [String(intBetween(random, 1, 100))], startDate: ['2019'] } });
  return out;
}

/** The file's lines: `entities` rounded down to a multiple of ten. */
export function* ftmLines(entities: number, seed: number): Generator<string> {
  const random = mulberry32(seed);
  for (let b = 0; b < Math.floor(entities / 10); b++) for (const entity of block(b, random)) yield `${JSON.stringify(entity)}\n`;
}

export async function writeFtmFile(file: string, entities: number, seed: number): Promise<void> {
  await pipeline(Readable.from(ftmLines(entities, seed)), createWriteStream(file));
}

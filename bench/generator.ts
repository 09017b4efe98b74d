/**
 * Synthetic graphs with the shape of real investigations, from a seed: heavy-tailed degrees (Chung–Lu sampling
 * with weights ∝ rank^-0.6, so degree ~ power law with exponent ≈ 2.7), three explicit hubs (up to 60,000
 * neighbours), the seed's kinds and relationship types, and evidence on every edge: Evidence rows whose quotes
 * are cut from generated Source texts, so `substring(text, start, end - start) = quote` holds as for real data.
 *
 * Node i is a pure function of (seed, i), so any node can be named without generating the others; edges come from
 * one seeded stream, in batches, so a million-node graph is never held in memory at once.
 */
import type { EdgeRow, EvidenceRow, NodeRow } from '../server/db/graph-writer.js';
import { hash32, intBetween, mulberry32, pick, type Random } from './prng.js';
import { quoteAt, sourceText, type SourceText } from './source-text.js';
import * as v from './vocabulary.js';
import type { Kind } from './vocabulary.js';

export interface SyntheticOptions {
  nodes: number;
  /** Relationships per node (default 3). */
  edgesPerNode?: number;
  seed?: number;
}

export interface Hub {
  index: number;
  id: string;
  type: string;
  direction: 'in' | 'out';
  degree: number;
}

export interface EdgeBatch {
  edges: EdgeRow[];
  evidence: EvidenceRow[];
}

const HUBS = [
  { kind: 'Place', name: 'El Salvador', type: 'LOCATED_IN', direction: 'in', cap: 60_000, share: 0.55 },
  { kind: 'Organization', name: 'National Civil Police', type: 'INVESTIGATED', direction: 'out', cap: 55_000, share: 0.25 },
  { kind: 'Organization', name: 'The Courier', type: 'REPORTED', direction: 'out', cap: 50_000, share: 0.1 },
] as const;
const EDGES_PER_SOURCE = 20_000;
const SENTENCES_PER_SOURCE = 400;
const ALPHA = 0.6;

export class SyntheticGraph {
  readonly seed: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly sourceCount: number;
  readonly hubs: Hub[];
  private readonly contentStart: number;
  private readonly texts: SourceText[];
  private readonly ids: (string | undefined)[] = [];

  constructor({ nodes, edgesPerNode = 3, seed = 20_250_313 }: SyntheticOptions) {
    if (!Number.isInteger(nodes) || nodes < 100) throw new Error('a synthetic graph needs at least 100 nodes');
    this.seed = seed;
    this.nodeCount = nodes;
    this.edgeCount = Math.round(nodes * edgesPerNode);
    this.sourceCount = Math.max(2, Math.ceil(this.edgeCount / EDGES_PER_SOURCE));
    this.contentStart = this.sourceCount + HUBS.length;
    const content = nodes - this.contentStart;
    this.hubs = HUBS.map((h, i) => ({
      index: this.sourceCount + i,
      id: `${h.kind === 'Place' ? 'place' : 'org'}:${v.slug(h.name)}`,
      type: h.type,
      direction: h.direction,
      degree: Math.min(h.cap, Math.floor(h.share * content)),
    }));
    this.texts = Array.from({ length: this.sourceCount }, (_, s) => sourceText(hash32(seed, 7, s), SENTENCES_PER_SOURCE));
  }

  /** Every relationship type the graph uses, for the importer's schema step. */
  relationshipTypes(): string[] {
    return [...new Set([...Object.values(v.TYPES_BY_KIND).flat(), ...this.hubs.map((h) => h.type)])].sort();
  }

  kindOf(i: number): Kind {
    if (i < this.sourceCount) return 'Source';
    if (i < this.contentStart) return HUBS[i - this.sourceCount]!.kind;
    let u = hash32(this.seed, 1, i) / 4294967296;
    for (const [kind, share] of v.KIND_SHARES) {
      if (u < share) return kind;
      u -= share;
    }
    return 'Person';
  }

  private nameOf(i: number, random: Random): string {
    const kind = this.kindOf(i);
    const person = () => `${pick(random, v.FIRST_NAMES)} ${pick(random, v.LAST_NAMES)}`;
    switch (kind) {
      case 'Source': return `Synthetic report ${i + 1}: ${pick(random, v.EVENT_WORDS)} in ${pick(random, v.PLACES)}`;
      case 'Person': return person();
      case 'Organization': return random() < 0.7 ? `${pick(random, v.PLACES)} ${pick(random, v.ORG_NOUNS)}` : `${pick(random, v.LAST_NAMES)} ${pick(random, v.GANG_WORDS)}`;
      case 'Event': return `${pick(random, v.EVENT_WORDS)} of ${person()}`;
      case 'Statement': return `Statement by ${person()}`;
      case 'Group': return `${intBetween(random, 2, 300)} ${pick(random, v.GROUP_NOUNS)}`;
      case 'Deal': return `${pick(random, v.PLACES)} ${pick(random, v.DEAL_WORDS)}`;
      case 'Place': return pick(random, v.PLACES);
      case 'Facility': return `${pick(random, v.PLACES)} ${pick(random, v.FACILITIES)}`;
      case 'Law': return `${pick(random, v.PLACES)} ${pick(random, v.LAW_WORDS)}`;
    }
  }

  nodeId(i: number): string {
    const cached = this.ids[i];
    if (cached) return cached;
    if (i >= this.sourceCount && i < this.contentStart) return this.hubs[i - this.sourceCount]!.id;
    const name = this.nameOf(i, mulberry32(hash32(this.seed, 2, i)));
    const kind = this.kindOf(i);
    const prefix = kind === 'Person' ? 'person' : kind === 'Organization' ? 'org' : kind.toLowerCase();
    return (this.ids[i] = `${prefix}:${v.slug(name)}-${i.toString(36)}`);
  }

  node(i: number): NodeRow {
    const kind = this.kindOf(i);
    const random = mulberry32(hash32(this.seed, 2, i));
    const hub = i >= this.sourceCount && i < this.contentStart ? HUBS[i - this.sourceCount] : undefined;
    const name = hub?.name ?? this.nameOf(i, random);
    const properties: Record<string, unknown> = { name };
    if (kind === 'Source') {
      Object.assign(properties, { kind: 'news-article', publisher: pick(random, v.OUTLETS), language: 'en', text: this.texts[i]!.text });
      return { id: this.nodeId(i), labels: ['Source'], properties };
    }
    if (kind === 'Person') {
      if (random() < 0.3) properties.position = pick(random, v.POSITIONS);
      properties.country = pick(random, v.PLACES);
      if (random() < 0.1) properties.aliases = [`${pick(random, v.LAST_NAMES)} ${pick(random, ['el Viejo', 'el Flaco', 'la Jefa', 'Jr.'])}`];
    } else if (kind === 'Organization') {
      properties.kind = hub ? (hub.name === 'The Courier' ? 'news-outlet' : 'government-agency') : pick(random, v.ORG_KINDS);
    } else if (kind === 'Event') {
      const month = intBetween(random, 0, 11);
      const day = intBetween(random, 1, 28);
      const year = intBetween(random, 2015, 2025);
      Object.assign(properties, { kind: pick(random, v.EVENT_WORDS), dateText: `${v.MONTHS[month]} ${day}`, date: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`, datePrecision: 'day' });
    } else if (kind === 'Group') {
      const count = Number.parseInt(name, 10);
      Object.assign(properties, { count, countText: `about ${count}`, approximate: true });
    } else if (kind === 'Deal') {
      Object.assign(properties, { kind: pick(random, v.DEAL_WORDS), summary: `A ${name.toLowerCase()} reported by ${pick(random, v.OUTLETS)}` });
    } else if (kind === 'Statement') {
      Object.assign(properties, { text: `“We never ${pick(random, ['agreed to', 'paid', 'met'])} them,” ${name.slice(13)} said.`, speaker: name.slice(13) });
    } else if (kind === 'Place') {
      properties.kind = 'country';
    }
    properties.evidence = [];
    return { id: this.nodeId(i), labels: [kind], properties };
  }

  *nodeBatches(size: number): Generator<NodeRow[]> {
    for (let from = 0; from < this.nodeCount; from += size) {
      const to = Math.min(this.nodeCount, from + size);
      yield Array.from({ length: to - from }, (_, k) => this.node(from + k));
    }
  }

  /** A content node other than a hub, uniformly: most have a handful of relationships, a few have thousands. */
  randomNode(random: Random): number {
    return intBetween(random, this.contentStart, this.nodeCount - 1);
  }

  /** A content node drawn with the Chung–Lu weights (rank^-ALPHA): node `contentStart` is the heaviest. */
  private weightedNode(random: Random): number {
    const n = this.nodeCount - this.contentStart;
    const rank = Math.floor((1 + random() * (n ** (1 - ALPHA) - 1)) ** (1 / (1 - ALPHA)));
    return this.contentStart + Math.min(n, Math.max(1, rank)) - 1;
  }

  /** The relationships, hubs first, then the weighted ones, in batches of about `size` with their evidence. */
  *edgeBatches(size: number): Generator<EdgeBatch> {
    const random = mulberry32(hash32(this.seed, 3));
    let seq = 0;
    let batch: EdgeRow[] = [];
    const flush = (): EdgeBatch => {
      const out = { edges: batch, evidence: this.evidenceFor(batch, random) };
      batch = [];
      return out;
    };
    const edge = (type: string, source: number, target: number) => {
      const id = `rel:${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}-${(seq++).toString(36)}`;
      batch.push({ id, type, source: this.nodeId(source), target: this.nodeId(target), properties: {} });
    };
    const taken = new Uint8Array(this.nodeCount);
    for (const hub of this.hubs) {
      taken.fill(0);
      for (let k = 0; k < hub.degree; k++) {
        let other = this.randomNode(random);
        while (taken[other]) other = this.randomNode(random);
        taken[other] = 1;
        if (hub.direction === 'in') edge(hub.type, other, hub.index);
        else edge(hub.type, hub.index, other);
        if (batch.length >= size) yield flush();
      }
    }
    const rest = this.edgeCount - this.hubs.reduce((sum, h) => sum + h.degree, 0);
    for (let k = 0; k < rest; k++) {
      const source = this.weightedNode(random);
      let target = this.weightedNode(random);
      while (target === source) target = this.weightedNode(random);
      edge(pick(random, v.TYPES_BY_KIND[this.kindOf(source)]), source, target);
      if (batch.length >= size) yield flush();
    }
    if (batch.length) yield flush();
  }

  /** One quote per one to three consecutive edges (a sentence often supports several claims); sets each edge's evidence. */
  private evidenceFor(edges: EdgeRow[], random: Random): EvidenceRow[] {
    const rows = new Map<string, EvidenceRow>();
    for (let k = 0; k < edges.length; ) {
      const group = edges.slice(k, k + intBetween(random, 1, 3));
      k += group.length;
      const s = Math.floor(random() * this.sourceCount);
      const text = this.texts[s]!;
      const { start, end, quote } = quoteAt(text, Math.floor(random() * (text.wordStarts.length - 20)), intBetween(random, 4, 16));
      const confidence = random() < 0.5 ? 'fact' : pick(random, v.CONFIDENCES);
      const id = `evidence:${this.nodeId(s).split(':')[1]}:${start}-${end}:${confidence}`;
      const row = rows.get(id) ?? { id, quote, start, end, attribution: pick(random, v.ATTRIBUTIONS), confidence, sourceId: this.nodeId(s), claims: [] };
      row.claims.push(...group.map((e) => e.id));
      rows.set(id, row);
      for (const e of group) {
        e.properties = { evidence: [id], confidence };
        if (random() < 0.1) Object.assign(e.properties, { dateText: `${pick(random, v.MONTHS)} ${intBetween(random, 1, 28)}`, date: `202${intBetween(random, 0, 5)}-0${intBetween(random, 1, 9)}-1${intBetween(random, 0, 9)}`, datePrecision: 'day' });
      }
    }
    return [...rows.values()];
  }

  /** A search a person would type: a surname, a full name, a prefix, a typo, or an organisation. */
  searchQuery(random: Random): string {
    const last = pick(random, v.LAST_NAMES);
    const forms = [
      () => last,
      () => `${pick(random, v.FIRST_NAMES)} ${last}`,
      () => last.slice(0, Math.max(3, last.length - 2)),
      () => (last.length > 4 ? `${last.slice(0, 2)}${last[3]}${last[2]}${last.slice(4)}` : last),
      () => `${pick(random, v.PLACES)} ${pick(random, v.ORG_NOUNS).split(' ')[0]}`,
      () => v.slug(last),
    ];
    return pick(random, forms)();
  }
}

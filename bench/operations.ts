/**
 * The operations measured, each as an HTTP request to the API and as the service call behind it (which the
 * driver baseline records and replays). Inputs are drawn from the seeded generator, so runs are comparable.
 */
import type { SavedQuery } from '../shared/contract/index.js';
import type { Database } from '../server/db/neo4j.js';
import { neighbors } from '../server/services/neighbor-service.js';
import { nodeDetails } from '../server/services/node-service.js';
import { findPaths } from '../server/services/path-service.js';
import { getSavedQuery, runSavedQuery } from '../server/services/queries/saved-queries.js';
import { DEFAULT_LIMITS } from '../server/services/queries/cypher-runner.js';
import { search } from '../server/services/search-service.js';
import type { SyntheticGraph } from './generator.js';
import { pick, type Random } from './prng.js';

export const OPERATION_NAMES = ['search', 'node', 'expand', 'expand-hub', 'path', 'saved-query'] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export const OPERATION_LABELS: Record<OperationName, string> = {
  search: 'search',
  node: 'node details',
  expand: 'expand (ordinary node)',
  'expand-hub': 'expand (hub, first page)',
  path: 'shortest path (random pair)',
  'saved-query': 'saved query (run)',
};

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface Sample {
  request: HttpRequest;
  /** What the route calls, with the route's defaults. */
  service: (db: Database) => Promise<unknown>;
}

export interface OperationContext {
  graph: SyntheticGraph;
  savedQueryId: string;
}

/** The saved query the bench creates through the API: who and what surround a person. */
export const BENCH_QUERY = {
  name: 'Bench: around a person',
  description: 'Whoever and whatever is directly connected to a person, by name (npm run bench).',
  cypher: 'MATCH (p:Entity {id: $person})-[r]-(other:Entity)\nRETURN other.name AS name, type(r) AS via, other, r\nORDER BY name LIMIT 25',
  parameters: [{ name: 'person', type: 'nodeId', required: true }],
  tags: ['bench'],
};

const enc = encodeURIComponent;

function personIn(ctx: OperationContext, random: Random): string {
  for (;;) {
    const i = ctx.graph.randomNode(random);
    if (ctx.graph.kindOf(i) === 'Person') return ctx.graph.nodeId(i);
  }
}

export function sampleOf(name: OperationName, ctx: OperationContext, random: Random): Sample {
  const { graph } = ctx;
  switch (name) {
    case 'search': {
      const q = graph.searchQuery(random);
      return { request: { method: 'GET', path: `/api/search?q=${enc(q)}` }, service: (db) => search(db, q, [], 10) };
    }
    case 'node': {
      const id = graph.nodeId(graph.randomNode(random));
      return { request: { method: 'GET', path: `/api/nodes/${enc(id)}` }, service: (db) => nodeDetails(db, id) };
    }
    case 'expand':
    case 'expand-hub': {
      const id = name === 'expand' ? graph.nodeId(graph.randomNode(random)) : pick(random, graph.hubs).id;
      return {
        request: { method: 'GET', path: `/api/nodes/${enc(id)}/neighbors` },
        service: (db) => neighbors(db, id, { types: [], direction: 'both', limit: 50, cursor: null }),
      };
    }
    case 'path': {
      const from = graph.nodeId(graph.randomNode(random));
      const to = graph.nodeId(graph.randomNode(random));
      return {
        request: { method: 'GET', path: `/api/paths?from=${enc(from)}&to=${enc(to)}` },
        service: (db) => findPaths(db, { from, to, maxHops: 6, mode: 'shortest', limit: 25 }),
      };
    }
    case 'saved-query': {
      const params = { person: personIn(ctx, random) };
      return {
        request: { method: 'POST', path: `/api/queries/${enc(ctx.savedQueryId)}/run`, body: { params } },
        service: async (db) => runSavedQuery(db, (await getSavedQuery(db, ctx.savedQueryId)) as SavedQuery, params, DEFAULT_LIMITS),
      };
    }
  }
}

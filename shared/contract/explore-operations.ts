/** The explorer's read API (server/routes/explore.ts): for viewers and above. */
import {
  EdgeDetailsSchema,
  EvidenceDetailsSchema,
  IdParamsSchema,
  NeighborPageSchema,
  NeighborQuerySchema,
  NodeDetailsSchema,
  OverviewQuerySchema,
  PathQuerySchema,
  PathResultSchema,
  SchemaSummarySchema,
  SearchQuerySchema,
  SearchResultSchema,
  SourceTextSchema,
  SourceVersionQuerySchema,
  SubgraphRequestSchema,
  SubgraphResultSchema,
} from './explore.js';
import { GraphSchema } from './graph.js';
import { defineOperations } from './operation.js';

export const exploreOperations = defineOperations({
  getSchema: {
    method: 'get', path: '/schema', role: 'viewer', tag: 'explore',
    summary: 'Node kinds and relationship types with counts and property keys', reply: { name: 'SchemaSummary', schema: SchemaSummarySchema },
  },
  search: {
    method: 'get', path: '/search', role: 'viewer', tag: 'explore', query: SearchQuerySchema, errors: [400],
    summary: 'Ranked full-text search over names, aliases and descriptions; tolerant of typos, partial words and accents',
    reply: { name: 'SearchResult', schema: SearchResultSchema },
  },
  getOverview: {
    method: 'get', path: '/graph/overview', role: 'viewer', tag: 'explore', query: OverviewQuerySchema, errors: [400],
    summary: 'The best-connected nodes and every relationship among them', reply: { name: 'Graph', schema: GraphSchema },
  },
  getNode: {
    method: 'get', path: '/nodes/:id', role: 'viewer', tag: 'explore', params: IdParamsSchema, errors: [308, 400, 404],
    summary: 'A node, the evidence for its properties, and its degree per relationship type and direction',
    reply: { name: 'NodeDetails', schema: NodeDetailsSchema },
  },
  getNeighbors: {
    method: 'get', path: '/nodes/:id/neighbors', role: 'viewer', tag: 'explore', params: IdParamsSchema, query: NeighborQuerySchema, errors: [308, 400, 404],
    summary: 'One page of neighbours with the connecting edges, the total, and a cursor for the next page',
    description: 'Pages are ordered by relationship id (then neighbour id) and read by keyset, so a hub answers as fast as a leaf and deep pages as fast as the first.',
    reply: { name: 'NeighborPage', schema: NeighborPageSchema },
  },
  getPaths: {
    method: 'get', path: '/paths', role: 'viewer', tag: 'explore', query: PathQuerySchema, errors: [400, 404],
    summary: 'The shortest path, or all shortest paths, between two nodes (either direction, through content nodes only)',
    reply: { name: 'PathResult', schema: PathResultSchema },
  },
  getSubgraph: {
    method: 'post', path: '/subgraph', role: 'viewer', tag: 'explore', body: SubgraphRequestSchema, errors: [400, 413],
    summary: 'These nodes and every edge among them', reply: { name: 'SubgraphResult', schema: SubgraphResultSchema },
  },
  getEdge: {
    method: 'get', path: '/edges/:id', role: 'viewer', tag: 'evidence', params: IdParamsSchema, errors: [308, 400, 404],
    summary: 'An edge, its end nodes, and the quotes behind it (attribution, confidence, source)',
    reply: { name: 'EdgeDetails', schema: EdgeDetailsSchema },
  },
  getEvidence: {
    method: 'get', path: '/evidence/:id', role: 'viewer', tag: 'evidence', params: IdParamsSchema, errors: [400, 404],
    summary: 'A quote and every node and edge it supports', reply: { name: 'EvidenceDetails', schema: EvidenceDetailsSchema },
  },
  getSourceText: {
    method: 'get', path: '/sources/:id/text', role: 'viewer', tag: 'evidence', params: IdParamsSchema, query: SourceVersionQuerySchema, errors: [400, 404],
    summary: 'The stored text of a source (the current version, or `?version=`), which evidence start/end offsets point into', reply: { name: 'SourceText', schema: SourceTextSchema },
  },
});

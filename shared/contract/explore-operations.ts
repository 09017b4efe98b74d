/** Every route of the explorer API, described for the OpenAPI document (GET /api/openapi.json). */
import { z } from 'zod';
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
  SubgraphRequestSchema,
  SubgraphResultSchema,
} from './explore.js';
import { GraphSchema } from './graph.js';
import { HealthSchema } from './health.js';
import type { ApiOperation } from './openapi.js';

const OpenApiDocumentSchema = z.record(z.string(), z.unknown()).describe('An OpenAPI 3.1 document');

export const exploreOperations: ApiOperation[] = [
  { method: 'get', path: '/health', operationId: 'getHealth', tag: 'system', summary: 'Whether the API reaches Neo4j (503 when it does not)', reply: { name: 'Health', schema: HealthSchema } },
  { method: 'get', path: '/openapi.json', operationId: 'getOpenApi', tag: 'system', summary: 'This document', reply: { name: 'OpenApiDocument', schema: OpenApiDocumentSchema } },
  { method: 'get', path: '/schema', operationId: 'getSchema', tag: 'explore', summary: 'Node kinds and relationship types with counts and property keys', reply: { name: 'SchemaSummary', schema: SchemaSummarySchema } },
  {
    method: 'get', path: '/search', operationId: 'search', tag: 'explore', query: SearchQuerySchema, errors: [400],
    summary: 'Ranked full-text search over names, aliases and descriptions; tolerant of typos, partial words and accents',
    reply: { name: 'SearchResult', schema: SearchResultSchema },
  },
  {
    method: 'get', path: '/graph/overview', operationId: 'getOverview', tag: 'explore', query: OverviewQuerySchema, errors: [400],
    summary: 'The best-connected nodes and every relationship among them', reply: { name: 'Graph', schema: GraphSchema },
  },
  {
    method: 'get', path: '/nodes/:id', operationId: 'getNode', tag: 'explore', params: IdParamsSchema, errors: [400, 404],
    summary: 'A node, the evidence for its properties, and its degree per relationship type and direction',
    reply: { name: 'NodeDetails', schema: NodeDetailsSchema },
  },
  {
    method: 'get', path: '/nodes/:id/neighbors', operationId: 'getNeighbors', tag: 'explore', params: IdParamsSchema, query: NeighborQuerySchema, errors: [400, 404],
    summary: 'One page of neighbours with the connecting edges, the total, and a cursor for the next page',
    description: 'Pages are ordered by relationship id (then neighbour id) and read by keyset, so a hub answers as fast as a leaf and deep pages as fast as the first.',
    reply: { name: 'NeighborPage', schema: NeighborPageSchema },
  },
  {
    method: 'get', path: '/paths', operationId: 'getPaths', tag: 'explore', query: PathQuerySchema, errors: [400, 404],
    summary: 'The shortest path, or all shortest paths, between two nodes (either direction, through content nodes only)',
    reply: { name: 'PathResult', schema: PathResultSchema },
  },
  {
    method: 'post', path: '/subgraph', operationId: 'getSubgraph', tag: 'explore', body: SubgraphRequestSchema, errors: [400, 413],
    summary: 'These nodes and every edge among them', reply: { name: 'SubgraphResult', schema: SubgraphResultSchema },
  },
  {
    method: 'get', path: '/edges/:id', operationId: 'getEdge', tag: 'evidence', params: IdParamsSchema, errors: [400, 404],
    summary: 'An edge, its end nodes, and the quotes behind it (attribution, confidence, source)',
    reply: { name: 'EdgeDetails', schema: EdgeDetailsSchema },
  },
  {
    method: 'get', path: '/evidence/:id', operationId: 'getEvidence', tag: 'evidence', params: IdParamsSchema, errors: [400, 404],
    summary: 'A quote and every node and edge it supports', reply: { name: 'EvidenceDetails', schema: EvidenceDetailsSchema },
  },
  {
    method: 'get', path: '/sources/:id/text', operationId: 'getSourceText', tag: 'evidence', params: IdParamsSchema, errors: [400, 404],
    summary: 'The stored text of a source, which evidence start/end offsets point into', reply: { name: 'SourceText', schema: SourceTextSchema },
  },
];

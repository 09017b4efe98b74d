/** Whether the server is up, and the OpenAPI document (server/routes/system.ts). */
import { z } from 'zod';
import { HealthSchema } from './health.js';
import { defineOperations } from './operation.js';

const OpenApiDocumentSchema = z.record(z.string(), z.unknown()).describe('An OpenAPI 3.1 document');

export const systemOperations = defineOperations({
  getHealth: {
    method: 'get', path: '/health', role: 'public', ignoresIdentity: true, tag: 'system',
    summary: 'Whether the API reaches Neo4j (503 when it does not)', reply: { name: 'Health', schema: HealthSchema },
  },
  getOpenApi: { method: 'get', path: '/openapi.json', role: 'viewer', tag: 'system', summary: 'This document', reply: { name: 'OpenApiDocument', schema: OpenApiDocumentSchema } },
});

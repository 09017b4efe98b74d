/** Builds the OpenAPI 3.1 document from the operations the routes are made from: zod schemas (`z.toJSONSchema`) and roles. */
import { z } from 'zod';
import { ApiErrorSchema } from './errors.js';
import type { ApiOperation } from './operation.js';

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  308: 'Merged into another entity (or relationship): `Location` is its URL, `error.details[0].message` its id',
  400: 'A parameter is invalid; `error.details` says which one and why',
  401: 'Not logged in (no session cookie or API token, or an invalid one)',
  403: 'Refused (for example, a query that would write)',
  404: 'No such resource',
  408: 'The query ran out of time',
  413: 'The request body is too large',
  429: 'Too many requests (or, for queries, too many running at once); `Retry-After` says when to try again',
  500: 'Internal error',
  503: 'Neo4j is unreachable',
};

/** Express `/nodes/:id` → OpenAPI `/nodes/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      schema: rest,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

/** The two ways to authenticate (server/auth): the session cookie and API tokens. */
const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'tl_session', description: 'Set by POST /auth/login' },
  token: { type: 'http', scheme: 'bearer', description: 'An API token (tl_...) from POST /auth/tokens' },
};

export function buildOpenApiDocument(operations: readonly ApiOperation[], info: { title: string; version: string; description?: string }): JsonSchema {
  const registry = z.registry<{ id: string }>();
  registry.add(ApiErrorSchema, { id: 'ApiError' });
  for (const { reply } of operations) if ('schema' in reply && !registry.has(reply.schema)) registry.add(reply.schema, { id: reply.name });
  const components = z.toJSONSchema(registry, { io: 'input', target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  const schemas = Object.fromEntries(Object.entries(components.schemas).map(([id, s]) => [id, clean(s as JsonSchema)]));
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const errorStatuses = [...new Set([...(op.errors ?? []), 500])].sort();
    const { reply } = op;
    const responses: Record<string, unknown> = {
      [String(reply.status ?? 200)]:
        'schema' in reply
          ? { description: op.summary, content: { 'application/json': { schema: ref(registry.get(reply.schema)!.id) } } }
          : { description: reply.description },
    };
    for (const status of errorStatuses) {
      responses[String(status)] = { description: ERROR_TEXT[status] ?? 'Error', content: { 'application/json': { schema: ref('ApiError') } } };
    }
    const body = op.body ? clean(z.toJSONSchema(op.body, { io: 'input', target: 'draft-2020-12' }) as JsonSchema) : undefined;
    (paths[openApiPath(op.path)] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      responses,
      'x-required-role': op.role,
      security: op.role === 'public' ? [] : [{ session: [] }, { token: [] }],
    };
  }
  return { openapi: '3.1.0', info, servers: [{ url: '/api' }], paths, components: { schemas, securitySchemes: SECURITY_SCHEMES } };
}

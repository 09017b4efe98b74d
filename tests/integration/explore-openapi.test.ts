import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openApiPath } from '../../shared/contract/openapi.js';
import { apiRoutes } from '../support/api-routes.js';
import { useSeededApi } from '../support/explore-api.js';
import { getJson } from '../support/test-app.js';

const api = useSeededApi();

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown> };
};

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that covers every route the API serves', async () => {
    const { status, body } = await getJson<Doc>(`${api.url}/openapi.json`);
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const served = apiRoutes(createApp({ db: api.db })).map((route) => `${route.method.toLowerCase()} ${openApiPath(route.path)}`);
    expect(served.length).toBeGreaterThan(10);
    const documented = new Set(Object.entries(body.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    const undocumented = served.filter((route) => !documented.has(route));
    const notServed = [...documented].filter((route) => !served.includes(route));
    // Routes and the document are both made from shared/contract/api-operations.ts.
    expect({ undocumented, notServed }).toEqual({ undocumented: [], notServed: [] });
  });

  it('describes parameters, bodies and replies from the zod schemas', async () => {
    const { body } = await getJson<Doc>(`${api.url}/openapi.json`);
    const neighbors = body.paths['/nodes/{id}/neighbors']!.get!;
    expect(neighbors.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'path:id:true',
      'query:types:false',
      'query:direction:false',
      'query:limit:false',
      'query:cursor:false',
    ]);
    expect(neighbors.responses['200']).toEqual({
      description: expect.any(String),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/NeighborPage' } } },
    });
    expect(Object.keys(neighbors.responses).sort()).toEqual(['200', '308', '400', '404', '500']);
    expect(body.paths['/paths']!.get!.parameters.filter((p) => p.required).map((p) => p.name)).toEqual(['from', 'to']);
    expect(body.paths['/subgraph']!.post!.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { ids: { type: 'array', maxItems: 2000 } } } } },
    });
    expect(body.components.schemas).toHaveProperty('NodeDetails');
    expect(body.components.schemas).toHaveProperty('ApiError');
  });

  it('has no reference that points nowhere', async () => {
    const { body } = await getJson<Doc>(`${api.url}/openapi.json`);
    const refs = [...JSON.stringify(body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) expect(body.components.schemas, ref).toHaveProperty(ref);
  });
});

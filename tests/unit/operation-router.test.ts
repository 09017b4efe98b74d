/** Routes made from operations: input parsed with the operation's schemas, replies sent or written by the handler. */
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorMiddleware } from '../../server/errors.js';
import { operationRouter } from '../../server/routes/operation-router.js';
import { defineOperations } from '../../shared/contract/operation.js';

const Item = z.object({ id: z.string(), size: z.number() });
const operations = defineOperations({
  getItem: {
    method: 'get', path: '/items/:id', role: 'viewer', tag: 't', summary: 'one item',
    params: z.object({ id: z.string().regex(/^\w+$/) }), query: z.object({ size: z.coerce.number().int().max(10) }), reply: { name: 'Item', schema: Item },
  },
  createItem: { method: 'post', path: '/items', role: 'editor', tag: 't', summary: 'new item', body: Item, reply: { name: 'Item', schema: Item, status: 201 } },
  deleteItem: { method: 'delete', path: '/items/:id', role: 'editor', tag: 't', summary: 'gone', reply: { status: 204, description: 'Deleted' } },
  teapot: { method: 'get', path: '/teapot', role: 'public', tag: 't', summary: 'writes its own reply', reply: { status: 200, description: 'Tea' } },
});

let server: Server;
let url: string;

beforeAll(async () => {
  const app = express().use(express.json());
  app.use(
    operationRouter(operations, {
      getItem: ({ params, query }) => ({ id: params.id, size: query.size }),
      createItem: ({ body }) => body,
      deleteItem: () => undefined,
      teapot: {
        before: [(_req, res, next) => (res.set('X-Before', 'yes'), next())],
        handler: (_input, _req, res) => {
          res.status(418).type('text').send('short and stout');
        },
      },
    }),
  );
  app.use(errorMiddleware);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const details = async (response: Response) => ((await response.json()) as { error: { details: { where: string }[] } }).error.details.map((d) => d.where);

describe('operationRouter', () => {
  it('serves each operation at its path and method, with parsed input and the declared status', async () => {
    const got = await fetch(`${url}/items/a1?size=3`);
    expect([got.status, await got.json()]).toEqual([200, { id: 'a1', size: 3 }]);
    const created = await fetch(`${url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'b', size: 1 }) });
    expect([created.status, await created.json()]).toEqual([201, { id: 'b', size: 1 }]);
    const deleted = await fetch(`${url}/items/b`, { method: 'DELETE' });
    expect([deleted.status, await deleted.text()]).toEqual([204, '']);
  });

  it('answers 400 naming the bad field, checking params, then query, then body (a missing body is empty)', async () => {
    expect(await details(await fetch(`${url}/items/a-b?size=x`))).toEqual(['params.id']);
    expect(await details(await fetch(`${url}/items/a?size=11`))).toEqual(['query.size']);
    expect(await details(await fetch(`${url}/items`, { method: 'POST' }))).toEqual(['body.id', 'body.size']);
  });

  it('runs route middleware first and lets a handler write its own reply', async () => {
    const tea = await fetch(`${url}/teapot`);
    expect([tea.status, tea.headers.get('x-before'), await tea.text()]).toEqual([418, 'yes', 'short and stout']);
  });
});

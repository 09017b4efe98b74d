/**
 * Sends a query result as JSON a row at a time, so a large result is never built as one string (a single
 * `res.json` of a few hundred MB fails with `RangeError: Invalid string length`). Waits for the socket to drain.
 */
import type { Response } from 'express';
import type { RunResult } from '../../shared/contract/index.js';

export async function sendRunResult(res: Response, result: RunResult): Promise<void> {
  res.status(200).type('application/json');
  const write = (chunk: string) => (res.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => res.once('drain', resolve)));
  const list = async (items: unknown[]) => {
    for (let i = 0; i < items.length; i++) await write(`${i ? ',' : ''}${JSON.stringify(items[i])}`);
  };
  await write(`{"columns":${JSON.stringify(result.columns)},"rows":[`);
  await list(result.rows);
  await write('],"graph":{"nodes":[');
  await list(result.graph.nodes);
  await write('],"edges":[');
  await list(result.graph.edges);
  const redirects = result.redirects ? `,"redirects":${JSON.stringify(result.redirects)}` : '';
  res.end(`]},"summary":${JSON.stringify(result.summary)}${redirects}}`);
}

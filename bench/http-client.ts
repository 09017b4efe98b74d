/** A small keep-alive HTTP client for the bench's loopback requests (no dependency, bounded sockets). */
import http from 'node:http';
import type { HttpRequest } from './operations.js';

export interface HttpReply {
  status: number;
  body: string;
}

export function httpClient(baseUrl: string, sockets: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const send = (request: HttpRequest): Promise<HttpReply> =>
    new Promise((resolve, reject) => {
      const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: request.method,
          path: request.path,
          headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
          timeout: 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}

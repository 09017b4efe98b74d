import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { Providers } from '../../app/providers';

/** Renders through the app's real providers, with a fresh query client and no retries. */
export function renderWithProviders(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<Providers client={client}>{ui}</Providers>);
}

type Reply = { status?: number; body: unknown };

/** Answers fetch calls by path, the way the API would; records the URLs asked for. */
export function stubApi(routes: Record<string, Reply | ((url: URL, init?: RequestInit) => Reply)>) {
  const calls: URL[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    calls.push(url);
    const route = routes[url.pathname];
    const reply = typeof route === 'function' ? route(url, init) : (route ?? { status: 404, body: { error: { code: 'not_found', message: 'no route', details: [] } } });
    return new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

/** A streamed import's reply: these JSON lines, then the connection stays open until the request is aborted. */
export function streamedReply(events: unknown[], signal?: AbortSignal | null): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events) controller.enqueue(new TextEncoder().encode(`${JSON.stringify(event)}\n`));
      signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
}

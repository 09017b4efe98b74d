/** The mixed read workload: search, expand (neighbours), node details and a saved query, built from the live graph. */
import type { Request } from 'autocannon';

interface Overview {
  nodes: { id: string; label?: string; properties?: Record<string, unknown> }[];
}

export async function buildWorkload(base: string): Promise<Request[]> {
  const overview = (await (await fetch(`${base}/api/graph/overview?limit=40`)).json()) as Overview;
  const ids = overview.nodes.map((n) => n.id).slice(0, 20);
  if (ids.length === 0) throw new Error('the graph is empty: load the seed first');
  const names = overview.nodes.map((n) => String(n.properties?.name ?? n.label ?? 'rubio').split(/\s+/)[0]!).slice(0, 10);
  const queries = (await (await fetch(`${base}/api/queries`)).json()) as { queries: { id: string; parameters: { required: boolean }[] }[] };
  const saved = queries.queries.find((q) => q.parameters.every((p) => !p.required));
  const requests: Request[] = [];
  ids.forEach((id, i) => {
    const enc = encodeURIComponent(id);
    requests.push({ method: 'GET', path: `/api/search?q=${encodeURIComponent(names[i % names.length]!)}` });
    requests.push({ method: 'GET', path: `/api/nodes/${enc}` });
    requests.push({ method: 'GET', path: `/api/nodes/${enc}/neighbors?limit=50` });
    if (saved && i % 4 === 0) {
      requests.push({ method: 'POST', path: `/api/queries/${encodeURIComponent(saved.id)}/run`, headers: { 'content-type': 'application/json' }, body: '{"params":{}}' });
    }
  });
  return requests;
}

/** Sends each request twice, one at a time, so query plans and the JIT are warm before measuring. */
export async function warmUp(base: string, requests: Request[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const r of requests) {
      const response = await fetch(`${base}${r.path}`, { method: r.method, headers: r.headers as Record<string, string> | undefined, body: r.body as string | undefined });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${r.method} ${r.path} answered ${response.status} during warm-up`);
    }
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

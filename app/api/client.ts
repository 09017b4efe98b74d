/** The one fetch wrapper: JSON in, JSON out, typed errors; no UI side effects. */
import type { ApiError } from '../../shared/contract';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiError['error']['details'] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** An error reply's body as the typed error (for replies read otherwise than as JSON: downloads, streams). */
export async function errorOf(response: Response): Promise<ApiRequestError> {
  const error = ((await response.json().catch(() => null)) as Partial<ApiError> | null)?.error;
  return new ApiRequestError(response.status, error?.code ?? 'http', error?.message ?? `HTTP ${response.status}`, error?.details ?? []);
}

/** `body` is sent as JSON; `file` as the raw body (an upload: the endpoint reads its options from the query). */
export async function apiFetch<T>(path: string, options: { query?: Query; method?: string; body?: unknown; file?: Blob; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  const { body, file } = options;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? (body === undefined && file === undefined ? 'GET' : 'POST'),
      headers: file ? { 'content-type': 'application/octet-stream' } : body === undefined ? undefined : { 'content-type': 'application/json' },
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiRequestError(0, 'network', 'The Threadline server cannot be reached. Is it still running?');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as Partial<ApiError> | null)?.error;
    throw new ApiRequestError(response.status, error?.code ?? 'http', error?.message ?? `HTTP ${response.status}`, error?.details ?? []);
  }
  return payload as T;
}

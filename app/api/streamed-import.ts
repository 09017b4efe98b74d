/**
 * An upload whose reply streams as JSON lines (`Accept: application/x-ndjson`): progress events, then the summary or
 * the error (docs/export-format.md "Large files"). Aborting closes the connection: the server cancels the import and
 * rolls it back.
 */
import type { z } from 'zod';
import type { ApiError, ImportProgress } from '../../shared/contract';
import { ApiRequestError, errorOf } from './client';

export interface StreamedImport {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

type EventSchema<Summary> = z.ZodType<ImportProgress | { type: 'summary'; summary: Summary } | (ApiError & { type: 'error'; status: number })>;

export async function postStreamedImport<Summary>(url: string, file: Blob, events: EventSchema<Summary>, { signal, onProgress }: StreamedImport): Promise<Summary> {
  const headers = { 'content-type': file.type || 'application/octet-stream', accept: 'application/x-ndjson' };
  const response = await fetch(url, { method: 'POST', headers, body: file, signal });
  if (!response.ok || !response.body) throw await errorOf(response);
  for await (const line of jsonLines(response.body)) {
    const event = events.parse(JSON.parse(line));
    if (event.type === 'progress') onProgress?.(event);
    else if (event.type === 'summary') return event.summary;
    else throw new ApiRequestError(event.status, event.error.code, event.error.message, event.error.details);
  }
  throw new ApiRequestError(0, 'network', 'The import was cut short: the connection closed before the server said how it ended.');
}

async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    pending += decoder.decode(read.value, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    yield* lines.filter(Boolean);
  }
  if (pending.trim()) yield pending;
}

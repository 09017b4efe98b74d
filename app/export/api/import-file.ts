import { ImportEventSchema, type ImportProgress, type ImportSummary } from '../../../shared/contract';
import { ApiRequestError, apiUrl } from '../../api/client';
import { errorOf } from './export-file';

export interface ImportRequest {
  /** Writes nothing: says what the file would change. */
  preview: boolean;
  /** FollowTheMoney: write the good lines of a file with bad ones, listing the bad ones in `skipped`. */
  skipBadRows?: boolean;
  /** Aborting closes the connection: the server cancels the import and rolls it back. */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * POST /api/import with the file as the body, the reply streamed as JSON lines (progress, then the summary or the
 * error). The file's name names a dataset (FtM).
 */
export async function importFile(file: File, { preview, skipBadRows, signal, onProgress }: ImportRequest): Promise<ImportSummary> {
  const url = apiUrl('/import', { preview, skipBadRows: skipBadRows || undefined, filename: file.name || undefined });
  const headers = { 'content-type': file.type || 'application/octet-stream', accept: 'application/x-ndjson' };
  const response = await fetch(url, { method: 'POST', headers, body: file, signal });
  if (!response.ok || !response.body) throw await errorOf(response);
  for await (const line of jsonLines(response.body)) {
    const event = ImportEventSchema.parse(JSON.parse(line));
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

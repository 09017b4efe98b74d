/** `POST /api/import` with `Accept: application/x-ndjson`: the events as they come, and a way to stop reading (cancel). */
import type { ImportEvent } from '../../shared/contract/export.js';

export interface StreamedImport { status: number; events: ImportEvent[] }

/** Reads every event; `stopWhen` aborts the request after the event it accepts (the server then rolls back). */
export async function postImportStream(url: string, file: Uint8Array | string, query = '', stopWhen?: (event: ImportEvent) => boolean): Promise<StreamedImport> {
  const abort = new AbortController();
  const body = typeof file === 'string' ? file : new Uint8Array(file);
  const response = await fetch(`${url}/import${query}`, { method: 'POST', headers: { accept: 'application/x-ndjson', 'content-type': 'application/octet-stream' }, body, signal: abort.signal });
  const events: ImportEvent[] = [];
  const decoder = new TextDecoder();
  let pending = '';
  try {
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      pending += decoder.decode(read.value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as ImportEvent;
        events.push(event);
        if (stopWhen?.(event)) {
          abort.abort();
          return { status: response.status, events };
        }
      }
    }
  } catch (err) {
    if (!abort.signal.aborted) throw err;
  }
  return { status: response.status, events };
}

export const lastEvent = (streamed: StreamedImport) => streamed.events[streamed.events.length - 1];

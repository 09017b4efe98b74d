import type { ExportRequest } from '../../../shared/contract';
import { apiUrl, errorOf } from '../../api/client';

export interface Download {
  blob: Blob;
  filename: string;
}

/** POST /api/export, read as it streams in: `onBytes` hears how much has arrived (the size is not known ahead). */
export async function fetchExport(request: ExportRequest, onBytes: (received: number) => void = () => {}): Promise<Download> {
  const response = await fetch(apiUrl('/export'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  if (!response.ok || !response.body) throw await errorOf(response);
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onBytes(received);
  }
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `threadline-export.${request.format}`;
  return { blob: new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }), filename };
}

/** Names of the sources cited by the evidence behind these nodes and edges ("Title — Publisher"). */
export async function citedSources(ids: string[], edgeIds: string[]): Promise<string[]> {
  const { blob } = await fetchExport({ format: 'json', ids, edgeIds });
  const data = JSON.parse(await blob.text()) as { sources: { properties: { name?: string; publisher?: string } }[] };
  return data.sources.map(({ properties: p }) => [p.name, p.publisher].filter(Boolean).join(' — '));
}

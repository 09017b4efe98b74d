import type { ImportSummary } from '../../../shared/contract';
import { apiUrl } from '../../api/client';
import { errorOf } from './export-file';

/** POST /api/import with the file as the body: a preview writes nothing. */
export async function importFile(file: Blob, preview: boolean): Promise<ImportSummary> {
  const response = await fetch(apiUrl('/import', { preview }), { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as ImportSummary;
}

import type { ImportSummary } from '../../../shared/contract';
import { apiUrl } from '../../api/client';
import { errorOf } from './export-file';

/** POST /api/import with the file as the body: a preview writes nothing. The file's name names a dataset (FtM). */
export async function importFile(file: File, preview: boolean): Promise<ImportSummary> {
  const response = await fetch(apiUrl('/import', { preview, filename: file.name || undefined }), { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as ImportSummary;
}

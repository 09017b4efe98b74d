import { ImportEventSchema, type ImportSummary } from '../../../shared/contract';
import { apiUrl } from '../../api/client';
import { postStreamedImport, type StreamedImport } from '../../api/streamed-import';

export interface ImportRequest extends StreamedImport {
  /** Writes nothing: says what the file would change. */
  preview: boolean;
  /** FollowTheMoney: write the good lines of a file with bad ones, listing the bad ones in `skipped`. */
  skipBadRows?: boolean;
}

/**
 * POST /api/import with the file as the body, the reply streamed as JSON lines (progress, then the summary or the
 * error). The file's name names a dataset (FtM).
 */
export function importFile(file: File, { preview, skipBadRows, ...streamed }: ImportRequest): Promise<ImportSummary> {
  const url = apiUrl('/import', { preview, skipBadRows: skipBadRows || undefined, filename: file.name || undefined });
  return postStreamedImport(url, file, ImportEventSchema, streamed);
}

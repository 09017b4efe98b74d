import { useMutation } from '@tanstack/react-query';
import { SheetImportEventSchema, type SheetImportSummary, type SheetMapping } from '../../../shared/contract';
import { apiUrl } from '../../api/client';
import { postStreamedImport, type StreamedImport } from '../../api/streamed-import';

export interface SheetImport extends StreamedImport { file: File; mapping: SheetMapping; sheet?: string; skipBadRows: boolean }

/** Writes the sheet through the mapping, all rows or (asked for) the good ones, with progress; aborting rolls it back. */
export function useImportSheet() {
  return useMutation({
    mutationFn: ({ file, mapping, sheet, skipBadRows, ...streamed }: SheetImport): Promise<SheetImportSummary> => {
      const url = apiUrl('/import/sheet', { filename: file.name, sheet, skipBadRows, mapping: JSON.stringify(mapping) });
      return postStreamedImport(url, file, SheetImportEventSchema, streamed);
    },
  });
}

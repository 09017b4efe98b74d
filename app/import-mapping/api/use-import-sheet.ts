import { useMutation } from '@tanstack/react-query';
import type { SheetImportSummary, SheetMapping } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export interface SheetImport { file: File; mapping: SheetMapping; sheet?: string; skipBadRows: boolean }

/** Writes the sheet through the mapping, all rows or (asked for) the good ones. */
export function useImportSheet() {
  return useMutation({
    mutationFn: ({ file, mapping, sheet, skipBadRows }: SheetImport) =>
      apiFetch<SheetImportSummary>('/import/sheet', { file, query: { filename: file.name, sheet, skipBadRows, mapping: JSON.stringify(mapping) } }),
  });
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { SHEET_PREVIEW_BYTES, type SheetMapping, type SheetPreview } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** A file is known by its name, size and time: enough to tell the sheets one person picks apart. */
const fileKey = (file: File) => [file.name, file.size, file.lastModified] as const;

/** A big CSV is previewed from its first megabyte (the server leaves out the row cut at its end); a workbook must go whole. */
const previewBody = (file: File) => {
  const cut = file.size > SHEET_PREVIEW_BYTES && !/\.xls[xm]?$/i.test(file.name);
  return { file: cut ? file.slice(0, SHEET_PREVIEW_BYTES) : file, cut: cut || undefined };
};

/** The sheet's columns (without a mapping) or its first rows as they will land, with the problems of the rows read. */
export const sheetPreviewQuery = (file: File, mapping: SheetMapping | null, sheet: string | undefined) =>
  queryOptions({
    queryKey: ['sheet-preview', ...fileKey(file), sheet ?? null, mapping],
    queryFn: ({ signal }) => {
      const { file: body, cut } = previewBody(file);
      return apiFetch<SheetPreview>('/import/sheet/preview', { file: body, signal, query: { filename: file.name, sheet, cut, mapping: mapping ? JSON.stringify(mapping) : undefined } });
    },
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

export function useSheetPreview(file: File, mapping: SheetMapping | null, sheet: string | undefined) {
  return useQuery(sheetPreviewQuery(file, mapping, sheet));
}

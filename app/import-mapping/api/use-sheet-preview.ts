import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SheetMapping, SheetPreview } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** A file is known by its name, size and time: enough to tell the sheets one person picks apart. */
const fileKey = (file: File) => [file.name, file.size, file.lastModified] as const;

/** The sheet's columns (without a mapping) or its first rows as they will land, with every row's problems. */
export const sheetPreviewQuery = (file: File, mapping: SheetMapping | null, sheet: string | undefined) =>
  queryOptions({
    queryKey: ['sheet-preview', ...fileKey(file), sheet ?? null, mapping],
    queryFn: ({ signal }) =>
      apiFetch<SheetPreview>('/import/sheet/preview', { file, signal, query: { filename: file.name, sheet, mapping: mapping ? JSON.stringify(mapping) : undefined } }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

export function useSheetPreview(file: File, mapping: SheetMapping | null, sheet: string | undefined) {
  return useQuery(sheetPreviewQuery(file, mapping, sheet));
}

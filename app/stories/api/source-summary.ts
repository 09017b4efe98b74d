import { queryOptions } from '@tanstack/react-query';
import type { SourceDetails } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** A source as the library has it (title, publisher, URL, date), under the source reader's key: one cached answer. */
export const sourceSummaryQuery = (id: string) =>
  queryOptions({
    queryKey: ['sources', 'one', id, 'current'],
    queryFn: ({ signal }) => apiFetch<SourceDetails>(`/sources/${encodeURIComponent(id)}`, { signal }),
  });

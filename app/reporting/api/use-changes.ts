import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChangeList } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Every key of the change feed starts here: each write refreshes it. */
export const CHANGES_KEY = ['changes'] as const;

export const changesQuery = (target?: string) =>
  queryOptions({
    queryKey: [...CHANGES_KEY, 'list', target ?? null],
    queryFn: ({ signal }) => apiFetch<ChangeList>('/changes', { query: { target }, signal }),
  });

/** Recent changesets, newest first (of one node, edge, quote or source with `target`). */
export function useChanges(target?: string) {
  return useQuery(changesQuery(target));
}

import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ChangeList } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Every key of the change feed starts here: each write refreshes it. */
export const CHANGES_KEY = ['changes'] as const;

/** Changes, a page at a time: each next page starts before the previous page's last change (`nextBefore`). */
export const changesQuery = (target?: string) =>
  infiniteQueryOptions({
    queryKey: [...CHANGES_KEY, 'list', target ?? null],
    queryFn: ({ signal, pageParam }) => apiFetch<ChangeList>('/changes', { query: { target, before: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore,
  });

/** Recent changesets, newest first (of one node, edge, quote or source with `target`), with older pages on demand. */
export function useChanges(target?: string) {
  return useInfiniteQuery(changesQuery(target));
}

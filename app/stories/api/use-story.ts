import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Story } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { STORIES_KEY } from './use-stories';

export const storyQuery = (id: string) =>
  queryOptions({
    queryKey: [...STORIES_KEY, 'one', id],
    queryFn: ({ signal }) => apiFetch<Story>(`/stories/${encodeURIComponent(id)}`, { signal }),
  });

/** One story at its latest version. */
export function useStory(id: string | null) {
  return useQuery({ ...storyQuery(id ?? ''), enabled: !!id });
}

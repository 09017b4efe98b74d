import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StoryVersionList } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { STORIES_KEY } from './use-stories';

export const storyVersionsQuery = (id: string) =>
  queryOptions({
    queryKey: [...STORIES_KEY, 'versions', id],
    queryFn: ({ signal }) => apiFetch<StoryVersionList>(`/stories/${encodeURIComponent(id)}/versions`, { signal }),
  });

/** Every saved version of a story, newest first. */
export function useStoryVersions(id: string) {
  return useQuery(storyVersionsQuery(id));
}

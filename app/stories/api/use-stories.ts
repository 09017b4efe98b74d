import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StoryList } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

/** Every key of the story list and of one story starts here, so a save can refresh all of it at once. */
export const STORIES_KEY = ['stories'] as const;

export const storiesQuery = queryOptions({
  queryKey: [...STORIES_KEY, 'list'],
  queryFn: ({ signal }) => apiFetch<StoryList>('/stories', { signal }),
});

/** The stories, last saved first. */
export function useStories() {
  return useQuery(storiesQuery);
}

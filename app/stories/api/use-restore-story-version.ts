import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Story } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { storyQuery } from './use-story';
import { STORIES_KEY } from './use-stories';

/** Saves an earlier version again as the newest; `baseVersion` is the version being looked at (409 when stale). */
export function useRestoreStoryVersion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, baseVersion }: { version: number; baseVersion: number }) =>
      apiFetch<Story>(`/stories/${encodeURIComponent(id)}/versions/${version}/restore`, { body: { baseVersion } }),
    onSuccess: (story) => {
      client.setQueryData(storyQuery(id).queryKey, story);
      return client.invalidateQueries({ queryKey: STORIES_KEY });
    },
  });
}

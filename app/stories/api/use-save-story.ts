import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Story, StorySave } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { storyQuery } from './use-story';
import { STORIES_KEY } from './use-stories';

/** Saves a new version; a 409 (someone saved since `baseVersion`) comes back as the error, with who it was. */
export function useSaveStory(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: StorySave) => apiFetch<Story>(`/stories/${encodeURIComponent(id)}`, { method: 'PUT', body: save }),
    onSuccess: (story) => {
      client.setQueryData(storyQuery(id).queryKey, story);
      return client.invalidateQueries({ queryKey: STORIES_KEY });
    },
  });
}

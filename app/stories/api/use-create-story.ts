import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Story, StoryContent } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { STORIES_KEY } from './use-stories';

export function useCreateStory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (content: StoryContent) => apiFetch<Story>('/stories', { body: content }),
    onSuccess: () => client.invalidateQueries({ queryKey: STORIES_KEY }),
  });
}

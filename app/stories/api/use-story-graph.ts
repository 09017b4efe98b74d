import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Graph, StoryElements, SubgraphResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { STORIES_KEY } from './use-stories';

/** A story's nodes as they are now, with only its own edges among them: what present mode draws. */
export const storyGraphQuery = (elements: StoryElements) =>
  queryOptions({
    queryKey: [...STORIES_KEY, 'graph', elements.nodes, elements.edges],
    queryFn: async (): Promise<Graph> => {
      if (elements.nodes.length === 0) return { nodes: [], edges: [] };
      const { nodes, edges } = await apiFetch<SubgraphResult>('/subgraph', { body: { ids: elements.nodes } });
      const own = new Set(elements.edges);
      return { nodes, edges: edges.filter((e) => own.has(e.id)) };
    },
  });

export function useStoryGraph(elements: StoryElements) {
  return useQuery(storyGraphQuery(elements));
}

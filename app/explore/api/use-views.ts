import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedView, SavedViewInput, SavedViewList } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const viewsQuery = queryOptions({
  queryKey: ['views'],
  queryFn: ({ signal }) => apiFetch<SavedViewList>('/views', { signal }),
});

export function useViews() {
  return useQuery(viewsQuery);
}

export const fetchView = (id: string) => apiFetch<SavedView>(`/views/${encodeURIComponent(id)}`);

export function useSaveView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) => apiFetch<SavedView>('/views', { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsQuery.queryKey }),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsQuery.queryKey }),
  });
}

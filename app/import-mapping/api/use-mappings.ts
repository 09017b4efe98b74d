import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SavedMappingList } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const MAPPINGS_KEY = ['import-mappings'] as const;

export const mappingsQuery = () => queryOptions({ queryKey: MAPPINGS_KEY, queryFn: ({ signal }) => apiFetch<SavedMappingList>('/import/mappings', { signal }) });

/** The saved mappings, newest first, each whole (they are small). */
export function useMappings() {
  return useQuery(mappingsQuery());
}

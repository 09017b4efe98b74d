import { queryOptions } from '@tanstack/react-query';
import type { ImportEntities } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { CHANGES_KEY } from './use-changes';

/** The first `limit` entities an import created or changed, with the relationships among them, and how many in all. */
export const importEntitiesQuery = (change: string, limit: number) =>
  queryOptions({
    queryKey: [...CHANGES_KEY, 'import-entities', change, limit],
    queryFn: ({ signal }) => apiFetch<ImportEntities>(`/changes/${encodeURIComponent(change)}/entities`, { query: { limit }, signal }),
  });

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DedupCandidates } from '../../../shared/contract';
import { apiFetch } from '../../api/client';

export const DEDUP_CANDIDATES_KEY = ['dedup', 'candidates'] as const;

export const dedupCandidatesQuery = (unsure: boolean) =>
  queryOptions({
    queryKey: [...DEDUP_CANDIDATES_KEY, { unsure }],
    queryFn: ({ signal }) => apiFetch<DedupCandidates>('/dedup/candidates', { query: { limit: PAGE, unsure }, signal }),
  });

/** A page of pairs: the researcher resolves them one by one, and the list is asked again after each judgement. */
const PAGE = 20;

/** The pairs that may be one entity, best first, the judged ones left out (`unsure`: those judged unsure kept). */
export function useDedupCandidates(unsure: boolean) {
  return useQuery({ ...dedupCandidatesQuery(unsure), placeholderData: keepPreviousData });
}

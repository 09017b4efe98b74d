import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JudgementInput, JudgementResult } from '../../../shared/contract';
import { apiFetch } from '../../api/client';
import { DEDUP_CANDIDATES_KEY } from './use-dedup-candidates';

/** Judges a pair (same merges it); the candidates are asked again, the judged pair no longer among them. */
export function useJudgePair() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: JudgementInput) => apiFetch<JudgementResult>('/dedup/judgements', { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: DEDUP_CANDIDATES_KEY }),
  });
}

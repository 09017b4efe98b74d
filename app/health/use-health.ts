import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Health } from '../../shared/contract';
import { apiFetch, ApiRequestError } from '../api/client';

/** A 503 from /health still carries a Health body; it is data here, not an error. */
async function fetchHealth(): Promise<Health> {
  try {
    return await apiFetch<Health>('/health');
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 503) {
      return { status: 'degraded', neo4j: { connected: false, error: err.message } };
    }
    throw err;
  }
}

export const healthQuery = queryOptions({ queryKey: ['health'], queryFn: fetchHealth, refetchInterval: 10_000 });

export function useHealth() {
  return useQuery(healthQuery);
}

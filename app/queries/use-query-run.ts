import { useState } from 'react';
import type { RunResult, SavedQuery } from '../../shared/contract';
import { useRunCypher } from './api/use-run-cypher';
import { useRunQuery } from './api/use-run-query';

export interface RunOutcome {
  result: RunResult | null;
  error: Error | null;
  /** Counts runs, to start each result's table afresh. */
  count: number;
}

/**
 * Runs what the editor shows: the saved query when it is unchanged (its parameters typed by their
 * declarations), otherwise the text as ad-hoc Cypher (parameters as plain JSON).
 */
export function useQueryRun() {
  const runSaved = useRunQuery();
  const runAdhoc = useRunCypher();
  const [outcome, setOutcome] = useState<RunOutcome>({ result: null, error: null, count: 0 });
  const callbacks = {
    onSuccess: (result: RunResult) => setOutcome((o) => ({ result, error: null, count: o.count + 1 })),
    onError: (error: Error) => setOutcome((o) => ({ ...o, error })),
  };

  const run = (target: { saved: SavedQuery } | { cypher: string }, params: Record<string, unknown>) => {
    setOutcome((o) => ({ ...o, error: null }));
    if ('saved' in target) runSaved.mutate({ id: target.saved.id, params }, callbacks);
    else runAdhoc.mutate({ query: target.cypher, params }, callbacks);
  };

  return { ...outcome, run, running: runSaved.isPending || runAdhoc.isPending };
}

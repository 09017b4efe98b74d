/** A streamed import (FollowTheMoney, a spreadsheet) on the command line: progress on stdout, Ctrl-C cancels it. */
import type { ImportProgress, ImportSummary } from '../shared/contract/export.js';
import type { Changes } from '../server/services/import/changes.js';
import { AppError } from '../server/errors.js';
import { progressPrinter } from './progress-line.js';

export interface CliHooks { signal: AbortSignal; onProgress: (progress: ImportProgress) => void }

/** Runs the import, showing its progress; Ctrl-C aborts `cancel`, and the import rolls back. */
export async function withCliProgress<T>(cancel: AbortController, run: (hooks: CliHooks) => Promise<T>): Promise<T> {
  const progress = progressPrinter(process.stdout, '[seed] ');
  const onInterrupt = () => cancel.abort(new AppError('bad_request', 'Cancelled (Ctrl-C): the import was rolled back.'));
  process.once('SIGINT', onInterrupt);
  try {
    return await run({ signal: cancel.signal, onProgress: progress.show });
  } finally {
    progress.end();
    process.off('SIGINT', onInterrupt);
  }
}

type Split = ImportSummary['changes']['nodes'];
const tally = ({ added, changed, unchanged }: Split) => ({ created: added, merged: changed, unchanged });

/** A reply's changes (added, changed, unchanged) as the loader counts them. */
export const toChanges = (c: ImportSummary['changes']): Changes => ({ nodes: tally(c.nodes), edges: tally(c.edges), evidence: tally(c.evidence) });

/** The changeset an import made (revert it to undo the import), and the duplicates it may have brought. */
export function describeWritten({ change, possibleDuplicates }: { change?: string; possibleDuplicates?: number }): string {
  return `Recorded as ${change}${possibleDuplicates ? `; ${possibleDuplicates} possible duplicates to review` : ''}.`;
}

import type { ImportSummary } from '../../../shared/contract/export.js';
import type { ImportCounts } from '../../../shared/contract/reporting.js';

/** What a load does to each kind of element: how many it creates, merges into, or finds already as they are. */
export type Changes = ImportCounts;
export type Tally = Changes['nodes'];
export type Change = keyof Tally;

export const noChanges = (): Changes => ({
  nodes: { created: 0, merged: 0, unchanged: 0 },
  edges: { created: 0, merged: 0, unchanged: 0 },
  evidence: { created: 0, merged: 0, unchanged: 0 },
});

/** Adds `more` into `total`: the changes of a streamed import's chunks, summed. */
export function addChanges(total: Changes, more: Changes): void {
  for (const kind of ['nodes', 'edges', 'evidence'] as const) {
    for (const change of ['created', 'merged', 'unchanged'] as const) total[kind][change] += more[kind][change];
  }
}

/** "nodes: 2 created, 1 merged, 40 unchanged; relationships: …; quotes: …". */
export function describeChanges(changes: Changes): string {
  const kinds = [['nodes', changes.nodes], ['relationships', changes.edges], ['quotes', changes.evidence]] as const;
  return kinds.map(([name, t]) => `${name}: ${t.created} created, ${t.merged} merged, ${t.unchanged} unchanged`).join('; ');
}

/** The counts of an import's reply: created or merged (unchanged ones included), and the same split three ways. */
export function summaryCounts(changes: Changes): Pick<ImportSummary, 'nodes' | 'edges' | 'evidence' | 'changes'> {
  const tally = ({ created, merged, unchanged }: Tally) => ({ create: created, merge: merged + unchanged });
  const split = ({ created, merged, unchanged }: Tally) => ({ added: created, changed: merged, unchanged });
  return {
    nodes: tally(changes.nodes),
    edges: tally(changes.edges),
    evidence: tally(changes.evidence),
    changes: { nodes: split(changes.nodes), edges: split(changes.edges), evidence: split(changes.evidence) },
  };
}

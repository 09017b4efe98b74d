/** What a load does to each kind of element: how many it creates, merges into, or finds already as they are. */
export interface Tally { created: number; merged: number; unchanged: number }
export interface Changes { nodes: Tally; edges: Tally; evidence: Tally }
export type Change = keyof Tally;

export const noChanges = (): Changes => ({
  nodes: { created: 0, merged: 0, unchanged: 0 },
  edges: { created: 0, merged: 0, unchanged: 0 },
  evidence: { created: 0, merged: 0, unchanged: 0 },
});

/** "nodes: 2 created, 1 merged, 40 unchanged; relationships: …; quotes: …". */
export function describeChanges(changes: Changes): string {
  const kinds = [['nodes', changes.nodes], ['relationships', changes.edges], ['quotes', changes.evidence]] as const;
  return kinds.map(([name, t]) => `${name}: ${t.created} created, ${t.merged} merged, ${t.unchanged} unchanged`).join('; ');
}

import type { ImportCounts } from '../../shared/contract';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What reverting an import does, in words, from its counts ("Undo this import: deletes 184 nodes …"). */
export function importUndoText(counts: ImportCounts | null): string {
  if (!counts) return 'Undo this import: deletes everything it created and puts back what it changed.';
  const { nodes, edges, evidence } = counts;
  const deleted = [plural(nodes.created, 'node', 'nodes'), plural(edges.created, 'relationship', 'relationships'), plural(evidence.created, 'quote or record', 'quotes and records')];
  const changed = nodes.merged + edges.merged + evidence.merged;
  const putBack = changed > 0 ? `, and puts back the ${plural(changed, 'element', 'elements')} it changed as they were` : '';
  return `Undo this import: deletes the ${deleted[0]}, ${deleted[1]} and ${deleted[2]} it created${putBack}. It cannot be redone: import the file again to bring them back.`;
}

/** An import's counts, read back from its change's summary (`describeChanges` on the server writes them). */
interface Counts { created: number; merged: number }

function countsOf(summary: string, kind: 'nodes' | 'relationships' | 'quotes'): Counts | null {
  const found = new RegExp(`${kind}: (\\d+) created, (\\d+) merged`).exec(summary);
  return found ? { created: Number(found[1]), merged: Number(found[2]) } : null;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What reverting an import does, in words, from its summary's counts ("Undo this import: deletes 184 nodes …"). */
export function importUndoText(summary: string): string {
  const nodes = countsOf(summary, 'nodes');
  const edges = countsOf(summary, 'relationships');
  const quotes = countsOf(summary, 'quotes');
  if (!nodes || !edges || !quotes) return 'Undo this import: deletes everything it created and puts back what it changed.';
  const deleted = [plural(nodes.created, 'node', 'nodes'), plural(edges.created, 'relationship', 'relationships'), plural(quotes.created, 'quote or record', 'quotes and records')];
  const changed = nodes.merged + edges.merged + quotes.merged;
  const putBack = changed > 0 ? `, and puts back the ${plural(changed, 'element', 'elements')} it changed as they were` : '';
  return `Undo this import: deletes the ${deleted[0]}, ${deleted[1]} and ${deleted[2]} it created${putBack}. It cannot be redone: import the file again to bring them back.`;
}

/**
 * Selection flows one way: React holds it, the canvas draws it. A tap or a box drawn on the canvas selects
 * nothing by itself; it is reported as what the person asked for, and `nextSelection` says what follows.
 */
export type SelectIntent =
  /** A click on a node or an edge; with Shift, Ctrl or Cmd held it toggles that one. */
  | { on: 'element'; id: string; additive: boolean }
  /** A click on the empty canvas; with a modifier held it keeps the selection. */
  | { on: 'background'; additive: boolean }
  /** A box dragged with Shift held: what it encloses joins the selection. */
  | { on: 'box'; ids: string[]; additive: boolean };

export function nextSelection(current: string[], intent: SelectIntent): string[] {
  switch (intent.on) {
    case 'element':
      if (!intent.additive) return [intent.id];
      return current.includes(intent.id) ? current.filter((id) => id !== intent.id) : [...current, intent.id];
    case 'background':
      return intent.additive ? current : [];
    case 'box':
      return intent.additive ? [...new Set([...current, ...intent.ids])] : intent.ids;
  }
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

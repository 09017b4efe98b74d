/** Layout extensions that are not in the initial bundle (LAYOUTS entries with `load`), registered on first use. */
import cytoscape from 'cytoscape';
import { LAYOUTS, type LayoutId } from './layouts';

const registered = new Set<LayoutId>();

export function layoutLoaded(id: LayoutId): boolean {
  const layout = LAYOUTS.find((l) => l.id === id);
  return !layout || !('load' in layout) || registered.has(id);
}

export async function ensureLayout(id: LayoutId): Promise<void> {
  const layout = LAYOUTS.find((l) => l.id === id);
  if (!layout || !('load' in layout) || layoutLoaded(id)) return;
  const extension = (await layout.load()).default;
  if (registered.has(id)) return;
  cytoscape.use(extension);
  registered.add(id);
}

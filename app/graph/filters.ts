/** What the researcher chose to hide; applied by the canvas, held by React. */
export interface CanvasFilters {
  hiddenKinds: string[];
  hiddenTypes: string[];
  hiddenConfidence: string[];
  /** Inclusive ISO dates; dated elements outside are hidden, undated ones stay. */
  dateRange: [string, string] | null;
}

export const NO_FILTERS: CanvasFilters = { hiddenKinds: [], hiddenTypes: [], hiddenConfidence: [], dateRange: null };

export interface FilterableElement {
  group: 'nodes' | 'edges';
  kind?: string;
  type?: string;
  confidence?: string;
  date?: string;
  /** A community's member kinds, an aggregate edge's types (communities/): hidden once all of them are. */
  kinds?: string[];
  types?: string[];
}

export function isFilteredOut(element: FilterableElement, filters: CanvasFilters): boolean {
  if (element.kinds?.every((k) => filters.hiddenKinds.includes(k))) return true;
  if (element.types?.every((t) => filters.hiddenTypes.includes(t))) return true;
  if (element.group === 'nodes' && element.kind && filters.hiddenKinds.includes(element.kind)) return true;
  if (element.group === 'edges' && element.type && filters.hiddenTypes.includes(element.type)) return true;
  if (element.group === 'edges' && element.confidence && filters.hiddenConfidence.includes(element.confidence)) return true;
  if (filters.dateRange && element.date) {
    const [from, to] = filters.dateRange;
    if (element.date < from || element.date > to) return true;
  }
  return false;
}

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FiltersPanel } from '../../app/explore/filters-panel';
import type { CanvasSummary } from '../../app/graph/canvas-summary';
import { NO_FILTERS, type CanvasFilters } from '../../app/graph/filters';

const summary: CanvasSummary = {
  nodeCount: 3,
  edgeCount: 2,
  hiddenCount: 0,
  kinds: ['Deal', 'Person'],
  types: ['AGREED_TO', 'HOLDS_POSITION_IN'],
  confidences: ['alleged', 'fact'],
  dated: [],
  canUndo: false,
  canRedo: false,
  grouping: null,
};

function Harness({ onFilters }: { onFilters: (f: CanvasFilters) => void }) {
  const [filters, setFilters] = useState(NO_FILTERS);
  return (
    <FiltersPanel
      summary={summary}
      filters={filters}
      onChange={(f) => {
        setFilters(f);
        onFilters(f);
      }}
    />
  );
}

describe('FiltersPanel', () => {
  it('lists the kinds, readable relationship types and confidence levels on the canvas', () => {
    render(<Harness onFilters={() => {}} />);
    expect(screen.getByRole('group', { name: 'Kinds' }).textContent).toBe('KindsDealPerson');
    expect(screen.getByRole('checkbox', { name: 'holds position in' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Alleged' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Stated as fact' })).toBeTruthy();
  });

  it('hides and shows again what is unticked and ticked', async () => {
    const seen: CanvasFilters[] = [];
    render(<Harness onFilters={(f) => seen.push(f)} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Person' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Alleged' }));
    expect(seen.at(-1)).toEqual({ ...NO_FILTERS, hiddenKinds: ['Person'], hiddenConfidence: ['alleged'] });
    expect((screen.getByRole('checkbox', { name: 'Person' }) as HTMLInputElement).checked).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Person' }));
    expect(seen.at(-1)?.hiddenKinds).toEqual([]);
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DatedItem } from '../../app/graph/canvas-summary';
import { TimelineStrip } from '../../app/timeline/timeline-strip';

const items: DatedItem[] = [
  { id: 'event:call', date: '2025-03-13', label: 'Rubio–Bukele phone call', group: 'nodes' },
  { id: 'rel:invoked', date: '2025-03-15', label: 'Donald Trump invoked Alien Enemies Act', group: 'edges' },
];

describe('TimelineStrip', () => {
  it('says so when nothing on the canvas is dated', () => {
    render(<TimelineStrip items={[]} range={null} onRange={() => {}} onPick={() => {}} />);
    expect(screen.getByRole('region', { name: 'Timeline' }).textContent).toMatch(/No dated events/);
  });

  it('draws a tick per day and names each item', () => {
    render(<TimelineStrip items={items} range={null} onRange={() => {}} onPick={() => {}} />);
    const strip = screen.getByRole('group', { name: 'Dated items' });
    expect(strip.textContent).toContain('13 Mar 2025');
    expect(strip.textContent).toContain('15 Mar 2025');
    expect(strip.querySelectorAll('title')[1]?.textContent).toBe('2025-03-15: Donald Trump invoked Alien Enemies Act');
  });

  it('turns a drag across the strip into a date range, and picks an item on click', async () => {
    const onRange = vi.fn();
    const onPick = vi.fn();
    render(<TimelineStrip items={items} range={null} onRange={onRange} onPick={onPick} />);
    const strip = screen.getByRole('group', { name: 'Dated items' });
    // jsdom lays nothing out: the strip is 800 px wide from x = 0 (the component's default width).
    fireEvent.pointerDown(strip, { clientX: 24, pointerId: 1 });
    fireEvent.pointerMove(strip, { clientX: 776, pointerId: 1 });
    fireEvent.pointerUp(strip, { clientX: 776, pointerId: 1 });
    expect(onRange).toHaveBeenCalledWith(['2025-03-12', '2025-03-16']);
    await userEvent.click(strip.querySelector('[data-item="event:call"]')!);
    expect(onPick).toHaveBeenCalledWith('event:call');
  });

  it('shows the chosen range with a way to clear it', async () => {
    const onRange = vi.fn();
    render(<TimelineStrip items={items} range={['2025-03-13', '2025-03-14']} onRange={onRange} onPick={() => {}} />);
    expect(screen.getByText(/13 Mar 2025 – 14 Mar 2025/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear dates' }));
    expect(onRange).toHaveBeenCalledWith(null);
  });
});

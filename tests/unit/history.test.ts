import { describe, expect, it } from 'vitest';
import { emptyHistory, record, undo } from '../../app/graph/history.js';

describe('record', () => {
  it('keeps the last 100 states', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < 150; i++) history = record(history, i);
    expect(history.past).toHaveLength(100);
    expect(history.past[0]).toBe(50);
  });

  it('drops the oldest states once they weigh more than the budget, keeping the latest', () => {
    const budget = { size: (n: number) => n, max: 250_000 };
    let history = emptyHistory<number>();
    for (const size of [100_000, 100_000, 100_000, 100_000]) history = record(history, size, budget);
    expect(history.past).toEqual([100_000, 100_000]);
    history = record(history, 900_000, budget);
    expect(history.past).toEqual([900_000]);
    expect(undo(history, 1)?.state).toBe(900_000);
  });
});

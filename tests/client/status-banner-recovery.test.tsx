import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusBanner } from '../../app/health/status-banner';
import { renderWithProviders, stubApi } from './render';

afterEach(() => {
  vi.useRealTimers();
});

describe('StatusBanner while Neo4j goes away and comes back', () => {
  it('says the database is unreachable, keeps asking, and clears itself when it answers again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let up = false;
    const calls = stubApi({
      '/api/health': () =>
        up
          ? { body: { status: 'ok', neo4j: { connected: true, version: '5.26.30', database: 'neo4j' } } }
          : { status: 503, body: { status: 'degraded', neo4j: { connected: false, error: 'connection refused' } } },
    });
    renderWithProviders(<StatusBanner />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Database unreachable, retrying/);

    up = true;
    const asked = calls.length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_500);
    });
    expect(calls.length).toBeGreaterThan(asked);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

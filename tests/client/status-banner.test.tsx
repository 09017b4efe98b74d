import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBanner } from '../../app/health/status-banner';
import { renderWithProviders, stubApi } from './render';

describe('StatusBanner', () => {
  it('stays out of the way while the database answers', async () => {
    const calls = stubApi({ '/api/health': { body: { status: 'ok', neo4j: { connected: true, version: '5.26.30', database: 'neo4j' } } } });
    renderWithProviders(<StatusBanner />);
    await waitForCalls(calls, 1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the database is unreachable and that it retries', async () => {
    stubApi({ '/api/health': { status: 503, body: { status: 'degraded', neo4j: { connected: false, error: 'connection refused' } } } });
    renderWithProviders(<StatusBanner />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Database unreachable, retrying/);
  });
});

async function waitForCalls(calls: unknown[], n: number) {
  for (let i = 0; i < 50 && calls.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 20));
}

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DetailsPanel } from '../../app/explore/details-panel';
import type { EdgeDetails, Evidence, NodeDetails } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';

const evidence: Evidence = {
  id: 'evidence:x:1-2:anonymous-source',
  quote: 'Rubio agreed, despite some of those men being protected under U.S. law',
  start: 1,
  end: 2,
  attribution: 'sources familiar with the conversation told the Post',
  confidence: 'anonymous-source',
  claims: ['rel:rubio-agreed'],
  version: null,
  source: { id: 'source:daily-beast', name: 'Little Marco Double-Crosses U.S. Informants', publisher: 'The Daily Beast', hasText: true },
};
const rubio = { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio', position: 'Secretary of State', evidence: [evidence.id] } };
const deal = { id: 'deal:cecot', labels: ['Entity', 'Deal'], properties: { name: 'CECOT deal' } };
const noop = () => {};

describe('DetailsPanel', () => {
  it('shows an edge as a sentence with the quote, who said it, how sure, and where', async () => {
    const edge: EdgeDetails = { edge: { id: 'rel:rubio-agreed', type: 'AGREED_TO', source: rubio.id, target: deal.id, properties: { date: '2025-03-13' } }, sourceNode: rubio, targetNode: deal, evidence: [evidence] };
    stubApi({ '/api/edges/rel%3Arubio-agreed': { body: edge } });
    const onRead = vi.fn();
    renderWithProviders(<DetailsPanel id="rel:rubio-agreed" group="edges" onClose={noop} onRead={onRead} onExpand={noop} onPathEnd={noop} />);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Marco Rubio agreed to CECOT deal');
    expect(screen.getByText(/“Rubio agreed, despite/)).toBeTruthy();
    expect(screen.getByText('sources familiar with the conversation told the Post')).toBeTruthy();
    expect(screen.getByText('Anonymous source')).toBeTruthy();
    expect(screen.getByText(/The Daily Beast/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Read in source' }));
    expect(onRead).toHaveBeenCalledWith(evidence);
  });

  it('shows a node with its relationships per type, each one expandable', async () => {
    const details: NodeDetails = { node: rubio, evidence: [{ ...evidence, claims: ['person:marco-rubio#position'] }], degree: [{ type: 'AGREED_TO', direction: 'out', count: 1 }, { type: 'TOLD', direction: 'in', count: 2 }] };
    stubApi({ '/api/nodes/person%3Amarco-rubio': { body: details } });
    const onExpand = vi.fn();
    renderWithProviders(<DetailsPanel id={rubio.id} group="nodes" onClose={noop} onRead={noop} onExpand={onExpand} onPathEnd={noop} />);
    await userEvent.click(await screen.findByRole('button', { name: '← told (2)' }));
    expect(onExpand).toHaveBeenCalledWith(rubio.id, 'TOLD', 'in');
    expect(screen.getByText('Supports: position')).toBeTruthy();
    expect(screen.getByText('Secretary of State')).toBeTruthy();
  });

  it('says what went wrong when the element cannot be loaded', async () => {
    stubApi({ '/api/nodes/person%3Agone': { status: 404, body: { error: { code: 'not_found', message: 'No node person:gone', details: [] } } } });
    renderWithProviders(<DetailsPanel id="person:gone" group="nodes" onClose={noop} onRead={noop} onExpand={noop} onPathEnd={noop} />);
    expect((await screen.findByText(/Could not load person:gone/)).textContent).toContain('No node person:gone');
  });
});

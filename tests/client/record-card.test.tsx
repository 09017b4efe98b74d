import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EvidenceCard } from '../../app/explore/evidence-card';
import { FiltersPanel } from '../../app/explore/filters-panel';
import { NO_FILTERS } from '../../app/graph/filters';
import type { Evidence } from '../../shared/contract';

const record: Evidence = {
  id: 'record:donations:abc',
  quote: '',
  start: 0,
  end: 0,
  attribution: 'donations',
  confidence: 'dataset-record',
  claims: ['rel:payment-abc'],
  version: null,
  source: null,
  record: {
    dataset: 'donations',
    file: 'donations.ijson',
    recordId: 'abc',
    schema: 'Payment',
    importedAt: '2026-12-01T10:00:00.000Z',
    importedBy: 'editor',
    sourceUrl: ['https://example.org/list?a=1&b=<2>', 'javascript:alert(1)'],
    publisher: ['<b>Bundestag</b>'],
    proof: [],
  },
};

describe('a dataset record as evidence', () => {
  it('shows the dataset, the record and its publisher as text, and only a web address as a link', () => {
    const { container } = render(<EvidenceCard evidence={record} onRead={() => {}} />);
    expect(screen.getByText('Dataset record')).toBeTruthy();
    expect(screen.getByText('donations (donations.ijson)')).toBeTruthy();
    expect(screen.getByText('Payment abc')).toBeTruthy();
    expect(screen.getByText('<b>Bundestag</b>')).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('blockquote')).toBeNull();
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/list?a=1&b=<2>']);
    expect(screen.getByText('javascript:alert(1)').tagName).toBe('SPAN');
    expect(screen.getByText('imported 2026-12-01 by editor')).toBeTruthy();
  });

  it('is a confidence level of its own in the filters', () => {
    const summary = { nodeCount: 2, edgeCount: 1, hiddenCount: 0, kinds: [], types: [], confidences: ['fact', 'dataset-record'], dated: [], canUndo: false, canRedo: false, grouping: null };
    render(<FiltersPanel summary={summary} filters={NO_FILTERS} onChange={() => {}} />);
    expect(screen.getByRole('checkbox', { name: 'Dataset record' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Stated as fact' })).toBeTruthy();
  });
});

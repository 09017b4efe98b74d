import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SourceReader } from '../../app/explore/source-reader';
import type { Evidence } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';

// Test material, not a real article: version 1 said "nine", the corrected version 2 says "ten".
const TEXTS: Record<string, string> = { '1': 'TEST MATERIAL. Bukele asked for nine leaders.', current: 'TEST MATERIAL. Bukele asked for ten leaders.' };
const quote = 'Bukele asked for nine leaders';
const evidence: Evidence = {
  id: 'evidence:test:15-44:fact',
  quote,
  start: TEXTS['1']!.indexOf(quote),
  end: TEXTS['1']!.indexOf(quote) + quote.length,
  attribution: 'the test report',
  confidence: 'fact',
  claims: ['person:nayib-bukele#request'],
  source: { id: 'source:test', name: 'Test report', publisher: null, hasText: true },
  version: 1,
};

describe('the source reader', () => {
  it('opens a quote a correction left behind in the version of the text it was made on', async () => {
    const calls = stubApi({
      '/api/sources/source%3Atest/text': (url) => {
        const version = url.searchParams.get('version');
        return { body: { source: { id: 'source:test', labels: ['Entity', 'Source'], properties: { name: 'Test report' } }, text: TEXTS[version ?? 'current'], version: Number(version ?? 2) } };
      },
    });
    renderWithProviders(<SourceReader evidence={evidence} onClose={() => {}} />);
    const mark = await screen.findByText(quote);
    expect(mark.tagName).toBe('MARK');
    expect(screen.getByText(/Version 1 of the text/)).toBeTruthy();
    expect(calls.map((u) => u.searchParams.get('version'))).toEqual(['1']);
  });
});

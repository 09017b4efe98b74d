import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StoryEditor } from '../../app/stories/story-editor';
import type { EdgeDetails } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';
import { noCanvas, threeStepStory } from './story-fixtures';

const rubio = { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio' } };
const deal = { id: 'deal:cecot', labels: ['Entity', 'Deal'], properties: { name: 'CECOT deal' } };
const edge: EdgeDetails = {
  edge: { id: 'rel:rubio-agreed', type: 'AGREED_TO', source: rubio.id, target: deal.id, properties: {} },
  sourceNode: rubio,
  targetNode: deal,
  evidence: [
    {
      id: 'evidence:x:1-2:anonymous-source',
      quote: 'Rubio agreed',
      start: 1,
      end: 2,
      attribution: 'sources familiar with the conversation told the Post',
      confidence: 'anonymous-source',
      claims: ['rel:rubio-agreed'],
      version: null,
      source: { id: 'source:daily-beast', name: 'Little Marco', publisher: 'The Daily Beast', hasText: true },
    },
  ],
};

describe('caption preview', () => {
  it('shows markup typed into a caption as text, drops unsafe link targets, and footnotes a citation with its quote', async () => {
    stubApi({ '/api/edges/rel%3Arubio-agreed': { body: edge } });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<StoryEditor story={threeStepStory} canvas={noCanvas} canWrite onPresent={() => {}} />);
    const caption = screen.getByRole('textbox', { name: /Caption/ });
    await user.click(caption);
    await user.paste(
      'He **agreed** [^rel:rubio-agreed]. <img src=x onerror="alert(1)"><script>alert(2)</script>\n\n- [bad](JaVaScRiPt:alert(3))\n- [good](https://example.org/a)\n- <svg onload=alert(4)>',
    );
    const preview = screen.getByTestId('caption-preview');
    expect(preview.querySelector('img, script, svg, [onerror], [onload], [style]')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror="alert(1)"><script>alert(2)</script>');
    expect(preview.textContent).toContain('<svg onload=alert(4)>');
    expect(within(preview).getByText('agreed').tagName).toBe('STRONG');
    const links = [...preview.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#preview-step-1-note-1', 'https://example.org/a']);
    expect(within(preview).getByText('bad').closest('a')).toBeNull();

    expect(await within(preview).findByText('“Rubio agreed”')).toBeTruthy();
    expect(within(preview).getByText('Marco Rubio agreed to CECOT deal')).toBeTruthy();
    expect(within(preview).getByText('Anonymous source')).toBeTruthy();
    expect(within(preview).getByRole('list', { name: 'Sources' }).textContent).toContain('The Daily Beast');
    expect(container.innerHTML).not.toMatch(/<(img|script|svg)\b/);
  });
});

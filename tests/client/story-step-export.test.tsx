import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoryContent, StoryStep } from '../../shared/contract';
import type { PrintSource } from '../../shared/story/step-print';
import { StepExportDialog } from '../../app/stories/step-export-dialog';
import type { StepImageOptions, StepImageWork } from '../../app/stories/step-images';
import { renderWithProviders, stubApi } from './render';

// Drawing needs a real browser (Cytoscape, <canvas>, SVG decoding): tests/e2e/stories-prints.test.ts draws. Here the
// drawing is stood in for, step by step, so the dialog's progress, cancel and sources can be watched.
const drawing = vi.hoisted(() => ({
  sources: [] as PrintSource[][],
  options: null as StepImageOptions | null,
  gate: null as Promise<void> | null,
  saved: [] as string[],
}));
vi.mock('../../app/stories/step-images', () => ({
  PRINT_DPI: 300,
  stepImagesZip: async (story: StoryContent, _graph: unknown, options: StepImageOptions, work: StepImageWork) => {
    drawing.options = options;
    for (const [i, step] of story.steps.entries()) {
      work.signal.throwIfAborted();
      work.onStep(i);
      drawing.sources.push(await work.sourcesOf(step));
      if (i === 1 && drawing.gate) await drawing.gate;
    }
    work.signal.throwIfAborted();
    return new Blob(['zip']);
  },
}));
vi.mock('../../app/ui/download', () => ({ saveBlob: (_blob: Blob, name: string) => drawing.saved.push(name) }));

const step = (n: number, over: Partial<StoryStep>): StoryStep => ({ id: `step-${n}`, title: `Step ${n}`, caption: '', highlighted: [], camera: null, positions: null, ...over });
const story: StoryContent = {
  title: 'The call',
  summary: '',
  elements: { nodes: ['person:a', 'person:b'], edges: ['rel:a-knows-b'] },
  steps: [step(1, { title: 'Who', highlighted: ['person:a', 'rel:a-knows-b'], caption: 'They know each other [^rel:gone].' }), step(2, { title: 'Then' }), step(3, { title: 'After' })],
};
const source = { id: 'source:post', title: 'The Post’s report', publisher: 'The Post', author: null, url: 'https://post.example/report', publishedAt: '2025-03-16', addedBy: null, addedAt: null, length: 10, quotes: 1, version: 1 };
const quote = { id: 'evidence:q1', quote: 'they met', start: 0, end: 8, attribution: 'The Post', confidence: 'fact', claims: ['rel:a-knows-b'], source: { id: 'source:post', name: 'The Post’s report', publisher: 'The Post', hasText: true }, version: null };
const node = (id: string) => ({ id, labels: ['Person'], properties: { name: id } });

beforeAll(() => {
  // jsdom has no modal dialogs: opening one only sets `open`, as a browser does.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
beforeEach(() => {
  drawing.sources = [];
  drawing.options = null;
  drawing.gate = null;
  drawing.saved = [];
  stubApi({
    '/api/subgraph': { body: { nodes: [node('person:a'), node('person:b')], edges: [{ id: 'rel:a-knows-b', type: 'KNOWS', source: 'person:a', target: 'person:b', properties: {} }] } },
    '/api/edges/rel%3Aa-knows-b': { body: { edge: { id: 'rel:a-knows-b', type: 'KNOWS', source: 'person:a', target: 'person:b', properties: {} }, sourceNode: node('person:a'), targetNode: node('person:b'), evidence: [quote] } },
    '/api/sources/source%3Apost': { body: { source, version: 1, versions: [], text: '', evidence: [], supports: { nodes: [], edges: [] }, mentions: [] } },
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('Export steps', () => {
  it('draws every step with the sources its highlighted edges rest on, then saves one zip', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StepExportDialog story={story} onClose={() => {}} />);
    expect((screen.getByRole('combobox', { name: /PNG width at 300 dpi/ }) as HTMLSelectElement).value).toBe('2400');
    await user.selectOptions(screen.getByRole('combobox', { name: /PNG width/ }), '3600');
    await user.click(await screen.findByRole('button', { name: 'Export' }));

    await screen.findByText(/^Saved threadline-the-call-steps-\d{4}-\d{2}-\d{2}\.zip \(3 steps/);
    expect(drawing.saved).toEqual([expect.stringMatching(/^threadline-the-call-steps-\d{4}-\d{2}-\d{2}\.zip$/)]);
    expect(drawing.options).toEqual({ width: 3600, png: true, svg: true });
    // The highlighted edge's quote names the source; the caption's citation of a deleted edge is left out.
    expect(drawing.sources).toEqual([[{ id: 'source:post', title: 'The Post’s report', publisher: 'The Post', url: 'https://post.example/report', publishedAt: '2025-03-16' }], [], []]);
  });

  it('says which step it is drawing, and Cancel stops between steps without saving', async () => {
    let open!: () => void;
    drawing.gate = new Promise((resolve) => (open = resolve));
    const user = userEvent.setup();
    renderWithProviders(<StepExportDialog story={story} onClose={() => {}} />);
    await user.click(screen.getByRole('checkbox', { name: 'PNG' }));
    await user.click(await screen.findByRole('button', { name: 'Export' }));

    await screen.findByText('Drawing step 2 of 3: Then');
    expect(screen.getByRole('progressbar', { name: 'Drawing the steps' }).getAttribute('value')).toBe('1');
    expect((screen.getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    open();
    await screen.findByText('Cancelled: nothing was saved.');
    expect(drawing.saved).toEqual([]);
    expect(drawing.sources).toHaveLength(2);
    expect(drawing.options).toMatchObject({ png: false, svg: true });
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('needs at least one kind of file', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StepExportDialog story={story} onClose={() => {}} />);
    const exportButton = await screen.findByRole('button', { name: 'Export' });
    await user.click(screen.getByRole('checkbox', { name: 'PNG' }));
    await user.click(screen.getByRole('checkbox', { name: /SVG/ }));
    expect((exportButton as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('combobox', { name: /PNG width/ }) as HTMLSelectElement).disabled).toBe(true);
  });
});

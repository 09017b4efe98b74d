import type { Story, StoryStep } from '../../shared/contract';
import type { CanvasAccess } from '../../app/explore/explore-slots';

const step = (n: number, title: string, caption = ''): StoryStep => ({ id: `step-${n}`, title, caption, highlighted: [], camera: null, positions: null });

export const threeStepStory: Story = {
  id: 'story:the-call-abc123',
  title: 'The call',
  summary: '',
  elements: { nodes: ['person:marco-rubio'], edges: [] },
  steps: [step(1, 'Rubio'), step(2, 'Bukele'), step(3, 'The deal')],
  version: 2,
  author: 'ana',
  createdBy: 'ana',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
};

/** A canvas with nothing drawn: the editor works on its draft without one. */
export const noCanvas: CanvasAccess = { controller: null, selectedIds: [], select: () => {}, openPanel: () => {} };

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { StoryEditor } from '../../app/stories/story-editor';
import { renderWithProviders, stubApi } from './render';
import { noCanvas, threeStepStory } from './story-fixtures';

const titles = () => within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem').map((li) => li.querySelector('.story-step-title')!.textContent);
const stepButton = (name: string) => screen.getByRole('button', { name: new RegExp(`^\\d ${name}$`) });

const VERSIONS = '/api/stories/story%3Athe-call-abc123/versions';
let calls: URL[] = [];
beforeEach(() => {
  calls = stubApi({
    [VERSIONS]: {
      body: {
        versions: [
          { version: 2, author: 'bo', savedAt: '2026-01-02T00:00:00Z', title: 'The call', stepCount: 3 },
          { version: 1, author: 'ana', savedAt: '2026-01-01T00:00:00Z', title: 'First draft', stepCount: 1 },
        ],
      },
    },
    [`${VERSIONS}/1/restore`]: { body: { ...threeStepStory, version: 3 } },
  });
});

describe('StoryEditor steps', () => {
  it('moves a focused step with Alt+↑/↓, keeps focus on it and announces where it went', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={threeStepStory} canvas={noCanvas} canWrite onPresent={() => {}} />);
    stepButton('Rubio').focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(titles()).toEqual(['1 Bukele', '2 Rubio', '3 The deal']);
    expect(document.activeElement).toBe(stepButton('Rubio'));
    expect(screen.getByText('Rubio moved to position 2 of 3')).toBeTruthy();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(titles()).toEqual(['1 Bukele', '2 The deal', '3 Rubio']);
    // Arrows without Alt leave the order alone.
    await user.keyboard('{ArrowUp}');
    expect(titles()).toEqual(['1 Bukele', '2 The deal', '3 Rubio']);
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(titles()).toEqual(['1 Bukele', '2 Rubio', '3 The deal']);
    expect(screen.getByText(/unsaved changes/)).toBeTruthy();
  });

  it('moves a step by dragging it onto another, duplicates and deletes', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={threeStepStory} canvas={noCanvas} canWrite onPresent={() => {}} />);
    const items = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    const dataTransfer = { setData: () => {}, effectAllowed: '' };
    fireEvent.dragStart(items[2]!, { dataTransfer });
    fireEvent.dragOver(items[0]!, { dataTransfer });
    fireEvent.drop(items[0]!, { dataTransfer });
    expect(titles()).toEqual(['1 The deal', '2 Rubio', '3 Bukele']);

    await user.click(screen.getByRole('button', { name: 'Duplicate Rubio' }));
    expect(titles()).toEqual(['1 The deal', '2 Rubio', '3 Rubio (copy)', '4 Bukele']);
    await user.click(screen.getByRole('button', { name: 'Delete The deal' }));
    expect(titles()).toEqual(['1 Rubio', '2 Rubio (copy)', '3 Bukele']);
  });

  it('shows no write controls to a reader', () => {
    renderWithProviders(<StoryEditor story={threeStepStory} canvas={noCanvas} canWrite={false} onPresent={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add step from this view' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Present' })).toBeTruthy();
  });
});

describe('StoryEditor history', () => {
  it('lists who saved which version and restores an earlier one as the newest', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={threeStepStory} canvas={noCanvas} canWrite onPresent={() => {}} />);
    const history = screen.getByRole('region', { name: 'History' });
    expect((await within(history).findByText(/First draft/)).textContent).toContain('1 step · ana');
    // The version being edited cannot be restored over itself.
    expect(within(history).getAllByRole('button', { name: 'Restore' })).toHaveLength(1);
    await user.click(within(history).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(calls.map((u) => u.pathname)).toContain(`${VERSIONS}/1/restore`));
  });
});

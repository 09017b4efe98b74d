import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { embedSnippet } from '../../app/stories/story-publish';
import { StoryEditor } from '../../app/stories/story-editor';
import { renderWithProviders, stubApi } from './render';
import { noCanvas, threeStepStory } from './story-fixtures';

let saved: unknown;
beforeEach(() => {
  saved = undefined;
  stubApi({
    '/api/stories/story%3Athe-call-abc123/versions': { body: { versions: [] } },
    '/api/stories/story%3Athe-call-abc123': (_url, init) => {
      saved = JSON.parse(String(init?.body));
      return { body: { ...threeStepStory, version: 3, public: true } };
    },
  });
});

const publish = () => within(screen.getByRole('region', { name: 'Publish' }));

describe('StoryEditor publishing', () => {
  it('offers the saved version as one HTML file', () => {
    renderWithProviders(<StoryEditor story={threeStepStory} canvas={noCanvas} canWrite onPresent={() => {}} />);
    const link = publish().getByRole('link', { name: 'Download as HTML' });
    expect(link.getAttribute('href')).toBe('/api/stories/story%3Athe-call-abc123/export.html');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('marks the story public with the next save', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StoryEditor story={threeStepStory} canvas={noCanvas} canWrite onPresent={() => {}} />);
    await user.click(publish().getByRole('button', { name: 'Embed' }));
    expect(publish().getByText(/Not public/)).toBeTruthy();
    await user.click(publish().getByRole('checkbox', { name: /Public/ }));
    expect(screen.getByText(/unsaved changes/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved).toMatchObject({ public: true, baseVersion: 2 });
  });

  it('gives a public story an embed snippet with its stable address, the title escaped', async () => {
    const user = userEvent.setup();
    const story = { ...threeStepStory, public: true, title: 'The "call" <b>' };
    renderWithProviders(<StoryEditor story={story} canvas={noCanvas} canWrite={false} onPresent={() => {}} />);
    await user.click(publish().getByRole('button', { name: 'Embed' }));
    expect(publish().queryByRole('checkbox')).toBeNull();
    const code = publish().getByRole('textbox', { name: 'Embed code' }) as HTMLTextAreaElement;
    expect(code.value).toBe(embedSnippet(story));
    expect(embedSnippet(story, 'https://threadline.example')).toBe(
      '<iframe src="https://threadline.example/embed/stories/story%3Athe-call-abc123" title="The &quot;call&quot; &lt;b&gt;" width="100%" height="640" style="border:0" loading="lazy"></iframe>',
    );
  });
});

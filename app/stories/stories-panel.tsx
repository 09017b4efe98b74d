import { useState } from 'react';
import type { StoryContent } from '../../shared/contract';
import { addStepFromFrame, emptyStory } from '../../shared/story/steps';
import type { CanvasAccess } from '../explore/explore-slots';
import { useCreateStory } from './api/use-create-story';
import { useDeleteStory } from './api/use-delete-story';
import { useStories } from './api/use-stories';
import { useStory } from './api/use-story';
import { StoryEditor } from './story-editor';
import { StoryPresenter } from './story-presenter';
import './stories.css';

interface Props {
  canvas: CanvasAccess;
  canWrite: boolean;
  onClose: () => void;
}

/** The stories: a list to open one from, a new one started from the canvas, the editor, and present mode. */
export function StoriesPanel({ canvas, canWrite, onClose }: Props) {
  const [openId, setOpenId] = useState<string | null>(null);
  const [presenting, setPresenting] = useState<StoryContent | null>(null);
  const stories = useStories();
  const story = useStory(openId);
  const create = useCreateStory();
  const remove = useDeleteStory();
  const [title, setTitle] = useState('');

  const startStory = () => {
    const frame = canvas.controller?.storyFrame(canvas.selectedIds);
    if (!frame || !title.trim()) return;
    create.mutate(addStepFromFrame(emptyStory(title.trim()), { frame }), { onSuccess: (created) => setOpenId(created.id) });
  };

  return (
    <aside className="stories-panel" aria-label="Stories">
      <header className="queries-header">
        <h2>{openId ? 'Story' : 'Stories'}</h2>
        <div className="panel-actions">
          {openId && (
            <button type="button" className="link" onClick={() => setOpenId(null)}>
              ← All stories
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Close stories" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      {openId ? (
        story.data ? (
          <StoryEditor key={`${story.data.id}@${story.data.version}`} story={story.data} canvas={canvas} canWrite={canWrite} onPresent={setPresenting} />
        ) : (
          <p className={story.error ? 'panel-status error' : 'panel-status'}>{story.error ? story.error.message : 'Loading the story…'}</p>
        )
      ) : (
        <>
          {canWrite && (
            <form
              className="story-new"
              onSubmit={(event) => {
                event.preventDefault();
                startStory();
              }}
            >
              <label className="story-field">
                <span>New story from this view</span>
                <input value={title} maxLength={200} placeholder="Title, e.g. The March 13 call" onChange={(e) => setTitle(e.target.value)} />
              </label>
              <button type="submit" className="queries-primary" disabled={!title.trim() || create.isPending}>
                Start
              </button>
              {create.error && <p className="panel-status error">{create.error.message}</p>}
            </form>
          )}
          {(stories.error ?? remove.error) && <p className="panel-status error">{(stories.error ?? remove.error)!.message}</p>}
          {stories.data?.stories.length === 0 && <p className="panel-status">No stories yet.</p>}
          <ul className="story-list">
            {stories.data?.stories.map((s) => (
              <li key={s.id}>
                <button type="button" className="story-open" onClick={() => setOpenId(s.id)}>
                  <strong>{s.title}</strong>
                  <span className="queries-note">
                    {s.stepCount} {s.stepCount === 1 ? 'step' : 'steps'} · version {s.version} by {s.author}
                  </span>
                </button>
                {canWrite && (
                  <button type="button" className="link" aria-label={`Delete ${s.title}`} disabled={remove.isPending} onClick={() => window.confirm(`Delete “${s.title}” and all its versions?`) && remove.mutate(s.id)}>
                    Delete
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {presenting && canvas.controller && <StoryPresenter story={presenting} controller={canvas.controller} onExit={() => setPresenting(null)} />}
    </aside>
  );
}

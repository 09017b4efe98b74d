import { useState } from 'react';
import type { Story, StoryContent } from '../../shared/contract';
import { addStepFromFrame, deleteStep, duplicateStep, editStep, editStory, moveStep, moveStepBy, nextStepId, retakeStep } from '../../shared/story/steps';
import type { CanvasAccess } from '../explore/explore-slots';
import { useSaveStory } from './api/use-save-story';
import { StepExportDialog } from './step-export-dialog';
import { StepForm } from './step-form';
import { StoryHistory } from './story-history';
import { StoryPublish } from './story-publish';
import { StepList } from './step-list';

interface Props {
  story: Story;
  canvas: CanvasAccess;
  canWrite: boolean;
  onPresent: (draft: StoryContent) => void;
}

const contentOf = ({ title, summary, elements, steps, public: isPublic }: StoryContent): StoryContent => ({ title, summary, elements, steps, public: isPublic ?? false });

/** Edits a copy of the story; Save sends it as the version after the one it was opened at. */
export function StoryEditor({ story, canvas, canWrite, onPresent }: Props) {
  const [draft, setDraft] = useState<StoryContent>(() => contentOf(story));
  const [current, setCurrent] = useState<string | null>(story.steps[0]?.id ?? null);
  const save = useSaveStory(story.id);
  const [exporting, setExporting] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(contentOf(story));
  const step = draft.steps.find((s) => s.id === current) ?? null;
  const frame = () => canvas.controller?.storyFrame(canvas.selectedIds);

  const addStep = () => {
    const taken = frame();
    if (!taken) return;
    setDraft(addStepFromFrame(draft, { frame: taken, after: current ?? undefined }));
    setCurrent(nextStepId(draft));
  };
  const select = (id: string) => {
    setCurrent(id);
    const chosen = draft.steps.find((s) => s.id === id);
    if (chosen) canvas.controller?.showStep(chosen);
  };

  return (
    <div className="story-editor">
      <label className="story-field">
        <span>Title</span>
        <input value={draft.title} maxLength={200} readOnly={!canWrite} onChange={(e) => setDraft((d) => editStory(d, { title: e.target.value }))} />
      </label>
      <label className="story-field">
        <span>Summary</span>
        <textarea value={draft.summary} rows={2} maxLength={2000} readOnly={!canWrite} onChange={(e) => setDraft((d) => editStory(d, { summary: e.target.value }))} />
      </label>
      <div className="panel-actions">
        <button type="button" className="queries-primary" disabled={draft.steps.length === 0} onClick={() => onPresent(draft)}>
          Present
        </button>
        <button type="button" className="link" disabled={draft.steps.length === 0} onClick={() => setExporting(true)}>
          Export steps
        </button>
        {canWrite && (
          <>
            <button type="button" className="link" onClick={addStep}>
              Add step from this view
            </button>
            <button type="button" className="link" disabled={!dirty || save.isPending} onClick={() => save.mutate({ ...draft, baseVersion: story.version })}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          </>
        )}
      </div>
      <p className="queries-note" role="status">
        {save.error ? <span className="error">{save.error.message}</span> : `Version ${story.version} by ${story.author}${dirty ? ' · unsaved changes' : ''}`}
      </p>
      {draft.steps.length === 0 ? (
        <p className="panel-status">No steps yet: arrange the canvas, select what matters, and add a step from this view.</p>
      ) : (
        <StepList
          steps={draft.steps}
          current={current}
          onSelect={select}
          onMove={(id, to) => setDraft((d) => moveStep(d, { id, to }))}
          onMoveBy={(id, by) => setDraft((d) => moveStepBy(d, { id, by }))}
          onDuplicate={(id) => setDraft((d) => duplicateStep(d, { id }))}
          onDelete={(id) => setDraft((d) => deleteStep(d, { id }))}
        />
      )}
      {step && canWrite && (
        <StepForm
          key={step.id}
          step={step}
          onEdit={(edit) => setDraft((d) => editStep(d, { id: step.id, edit }))}
          onRetake={() => {
            const taken = frame();
            if (taken) setDraft((d) => retakeStep(d, { id: step.id, frame: taken }));
          }}
        />
      )}
      <StoryPublish story={story} draftPublic={draft.public ?? false} canWrite={canWrite} onPublicChange={(value) => setDraft((d) => editStory(d, { public: value }))} />
      <StoryHistory story={story} canWrite={canWrite} />
      {exporting && <StepExportDialog story={draft} onClose={() => setExporting(false)} />}
    </div>
  );
}

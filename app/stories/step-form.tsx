import type { StoryStep } from '../../shared/contract';
import { CAPTION_MAX_LENGTH } from '../../shared/story/caption';
import type { StepEdit } from '../../shared/story/steps';
import { CaptionView } from './caption-view';

interface Props {
  step: StoryStep;
  onEdit: (edit: StepEdit) => void;
  onRetake: () => void;
}

/** One step's title and caption, with the caption drawn as readers will see it (sanitised) beside the source. */
export function StepForm({ step, onEdit, onRetake }: Props) {
  return (
    <section className="story-step-form" aria-label="Step">
      <label className="story-field">
        <span>Step title</span>
        <input value={step.title} maxLength={200} onChange={(e) => onEdit({ title: e.target.value })} />
      </label>
      <label className="story-field">
        <span>Caption (Markdown: *emphasis*, **strong**, [link](https://…), lists; cite with [^rel:edge-id] or [^evidence:quote-id])</span>
        <textarea value={step.caption} rows={6} maxLength={CAPTION_MAX_LENGTH} onChange={(e) => onEdit({ caption: e.target.value })} />
      </label>
      <div className="panel-actions">
        <button type="button" className="link" onClick={onRetake}>
          Update from this view
        </button>
        <span className="queries-note">{step.highlighted.length} highlighted · {step.camera ? 'own camera' : 'fits the highlight'}</span>
      </div>
      <h3>Preview</h3>
      <div className="story-preview" data-testid="caption-preview">
        <CaptionView source={step.caption} idPrefix={`preview-${step.id}`} />
      </div>
    </section>
  );
}

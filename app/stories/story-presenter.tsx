import { useEffect, useState } from 'react';
import type { StoryContent } from '../../shared/contract';
import type { CanvasController } from '../graph/canvas-controller';
import { useStoryGraph } from './api/use-story-graph';
import { CaptionView } from './caption-view';
import { usePresentationKeys } from './use-presentation-keys';

interface Props {
  story: StoryContent;
  controller: CanvasController;
  onExit: () => void;
}

/**
 * Present mode: the canvas fills the screen with only the story's elements, each step moving the highlight and the
 * camera (animated by the canvas controller); arrows, Page keys, Space or the buttons step, Escape leaves, and the
 * canvas gets back what it held before.
 */
export function StoryPresenter({ story, controller, onExit }: Props) {
  const [index, setIndex] = useState(0);
  const graph = useStoryGraph(story.elements);
  const last = story.steps.length - 1;
  const step = story.steps[index]!;
  const go = (to: number) => setIndex(Math.max(0, Math.min(last, to)));

  useEffect(() => {
    document.body.classList.add('story-presenting');
    document.documentElement.requestFullscreen?.().catch(() => {
      // Full screen may be refused (no user gesture, an iframe): the canvas still fills the window.
    });
    return () => {
      document.body.classList.remove('story-presenting');
      if (document.fullscreenElement) void document.exitFullscreen();
    };
  }, []);

  const ready = graph.data !== undefined;
  useEffect(() => {
    if (!graph.data) return;
    const putBack = controller.presentGraph(graph.data, story.steps.find((s) => s.positions)?.positions ?? {});
    return putBack;
  }, [controller, graph.data, story.steps]);

  useEffect(() => {
    if (ready) controller.showStep(step);
  }, [controller, ready, step]);

  usePresentationKeys({ next: () => go(index + 1), previous: () => go(index - 1), first: () => go(0), last: () => go(last), exit: onExit });

  return (
    <div className="story-present" role="region" aria-label={`Presenting ${story.title}`}>
      <div className="story-present-card">
        <p className="story-present-title">{story.title}</p>
        <h2>{step.title}</h2>
        {graph.error && <p className="panel-status error">Could not load the story's graph: {graph.error.message}</p>}
        <CaptionView source={step.caption} idPrefix={`present-${step.id}`} />
      </div>
      <footer className="story-present-footer">
        <div className="story-present-controls">
          <button type="button" className="link" disabled={index === 0} onClick={() => go(index - 1)}>
            ← Previous
          </button>
          <span className="story-progress" aria-live="polite" aria-label={`Step ${index + 1} of ${story.steps.length}`}>
            {index + 1} / {story.steps.length}
          </span>
          <button type="button" className="link" disabled={index === last} onClick={() => go(index + 1)}>
            Next →
          </button>
          <button type="button" className="link story-leave" onClick={onExit}>
            Leave (Esc)
          </button>
        </div>
        <div className="story-progress-bar" aria-hidden="true">
          <span style={{ width: `${((index + 1) / story.steps.length) * 100}%` }} />
        </div>
      </footer>
    </div>
  );
}

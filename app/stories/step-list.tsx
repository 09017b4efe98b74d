import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { StoryStep } from '../../shared/contract';

interface Props {
  steps: StoryStep[];
  current: string | null;
  onSelect: (id: string) => void;
  /** To a position (a drop). */
  onMove: (id: string, to: number) => void;
  /** One place up (-1) or down (+1) (the keyboard). */
  onMoveBy: (id: string, by: number) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
}

/**
 * The steps in order: drag one onto another to move it there, or focus one and press Alt+↑/↓ (the move is
 * announced, and focus stays on the moved step).
 */
export function StepList({ steps, current, onSelect, onMove, onMoveBy, onDuplicate, onDelete }: Props) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const announce = (step: StoryStep, to: number) => setAnnouncement(`${step.title || 'Untitled step'} moved to position ${to + 1} of ${steps.length}`);
  const onKeyDown = (event: KeyboardEvent, step: StoryStep, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const by = event.key === 'ArrowUp' ? -1 : 1;
    if (index + by < 0 || index + by >= steps.length) return;
    onMoveBy(step.id, by);
    announce(step, index + by);
  };
  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    const step = steps.find((s) => s.id === dragged);
    if (step && step !== steps[index]) {
      onMove(step.id, index);
      announce(step, index);
    }
    setDragged(null);
  };

  return (
    <>
      <p id="story-steps-hint" className="queries-note">
        Drag a step, or focus it and press Alt+↑ / Alt+↓, to change the order.
      </p>
      <ol className="story-steps" aria-label="Steps">
        {steps.map((step, index) => (
          <li
            key={step.id}
            className={`story-step${step.id === current ? ' current' : ''}${step.id === dragged ? ' dragging' : ''}`}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', step.id);
              setDragged(step.id);
            }}
            onDragEnd={() => setDragged(null)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, index)}
          >
            <span className="story-step-grip" aria-hidden="true">
              ⋮⋮
            </span>
            <button
              type="button"
              className="story-step-title"
              aria-current={step.id === current ? 'step' : undefined}
              aria-describedby="story-steps-hint"
              onClick={() => onSelect(step.id)}
              onKeyDown={(event) => onKeyDown(event, step, index)}
            >
              <span className="story-step-number">{index + 1}</span> {step.title || 'Untitled step'}
            </button>
            <button type="button" className="link" aria-label={`Duplicate ${step.title}`} onClick={() => onDuplicate(step.id)}>
              Duplicate
            </button>
            <button type="button" className="link" aria-label={`Delete ${step.title}`} onClick={() => onDelete(step.id)}>
              Delete
            </button>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

/**
 * The story being edited, changed only by these producers: each `(story, args) => story`, pure, returning the same
 * object when nothing changes (so React skips a render). New steps get the first free `step-N` id, so no producer
 * needs randomness or a clock.
 */
import type { StoryCamera, StoryContent, StoryStep } from '../contract/stories.js';

/** What the canvas shows when a step is taken from it (app/graph's controller produces this). */
export interface CanvasFrame {
  /** Every node and edge drawn: the story covers them from then on. */
  nodes: string[];
  edges: string[];
  highlighted: string[];
  camera: StoryCamera | null;
  positions: Record<string, { x: number; y: number }> | null;
}

export type StepEdit = Partial<Pick<StoryStep, 'title' | 'caption' | 'highlighted' | 'camera' | 'positions'>>;

export function emptyStory(title: string): StoryContent {
  return { title, summary: '', elements: { nodes: [], edges: [] }, steps: [] };
}

export function nextStepId(story: StoryContent): string {
  const used = new Set(story.steps.map((s) => s.id));
  let n = story.steps.length + 1;
  while (used.has(`step-${n}`)) n += 1;
  return `step-${n}`;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The story's elements grown by what the frame shows. */
const covering = (story: StoryContent, frame: CanvasFrame) => ({ nodes: union(story.elements.nodes, frame.nodes), edges: union(story.elements.edges, frame.edges) });

/** Adds a step made from the canvas after the step `after` (at the end without one, or when there is no such step). */
export function addStepFromFrame(story: StoryContent, { frame, title, after }: { frame: CanvasFrame; title?: string; after?: string }): StoryContent {
  const step: StoryStep = {
    id: nextStepId(story),
    title: title ?? `Step ${story.steps.length + 1}`,
    caption: '',
    highlighted: [...frame.highlighted],
    camera: frame.camera,
    positions: frame.positions,
  };
  const afterIndex = story.steps.findIndex((s) => s.id === after);
  const steps = [...story.steps];
  steps.splice(afterIndex < 0 ? steps.length : afterIndex + 1, 0, step);
  return { ...story, elements: covering(story, frame), steps };
}

/** Moves a step to `to` (clamped to the list), the others keeping their order. */
export function moveStep(story: StoryContent, { id, to }: { id: string; to: number }): StoryContent {
  const from = story.steps.findIndex((s) => s.id === id);
  const target = Math.max(0, Math.min(story.steps.length - 1, to));
  if (from < 0 || from === target) return story;
  const steps = [...story.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(target, 0, step!);
  return { ...story, steps };
}

/** One place up (-1) or down (+1): the keyboard's move. */
export function moveStepBy(story: StoryContent, { id, by }: { id: string; by: number }): StoryContent {
  const from = story.steps.findIndex((s) => s.id === id);
  return from < 0 ? story : moveStep(story, { id, to: from + by });
}

/** A copy right after the step, with a fresh id. */
export function duplicateStep(story: StoryContent, { id }: { id: string }): StoryContent {
  const index = story.steps.findIndex((s) => s.id === id);
  if (index < 0) return story;
  const original = story.steps[index]!;
  const copy: StoryStep = { ...original, id: nextStepId(story), title: `${original.title} (copy)`, highlighted: [...original.highlighted] };
  return { ...story, steps: [...story.steps.slice(0, index + 1), copy, ...story.steps.slice(index + 1)] };
}

export function deleteStep(story: StoryContent, { id }: { id: string }): StoryContent {
  const steps = story.steps.filter((s) => s.id !== id);
  return steps.length === story.steps.length ? story : { ...story, steps };
}

export function editStep(story: StoryContent, { id, edit }: { id: string; edit: StepEdit }): StoryContent {
  const index = story.steps.findIndex((s) => s.id === id);
  if (index < 0) return story;
  const steps = [...story.steps];
  steps[index] = { ...steps[index]!, ...edit };
  return { ...story, steps };
}

/** Takes a step's highlight, camera and positions from the canvas again, keeping its title and caption. */
export function retakeStep(story: StoryContent, { id, frame }: { id: string; frame: CanvasFrame }): StoryContent {
  const edited = editStep(story, { id, edit: { highlighted: [...frame.highlighted], camera: frame.camera, positions: frame.positions } });
  return edited === story ? story : { ...edited, elements: covering(story, frame) };
}

export function editStory(story: StoryContent, edit: Partial<Pick<StoryContent, 'title' | 'summary' | 'public'>>): StoryContent {
  return { ...story, ...edit };
}

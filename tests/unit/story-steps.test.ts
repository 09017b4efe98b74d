import { describe, expect, it } from 'vitest';
import { addStepFromFrame, deleteStep, duplicateStep, editStep, emptyStory, moveStep, moveStepBy, nextStepId, retakeStep, type CanvasFrame } from '../../shared/story/steps.js';

const frame = (highlighted: string[], nodes = ['person:marco-rubio', 'person:nayib-bukele'], edges = ['rel:rubio-called-bukele']): CanvasFrame => ({
  nodes,
  edges,
  highlighted,
  camera: { zoom: 1.2, center: { x: 10, y: -5 }, viewport: { width: 800, height: 600 } },
  positions: { 'person:marco-rubio': { x: 0, y: 0 } },
});

const threeSteps = () =>
  [frame(['person:marco-rubio']), frame(['person:nayib-bukele']), frame(['rel:rubio-called-bukele'])].reduce(
    (story, f) => addStepFromFrame(story, { frame: f }),
    emptyStory('The call'),
  );
const order = (story: ReturnType<typeof threeSteps>) => story.steps.map((s) => s.id);

describe('story steps', () => {
  it('adds steps from the canvas with fresh ids, the frame’s highlight, camera and positions, and covers its elements', () => {
    const story = addStepFromFrame(threeSteps(), { frame: frame(['place:el-salvador'], ['place:el-salvador'], []), title: 'Where', after: 'step-1' });
    expect(order(story)).toEqual(['step-1', 'step-4', 'step-2', 'step-3']);
    expect(story.steps[1]).toEqual({
      id: 'step-4',
      title: 'Where',
      caption: '',
      highlighted: ['place:el-salvador'],
      camera: { zoom: 1.2, center: { x: 10, y: -5 }, viewport: { width: 800, height: 600 } },
      positions: { 'person:marco-rubio': { x: 0, y: 0 } },
    });
    expect(story.steps[0]!.title).toBe('Step 1');
    expect(story.elements).toEqual({ nodes: ['person:marco-rubio', 'person:nayib-bukele', 'place:el-salvador'], edges: ['rel:rubio-called-bukele'] });
    expect(order(addStepFromFrame(threeSteps(), { frame: frame([]), after: 'step-9' })).at(-1)).toBe('step-4');
  });

  it('moves a step to an index, clamped, and by one place, leaving the others in order', () => {
    const story = threeSteps();
    expect(order(moveStep(story, { id: 'step-3', to: 0 }))).toEqual(['step-3', 'step-1', 'step-2']);
    expect(order(moveStep(story, { id: 'step-1', to: 99 }))).toEqual(['step-2', 'step-3', 'step-1']);
    expect(order(moveStepBy(story, { id: 'step-2', by: -1 }))).toEqual(['step-2', 'step-1', 'step-3']);
    expect(order(moveStepBy(story, { id: 'step-2', by: 1 }))).toEqual(['step-1', 'step-3', 'step-2']);
    // Nothing to do: the same object back.
    expect(moveStepBy(story, { id: 'step-1', by: -1 })).toBe(story);
    expect(moveStep(story, { id: 'step-7', to: 0 })).toBe(story);
  });

  it('duplicates right after the original with a new id, deletes and edits one step, without touching the input', () => {
    const story = threeSteps();
    const copied = duplicateStep(story, { id: 'step-1' });
    expect(order(copied)).toEqual(['step-1', 'step-4', 'step-2', 'step-3']);
    expect(copied.steps[1]).toMatchObject({ title: 'Step 1 (copy)', highlighted: ['person:marco-rubio'] });
    expect(nextStepId(deleteStep(copied, { id: 'step-2' }))).toBe('step-5');
    expect(order(deleteStep(story, { id: 'step-2' }))).toEqual(['step-1', 'step-3']);
    const edited = editStep(story, { id: 'step-2', edit: { caption: 'Bukele *demanded*' } });
    expect(edited.steps[1]!.caption).toBe('Bukele *demanded*');
    expect(story.steps[1]!.caption).toBe('');
    expect(order(story)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(deleteStep(story, { id: 'nope' })).toBe(story);
  });
});

describe('retaking a step from the canvas', () => {
  it('replaces its highlight, camera and positions, keeps its words, and covers what the canvas shows', () => {
    const story = editStep(threeSteps(), { id: 'step-2', edit: { caption: 'kept' } });
    const retaken = retakeStep(story, { id: 'step-2', frame: { ...frame(['place:el-salvador'], ['place:el-salvador'], []), camera: null, positions: null } });
    expect(retaken.steps[1]).toMatchObject({ id: 'step-2', caption: 'kept', highlighted: ['place:el-salvador'], camera: null, positions: null });
    expect(retaken.elements.nodes).toContain('place:el-salvador');
    expect(retakeStep(story, { id: 'step-9', frame: frame([]) })).toBe(story);
  });
});

/**
 * Every step of a story as print pictures (PNG and/or SVG), in one zip: drawn one step at a time in the browser
 * from the story's graph, so the caller can show progress and stop between steps.
 */
import type { Zippable } from 'fflate';
import type { Graph, StoryContent, StoryStep } from '../../shared/contract';
import { slug } from '../../shared/contract/export-filename';
import { captionLines, sourceLine, stepLegend, type PrintSource } from '../../shared/story/step-print';
import { canvasMeasure, rasterise } from '../graph/raster';
import { STEP_FIGURE_WIDTH, STEP_PICTURE_ASPECT, stepFigureSvg } from '../graph/step-figure';
import { storyStage } from '../graph/step-scene';

export const PRINT_DPI = 300;

export interface StepImageOptions {
  /** The PNG's width in pixels (at 300 dpi: 2,400 px is 8 inches). */
  width: number;
  png: boolean;
  svg: boolean;
}

export interface StepImageWork {
  sourcesOf: (step: StoryStep) => Promise<PrintSource[]>;
  /** Told before each step is drawn. */
  onStep: (index: number) => void;
  signal: AbortSignal;
}

/** Lets the page paint the progress between two steps. */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/** `01-the-secretary-of-state`: in step order when listed by name. */
const fileStem = (step: StoryStep, index: number) => `${String(index + 1).padStart(2, '0')}-${slug(step.title) || 'step'}`;

export async function stepImagesZip(story: StoryContent, graph: Graph, options: StepImageOptions, work: StepImageWork): Promise<Blob> {
  const measure = canvasMeasure();
  const count = story.steps.length;
  const stage = storyStage(graph, story.steps, STEP_PICTURE_ASPECT);
  const files: Zippable = {};
  try {
    for (const [index, step] of story.steps.entries()) {
      work.signal.throwIfAborted();
      work.onStep(index);
      await breathe();
      const sources = await work.sourcesOf(step);
      work.signal.throwIfAborted();
      const { scene, shown } = stage.scene(index, measure);
      const svg = stepFigureSvg(
        scene,
        { heading: `${story.title} · Step ${index + 1} of ${count}`, title: step.title, caption: captionLines(step.caption), legend: stepLegend(shown, step.highlighted.length > 0), sources: sources.map(sourceLine) },
        measure,
      );
      const stem = fileStem(step, index);
      if (options.svg) files[`${stem}.svg`] = new TextEncoder().encode(svg);
      // PNG is compressed already: stored as it is.
      if (options.png) files[`${stem}.png`] = [new Uint8Array(await (await rasterise(svg, options.width / STEP_FIGURE_WIDTH, PRINT_DPI)).arrayBuffer()), { level: 0 }];
    }
  } finally {
    stage.destroy();
  }
  // The zip library is fetched when a story is first exported, not with the page (bench: initial JavaScript).
  const { zipSync } = await import('fflate');
  return new Blob([zipSync(files)], { type: 'application/zip' });
}

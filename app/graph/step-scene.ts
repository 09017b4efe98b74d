/**
 * A story step as a still picture: the story's graph in an offscreen Cytoscape, each step put there as present
 * mode shows it (its positions, highlight and faded rest), then read into a Scene cut to the step's camera.
 */
import type { Core } from 'cytoscape';
import type { Graph, StoryStep } from '../../shared/contract';
import { carriedPositions } from '../../shared/story/step-print';
import { ringPositions } from './canvas-controller';
import { offscreenCy } from './offscreen-copy';
import { sceneOf, type Measure, type Scene } from './scene';
import { edgeData, nodeData } from './sync-elements';

type Box = Scene['bounds'];

/** What the picture shows, for its legend: the kinds of its nodes and the confidences of its edges. */
export interface Shown {
  kinds: string[];
  confidences: (string | undefined)[];
}

export interface StepScene {
  /** `bounds` is the part of the graph the step's camera looks at, widened to the picture's proportions. */
  scene: Scene;
  shown: Shown;
}

/** Room around the highlight when a step has no camera of its own, in graph units. */
const FIT_PADDING = 60;

/** `box` grown about its centre to `aspect` (width / height). */
function widenTo(box: Box, aspect: number): Box {
  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2;
  const width = Math.max(box.x2 - box.x1, (box.y2 - box.y1) * aspect, 1);
  const height = width / aspect;
  return { x1: cx - width / 2, y1: cy - height / 2, x2: cx + width / 2, y2: cy + height / 2 };
}

function cameraBox(cy: Core, step: StoryStep): Box {
  if (step.camera) {
    const { zoom, center, viewport } = step.camera;
    return { x1: center.x - viewport.width / 2 / zoom, y1: center.y - viewport.height / 2 / zoom, x2: center.x + viewport.width / 2 / zoom, y2: center.y + viewport.height / 2 / zoom };
  }
  const marked = cy.$('.highlighted');
  const bb = (marked.nonempty() ? marked.union(marked.connectedNodes()) : cy.elements()).boundingBox({});
  return { x1: bb.x1 - FIT_PADDING, y1: bb.y1 - FIT_PADDING, x2: bb.x2 + FIT_PADDING, y2: bb.y2 + FIT_PADDING };
}

const inside = (box: Box, { x, y }: { x: number; y: number }) => x >= box.x1 && x <= box.x2 && y >= box.y1 && y <= box.y2;

/**
 * The story's steps, one picture at a time (so a long export can report progress and stop between steps).
 * Nodes no step places are set in a ring. Call `destroy` when done.
 */
export function storyStage(graph: Graph, steps: readonly StoryStep[], aspect: number) {
  const positions = carriedPositions(steps);
  const first = positions.find((p) => Object.keys(p).length > 0) ?? {};
  const ring = ringPositions({ x: 0, y: 0 }, graph.nodes.length);
  const cy = offscreenCy([
    ...graph.nodes.map((node, i) => ({ group: 'nodes' as const, data: nodeData(node), position: first[node.id] ?? ring[i]! })),
    ...graph.edges.map((edge) => ({ group: 'edges' as const, data: edgeData(edge) })),
  ]);
  return {
    scene(index: number, measure: Measure): StepScene {
      const step = steps[index]!;
      const marked = cy.collection();
      for (const id of step.highlighted) marked.merge(cy.getElementById(id));
      cy.batch(() => {
        for (const [id, position] of Object.entries(positions[index]!)) cy.getElementById(id).position(position);
        cy.elements().removeClass('highlighted faded');
        if (marked.empty()) return;
        marked.addClass('highlighted');
        cy.elements().difference(marked).addClass('faded');
      });
      const box = widenTo(cameraBox(cy, step), aspect);
      const nodes = cy.nodes().filter((n) => inside(box, n.position()));
      const edges = cy.edges().filter((e) => inside(box, e.midpoint()) || (inside(box, e.source().position()) && inside(box, e.target().position())));
      return {
        scene: sceneOf(cy, measure, box),
        shown: { kinds: nodes.map((n) => String(n.data('kind'))), confidences: edges.map((e) => e.data('confidence') as string | undefined) },
      };
    },
    destroy: () => cy.destroy(),
  };
}

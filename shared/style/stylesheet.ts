import type { StylesheetJson } from 'cytoscape';
import { CONFIDENCE_LINES, HIGHLIGHT_COLOR, KIND_STYLES } from './palette.js';

/** A node name's geometry at zoom 1; app/graph/label-fit.ts scales it when the view is zoomed out. */
export const NODE_LABEL = { fontSize: 11, maxWidth: 100, marginY: 4 } as const;
/** A community's name (app/graph/communities), bold; its layout keeps room for it below the disc. */
export const COMMUNITY_LABEL = { fontSize: 13, maxWidth: 160, marginY: 4 } as const;
/** Nodes whose name has no room in the current view (app/graph/label-fit.ts). */
export const HIDDEN_LABEL_CLASS = 'label-hidden';

/** How long a story step takes to move, fade and frame; `prefers-reduced-motion` makes it instant. */
export const STEP_TRANSITION_MS = 600;
export const STEP_TRANSITION_CLASS = 'step-transition';
/** What a step's highlight changes: the style properties that fade. */
export const STEP_TRANSITION_PROPERTIES = 'opacity border-color border-width line-color target-arrow-color width';

/**
 * A large view's communities (app/graph/communities): one node each, sized by member count and named after the
 * best-connected member; one edge per connected pair, as wide as the relationships it stands for are many.
 */
const COMMUNITY_RULES: StylesheetJson = [
  {
    selector: 'node[kind = "community"]',
    style: {
      width: 'data(diameter)',
      height: 'data(diameter)',
      'background-color': '#cbd5e1',
      'border-color': '#64748b',
      'border-width': 2,
      'font-size': COMMUNITY_LABEL.fontSize,
      'font-weight': 'bold',
      'text-max-width': `${COMMUNITY_LABEL.maxWidth}px`,
      'min-zoomed-font-size': 4,
    },
  },
  { selector: 'edge[type = "aggregate"]', style: { width: 'data(width)', 'target-arrow-shape': 'none', 'curve-style': 'straight', opacity: 0.6, 'font-size': 9 } },
];

export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': NODE_LABEL.fontSize,
      'font-family': 'Inter, system-ui, sans-serif',
      color: '#1e293b',
      'text-valign': 'bottom',
      'text-margin-y': NODE_LABEL.marginY,
      'text-wrap': 'wrap',
      'text-max-width': `${NODE_LABEL.maxWidth}px`,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'background-color': '#64748b',
      width: 26,
      height: 26,
      'border-width': 2,
      'border-color': '#ffffff',
      'min-zoomed-font-size': 5,
    },
  },
  ...Object.entries(KIND_STYLES).map(([kind, style]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': style.color, shape: style.shape },
  })),
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 10,
      color: '#475569',
      'text-rotation': 'autorotate',
      'text-background-color': '#f8fafc',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
      // Edge labels appear from 110% zoom, when they are 11 px on screen: at overview scale they are noise.
      'min-zoomed-font-size': 11,
    },
  },
  ...COMMUNITY_RULES,
  ...Object.entries(CONFIDENCE_LINES).map(([confidence, line]) => ({ selector: `edge[confidence = "${confidence}"]`, style: { 'line-style': line } })),
  { selector: 'node.sized[kind != "community"]', style: { width: 'data(size)', height: 'data(size)' } },
  { selector: 'node.pinned', style: { 'border-color': '#0f172a', 'border-style': 'double', 'border-width': 4 } },
  { selector: 'node:selected', style: { 'border-color': '#f59e0b', 'border-width': 4 } },
  { selector: 'edge:selected, edge.highlighted', style: { 'min-zoomed-font-size': 0 } },
  { selector: 'edge:selected', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 3 } },
  { selector: 'node.highlighted', style: { 'border-color': HIGHLIGHT_COLOR, 'border-width': 5, 'z-index': 10 } },
  { selector: 'edge.highlighted', style: { 'line-color': HIGHLIGHT_COLOR, 'target-arrow-color': HIGHLIGHT_COLOR, width: 4, 'z-index': 10 } },
  // Names that would overlap a better-connected node's name (app/graph/label-fit.ts); still measured, not drawn.
  { selector: `node.${HIDDEN_LABEL_CLASS}`, style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
  { selector: '.faded', style: { opacity: 0.18 } },
  { selector: '.hidden, .filtered', style: { display: 'none' } },
  // Between story steps the highlight fades in and out rather than switching (app/graph/story-frame.ts, the viewer).
  {
    selector: `.${STEP_TRANSITION_CLASS}`,
    style: { 'transition-property': STEP_TRANSITION_PROPERTIES.replace(/ /g, ', '), 'transition-duration': STEP_TRANSITION_MS, 'transition-timing-function': 'ease-in-out-cubic' },
  },
];

/**
 * Level of detail for large views (level-of-detail.ts): edges lose labels, arrows and curves (haystack lines are
 * the cheapest to draw), nodes lose borders and label backgrounds, and names appear only when zoomed in enough to
 * read them. Selected and highlighted edges keep their label and arrow.
 */
const LARGE_VIEW_RULES: StylesheetJson = [
  { selector: 'node', style: { 'min-zoomed-font-size': 16, 'border-width': 0, 'text-background-opacity': 0, width: 18, height: 18 } },
  { selector: 'edge', style: { label: '', 'target-arrow-shape': 'none', 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, opacity: 0.55 } },
  { selector: 'edge:selected, edge.highlighted', style: { label: 'data(label)', 'curve-style': 'straight', 'target-arrow-shape': 'triangle', opacity: 1 } },
];

/** The rules for selection, highlight, fading, hiding, pinning and sizing: they must win over the large-view rules. */
const isStateRule = (rule: StylesheetJson[number]) => 'selector' in rule && /:selected|\.(highlighted|faded|hidden|filtered|pinned|sized)\b/.test(rule.selector);

export const largeViewStylesheet: StylesheetJson = [...stylesheet, ...LARGE_VIEW_RULES, ...COMMUNITY_RULES, ...stylesheet.filter(isStateRule)];

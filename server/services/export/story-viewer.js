/* global cytoscape */
// The script of a published story (inlined by story-html.ts after Cytoscape): it draws the story's graph from the
// JSON in #threadline-story, moves between steps (keys, clicks, buttons) with the highlight, positions and camera
// animated, and draws each step's picture into the text reading for print. Text is only ever moved as DOM nodes the
// server escaped, or set with textContent.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('threadline-story').textContent);
  const sections = Array.prototype.slice.call(document.querySelectorAll('#reading .step'));
  const panel = document.getElementById('current');
  const progress = document.getElementById('progress');
  const prev = document.getElementById('prev');
  const next = document.getElementById('next');
  const still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // The highlight fades by the stylesheet's transition class (shared/style/stylesheet.ts), the camera by cy.animate.
  const FADE = data.transition;
  const DURATION = still ? 0 : FADE.duration;
  const EASING = 'ease-in-out-cubic';

  const cy = cytoscape({
    container: document.getElementById('graph'),
    elements: data.elements,
    style: data.style,
    layout: data.positioned ? { name: 'preset' } : { name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: 60, numIter: 2500 },
    autoungrabify: true,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
  });
  window.threadlineCy = cy;

  // The camera keeps the view size it was framed in: the same part of the graph, scaled (app/graph/story-frame.ts).
  function viewportFor(camera, width, height) {
    const zoom = camera.zoom * Math.min(width / camera.viewport.width, height / camera.viewport.height);
    return { zoom: zoom, pan: { x: width / 2 - camera.center.x * zoom, y: height / 2 - camera.center.y * zoom } };
  }

  // Framing the highlight where the step puts it (nodes may still be on their way), never closer than a set zoom:
  // one highlighted node should not fill the screen.
  const FIT_PADDING = 80;
  const MAX_FIT_ZOOM = 1.5;
  function fitViewport(eles, positions) {
    const nodes = eles.nodes().union(eles.edges().connectedNodes());
    const points = (nodes.nonempty() ? nodes : cy.nodes()).map(function (node) {
      return positions[node.id()] || node.position();
    });
    if (points.length === 0) return { zoom: 1, pan: { x: cy.width() / 2, y: cy.height() / 2 } };
    const xs = points.map(function (p) { return p.x; });
    const ys = points.map(function (p) { return p.y; });
    const box = { x1: Math.min.apply(null, xs), x2: Math.max.apply(null, xs), y1: Math.min.apply(null, ys), y2: Math.max.apply(null, ys) };
    const zoom = Math.min(MAX_FIT_ZOOM, (cy.width() - 2 * FIT_PADDING) / Math.max(box.x2 - box.x1, 1), (cy.height() - 2 * FIT_PADDING) / Math.max(box.y2 - box.y1, 1));
    return { zoom: zoom, pan: { x: cy.width() / 2 - ((box.x1 + box.x2) / 2) * zoom, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * zoom } };
  }

  function frame(step, duration) {
    cy.stop(true);
    // A fade cut short leaves its in-between value as a style bypass: dropped, so the next fade starts from the class.
    cy.elements().stop(true).removeStyle(FADE.properties);
    const marked = cy.collection();
    step.highlighted.forEach(function (id) {
      marked.merge(cy.getElementById(id));
    });
    cy.batch(function () {
      cy.elements().toggleClass(FADE.className, duration > 0);
      cy.elements().removeClass('highlighted faded');
      if (marked.empty()) return;
      marked.addClass('highlighted');
      cy.elements().difference(marked).addClass('faded');
    });
    Object.keys(step.positions).forEach(function (id) {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      if (duration) node.animate({ position: step.positions[id] }, { duration: duration, easing: EASING });
      else node.position(step.positions[id]);
    });
    const camera = step.camera ? viewportFor(step.camera, cy.width(), cy.height()) : fitViewport(marked, step.positions);
    if (duration) cy.animate(camera, { duration: duration, easing: EASING });
    else cy.viewport(camera);
  }

  // Each step's picture for the text reading (and print), drawn once at load from the stage as the step shows it,
  // at least 1,748 pixels wide: 300 dpi across an A5 page.
  const PRINT_WIDTH = 1748;
  data.steps.forEach(function (step, i) {
    frame(step, 0);
    const image = sections[i] && sections[i].querySelector('.picture img');
    if (image) image.src = cy.png({ output: 'base64uri', full: false, scale: Math.max(2, PRINT_WIDTH / Math.max(cy.width(), 1)), bg: '#ffffff' });
  });

  let current = -1;
  function go(index) {
    const target = Math.max(0, Math.min(data.steps.length - 1, index));
    if (target === current || data.steps.length === 0) return;
    frame(data.steps[target], current < 0 ? 0 : DURATION);
    current = target;
    panel.replaceChildren();
    sections[target].querySelectorAll('h2, .caption, .footnotes').forEach(function (part) {
      const copy = part.cloneNode(true);
      copy.removeAttribute('id');
      copy.querySelectorAll('[id]').forEach(function (el) {
        el.removeAttribute('id');
      });
      panel.appendChild(copy);
    });
    progress.textContent = 'Step ' + (target + 1) + ' of ' + data.steps.length;
    prev.disabled = target === 0;
    next.disabled = target === data.steps.length - 1;
    document.body.setAttribute('data-step', String(target + 1));
  }

  const KEYS = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ' ': 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest('#reading')) return;
    if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(data.steps.length - 1);
    else if (KEYS[event.key]) go(current + KEYS[event.key]);
    else return;
    event.preventDefault();
  });
  prev.addEventListener('click', function () {
    go(current - 1);
  });
  next.addEventListener('click', function () {
    go(current + 1);
  });
  cy.on('tap', function (event) {
    if (event.target === cy) go(current + 1);
  });
  if (data.steps.length === 0) {
    progress.textContent = 'This story has no steps yet.';
    prev.disabled = next.disabled = true;
  }
  go(0);
})();

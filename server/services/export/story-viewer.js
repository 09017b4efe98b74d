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
  const DURATION = still ? 0 : 600;
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

  function frame(step, duration) {
    cy.stop(true);
    cy.nodes().stop(true);
    const marked = cy.collection();
    step.highlighted.forEach(function (id) {
      marked.merge(cy.getElementById(id));
    });
    cy.batch(function () {
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
    const camera = step.camera ? viewportFor(step.camera, cy.width(), cy.height()) : null;
    const framed = marked.nonempty() ? marked : cy.elements();
    if (!duration) {
      if (camera) cy.viewport(camera);
      else cy.fit(framed, 60);
    } else if (camera) cy.animate(camera, { duration: duration, easing: EASING });
    else cy.animate({ fit: { eles: framed, padding: 60 } }, { duration: duration, easing: EASING });
  }

  // Each step's picture for the text reading (and print), drawn once at load from the stage as the step shows it.
  data.steps.forEach(function (step, i) {
    frame(step, 0);
    const image = sections[i] && sections[i].querySelector('.picture img');
    if (image) image.src = cy.png({ output: 'base64uri', full: false, scale: 2, bg: '#ffffff' });
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

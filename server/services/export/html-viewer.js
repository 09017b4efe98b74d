/* global cytoscape */
// The script of Threadline's self-contained HTML export (inlined by html.ts after Cytoscape): it draws the graph
// from the JSON in #threadline-data and shows an element's evidence on click. All text goes in via textContent.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('threadline-data').textContent);
  const panel = document.getElementById('details');

  const cy = cytoscape({
    container: document.getElementById('graph'),
    elements: data.elements,
    style: data.style,
    layout: data.positioned ? { name: 'preset', fit: true, padding: 40 } : { name: 'cose', animate: false, fit: true, padding: 40, randomize: false, nodeDimensionsIncludeLabels: true, nodeRepulsion: 60000, nodeOverlap: 20, idealEdgeLength: 60, gravity: 1, numIter: 2500, componentSpacing: 60 },
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
  });
  window.threadlineCy = cy;

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  const sourcesById = {};
  data.sources.forEach(function (s) {
    sourcesById[s.id] = s;
  });

  function evidenceItem(id) {
    const e = data.evidence[id];
    if (!e) return null;
    const item = el('li', 'evidence');
    item.appendChild(el('blockquote', null, e.quote));
    const source = sourcesById[e.sourceId];
    const cite = el('p', 'cite');
    cite.appendChild(el('span', 'attribution', e.attribution));
    cite.appendChild(el('span', 'confidence confidence-' + e.confidence, e.confidence.replace('-', ' ')));
    if (source) cite.appendChild(el('span', 'source', source.name + (source.publisher ? ' (' + source.publisher + ')' : '')));
    item.appendChild(cite);
    return item;
  }

  function show(id) {
    const detail = data.details[id];
    if (!detail) return;
    panel.replaceChildren();
    panel.appendChild(el('p', 'kind', detail.kind));
    panel.appendChild(el('h2', null, detail.title));
    if (detail.properties.length) {
      const list = el('dl', 'properties');
      detail.properties.forEach(function (pair) {
        list.appendChild(el('dt', null, pair[0]));
        list.appendChild(el('dd', null, pair[1]));
      });
      panel.appendChild(list);
    }
    panel.appendChild(el('h3', null, detail.evidence.length ? 'Evidence' : 'No evidence recorded'));
    const quotes = el('ul', 'evidence-list');
    detail.evidence.forEach(function (evidenceId) {
      const item = evidenceItem(evidenceId);
      if (item) quotes.appendChild(item);
    });
    panel.appendChild(quotes);
    panel.appendChild(sourcesSection());
  }

  function sourcesSection() {
    const section = el('section', 'sources');
    section.appendChild(el('h3', null, 'Sources'));
    const list = el('ol');
    data.sources.forEach(function (s) {
      const item = el('li');
      item.appendChild(el('strong', null, s.name));
      if (s.publisher) item.appendChild(el('span', 'publisher', ' — ' + s.publisher));
      if (s.url) {
        const link = el('a', null, s.url);
        link.href = s.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        item.appendChild(el('br'));
        item.appendChild(link);
      }
      if (s.text) {
        const text = el('details');
        text.appendChild(el('summary', null, 'Full text'));
        text.appendChild(el('p', 'source-text', s.text));
        item.appendChild(text);
      }
      list.appendChild(item);
    });
    section.appendChild(list);
    return section;
  }

  function reset() {
    panel.replaceChildren();
    panel.appendChild(el('p', 'hint', 'Click a node or a relationship to read the evidence behind it.'));
    panel.appendChild(sourcesSection());
  }

  cy.on('tap', 'node, edge', function (event) {
    show(event.target.id());
  });
  cy.on('tap', function (event) {
    if (event.target === cy) reset();
  });
  document.getElementById('fit').addEventListener('click', function () {
    cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 200 });
  });
  reset();
})();

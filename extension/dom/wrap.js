// Wrapper mode: marks as elements around the marked text, for screen-reader users and
// for browsers without the CSS Custom Highlight API. Unlike highlights this changes the
// page's DOM (text nodes are split and wrapped), so it is a setting, off by default;
// the text itself is never changed, and unwrapping puts every piece back in place.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  /**
   * Wraps the marked parts of Text `node`. `marks` are `{ start, end, name, label }` in
   * UTF-16 offsets of the node, `name` the highlight name (highlights.css styles the
   * wrapper through `data-newslens-mark`), `label` what the mark is. Where marks overlap,
   * the piece is wrapped once, styled as the first mark covering it and described by all.
   * Returns `[{ element, text, marks }]`: each wrapper, its Text node and its marks.
   */
  function wrapText(doc, node, marks, makeHost) {
    const cuts = [...new Set(marks.flatMap((m) => [m.start, m.end]))].filter((c) => c > 0 && c < node.length).sort((a, b) => a - b);
    // Split from the end so earlier offsets stay valid; `pieces[i]` starts at `starts[i]`.
    const pieces = [node];
    const starts = [0];
    for (const cut of cuts.reverse()) {
      pieces.splice(1, 0, node.splitText(cut));
      starts.splice(1, 0, cut);
    }
    const out = [];
    pieces.forEach((piece, i) => {
      const start = starts[i];
      const covering = marks.filter((m) => m.start <= start && start < m.end);
      if (!covering.length || !piece.length) return;
      const element = makeHost(doc, 'mark');
      element.setAttribute('data-newslens-mark', covering[0].name);
      element.setAttribute('role', 'mark');
      // A description, not an aria-label: a label would replace the words themselves.
      element.setAttribute('aria-description', `newslens: ${[...new Set(covering.map((m) => m.label))].join('; ')}`);
      piece.parentNode.insertBefore(element, piece);
      element.appendChild(piece);
      out.push({ element, text: piece, marks: covering });
    });
    return out;
  }

  /** Puts a wrapper's text back where the wrapper was and removes the wrapper. */
  function unwrap(element) {
    if (!element.parentNode) return;
    while (element.firstChild) element.parentNode.insertBefore(element.firstChild, element);
    element.remove();
  }

  /**
   * Wrapper mode as the layer of a view (dom/render.js; the methods of highlightLayer):
   * every piece of a finding is wrapped, named for assistive technology by its kind. A
   * mark is { finding, start, end, element }, filed under the Text node in `element`.
   */
  function wrapLayer(doc, view) {
    const { findingPieces, uiHost } = globalThis.newslensDom;
    const { label, byPriority } = globalThis.newslensDom.marks;
    return {
      async add(findings, nodes, dark) {
        // All marks of a Text node are wrapped together: wrapping splits the node.
        const byText = new Map();
        for (const [node, start, end, finding] of findingPieces(findings, nodes)) {
          if (!byText.has(node)) byText.set(node, []);
          byText.get(node).push({ start, end, finding, name: view.nameOf(finding, dark), label: `${label(finding)} (${finding.category})` });
        }
        await globalThis.newslensDom.sliced(byText, ([node, marks]) => {
          marks.sort(byPriority((m) => m.end - m.start));
          for (const piece of wrapText(doc, node, marks, uiHost)) {
            for (const m of piece.marks) view.remember(piece.text, { start: 0, end: piece.text.length, finding: m.finding, element: piece.element });
          }
        });
      },
      remove: (mark) => unwrap(mark.element),
      prune() {},
      pending: () => [],
      catchUp() {},
      clear() {},
    };
  }

  Object.assign(globalThis.newslensDom, { wrapLayer });
})();

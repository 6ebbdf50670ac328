// Renders findings on the page without changing it: by default every finding becomes
// ranges in a CSS Custom Highlight (highlight-layer.js), in wrapper mode an element
// around its text (wrap.js); a small card explains the mark under the pointer (card.js).
//
// Shared by the content script and the www demo. Page text is only ever set through
// `textContent`, never parsed as HTML.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  const { hoverCard, highlightLayer, wrapLayer, articleIsDark, highlightName } = globalThis.newslensDom;

  /** True when this browser supports the CSS Custom Highlight API. */
  function supported() {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  /**
   * A set of marks on the page that can grow and shrink: `add(findings, nodes)` draws
   * findings over `nodes` (from collectPage), `prune(keep)` drops the marks on Text nodes
   * not in the set `keep` (text that changed or left the page), `clear()` drops them all;
   * `marks` is the number of findings shown. Drawing works in slices of a few
   * milliseconds, yielding between them, so a long page never blocks its main thread;
   * findings are in document order, so the top comes first. On a long page only the
   * findings within a few screens of the viewport are drawn and registered, and what is
   * drawn follows the reader as they scroll (highlight-layer.js).
   * Options: `dismiss(finding)` makes cards offer "Not a cue here" for findings with a
   * cue (it resolves to '' once done, or to what the card tells the reader instead); `explanations[subtype]` is what a card says a kind means; `palette`
   * 'colour-blind' picks that palette; `wrap` draws marks as elements (dom/wrap.js)
   * instead of CSS highlights, as happens anyway where the browser has no CSS Custom
   * Highlight API.
   */
  function createView(doc = document, options = {}) {
    // Text node -> marks on it, as the layer makes them (cards look marks up by node).
    const byNode = new Map();
    const wrapping = !!options.wrap || !supported();
    const card = hoverCard(doc, byNode, options);
    const shown = new Set(); // findings with at least one mark on the page, or to be drawn
    const layer = (wrapping ? wrapLayer : highlightLayer)(doc, {
      nameOf: (finding, dark) => highlightName(finding, options.palette, dark),
      remember(node, mark) {
        if (!byNode.has(node)) byNode.set(node, []);
        byNode.get(node).push(mark);
        shown.add(mark.finding);
      },
      note: (finding) => shown.add(finding),
    });

    /**
     * Draws `findings` over `nodes`. With `oneChange` their highlights are registered
     * together at the end, rather than the first slice at once: for a part of the page
     * that is not its top, or is small.
     */
    async function add(findings, nodes, { oneChange = false } = {}) {
      await layer.add(findings, nodes, articleIsDark(findings, nodes), oneChange);
    }

    /**
     * Removes the marks of `node`'s entry. A range can span several Text nodes of one
     * block, so marks are meant to be dropped a block at a time, as `prune` callers do.
     */
    function drop(node) {
      for (const mark of byNode.get(node)) layer.remove(mark);
      byNode.delete(node);
    }

    /** Recounts the findings that still have a mark on the page, or will have (pending). */
    function recount() {
      shown.clear();
      for (const marks of byNode.values()) for (const m of marks) shown.add(m.finding);
      for (const f of layer.pending()) shown.add(f);
    }

    return {
      add,
      /**
       * Shows the card of the first mark on Text `node` (keyboard and command access),
       * of `category` if given (the panel's "next claim"), once the marks where the page
       * was just scrolled to are drawn.
       */
      explain(node, category) {
        layer.catchUp();
        return card.explain(node, category);
      },
      /** Whether marks are elements in the page (wrapper mode) rather than highlights. */
      wraps: wrapping,
      /**
       * Replaces the marks on one block's Text nodes `blockNodes` with `findings` (all in
       * that block; `nodes` by block as for `add`): the learned tier's refinement of it.
       */
      async replace(blockNodes, findings, nodes) {
        const gone = new Set(blockNodes);
        for (const node of blockNodes) if (byNode.has(node)) drop(node);
        layer.prune({ has: (node) => !gone.has(node) });
        await add(findings, nodes, { oneChange: true });
        recount();
      },
      prune(keep) {
        for (const node of [...byNode.keys()]) if (!keep.has(node)) drop(node);
        layer.prune(keep);
        recount();
      },
      clear() {
        for (const node of [...byNode.keys()]) drop(node);
        layer.clear();
        shown.clear();
        card.remove();
      },
      get marks() {
        return shown.size;
      },
    };
  }

  /** Draws `analysis.findings` over `nodes` in a new view (see createView). */
  async function render(analysis, nodes, doc = document, options = {}) {
    const view = createView(doc, { explanations: analysis.explanations, ...options });
    await view.add(analysis.findings, nodes);
    return view;
  }

  Object.assign(globalThis.newslensDom, { render, createView });
})();

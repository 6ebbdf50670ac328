// Highlight mode, the default: a view's findings (dom/render.js) become StaticRanges in
// CSS Custom Highlights (`CSS.highlights`, styled by highlights.css), which leave the
// page's DOM untouched. Ranges are registered a run of blocks at a time; on a long page
// only the runs near the viewport, following the reader as they scroll.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  const { sliced, rangeSpans } = globalThis.newslensDom;
  const { PRIORITY } = globalThis.newslensDom.marks;
  const protocol = globalThis.newslensProtocol;
  /**
   * A view draws and registers all its findings while they cover up to this many Text
   * nodes in all; past it, only those of the blocks near the viewport (see watchViewport).
   * At every change to any highlight, Chromium rebuilds the markers of every registered
   * range in the next frame, ~5 µs for each Text node a range covers: with all 11,000
   * ranges of the 1 MB test page registered, that frame took 0.5 s — and again at every
   * later change. (Making the ranges of the whole page took ~180 ms besides.)
   */
  const EAGER_PIECES = 4000;
  /**
   * Blocks are registered and dropped in runs of about this many characters of page text,
   * marked or not (about a screen of an article).
   */
  const CHUNK_CHARS = 4000;
  /** Screens above and below the viewport whose blocks are registered at each change. */
  const KEEP_SCREENS = 3;
  /** A block this many screens away that is not registered makes a change: the reader is nearly there. */
  const NEAR_SCREENS = 1;

  /** The highlight called `name`, registered in CSS.highlights on first use. */
  function highlightNamed(name, category) {
    let h = CSS.highlights.get(name);
    if (!h) {
      h = new Highlight();
      h.priority = PRIORITY[category] || 0;
      CSS.highlights.set(name, h);
    }
    return h;
  }

  /**
   * The highlight layer of a view: `view.nameOf(finding, dark)` names a finding's
   * highlight, `view.remember(node, mark)` files a mark under a Text node it covers (for
   * the card), `view.note(finding)` counts a finding as shown before it is drawn. A mark
   * is { finding, range, highlight, chunk }: a range shared by every Text node it covers,
   * `highlight` the one it belongs in, registered or not. The layer's methods are those
   * of wrapLayer (dom/wrap.js).
   */
  function highlightLayer(doc, view) {
    // Findings in runs of blocks (CHUNK_CHARS), drawn a run at a time: { first, last (the
    // run's first and last Text node), pending (findings not drawn yet), nodes, dark, marks
    // (the highlight marks drawn), shown (whether its ranges are registered) }.
    const chunks = [];
    let covered = 0; // Text nodes covered by the findings added since the view was cleared (decides `watching`)
    let watching = false; // past EAGER_PIECES: only chunks near the viewport are shown

    /** Turns a chunk's pending findings into marks (not registered). */
    function draw(chunk) {
      for (const [finding, span] of rangeSpans(chunk.pending, chunk.nodes)) {
        // Static ranges: the page's text is not ours to change, and live ranges cost the
        // page on every later mutation (and cost far more to add to a highlight).
        const [first, last] = [span[0], span[span.length - 1]];
        const range = new StaticRange({ startContainer: first[0], startOffset: first[1], endContainer: last[0], endOffset: last[2] });
        // One mark, filed under each Text node it covers (cards look marks up by node).
        const highlight = highlightNamed(view.nameOf(finding, chunk.dark), finding.category);
        const mark = { finding, range, highlight, chunk };
        for (const [node] of span) view.remember(node, mark);
        chunk.marks.add(mark);
      }
      chunk.pending = [];
    }

    /** Takes `mark` out of its highlight and its chunk (once, however many nodes it covers). */
    function remove(mark) {
      mark.highlight.delete(mark.range);
      const { chunk } = mark;
      if (chunk.marks.delete(mark) && !chunk.marks.size && !chunk.pending.length) forget(chunk);
    }

    function forget(chunk) {
      const at = chunks.indexOf(chunk);
      if (at >= 0) chunks.splice(at, 1);
    }

    /** Registers (drawing it first if need be) or unregisters a chunk's ranges. */
    function show(chunk, on) {
      if (on) draw(chunk);
      chunk.shown = on;
      for (const m of chunk.marks) {
        if (on) m.highlight.add(m.range);
        else m.highlight.delete(m.range);
      }
    }

    const measure = doc.createRange();
    /** Where Text `node` is drawn (the box of its own text: its element may be the whole article). */
    function boxOf(node) {
      measure.selectNodeContents(node);
      return measure.getBoundingClientRect();
    }

    /** Whether `chunk` has text within `screens` screens of the viewport (in any layout order). */
    function near(chunk, screens) {
      const { first, last } = chunk;
      if (!first.isConnected && !last.isConnected) return false;
      const [a, b] = [boxOf(first), boxOf(last)];
      const margin = screens * innerHeight;
      return Math.max(a.bottom, b.bottom) >= -margin && Math.min(a.top, b.top) <= innerHeight + margin;
    }

    /**
     * When a chunk within NEAR_SCREENS of the viewport is not shown (or `always`, which
     * also sets chunks shown in part right): shows every chunk within KEEP_SCREENS and
     * drops the others, in one change. So a change, and its repaint, comes once every few
     * screens of scrolling, and the reader never meets unmarked text. (Two boxes a
     * chunk: 1.3–2.6 ms for the 1 MB page's 250 chunks.)
     */
    function follow(always = false) {
      if (!always && chunks.every((c) => c.shown || !near(c, NEAR_SCREENS))) return;
      for (const c of chunks) {
        const want = near(c, KEEP_SCREENS);
        if (always || c.shown !== want) show(c, want);
      }
    }

    let followPending = false;
    const onScroll = () => {
      if (followPending) return;
      followPending = true;
      requestAnimationFrame(() => {
        followPending = false;
        if (watching) follow();
      });
    };

    /**
     * From now on only the chunks near the viewport are drawn and registered (follow):
     * the rest of a long page costs nothing until the reader gets there.
     */
    function watchViewport() {
      watching = true;
      // Any scroller's scroll (captured: scroll events do not bubble), and resizes.
      doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
      doc.defaultView.addEventListener('resize', onScroll, { passive: true });
    }

    function unwatch() {
      watching = false;
      doc.removeEventListener('scroll', onScroll, { capture: true });
      doc.defaultView.removeEventListener('resize', onScroll);
    }

    /** `findings` (in block order) in runs of about CHUNK_CHARS characters of page text. */
    function chunked(findings, nodes, dark) {
      const out = [];
      let chunk = null;
      let chars = 0; // of page text from the start of `chunk` to the end of `lastBlock`
      let lastBlock = -1;
      const length = (b) => (nodes[b] || []).reduce((n, node) => n + node.length, 0);
      for (const finding of findings) {
        const block = finding.block;
        if (!nodes[block]) continue;
        if (block !== lastBlock) {
          for (let b = lastBlock + 1; b < block; b++) chars += length(b);
          if (!chunk || chars > CHUNK_CHARS) {
            chunk = { first: nodes[block][0], last: null, pending: [], nodes, dark, marks: new Set(), shown: false };
            out.push(chunk);
            chars = 0;
          }
          chars += length(block);
          chunk.last = nodes[block][nodes[block].length - 1];
          lastBlock = block;
        }
        chunk.pending.push(finding);
        view.note(finding);
        covered += protocol.segmentCount(finding);
      }
      return out;
    }

    /**
     * Draws `findings` over `nodes`: the first slice (the top of the page) registered at
     * once unless `oneChange`, everything else together at the end; past EAGER_PIECES,
     * only what is near the viewport.
     */
    async function add(findings, nodes, dark, oneChange) {
      const fresh = chunked(findings, nodes, dark);
      chunks.push(...fresh);
      if (watching || covered > EAGER_PIECES) {
        // From now on only what is near the viewport is drawn and registered; what was
        // registered (the top) and is far is dropped.
        const switching = !watching;
        if (switching) watchViewport();
        follow(switching);
        return;
      }
      // Every change to the registered highlights costs a repaint that grows with the page
      // and with the ranges registered (see EAGER_PIECES), so ranges are registered in as
      // few changes as possible.
      const drawn = [];
      const register = () => {
        for (const c of drawn) show(c, true);
        drawn.length = 0;
      };
      let flushed = oneChange;
      await sliced(fresh, (chunk) => {
        draw(chunk);
        drawn.push(chunk);
      }, () => {
        if (!flushed) register();
        flushed = true;
      });
      register();
    }

    /** Drops the pending findings over Text nodes not in `keep`, and chunks left empty. */
    function prune(keep) {
      for (const c of [...chunks]) {
        c.pending = c.pending.filter((finding) => {
          for (const segment of protocol.segments(finding)) if (!keep.has(c.nodes[finding.block][segment])) return false;
          return true;
        });
        if (!c.pending.length && !c.marks.size) forget(c);
      }
    }

    return {
      add,
      remove,
      prune,
      /** The findings not drawn yet (they will be, when the reader gets near). */
      *pending() {
        for (const c of chunks) yield* c.pending;
      },
      /** Draws what is near the viewport now, when only that is drawn (before a card opens there). */
      catchUp() {
        if (watching) follow();
      },
      clear() {
        chunks.length = 0;
        covered = 0;
        unwatch();
      },
    };
  }

  globalThis.newslensDom.highlightLayer = highlightLayer;
})();

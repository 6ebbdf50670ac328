// Renders findings on the page without changing it: every finding becomes Ranges in a
// CSS Custom Highlight (`CSS.highlights`), styled by highlights.css, and a small card in
// a shadow root explains the mark under the pointer.
//
// Shared by the content script and the www demo. Page text is only ever set through
// `textContent`, never parsed as HTML.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  const PREFIX = 'newslens-';
  const LABELS = {
    hedge: 'Hedge', booster: 'Booster', stance: 'First-person stance', loaded: 'Loaded word',
    speculation: 'Speculation', 'rhetorical-question': 'Rhetorical question',
    'scare-quote': 'Scare quotes', 'attributed-named': 'Named source',
    'attributed-anonymous': 'Anonymous source', vague: 'Vague source',
    unattributed: 'No source', 'author-bio': 'Author disclosure',
  };
  // Higher wins where highlights overlap: a marker shows on top of its sentence's claim.
  const PRIORITY = { opinion: 2, disclosure: 1, claim: 0 };
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

  const CARD_CSS = `
    :host { all: initial; }
    .card { position: fixed; z-index: 2147483647; max-width: 340px; padding: 8px 10px;
      font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fffdf5;
      border: 1px solid #b9a66a; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.25); }
    .card[hidden] { display: none; }
    .kind { font-weight: 600; }
    .cue { font-style: italic; margin: 2px 0; }
    .why { color: #444; }
    button { margin-top: 6px; font: inherit; font-size: 12px; }`;

  /** Relative luminance (0 dark … 1 light) of a CSS rgb()/rgba() colour; null if transparent. */
  function luminance(colour) {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(colour || '');
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return null;
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  /**
   * Whether the text at `node` is light on dark: its background is the first opaque one
   * among its ancestors. Dark pages get the dark palette (highlights.css), whatever the
   * reader's system theme says, since it is the page's colours the marks sit on.
   */
  function onDarkBackground(node) {
    for (let el = node && node.parentElement; el; el = el.parentElement) {
      const l = luminance(getComputedStyle(el).backgroundColor);
      if (l !== null) return l < 0.2;
    }
    return false;
  }

  // The extension's own elements get a name no page can predict: a page that defines a
  // custom element called like ours would otherwise run its code on our card.
  const HOST_SUFFIX = Math.random().toString(36).slice(2, 8);

  /**
   * A host element for the extension's own UI (card, panel), tagged `data-newslens` with
   * its `kind` so observers and tests can tell it from the page's elements.
   */
  function uiHost(doc, kind) {
    const host = doc.createElement(`newslens-${kind}-${HOST_SUFFIX}`);
    host.setAttribute('data-newslens', kind);
    return host;
  }

  /** True when this browser supports the CSS Custom Highlight API. */
  function supported() {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  const { sliced } = globalThis.newslensDom;

  /**
   * A set of marks on the page that can grow and shrink: `add(findings, nodes)` draws
   * findings over `nodes` (from collectPage), `prune(keep)` drops the marks on Text nodes
   * not in the set `keep` (text that changed or left the page), `clear()` drops them all;
   * `marks` is the number of findings shown. Drawing works in slices of a few
   * milliseconds, yielding between them, so a long page never blocks its main thread;
   * findings are in document order, so the top comes first. On a long page (past
   * EAGER_PIECES) only the findings within a few screens of the viewport are drawn and
   * registered, and what is drawn follows the reader as they scroll.
   * Options: `dismiss(finding)` makes cards offer "Not a cue here" for findings with a
   * cue; `palette` 'colour-blind' picks that palette; `wrap` draws marks as elements
   * (dom/wrap.js) instead of CSS highlights, as happens anyway where the browser has no
   * CSS Custom Highlight API.
   */
  function createView(doc = document, options = {}) {
    // Text node -> marks on it: { finding, range, highlight, chunk } (a highlight range,
    // shared by every Text node it covers; `highlight` is the one it belongs in, registered
    // or not) or { finding, start, end, element } (wrapper mode); see extent().
    const byNode = new Map();
    const wrapping = !!options.wrap || !supported();
    const card = hoverCard(doc, byNode, options);
    const shown = new Set(); // findings with at least one range on the page

    /** The highlight name of a finding: palette, page brightness, kind. */
    function nameOf(finding, dark) {
      return PREFIX + (options.palette === 'colour-blind' ? 'cb-' : '') + (dark ? 'dark-' : '') + finding.subtype;
    }

    /**
     * The ranges of `findings` as [node, start, end, finding], skipping text that changed.
     * A finding's `span` is [first segment, start, last segment, end] (UTF-16 units in
     * those Text nodes, src/offsets.rs): the segments between are covered whole, and
     * empty ones have no range.
     */
    function* pieces(findings, nodes) {
      for (const finding of findings) {
        const blockNodes = nodes[finding.block];
        if (!blockNodes) continue;
        const [first, start, last, end] = finding.span;
        for (let segment = first; segment <= last; segment++) {
          const node = blockNodes[segment];
          if (!node) continue;
          const from = segment === first ? start : 0;
          const to = segment === last ? end : node.length;
          if (from < to && to <= node.length) yield [node, from, to, finding];
        }
      }
    }

    /**
     * The pieces of each finding grouped into spans a single range can cover: pieces on
     * consecutive Text nodes that meet (one ends its node, the next starts at 0) with
     * nothing but element boundaries between them. A sentence over a dozen links and
     * emphases is then one range, not a dozen, to create, register and paint.
     * Yields [finding, pieces] with pieces as from `pieces()`.
     */
    function* spans(findings, nodes) {
      let finding = null;
      let span = [];
      for (const piece of pieces(findings, nodes)) {
        const last = span[span.length - 1];
        if (last && (piece[3] !== finding || !joins(last, piece))) {
          yield [finding, span];
          span = [];
        }
        finding = piece[3];
        span.push(piece);
      }
      if (span.length) yield [finding, span];
    }

    /** Whether piece `b` continues piece `a` ([node, start, end, finding]) with no gap. */
    function joins([a, , aEnd], [b, bStart]) {
      return aEnd === a.length && bStart === 0 && nextText(a) === b;
    }

    /**
     * The Text node after `text` in document order, looking no further than a few element
     * boundaries (null beyond them: the span just breaks there). Comments are passed over;
     * any Text node, such as that of a button or script the collector skipped, ends the
     * search, so a range never covers text that is not the finding's.
     */
    function nextText(text) {
      let n = text;
      for (let steps = 0; steps < 16; steps++) {
        if (n !== text && n.firstChild) n = n.firstChild;
        else {
          while (n && !n.nextSibling) n = n.parentNode;
          if (!n) return null;
          n = n.nextSibling;
        }
        if (n.nodeType === Node.TEXT_NODE) return n;
      }
      return null;
    }

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

    // Findings in runs of blocks (CHUNK_CHARS), drawn a run at a time: { first, last (the
    // run's first and last Text node), pending (findings not drawn yet), nodes, dark, marks
    // (the highlight marks drawn), shown (whether its ranges are registered) }.
    const chunks = [];
    let covered = 0; // Text nodes covered by the findings added since the view was cleared (decides `watching`)
    let watching = false; // past EAGER_PIECES: only chunks near the viewport are shown

    /** Turns a chunk's pending findings into marks (not registered). */
    function draw(chunk) {
      for (const [finding, span] of spans(chunk.pending, chunk.nodes)) {
        // Static ranges: the page's text is not ours to change, and live ranges cost the
        // page on every later mutation (and cost far more to add to a highlight).
        const [first, last] = [span[0], span[span.length - 1]];
        const range = new StaticRange({ startContainer: first[0], startOffset: first[1], endContainer: last[0], endOffset: last[2] });
        // One mark, filed under each Text node it covers (cards look marks up by node).
        const highlight = highlightNamed(nameOf(finding, chunk.dark), finding.category);
        const mark = { finding, range, highlight, chunk };
        for (const [node] of span) remember(node, mark);
        chunk.marks.add(mark);
      }
      chunk.pending = [];
    }

    /** Takes `mark` out of its highlight and its chunk (once, however many nodes it covers). */
    function unfile(mark) {
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
        shown.add(finding);
        if (finding.span.length) covered += finding.span[2] - finding.span[0] + 1;
      }
      return out;
    }

    async function highlight(findings, nodes, dark, oneChange) {
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
      // few changes as possible: the first slice (the top of the page) at once unless
      // asked for `oneChange`, everything else together at the end.
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

    async function wrap(findings, nodes, dark) {
      // All marks of a Text node are wrapped together: wrapping splits the node.
      const byText = new Map();
      for (const [node, start, end, finding] of pieces(findings, nodes)) {
        if (!byText.has(node)) byText.set(node, []);
        byText.get(node).push({ start, end, finding, name: nameOf(finding, dark), label: `${LABELS[finding.subtype] || finding.subtype} (${finding.category})` });
      }
      await sliced(byText, ([node, marks]) => {
        marks.sort(byPriority((m) => m.end - m.start));
        for (const piece of globalThis.newslensDom.wrapText(doc, node, marks, uiHost)) {
          for (const m of piece.marks) remember(piece.text, { start: 0, end: piece.text.length, finding: m.finding, element: piece.element });
        }
      });
    }

    function remember(node, mark) {
      if (!byNode.has(node)) byNode.set(node, []);
      byNode.get(node).push(mark);
      shown.add(mark.finding);
    }

    /**
     * Draws `findings` over `nodes`. With `oneChange` their highlights are registered
     * together at the end, rather than the first slice at once: for a part of the page
     * that is not its top, or is small.
     */
    async function add(findings, nodes, { oneChange = false } = {}) {
      const first = findings.length && nodes[findings[0].block];
      const dark = !!first && onDarkBackground(first[0]);
      if (wrapping) await wrap(findings, nodes, dark);
      else await highlight(findings, nodes, dark, oneChange);
    }

    /**
     * Removes the marks of `node`'s entry. A range can span several Text nodes of one
     * block, so marks are meant to be dropped a block at a time, as `prune` callers do.
     */
    function drop(node) {
      for (const mark of byNode.get(node)) {
        if (mark.highlight) unfile(mark);
        if (mark.element) globalThis.newslensDom.unwrap(mark.element);
      }
      byNode.delete(node);
    }

    /** Recounts the findings that still have a range on the page, or will have (pending). */
    function recount() {
      shown.clear();
      for (const marks of byNode.values()) for (const m of marks) shown.add(m.finding);
      for (const c of chunks) for (const f of c.pending) shown.add(f);
    }

    /** Drops the pending findings over Text nodes not in `keep`, and chunks left empty. */
    function prunePending(keep) {
      for (const c of [...chunks]) {
        c.pending = c.pending.filter(({ block, span: [first, , last] }) => {
          for (let segment = first; segment <= last; segment++) if (!keep.has(c.nodes[block][segment])) return false;
          return true;
        });
        if (!c.pending.length && !c.marks.size) forget(c);
      }
    }

    return {
      add,
      /**
       * Shows the card of the first mark on Text `node` (keyboard and command access),
       * once the marks where the page was just scrolled to are drawn.
       */
      explain(node) {
        if (watching) follow();
        return card.explain(node);
      },
      /** Whether marks are elements in the page (wrapper mode) rather than highlights. */
      wraps: wrapping,
      prune(keep) {
        for (const node of [...byNode.keys()]) if (!keep.has(node)) drop(node);
        prunePending(keep);
        recount();
      },
      clear() {
        for (const node of [...byNode.keys()]) drop(node);
        chunks.length = 0;
        covered = 0;
        shown.clear();
        card.remove();
        unwatch();
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

  /** The Text node and offset under a point, in either browser's API. */
  function caretAt(doc, x, y) {
    if (doc.caretPositionFromPoint) {
      const p = doc.caretPositionFromPoint(x, y);
      return p && { node: p.offsetNode, offset: p.offset };
    }
    if (doc.caretRangeFromPoint) {
      const r = doc.caretRangeFromPoint(x, y);
      return r && { node: r.startContainer, offset: r.startOffset };
    }
    return null;
  }

  /** Opinion markers before claims, then the narrowest mark (as `width` measures it). */
  const byPriority = (width) => (a, b) => (PRIORITY[b.finding.category] || 0) - (PRIORITY[a.finding.category] || 0) ||
    width(a) - width(b);

  /**
   * Where a mark lies in Text `node`, as [start, end] offsets. A highlight's range may span
   * several Text nodes and covers those between its ends whole; a wrapper-mode mark is
   * one piece of text, `start` to `end`.
   */
  function extent(mark, node) {
    const r = mark.range;
    if (!r) return [mark.start, mark.end];
    return [r.startContainer === node ? r.startOffset : 0, r.endContainer === node ? r.endOffset : node.length];
  }

  /** byPriority for the marks on Text `node`. */
  const onNode = (node) => byPriority((m) => {
    const [start, end] = extent(m, node);
    return end - start;
  });

  /**
   * Shows a card for the mark under the pointer, or under a tap (touch and pen have no
   * hover); `explain(node)` shows it for the first mark on a Text node and moves the
   * keyboard focus to the card (Escape closes it and gives the focus back).
   */
  function hoverCard(doc, byNode, actions) {
    let host = null;
    let box = null;
    let pending = false;
    let last = null;
    let shown = null; // the finding on the card
    let returnFocus = null; // where the focus was before explain() moved it to the card
    let pinned = false; // opened by explain(): stays until Escape, a click or another mark

    function ensureCard() {
      if (box) return box;
      host = uiHost(doc, 'card');
      const shadow = host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      shadow.adoptedStyleSheets = [sheet];
      box = doc.createElement('div');
      box.className = 'card';
      box.setAttribute('role', 'dialog');
      box.setAttribute('aria-label', 'newslens: what this mark means');
      box.tabIndex = -1;
      box.hidden = true;
      box.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') return;
        box.hidden = true;
        if (returnFocus && returnFocus.focus) returnFocus.focus();
      });
      for (const cls of ['kind', 'cue', 'why']) {
        const line = doc.createElement('div');
        line.className = cls;
        box.appendChild(line);
      }
      if (actions.dismiss) {
        const button = doc.createElement('button');
        button.type = 'button';
        button.textContent = 'Not a cue here';
        button.addEventListener('click', () => {
          if (shown) actions.dismiss(shown);
          box.hidden = true;
        });
        box.appendChild(button);
      }
      shadow.appendChild(box);
      doc.documentElement.appendChild(host);
      return box;
    }

    function show(finding, x, y) {
      const card = ensureCard();
      const [kind, cue, why] = card.children;
      kind.textContent = `${LABELS[finding.subtype] || finding.subtype} · ${finding.category}`;
      cue.textContent = finding.cue ? `“${finding.cue}”` : '';
      why.textContent = (actions.explanations || {})[finding.subtype] || '';
      shown = finding;
      const button = card.querySelector('button');
      if (button) button.hidden = !finding.cue;
      card.style.left = `${Math.min(x + 12, innerWidth - 360)}px`;
      card.style.top = `${y + 16}px`;
      card.hidden = false;
    }

    function update() {
      pending = false;
      const at = last && caretAt(doc, last.x, last.y);
      const here = at && byNode.get(at.node);
      const hits = (here || []).filter((m) => {
        const [start, end] = extent(m, at.node);
        return start <= at.offset && at.offset < end;
      });
      hits.sort(onNode(at.node));
      if (hits.length) {
        pinned = false;
        show(hits[0].finding, last.x, last.y);
      } else if (box && !pinned) {
        box.hidden = true;
      }
    }

    function onMove(event) {
      // Over the card itself: keep it, so its button can be reached.
      if (host && event.composedPath().includes(host)) return;
      last = { x: event.clientX, y: event.clientY };
      if (!pending) {
        pending = true;
        requestAnimationFrame(update);
      }
    }
    function onTap(event) {
      if (host && event.composedPath().includes(host)) return;
      pinned = false;
      if (event.pointerType !== 'mouse') onMove(event);
    }

    /** The card for the first mark on `node`, next to it, with the keyboard focus. */
    function explain(node) {
      // In wrapper mode the marks sit on pieces split off the node, inside its parent.
      const key = byNode.has(node) ? node : [...byNode.keys()].find((k) => node.parentNode && node.parentNode.contains(k));
      const marks = [...(byNode.get(key) || [])].sort(onNode(key));
      if (!marks.length) return false;
      node = key;
      const [start, end] = extent(marks[0], node);
      const range = doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const rect = range.getBoundingClientRect();
      show(marks[0].finding, rect.left, rect.bottom - 8);
      pinned = true;
      // The focused element, inside shadow roots too (the panel's buttons live in one).
      returnFocus = doc.activeElement;
      while (returnFocus && returnFocus.shadowRoot && returnFocus.shadowRoot.activeElement) {
        returnFocus = returnFocus.shadowRoot.activeElement;
      }
      box.focus();
      return true;
    }

    doc.addEventListener('pointermove', onMove, { passive: true });
    doc.addEventListener('pointerdown', onTap, { passive: true });
    return {
      explain,
      remove() {
        doc.removeEventListener('pointermove', onMove);
        doc.removeEventListener('pointerdown', onTap);
        if (host) host.remove();
      },
    };
  }

  Object.assign(globalThis.newslensDom, { render, createView, uiHost, highlightsSupported: supported, HIGHLIGHT_PREFIX: PREFIX });
})();

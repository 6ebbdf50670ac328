// Collects the page model the Rust core analyses (src/model.rs), in one walk of the DOM.
//
// Shared by the content script and the www demo. It only reads the DOM: no wasm, no
// network, no changes to the page. The result pairs the model (plain data, sent to wasm
// or to the background) with the Text nodes behind every segment, so findings can be
// turned back into Ranges without searching.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  // Tags are matched by `localName`: lower case for HTML (and SVG, MathML) elements in
  // HTML and XHTML documents alike, with no upper-casing of every element's tag name.
  // Elements whose text is never article text, or must never be touched.
  const SKIP = new Set([
    'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option',
    'button', 'svg', 'math', 'canvas', 'iframe', 'object', 'head', 'title',
  ]);
  // Class and id tokens that say their element is hidden from the reader (src/page/html.rs
  // HIDDEN_TOKENS): where no style can be read (a document without a view, the native
  // parser) they stand in for the stylesheets. A rendered page's computed style is read
  // instead: there `hidden md:block` (Tailwind) is shown on a wide screen.
  const HIDDEN_TOKENS = new Set([
    'hidden', 'hide', 'is-hidden', 'sr-only', 'visually-hidden', 'visuallyhidden',
    'screen-reader-text', 'element-invisible', 'offscreen', 'off-screen', 'hovercard', 'tooltip',
  ]);
  // Inline elements: their text belongs to the nearest enclosing non-inline element.
  const INLINE = new Set([
    'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd',
    'mark', 'q', 'ruby', 'rt', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time',
    'u', 'var', 'wbr', 'del', 'ins', 'label', 'br',
  ]);

  /**
   * A walk still going after this many milliseconds is a long page, whose top is worth
   * showing before the rest. Ordinary articles are collected well within it, so they are
   * analysed once, as a whole (the top alone can misjudge where the article is).
   */
  const LONG_PAGE_MS = 100;
  /** The top of a long page: enough blocks for a screen or two, few enough to show at once. */
  const TOP_BLOCKS = 200;

  /**
   * What one page may send the core, in UTF-16 units or items. The background is shared
   * by every tab: a page's 700 KB JSON-LD block once kept it busy for a minute while the
   * reader's tab waited. Each cap is far above what an article needs; past it the rest
   * is left out (a JSON-LD script whole: cut, it is no JSON).
   */
  const CAPS = {
    /** The page's text (the 1 MB test page is a million units). */
    text: 4 * 1024 * 1024,
    /** One JSON-LD script, and all of them together. */
    jsonLd: 256 * 1024,
    jsonLdTotal: 1024 * 1024,
    /** Meta tags, and each one's content. */
    metas: 256,
    metaContent: 4096,
    /**
     * The title, an href, a class list, an id, a role: each (the New York Times' <html>
     * has 2,600 units of feature-flag classes), and the element table's and links' in all.
     */
    attribute: 16 * 1024,
    attributes: 4 * 1024 * 1024,
    /** Hidden elements remembered for content/late.js to notice when they are shown. */
    concealed: 100,
  };

  /**
   * A hidden element with less text than this is not remembered as concealed: a "read
   * more" section holds prose, a hidden icon label or menu caret does not.
   */
  const CONCEALED_TEXT = 80;

  /**
   * `s` with each lone UTF-16 surrogate replaced by U+FFFD, one unit for one, so offsets
   * into it still hold. JSON.stringify escapes a lone surrogate, which the core's JSON
   * parser rejects: one such character left a whole page unmarked.
   */
  const wellFormed = (s) => s.toWellFormed();

  /** An attribute's value, capped, well formed ('' when absent). */
  function attribute(el, name) {
    return wellFormed((el.getAttribute(name) || '').slice(0, CAPS.attribute));
  }

  /** The page's named meta tags, within CAPS. */
  function metas(doc) {
    const out = [];
    for (const m of doc.querySelectorAll('meta[content]')) {
      if (out.length === CAPS.metas) break;
      const name = (attribute(m, 'name') || attribute(m, 'property') || attribute(m, 'itemprop')).toLowerCase();
      if (name) out.push({ name, content: wellFormed(m.getAttribute('content').slice(0, CAPS.metaContent)) });
    }
    return out;
  }

  /** The page's JSON-LD scripts, within CAPS: a script over its cap is left out whole. */
  function jsonLd(doc) {
    const out = [];
    let left = CAPS.jsonLdTotal;
    for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const json = script.textContent || '';
      if (json.length > Math.min(CAPS.jsonLd, left)) continue;
      left -= json.length;
      out.push(wellFormed(json));
    }
    return out;
  }

  /** Inline elements, and the extension's own marks in wrapper mode (dom/wrap.js). */
  function isInline(el) {
    return INLINE.has(el.localName) || el.hasAttribute('data-newslens-mark');
  }

  /** Lower-case id and class tokens of an element. */
  function tokens(el) {
    const out = [];
    const id = attribute(el, 'id');
    if (id) out.push(id.toLowerCase());
    const cls = attribute(el, 'class');
    if (cls) for (const c of cls.split(/\s+/)) if (c) out.push(c.toLowerCase());
    return out;
  }

  function attr(el, name) {
    return attribute(el, name).toLowerCase();
  }

  /** Inline elements that name the author: rel=author, itemprop=author, author/byline classes. */
  function isAuthorElement(el) {
    if (!el.hasAttributes()) return false;
    const names = `${attr(el, 'class')} ${attr(el, 'id')}`;
    return attr(el, 'rel').split(/\s+/).includes('author') ||
      ['author', 'creator'].includes(attr(el, 'itemprop')) ||
      ((names.includes('author') || names.includes('byline')) && !names.includes('bio'));
  }

  /** Grows the open run when `el` continues it at `segment`, else starts a new one. */
  function extendRun(current, key, list, el, segment, make) {
    const open = current[key];
    if (open && open.el === el && list[open.index].end === segment) {
      list[open.index].end = segment + 1;
    } else {
      list.push(make(segment));
      current[key] = { el, index: list.length - 1 };
    }
  }

  /**
   * Elements whose text is not the page's prose: scripts and the like, editable fields, and
   * what the page hides by attribute or inline style (as the native front end reads them,
   * src/page/html.rs, so both build the same model from the same markup). What stylesheets
   * hide is `styleHides`.
   */
  function skipped(el) {
    return SKIP.has(el.localName) || el.hidden || el.isContentEditable ||
      el.getAttribute('aria-hidden') === 'true' ||
      el.style?.display === 'none' || el.style?.visibility === 'hidden';
  }

  /** Whether `el`'s id or a class of it is in HIDDEN_TOKENS. */
  function namedHidden(el) {
    return el.hasAttributes() && tokens(el).some((t) => HIDDEN_TOKENS.has(t));
  }

  /**
   * Whether `el`'s style is worth reading: an element a stylesheet can single out, by its
   * class, id or inline style (any attribute, for an element that can hold a block), and
   * `dialog`, which the browser's own stylesheet hides until it is open. A plain <p>, <em>
   * or <a href> is hidden only with an ancestor, which the walk steps over whole: reading
   * every element's style took a long page's walk 17 % more main-thread time, this 3 %.
   */
  function styleWorthReading(el) {
    if (isInline(el)) return el.hasAttribute('class') || el.hasAttribute('id') || el.hasAttribute('style');
    return el.hasAttributes() || el.localName === 'dialog';
  }

  /**
   * Whether the page's style hides `el`, and so its whole subtree, from the reader:
   * `display: none`, `visibility: hidden` or `collapse`, `content-visibility: hidden`
   * (pop-ups, hover cards and menus shown only on hover or click), or positioned text
   * clipped or moved out of sight (screen-reader-only labels such as "Image caption",
   * "Advertisement" or "opens in a new window": furniture, never the writer's prose).
   * A descendant a stylesheet makes visible again under a `visibility: hidden` parent is
   * skipped with it: the walk steps over whole subtrees, and pages do not build prose so.
   * `opacity: 0` is not read: pages fade their paragraphs in as they scroll into view.
   */
  function styleHides(el, view) {
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.contentVisibility === 'hidden') return true;
    // Visibility is inherited: only an element that hides what its parent shows counts. A
    // page hidden whole (`body { visibility: hidden }` until its scripts are ready, as
    // anti-flicker snippets do: one of the Readability pages is saved so) is still read.
    if (style.visibility !== 'visible' && view.getComputedStyle(el.parentElement).visibility === 'visible') return true;
    return (style.position === 'absolute' || style.position === 'fixed') && outOfSight(el, style);
  }

  /**
   * A positioned element the reader cannot see: clipped to at most a pixel (`clip` or
   * `clip-path: inset(50%)`, the screen-reader-only recipes), a box of at most a pixel
   * that hides its overflow, or placed wholly left of or above the page (`left: -9999px`).
   * Only positioned elements get here, so the layout this reads is rarely asked for.
   */
  function outOfSight(el, style) {
    const clip = /^rect\(([-\d.]+)px,? ([-\d.]+)px,? ([-\d.]+)px,? ([-\d.]+)px\)$/.exec(style.clip);
    if (clip) {
      const [top, right, bottom, left] = clip.slice(1).map(Number);
      if (right - left <= 1 || bottom - top <= 1) return true;
    }
    const inset = /^inset\(([\d.]+)%/.exec(style.clipPath);
    if (inset && Number(inset[1]) >= 50) return true;
    const box = el.getBoundingClientRect();
    const hidesOverflow = style.overflow !== 'visible';
    if (hidesOverflow && (box.width <= 1 || box.height <= 1)) return true;
    const view = el.ownerDocument.defaultView;
    return box.right + view.scrollX <= 0 || box.bottom + view.scrollY <= 0;
  }

  /**
   * Walks `root` (a Document or an Element) and returns `{ page, nodes, blockElements, concealed }`:
   * `page` is the document model, `nodes[b][s]` the Text node of segment `s` of block `b`,
   * `blockElements[b]` the element block `b` is the text of, `concealed` the hidden
   * elements that hold prose (up to CAPS.concealed).
   */
  function collectPage(root) {
    const collector = collectorOf(root);
    collector.step(Infinity);
    return collector.result();
  }

  /**
   * collectPage in slices of about `sliceMs` milliseconds, yielding to the page between
   * them, so a huge page never blocks its main thread for long. (Text the page changes
   * meanwhile is caught later: the renderer skips ranges that no longer fit their node.)
   * When the walk is still going after LONG_PAGE_MS, `onLongPage` gets the top of the
   * page (its first TOP_BLOCKS blocks, a model of its own) while the walk goes on.
   * `onSlice({ elements, blocks })` gets the page's element table and complete blocks so
   * far (lists that only grow) at the end of every slice but the last: they can be sent
   * on meanwhile.
   */
  async function collectPageSliced(root, sliceMs = globalThis.newslensDom.SLICE_MS, onLongPage = null, onSlice = () => {}) {
    const collector = collectorOf(root);
    const started = performance.now();
    let long = false;
    while (!collector.step(performance.now() + sliceMs)) {
      if (!long && onLongPage && performance.now() - started > LONG_PAGE_MS) {
        long = true;
        onLongPage(collector.snapshot(TOP_BLOCKS));
      }
      onSlice(collector.model);
      await globalThis.newslensDom.yieldToPage();
    }
    return collector.result();
  }

  /** The walk behind collectPage: `step(deadline)` walks until done (true) or the deadline. */
  function collectorOf(root) {
    const doc = root.ownerDocument || root;
    const start = root.nodeType === Node.DOCUMENT_NODE ? root.body || root.documentElement : root;
    const elements = [];
    const index = new Map();
    const blocks = [];
    const nodes = [];
    const blockElements = [];
    /** Hidden elements with prose in them (a collapsed "read more"), for content/late.js. */
    const concealed = [];

    let attributesLeft = CAPS.attributes; // of the element table and the links

    // Styles apply only in a rendered document: one parsed for the www demo has no view,
    // and there the names of classes stand in for them, as in the native parser.
    const view = doc.defaultView;
    /** Whether the walk steps over `el` and its subtree. */
    const hides = view
      ? (el) => skipped(el) || (styleWorthReading(el) && styleHides(el, view))
      : (el) => skipped(el) || namedHidden(el);
    /** `hides`, remembering a hidden element that holds prose (its subtree is read once). */
    function hidden(el) {
      if (!hides(el)) return false;
      if (concealed.length < CAPS.concealed && !SKIP.has(el.localName) && !el.isContentEditable &&
        (el.textContent || '').trim().length >= CONCEALED_TEXT) concealed.push(el);
      return true;
    }

    /** Index of `el` in the element table, adding it and its ancestors (parents first). */
    function elementIndex(el) {
      const known = index.get(el);
      if (known !== undefined) return known;
      const chain = [];
      for (let at = el; at && at.nodeType === Node.ELEMENT_NODE && !index.has(at); at = at.parentElement) {
        chain.push(at);
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const e = chain[i];
        const parent = e.parentElement ? index.get(e.parentElement) : undefined;
        index.set(e, elements.length);
        elements.push(element(e, parent));
      }
      return index.get(el);
    }

    /**
     * The model's element for `e`, with its parent's index: fields the core defaults
     * (no parent, no tokens, empty attributes) are left out, which makes a long page's
     * element table a third of the size (519 → 176 KB of JSON).
     */
    function element(e, parent) {
      const out = { tag: e.tagName.toLowerCase() };
      if (parent !== undefined) out.parent = parent;
      // Past CAPS.attributes, elements are sent without theirs.
      if (attributesLeft <= 0) return out;
      const t = tokens(e);
      if (t.length) out.tokens = t;
      attributesLeft -= t.reduce((n, token) => n + token.length, 0);
      for (const name of ['role', 'itemprop', 'rel']) {
        const value = attr(e, name);
        if (value) out[name] = value;
        attributesLeft -= value.length;
      }
      return out;
    }

    let current = null; // { el, element, segments, links, authors, nodes, link, author }
    function flush() {
      // A block of white space only is no block (tested segment by segment: joining
      // them all cost a long page's walk ~15 ms).
      if (current && current.segments.some((s) => /\S/.test(s))) {
        // Empty lists are left out, as the core defaults them (most blocks have no
        // author element: 100 KB less of a long page's model to write and read).
        const { element, segments, links, authors } = current;
        const block = { element, segments };
        if (links.length) block.links = links;
        if (authors.length) block.authors = authors;
        blocks.push(block);
        nodes.push(current.nodes);
        blockElements.push(current.el);
      }
      current = null;
    }

    // The walk, in document order: a TreeWalker without a filter (a filter calls back into
    // script for every node, which cost a long page a third of its walk; one native call
    // per node is cheaper than reading firstChild / nextSibling / parentNode by hand). The
    // subtree of a skipped element is stepped over; shadow roots and frames are not entered.
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    /** The node after the walker's current element and its subtree, or null at the end. */
    function pastSubtree() {
      for (;;) {
        const next = walker.nextSibling();
        if (next) return next;
        if (!walker.parentNode()) return null;
      }
    }
    function step(deadline) {
      for (let n = 1; node; n++) {
        // Reading the clock costs too: every 256 nodes is often enough.
        if ((n & 255) === 0 && performance.now() > deadline) return false;
        if (node.nodeType === Node.TEXT_NODE) {
          // Past CAPS.text the walk ends.
          node = walkText(node) ? walker.nextNode() : null;
        } else {
          node = hidden(node) ? pastSubtree() : walker.nextNode();
        }
      }
      flush();
      return true;
    }

    // Parent element -> its climb: { blockEl, anchor, author }. Text nodes of one element
    // (a paragraph around its links) climb once: each step up is several DOM calls.
    const climbs = new Map();
    /** Up through the inline elements to the block element, noting the nearest link and author element. */
    function climb(parent) {
      let anchor = null;
      let author = null;
      let blockEl = parent;
      while (blockEl && blockEl !== start && isInline(blockEl)) {
        if (!anchor && blockEl.localName === 'a' && blockEl.hasAttribute('href')) anchor = blockEl;
        if (!author && isAuthorElement(blockEl)) author = blockEl;
        blockEl = blockEl.parentElement;
      }
      return { blockEl, anchor, author };
    }

    let textLeft = CAPS.text;
    /** Adds a Text node to the blocks; false once the page's text reached CAPS.text. */
    function walkText(text) {
      const parent = text.parentElement;
      let found = climbs.get(parent);
      if (!found) {
        found = climb(parent);
        climbs.set(parent, found);
      }
      const { blockEl, anchor, author } = found;
      if (!blockEl) return true;
      if (!current || current.el !== blockEl) {
        flush();
        current = {
          el: blockEl,
          element: elementIndex(blockEl),
          segments: [],
          links: [],
          authors: [],
          nodes: [],
          link: null,
          author: null,
        };
      }
      const segment = current.segments.length;
      const data = text.data.length > textLeft ? text.data.slice(0, textLeft) : text.data;
      textLeft -= data.length;
      current.segments.push(wellFormed(data));
      current.nodes.push(text);
      if (anchor) {
        const href = attributesLeft > 0 ? attribute(anchor, 'href') : '';
        attributesLeft -= href.length;
        extendRun(current, 'link', current.links, anchor, segment, (s) => ({ start: s, end: s + 1, href }));
      }
      if (author) {
        extendRun(current, 'author', current.authors, author, segment, (s) => ({ start: s, end: s + 1 }));
      }
      return textLeft > 0;
    }

    function result() {
      const page = {
        url: String(doc.location ? doc.location.href : ''),
        title: wellFormed((doc.title || '').slice(0, CAPS.attribute)),
        meta: metas(doc),
        json_ld: jsonLd(doc),
        elements,
        blocks,
      };
      return { page, nodes, blockElements, concealed };
    }

    /** The first `count` blocks collected so far, in arrays the rest of the walk will not change. */
    function snapshot(count) {
      const { page, ...rest } = result();
      return {
        page: { ...page, elements: elements.slice(), blocks: blocks.slice(0, count) },
        nodes: rest.nodes.slice(0, count),
        blockElements: rest.blockElements.slice(0, count),
      };
    }

    return { step, result, snapshot, model: { elements, blocks } };
  }

  Object.assign(globalThis.newslensDom, { collectPage, collectPageSliced });
})();

// Which highlight a mark is drawn in, and so its colours and underline (highlights.css):
// its kind, the reader's palette, and whether the page is dark where the mark sits.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  const PREFIX = 'newslens-';

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

  /** At most this many of the marked blocks are read for the page's palette. */
  const SAMPLED_BLOCKS = 16;

  /**
   * Whether the article's text is light on dark, and so its marks want the dark palette
   * (highlights.css), whatever the reader's system theme says: it is the page's colours the
   * marks sit on. Read from the blocks `findings` sit in (the article's own text, not the
   * first element of the page that has a colour), up to SAMPLED_BLOCKS of them spread over
   * the article, each counting for its length: a dark banner over a light article, or a
   * light box in a dark one, does not decide for the rest. `nodes[b]` are block `b`'s Text
   * nodes (collectPage).
   */
  function articleIsDark(findings, nodes) {
    const blocks = [...new Set(findings.map((f) => f.block))].filter((b) => nodes[b]?.length);
    const step = Math.max(1, blocks.length / SAMPLED_BLOCKS);
    const backgrounds = new Map(); // element -> luminance of the background its text sits on
    let dark = 0;
    let light = 0;
    for (let i = 0; i < blocks.length; i += step) {
      // The block's longest Text node speaks for it (its first may be a link's, in the link colour).
      let length = 0;
      let longest = null;
      for (const t of nodes[blocks[Math.floor(i)]]) {
        length += t.data.length;
        if (!longest || t.data.length > longest.data.length) longest = t;
      }
      if (textIsLight(longest.parentElement, backgrounds)) dark += length;
      else light += length;
    }
    return dark > light;
  }

  /**
   * Whether the text of `el` is light on its background: lighter than the first opaque
   * background among its ancestors, or, with none (a background image, or the canvas),
   * light in itself.
   */
  function textIsLight(el, backgrounds) {
    if (!el || !el.isConnected) return false;
    const view = el.ownerDocument.defaultView;
    const text = luminance(view.getComputedStyle(el).color);
    const background = backgroundOf(el, view, backgrounds);
    if (text === null) return background !== null && background < 0.2;
    return text > (background ?? 0.5);
  }

  /** Luminance of the first opaque background at or above `el` (null if none), cached per element. */
  function backgroundOf(el, view, cache) {
    if (!el) return null;
    if (!cache.has(el)) {
      const own = luminance(view.getComputedStyle(el).backgroundColor);
      cache.set(el, own !== null ? own : backgroundOf(el.parentElement, view, cache));
    }
    return cache.get(el);
  }

  /** The highlight name of a finding: `palette` ('colour-blind' or not), page brightness, kind. */
  function highlightName(finding, palette, dark) {
    return PREFIX + (palette === 'colour-blind' ? 'cb-' : '') + (dark ? 'dark-' : '') + finding.subtype;
  }

  Object.assign(globalThis.newslensDom, { articleIsDark, highlightName });
})();

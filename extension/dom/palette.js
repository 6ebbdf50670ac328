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

  /** The highlight name of a finding: `palette` ('colour-blind' or not), page brightness, kind. */
  function highlightName(finding, palette, dark) {
    return PREFIX + (palette === 'colour-blind' ? 'cb-' : '') + (dark ? 'dark-' : '') + finding.subtype;
  }

  Object.assign(globalThis.newslensDom, { onDarkBackground, highlightName });
})();

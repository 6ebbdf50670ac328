// Tickers, clocks and live counters: elements whose text the page keeps replacing. Their
// text is left unmarked and their changes ignored, so a page that mutates forever costs
// nothing. Pure bookkeeping over the elements the late-content observer reports
// (content/late.js); tests/js/tickers.test.mjs.
'use strict';

globalThis.newslensTickers = (() => {
  /**
   * An element whose text the page has replaced in this many separate looks is a ticker.
   * (Text that is only added, as in a feed or "load more", never counts.)
   */
  const VOLATILE_CHANGES = 3;

  let changes = new WeakMap(); // element -> looks in which the page replaced its text
  let volatile = new WeakSet(); // elements whose text keeps being replaced
  let anyVolatile = false; // whether `volatile` has any element (a WeakSet cannot say)
  let replaced = new Set(); // elements whose text was replaced since the last look

  /** A new article: what counted as a ticker is looked at afresh. */
  function reset() {
    changes = new WeakMap();
    volatile = new WeakSet();
    anyVolatile = false;
    replaced = new Set();
  }

  /** The page replaced text in `el` (as the observer saw it). */
  function replacedIn(el) {
    replaced.add(el);
  }

  /** A look at the page (an update): every element replaced since the last look counts once. */
  function look() {
    for (const el of replaced) {
      const times = (changes.get(el) || 0) + 1;
      changes.set(el, times);
      if (times >= VOLATILE_CHANGES) {
        volatile.add(el);
        anyVolatile = true;
      }
    }
    replaced = new Set();
  }

  /** Whether `el` is a ticker itself (not looking at its ancestors). */
  const is = (el) => volatile.has(el);

  /** Whether `el` is inside (or is) a ticker. */
  function inside(el) {
    for (let at = el; at; at = at.parentElement) if (volatile.has(at)) return true;
    return false;
  }

  /** Whether a block (its element and Text nodes) is, or holds, a ticker (a live counter in a sentence). */
  function inBlock(el, textNodes) {
    return inside(el) || textNodes.some((n) => inside(n.parentElement));
  }

  /**
   * `findings` without those in blocks that hold a ticker. Walking every Text node's
   * ancestors to check is skipped when there are no tickers: a long page has a hundred
   * thousand Text nodes.
   */
  function unless(findings, nodes, blockElements) {
    if (!anyVolatile) return findings;
    const keep = new Map(); // block -> whether it holds no ticker
    return findings.filter(({ block }) => {
      if (!keep.has(block)) keep.set(block, !inBlock(blockElements[block], nodes[block]));
      return keep.get(block);
    });
  }

  return { reset, replacedIn, look, is, inBlock, unless };
})();

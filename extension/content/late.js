// Content that arrives later ("load more", infinite scroll, single-page-app navigation):
// an observer only notes that the page's text changed; the work runs later, at most once
// per interval, and only on what is new (content/main.js `update`). Text the page showed
// by changing an attribute (a "read more" that drops a class) counts as new too.
'use strict';

globalThis.newslensLate = (() => {
  /** Changes to the page are looked at most this often (milliseconds). */
  const LATE_CONTENT_INTERVAL = 1500;
  const tickers = globalThis.newslensTickers;

  /** The attributes a page changes to show what it hid (a class, an inline style, `hidden`, `<details open>`). */
  const REVEALING = ['class', 'style', 'hidden', 'open'];

  const hasText = (n) => !(n.nodeType === Node.ELEMENT_NODE && n.hasAttribute('data-newslens')) && (n.textContent || '').trim();

  /**
   * Whether a mutation changes the page's text (not the extension's UI, not inside a
   * ticker); notes the element whose text was replaced, if any.
   */
  function pageChange(record) {
    for (let n = record.target; n; n = n.parentNode) {
      if (n.nodeType === Node.ELEMENT_NODE && (tickers.is(n) || n.hasAttribute('data-newslens'))) return false;
    }
    if (record.type === 'attributes') return revealed(record.target);
    if (record.type === 'characterData') {
      if (record.target.parentElement) tickers.replacedIn(record.target.parentElement);
      return true;
    }
    if ([...record.removedNodes].some(hasText)) {
      tickers.replacedIn(record.target);
      return true;
    }
    return [...record.addedNodes].some(hasText);
  }

  let muted = false;
  let observer = null;
  /** Hidden elements with prose, as the last walk of the page found them (dom/collect.js). */
  let concealed = [];

  const shown = (el) => (el.checkVisibility
    ? el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })
    : el.getClientRects().length > 0);

  /**
   * Whether changing an attribute of `target` showed one of the concealed elements (it or
   * an ancestor of it changed). Only those are looked at, so a page that toggles classes
   * all the time (carousels, hover states) costs a few `contains` calls per change and
   * never a new walk.
   */
  function revealed(target) {
    const now = concealed.filter((el) => el.isConnected && target.contains(el) && shown(el));
    if (!now.length) return false;
    concealed = concealed.filter((el) => !now.includes(el));
    return true;
  }

  /** The hidden elements with prose the latest walk of the page stepped over. */
  function remember(elements) {
    concealed = elements;
  }

  /**
   * Calls `changed()` when the page's text has changed, a LATE_CONTENT_INTERVAL later
   * (gathering what changes meanwhile), and when the reader goes back or forward in a
   * single-page app (which changes the article without a load): at once, unless the last
   * call was less than an interval ago. Either way at most once per interval: a page can
   * fire popstate (or step through its history) in a storm, and each call is a full
   * analysis.
   */
  function watch(changed) {
    let pending = null;
    let last = -Infinity; // when changed() was last called
    const later = (wait) => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        last = performance.now();
        changed();
      }, wait);
    };
    observer = new MutationObserver((records) => {
      if (muted) return;
      // Every record is looked at (not just the first that matters): each notes replacements.
      if (records.filter(pageChange).length > 0) later(LATE_CONTENT_INTERVAL);
    });
    if (document.body) {
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: REVEALING });
    }
    addEventListener('popstate', () => later(Math.max(0, last + LATE_CONTENT_INTERVAL - performance.now())));
  }

  /**
   * Runs `work` (which changes the view). In wrapper mode that changes the page's DOM:
   * the observer ignores it, and its records are dropped before the observer listens again.
   */
  async function quietly(view, work) {
    if (!view.wraps) return work();
    muted = true;
    try {
      return await work();
    } finally {
      if (observer) observer.takeRecords();
      muted = false;
    }
  }

  return { watch, quietly, remember };
})();

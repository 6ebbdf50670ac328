// What the popup says about the reader's tab: whether newslens can run there and what it
// found. Pure (tests/js/status.test.mjs): the popup passes the tab's URL and the content
// script's answer to a status question (null when nothing answered). Needs protocol.js.
'use strict';

globalThis.newslensStatus = (() => {
  /**
   * `url`: the tab's address ('' if unknown); `reply`: `{ active, working, article,
   * marks, language }` from the content script, or null. Returns `{ text, runs }`; `runs` is false
   * where newslens cannot work at all (so the popup greys out the per-site switch).
   */
  function describe(url, reply) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
      return { runs: false, text: 'newslens reads web pages only; browser pages, local files and extension pages are left alone.' };
    }
    if (/\.pdf$/i.test(parsed.pathname)) {
      return { runs: false, text: 'This is a PDF document: newslens analyses web pages, not PDFs.' };
    }
    if (!reply) {
      return {
        runs: false,
        text: 'newslens is not running on this page. Browser-protected pages (such as the extension store) and document viewers cannot be read; if this page was open before newslens was installed or updated, reload it.',
      };
    }
    if (!reply.active) return { runs: true, text: 'Off on this page.' };
    if (reply.working) return { runs: true, text: 'Analysing this page…' };
    const otherLanguage = globalThis.newslensProtocol.otherLanguage(reply.language);
    if (otherLanguage) return { runs: true, text: otherLanguage };
    if (!reply.article) return { runs: true, text: 'No article found on this page, so nothing is marked.' };
    const marks = reply.marks === 1 ? '1 mark' : `${reply.marks} marks`;
    return { runs: true, text: `${marks} in this article.` };
  }

  return { describe };
})();

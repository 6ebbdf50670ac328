// Runs in the page (main world) once the extension has had time to work. Reports every
// registered newslens highlight range with its place in the page, and whether the page's
// text is exactly what the server sent. Kept as plain ES2020 syntax so both WebDriver and
// Playwright can evaluate it as a function body.
async function newslensProbe() {
  const ranges = [];
  // Ranges registered twice under one highlight name (same Text node and offsets).
  let duplicates = 0;
  const seen = new Map(); // Text node -> Set of "name start end"
  const rangeText = (range) => {
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.toString();
  };
  if (typeof CSS !== 'undefined' && CSS.highlights) {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('newslens-')) continue;
      for (const range of highlight) {
        if (!range.startContainer.isConnected) continue; // stale: checked by the hostile pages
        const key = `${name} ${range.startOffset} ${range.endOffset}`;
        if (!seen.has(range.startContainer)) seen.set(range.startContainer, new Set());
        if (seen.get(range.startContainer).has(key)) duplicates++;
        seen.get(range.startContainer).add(key);
        const el = range.startContainer.parentElement;
        const block = el.closest('p, li, h1, h2, h3, h4, blockquote, div, td') || el;
        const before = document.createRange();
        before.setStart(block, 0);
        before.setEnd(range.startContainer, range.startOffset);
        const kind = name.slice('newslens-'.length);
        const text = rangeText(range);
        ranges.push({
          subtype: kind.replace(/^dark-/, ''),
          palette: kind.startsWith('dark-') ? 'dark' : 'light',
          // Highlights hold StaticRanges (no toString), which may span Text nodes. Strings
          // go out well formed (WebDriver's JSON parser rejects a lone surrogate); `whole`
          // says whether the range's text was (a range that splits a character is not).
          text: text.toWellFormed(),
          whole: text.isWellFormed(),
          block: block.textContent.toWellFormed(),
          offset: before.toString().length,
          inArticle: !!el.closest('article'),
          region: (el.closest('nav, aside, header, footer, .comments, .cookie, .related, .most-read, .share-bar, .newsletter') || {}).className || null,
        });
      }
    }
  }
  const sent = await (await fetch(location.href, { cache: 'no-store' })).text();
  // Pages that require Trusted Types refuse plain strings as HTML, even the probe's.
  const html = window.trustedTypes && trustedTypes.createPolicy
    ? trustedTypes.createPolicy('newslens-probe', { createHTML: (s) => s }).createHTML(sent)
    : sent;
  const original = new DOMParser().parseFromString(html, 'text/html');
  // <noscript> holds raw text in a scripting browser and markup in DOMParser's inert
  // document, so it is left out of the comparison, as is text a test page changes itself
  // (marked data-test-volatile); everything else must be identical.
  const textOf = (doc) => {
    let text = '';
    const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeName === 'NOSCRIPT' || (n.hasAttribute && n.hasAttribute('data-test-volatile'))
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === Node.TEXT_NODE) text += n.data;
    return text;
  };
  return {
    ranges,
    duplicates,
    textUnchanged: textOf(original) === textOf(document),
    highlightApi: typeof CSS !== 'undefined' && !!CSS.highlights,
  };
}

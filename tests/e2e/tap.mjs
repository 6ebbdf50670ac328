// A tap on a mark, as a pen or a touch screen makes it (trusted input: the extension
// ignores the synthetic events a page can dispatch). Where the mark is comes from the
// page (a self-contained function, passed to Playwright as is and to WebDriver as source
// text); the tap itself from the browser's automation.

/**
 * Scrolls the first range of highlight `name` (whose text is `text`, if given) into view
 * and returns a point on it, `{ x, y }` in the viewport, or null if there is none.
 */
export function markPoint([name, text]) {
  const ranges = [...(CSS.highlights.get(name) || [])];
  const range = ranges.find((r) => text == null || r.startContainer.data.slice(r.startOffset, r.endOffset) === text);
  if (!range) return null;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const rect = live.getBoundingClientRect();
  return { x: rect.x + 2, y: rect.y + rect.height / 2 };
}

/** A pen's tap at `point` in Chromium (Playwright `page`), through the DevTools protocol. */
export async function tapChromium(page, { x, y }) {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const type of ['mousePressed', 'mouseReleased']) {
      await cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1, pointerType: 'pen' });
    }
  } finally {
    await cdp.detach().catch(() => {});
  }
}

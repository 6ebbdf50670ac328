// A tap on a mark, as a touch screen makes it: runs in the page (both browsers), so it is
// written as a self-contained function, passed to Playwright as is and to WebDriver as
// source text.

/**
 * Taps the first range of highlight `name` (whose text is `text`, if given): scrolls it
 * into view and dispatches a touch `pointerdown` at it. Returns whether it found one.
 */
export function tapMark([name, text]) {
  const ranges = [...(CSS.highlights.get(name) || [])];
  const range = ranges.find((r) => text == null || r.startContainer.data.slice(r.startOffset, r.endOffset) === text);
  if (!range) return false;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const rect = live.getBoundingClientRect();
  document.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', clientX: rect.x + 2, clientY: rect.y + rect.height / 2, bubbles: true }));
  return true;
}

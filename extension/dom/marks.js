// What every mark on a page has, whichever way it is drawn (highlight-layer.js, wrap.js):
// which shows on top where marks overlap, where a mark lies in a Text node, what it is
// called.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  /** Kind id -> what the reader is told it is called (kinds.js, from the core's catalogue). */
  const LABELS = new Map(globalThis.newslensKinds.kinds.map((k) => [k.id, k.label]));
  // Higher wins where highlights overlap: a marker shows on top of its sentence's claim.
  const PRIORITY = { opinion: 2, disclosure: 1, claim: 0 };

  /** What the reader is told a finding's kind is called (its id for a kind the catalogue lacks). */
  const label = (finding) => LABELS.get(finding.subtype) || finding.subtype;

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

  globalThis.newslensDom.marks = { PRIORITY, label, byPriority, extent, onNode };
})();

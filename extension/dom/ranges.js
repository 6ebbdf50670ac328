// From findings to the pieces of page text they cover, and to the fewest ranges that
// cover those pieces.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  const protocol = globalThis.newslensProtocol;

  /**
   * The pieces of `findings` as [node, start, end, finding], `nodes[b]` being block b's
   * Text nodes (from collectPage); text that changed since is skipped (protocol.pieces).
   */
  function* findingPieces(findings, nodes) {
    for (const finding of findings) {
      const blockNodes = nodes[finding.block];
      if (!blockNodes) continue;
      for (const [node, start, end] of protocol.pieces(finding, blockNodes)) yield [node, start, end, finding];
    }
  }

  /**
   * The pieces of each finding grouped into spans a single range can cover: pieces on
   * consecutive Text nodes that meet (one ends its node, the next starts at 0) with
   * nothing but element boundaries between them. A sentence over a dozen links and
   * emphases is then one range, not a dozen, to create, register and paint.
   * Yields [finding, pieces] with pieces as from `findingPieces()`.
   */
  function* rangeSpans(findings, nodes) {
    let finding = null;
    let span = [];
    for (const piece of findingPieces(findings, nodes)) {
      const last = span[span.length - 1];
      if (last && (piece[3] !== finding || !joins(last, piece))) {
        yield [finding, span];
        span = [];
      }
      finding = piece[3];
      span.push(piece);
    }
    if (span.length) yield [finding, span];
  }

  /** Whether piece `b` continues piece `a` ([node, start, end, finding]) with no gap. */
  function joins([a, , aEnd], [b, bStart]) {
    return aEnd === a.length && bStart === 0 && nextText(a) === b;
  }

  /**
   * The Text node after `text` in document order, looking no further than a few element
   * boundaries (null beyond them: the span just breaks there). Comments are passed over;
   * any Text node, such as that of a button or script the collector skipped, ends the
   * search, so a range never covers text that is not the finding's.
   */
  function nextText(text) {
    let n = text;
    for (let steps = 0; steps < 16; steps++) {
      if (n !== text && n.firstChild) n = n.firstChild;
      else {
        while (n && !n.nextSibling) n = n.parentNode;
        if (!n) return null;
        n = n.nextSibling;
      }
      if (n.nodeType === Node.TEXT_NODE) return n;
    }
    return null;
  }

  Object.assign(globalThis.newslensDom, { findingPieces, rangeSpans });
})();

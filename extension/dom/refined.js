// The learned tier's refinements on the page (issue 20). After the instant marks are
// shown, the learned model (in the extension's background, the demo page's worker) reads
// the article's sentences, those on screen first, and sends each block's findings as they
// now stand (src/refine.rs): marks it removes fade out, marks it adds appear (highlights:
// the text never moves), and cards say which tier made each mark (dom/card.js). Shared
// by the content script and the www demo.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

globalThis.newslensDom.refined = (() => {
  const protocol = globalThis.newslensProtocol;
  /** The highlight removed marks fade out through (src/catalogue/export.rs FADING). */
  const FADING = 'newslens-fading';
  /** How long a removed mark stays faded before it goes. */
  const FADE_MS = 600;
  /** Blocks past the viewport after which the walk for visible blocks stops (document order is nearly layout order). */
  const BELOW = 20;

  /** A finding's identity within its block: its kind and where it is. */
  const key = (f) => `${f.subtype}:${f.span.join(',')}`;

  /**
   * The indices of the blocks (Text nodes `nodes[block]`, from collectPage) with text on
   * screen: the learned tier refines them first.
   */
  function visibleBlocks(nodes, doc = document) {
    const out = [];
    const range = doc.createRange();
    const height = doc.defaultView.innerHeight;
    let below = 0;
    for (let b = 0; b < nodes.length; b++) {
      const texts = nodes[b];
      if (!texts || !texts.length) continue;
      const last = texts[texts.length - 1];
      range.setStart(texts[0], 0);
      range.setEnd(last, last.length);
      const box = range.getBoundingClientRect();
      if (box.height > 0 && box.bottom >= 0 && box.top <= height) out.push(b);
      else if (out.length && box.top > height && ++below > BELOW) break;
    }
    return out;
  }

  /** Draws `findings` (gone from the page) faded for a moment, where highlights exist. */
  function fade(findings, nodes) {
    if (!findings.length || typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight !== 'function') return;
    let highlight = CSS.highlights.get(FADING);
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(FADING, highlight);
    }
    const ranges = [];
    for (const finding of findings) {
      const pieces = [...protocol.pieces(finding, nodes[finding.block] || [])];
      if (!pieces.length) continue;
      const [first, last] = [pieces[0], pieces[pieces.length - 1]];
      ranges.push(new StaticRange({ startContainer: first[0], startOffset: first[1], endContainer: last[0], endOffset: last[2] }));
    }
    for (const r of ranges) highlight.add(r);
    setTimeout(() => {
      for (const r of ranges) highlight.delete(r);
    }, FADE_MS);
  }

  /**
   * Applies `refinement` (src/refine.rs `Refinement`) to the page: each block it names
   * in `blocks` (`{ nodes, findings }` by block index: its Text nodes and the findings
   * shown, updated here) gets its findings, redrawn in `view` (dom/render.js). Resolves
   * to the marks `{ added, removed }`.
   */
  async function apply(refinement, blocks, view) {
    const nodes = blocks.map((b) => b.nodes);
    const gone = [];
    let added = 0;
    for (const { block, findings } of refinement.blocks) {
      const entry = blocks[block];
      if (!entry) continue;
      const before = new Set(entry.findings.map(key));
      const now = new Set(findings.map(key));
      gone.push(...entry.findings.filter((f) => !now.has(key(f))));
      added += findings.filter((f) => !before.has(key(f))).length;
      entry.findings = findings;
      await view.replace(entry.nodes, findings, nodes);
    }
    fade(gone, nodes);
    return { added, removed: gone.length };
  }

  return { visibleBlocks, apply, key };
})();

// The card that explains a mark: under the pointer, under a tap (touch and pen have no
// hover), or for the mark a keyboard command jumped to. It lives in a closed shadow root,
// out of reach of the page's scripts and CSS, and acts on the reader's own input only;
// page text is only ever set through `textContent`.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  const { uiShadow, focusedElement, trusted } = globalThis.newslensDom;
  const { label, extent, onNode } = globalThis.newslensDom.marks;

  const CARD_CSS = `
    :host { all: initial; }
    .card { position: fixed; z-index: 2147483647; max-width: 340px; padding: 8px 10px;
      font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fffdf5;
      border: 1px solid #b9a66a; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.25); }
    .card[hidden] { display: none; }
    .kind { font-weight: 600; }
    .cue { font-style: italic; margin: 2px 0; }
    .why { color: #444; }
    .claim, .tier, .sentence { color: #444; font-size: 12px; }
    .claim:empty, .sentence:empty { display: none; }
    .note { color: #8a1c1c; margin-top: 4px; }
    .note:empty { display: none; }
    button { margin-top: 6px; font: inherit; font-size: 12px; }`;

  /**
   * Why a sourcing mark's sentence counts as a claim, in words: the core's verdict, its
   * check-worthiness against the threshold that decides whether a missing source is
   * underlined by default, and what in the sentence a reader could check
   * (`claim_reason`, on sourcing findings only). '' for a finding without it.
   */
  function claimReason(finding) {
    return typeof finding.claim_reason === 'string' ? finding.claim_reason : '';
  }

  const percent = (p) => `${Math.round(p * 100)} %`;

  /**
   * Which tier said what (issue 20): the instant tier's word lists, or the learned model
   * with its probability (`finding.learned`, src/finding.rs, once the learned tier has
   * read the mark's sentence), and what the model makes of the sentence. Two lines.
   */
  function tierLines(finding) {
    const learned = finding.learned;
    if (!learned) return ['Marked by: instant (word lists)', ''];
    const p = typeof learned.p === 'number' ? ` (${percent(learned.p)})` : '';
    const by = learned.tier === 'learned'
      ? `Marked by: learned model${p}`
      : `Marked by: instant (word lists)${p && `; learned model${p}`}`;
    return [by, `Sentence (learned model): opinion ${percent(learned.opinion)}, check-worthy claim ${percent(learned.claim)}`];
  }

  /** The Text node and offset under a point, in either browser's API. */
  function caretAt(doc, x, y) {
    if (doc.caretPositionFromPoint) {
      const p = doc.caretPositionFromPoint(x, y);
      return p && { node: p.offsetNode, offset: p.offset };
    }
    if (doc.caretRangeFromPoint) {
      const r = doc.caretRangeFromPoint(x, y);
      return r && { node: r.startContainer, offset: r.startOffset };
    }
    return null;
  }

  /**
   * Shows a card for the mark under the pointer, or under a tap (touch and pen have no
   * hover); `explain(node)` shows it for the first mark on a Text node and moves the
   * keyboard focus to the card (Escape closes it and gives the focus back).
   */
  function hoverCard(doc, byNode, actions) {
    let host = null;
    let box = null;
    let pending = false;
    let last = null;
    let shown = null; // the finding on the card
    let returnFocus = null; // where the focus was before explain() moved it to the card
    let pinned = false; // opened by explain(): stays until Escape, a click or another mark

    function ensureCard() {
      if (box) return box;
      const ui = uiShadow(doc, 'card', CARD_CSS);
      host = ui.host;
      box = doc.createElement('div');
      box.className = 'card';
      box.setAttribute('role', 'dialog');
      box.setAttribute('aria-label', 'newslens: what this mark means');
      box.tabIndex = -1;
      box.hidden = true;
      box.addEventListener('keydown', trusted((event) => {
        if (event.key !== 'Escape') return;
        box.hidden = true;
        if (returnFocus && returnFocus.focus) returnFocus.focus();
      }));
      for (const cls of ['kind', 'cue', 'why', 'claim', 'tier', 'sentence', 'note']) {
        const line = doc.createElement('div');
        line.className = cls;
        box.appendChild(line);
      }
      if (actions.dismiss) {
        const button = doc.createElement('button');
        button.type = 'button';
        button.textContent = 'Not a cue here';
        // Hidden once the cue is silenced; a failure (storage full, the limit of cues
        // reached) is told on the card instead.
        button.addEventListener('click', trusted(async () => {
          const finding = shown;
          if (!finding) return;
          const problem = await actions.dismiss(finding);
          if (shown !== finding) return;
          if (problem) box.querySelector('.note').textContent = problem;
          else box.hidden = true;
        }));
        box.appendChild(button);
      }
      ui.shadow.appendChild(box);
      doc.documentElement.appendChild(host);
      return box;
    }

    function show(finding, x, y) {
      const card = ensureCard();
      const [kind, cue, why, claim, tier, sentence, note] = card.children;
      kind.textContent = `${label(finding)} · ${finding.category}`;
      cue.textContent = finding.cue ? `“${finding.cue}”` : '';
      why.textContent = (actions.explanations || {})[finding.subtype] || '';
      claim.textContent = claimReason(finding);
      [tier.textContent, sentence.textContent] = tierLines(finding);
      note.textContent = '';
      shown = finding;
      const button = card.querySelector('button');
      if (button) button.hidden = !finding.cue;
      card.style.left = `${Math.min(x + 12, innerWidth - 360)}px`;
      card.style.top = `${y + 16}px`;
      card.hidden = false;
    }

    function update() {
      pending = false;
      const at = last && caretAt(doc, last.x, last.y);
      const here = at && byNode.get(at.node);
      const hits = (here || []).filter((m) => {
        const [start, end] = extent(m, at.node);
        return start <= at.offset && at.offset < end;
      });
      hits.sort(onNode(at.node));
      if (hits.length) {
        pinned = false;
        show(hits[0].finding, last.x, last.y);
      } else if (box && !pinned) {
        box.hidden = true;
      }
    }

    function onMove(event) {
      // Over the card itself: keep it, so its button can be reached.
      if (host && event.composedPath().includes(host)) return;
      last = { x: event.clientX, y: event.clientY };
      if (!pending) {
        pending = true;
        requestAnimationFrame(update);
      }
    }
    function onTap(event) {
      if (host && event.composedPath().includes(host)) return;
      pinned = false;
      if (event.pointerType !== 'mouse') onMove(event);
    }

    /**
     * The card for the first mark on `node`, next to it, with the keyboard focus: of
     * `category` when given (jumping to the next claim shows the claim, not an opinion
     * marker drawn over it).
     */
    function explain(node, category) {
      // In wrapper mode the marks sit on pieces split off the node, inside its parent.
      const key = byNode.has(node) ? node : [...byNode.keys()].find((k) => node.parentNode && node.parentNode.contains(k));
      const all = [...(byNode.get(key) || [])].sort(onNode(key));
      const wanted = all.filter((m) => m.finding.category === category);
      const marks = wanted.length ? wanted : all;
      if (!marks.length) return false;
      node = key;
      const [start, end] = extent(marks[0], node);
      const range = doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const rect = range.getBoundingClientRect();
      show(marks[0].finding, rect.left, rect.bottom - 8);
      pinned = true;
      // The focused element, inside shadow roots too (the panel's buttons live in one).
      returnFocus = focusedElement(doc);
      box.focus();
      return true;
    }

    // Only the reader's pointer: a page's forged events over a mark open no card.
    const move = trusted(onMove);
    const tap = trusted(onTap);
    doc.addEventListener('pointermove', move, { passive: true });
    doc.addEventListener('pointerdown', tap, { passive: true });
    return {
      explain,
      remove() {
        doc.removeEventListener('pointermove', move);
        doc.removeEventListener('pointerdown', tap);
        if (host) host.remove();
      },
    };
  }

  globalThis.newslensDom.hoverCard = hoverCard;
})();

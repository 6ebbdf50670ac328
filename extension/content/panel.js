// The side panel: a small "newslens" pill in the page's corner that opens a panel with
// the article type, the author's disclosure, counts per kind (dom/summary.js) and
// buttons to jump to the previous or next mark of each category. It lives in a closed
// shadow root attached to <html>, outside the page's <body>, out of reach of the page's
// scripts and CSS, and acts on the reader's own input only.
'use strict';

globalThis.newslensPanel = (() => {
  const { uiShadow, trusted } = globalThis.newslensDom;
  /** [id, label] of each category, in the catalogue's order (kinds.js). */
  const CATEGORIES = globalThis.newslensKinds.categories.map((c) => [c.id, c.label]);
  const CSS_TEXT = `
    :host { all: initial; }
    .root { position: fixed; right: 12px; bottom: 12px; z-index: 2147483646;
      font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; }
    .pill { border: 1px solid #8a7a45; border-radius: 14px; background: #fffdf5; padding: 4px 10px;
      cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.2); font: inherit; }
    .panel { width: 280px; max-height: 70vh; overflow: auto; background: #fffdf5; border: 1px solid #b9a66a;
      border-radius: 6px; padding: 8px 10px; margin-bottom: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.25); }
    .panel[hidden] { display: none; }
    .type { font-weight: 700; letter-spacing: .05em; margin: 0; padding: 3px 6px; background: #eef; border-left: 4px solid #1565c0; }
    .type-opinion, .type-editorial, .type-letter, .type-advice, .type-blog { background: #fff3e0; border-color: #ef6c00; }
    .evidence { color: #555; font-size: 11px; margin: 2px 0 6px; }
    .disclosure { border: 1px solid #cfd8e3; padding: 3px 6px; margin: 6px 0; }
    .disclosure h3 { margin: 2px 0; font-size: 13px; }
    .disclosure p, dd { margin: 1px 0; }
    .language { margin: 4px 0; }
    .left-out, .tier-note { color: #555; font-size: 11px; margin: 4px 0; }
    dt { font-weight: 600; margin-top: 4px; text-transform: capitalize; }
    .nav { display: flex; align-items: center; gap: 6px; margin: 3px 0; }
    .nav span { flex: 1; }
    .nav button { font: inherit; padding: 0 6px; }
    .minimap { position: relative; height: 120px; margin: 6px 0 2px; background: #f1ecd9; border: 1px solid #d8cfa8; }
    .tick { position: absolute; width: 32%; height: 2px; min-height: 2px; padding: 0; border: 0; cursor: pointer; }
    .tick-opinion { background: #c62828; }
    .tick-claim { background: #2e7d32; }
    .tick-disclosure { background: #1565c0; }`;

  /**
   * Shows the panel for `analysis`; `targets[category]` lists a Text node per mark, in
   * document order, to jump to. Options: `open` shows it unfolded (when it replaces a
   * panel the reader had open); `explain(node)` shows the card of the mark jumped to.
   * Returns `{ remove(), open }`.
   */
  function show(analysis, targets, { doc = document, open = false, explain = () => {} } = {}) {
    const { host, shadow } = uiShadow(doc, 'panel', CSS_TEXT);
    const root = doc.createElement('div');
    root.className = 'root';
    const panel = doc.createElement('section');
    panel.className = 'panel';
    panel.hidden = !open;
    panel.setAttribute('aria-label', 'newslens summary');
    const summary = doc.createElement('div');
    globalThis.newslensDom.summarize(summary, analysis, { settings: true });
    panel.appendChild(summary);
    for (const [category, label] of CATEGORIES) {
      const nodes = targets[category] || [];
      if (!nodes.length) continue;
      const row = doc.createElement('div');
      row.className = 'nav';
      const name = doc.createElement('span');
      name.textContent = `${label} (${nodes.length})`;
      row.appendChild(name);
      for (const [text, direction] of [['◀', -1], ['▶', 1]]) {
        const button = doc.createElement('button');
        button.type = 'button';
        button.textContent = text;
        button.setAttribute('aria-label', `${direction < 0 ? 'Previous' : 'Next'} ${label.toLowerCase()}`);
        button.dataset.category = category;
        button.dataset.direction = String(direction);
        button.addEventListener('click', trusted(() => explain(jump(nodes, direction), category)));
        row.appendChild(button);
      }
      panel.appendChild(row);
    }
    const map = minimap(doc, targets, (node) => explain(reveal(node)));
    panel.appendChild(map.element);
    const pill = doc.createElement('button');
    pill.type = 'button';
    pill.className = 'pill';
    // On a page in another language: no count of nothing, but why (the panel says it whole).
    const otherLanguage = globalThis.newslensProtocol.otherLanguage(analysis.language);
    pill.textContent = `newslens · ${otherLanguage ? 'not English' : analysis.findings.length}`;
    if (otherLanguage) pill.title = otherLanguage;
    pill.setAttribute('aria-expanded', String(open));
    pill.addEventListener('click', trusted(() => {
      panel.hidden = !panel.hidden;
      pill.setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden) map.draw();
    }));
    if (open) map.draw();
    root.append(panel, pill);
    shadow.appendChild(root);
    doc.documentElement.appendChild(host);
    return {
      remove: () => host.remove(),
      get open() {
        return !panel.hidden;
      },
    };
  }

  /** Rows of the density minimap: the page's height is divided into this many bands. */
  const MINIMAP_ROWS = 60;

  /**
   * The density minimap: a strip standing for the whole page, with a tick per category
   * in every row that has marks (darker for more). Drawn when the panel opens (it
   * measures where marks are, which costs a layout); a click jumps to that row's first
   * mark. Returns `{ element, draw() }`.
   */
  function minimap(doc, targets, go) {
    const element = doc.createElement('div');
    element.className = 'minimap';
    element.setAttribute('role', 'group');
    element.setAttribute('aria-label', 'Where the marks are on the page');
    function draw() {
      element.replaceChildren();
      const height = Math.max(1, doc.documentElement.scrollHeight);
      CATEGORIES.forEach(([category, label], column) => {
        const rows = new Map(); // row -> Text nodes
        for (const node of targets[category] || []) {
          if (!node.isConnected) continue;
          const top = node.parentElement.getBoundingClientRect().top + scrollY;
          const row = Math.min(MINIMAP_ROWS - 1, Math.max(0, Math.floor((top / height) * MINIMAP_ROWS)));
          if (!rows.has(row)) rows.set(row, []);
          rows.get(row).push(node);
        }
        for (const [row, nodes] of rows) {
          const tick = doc.createElement('button');
          tick.type = 'button';
          tick.className = `tick tick-${category}`;
          tick.style.top = `${(row / MINIMAP_ROWS) * 100}%`;
          tick.style.left = `${column * 34}%`;
          tick.style.opacity = String(Math.min(1, 0.35 + nodes.length * 0.15));
          tick.setAttribute('aria-label', `${nodes.length} ${label.toLowerCase()} at ${Math.round((row / MINIMAP_ROWS) * 100)}% of the page`);
          tick.addEventListener('click', trusted(() => go(nodes[0])));
          element.appendChild(tick);
        }
      });
    }
    return { element, draw };
  }

  /**
   * Scrolls to the next (or previous) mark below (or above) the middle of the window;
   * returns its Text node.
   */
  function jump(nodes, direction) {
    const middle = innerHeight / 2;
    // Element centres: the mark scrolled to last sits at the middle and is skipped.
    const centres = nodes.map((n) => {
      const r = n.parentElement.getBoundingClientRect();
      return (r.top + r.bottom) / 2;
    });
    const order = centres.map((c, i) => (direction > 0 ? i : centres.length - 1 - i));
    const pick = order.find((i) => (direction > 0 ? centres[i] > middle + 4 : centres[i] < middle - 4));
    const target = nodes[pick === undefined ? order[0] : pick];
    return reveal(target);
  }

  /** Scrolls `node` to the middle of the window; returns it. */
  function reveal(node) {
    node.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
    return node;
  }

  return { show, jump };
})();

// Builds the summary of an analysis — article type, byline, author disclosures, counts
// per kind and the sourcing the default view left out — into a container element.
// Shared by the www demo and the extension panel (both load protocol.js first).
// Page-derived strings are only ever set as textContent.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  /** [category, its kinds' ids] in the catalogue's order: the rows of the counts. */
  const KINDS = globalThis.newslensKinds.categories.map(({ id, kinds }) => [id, kinds]); // kinds.js

  function el(doc, tag, text, cls) {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  /**
   * Replaces the children of `container` with a summary of `analysis`. `settings`: the
   * reader has settings to point to (the extension's panel; the demo has none).
   */
  function summarize(container, analysis, { settings = false } = {}) {
    const doc = container.ownerDocument;
    const type = analysis.article_type || { kind: 'unknown', evidence: '', estimated: true };
    const banner = el(doc, 'p', `${type.kind.toUpperCase()}${type.estimated ? ' (estimated)' : ''}`, `type type-${type.kind}`);
    banner.title = type.evidence;
    const parts = [banner];
    if (type.evidence) parts.push(el(doc, 'p', type.evidence, 'evidence'));
    const otherLanguage = globalThis.newslensProtocol.otherLanguage(analysis.language);
    if (otherLanguage) parts.push(el(doc, 'p', otherLanguage, 'language'));
    // What the learned tier did, or why it could not (content/refined.js), when it runs.
    if (analysis.tierNote) parts.push(el(doc, 'p', analysis.tierNote, 'tier-note'));
    if (analysis.byline) {
      // An organisation as author ("Reuters", "BBC News") is said to be one: no person signs.
      const who = analysis.byline_organisation ? `${analysis.byline} (an organisation)` : analysis.byline;
      parts.push(el(doc, 'p', `By ${who}`, 'byline'));
    }

    for (const d of analysis.disclosures || []) {
      const box = el(doc, 'section', undefined, 'disclosure');
      box.appendChild(el(doc, 'h3', d.person || d.kind.replace(/-/g, ' ')));
      const facts = [
        ['Now', d.current_roles], ['Before', d.past_roles],
        ['Organisations', d.organisations], ['Interests', d.interests],
      ];
      for (const [label, values] of facts) {
        if (values && values.length) box.appendChild(el(doc, 'p', `${label}: ${values.join('; ')}`));
      }
      parts.push(box);
    }

    const counts = new Map();
    for (const f of analysis.findings) counts.set(f.subtype, (counts.get(f.subtype) || 0) + 1);
    const table = el(doc, 'dl', undefined, 'counts');
    for (const [category, subtypes] of KINDS) {
      const total = subtypes.reduce((n, s) => n + (counts.get(s) || 0), 0);
      table.appendChild(el(doc, 'dt', `${category}: ${total}`));
      for (const s of subtypes) {
        if (counts.get(s)) table.appendChild(el(doc, 'dd', `${s.replace(/-/g, ' ')}: ${counts.get(s)}`));
      }
    }
    parts.push(table);
    // The default view underlines neither a named source nor a missing one outside a
    // check-worthy claim (the reader's "Show sourcing of every sentence" setting shows
    // them all): say how many sentences that left plain, so the rest is never silently gone.
    const left = analysis.sourcing_left_out || 0;
    if (left) {
      const sentences = left === 1 ? '1 sentence' : `${left} sentences`;
      const how = settings ? ' — show all in settings' : '';
      parts.push(el(doc, 'p', `${sentences} not underlined (named sources, narration)${how}`, 'left-out'));
    }
    container.replaceChildren(...parts);
  }

  globalThis.newslensDom.summarize = summarize;
})();

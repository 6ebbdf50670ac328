// The extension's own elements on a page (the card, the panel, wrapper-mode marks): each
// in a host element the page cannot predict or mistake for one of its own; our UI in
// closed shadow roots, acting on the reader's own (trusted) input only.
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

(() => {
  // A name no page can predict: a page that defines a custom element called like ours
  // would otherwise run its code on our card.
  const HOST_SUFFIX = Math.random().toString(36).slice(2, 8);

  /**
   * A host element for the extension's own UI, tagged `data-newslens` with its `kind` so
   * observers and tests can tell it from the page's elements.
   */
  function uiHost(doc, kind) {
    const host = doc.createElement(`newslens-${kind}-${HOST_SUFFIX}`);
    host.setAttribute('data-newslens', kind);
    return host;
  }

  /** Our closed shadow roots, by host: the page cannot reach into them (`host.shadowRoot` is null); we can. */
  const roots = new WeakMap();

  /**
   * A host for `kind` with a closed shadow root styled by `css`; returns `{ host, shadow }`.
   * Closed, because a page's script once found our card in its open root and clicked
   * "Not a cue here" for the reader; the page's CSS stays out of it too.
   */
  function uiShadow(doc, kind, css) {
    const host = uiHost(doc, kind);
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    roots.set(host, shadow);
    return { host, shadow };
  }

  /** The element with the keyboard focus, inside shadow roots too (the page's open ones and ours). */
  function focusedElement(doc) {
    let el = doc.activeElement;
    for (let root = el && (roots.get(el) || el.shadowRoot); root && root.activeElement; root = roots.get(el) || el.shadowRoot) {
      el = root.activeElement;
    }
    return el;
  }

  /**
   * `handler` for the reader's own input only: an event a page's script dispatches
   * (`isTrusted` false), such as a forged pointer event over a mark, is ignored.
   */
  const trusted = (handler) => (event) => {
    if (event.isTrusted) handler(event);
  };

  Object.assign(globalThis.newslensDom, { uiHost, uiShadow, focusedElement, trusted });
})();

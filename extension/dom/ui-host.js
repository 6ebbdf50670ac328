// The extension's own elements on a page (the card, the panel, wrapper-mode marks): each
// in a host element the page cannot predict or mistake for one of its own.
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

  globalThis.newslensDom.uiHost = uiHost;
})();

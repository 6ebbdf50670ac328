// Runs the Rust core on a page model: in the content script when the page lets wasm
// compile (fast path), otherwise in the extension's background through one message.
//
// Chromium applies the page's Content-Security-Policy to WebAssembly compiled in content
// scripts, so on a page with `script-src 'self'` compilation fails; the background has the
// extension's own CSP ('wasm-unsafe-eval') and always can. Both paths call the same
// `analyze` binding with the same data, so the result does not depend on the path.
'use strict';

globalThis.newslensAnalyzer = (() => {
  const WASM = 'pkg/newslens_bg.wasm';
  let inPage = null; // Promise<boolean>: whether the core runs in this content script

  function startInPage() {
    if (!inPage) {
      inPage = wasm_bindgen({ module_or_path: chrome.runtime.getURL(WASM) }).then(
        () => true,
        (error) => {
          console.info(`newslens: analysing in the background (${error && error.name || 'wasm unavailable'} in this page)`);
          return false;
        },
      );
    }
    return inPage;
  }

  async function inBackground(page, options) {
    const reply = await chrome.runtime.sendMessage({ type: 'newslens/analyze', page, options });
    if (!reply || reply.error) {
      throw new Error(`newslens: the background could not analyse this page: ${reply ? reply.error : 'no reply'}`);
    }
    return reply.analysis;
  }

  /**
   * Analyses `page` with the reader's `options` (src/options.rs; undefined for defaults).
   * Resolves to `{ analysis, where }`, `where` being "page" or "background".
   */
  async function analyze(page, options) {
    if (await startInPage()) return { analysis: wasm_bindgen.analyze(page, options), where: 'page' };
    return { analysis: await inBackground(page, options), where: 'background' };
  }

  return { analyze };
})();

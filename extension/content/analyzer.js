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
  let exports = null; // the wasm instance's exports, once instantiated here

  function startInPage() {
    if (!inPage) {
      inPage = wasm_bindgen({ module_or_path: chrome.runtime.getURL(WASM) }).then(
        (instance) => {
          exports = instance;
          return true;
        },
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
   * Analyses `page` with the reader's `options` (src/options.rs; undefined for defaults),
   * in the background when `preferBackground` (long pages) or when wasm cannot run here.
   * Resolves to `{ analysis, where, timings }`: `where` is "page" or "background";
   * `timings` holds milliseconds spent instantiating the wasm and analysing.
   */
  async function analyze(page, options, preferBackground = false) {
    const started = performance.now();
    const here = !preferBackground && (await startInPage());
    const instantiated = performance.now();
    const analysis = here ? wasm_bindgen.analyze(page, options) : await inBackground(page, options);
    const timings = { instantiate: instantiated - started, analyze: performance.now() - instantiated };
    return { analysis, where: here ? 'page' : 'background', timings };
  }

  /** Bytes of wasm linear memory in this content script (0 when it runs elsewhere). */
  function wasmMemory() {
    return exports && exports.memory ? exports.memory.buffer.byteLength : 0;
  }

  return { analyze, wasmMemory };
})();

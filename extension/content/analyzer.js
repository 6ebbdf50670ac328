// Runs the Rust core on a page model, in the extension's background, through the port
// content/channel.js opened when the page started loading.
//
// The background keeps one warm instance for every tab (ready by the time the page is),
// so a page pays neither compiling the wasm nor building the word lists, and the analysis
// never runs on the page's main thread. (The page could not be relied on anyway:
// Chromium applies a page's strict CSP to wasm compiled in content scripts.) The
// `analyze` binding is the same one the demo page calls in a worker.
'use strict';

globalThis.newslensAnalyzer = (() => {
  /**
   * Analyses `page` with the reader's `options` (src/options.rs; undefined for defaults).
   * Resolves to `{ analysis, where, timings, wasmMemory }`: `where` is "background";
   * `timings.analyze` is the milliseconds from sending the page to having the analysis,
   * `timings.core` the part spent in the core; `wasmMemory` the background's wasm memory.
   */
  async function analyze(page, options) {
    const started = performance.now();
    // As JSON text both ways: one string crosses the message channel far more cheaply
    // than a large object graph.
    const message = { page: JSON.stringify(page), options: options ? JSON.stringify(options) : '' };
    const reply = await globalThis.newslensChannel.request(message);
    if (!reply || reply.error) {
      throw new Error(`the background could not analyse this page: ${reply ? reply.error : 'no reply'}`);
    }
    const analysis = JSON.parse(reply.analysis);
    const timings = { analyze: performance.now() - started, core: reply.core };
    return { analysis, where: 'background', timings, wasmMemory: reply.memory };
  }

  return { analyze };
})();

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
  /** Blocks per piece of the page's JSON text (a piece is one message to the background). */
  const BLOCKS_PER_PART = 400;
  const { sliced } = globalThis.newslensDom;

  /**
   * The page model as JSON text in pieces, written a slice at a time: for a long page
   * both writing it and handing it to the message channel would each be a long task.
   */
  async function jsonParts(page) {
    if (page.blocks.length <= BLOCKS_PER_PART) return [JSON.stringify(page)];
    const { blocks, ...rest } = page;
    const head = JSON.stringify(rest);
    const parts = [`${head === '{}' ? '{' : `${head.slice(0, -1)},`}"blocks":[`];
    const starts = Array.from({ length: Math.ceil(blocks.length / BLOCKS_PER_PART) }, (_, k) => k * BLOCKS_PER_PART);
    await sliced(starts, (i) => {
      const piece = blocks.slice(i, i + BLOCKS_PER_PART).map((b) => JSON.stringify(b)).join(',');
      parts.push(i ? `,${piece}` : piece);
    });
    parts.push(']}');
    return parts;
  }

  /**
   * Analyses `page` with the reader's `options` (src/options.rs; undefined for defaults).
   * Resolves to `{ analysis, where, timings, wasmMemory }`: `where` is "background";
   * `timings.analyze` is the milliseconds from sending the page to having the analysis,
   * `timings.core` the part spent in the core, `timings.instantiate` and `timings.warmUp`
   * what the background spent once, when it started, on the wasm and its first warm-up
   * analysis; `wasmMemory` the background's wasm memory.
   */
  async function analyze(page, options) {
    const started = performance.now();
    // As JSON text both ways: strings cross the message channel far more cheaply than
    // a large object graph.
    const parts = await jsonParts(page);
    const reply = await globalThis.newslensChannel.request(parts, options ? JSON.stringify(options) : '');
    if (!reply || reply.error) {
      throw new Error(`the background could not analyse this page: ${reply ? reply.error : 'no reply'}`);
    }
    const analysis = JSON.parse(reply.analysis);
    const timings = { analyze: performance.now() - started, core: reply.core, ...reply.startup };
    return { analysis, where: 'background', timings, wasmMemory: reply.memory };
  }

  return { analyze };
})();

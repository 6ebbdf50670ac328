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
  /** Blocks per message when a page already collected is sent (a slice at a time). */
  const BLOCKS_PER_PART = 400;
  const { sliced } = globalThis.newslensDom;
  const protocol = globalThis.newslensProtocol;

  /**
   * Starts analysing a page with the reader's `options` (src/options.rs; undefined for
   * defaults) while it is still being collected: the background runs the detectors on
   * its blocks as they come (src/session.rs), so little is left to do once the walk ends.
   * `push(model, upTo)` sends the elements and blocks of `model` (the page's so far:
   * `{ elements, blocks }`, lists that only grow) that were not sent before, blocks up to
   * `upTo`; `cancel(why)` gives the analysis up (the page could not be collected);
   * `finish(page, visible)` sends the rest of the page and resolves to
   * `{ analysis, where, timings }`: `where` is "background"; `timings.analyze` is the
   * milliseconds from `finish` to having the analysis, `timings.streamed` how many blocks
   * were pushed before `finish`, and the rest what the background reports when the
   * benchmark asks it (background.js). With `onRefined`, `finish` is given `visible` (the
   * indices of the blocks the reader sees) and the learned tier refines the page after
   * the reply, those blocks first: `onRefined` hears each refinement (see channel.js).
   */
  function stream(options, onRefined = null) {
    const request = globalThis.newslensChannel.request(protocol.options(options), onRefined);
    const sent = { elements: 0, blocks: 0 };
    /** The parts of `model` not sent yet (blocks up to `upTo`), marked as sent. */
    function unsent({ elements, blocks }, upTo = blocks.length) {
      const part = { elements: elements.slice(sent.elements), blocks: blocks.slice(sent.blocks, upTo) };
      sent.elements = elements.length;
      sent.blocks = Math.max(sent.blocks, upTo);
      return part;
    }
    function push(model, upTo) {
      const part = unsent(model, upTo);
      if (part.blocks.length || part.elements.length) request.post(protocol.batch(part));
    }
    async function finish(page, visible = null) {
      const started = performance.now();
      const streamed = sent.blocks;
      // What was not pushed during the walk goes in parts, a slice at a time: for a long
      // page both writing it and handing it to the message channel at once were long tasks.
      const ends = [];
      for (let end = sent.blocks + BLOCKS_PER_PART; end < page.blocks.length; end += BLOCKS_PER_PART) ends.push(end);
      await sliced(ends, (end) => push(page, end));
      request.post(protocol.last({ ...page, ...unsent(page) }, visible));
      const { analysis, timings } = protocol.analysisOf(await request.replied);
      return { analysis, where: 'background', timings: { analyze: performance.now() - started, streamed, ...timings } };
    }
    return { push, finish, cancel: request.cancel };
  }

  /** Analyses `page`, collected already, with `options`: `stream(options).finish(page)`. */
  function analyze(page, options) {
    return stream(options).finish(page);
  }

  return { analyze, stream };
})();

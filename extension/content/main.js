// Content script entry: collect the page model, analyse it, render the findings.
'use strict';

/** Pages with more text than this are analysed off the main thread (about 30 pages). */
const LONG_PAGE_CHARS = 100000;

(async () => {
  const { collectPage, render } = globalThis.newslensDom;
  const analyzer = globalThis.newslensAnalyzer;
  try {
    const started = performance.now();
    const { page, nodes } = collectPage(document);
    if (!page.blocks.length) return;
    const collected = performance.now();
    // Long pages are analysed in the background, off the page's main thread.
    const chars = page.blocks.reduce((n, b) => n + b.segments.reduce((m, s) => m + s.length, 0), 0);
    const { analysis, where, timings } = await analyzer.analyze(page, undefined, chars > LONG_PAGE_CHARS);
    const analysed = performance.now();
    await render(analysis, nodes);
    const done = performance.now();
    // One line at debug level (hidden by default) for anyone measuring: `tests/bench`.
    console.debug(`newslens: ${JSON.stringify({
      where, collect: collected - started, ...timings, highlight: done - analysed, total: done - started,
      blocks: page.blocks.length, findings: analysis.findings.length, wasmMemory: analyzer.wasmMemory(),
    })}`);
  } catch (error) {
    // Never break the page: report once, quietly, and leave the page as it was.
    console.warn('newslens: analysis failed:', error);
  }
})();

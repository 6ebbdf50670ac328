// Content script entry: read the reader's settings, collect the page model, analyse it,
// render the findings; again whenever the settings change.
'use strict';

/** Pages with more text than this are analysed off the main thread (about 30 pages). */
const LONG_PAGE_CHARS = 100000;
/** Content that arrives later is analysed at most this often (milliseconds). */
const LATE_CONTENT_INTERVAL = 1500;

(() => {
  const { collectPage, render } = globalThis.newslensDom;
  const analyzer = globalThis.newslensAnalyzer;
  const settings = globalThis.newslensSettings;
  const host = location.hostname;
  let view = null;
  let panel = null;
  let queue = Promise.resolve();

  /** Tells the background how many marks this tab shows (for the toolbar badge). */
  function count(marks) {
    chrome.runtime.sendMessage({ type: 'newslens/count', count: marks }).catch(() => {});
  }

  /** A Text node per finding, by category, in document order: where the panel jumps to. */
  function targets(analysis, nodes) {
    const out = {};
    for (const f of analysis.findings) {
      const node = f.ranges.length && nodes[f.block] && nodes[f.block][f.ranges[0].segment];
      if (node) (out[f.category] = out[f.category] || []).push(node);
    }
    return out;
  }

  /** "Not a cue here": silence this cue on this site, remembered in the settings. */
  async function dismiss(finding) {
    const s = await settings.load();
    s.exceptions.push({ cue: finding.cue, site: host });
    await settings.save(s); // storage.onChanged re-runs the analysis
  }

  async function run() {
    if (view) view.clear();
    if (panel) panel.remove();
    view = null;
    panel = null;
    const s = await settings.load();
    if (!settings.activeOn(s, host)) {
      count(0);
      return;
    }
    const started = performance.now();
    const { page, nodes } = collectPage(document);
    if (!page.blocks.length) return;
    const collected = performance.now();
    // Long pages are analysed in the background, off the page's main thread.
    const chars = page.blocks.reduce((n, b) => n + b.segments.reduce((m, t) => m + t.length, 0), 0);
    const { analysis, where, timings } = await analyzer.analyze(page, settings.coreOptions(s), chars > LONG_PAGE_CHARS);
    const analysed = performance.now();
    view = await render(analysis, nodes, document, { dismiss });
    const done = performance.now();
    if (analysis.findings.length) panel = globalThis.newslensPanel.show(analysis, targets(analysis, nodes));
    count(view.marks);
    // One line at debug level (hidden by default) for anyone measuring: `tests/bench`.
    console.debug(`newslens: ${JSON.stringify({
      where, collect: collected - started, ...timings, highlight: done - analysed, total: done - started,
      blocks: page.blocks.length, findings: analysis.findings.length, wasmMemory: analyzer.wasmMemory(),
    })}`);
  }

  /** Runs one analysis after another; never breaks the page, reports failures once each. */
  function schedule() {
    queue = queue.then(run).catch((error) => console.warn('newslens: analysis failed:', error));
  }

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[settings.KEY]) schedule();
  });

  // Content that arrives later ("load more", infinite scroll, SPA navigation): the
  // observer only notes that text was added; the analysis runs later, at most once per
  // interval, so a page that mutates constantly costs one analysis per interval.
  let lateContent = null;
  const observer = new MutationObserver((records) => {
    if (lateContent) return;
    const addsText = records.some((r) => [...r.addedNodes].some((n) => (n.textContent || '').trim()));
    if (addsText) lateContent = setTimeout(() => { lateContent = null; schedule(); }, LATE_CONTENT_INTERVAL);
  });
  if (document.body) observer.observe(document.body, { childList: true, subtree: true });
  schedule();
})();

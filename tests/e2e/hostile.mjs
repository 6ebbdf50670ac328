// The hostile page suite (hostile-pages.mjs) in one browser: on every page the extension
// still marks the article, leaves the page's text, form values and scripts alone, keeps
// the page painting smoothly, makes no request of its own, and on a page that mutates
// forever settles down instead of re-analysing without end.
import { HOSTILE_PAGES } from './hostile-pages.mjs';
import { reportTimings } from './chromium.mjs';

const CANARY = `(() => {
  const hedges = CSS.highlights.get('newslens-hedge');
  // Only getters here: the page may have overridden DOM methods, and counts their calls.
  return !!hedges && [...hedges].some((r) => r.startContainer.parentNode.className === 'canary');
})()`;
/**
 * On the 1 MB page: how many registered ranges lie more than FAR_SCREENS screens from the
 * viewport, and how many within one, at the top and again after scrolling to the end.
 * Past a few thousand Text nodes of ranges, only those within a few screens of the
 * viewport are registered (dom/highlight-layer.js: KEEP_SCREENS, and the runs of blocks that are
 * registered together), and registering follows the reader. (All registered, as before,
 * left 880 ranges over 10 screens away at the top.) Then a paragraph the page adds there
 * must be marked (an incremental update of a view that only draws what is near).
 */
const FAR_SCREENS = 10;
const NEAR_VIEWPORT = `async () => {
  const count = () => {
    let far = 0;
    let near = 0;
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('newslens-')) continue;
      for (const r of h) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const box = live.getBoundingClientRect();
        const away = Math.max(0, box.top - innerHeight, -box.bottom) / innerHeight;
        if (away > ${FAR_SCREENS}) far++;
        if (away <= 1) near++;
      }
    }
    return { far, near };
  };
  const top = count();
  scrollTo(0, document.documentElement.scrollHeight);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200))));
  const end = count();
  // Text the page adds at the end, where the reader is: analysed and marked as it comes.
  const late = document.createElement('p');
  late.textContent = 'The new plan will probably fail, and its backers obviously know it.';
  document.querySelector('article').appendChild(late);
  let added = false;
  for (let waited = 0; waited < 10000 && !added; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    for (const [name, h] of CSS.highlights) {
      if (name.startsWith('newslens-')) for (const r of h) if (late.contains(r.startContainer)) added = true;
    }
  }
  return { top, end, added };
}`;

/** Frames are measured over this window once the extension has settled (ms). */
const WINDOW_MS = 2000;
/** The longest pause between two frames the page may see in that window (ms). */
const MAX_FRAME_GAP_MS = 250;
/** How long a page that mutates forever gets to settle before it must be quiet (ms). */
const SETTLE_MUTATING_MS = 6000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What the page and the extension did, read before anything else touches the page. */
const STATE = `async () => {
  let stale = 0;
  const inside = (selector) => {
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('newslens-')) continue;
      for (const r of h) {
        if (!r.startContainer.isConnected) stale++;
        else if (r.startContainer.parentElement.closest(selector)) out.push(name);
      }
    }
    return out;
  };
  const value = (id) => { const el = document.getElementById(id); return el ? el.value : null; };
  return { ...window.__hostile, textKept: window.__hostile.text === window.__hostile.snapshot(), inEditable: inside('[contenteditable], input, textarea').length,
    stale, field: value('field'), area: value('area') };
}`;

export async function checkHostilePages(browser, origin, probe) {
  const failures = [];
  const ours = [origin, origin.replace('127.0.0.1', 'localhost')];
  for (const name of Object.keys(HOSTILE_PAGES)) {
    // The megabyte page's debug line must say what the core did during the walk.
    if (name === 'megabyte' && browser.context) await reportTimings(browser.context);
    const started = Date.now();
    const tab = await browser.visit(`${origin}/hostile/${name}.html`);
    const problems = [];
    if (!(await tab.poll(CANARY, 30000))) problems.push('the article was not marked');
    const ready = Date.now() - started;
    await sleep(name === 'mutating' ? SETTLE_MUTATING_MS : 1000);
    // A forced GC (for the heap figure) stalls the page itself: before the window opens.
    const heapBefore = tab.heap && name === 'mutating' ? await tab.heap() : 0;
    await tab.evaluate('async () => { window.__hostile.maxGap = 0; window.__hostile.frames = 0; }');
    const logsBefore = tab.logs ? tab.logs.length : 0;
    await sleep(WINDOW_MS);
    const state = await tab.evaluate(STATE);
    if (state.error) problems.push(`reading the page failed: ${state.error}`);
    if (state.errors && state.errors.length) problems.push(`page errors: ${state.errors.join('; ')}`);
    if (!(state.frames >= 10) || state.maxGap > MAX_FRAME_GAP_MS) {
      problems.push(`the page stalled: ${state.frames} frames in ${WINDOW_MS} ms, longest gap ${Math.round(state.maxGap)} ms`);
    }
    if (state.calls) problems.push(`the extension called ${state.calls} of the page's overridden DOM methods`);
    if (state.stale) problems.push(`${state.stale} highlights left on text that is no longer in the page`);
    if (state.inEditable) problems.push(`${state.inEditable} highlights inside editable fields`);
    if (name === 'editable' && (state.field !== 'This is probably the reckless option' || state.area !== 'Obviously the ruse will probably work.')) {
      problems.push(`form values changed: ${state.field} / ${state.area}`);
    }
    if (name === 'mutating') {
      // Settled: no more analyses (each logs a debug line) and no growing heap.
      const runs = tab.logs ? tab.logs.slice(logsBefore).filter((l) => l.startsWith('newslens: {')).length : 0;
      if (runs) problems.push(`${runs} analyses while the page kept mutating after it settled`);
      if (tab.heap) {
        const grown = (await tab.heap()) - heapBefore;
        if (grown > 2 << 20) problems.push(`JS heap grew ${(grown / 1048576).toFixed(1)} MB in ${WINDOW_MS} ms`);
      }
    }
    if (!state.textKept) problems.push('the page text changed after it loaded');
    const report = await tab.evaluate(probe);
    if (report.error) problems.push(`probe failed: ${report.error}`);
    // Text a page builds by script is not in what the server sent: compared above only.
    else if (!report.textUnchanged && !HOSTILE_PAGES[name].scripted) problems.push('the page text differs from what the server sent');
    // Marked once: the top of a long page, marked first, is not marked again with the rest.
    if (report.duplicates) problems.push(`${report.duplicates} ranges registered twice`);
    if (name === 'megabyte') {
      const { top, end, added } = await tab.evaluate(NEAR_VIEWPORT);
      for (const [where, { far, near }] of [['at the top', top], ['at the end', end]]) {
        if (far) problems.push(`${where}, ${far} ranges registered more than ${FAR_SCREENS} screens from the viewport`);
        if (!near) problems.push(`${where}, no range registered within a screen of the viewport`);
      }
      if (!added) problems.push('a paragraph added at the end, where the reader was, was not marked');
      // Analysed as it was collected: the walk sent its blocks on, and the core ran on them
      // meanwhile (the debug line of the first full analysis; Firefox's console is not read).
      const line = tab.logs && tab.logs.find((l) => l.startsWith('newslens: {'));
      const timings = line ? JSON.parse(line.slice('newslens: '.length)) : {};
      if (tab.logs && !(timings.streamed > 0 && timings.ahead > 0)) {
        problems.push(`the page was not analysed while it was collected (${timings.streamed} blocks sent during the walk)`);
      }
    }
    for (const r of report.ranges || []) {
      // Every highlight covers whole characters (no half of a surrogate pair).
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(r.text)) {
        problems.push(`a highlight splits a character: ${JSON.stringify(r.text)}`);
      }
    }
    if (tab.errors) problems.push(...tab.errors.map((e) => `console error: ${e}`));
    if (tab.requests) {
      const foreign = tab.requests().filter((u) => !ours.some((o) => u.startsWith(o)) && !u.startsWith('chrome-extension://'));
      problems.push(...foreign.map((u) => `unexpected request: ${u}`));
    }
    await tab.close();
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${browser.name}: hostile page ${name} (marked in ${(ready / 1000).toFixed(1)} s, ${report.ranges ? report.ranges.length : 0} ranges, longest frame gap ${Math.round(state.maxGap || 0)} ms)`);
    for (const p of problems) console.log(`       ${p}`);
    failures.push(...problems.map((p) => `${browser.name} hostile ${name}: ${p}`));
  }
  return failures;
}

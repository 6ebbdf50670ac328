// Timings in real browsers with the extension loaded: from content-script start to the
// page analysed and its highlights registered (on a long page, those within a few screens
// of the viewport: the rest are drawn as the reader scrolls, dom/highlight-layer.js), split into
// reading the reader's settings, page-model collection, messaging to and from the
// background once the page is collected, analysis in the core there after it ("core")
// and, during the collection, on the blocks sent meanwhile ("ahead", in parallel with
// the walk), and highlight registration; "first" is when the
// top of the page was marked (a long page's top is analysed and marked before the rest,
// while the walk goes on); the longest main-thread frame of the load and the longest from
// the content script's start on ("ours": our slices and the browser's repaints of the
// highlights; the page's own parse is over by then), as Long Animation Frames; memory
// added (JS heap in the page, wasm memory in the background). On the seed page and on a
// generated long page (≥ 1 MB of text, ≥ 50,000 nodes). "bg start" is what the background
// spent once, when the first page woke it: wasm compile + instantiate, then the first
// warm-up analysis (word lists, model) — before any page asks for an analysis. The
// background reports what it spent only when asked (reportTimings), as the bench does.
import path from 'node:path';
import { chromium } from 'playwright-core';
import fs from 'node:fs/promises';
import os from 'node:os';
import { startServer } from '../e2e/server.mjs';
import { launchFirefox } from '../e2e/firefox.mjs';
import { reportTimings } from '../e2e/chromium.mjs';
import { summaryRow } from './summary.mjs';

const EXTENSION = path.resolve('target/dist/chrome');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Loads of each page (with and without the extension); the tables give medians. */
const RUNS = 5;

/** A persistent Chromium context, with or without the extension. */
async function chromiumContext(withExtension) {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-bench-'));
  const args = ['--headless=new', ...FLAGS];
  if (withExtension) args.push(`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: false, args,
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  if (withExtension && !context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  return { context, close: async () => { await context.close(); await fs.rm(profile, { recursive: true, force: true }); } };
}

/** Loads `url`, waits for the extension's timing line (if any), returns what was measured. */
async function measure(context, url, withExtension) {
  if (withExtension) await reportTimings(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longFrames = [];
    // Long animation frames, not long tasks: a frame's style, layout and paint are not
    // part of any task the Long Tasks API reports, and registering highlights is paid
    // there (Chromium rebuilds every registered range's markers in PrePaint).
    new PerformanceObserver((list) => window.__longFrames.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
      .observe({ type: 'long-animation-frame', buffered: true });
  });
  let timings = null;
  const seen = new Promise((resolve) => page.on('console', (m) => {
    if (m.text().startsWith('newslens: {')) { timings = JSON.parse(m.text().slice('newslens: '.length)); resolve(); }
  }));
  await page.goto(url);
  if (withExtension) await Promise.race([seen, new Promise((r) => setTimeout(r, 60000))]);
  await page.waitForTimeout(300);
  // The longest frame of the whole load, and of those from the content script's start on
  // (the page's own parse comes before it; what comes after is the extension's work and
  // the browser's repaints of it), read once the frames after ours are drawn and reported.
  const frames = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(
    () => setTimeout(() => resolve(window.__longFrames), 100)))));
  const since = timings ? timings.startedAt : Infinity;
  const longest = Math.max(0, ...frames.map(([, d]) => d));
  const ours = Math.max(0, ...frames.filter(([start]) => start >= since).map(([, d]) => d));
  // Then the heap, after a forced GC (itself a long frame, so read second).
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  // Without Performance.enable the metrics come back without the heap size.
  await cdp.send('Performance.enable');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.close();
  return { timings, longest, ours, heap: metrics.JSHeapUsedSize || 0 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(1)}`);
/** A longest frame: Long Animation Frames reports none under 50 ms, so 0 means "< 50". */
const frameMs = (x) => (x > 0 ? ms(x) : '< 50');

const server = await startServer();
const pages = [['seed page', '/seed.html', 15], ['seed page, strict CSP', '/strict/seed.html', 15], ['long page (1 MB, 50k+ nodes)', '/long.html', 300]];
const withExt = await chromiumContext(true);
const without = await chromiumContext(false);
console.log(`${`Chromium, extension loaded (median of ${RUNS})`.padEnd(34)} ${'where'.padStart(10)} ${'settings'.padStart(8)} ${'collect'.padStart(8)} ${'message'.padStart(8)} ${'core'.padStart(8)} ${'ahead'.padStart(8)} ${'mark'.padStart(8)} ${'first'.padStart(8)} ${'total'.padStart(8)} ${'goal'.padStart(6)} ${'longest'.padStart(8)} ${'ours'.padStart(6)} ${'heap +'.padStart(8)} ${'wasm mem'.padStart(9)} ${'bg start'.padStart(12)}`);
try {
  for (const [name, route, goal] of pages) {
    const runs = [];
    const baseline = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await measure(withExt.context, server.origin + route, true));
      baseline.push(await measure(without.context, server.origin + route, false));
    }
    const t = (k) => median(runs.map((r) => (r.timings ? r.timings[k] : NaN)));
    const heap = (median(runs.map((r) => r.heap)) - median(baseline.map((r) => r.heap))) / 1024 / 1024;
    const wasmMem = median(runs.map((r) => (r.timings ? r.timings.wasmMemory : 0))) / 1024 / 1024;
    const where = runs[0].timings ? runs[0].timings.where : 'none';
    const longest = median(runs.map((r) => r.longest));
    const pageAlone = median(baseline.map((r) => r.longest));
    const ours = median(runs.map((r) => r.ours));
    summaryRow(`Chromium ${name}: content-script start to analysed and marked`, `${ms(t('total'))} ms`, `≤ ${goal} ms`, t('total') <= goal);
    if (t('first') < t('total')) summaryRow(`Chromium ${name}: its top marked`, `${ms(t('first'))} ms`, `≤ ${goal} ms`, t('first') <= goal);
    // Long frames before the content script starts are the page's own (its parse); the
    // same page without the extension says how long those are.
    summaryRow(`Chromium ${name}: longest frame from content-script start (whole load; without the extension)`,
      `${frameMs(ours)} ms (${frameMs(longest)}; ${frameMs(pageAlone)})`, '≤ 50 ms', ours <= 50);
    summaryRow(`Chromium ${name}: page heap added, background wasm memory`, `${heap.toFixed(1)} MB, ${wasmMem.toFixed(1)} MB`);
    console.log(`${name.padEnd(34)} ${where.padStart(10)} ${ms(t('settings')).padStart(8)} ${ms(t('collect')).padStart(8)} ${ms(t('analyze') - t('core')).padStart(8)} ${ms(t('core')).padStart(8)} ${ms(t('ahead')).padStart(8)} ${ms(t('highlight')).padStart(8)} ${ms(t('first')).padStart(8)} ${ms(t('total')).padStart(8)} ${String(goal).padStart(6)} ${frameMs(longest).padStart(8)} ${frameMs(ours).padStart(6)} ${`${heap.toFixed(1)} MB`.padStart(8)} ${`${wasmMem.toFixed(1)} MB`.padStart(9)} ${`${ms(t('instantiate'))}+${ms(t('warmUp'))}`.padStart(12)}`);
  }
} finally {
  await withExt.close();
  await without.close();
}

// Firefox: WebDriver cannot read the console, so time from navigation to highlights.
const firefox = await launchFirefox(path.resolve('target/dist/firefox'));
try {
  for (const [name, route] of pages) {
    const started = Date.now();
    await firefox.open(server.origin + route, 'async function () { return {}; }');
    const seconds = (Date.now() - started) / 1000;
    console.log(`${`Firefox: ${name}`.padEnd(34)} load to highlights registered: ${seconds.toFixed(2)} s (includes page load; polled every 100 ms)`);
    summaryRow(`Firefox ${name}: load to highlights (coarse)`, `${seconds.toFixed(2)} s`);
  }
} finally {
  await firefox.close();
}
await server.close();

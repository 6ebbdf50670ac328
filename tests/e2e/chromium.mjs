// Chromium with the extension loaded, driven by playwright-core (no browser download:
// Debian's /usr/bin/chromium). Flags as verified in ../shared/TOOLCHAIN.md.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { cardState, inShadow } from './shadow.mjs';

export async function launchChromium(extensionDir) {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  // Every request the browser makes, to count any the extension makes on its own.
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  // The background service worker appearing proves the extension loaded.
  const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  if (!worker.url().startsWith('chrome-extension://')) throw new Error(`unexpected worker ${worker.url()}`);

  /** A new tab at `url`, with its console errors (and page errors) and other messages. */
  async function load(url) {
    const page = await context.newPage();
    const errors = [];
    const logs = [];
    page.on('console', (m) => (m.type() === 'error' ? errors : logs).push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    return { page, errors, logs };
  }

  return {
    name: 'chromium',
    context,
    extensionId: new URL(worker.url()).host,
    async open(url, probeSource) {
      const firstRequest = requests.length;
      const { page, errors, logs } = await load(url);
      await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('newslens-')), null, { timeout: 15000 })
        .catch(() => {});
      const report = await page.evaluate(`(${probeSource})()`);
      return {
        report,
        errors,
        logs,
        // Requests besides the page itself (which the probe fetches again) and its icon.
        foreign: requests.slice(firstRequest).filter((u) => u !== url && !u.endsWith('/favicon.ico') && !u.startsWith('chrome-extension://')),
        hover: (selector) => hoverCard(page, selector),
        screenshot: (file) => page.screenshot({ path: file }),
        close: () => page.close(),
      };
    },
    /**
     * Opens `url`; `poll(expression, ms)` waits until it is true in the page,
     * `evaluate(source)` runs an async function's source there and returns its result;
     * `errors` and `logs` collect the console, `requests()` lists what the browser fetched,
     * `heap()` is the used JS heap after a GC.
     */
    async visit(url) {
      const firstRequest = requests.length;
      const { page, errors, logs } = await load(url);
      const cdp = await context.newCDPSession(page);
      return {
        errors,
        logs,
        /** Every URL the browser requested since the visit began. */
        requests: () => requests.slice(firstRequest),
        poll: (expression, ms) => page.waitForFunction(expression, null, { timeout: ms, polling: 100 }).then(() => true, () => false),
        evaluate: (source) => page.evaluate(`(${source})()`),
        /** Runs `fn(root, arg)` (a function's source) on the extension's `kind` host's closed shadow root; null if none. */
        inShadow: (kind, fn, arg = null) => inShadow(page, kind, fn, arg),
        /** The mouse moved to `{ x, y }` in the viewport. */
        hover: ({ x, y }) => page.mouse.move(x, y),
        async heap() {
          await cdp.send('HeapProfiler.collectGarbage');
          return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        },
        close: () => page.close(),
      };
    },
    close: async () => {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Has the extension's background in `context` add what the core spent to its replies,
 * which the content script's debug line then shows (background.js `newslensTimings`).
 * Set before each page that needs them: a worker stopped while idle forgets it.
 */
export async function reportTimings(context) {
  const [worker] = context.serviceWorkers();
  await worker.evaluate(() => {
    globalThis.newslensTimings = true;
  });
}

/** Moves the pointer onto the middle of the first element matching `selector` and returns the card's text. */
async function hoverCard(page, selector) {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.waitForTimeout(200);
  const card = await inShadow(page, 'card', cardState);
  return card && card.text;
}

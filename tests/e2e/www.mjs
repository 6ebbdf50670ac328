// The demo page (target/dist/www) in Chromium without the extension: loads cleanly,
// highlights the sample and pasted HTML, shows every kind of the catalogue in its legend
// with the card naming it, explains empty input, and stays responsive on a megabyte of
// text.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { cardState, inShadows } from './shadow.mjs';
import { catalogue } from './kinds.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Marks drawn inside #output, by subtype, with their text. */
function outputMarks() {
  const out = [];
  for (const [name, h] of CSS.highlights) {
    for (const r of h) {
      if (document.getElementById('output').contains(r.startContainer)) {
        // Static ranges have no text of their own and may span Text nodes.
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push([name.replace('newslens-', ''), live.toString()]);
      }
    }
  }
  return out;
}

/** Where each legend mark is (its first box's middle, in the viewport), by subtype. */
function legendMarks() {
  const out = [];
  for (const [name, h] of CSS.highlights) {
    for (const r of h) {
      if (!document.getElementById('legend').contains(r.startContainer)) continue;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const box = live.getClientRects()[0];
      out.push({ subtype: name.replace(/^newslens-(cb-)?(dark-)?/, ''), x: box.left + 2, y: box.top + box.height / 2 });
    }
  }
  return out;
}

export async function checkDemo(origin, screenshotDir) {
  const failures = [];
  const fail = (m) => { failures.push(`www: ${m}`); console.log(`FAIL www: ${m}`); };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/www/index.html`);

    await page.click('#sample');
    await page.waitForFunction(() => /marks in/.test(document.getElementById('status').textContent), null, { timeout: 30000 });
    const marks = await page.evaluate(outputMarks);
    const has = (subtype, text) => marks.some(([s, t]) => s === subtype && t.includes(text));
    if (!has('hedge', 'probably') || !has('vague', 'Most NATO states realize this.') || !has('author-bio', 'Fred Fleitz')) {
      fail(`the sample is not highlighted as expected (${marks.length} marks)`);
    }
    const panel = await page.textContent('#panel');
    if (!/OPINION/.test(panel) || !/President of the Center for Security Policy/.test(panel)) fail(`panel: ${panel.slice(0, 200)}`);
    const legend = await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + [...h].filter((r) => document.getElementById('legend').contains(r.startContainer)).length, 0));
    if (legend < catalogue.kinds.length) fail(`legend shows ${legend} example marks for ${catalogue.kinds.length} kinds`);
    // Each legend mark's card names its kind as the catalogue does (cards once showed raw ids).
    await page.locator('#legend').scrollIntoViewIfNeeded();
    for (const { subtype, x, y } of await page.evaluate(legendMarks)) {
      const kind = catalogue.kinds.find((k) => k.id === subtype);
      // Away first: the last card may cover this mark, and a card keeps the pointer.
      await page.mouse.move(0, 0);
      await page.waitForTimeout(50);
      await page.mouse.move(x, y);
      await page.waitForTimeout(100);
      // The legend is a view of its own, with its own card: the one shown.
      const named = (await inShadows(page, 'card', (root) => {
        const card = root.querySelector('.card');
        return card.hidden ? null : card.querySelector('.kind').textContent;
      })).find(Boolean);
      if (!kind || named !== `${kind.label} · ${kind.category}`) fail(`the legend's ${subtype} card says ${named}`);
    }
    const hover = await page.locator('#output p').nth(5).boundingBox();
    await page.mouse.move(hover.x + 4, hover.y + hover.height / 2);
    await page.waitForTimeout(200);
    const card = (await inShadows(page, 'card', cardState)).find(Boolean);
    if (!card) fail('no hover card on the sample');
    await page.screenshot({ path: path.join(screenshotDir, 'www-sample.png') });

    await page.fill('#source', '   ');
    await page.click('#analyse');
    if (!/Nothing to analyse/.test(await page.textContent('#status'))) fail('empty input is not explained');

    await page.fill('#source', fs.readFileSync('../shared/golden/seed-page.html', 'utf8'));
    await page.click('#analyse');
    await page.waitForFunction(() => /marks in/.test(document.getElementById('status').textContent), null, { timeout: 30000 });
    const htmlMarks = await page.evaluate(outputMarks);
    const outputText = await page.textContent('#output');
    if (/patriot76|Related Stories|We use cookies/.test(outputText)) fail('pasted HTML shows page furniture');
    if (!htmlMarks.some(([s, t]) => s === 'booster' && t === 'obviously')) fail('pasted HTML is not highlighted');
    if (!/By Fred Fleitz/.test(await page.textContent('#panel'))) fail('pasted HTML: byline missing from the panel');

    // A megabyte of text: the page keeps painting while it works, and shows progress.
    const paragraph = fs.readFileSync('../shared/golden/seed-article.txt', 'utf8');
    const big = paragraph.repeat(Math.ceil((1 << 20) / paragraph.length));
    await page.evaluate((text) => { document.getElementById('source').value = text; }, big);
    const run = await page.evaluate(async () => {
      let frames = 0;
      let counting = true;
      const tick = () => { frames++; if (counting) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      const seen = new Set();
      const status = document.getElementById('status');
      const watch = new MutationObserver(() => seen.add(status.textContent.split(' ')[0]));
      watch.observe(status, { childList: true, characterData: true, subtree: true });
      document.getElementById('analyse').click();
      const started = performance.now();
      while (!/marks in|Could not/.test(status.textContent) && performance.now() - started < 120000) {
        await new Promise((r) => setTimeout(r, 50));
      }
      counting = false;
      watch.disconnect();
      return { frames, status: status.textContent, seen: [...seen], ms: performance.now() - started };
    });
    if (!/marks in/.test(run.status)) fail(`1 MB input: ${run.status}`);
    if (run.frames < 5) fail(`1 MB input froze the page (${run.frames} frames painted in ${run.ms.toFixed(0)} ms)`);
    if (!run.seen.includes('Analysing…')) fail(`1 MB input showed no progress (${run.seen.join(', ')})`);
    console.log(`     www: 1 MB paste analysed in ${(run.ms / 1000).toFixed(1)} s, ${run.frames} frames painted meanwhile`);
    for (const e of errors) fail(`console error: ${e}`);
    if (!failures.length) console.log('ok   www: demo page (sample, pasted HTML, empty input, 1 MB input)');
  } finally {
    await browser.close();
  }
  return failures;
}

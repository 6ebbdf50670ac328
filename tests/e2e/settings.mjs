// The reader's settings in Chromium: toggling a category in the popup removes exactly
// those highlights (and brings them back); "Not a cue here" on a card silences that cue,
// and the silence survives a reload; the popup lists it and can remove it; a save the
// full storage refuses is told on the card; the options page imports and exports words
// and shows the sourcing of every sentence when asked.
import { clickInShadow, waitInShadow } from './shadow.mjs';
import { kindsOf } from './kinds.mjs';

const CLAIMS = kindsOf('claim');

/** Sizes of the newslens highlights, by subtype. */
function sizes() {
  const out = {};
  for (const [name, h] of CSS.highlights) if (name.startsWith('newslens-')) out[name.slice(9)] = h.size;
  return out;
}

/** Moves the mouse onto the first `word` in the article (scrolled into view). */
async function hover(page, word) {
  const box = await page.evaluate((w) => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(w);
      if (at < 0) continue;
      n.parentElement.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + w.length);
      const rect = r.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  }, word);
  await page.mouse.move(box.x, box.y);
}

export async function checkSettings(context, extensionId, origin, screenshotDir) {
  const failures = [];
  const fail = (m) => { failures.push(`chromium settings: ${m}`); console.log(`FAIL chromium settings: ${m}`); };
  const page = await context.newPage();
  await page.goto(`${origin}/seed.html`);
  await page.waitForFunction(() => (CSS.highlights.get('newslens-unattributed') || { size: 0 }).size > 0, null, { timeout: 15000 });
  const before = await page.evaluate(sizes);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup/popup.html?host=127.0.0.1`);
  await popup.uncheck('[data-category="claim"]');
  // Redrawn (hedges back: a redraw clears everything first) without claims.
  await page.waitForFunction((claims) => claims.every((c) => !(CSS.highlights.get(`newslens-${c}`) || { size: 0 }).size) &&
    (CSS.highlights.get('newslens-hedge') || { size: 0 }).size > 0, CLAIMS, { timeout: 15000 })
    .catch(() => fail('claim highlights remain after switching claims off'));
  const off = await page.evaluate(sizes);
  for (const [subtype, n] of Object.entries(before)) {
    if (!CLAIMS.includes(subtype) && off[subtype] !== n) fail(`switching claims off changed ${subtype}: ${n} -> ${off[subtype]}`);
  }
  await popup.check('[data-category="claim"]');
  await page.waitForFunction((n) => (CSS.highlights.get('newslens-unattributed') || { size: 0 }).size === n, before.unattributed, { timeout: 15000 })
    .catch(() => fail('claim highlights did not come back'));

  // "Not a cue here" on the booster "obviously".
  await hover(page, 'obviously');
  const boostersBefore = (await page.evaluate(sizes)).booster;
  if (!(await clickInShadow(page, 'card', 'button'))) fail('no "Not a cue here" button on the card');
  await page.reload();
  await page.waitForFunction(() => (CSS.highlights.get('newslens-unattributed') || { size: 0 }).size > 0, null, { timeout: 15000 });
  const after = await page.evaluate(sizes);
  if (after.booster !== boostersBefore - 1) fail(`after "Not a cue here" and a reload, boosters ${boostersBefore} -> ${after.booster}`);

  await popup.reload();
  await popup.setViewportSize({ width: 300, height: 420 });
  await popup.screenshot({ path: `${screenshotDir}/chromium-popup.png` });
  const listed = await popup.textContent('#exceptions');
  if (!listed.includes('obviously')) fail(`the popup does not list the silenced cue: ${listed}`);
  await popup.click('#exceptions button');
  await page.waitForFunction((n) => (CSS.highlights.get('newslens-booster') || { size: 0 }).size === n, boostersBefore, { timeout: 15000 })
    .catch(() => fail('removing the exception did not bring the mark back'));

  // A "Not a cue here" the storage refuses (its 10 MB quota all but filled) is told on the card.
  const worker = context.serviceWorkers()[0];
  await worker.evaluate(async () => {
    const used = await chrome.storage.local.getBytesInUse(null);
    await chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 'filler'.length - 2 - 16) });
  });
  await hover(page, 'obviously');
  if (!(await clickInShadow(page, 'card', 'button'))) fail('no "Not a cue here" button on the card');
  const told = await waitInShadow(page, 'card', (root) => (root.querySelector('.note') || {}).textContent);
  if (!/could not save your settings: the browser's storage for newslens is full/.test(told || '')) fail(`a refused save told the reader ${JSON.stringify(told)}`);
  await worker.evaluate(() => chrome.storage.local.remove('filler'));
  // The options page: import a word list as JSON; the page marks the new word; export it back.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options/options.html`);
  await options.fill('#json', JSON.stringify({ words: [{ subtype: 'loaded', phrase: 'grievances' }, { subtype: 'hedge', phrase: 'half dozen' }] }));
  await options.click('#import');
  await page.waitForFunction(() => {
    const h = CSS.highlights.get('newslens-hedge');
    return !!h && [...h].some((r) => r.startContainer.data.slice(r.startOffset, r.endOffset) === 'half dozen');
  }, null, { timeout: 15000 }).catch(() => fail('an imported word is not marked'));
  await options.click('#export');
  const exported = JSON.parse(await options.inputValue('#json'));
  if (!exported.words.some((w) => w.phrase === 'half dozen')) fail(`export lacks the imported word: ${JSON.stringify(exported)}`);
  const words = await options.textContent('#words');
  if (!/half dozen/.test(words)) fail(`the options page does not list the word: ${words}`);
  // "Show sourcing of every sentence": the narration the default view leaves plain (the
  // panel counts it) is underlined too; switched off, it is plain again.
  const plain = (await page.evaluate(sizes)).unattributed || 0;
  await options.check('#all-sourcing');
  await page.waitForFunction((n) => (CSS.highlights.get('newslens-unattributed') || { size: 0 }).size > n, plain, { timeout: 15000 })
    .catch(() => fail('"Show sourcing of every sentence" underlined no more sentences'));
  // Named sources too. A link in the middle of one: the sentence's one range spans the
  // Text nodes before, in and after the link, and the card must find it from any.
  await hover(page, 'Financial Times');
  const linked = await waitInShadow(page, 'card', (root) => /Named source|Anonymous source/.test(root.textContent));
  if (!linked) fail('no card inside a linked sourced sentence with every sentence\'s sourcing shown');
  await options.uncheck('#all-sourcing');
  await page.waitForFunction((n) => (CSS.highlights.get('newslens-unattributed') || { size: 0 }).size === n, plain, { timeout: 15000 })
    .catch(() => fail('switching "Show sourcing of every sentence" off left the narration underlined'));
  // A multi-megabyte import: cut to the limit, with a message (not an uncaught quota
  // error); the settings as they were are put back after.
  const kept = await worker.evaluate(() => chrome.storage.local.get(['settings', 'settingsBackup']));
  const many = Array.from({ length: 20000 }, (_, i) => ({ subtype: 'hedge', phrase: `imported phrase ${i} `.repeat(9).trim() }));
  await options.fill('#json', JSON.stringify({ words: many, exceptions: many.map((w) => ({ cue: w.phrase, site: null })) }));
  await options.click('#import');
  await options.waitForFunction(() => /Imported/.test(document.getElementById('status').textContent), null, { timeout: 15000 }).catch(() => {});
  const status = await options.textContent('#status');
  if (!/Imported \d+ words and \d+ cues\. Left out: \d+ over the limit of 1000/.test(status)) fail(`a multi-megabyte import said ${JSON.stringify(status)}`);
  await worker.evaluate((settings) => chrome.storage.local.set(settings), kept);
  await options.close();
  await popup.close();
  await page.close();
  if (!failures.length) console.log('ok   chromium: settings (category toggle, "Not a cue here" across reload, removal, a refused save told on the card, word import/export, sourcing of every sentence, a multi-megabyte import cut with a message)');
  return failures;
}

// The learned tier on the seed page (issue 20), in both browsers: with the "Learned
// model" setting on, the learned model refines the instant marks (some appear or go), the
// panel says what it did and a card says which tier made its mark; with it off, the marks
// are exactly the instant tier's. In Chromium it also prints the budgets' figures (a
// benchmark, not a timed test): time from the first marks to the refined viewport and
// whole article, the model's cold load, the longest page frame meanwhile, background
// memory.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Whether the page carries newslens marks (a mark fading out does not count). */
export const MARKED = '[...CSS.highlights.keys()].some((k) => k.startsWith("newslens-") && k !== "newslens-fading")';

/**
 * An expression, in the page, for every newslens highlight range `r` with its `key`
 * "kind|text|offset" (the marks as a reader sees them; a mark fading out is not one).
 */
const EACH_MARK = `(() => {
  const out = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('newslens-') || name === 'newslens-fading') continue;
    for (const r of h) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push({ key: name + '|' + range.toString() + '|' + r.startOffset, range });
    }
  }
  return out;
})()`;

/** Every newslens mark's key, sorted. */
const MARKS = `async () => ${EACH_MARK}.map((m) => m.key).sort()`;

/** A paragraph the test adds to the seed page after load (written for this test). */
const LATE_PARAGRAPH = 'Officials said the talks would begin next month in Geneva. Critics called the plan a shameful surrender.';

/** The panel's note on the learned tier (dom/summary.js), '' while there is none. */
const NOTE = 'async (root) => { const n = root.querySelector(".tier-note"); return n ? n.textContent : ""; }';
/** The card's text, '' when it is hidden. */
const CARD = 'async (root) => { const c = root.querySelector(".card"); return c && !c.hidden ? c.textContent : ""; }';

/** The centre of the first mark not among `before` (scrolled into view), or of any mark. */
const markToHover = (before) => `async () => {
  const before = new Set(${JSON.stringify(before)});
  let any = null;
  for (const { key, range } of ${EACH_MARK}) {
    const fresh = !before.has(key);
    if (!fresh && any) continue;
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    await new Promise((done) => requestAnimationFrame(() => done()));
    const box = range.getClientRects()[0];
    any = box && { x: box.left + Math.min(4, box.width / 2), y: box.top + box.height / 2, fresh };
    if (fresh && any) return any;
  }
  return any;
}`;

/** The longest gap between animation frames over `ms` (the page's frames while the learned tier works). */
const longestFrame = (ms) => `async () => {
  let last = performance.now();
  let longest = 0;
  const end = last + ${ms};
  await new Promise((done) => {
    const frame = (now) => {
      longest = Math.max(longest, now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame); else done();
    };
    requestAnimationFrame(frame);
  });
  return longest;
}`;

/** The base address of the extension's own pages in `browser`. */
const baseOf = (browser) => (browser.extensionId ? `chrome-extension://${browser.extensionId}` : browser.extensionBase);

/**
 * Turns the options page's "Learned model" checkbox to `on` (the reader's own path). The
 * suite's other checks run with it off: their expectations are the instant tier's marks,
 * which the learned tier refines a moment after they appear (checkLearned covers it).
 */
export async function setLearned(browser, on, base = baseOf(browser)) {
  const options = await browser.visit(`${base}/options/options.html`);
  await options.poll('!!document.getElementById("learned")', 5000);
  await options.evaluate(`async () => {
    await new Promise((r) => setTimeout(r, 300)); // the page has read the settings
    const box = document.getElementById('learned');
    if (box.checked !== ${on}) box.click();
    await new Promise((r) => setTimeout(r, 300));
  }`);
  if (options.close) await options.close();
}

export async function checkLearned(browser, origin, reportTimings) {
  const name = browser.name;
  const failures = [];
  const fail = (m) => failures.push(`${name} learned: ${m}`);
  const base = baseOf(browser);
  /** The seed page's marks once settled, and its tab. */
  async function seed(settle) {
    const tab = await browser.visit(`${origin}/seed.html`);
    if (!(await tab.poll(MARKED, 15000))) fail('the seed page was not marked');
    await sleep(settle);
    return tab;
  }

  await setLearned(browser, false, base);
  let tab = await seed(1500);
  const instant = await tab.evaluate(MARKS);
  if (tab.close) await tab.close();

  await setLearned(browser, true, base);
  if (reportTimings) await reportTimings();
  tab = await browser.visit(`${origin}/seed.html`);
  if (!(await tab.poll(MARKED, 15000))) fail('the seed page was not marked with the learned model on');
  // The page's frames from the first marks on, while the learned tier refines them.
  const frame = await tab.evaluate(longestFrame(3000));
  let note = '';
  for (const end = Date.now() + 30000; Date.now() < end && !/read \d+ sentences|could not run/.test(note); await sleep(200)) {
    note = (await tab.inShadow('panel', NOTE)) || '';
  }
  if (!/read \d+ sentences/.test(note)) fail(`the panel does not say the learned tier refined the page: "${note}"`);
  const refined = await tab.evaluate(MARKS);
  const added = refined.filter((m) => !instant.includes(m));
  const removed = instant.filter((m) => !refined.includes(m));
  if (!added.length && !removed.length) fail('the learned tier changed no mark on the seed page');
  // A card says which tier made its mark: the learned model, on a mark it added.
  const at = await tab.evaluate(markToHover(instant));
  let card = '';
  if (at) {
    await tab.hover(at);
    for (let i = 0; i < 20 && !card; i++, await sleep(100)) card = (await tab.inShadow('card', CARD)) || '';
  }
  const tier = at && at.fresh ? /Marked by: learned model/ : /Marked by: .*learned model|Sentence \(learned model\)/;
  if (!tier.test(card)) fail(`the card does not say which tier made the mark: "${card}"`);
  const lines = (prefix) => (tab.logs || []).map((l) => new RegExp(`^${prefix} (\\{.*\\})`).exec(l)).filter(Boolean).map((m) => JSON.parse(m[1]));
  const figures = lines('newslens learned:');
  // The instant tier's analysis of the same visit: its first marks must not wait for the learned tier.
  const analysis = lines('newslens:').find((f) => typeof f.first === 'number');
  // Text the page adds after load is refined too, also when it moves the blocks after it
  // (inserted before the author's bio: a move once stopped the learned tier for the page).
  const count = (text) => Number((/read (\d+) sentences/.exec(text) || [])[1] || 0);
  const read = count(note);
  await tab.evaluate(`async () => {
    const p = document.createElement('p');
    p.textContent = ${JSON.stringify(LATE_PARAGRAPH)};
    document.querySelector('.author-bio').before(p);
  }`);
  let later = note;
  for (const end = Date.now() + 20000; Date.now() < end && count(later) <= read; await sleep(200)) {
    // The update redraws the panel: a shadow root found a moment ago may be gone (Firefox's driver says so).
    later = (await tab.inShadow('panel', NOTE).catch(() => '')) || '';
  }
  if (count(later) <= read) fail(`a paragraph added after load was not refined: "${later}"`);
  if (tab.close) await tab.close();

  // Off again: exactly the instant marks.
  await setLearned(browser, false, base);
  tab = await seed(1500);
  const again = await tab.evaluate(MARKS);
  if (tab.close) await tab.close();
  if (JSON.stringify(again) !== JSON.stringify(instant)) {
    fail(`with the learned model off the marks differ from the instant tier's (${again.length} vs ${instant.length})`);
  }
  await setLearned(browser, true, base);

  console.log(`${failures.length ? 'FAIL' : 'ok  '} ${name}: learned tier on the seed page (+${added.length} −${removed.length} marks; off: the instant marks)`);
  for (const f of failures) console.log(`       ${f}`);
  const viewport = figures.find((f) => f.learned === 'viewport') || figures.find((f) => f.learned === 'done');
  const done = figures.find((f) => f.learned === 'done');
  if (done) {
    const mb = (bytes) => (bytes / 1048576).toFixed(1);
    console.log(`bench ${name} learned, seed page: refined viewport ${Math.round(viewport.since)} ms (${viewport.sentences} sentences, ${Math.round(viewport.scoring)} ms scoring) and whole article ${Math.round(done.since)} ms after the first marks` +
      ` (${done.sentences} sentences, ${Math.round(done.scoring)} ms scoring); model cold load ${Math.round(done.read)} ms reading and compiling (from the page's start, in the background) + ${Math.round(done.build)} ms building (a job after the instant analysis);` +
      (analysis ? ` first marks ${Math.round(analysis.startedAt + analysis.first)} ms after navigation (instant analysis ${Math.round(analysis.first)} ms);` : '') +
      ` longest page frame ${Math.round(frame)} ms; background wasm memory ${mb(done.memory)} MB learned + ${mb(done.instantMemory || 0)} MB instant`);
  } else {
    console.log(`bench ${name} learned, seed page: longest page frame ${Math.round(frame)} ms (timings are read from Chromium's console only)`);
  }
  return failures;
}

// The popup, the side panel, the cards, "Not a cue here", the sourcing of every sentence
// and a page in another language in Firefox, through WebDriver: the
// add-on's pages are opened at their pinned moz-extension:// address and clicked by
// script; the extension's own UI, which acts on trusted input only, with WebDriver's
// clicks (the card is opened by hovering the mouse).
import { markPoint } from './tap.mjs';
import { kindsOf } from './kinds.mjs';
import { CLAIM_WHY, LEFT_PLAIN } from './panel.mjs';

const CLAIMS = kindsOf('claim');
const SIZES = `async () => {
  const out = {};
  for (const [name, h] of CSS.highlights) if (name.startsWith('newslens-') && h.size) out[name.slice(9)] = h.size;
  return out;
}`;
const MARKED = '(CSS.highlights.get("newslens-hedge") || { size: 0 }).size > 0';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function checkFirefoxUi(browser, origin) {
  const failures = [];
  const fail = (m) => { failures.push(`firefox ui: ${m}`); console.log(`FAIL firefox ui: ${m}`); };
  const popupUrl = `${browser.extensionBase}/popup/popup.html?host=127.0.0.1`;
  /** Opens the seed page and returns its highlight sizes once marked. */
  async function seed() {
    const tab = await browser.visit(`${origin}/seed.html`);
    if (!(await tab.poll(MARKED, 15000))) fail('the seed page was not marked');
    await sleep(300);
    return { tab, sizes: await tab.evaluate(SIZES) };
  }
  /** Opens the popup, clicks `selector` and returns what the popup said before. */
  async function popupClick(selector) {
    const popup = await browser.visit(popupUrl);
    await popup.poll(`!!document.querySelector('${selector}')`, 5000);
    // The popup's text before the click.
    return popup.evaluate(`async () => {
      const text = document.body.textContent;
      document.querySelector('${selector}').click();
      await new Promise((r) => setTimeout(r, 300));
      return text;
    }`);
  }

  const { sizes: before } = await seed();
  await popupClick('[data-category="claim"]');
  const { sizes: off } = await seed();
  for (const [kind, n] of Object.entries(before)) {
    const expected = CLAIMS.includes(kind) ? undefined : n;
    if (off[kind] !== expected) fail(`with claims off in the popup, ${kind}: ${n} -> ${off[kind]}`);
  }
  await popupClick('[data-category="claim"]');

  // The panel, opened from its pill.
  const { tab } = await seed();
  if (!(await tab.clickInShadow('panel', '.pill'))) fail('no panel pill to click');
  await sleep(100);
  const panel = (await tab.inShadow('panel', `async (root) => ({
    text: root.querySelector('.panel').textContent, ticks: root.querySelectorAll('.minimap .tick').length,
  })`)) || {};
  for (const expected of ['OPINION', 'Fred Fleitz', 'Claims (']) if (!String(panel.text).includes(expected)) fail(`panel lacks “${expected}”`);
  if (!(panel.ticks > 0)) fail('the panel has no minimap');
  // The default view leaves named sources and narration plain, and the counts say so.
  if (!LEFT_PLAIN.test(panel.text)) fail('panel does not count the sentences left plain');

  // The mouse on "obviously", then "Not a cue here" on its card: gone after a reload.
  const point = await tab.evaluate(`async () => (${markPoint})(['newslens-booster', 'obviously'])`);
  if (point) await tab.hover(point);
  await sleep(200);
  const dismissed = await tab.inShadow('card', `async (root) => {
    const card = root.querySelector('.card');
    return card.hidden ? null : card.textContent;
  }`);
  if (!(await tab.clickInShadow('card', 'button'))) fail('no "Not a cue here" button to click');
  await sleep(300);
  if (!dismissed || !/Booster/.test(dismissed)) fail(`the tapped card showed ${JSON.stringify(dismissed)}`);
  const { sizes: silenced } = await seed();
  if (silenced.booster !== before.booster - 1) fail(`after "Not a cue here" and a reload, boosters ${before.booster} -> ${silenced.booster}`);
  const listed = await popupClick('#exceptions button');
  if (!/obviously/.test(listed)) fail('the popup did not list the silenced cue');
  const { sizes: restored } = await seed();
  if (restored.booster !== before.booster) fail(`removing the exception in the popup: boosters ${restored.booster}, expected ${before.booster}`);

  // The card of a sourcing mark says how check-worthy its sentence is, against the threshold.
  const { tab: again } = await seed();
  const claim = await again.evaluate(`async () => {
    const markPoint = ${markPoint};
    for (const kind of ${JSON.stringify(CLAIMS)}) {
      const point = markPoint(['newslens-' + kind, null]);
      if (point) return point;
    }
    return null;
  }`);
  if (claim) await again.hover(claim);
  else fail('no sourcing mark to hover');
  await sleep(200);
  const worth = await again.inShadow('card', `async (root) => (root.querySelector('.card .claim') || {}).textContent`);
  if (!CLAIM_WHY.test(worth || '')) fail(`a sourcing mark's card says ${JSON.stringify(worth)}`);

  // "Show sourcing of every sentence" on the options page underlines the narration the
  // default view leaves plain; switched off, it is plain again.
  const unattributed = (sizes) => sizes['unattributed'] || 0;
  const allSourcing = async (on) => {
    const options = await browser.visit(`${browser.extensionBase}/options/options.html`);
    await options.poll(`!!document.querySelector('#all-sourcing')`, 5000);
    await options.evaluate(`async () => {
      const box = document.querySelector('#all-sourcing');
      if (box.checked !== ${on}) box.click();
      await new Promise((r) => setTimeout(r, 300));
    }`);
  };
  await allSourcing(true);
  const { sizes: every } = await seed();
  if (!(unattributed(every) > unattributed(before))) fail(`with the sourcing of every sentence, unattributed ${unattributed(before)} -> ${unattributed(every)}`);
  await allSourcing(false);
  const { sizes: plain } = await seed();
  if (unattributed(plain) !== unattributed(before)) fail(`with the sourcing of every sentence off again, unattributed ${unattributed(plain)}, expected ${unattributed(before)}`);

  // An article in another language: nothing marked, and the pill and panel say why.
  const other = await browser.visit(`${origin}/other-language.html`);
  if (!(await other.poll(`!!document.querySelector('[data-newslens="panel"]')`, 15000))) fail('no pill on a page in another language');
  await sleep(300);
  if (!(await other.clickInShadow('panel', '.pill'))) fail('no pill to click on a page in another language');
  await sleep(100);
  const said = await other.inShadow('panel', `async (root) => root.querySelector('.pill').textContent + ' | ' + root.querySelector('.panel').textContent`);
  if (!/newslens · not English \|.*newslens reads English articles; this page is in another language/.test(said || '')) fail(`on a page in another language the pill and panel say ${JSON.stringify(said)}`);
  const otherMarks = await other.evaluate(SIZES);
  if (Object.keys(otherMarks).length) fail(`marks on a page in another language: ${JSON.stringify(otherMarks)}`);
  if (!failures.length) console.log('ok   firefox: popup category switch, panel with minimap and the sentences left plain, hover card saying why a sentence is a claim, "Not a cue here" across reload and its removal, sourcing of every sentence, a page in another language');
  return failures;
}

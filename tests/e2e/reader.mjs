// Reader features in Chromium: keyboard shortcuts (next mark with its card and the focus
// on it, Escape; hide and show), a tap shows a card, the density minimap, sensitivity,
// the colour-blind palette and wrapper mode for screen readers; the card of a mark at the
// far end of a long page, where nothing was drawn before the reader got there.
import { markPoint, tapChromium } from './tap.mjs';
import { cardState, clickInShadow, inShadow, waitInShadow } from './shadow.mjs';

const sizes = () => {
  const out = {};
  for (const [name, h] of CSS.highlights) if (name.startsWith('newslens-') && h.size) out[name.slice(9)] = h.size;
  return out;
};
const total = (s) => Object.values(s).reduce((a, b) => a + b, 0);

export async function checkReader(context, extensionId, origin) {
  const failures = [];
  const fail = (m) => { failures.push(`chromium reader: ${m}`); console.log(`FAIL chromium reader: ${m}`); };
  const worker = context.serviceWorkers()[0];
  const press = (command) => worker.evaluate((c) => globalThis.newslensCommand(c), command);
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${origin}/seed.html`);
  await page.waitForFunction(() => (CSS.highlights.get('newslens-unattributed') || { size: 0 }).size > 0, null, { timeout: 15000 });
  await page.bringToFront();
  const before = await page.evaluate(sizes);

  // Keyboard: the next mark is scrolled to, explained, and its card has the focus.
  await press('next-mark');
  const card = await waitInShadow(page, 'card', cardState);
  if (!card || !card.focused) fail(`next-mark shortcut: card ${JSON.stringify(card)}`);
  await page.keyboard.press('Escape');
  if (await inShadow(page, 'card', cardState)) fail('Escape did not close the card');
  await press('toggle-highlights');
  await page.waitForFunction(() => ![...CSS.highlights].some(([n, h]) => n.startsWith('newslens-') && h.size), null, { timeout: 5000 })
    .catch(() => fail('the hide shortcut left marks'));
  await press('toggle-highlights');
  await page.waitForFunction((n) => Object.values((() => {
    const out = {};
    for (const [name, h] of CSS.highlights) if (name.startsWith('newslens-')) out[name] = h.size;
    return out;
  })()).reduce((a, b) => a + b, 0) === n, total(before), { timeout: 5000 }).catch(() => fail('the show shortcut did not bring the marks back'));

  // A tap (no hover on touch screens) on a hedge shows its card.
  const point = await page.evaluate(markPoint, ['newslens-hedge', null]);
  if (point) await tapChromium(page, point);
  await page.waitForTimeout(150);
  const tapCard = point && (await inShadow(page, 'card', cardState));
  if (!tapCard || !/Hedge/.test(tapCard.text)) fail(`a tap on a hedge showed ${JSON.stringify(tapCard)}`);

  // The minimap: ticks per category; a tick jumps to its mark and explains it.
  await clickInShadow(page, 'panel', '.pill');
  const ticks = await waitInShadow(page, 'panel', (root) => root.querySelectorAll('.minimap .tick').length);
  if (ticks < 5) fail(`minimap has ${ticks} ticks`);
  await clickInShadow(page, 'panel', '.minimap .tick-claim', { last: true });
  const fromMap = await waitInShadow(page, 'card', cardState);
  if (!fromMap) fail('a minimap tick did not explain its mark');

  // Options: sensitivity, palette, wrapper mode.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options/options.html`);
  const set = (selector, value) => options.evaluate(([sel, v]) => {
    const el = document.querySelector(sel);
    if (el.type === 'checkbox') el.checked = v;
    else el.value = v;
    el.dispatchEvent(new Event('change'));
  }, [selector, value]);
  // Allow-list mode with no site listed: nothing is marked; back to deny mode: marked again.
  await set('#site-mode', 'allow');
  await page.waitForFunction(() => ![...CSS.highlights].some(([n, h]) => n.startsWith('newslens-') && h.size), null, { timeout: 5000 })
    .catch(() => fail('allow-list mode still marks an unlisted site'));
  await set('#site-mode', 'deny');
  await page.waitForFunction(() => (CSS.highlights.get('newslens-hedge') || { size: 0 }).size > 0, null, { timeout: 5000 })
    .catch(() => fail('deny-list mode did not mark the page again'));
  await set('#sensitivity-opinion', '0.2');
  // Redrawn (stances back) without loaded words: the redraw clears everything first.
  await page.waitForFunction(() => !(CSS.highlights.get('newslens-loaded') || { size: 0 }).size &&
    (CSS.highlights.get('newslens-stance') || { size: 0 }).size > 0, null, { timeout: 5000 })
    .catch(() => fail('low opinion sensitivity still shows loaded words'));
  const low = await page.evaluate(sizes);
  if (!(low.stance > 0) || low.unattributed !== before.unattributed) fail(`low opinion sensitivity: ${JSON.stringify(low)}`);
  await set('#sensitivity-opinion', '0.5');
  await set('#palette', 'colour-blind');
  await page.waitForFunction(() => (CSS.highlights.get('newslens-cb-hedge') || { size: 0 }).size > 0, null, { timeout: 5000 })
    .catch(() => fail('the colour-blind palette is not used'));
  const cb = await page.evaluate(sizes);
  if (Object.keys(cb).some((k) => !k.startsWith('cb-'))) fail(`mixed palettes: ${Object.keys(cb).join(', ')}`);
  await set('#palette', 'default');

  await set('#wrapper', true);
  // The wrapped marks as the page shows them, read in the same task as the check that they
  // are all there (a redraw in between clears them first).
  const wrappedState = () => {
    const marks = [...document.querySelectorAll('[data-newslens="mark"]')];
    return {
      count: marks.length,
      roles: new Set(marks.map((m) => m.getAttribute('role'))).size === 1 && marks[0].getAttribute('role') === 'mark',
      labelled: marks.every((m) => /^newslens: /.test(m.getAttribute('aria-description') || '')),
      hedge: marks.some((m) => /Hedge/.test(m.getAttribute('aria-description'))),
      highlights: [...CSS.highlights].filter(([n, h]) => n.startsWith('newslens-') && h.size).length,
      styled: !!marks.length && getComputedStyle(marks[0]).textDecorationLine.includes('underline'),
    };
  };
  const wrapped = await page.waitForFunction(`(() => { const s = (${wrappedState})(); return s.count > 10 && s.roles && s.labelled && s.hedge && !s.highlights && s.styled && s; })()`, null, { timeout: 10000 })
    .then((handle) => handle.jsonValue())
    .catch(() => page.evaluate(wrappedState));
  if (wrapped.count <= 10 || !wrapped.roles || !wrapped.labelled || !wrapped.hedge || wrapped.highlights || !wrapped.styled) fail(`wrapper mode: ${JSON.stringify(wrapped)}`);
  const textWrapped = await page.evaluate(() => document.body.textContent);
  await set('#wrapper', false);
  await page.waitForFunction(() => !document.querySelector('[data-newslens="mark"]') && (CSS.highlights.get('newslens-hedge') || { size: 0 }).size > 0, null, { timeout: 5000 })
    .catch(() => fail('leaving wrapper mode left elements or no highlights'));
  const textAfter = await page.evaluate(() => document.body.textContent);
  if (textWrapped !== textAfter) fail('wrapper mode changed the page text');
  await options.close();
  await page.close();

  // A long page draws only what is near the reader: the minimap's last tick, at the far
  // end of the page, still explains its mark.
  const long = await context.newPage();
  const marked = new Promise((resolve) => long.on('console', (m) => { if (m.text().startsWith('newslens: {')) resolve(); }));
  await long.goto(`${origin}/long.html`);
  await Promise.race([marked, long.waitForTimeout(30000)]);
  await long.bringToFront();
  await clickInShadow(long, 'panel', '.pill');
  await clickInShadow(long, 'panel', '.minimap .tick', { last: true });
  const farCard = await waitInShadow(long, 'card', cardState);
  if (!farCard) fail('the last minimap tick of the long page did not explain its mark');
  await long.close();
  if (failures.length) console.log(logs.filter((l) => !l.startsWith('debug')).join('\n'));
  if (!failures.length) console.log('ok   chromium: reader (shortcuts, keyboard card, tap, minimap, site mode, sensitivity, colour-blind palette, wrapper mode, a far mark of a long page)');
  return failures;
}

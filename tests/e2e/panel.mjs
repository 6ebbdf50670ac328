// The side panel in Chromium: the pill opens it; it shows the article type and the
// author's disclosure and the narration left plain; its buttons scroll to the next and
// previous marks, whose card says how check-worthy a claim is. The content script answers
// the popup's status question.
import { clickInShadow, waitInShadow } from './shadow.mjs';

export async function checkPanel(context, origin, screenshotDir) {
  const failures = [];
  const fail = (m) => { failures.push(`chromium panel: ${m}`); console.log(`FAIL chromium panel: ${m}`); };
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}/seed.html`);
  if (!(await clickInShadow(page, 'panel', '.pill', { ms: 15000 }))) fail('no panel pill');
  const text = (await waitInShadow(page, 'panel', (root) => root.querySelector('.panel').textContent)) || '';
  for (const expected of ['OPINION', 'Fred Fleitz', 'President of the Center for Security Policy', 'Claims (']) {
    if (!text.includes(expected)) fail(`panel lacks “${expected}”`);
  }
  // The default view leaves unsourced narration plain, and the counts say so.
  if (!/\d+ sentences? not underlined \(named sources, narration\) — show all in settings/.test(text)) fail('panel does not count the sentences left plain');
  await page.screenshot({ path: `${screenshotDir}/chromium-panel.png` });
  const before = await page.evaluate(() => scrollY);
  const next = 'button[data-category="claim"][data-direction="1"]';
  for (let i = 0; i < 2; i++) if (!(await clickInShadow(page, 'panel', next))) fail('no "next claim" button');
  const after = await page.evaluate(() => scrollY);
  // The claim jumped to is explained: why its sentence counts as a claim, in words, with
  // how check-worthy it is against the threshold.
  const worth = await waitInShadow(page, 'card', (root) => (root.querySelector('.claim') || {}).textContent);
  if (!/^(A|Not a) check-worthy claim \(\d+% check-worthy, (at or above|below) the \d+% line\): .+\.$/.test(worth || '')) fail(`the claim's card says ${JSON.stringify(worth)}`);
  if (!(after > before)) fail(`next claim did not scroll down (${before} -> ${after})`);
  if (!(await clickInShadow(page, 'panel', 'button[data-category="claim"][data-direction="-1"]'))) fail('no "previous claim" button');
  const back = await page.evaluate(() => scrollY);
  if (!(back < after)) fail(`previous claim did not scroll up (${after} -> ${back})`);
  // What the popup's status line is built from: the content script's answer for this tab.
  await page.bringToFront();
  const status = await context.serviceWorkers()[0].evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, { type: 'newslens/status' });
  }).catch((e) => ({ error: String(e) }));
  if (!(status.active && status.article && !status.working && status.marks > 10 && status.language === 'en')) fail(`status reply ${JSON.stringify(status)}`);
  await page.close();
  // An article in another language: nothing marked, and the pill, panel and popup say why.
  const other = await context.newPage();
  await other.goto(`${origin}/other-language.html`);
  if (!(await clickInShadow(other, 'panel', '.pill', { ms: 15000 }))) fail('no pill on a page in another language');
  const said = await waitInShadow(other, 'panel', (root) => `${root.querySelector('.pill').textContent} | ${root.querySelector('.panel').textContent}`);
  if (!/newslens · not English \|.*newslens reads English articles; this page is in another language/.test(said || '')) fail(`on a page in another language the pill and panel say ${JSON.stringify(said)}`);
  await other.bringToFront();
  const otherStatus = await context.serviceWorkers()[0].evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, { type: 'newslens/status' });
  }).catch((e) => ({ error: String(e) }));
  if (!(otherStatus.marks === 0 && otherStatus.language && otherStatus.language !== 'en')) fail(`status reply on a page in another language ${JSON.stringify(otherStatus)}`);
  await other.close();
  if (!failures.length) console.log('ok   chromium: side panel (type, disclosure, narration left plain, next/previous mark with why it is a claim) and status for the popup');
  return failures;
}

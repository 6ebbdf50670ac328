// The side panel in Chromium: the pill opens it; it shows the article type and the
// author's disclosure; its buttons scroll to the next and previous marks. The content
// script answers the popup's status question.
export async function checkPanel(context, origin, screenshotDir) {
  const failures = [];
  const fail = (m) => { failures.push(`chromium panel: ${m}`); console.log(`FAIL chromium panel: ${m}`); };
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}/seed.html`);
  const pill = page.locator('[data-newslens="panel"]').locator('.pill');
  await pill.waitFor({ state: 'visible', timeout: 15000 }).catch(() => fail('no panel pill'));
  await pill.click();
  const text = await page.locator('[data-newslens="panel"]').locator('.panel').textContent().catch(() => '');
  for (const expected of ['OPINION', 'Fred Fleitz', 'President of the Center for Security Policy', 'Claims (']) {
    if (!text.includes(expected)) fail(`panel lacks “${expected}”`);
  }
  await page.screenshot({ path: `${screenshotDir}/chromium-panel.png` });
  const before = await page.evaluate(() => scrollY);
  await page.locator('[data-newslens="panel"]').locator('button[data-category="claim"][data-direction="1"]').click();
  await page.locator('[data-newslens="panel"]').locator('button[data-category="claim"][data-direction="1"]').click();
  const after = await page.evaluate(() => scrollY);
  if (!(after > before)) fail(`next claim did not scroll down (${before} -> ${after})`);
  await page.locator('[data-newslens="panel"]').locator('button[data-category="claim"][data-direction="-1"]').click();
  const back = await page.evaluate(() => scrollY);
  if (!(back < after)) fail(`previous claim did not scroll up (${after} -> ${back})`);
  // What the popup's status line is built from: the content script's answer for this tab.
  await page.bringToFront();
  const status = await context.serviceWorkers()[0].evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, { type: 'newslens/status' });
  }).catch((e) => ({ error: String(e) }));
  if (!(status.active && status.article && !status.working && status.marks > 10)) fail(`status reply ${JSON.stringify(status)}`);
  await page.close();
  if (!failures.length) console.log('ok   chromium: side panel (type, disclosure, next/previous mark) and status for the popup');
  return failures;
}

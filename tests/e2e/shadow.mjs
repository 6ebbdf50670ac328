// The extension's own UI (the card, the panel) lives in closed shadow roots, where the
// page cannot reach it, and acts only on trusted input. Tests reach in the way the
// browser's automation can: in Chromium through the DevTools protocol, which sees closed
// roots, and they click with the (trusted) mouse of the protocol.

/**
 * Runs `fn(root, arg)` in `page` (Playwright, Chromium), in the page's main world, on
 * the closed shadow root of the extension's host for `kind` ('card' or 'panel'), and
 * resolves to its result (as JSON), or null when there is no such host.
 */
export async function inShadow(page, kind, fn, arg = null) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result: host } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('[data-newslens="${kind}"]')` });
    if (!host.objectId) return null;
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 1, pierce: true });
    const root = node.shadowRoots && node.shadowRoots[0];
    if (!root) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the ${kind}'s shadow root: ${exceptionDetails.exception ? exceptionDetails.exception.description : exceptionDetails.text}`);
    return result.value === undefined ? null : result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Polls `inShadow(page, kind, fn, arg)` until it is truthy (resolves to it) or `ms` pass (null). */
export async function waitInShadow(page, kind, fn, arg = null, ms = 5000) {
  for (const end = Date.now() + ms; ; await page.waitForTimeout(100)) {
    const value = await inShadow(page, kind, fn, arg);
    if (value || Date.now() > end) return value || null;
  }
}

/**
 * Where the first (or `last`) element matching `selector` in the root is shown, scrolled
 * into view: its centre, or null if there is none or it is hidden.
 */
const centreOf = (root, [selector, last]) => {
  const all = root.querySelectorAll(selector);
  const el = all[last ? all.length - 1 : 0];
  if (!el) return null;
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  return r.width && r.height ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
};

/**
 * Clicks the first (or `last`) element matching `selector` in the closed root of the
 * `kind` host with the mouse, once it is shown (waiting up to `ms`); resolves to whether
 * it was.
 */
export async function clickInShadow(page, kind, selector, { last = false, ms = 5000 } = {}) {
  const at = await waitInShadow(page, kind, centreOf, [selector, last], ms);
  if (!at) return false;
  await page.mouse.click(at.x, at.y);
  return true;
}

/** The card's text if it is shown, and whether it has the keyboard focus (see inShadow). */
export const cardState = (root) => {
  const card = root.querySelector('.card');
  return card && !card.hidden ? { text: card.textContent, focused: root.activeElement === card } : null;
};

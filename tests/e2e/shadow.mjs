// The extension's own UI (the card, the panel) lives in closed shadow roots, where the
// page cannot reach it, and acts only on trusted input. Tests reach in the way the
// browser's automation can: in Chromium through the DevTools protocol, which sees closed
// roots, and they click with the (trusted) mouse of the protocol.

/**
 * Runs `fn(root, arg)` in `page` (Playwright, Chromium), in the page's main world, on the
 * closed shadow root of each of the extension's hosts for `kind` ('card' or 'panel'), and
 * resolves to their results (as JSON), in document order.
 */
export async function inShadows(page, kind, fn, arg = null) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result: list } = await cdp.send('Runtime.evaluate', { expression: `[...document.querySelectorAll('[data-newslens="${kind}"]')]` });
    const { result: items } = await cdp.send('Runtime.getProperties', { objectId: list.objectId, ownProperties: true });
    const out = [];
    for (const { name, value } of items) {
      if (!/^\d+$/.test(name)) continue;
      const { node } = await cdp.send('DOM.describeNode', { objectId: value.objectId, depth: 1, pierce: true });
      const root = node.shadowRoots && node.shadowRoots[0];
      if (!root) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`in the ${kind}'s shadow root: ${exceptionDetails.exception ? exceptionDetails.exception.description : exceptionDetails.text}`);
      out.push(result.value === undefined ? null : result.value);
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** inShadows for the first host of `kind`: its result, or null when there is none. */
export async function inShadow(page, kind, fn, arg = null) {
  const [first = null] = await inShadows(page, kind, fn, arg);
  return first;
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

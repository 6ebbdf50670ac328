// The two front ends must agree: the DOM layer's collectPage() in a real browser and the
// native HTML5 parser (`newslens model`) build the same document model for the same page.
// The analysis is a pure function of the model, so equal models give equal results.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const COLLECT = fs.readFileSync(new URL('../../extension/dom/collect.js', import.meta.url), 'utf8');

/** The native model of `file` as served at `url`. */
function nativeModel(file, url) {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'newslens', '--', 'model', file, '--url', url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/** The first difference between two JSON values, as a path and both sides. */
function firstDifference(a, b, at = '') {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[key], b[key], `${at}/${key}`);
      if (d) return d;
    }
  }
  return `${at}: browser ${JSON.stringify(a)?.slice(0, 120)} vs native ${JSON.stringify(b)?.slice(0, 120)}`;
}

/** Compares the models for each `{ url, file }` in a Playwright page; returns failures. */
export async function checkEquivalence(context, pages) {
  const failures = [];
  const tab = await context.newPage();
  for (const { url, file } of pages) {
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    // Evaluated through the DevTools protocol, so the page's CSP does not block it.
    const browser = await tab.evaluate(`(() => { ${COLLECT}; return globalThis.newslensDom.collectPage(document).page; })()`);
    const native = nativeModel(file, url);
    const difference = firstDifference(browser, native);
    console.log(`${difference ? 'FAIL' : 'ok  '} chromium: document model of ${url.replace(/^.*\/\/[^/]+/, '')} matches the native parser (${native.blocks.length} blocks)`);
    if (difference) failures.push(`model of ${url} differs at ${difference}`);
  }
  await tab.close();
  return failures;
}

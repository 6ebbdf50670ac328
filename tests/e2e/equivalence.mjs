// The two front ends must agree: the DOM layer's collectPage() in a real browser and the
// native HTML5 parser (`newslens model`) build the same document model for the same markup.
// The analysis is a pure function of the model, so equal models give equal results. What
// only a browser knows, what the page's styles hide (dom/collect.js `styleHides`), is left
// to the browser: the comparison walks a copy of the page in a document without a view,
// where class names that say hidden stand in for styles as in the native parser, and says
// how many blocks the live page has (saved pages lack their external stylesheets, so there
// an element named hidden may well show).
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
    const { browser, styled } = await tab.evaluate(`(() => {
      ${COLLECT};
      const copy = document.implementation.createHTMLDocument('');
      copy.replaceChild(copy.importNode(document.documentElement, true), copy.documentElement);
      const browser = globalThis.newslensDom.collectPage(copy).page;
      browser.url = location.href;
      return { browser, styled: globalThis.newslensDom.collectPage(document).page.blocks.length };
    })()`);
    const native = nativeModel(file, url);
    const difference = firstDifference(browser, native);
    console.log(`${difference ? 'FAIL' : 'ok  '} chromium: document model of ${url.replace(/^.*\/\/[^/]+/, '')} matches the native parser (${native.blocks.length} blocks; ${styled} as the live page's styles show it)`);
    if (difference) failures.push(`model of ${url} differs at ${difference}`);
  }
  await tab.close();
  return failures;
}

// Real saved pages (Mozilla Readability's test pages): the extension marks their
// articles and nothing else — every highlighted string must occur in the page's
// expected article text — and leaves their text unchanged.
import fs from 'node:fs';
import { SAVED_PAGES } from './server.mjs';

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** The article text Readability expects for a saved page. */
function expectedText(id) {
  const html = fs.readFileSync(`../shared/data/readability_test_pages/${id}/expected.html`, 'utf8');
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"').replace(/&#39;|&#x27;|&rsquo;/g, '’').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return squash(text);
}

export async function checkSavedPages(browser, origin, probe) {
  const failures = [];
  for (const id of SAVED_PAGES) {
    const tab = await browser.open(`${origin}/saved/${id}`, probe);
    const { report } = tab;
    await tab.close();
    const problems = [];
    if (report.error) problems.push(`probe failed: ${report.error}`);
    const ranges = report.ranges || [];
    // Some marks: a short news report has few, as the default view leaves named sources
    // and narration plain (breitbart: three opinion markers, a missing source, the bio).
    if (ranges.length < 4) problems.push(`only ${ranges.length} highlight ranges`);
    if (!report.textUnchanged) problems.push('the page text changed');
    // Compared without whitespace: the expected text gains a space at every tag, and a
    // range over a sentence crosses its links and emphases.
    const plain = (s) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, '');
    const expected = plain(expectedText(id));
    const outside = ranges.filter((r) => {
      const text = plain(r.text);
      return text.length > 3 && !expected.includes(text);
    });
    // A few captions or pull quotes may differ from Readability's cleaned text.
    if (outside.length > ranges.length * 0.05) {
      problems.push(`${outside.length} of ${ranges.length} highlights are outside the article, e.g. “${outside[0].text.slice(0, 60)}”`);
    }
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${browser.name}: saved page ${id} (${ranges.length} highlight ranges)`);
    failures.push(...problems.map((p) => `${browser.name} saved ${id}: ${p}`));
    for (const p of problems) console.log(`       ${p}`);
  }
  return failures;
}

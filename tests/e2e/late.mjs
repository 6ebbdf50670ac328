// Dynamic pages: a paragraph appended after load is analysed, once and alone; a
// single-page-app navigation replaces the article, and its marks replace the old ones; a
// section the page shows by changing a class is analysed, and class changes that show
// nothing start no work.
import { MARKED } from './learned.mjs';
const MARKED_IN = (id) => `(() => {
  const el = document.getElementById('${id}');
  if (!el) return false;
  const h = CSS.highlights.get('newslens-hedge');
  return !!h && [...h].some((r) => el.contains(r.startContainer));
})()`;

/** Highlight ranges on text that has left the page. */
const STALE = `async () => {
  let stale = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('newslens-')) for (const r of h) stale += r.startContainer.isConnected ? 0 : 1;
  return stale;
}`;

/** The debug lines of incremental updates (extension/content/main.js) in a tab's log. */
const updates = (logs) => logs.map((l) => /^newslens: (\{"update".*)/.exec(l)).filter(Boolean).map((m) => JSON.parse(m[1]));

/**
 * The failures if the element `id`, new on the page `tab`, is not marked, or (where the
 * content script's console is seen: Chromium) took other than one update of one block.
 */
async function newBlockAnalysed(tab, id, what) {
  if (!(await tab.poll(MARKED_IN(id), 10000))) return [`${what}: not analysed`];
  await new Promise((r) => setTimeout(r, 2000));
  const runs = tab.logs ? updates(tab.logs) : null;
  if (runs && (runs.length !== 1 || runs[0].fresh !== 1)) {
    return [`${what}: expected one update of one block, got ${JSON.stringify(runs)}`];
  }
  return [];
}

export async function checkLateContent(open, origin) {
  const failures = [];
  const late = await open(`${origin}/late.html`);
  failures.push(...(await newBlockAnalysed(late, 'late', 'late content')));
  await late.close();

  // The reader opens "read more" once the page is marked; the page's class toggling
  // before and after must start no work of its own.
  const reveal = await open(`${origin}/reveal.html`);
  if (!(await reveal.poll(MARKED, 10000))) failures.push('the page with a collapsed section was not marked');
  await new Promise((r) => setTimeout(r, 2000));
  await reveal.evaluate(`async () => document.getElementById('more').classList.remove('collapsed')`);
  failures.push(...(await newBlockAnalysed(reveal, 'revealed', 'revealed section')));
  await reveal.close();

  const spa = await open(`${origin}/spa.html`);
  if (!(await spa.poll(MARKED_IN('second'), 10000))) failures.push('the article after a History API navigation was not analysed');
  const stale = await spa.evaluate(STALE);
  if (stale) failures.push(`${stale} highlights left on the replaced article`);
  await spa.close();
  return failures;
}

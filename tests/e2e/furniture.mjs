// The page's furniture and palette, in one browser: text the page's stylesheet hides (a
// hover card, a pop-up, a skipped box, screen-reader labels clipped or moved out of sight:
// tests/e2e/furniture.html) is never marked, while the article around it is; and the
// palette follows the article's text, not its first box (a dark page opening with a light
// box, a light page opening with a dark banner: tests/e2e/palette-*.html).

/** Each hidden part of furniture.html says one of these; the visible article says "probably". */
const HIDDEN_CUES = ['obviously', 'apparently', 'certainly', 'undoubtedly', 'clearly', 'supposedly'];

const PALETTE_PAGES = [
  ['/palette-dark.html', 'dark', 'a dark page opening with a light box'],
  ['/palette-light.html', 'light', 'a light page opening with a dark banner'],
];

export async function checkFurniture(browser, origin, probe) {
  const failures = [];
  const report = (name, problems) => {
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${browser.name}: ${name}`);
    for (const p of problems) console.log(`       ${p}`);
    failures.push(...problems.map((p) => `${browser.name} ${name}: ${p}`));
  };

  const tab = await browser.open(`${origin}/furniture.html`, probe);
  const ranges = tab.report.ranges || [];
  const problems = tab.report.error ? [`probe failed: ${tab.report.error}`] : [];
  if (!ranges.some((r) => /\bprobably\b/.test(r.text))) problems.push('the visible article is not marked');
  for (const cue of HIDDEN_CUES) {
    const marked = ranges.find((r) => r.text.toLowerCase().includes(cue));
    if (marked) problems.push(`hidden text marked: ${JSON.stringify(marked.text)} (${marked.subtype})`);
  }
  if (!tab.report.textUnchanged) problems.push('the page text changed');
  await tab.close();
  report('text hidden by the page\'s stylesheet is not marked', problems);

  for (const [path, palette, name] of PALETTE_PAGES) {
    const page = await browser.open(origin + path, probe);
    const palettes = new Set((page.report.ranges || []).map((r) => r.palette));
    await page.close();
    report(`the ${palette} palette on ${name}`,
      palettes.size === 1 && palettes.has(palette) ? [] : [`palette ${[...palettes].join(', ') || 'none (no marks)'}`]);
  }
  return failures;
}

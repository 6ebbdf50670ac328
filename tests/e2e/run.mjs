// End-to-end tests: the demo page, then the built extension in real Chromium and Firefox
// on pages served on 127.0.0.1 — the seed page (plain, strict CSP, Trusted Types, dark,
// without metadata), saved real pages, the hostile pages, late content and a single-page
// app — and its popup, options page, panel, cards and shortcuts.
// Run from the repository root after `cargo xtask build` (the test command does both).
import fs from 'node:fs';
import path from 'node:path';
import { SAVED_PAGES, startServer } from './server.mjs';
import { checkEquivalence } from './equivalence.mjs';
import { checkSeed, loadExpectations } from './expectations.mjs';
import { launchChromium } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';
import { checkDemo } from './www.mjs';
import { checkSettings } from './settings.mjs';
import { checkLateContent } from './late.mjs';
import { checkPanel } from './panel.mjs';
import { checkReader } from './reader.mjs';
import { checkFirefoxUi } from './firefox-ui.mjs';
import { checkSavedPages } from './saved.mjs';
import { checkHostilePages } from './hostile.mjs';
import { checkFurniture } from './furniture.mjs';
import { checkLearned, setLearned } from './learned.mjs';
import { reportTimings } from './chromium.mjs';
import { requireShared } from './shared.mjs';

const NEEDS = [
  'golden/seed-page.html',
  'golden/seed-page-bare.html',
  'golden/seed-article.txt',
  'golden/seed-expectations.jsonl',
  'data/readability_test_pages',
  'data/zyte_article_extraction/ground_truth.jsonl',
  'data/semeval2020_task11_ptc/sentences.jsonl',
];
if (!requireShared(NEEDS)) process.exit(0);

const DIST = path.resolve('target/dist');
const SHOTS = path.resolve('target/e2e');
const probe = fs.readFileSync(new URL('./probe.js', import.meta.url), 'utf8')
  .replace(/^\/\/.*\n/gm, '').replace(/^async function newslensProbe\(\)/m, 'async function ()');
const PAGES = [
  { name: 'seed page', path: '/seed.html', screenshot: true },
  { name: 'seed page, strict CSP', path: '/strict/seed.html', strict: true },
  { name: 'seed page, no metadata', path: '/bare.html' },
  { name: 'seed page, dark theme', path: '/dark.html', dark: true },
  { name: 'seed page, Trusted Types required', path: '/trusted-types/seed.html', strict: true },
];

const expectations = loadExpectations();
// The checker itself must be able to fail: an empty report has to be rejected.
if (checkSeed({ ranges: [], textUnchanged: true }, expectations).length < 10) {
  throw new Error('the seed checker accepts an empty report');
}

fs.mkdirSync(SHOTS, { recursive: true });
const server = await startServer();
const failures = [];
failures.push(...(await checkDemo(server.origin, SHOTS)));
const browsers = [
  ['chromium', () => launchChromium(path.join(DIST, 'chrome'))],
  ['firefox', () => launchFirefox(path.join(DIST, 'firefox'))],
];
for (const [name, launch] of browsers) {
  const started = Date.now();
  const browser = await launch();
  try {
    // The checks before checkLearned expect the instant tier's marks (learned.mjs).
    await setLearned(browser, false);
    if (browser.context) {
      const models = [
        { url: `${server.origin}/seed.html`, file: '../shared/golden/seed-page.html' },
        { url: `${server.origin}/bare.html`, file: '../shared/golden/seed-page-bare.html' },
        ...SAVED_PAGES.map((id) => ({
          url: `${server.origin}/saved/${id}`,
          file: `../shared/data/readability_test_pages/${id}/source.html`,
        })),
      ];
      failures.push(...(await checkEquivalence(browser.context, models)));
    }
    for (const page of PAGES) {
      const tab = await browser.open(server.origin + page.path, probe);
      const problems = tab.report.error ? [`probe failed: ${tab.report.error}`] : checkSeed(tab.report, expectations);
      problems.push(...tab.errors.map((e) => `console error: ${e}`));
      // Marks on a dark page use the dark palette, and only there.
      const palettes = new Set((tab.report.ranges || []).map((r) => r.palette));
      if (palettes.size !== 1 || !palettes.has(page.dark ? 'dark' : 'light')) {
        problems.push(`palette ${[...palettes].join(', ')} on a ${page.dark ? 'dark' : 'light'} page`);
      }
      // Zero network: the extension fetches nothing but its own files.
      problems.push(...(tab.foreign || []).map((u) => `unexpected request: ${u}`));
      // The analysis runs in the background (never on the page's main thread), strict CSP or not.
      if (name === 'chromium' && !tab.logs.some((l) => l.includes('"where":"background"'))) {
        problems.push('the page was not analysed in the background');
      }
      if (page.screenshot) await tab.screenshot(path.join(SHOTS, `${name}-seed.png`));
      if (tab.hover) {
        const card = await tab.hover('article p:nth-of-type(6)');
        if (!card || !/Booster|Loaded|No source/.test(card)) problems.push(`hover card missing or wrong: ${card}`);
      }
      await tab.close();
      const marks = tab.report.ranges ? tab.report.ranges.length : 0;
      console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}: ${page.name} (${marks} highlight ranges)`);
      for (const p of problems) console.log(`       ${p}`);
      failures.push(...problems.map((p) => `${name} ${page.name}: ${p}`));
    }
    failures.push(...(await checkSavedPages(browser, server.origin, probe)));
    failures.push(...(await checkHostilePages(browser, server.origin, probe)));
    failures.push(...(await checkFurniture(browser, server.origin, probe)));
    const late = await checkLateContent((url) => browser.visit(url), server.origin);
    console.log(`${late.length ? 'FAIL' : 'ok  '} ${name}: content added after load, and a single-page-app navigation`);
    for (const p of late) console.log(`       ${p}`);
    failures.push(...late.map((p) => `${name}: ${p}`));
    if (browser.extensionId) failures.push(...(await checkPanel(browser.context, server.origin, SHOTS)));
    if (browser.extensionId) failures.push(...(await checkSettings(browser.context, browser.extensionId, server.origin, SHOTS)));
    if (browser.extensionId) failures.push(...(await checkReader(browser.context, browser.extensionId, server.origin)));
    if (browser.extensionBase) failures.push(...(await checkFirefoxUi(browser, server.origin)));
    failures.push(...(await checkLearned(browser, server.origin, browser.context && (() => reportTimings(browser.context)))));
  } finally {
    await browser.close();
  }
  console.log(`     ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
await server.close();
if (failures.length) {
  console.error(`\n${failures.length} end-to-end failure(s)`);
  process.exit(1);
}
console.log('\nall end-to-end checks passed');

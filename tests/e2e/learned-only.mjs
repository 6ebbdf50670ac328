// The learned tier's check alone (learned.mjs), without the whole end-to-end suite:
// `node tests/e2e/learned-only.mjs [chromium|firefox]` (Chromium when not said). In
// Chromium it prints the figures of its budgets (refined viewport and article after the
// first marks, cold load, longest frame, memory); in Firefox, the check and the longest
// frame. Run from the repository root after `cargo xtask build`.
import path from 'node:path';
import { startServer } from './server.mjs';
import { launchChromium, reportTimings } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';
import { checkLearned } from './learned.mjs';
import { requireShared } from './shared.mjs';

const name = process.argv[2] || 'chromium';
const launch = { chromium: () => launchChromium(path.resolve('target/dist/chrome')), firefox: () => launchFirefox(path.resolve('target/dist/firefox')) }[name];
if (!launch) throw new Error(`no browser "${name}": chromium or firefox`);
if (!requireShared(['golden/seed-page.html'])) process.exit(0);
const server = await startServer();
const browser = await launch();
try {
  const timings = browser.context && (() => reportTimings(browser.context));
  const failures = await checkLearned(browser, server.origin, timings);
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await browser.close();
  await server.close();
}

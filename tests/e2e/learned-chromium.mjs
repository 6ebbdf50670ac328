// The learned tier's check alone, in Chromium (learned.mjs): the figures of its budgets
// (refined viewport and article after the first marks, cold load, longest frame, memory)
// without the whole end-to-end suite. Run from the repository root after `cargo xtask build`.
import path from 'node:path';
import { startServer } from './server.mjs';
import { launchChromium, reportTimings } from './chromium.mjs';
import { checkLearned } from './learned.mjs';
import { requireShared } from './shared.mjs';

if (!requireShared(['golden/seed-page.html'])) process.exit(0);
const server = await startServer();
const browser = await launchChromium(path.resolve('target/dist/chrome'));
try {
  const failures = await checkLearned(browser, server.origin, () => reportTimings(browser.context));
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await browser.close();
  await server.close();
}

// The reference material in ../shared (the seed page and its expectations, saved real
// pages, dataset text for the long page), read in place: it is beside the repository, not
// in it. Without it the end-to-end run is skipped, saying so, unless
// NEWSLENS_REQUIRE_SHARED=1 (set by .ci/run), where its absence is a failure — as in
// tests/shared/mod.rs for the Rust tests.
import fs from 'node:fs';
import path from 'node:path';

/** Whether every one of `paths` (relative to ../shared) is there; says which is not. */
export function requireShared(paths) {
  const missing = paths.find((p) => !fs.existsSync(path.join('../shared', p)));
  if (missing === undefined) return true;
  if (process.env.NEWSLENS_REQUIRE_SHARED === '1') {
    throw new Error(`the end-to-end tests need ../shared/${missing}, which is missing (NEWSLENS_REQUIRE_SHARED=1)`);
  }
  console.error(`skipped the end-to-end tests: needs ../shared/${missing}`);
  return false;
}

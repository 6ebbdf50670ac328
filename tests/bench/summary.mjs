// One summary row per figure with its goal, for the single table `cargo xtask bench`
// prints at the end: appended as tab-separated `measure, figure, goal, verdict` to the
// file named by NEWSLENS_BENCH_SUMMARY (nothing happens when it is not set).
import fs from 'node:fs';

/** Appends a row; `met` true/false for a goal, null where there is none. */
export function summaryRow(measure, figure, goal = '—', met = null) {
  const file = process.env.NEWSLENS_BENCH_SUMMARY;
  if (!file) return;
  const verdict = met === null ? '' : met ? 'met' : 'not met';
  fs.appendFileSync(file, `${[measure, figure, goal, verdict].join('\t')}\n`);
}

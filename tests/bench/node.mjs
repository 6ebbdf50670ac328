// Side by side in one Node process: the newslens wasm package and write-good (all
// checks) on the same 100 KB of real article text. Prints times, the ratio, and what
// each finds.
import fs from 'node:fs';
import vm from 'node:vm';
import writeGood from 'write-good';
import { articleText } from './corpus.mjs';
import { summaryRow } from './summary.mjs';

// The no-modules glue is a classic script defining `wasm_bindgen`; run it as one.
vm.runInThisContext(`${fs.readFileSync('target/pkg/newslens.js', 'utf8')}\nglobalThis.wasm_bindgen = wasm_bindgen;`);
const core = globalThis.wasm_bindgen;
core.initSync({ module: fs.readFileSync('target/pkg/newslens_bg.wasm') });

const text = articleText(100 * 1024);
/** The page model of plain text: one paragraph per line, as Page::from_text builds it. */
function pageOf(text) {
  const elements = [{ tag: 'article', parent: null }];
  const blocks = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    blocks.push({ element: elements.length, segments: [line.trim()] });
    elements.push({ tag: 'p', parent: 0 });
  }
  return { elements, blocks };
}

/** Untimed calls before timing: V8 optimises wasm and JS hot code in the background, so
 * one call leaves either side partly unoptimised. Both sides are warmed alike. */
const WARM_UP = 3;

/** Median time of `run` after WARM_UP untimed calls. */
function median(run, times = 7) {
  const samples = [];
  let result;
  for (let i = 0; i < WARM_UP; i++) result = run();
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    result = run();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[samples.length >> 1], result };
}

// The binding takes and returns JSON text; the conversions are part of the time.
const ours = median(() => JSON.parse(core.analyze(JSON.stringify(pageOf(text)), '')));
const theirs = median(() => writeGood(text), 3);
const kinds = new Set(ours.result.findings.map((f) => f.subtype));
console.log(`${'wasm vs write-good (Node, same text)'.padEnd(44)} ${'bytes'.padStart(10)} ${'time'.padStart(12)} ${'found'.padStart(10)}`);
console.log(`${'newslens (wasm, every detector)'.padEnd(44)} ${String(Buffer.byteLength(text)).padStart(10)} ${ours.ms.toFixed(1).padStart(9)} ms ${String(ours.result.findings.length).padStart(10)}  in ${kinds.size} kinds`);
console.log(`${'write-good 1.0.8 (all checks)'.padEnd(44)} ${String(Buffer.byteLength(text)).padStart(10)} ${theirs.ms.toFixed(1).padStart(9)} ms ${String(theirs.result.length).padStart(10)}  suggestions`);
console.log(`${'ratio'.padEnd(44)} ${''.padStart(10)} ${(theirs.ms / ours.ms).toFixed(1).padStart(10)}×  faster (goal ≥ 50×)`);
const ratio = theirs.ms / ours.ms;
summaryRow('wasm vs write-good, 100 KB in Node', `${ours.ms.toFixed(1)} vs ${theirs.ms.toFixed(1)} ms: ${ratio.toFixed(1)}× faster`, '≥ 50×', ratio >= 50);

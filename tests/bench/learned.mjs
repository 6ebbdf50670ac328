// The learned tier's wasm module in Node, as shipped (target/dist/chrome/learned/): cold
// start (instantiate + LearnedModel.load), then ms per sentence warm, on the seed column's
// sentences each read with the one before it, and the wasm memory after loading.
// Figures only (this machine varies ±30 % run to run); the summary table gets the rows.
import fs from 'node:fs';
import vm from 'node:vm';
import { summaryRow } from './summary.mjs';

const dir = 'target/dist/chrome/learned';
const read = (f) => fs.readFileSync(`${dir}/${f}`);

let t = performance.now();
vm.runInThisContext(`${read('newslens_learned.js').toString()}\nglobalThis.newslensLearned = newslensLearned;`);
const learned = globalThis.newslensLearned;
const wasm = learned.initSync({ module: read('newslens_learned_bg.wasm') });
const instantiated = performance.now() - t;
t = performance.now();
const model = learned.LearnedModel.load(read('config.json'), read('model.safetensors'), read('tokenizer.json'));
const loaded = performance.now() - t;
const memory = wasm.memory.buffer.byteLength;

/** Lines cut after `.`, `?` or `!` and a space (rough: the timing needs sentences of
 * news length, not the analyser's segmentation). */
const sentences = fs.readFileSync('../shared/golden/seed-article.txt', 'utf8')
  .split('\n').flatMap((line) => line.split(/(?<=[.?!]) /)).map((s) => s.trim()).filter(Boolean);
const batch = JSON.stringify(sentences.map((sentence, i) => ({ sentence, context: i ? sentences[i - 1] : '' })));

t = performance.now();
model.score(batch);
const first = performance.now() - t;
const samples = [];
for (let i = 0; i < 3; i++) {
  t = performance.now();
  model.score(batch);
  samples.push(performance.now() - t);
}
const best = Math.min(...samples);
// Wasm memory only grows: after scoring it holds the peak (attention buffers included).
const peak = wasm.memory.buffer.byteLength;
const perSentence = best / sentences.length;
const mib = (b) => (b / 2 ** 20).toFixed(0);
console.log(`learned tier, wasm in Node: instantiate ${instantiated.toFixed(0)} ms, load ${loaded.toFixed(0)} ms, `
  + `first batch ${first.toFixed(0)} ms; ${sentences.length} seed sentences in ${best.toFixed(0)} ms warm `
  + `(${perSentence.toFixed(1)} ms/sentence); wasm memory ${mib(memory)} MiB after load, ${mib(peak)} MiB after scoring`);
summaryRow('learned: wasm cold start in Node (instantiate + load)', `${(instantiated + loaded).toFixed(0)} ms`);
summaryRow('learned: wasm in Node, warm, seed column', `${perSentence.toFixed(1)} ms/sentence, ${best.toFixed(0)} ms in all`,
  '≤ 1500 ms for the article (browser)', best <= 1500);
summaryRow('learned: wasm memory after load / after scoring (Node)', `${mib(memory)} / ${mib(peak)} MiB`,
  '≤ 150 MB (background)', peak <= 150e6);

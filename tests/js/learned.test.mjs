// The learned tier's wasm module as the extension ships it (target/dist/chrome/learned/):
// it loads, scores like the training framework (models/learned/parity.json, UTF-16
// offsets at this boundary) and throws a readable Error on a broken model. Needs
// `cargo xtask build` (the test command builds before it runs this).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

const dir = 'target/dist/chrome/learned';
const built = fs.existsSync(`${dir}/newslens_learned_bg.wasm`);
const skip = !built && `${dir} is not built: run cargo xtask build`;
const TOLERANCE = 1e-3;

function loadModule() {
  // The no-modules glue is a classic script defining the global `newslensLearned`.
  vm.runInThisContext(`${fs.readFileSync(`${dir}/newslens_learned.js`, 'utf8')}\nglobalThis.newslensLearned = newslensLearned;`);
  const learned = globalThis.newslensLearned;
  learned.initSync({ module: fs.readFileSync(`${dir}/newslens_learned_bg.wasm`) });
  return learned;
}

const files = () => ['config.json', 'model.safetensors', 'tokenizer.json'].map((f) => fs.readFileSync(`${dir}/${f}`));

/** Char (code point) offset → UTF-16 offset in `text`. */
const utf16 = (text, chars) => [...text].slice(0, chars).join('').length;

test('the wasm module scores like the training framework', { skip }, () => {
  const { LearnedModel } = loadModule();
  const model = LearnedModel.load(...files());
  const expected = JSON.parse(fs.readFileSync('models/learned/parity.json', 'utf8'));
  const scores = JSON.parse(model.score(JSON.stringify(expected.map(({ sentence, context }) => ({ sentence, context })))));
  assert.equal(scores.length, expected.length);
  expected.forEach((want, i) => {
    const got = scores[i];
    const close = (w, g, what) => assert.ok(Math.abs(w - g) <= TOLERANCE, `${want.sentence}: ${what} expected ${w}, got ${g}`);
    close(want.opinion, got.opinion, 'opinion');
    close(want.claim, got.claim, 'claim');
    assert.deepEqual(got.loaded.map(([s, e]) => [s, e]),
      want.loaded.map(([s, e]) => [utf16(want.sentence, s), utf16(want.sentence, e)]), want.sentence);
    want.loaded.forEach(([, , p], j) => close(p, got.loaded[j][2], `loaded word ${j}`));
  });
  const thresholds = JSON.parse(model.thresholds());
  const config = JSON.parse(fs.readFileSync(`${dir}/config.json`, 'utf8'));
  assert.deepEqual(thresholds, config.newslens.thresholds);
});

test('offsets are UTF-16 code units', { skip }, () => {
  const { LearnedModel } = loadModule();
  const model = LearnedModel.load(...files());
  const sentence = 'Fans 😀 cheered the shameless stunt.';
  const [scores] = JSON.parse(model.score(JSON.stringify([{ sentence, context: '' }])));
  const words = scores.loaded.map(([s, e]) => sentence.slice(s, e));
  assert.ok(words.includes('cheered') && words.includes('stunt.'), words.join('|'));
});

test('a broken model throws an Error that names the file', { skip }, () => {
  const { LearnedModel } = loadModule();
  const [config, weights, tokenizer] = files();
  assert.throws(() => LearnedModel.load(config, weights.subarray(0, 1000), tokenizer), /model\.safetensors/);
  assert.throws(() => LearnedModel.load(Buffer.from('{}'), weights, tokenizer), /config\.json/);
});

// The dynamic-page diff (extension/content/incremental.js): which blocks are new, which
// are the same text as before, with repeated paragraphs matched one to one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

const context = {};
vm.runInNewContext(fs.readFileSync('extension/content/incremental.js', 'utf8'), context);
const { blockKey, matchBlocks, sameNodes } = context.newslensIncremental;

test('a block is known by its text, however it is split into nodes', () => {
  assert.equal(blockKey({ segments: ['The plan ', 'will', ' fail.'] }), blockKey({ segments: ['The plan will fail.'] }));
});

test('unchanged blocks are matched, new and edited ones are not', () => {
  const before = ['Title', 'First.', 'Second.', 'Third.'];
  const now = ['Title', 'First.', 'Second, edited.', 'Third.', 'Loaded later.'];
  assert.deepEqual([...matchBlocks(before, now)], [0, 1, -1, 3, -1]);
});

test('repeated text is matched once per earlier copy', () => {
  assert.deepEqual([...matchBlocks(['Ad', 'Text', 'Ad'], ['Ad', 'Ad', 'Ad', 'Text'])], [0, 2, -1, 1]);
  assert.deepEqual([...matchBlocks([], ['A'])], [-1]);
  assert.deepEqual([...matchBlocks(['A'], [])], []);
});

test('node lists compare by identity', () => {
  const a = {};
  const b = {};
  assert.ok(sameNodes([a, b], [a, b]));
  assert.ok(!sameNodes([a, b], [a, {}]));
  assert.ok(!sameNodes([a], [a, b]));
});

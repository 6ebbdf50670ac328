// The dynamic-page diff (extension/content/incremental.js): which blocks are new, which
// are the same text as before, with repeated paragraphs matched one to one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

const context = {};
vm.runInNewContext(fs.readFileSync('extension/content/incremental.js', 'utf8'), context);
const { blockKey, matchBlocks, sameNodes, merge, moves, renumber, movesLog } = context.newslensIncremental;

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

test('an update keeps the findings of known text, moved to their new place, and draws the new', () => {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => ({ name }));
  const previous = [
    { key: 'Title', role: 'heading', nodes: [a], findings: [{ block: 0, subtype: 'loaded' }] },
    { key: 'First.', role: 'body', nodes: [b], findings: [{ block: 1, subtype: 'hedge' }] },
  ];
  // Now: new text first, the title as it was, the first paragraph in new Text nodes.
  const keys = ['Breaking.', 'Title', 'First.'];
  const nodes = [[c], [a], [d]];
  const matched = matchBlocks(previous.map((p) => p.key), keys);
  const found = { roles: ['body', null, null], findings: [{ block: 0, subtype: 'vague' }] };
  const { blocks, redraw, keep } = merge(previous, matched, keys, nodes, found);
  // Arrays of the module's realm, compared as plain values.
  const plain = (x) => JSON.parse(JSON.stringify(x));
  assert.deepEqual(plain(blocks.map((x) => [x.key, x.role, x.findings.map((f) => `${f.block} ${f.subtype}`)])), [
    ['Breaking.', 'body', ['0 vague']],
    ['Title', 'heading', ['1 loaded']],
    ['First.', 'body', ['2 hedge']],
  ]);
  assert.deepEqual(plain(redraw.map((f) => `${f.block} ${f.subtype}`)), ['0 vague', '2 hedge']);
  assert.deepEqual([...keep], [a]);
  assert.equal(blocks[2].nodes[0], d);
});

test("a refinement asked for before updates lands on its blocks' new places", () => {
  // Update 1: a paragraph is inserted before the old block 2; update 2: block 0 is gone.
  const first = moves(matchBlocks(['Title', 'One.', 'Bio.'], ['Title', 'One.', 'Two.', 'Bio.']), 3);
  assert.deepEqual([...first], [0, 1, 3]);
  const second = moves(matchBlocks(['Title', 'One.', 'Two.', 'Bio.'], ['One.', 'Two.', 'Bio.']), 4);
  assert.deepEqual([...second], [-1, 0, 1, 2]);
  const finding = (block) => ({ subtype: 'loaded', block, span: [0, 3] });
  const asked = { blocks: [0, 1, 2].map((block) => ({ block, findings: [finding(block)] })), sentences: [] };
  const now = renumber(asked, [first, second]);
  // The title left the page; 'One.' is at 0, 'Bio.' at 2, and so are their findings.
  assert.deepEqual(JSON.parse(JSON.stringify(now.blocks)), [
    { block: 0, findings: [finding(0)] },
    { block: 2, findings: [finding(2)] },
  ]);
  // Asked for after both updates: unchanged.
  assert.deepEqual([...renumber(asked, []).blocks.map((b) => b.block)], [0, 1, 2]);
});

test('the moves are kept while a refinement is on its way, and no longer', () => {
  const log = movesLog();
  const step = (n) => [n];
  assert.equal(log.next(), 1);
  log.push(step(1)); // update 1 added no blocks: nothing of its own to refine
  log.ask(2);
  log.push(step(2)); // update 2's blocks are being refined
  log.push(step(3));
  // The page's refinement (0) needs every move; update 2's those after it.
  assert.deepEqual(JSON.parse(JSON.stringify(log.since(0))), [[1], [2], [3]]);
  assert.deepEqual(JSON.parse(JSON.stringify(log.since(2))), [[3]]);
  log.settle(0);
  assert.equal(log.size(), 3);
  assert.deepEqual(JSON.parse(JSON.stringify(log.since(2))), [[3]]);
  assert.equal(log.next(), 4);
  log.settle(2);
  log.push(step(4));
  // Nothing on its way: nothing kept, and the numbering goes on.
  assert.equal(log.size(), 0);
  assert.equal(log.next(), 5);
  log.ask(5);
  log.push(step(5));
  log.push(step(6));
  assert.deepEqual(JSON.parse(JSON.stringify(log.since(5))), [[6]]);
});

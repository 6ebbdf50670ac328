// Tickers (extension/content/tickers.js): an element whose text the page replaces in
// three separate looks stops being marked; text only added never counts; a new article
// starts afresh.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

/** A fresh copy of the module. */
function tickers() {
  const context = {};
  vm.runInNewContext(fs.readFileSync('extension/content/tickers.js', 'utf8'), context);
  return context.newslensTickers;
}

/** A stand-in element under `parent`: all the module reads of an element. */
const element = (parent = null) => ({ parentElement: parent });

/** A finding in each of `blocks` blocks, block i's element being `elements[i]`. */
function page(elements) {
  const nodes = elements.map((el) => [{ parentElement: el }]);
  const findings = elements.map((_, block) => ({ block }));
  return { findings, nodes, elements };
}

test('text replaced in three separate looks makes a ticker, and its block goes unmarked', () => {
  const t = tickers();
  const article = element();
  const clock = element(article);
  const { findings, nodes, elements } = page([article, clock]);
  for (let look = 1; look <= 3; look++) {
    assert.equal(t.unless(findings, nodes, elements).length, 2, `before look ${look}`);
    t.replacedIn(clock);
    t.replacedIn(clock); // twice in one look counts once
    t.look();
  }
  assert.ok(t.is(clock));
  assert.ok(!t.is(article));
  assert.ok(t.inBlock(article, [{ parentElement: clock }]), 'a block holding the ticker');
  assert.deepEqual(t.unless(findings, nodes, elements).map((f) => f.block), [0]);
});

test('looks without replacements do not count, and a new article starts afresh', () => {
  const t = tickers();
  const feed = element();
  t.replacedIn(feed);
  t.look();
  t.look();
  t.look();
  assert.ok(!t.is(feed), 'replaced in one look of three');
  for (let look = 0; look < 3; look++) {
    t.replacedIn(feed);
    t.look();
  }
  assert.ok(t.is(feed));
  t.reset();
  assert.ok(!t.is(feed));
});

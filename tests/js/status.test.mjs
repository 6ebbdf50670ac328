// The popup's status line (extension/popup/status.js) for every kind of tab.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

const context = vm.createContext({ URL });
for (const script of ['extension/protocol.js', 'extension/popup/status.js']) vm.runInContext(fs.readFileSync(script, 'utf8'), context);
const { describe } = context.newslensStatus;

test('pages newslens cannot run on say so', () => {
  for (const url of ['about:blank', 'chrome://settings', 'about:addons', 'file:///home/a.html', 'moz-extension://x/popup.html', '']) {
    const status = describe(url, null);
    assert.equal(status.runs, false, url);
    assert.match(status.text, /web pages only/, url);
  }
  assert.match(describe('https://example.com/report.PDF', null).text, /PDF/);
  assert.match(describe('https://chromewebstore.google.com/detail/x', null).text, /not running on this page.*reload/s);
});

test('pages it runs on report what it found', () => {
  const url = 'https://news.example.com/opinion/a';
  assert.equal(describe(url, { active: false }).text, 'Off on this page.');
  assert.match(describe(url, { active: true, working: true }).text, /Analysing/);
  assert.match(describe(url, { active: true, article: false, marks: 0 }).text, /No article found/);
  assert.equal(describe(url, { active: true, article: true, marks: 1 }).text, '1 mark in this article.');
  assert.equal(describe(url, { active: true, article: true, marks: 12 }).text, '12 marks in this article.');
});

test('a page in another language says why nothing is marked', () => {
  const url = 'https://news.example.com/a';
  const reply = { active: true, article: true, marks: 0 };
  for (const language of ['und-Latn', 'und-Cyrl', 'pt']) {
    assert.equal(describe(url, { ...reply, language }).text,
      'newslens reads English articles; this page is in another language, so nothing is marked.', language);
  }
  // English, or too little text to tell: the usual count.
  for (const language of ['en', null, undefined]) {
    assert.equal(describe(url, { ...reply, language }).text, '0 marks in this article.', String(language));
  }
  assert.match(describe(url, { ...reply, working: true, language: 'und-Latn' }).text, /Analysing/);
});

// The settings module (extension/settings/settings.js) in Node with an in-memory storage:
// older and damaged stored shapes are upgraded without losing the reader's lists.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

import { generated } from './generated.mjs';

/** Plain objects of this realm (the module runs in its own, whose prototypes differ). */
const plain = (x) => JSON.parse(JSON.stringify(x));

/** Chromium's storage.local quota, in bytes of JSON (without the unlimitedStorage permission). */
const QUOTA = 10 * 1024 * 1024;

/**
 * A fresh copy of the module over `stored`, the storage.local contents, which refuse a
 * write that would take them over `quota` bytes as Chromium's do; with the kinds
 * catalogue (kinds.js, generated from the core's) or, given `kinds`, that one instead.
 */
function settingsOver(stored, { quota = QUOTA, kinds = null } = {}) {
  const listeners = [];
  const chrome = {
    storage: {
      local: {
        async get(keys) {
          return Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, structuredClone(stored[k])]));
        },
        async set(values) {
          if (JSON.stringify({ ...stored, ...values }).length > quota) throw new Error('QUOTA_BYTES quota exceeded');
          Object.assign(stored, structuredClone(values));
          for (const listener of listeners) listener(values, 'local');
        },
      },
      onChanged: { addListener: (listener) => listeners.push(listener) },
    },
  };
  const sandbox = vm.createContext({ chrome, newslensKinds: kinds });
  if (!kinds) vm.runInContext(generated('kinds.js'), sandbox);
  vm.runInContext(fs.readFileSync(new URL('../../extension/settings/settings.js', import.meta.url), 'utf8'), sandbox);
  return sandbox.newslensSettings;
}

test('an older settings object keeps every exception, word and switch', async () => {
  // The shape before versioning: no `version`, sites as a bare list.
  const old = {
    enabled: false,
    disabled: ['loaded'],
    exceptions: [{ cue: 'obviously', site: 'example.com' }, { cue: 'likely' }],
    words: [{ subtype: 'hedge', phrase: 'perchance' }],
    sensitivity: { opinion: 0.3 },
    sites: ['ads.example.net'],
  };
  const settings = settingsOver({ settings: old });
  const s = plain(await settings.load());
  assert.equal(s.version, 4);
  assert.deepEqual(s.sites, { mode: 'deny', list: ['ads.example.net'] });
  assert.equal(s.enabled, false);
  assert.deepEqual(s.disabled, ['loaded']);
  assert.deepEqual(s.exceptions, [{ cue: 'obviously', site: 'example.com' }, { cue: 'likely', site: null }]);
  assert.deepEqual(s.words, [{ subtype: 'hedge', phrase: 'perchance' }]);
  assert.equal(s.sensitivity.opinion, 0.3);
});

test('version 1 gains the palette and wrapper settings and loses nothing', async () => {
  const v1 = {
    version: 1,
    enabled: true,
    disabled: ['vague'],
    sensitivity: { claim: 0.8 },
    sites: { mode: 'allow', list: ['news.example.com'] },
    exceptions: [{ cue: 'ruse', site: null }],
    words: [{ subtype: 'loaded', phrase: 'grievances' }],
  };
  const s = plain(await settingsOver({ settings: v1, settingsBackup: v1 }).load());
  assert.deepEqual(s, { ...v1, version: 4, palette: 'default', wrapper: false, allSourcing: false, learned: true });
  const chosen = plain(await settingsOver({ settings: { ...s, palette: 'colour-blind', wrapper: true } }).load());
  assert.equal(chosen.palette, 'colour-blind');
  assert.equal(chosen.wrapper, true);
  const bad = plain(await settingsOver({ settings: { ...s, palette: 'neon', wrapper: 'yes' } }).load());
  assert.equal(bad.palette, 'default');
  assert.equal(bad.wrapper, false);
});

test('version 2 gains allSourcing, off, and loses nothing; the setting reaches the core', async () => {
  const v2 = {
    version: 2,
    enabled: true,
    disabled: ['hedge'],
    sensitivity: { claim: 0.7 },
    sites: { mode: 'deny', list: ['ads.example.net'] },
    exceptions: [{ cue: 'ruse', site: 'example.com' }],
    words: [{ subtype: 'loaded', phrase: 'grievances' }],
    palette: 'colour-blind',
    wrapper: true,
  };
  const settings = settingsOver({ settings: v2, settingsBackup: v2 });
  const s = plain(await settings.load());
  assert.deepEqual(s, { ...v2, version: 4, allSourcing: false, learned: true });
  assert.equal(settings.coreOptions(s).all_sourcing, false);
  const chosen = plain(await settingsOver({ settings: { ...s, allSourcing: true } }).load());
  assert.equal(chosen.allSourcing, true);
  assert.equal(settings.coreOptions(chosen).all_sourcing, true, 'the reader\'s choice reaches the core');
  const bad = plain(await settingsOver({ settings: { ...s, allSourcing: 'yes' } }).load());
  assert.equal(bad.allSourcing, false, 'a corrupt value is the default');
});

test('version 3 gains the learned model, on, and loses nothing; a choice to turn it off is kept', async () => {
  const v3 = {
    version: 3,
    enabled: true,
    disabled: ['hedge'],
    sensitivity: { opinion: 0.2 },
    sites: { mode: 'deny', list: [] },
    exceptions: [{ cue: 'ruse', site: null }],
    words: [],
    palette: 'default',
    wrapper: false,
    allSourcing: true,
  };
  const s = plain(await settingsOver({ settings: v3, settingsBackup: v3 }).load());
  assert.deepEqual(s, { ...v3, version: 4, learned: true });
  const off = plain(await settingsOver({ settings: { ...s, learned: false } }).load());
  assert.equal(off.learned, false);
  const bad = plain(await settingsOver({ settings: { ...s, learned: 'no' } }).load());
  assert.equal(bad.learned, true, 'a corrupt value is the default');
});

test('a corrupt settings object falls back to the backup, not to empty lists', async () => {
  const stored = {};
  const first = settingsOver(stored);
  const saved = await first.save({ ...first.defaults(), exceptions: [{ cue: 'ruse', site: null }] });
  stored.settings = 'garbage';
  const s = plain(await settingsOver(stored).load());
  assert.deepEqual(s.exceptions, plain(saved.exceptions));
});

test('nothing stored, or nothing usable, gives the defaults', async () => {
  const fresh = plain(await settingsOver({}).load());
  assert.equal(fresh.enabled, true);
  assert.deepEqual(fresh.exceptions, []);
  const junk = plain(await settingsOver({ settings: 42, settingsBackup: [1, 2] }).load());
  assert.deepEqual(junk.sites, { mode: 'deny', list: [] });
});

test('per-site switches in deny and allow mode', () => {
  const { activeOn, defaults } = settingsOver({});
  const s = { ...defaults(), sites: { mode: 'deny', list: ['example.com'] } };
  assert.equal(activeOn(s, 'www.example.com'), false);
  assert.equal(activeOn(s, 'news.test'), true);
  s.sites.mode = 'allow';
  assert.equal(activeOn(s, 'example.com'), true);
  assert.equal(activeOn(s, 'news.test'), false);
});

test('changes made in quick succession are all kept', async () => {
  const stored = {};
  const settings = settingsOver(stored);
  await Promise.all([
    settings.update((s) => { s.palette = 'colour-blind'; }),
    settings.update((s) => { s.sensitivity.opinion = 0.2; }),
    settings.update((s) => s.exceptions.push({ cue: 'ruse', site: null })),
  ]);
  const s = plain(await settings.load());
  assert.equal(s.palette, 'colour-blind');
  assert.equal(s.sensitivity.opinion, 0.2);
  assert.deepEqual(s.exceptions, [{ cue: 'ruse', site: null }]);
});

test('preloaded settings are used once, and not after a change', async () => {
  const stored = { settings: { version: 2, enabled: true, exceptions: [], words: [], palette: 'colour-blind' } };
  const settings = settingsOver(stored);
  settings.preload();
  stored.settings = { ...stored.settings, palette: 'default' }; // behind storage's back
  assert.equal((await settings.load()).palette, 'colour-blind', 'the preloaded read');
  assert.equal((await settings.load()).palette, 'default', 'a later load reads storage');

  settings.preload();
  await settings.save({ ...stored.settings, enabled: false });
  assert.equal((await settings.load()).enabled, false, 'a change drops the preloaded read');
});

/** A valid stored settings object (the current version) with these words and cues. */
const withLists = (words, exceptions) => ({
  version: 4, enabled: true, disabled: [], sensitivity: {}, sites: { mode: 'deny', list: [] },
  exceptions, words, palette: 'default', wrapper: false, allSourcing: false, learned: true,
});

test('a corrupt word list is restored from the backup; the rest of the main copy is kept', async () => {
  const words = [{ subtype: 'hedge', phrase: 'perchance' }];
  const backup = withLists(words, [{ cue: 'ruse', site: null }]);
  for (const corrupt of ['garbage', [{ subtype: 'hedge', phrase: 42 }, ...words], { 0: words[0] }]) {
    const main = { ...withLists(corrupt, [{ cue: 'ruse', site: null }]), palette: 'colour-blind' };
    const s = plain(await settingsOver({ settings: main, settingsBackup: backup }).load());
    assert.deepEqual(s.words, words, JSON.stringify(corrupt));
    assert.equal(s.palette, 'colour-blind', 'the main copy is used where it is sound');
  }
  // No backup to restore from: the usable words of the main copy are kept.
  const alone = withLists([{ subtype: 'hedge', phrase: 42 }, ...words], []);
  assert.deepEqual(plain(await settingsOver({ settings: alone }).load()).words, words);
});

test('fields of a newer version survive a load and a save by this one', async () => {
  const newer = { ...withLists([], []), version: 5, digest: { weekly: true }, kinds: ['x'] };
  const stored = { settings: newer, settingsBackup: newer };
  const settings = settingsOver(stored);
  await settings.update((s) => { s.palette = 'colour-blind'; });
  assert.equal(stored.settings.version, 5);
  assert.deepEqual(plain(stored.settings.digest), { weekly: true });
  assert.deepEqual(plain(stored.settingsBackup.kinds), ['x']);
  assert.equal(stored.settings.palette, 'colour-blind');
});

test('cues are kept once, short and within the limit; adding says what was left out', async () => {
  const settings = settingsOver({});
  const { LIMITS } = settings;
  const s = settings.defaults();
  const report = settings.addTo(s, 'exceptions', [
    { cue: 'ruse', site: 'example.com' },
    { cue: 'ruse', site: 'example.com' },
    { cue: 'x'.repeat(LIMITS.chars + 1), site: null },
    { cue: '   ', site: null },
    ...Array.from({ length: LIMITS.items + 5 }, (_, i) => ({ cue: `cue ${i}`, site: null })),
  ]);
  assert.equal(s.exceptions.length, LIMITS.items);
  assert.deepEqual(plain(report), { added: LIMITS.items, duplicates: 1, invalid: 1, tooLong: 1, overLimit: 6 });
  assert.match(settings.leftOut(report), /6 over the limit.*1 longer than 200 characters.*1 not a word or cue/);
  assert.equal(settings.leftOut(settings.addTo(settings.defaults(), 'words', [])), '');
  // What was stored before the limits (a page's megabyte-long cues, repeated) is cleaned on load.
  const huge = withLists([], [{ cue: 'y'.repeat(1 << 20), site: null }, { cue: 'ruse', site: null }, { cue: 'ruse', site: null }]);
  assert.deepEqual(plain(await settingsOver({ settings: huge, settingsBackup: huge }).load()).exceptions, [{ cue: 'ruse', site: null }]);
});

test('a multi-megabyte import is cut to the limits with a message, and fits in storage', async () => {
  const stored = {};
  const settings = settingsOver(stored);
  const incoming = JSON.parse(JSON.stringify({
    words: Array.from({ length: 30000 }, (_, i) => ({ subtype: 'hedge', phrase: `phrase number ${i} `.repeat(8) })),
    exceptions: Array.from({ length: 30000 }, (_, i) => ({ cue: `cue number ${i} `.repeat(9), site: null })),
  }));
  assert.ok(JSON.stringify(incoming).length > QUOTA / 2, 'more than half the quota, so that two copies would not fit');
  let report = null;
  const saved = await settings.update((s) => { report = settings.importInto(s, incoming); });
  assert.equal(saved.words.length + saved.exceptions.length, 2 * settings.LIMITS.items);
  assert.equal(report.words.overLimit, 30000 - settings.LIMITS.items);
  assert.equal(plain((await settings.load()).words).length, settings.LIMITS.items);
});

test('a save the storage refuses rejects with a message for the reader', async () => {
  const settings = settingsOver({}, { quota: 1000 });
  await assert.rejects(
    settings.update((s) => { s.exceptions.push(...Array.from({ length: 50 }, (_, i) => ({ cue: `cue ${i}`, site: null }))); }),
    /could not save your settings: the browser's storage for newslens is full/,
  );
});

test('the categories are the catalogue\'s, and a kind it has off starts off', async () => {
  const settings = settingsOver({});
  const catalogue = vm.runInNewContext(`${generated('kinds.js')}; newslensKinds`);
  const byCategory = (c) => [c.id, catalogue.kinds.filter((k) => k.category === c.id).map((k) => k.id)];
  assert.deepEqual(plain(settings.CATEGORIES), plain(Object.fromEntries(catalogue.categories.map(byCategory))));
  assert.equal(Object.values(settings.CATEGORIES).flat().length, catalogue.kinds.length, 'every kind has a category');

  const kinds = {
    categories: [{ id: 'opinion', label: 'Opinion' }],
    kinds: [{ id: 'hedge', category: 'opinion', default_on: true }, { id: 'irony', category: 'opinion', default_on: false }],
  };
  const fresh = settingsOver({}, { kinds });
  assert.deepEqual(plain((await fresh.load()).disabled), ['irony']);
  const chosen = settingsOver({ settings: { version: 2, exceptions: [], disabled: [] } }, { kinds });
  assert.deepEqual(plain((await chosen.load()).disabled), [], 'the reader turned it on');
});

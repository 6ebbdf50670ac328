// The settings module (extension/settings/settings.js) in Node with an in-memory storage:
// older and damaged stored shapes are upgraded without losing the reader's lists.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

/** Plain objects of this realm (the module runs in its own, whose prototypes differ). */
const plain = (x) => JSON.parse(JSON.stringify(x));

/**
 * A fresh copy of the module over `stored`, the storage.local contents, with the kinds
 * catalogue (extension/kinds.js) or, given `kinds`, that one instead.
 */
function settingsOver(stored, kinds = null) {
  const listeners = [];
  const chrome = {
    storage: {
      local: {
        async get(keys) {
          return Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, structuredClone(stored[k])]));
        },
        async set(values) {
          Object.assign(stored, structuredClone(values));
          for (const listener of listeners) listener(values, 'local');
        },
      },
      onChanged: { addListener: (listener) => listeners.push(listener) },
    },
  };
  const sandbox = vm.createContext({ chrome, newslensKinds: kinds });
  for (const file of [...(kinds ? [] : ['kinds.js']), 'settings/settings.js']) {
    vm.runInContext(fs.readFileSync(new URL(`../../extension/${file}`, import.meta.url), 'utf8'), sandbox);
  }
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
  assert.equal(s.version, 2);
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
  assert.deepEqual(s, { ...v1, version: 2, palette: 'default', wrapper: false });
  const chosen = plain(await settingsOver({ settings: { ...s, palette: 'colour-blind', wrapper: true } }).load());
  assert.equal(chosen.palette, 'colour-blind');
  assert.equal(chosen.wrapper, true);
  const bad = plain(await settingsOver({ settings: { ...s, palette: 'neon', wrapper: 'yes' } }).load());
  assert.equal(bad.palette, 'default');
  assert.equal(bad.wrapper, false);
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

test('the categories are the catalogue\'s, and a kind it has off starts off', async () => {
  const settings = settingsOver({});
  const catalogue = vm.runInNewContext(`${fs.readFileSync('extension/kinds.js', 'utf8')}; newslensKinds`);
  const byCategory = (c) => [c.id, catalogue.kinds.filter((k) => k.category === c.id).map((k) => k.id)];
  assert.deepEqual(plain(settings.CATEGORIES), plain(Object.fromEntries(catalogue.categories.map(byCategory))));
  assert.equal(Object.values(settings.CATEGORIES).flat().length, catalogue.kinds.length, 'every kind has a category');

  const kinds = {
    categories: [{ id: 'opinion', label: 'Opinion' }],
    kinds: [{ id: 'hedge', category: 'opinion', default_on: true }, { id: 'irony', category: 'opinion', default_on: false }],
  };
  const fresh = settingsOver({}, kinds);
  assert.deepEqual(plain((await fresh.load()).disabled), ['irony']);
  const chosen = settingsOver({ settings: { version: 2, exceptions: [], disabled: [] } }, kinds);
  assert.deepEqual(plain((await chosen.load()).disabled), [], 'the reader turned it on');
});

// The reader's settings: one versioned object in storage.local, read by the content
// script, the popup and the background. A backup copy is written with every save, so
// a corrupt or partial object falls back to the backup (then to defaults) without
// losing the reader's exceptions and word lists.
'use strict';

globalThis.newslensSettings = (() => {
  // 1: the first versioned shape; 2: adds `palette` and `wrapper`.
  const VERSION = 2;
  const PALETTES = ['default', 'colour-blind'];
  const KEY = 'settings';
  const BACKUP = 'settingsBackup';
  const { categories, kinds } = globalThis.newslensKinds; // kinds.js, loaded before
  /** Category id -> the ids of its kinds, as the catalogue has them. */
  const CATEGORIES = Object.freeze(Object.fromEntries(categories.map(({ id }) => (
    [id, Object.freeze(kinds.filter((k) => k.category === id).map((k) => k.id))]))));
  /** The kinds the catalogue has off until the reader turns them on. */
  const OFF_BY_DEFAULT = kinds.filter((k) => !k.default_on).map((k) => k.id);

  function defaults() {
    return {
      version: VERSION,
      enabled: true,
      disabled: [...OFF_BY_DEFAULT], // subtypes not shown
      sensitivity: {}, // category -> 0..1
      sites: { mode: 'deny', list: [] }, // deny: off on listed sites; allow: on only there
      exceptions: [], // { cue, site|null }: "not a cue here"
      words: [], // { subtype, phrase }
      palette: 'default', // or 'colour-blind'; the dark variant follows the page's colours
      wrapper: false, // marks as elements screen readers can reach, instead of CSS highlights
    };
  }

  const strings = (xs) => (Array.isArray(xs) ? xs.filter((x) => typeof x === 'string') : []);

  /** Any stored shape (older versions, partial or corrupt objects) to the current one. */
  function migrate(raw) {
    const s = defaults();
    if (!raw || typeof raw !== 'object') return s;
    if (typeof raw.enabled === 'boolean') s.enabled = raw.enabled;
    if (Array.isArray(raw.disabled)) s.disabled = strings(raw.disabled);
    if (raw.sensitivity && typeof raw.sensitivity === 'object') {
      for (const c of Object.keys(CATEGORIES)) {
        const v = Number(raw.sensitivity[c]);
        if (Number.isFinite(v)) s.sensitivity[c] = Math.min(1, Math.max(0, v));
      }
    }
    if (Array.isArray(raw.sites)) {
      s.sites.list = strings(raw.sites); // before versioning: a bare list of sites that are off
    } else if (raw.sites && typeof raw.sites === 'object') {
      s.sites.mode = raw.sites.mode === 'allow' ? 'allow' : 'deny';
      s.sites.list = strings(raw.sites.list);
    }
    const items = (xs) => (Array.isArray(xs) ? xs.filter((x) => x && typeof x === 'object') : []);
    s.exceptions = items(raw.exceptions)
      .filter((e) => typeof e.cue === 'string' && e.cue.trim())
      .map((e) => ({ cue: e.cue, site: typeof e.site === 'string' ? e.site : null }));
    s.words = items(raw.words)
      .filter((w) => typeof w.phrase === 'string' && CATEGORIES.opinion.includes(w.subtype))
      .map((w) => ({ subtype: w.subtype, phrase: w.phrase }));
    if (PALETTES.includes(raw.palette)) s.palette = raw.palette;
    if (typeof raw.wrapper === 'boolean') s.wrapper = raw.wrapper;
    return s;
  }

  /**
   * The stored settings as read by `preload()`, not yet used. The content script preloads
   * at document_start, so when the page is ready to be analysed its settings are at hand
   * (reading them only then cost the seed page ~8 ms, more on a busy page). Used once, and
   * dropped if storage changes meanwhile: every later load reads storage.
   */
  let early = null;

  function preload() {
    early = chrome.storage.local.get([KEY, BACKUP]);
    chrome.storage.onChanged.addListener(() => {
      early = null;
    });
  }

  async function load() {
    const read = early || chrome.storage.local.get([KEY, BACKUP]);
    early = null;
    const stored = await read;
    const main = stored[KEY];
    const usable = main && typeof main === 'object' && main.version >= 1 && Array.isArray(main.exceptions);
    return migrate(usable ? main : stored[BACKUP] || main);
  }

  async function save(settings) {
    const s = migrate(settings);
    await chrome.storage.local.set({ [KEY]: s, [BACKUP]: s });
    return s;
  }

  /**
   * Applies `change` to the stored settings and saves them; resolves to what was saved.
   * Changes made in quick succession (two controls in a row) run one after another, so
   * neither overwrites the other with a stale copy.
   */
  let pending = Promise.resolve();
  function update(change) {
    const next = pending.then(async () => {
      const s = await load();
      change(s);
      return save(s);
    });
    pending = next.catch(() => {});
    return next;
  }

  /** Whether newslens runs on `host`. */
  function activeOn(s, host) {
    if (!s.enabled) return false;
    const listed = s.sites.list.some((site) => host === site || host.endsWith(`.${site}`));
    return s.sites.mode === 'allow' ? listed : !listed;
  }

  /** The core's options (src/options.rs) for these settings. */
  function coreOptions(s) {
    return {
      disabled: s.disabled,
      sensitivity: Object.entries(s.sensitivity).map(([category, value]) => ({ category, value })),
      words: s.words,
      exceptions: s.exceptions,
    };
  }

  return { CATEGORIES, PALETTES, KEY, defaults, migrate, preload, load, save, update, activeOn, coreOptions };
})();

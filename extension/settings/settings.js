// The reader's settings: one versioned object in storage.local, read by the content
// script, the popup and the background. A backup copy is written with every save, so
// a corrupt or missing setting falls back to the backup's (then to its default) without
// losing the reader's exceptions and word lists.
'use strict';

globalThis.newslensSettings = (() => {
  // 1: the first versioned shape; 2: adds `palette` and `wrapper`; 3: adds `allSourcing`;
  // 4: adds `learned`.
  const VERSION = 4;
  const PALETTES = ['default', 'colour-blind'];
  const KEY = 'settings';
  const BACKUP = 'settingsBackup';
  const { categories, kinds } = globalThis.newslensKinds; // kinds.js, loaded before
  /** Category id -> the ids of its kinds, as the catalogue has them. */
  const CATEGORIES = Object.freeze(Object.fromEntries(categories.map(({ id, kinds: ids }) => [id, ids])));
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
      allSourcing: false, // the sourcing of every sentence, not only of the claims that matter
      learned: true, // the learned model refines the instant marks (off: the instant tier only)
    };
  }

  /**
   * How many words and silenced cues the reader can keep, and how long each may be (in
   * UTF-16 units). Every cue is compared with the cue of every finding on every page, the
   * words are compiled into a matcher for every analysis, and both are stored twice (with
   * the backup) in storage.local, whose quota is 10 MB in Chromium. Unbounded, a few
   * megabyte-long cues slowed every site's analysis from 60 ms to 4 s, and filled the
   * storage until later saves failed. Real cues and phrases are a few words long.
   */
  const LIMITS = { items: 1000, chars: 200 };

  const strings = (xs) => xs.filter((x) => typeof x === 'string');
  const object = (x) => !!x && typeof x === 'object' && !Array.isArray(x);
  const text = (x) => typeof x === 'string' && x.trim() !== '' && x.length <= LIMITS.chars;

  /**
   * The reader's lists of their own: how an item is checked, cleaned, identified (two
   * items with the same key are one) and what the reader reads it as.
   */
  const LISTS = {
    exceptions: {
      valid: (e) => object(e) && text(e.cue),
      clean: (e) => ({ cue: e.cue, site: typeof e.site === 'string' ? e.site : null }),
      key: (e) => JSON.stringify([e.cue, e.site]),
    },
    words: {
      valid: (w) => object(w) && text(w.phrase) && CATEGORIES.opinion.includes(w.subtype),
      clean: (w) => ({ subtype: w.subtype, phrase: w.phrase }),
      key: (w) => JSON.stringify([w.subtype, w.phrase]),
    },
  };

  /**
   * Adds `items` to the list `name` ('exceptions' or 'words') of settings `s`, each once,
   * within LIMITS. Returns what became of them: `{ added, duplicates, invalid, tooLong,
   * overLimit }` (counts), so the reader can be told what was left out and why.
   */
  function addTo(s, name, items) {
    const { valid, clean, key } = LISTS[name];
    const list = s[name];
    const have = new Set(list.map(key));
    const report = { added: 0, duplicates: 0, invalid: 0, tooLong: 0, overLimit: 0 };
    for (const item of items) {
      const long = object(item) && [item.cue, item.phrase].some((x) => typeof x === 'string' && x.length > LIMITS.chars);
      if (!valid(item)) {
        report[long ? 'tooLong' : 'invalid']++;
        continue;
      }
      const cleaned = clean(item);
      const k = key(cleaned);
      if (have.has(k)) report.duplicates++;
      else if (list.length >= LIMITS.items) report.overLimit++;
      else {
        have.add(k);
        list.push(cleaned);
        report.added++;
      }
    }
    return report;
  }

  /**
   * Adds the words and cues of `incoming` (parsed JSON, as the options page exports it)
   * to `s`; returns addTo's report for each: `{ words, exceptions }`.
   */
  function importInto(s, incoming) {
    const items = (name) => (object(incoming) && Array.isArray(incoming[name]) ? incoming[name] : []);
    return { words: addTo(s, 'words', items('words')), exceptions: addTo(s, 'exceptions', items('exceptions')) };
  }

  /** What `addTo` left out, in a sentence for the reader ('' when nothing was). */
  function leftOut({ invalid, tooLong, overLimit }) {
    const why = [];
    if (overLimit) why.push(`${overLimit} over the limit of ${LIMITS.items} (remove some in the settings to make room)`);
    if (tooLong) why.push(`${tooLong} longer than ${LIMITS.chars} characters`);
    if (invalid) why.push(`${invalid} not a word or cue newslens can use`);
    return why.length ? `Left out: ${why.join('; ')}.` : '';
  }

  /**
   * Readers of each setting: the value, cleaned, or undefined if it is missing or
   * corrupt. With `strict`, a list with any corrupt item counts as corrupt (the backup
   * may hold it whole); without, its usable items are kept.
   */
  const list = (name) => (xs, strict) => {
    if (!Array.isArray(xs) || (strict && !(xs.length <= LIMITS.items && xs.every(LISTS[name].valid)))) return undefined;
    const s = { [name]: [] };
    addTo(s, name, xs);
    return s[name];
  };
  const FIELDS = {
    enabled: (v) => (typeof v === 'boolean' ? v : undefined),
    disabled: (v) => (Array.isArray(v) ? strings(v) : undefined),
    sensitivity: (v) => {
      if (!object(v)) return undefined;
      const out = {};
      for (const c of Object.keys(CATEGORIES)) {
        const value = Number(v[c]);
        if (v[c] !== undefined && Number.isFinite(value)) out[c] = Math.min(1, Math.max(0, value));
      }
      return out;
    },
    sites: (v) => {
      // Before versioning: a bare list of the sites that are off.
      if (Array.isArray(v)) return { mode: 'deny', list: strings(v) };
      if (!object(v)) return undefined;
      return { mode: v.mode === 'allow' ? 'allow' : 'deny', list: Array.isArray(v.list) ? strings(v.list) : [] };
    },
    exceptions: list('exceptions'),
    words: list('words'),
    palette: (v) => (PALETTES.includes(v) ? v : undefined),
    wrapper: (v) => (typeof v === 'boolean' ? v : undefined),
    allSourcing: (v) => (typeof v === 'boolean' ? v : undefined),
    learned: (v) => (typeof v === 'boolean' ? v : undefined),
  };

  /**
   * Any stored shape (older versions, partial or corrupt objects) to the current one.
   * Each setting is read from `raw`, or from `backup` (the copy written with it) where
   * the one in `raw` is missing or corrupt, or else is the default. Fields this version
   * does not know (written by a newer one) are kept as they are, and so is a newer
   * version number, so that version finds them again after this one saves.
   */
  function migrate(raw, backup) {
    const s = defaults();
    const sources = [raw, backup].filter(object);
    for (const [name, read] of Object.entries(FIELDS)) {
      for (const strict of [true, false]) {
        const found = sources.map((source) => read(source[name], strict)).find((v) => v !== undefined);
        if (found !== undefined) {
          s[name] = found;
          break;
        }
      }
    }
    if (object(raw)) {
      for (const [name, value] of Object.entries(raw)) if (!(name in s)) s[name] = value;
      if (Number.isInteger(raw.version) && raw.version > VERSION) s.version = raw.version;
    }
    return s;
  }

  /**
   * The stored settings as read by `preload()`, not yet used. The content script preloads
   * at document_start, so when the page is ready to be analysed its settings are at hand
   * (reading them only then cost the seed page ~8 ms, more on a busy page). Used once, and
   * dropped if storage changes meanwhile: every later load reads storage.
   */
  let early = null;

  function read() {
    return chrome.storage.local.get([KEY, BACKUP]).then((stored) => migrate(stored[KEY], stored[BACKUP]));
  }

  /** Starts reading the settings; resolves to them (and load() uses the same read once). */
  function preload() {
    early = read();
    chrome.storage.onChanged.addListener(() => {
      early = null;
    });
    return early;
  }

  function load() {
    const settings = early || read();
    early = null;
    return settings;
  }

  /**
   * Saves `settings` (cleaned by migrate) and its backup; resolves to what was saved. A
   * failure rejects with an error the reader can be shown: storage.local has a quota.
   */
  async function save(settings) {
    const s = migrate(settings);
    try {
      await chrome.storage.local.set({ [KEY]: s, [BACKUP]: s });
    } catch (error) {
      const why = String((error && error.message) || error);
      throw new Error(/quota/i.test(why)
        ? `newslens could not save your settings: the browser's storage for newslens is full (${why}).`
        : `newslens could not save your settings: ${why}`, { cause: error });
    }
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
      all_sourcing: s.allSourcing,
    };
  }

  return { CATEGORIES, PALETTES, KEY, LIMITS, defaults, migrate, addTo, importInto, leftOut, preload, load, save, update, activeOn, coreOptions };
})();

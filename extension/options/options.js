// The options page: sensitivity per category, the sourcing of every sentence, palette and
// wrapper mode; the reader's own words and silenced cues — view, add, remove, and move them
// between browsers as JSON. Open tabs follow through storage.onChanged.
'use strict';

(async () => {
  const settings = globalThis.newslensSettings;
  const $ = (id) => document.getElementById(id);
  /** The core's sensitivity for categories the reader has not set (src/options.rs). */
  const DEFAULT_SENSITIVITY = 0.5;

  /**
   * Applies `change` to the settings and redraws; resolves to whether it was saved. A
   * failed save (storage full) is told in the status line.
   */
  async function update(change) {
    try {
      draw(await settings.update(change));
      return true;
    } catch (error) {
      $('status').textContent = error.message;
      return false;
    }
  }

  /**
   * Draws `items` into `element`, each with its buttons: `actions` maps a button's text to
   * `(settings, index) => change`; `applies(item)` (optional) says whether a button shows.
   */
  function list(element, items, label, actions) {
    element.replaceChildren();
    items.forEach((item, i) => {
      const li = document.createElement('li');
      li.textContent = label(item);
      for (const [text, change, applies] of actions) {
        if (applies && !applies(item)) continue;
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = text;
        button.addEventListener('click', () => update((s) => change(s, i)));
        li.appendChild(button);
      }
      element.appendChild(li);
    });
  }

  function draw(s) {
    for (const slider of document.querySelectorAll('[data-category]')) {
      const value = s.sensitivity[slider.dataset.category];
      slider.value = String(value === undefined ? DEFAULT_SENSITIVITY : value);
    }
    $('palette').value = s.palette;
    $('wrapper').checked = s.wrapper;
    $('all-sourcing').checked = s.allSourcing;
    $('learned').checked = s.learned;
    $('site-mode').value = s.sites.mode;
    list($('sites'), s.sites.list, (site) => `${site}: ${s.sites.mode === 'deny' ? 'off' : 'on'}`,
      [['Remove', (x, i) => x.sites.list.splice(i, 1)]]);
    list($('words'), s.words, (w) => `“${w.phrase}” as ${w.subtype}`, [['Remove', (x, i) => x.words.splice(i, 1)]]);
    list($('exceptions'), s.exceptions, (e) => `“${e.cue}” ${e.site ? `on ${e.site}` : 'everywhere'}`, [
      ['Everywhere', (x, i) => { x.exceptions[i].site = null; }, (e) => e.site],
      ['Remove', (x, i) => x.exceptions.splice(i, 1)],
    ]);
  }

  // Each control's value is read when it changes: a redraw from an earlier update may
  // reset the control before this update runs.
  for (const slider of document.querySelectorAll('[data-category]')) {
    slider.addEventListener('change', () => {
      const value = Number(slider.value);
      update((s) => { s.sensitivity[slider.dataset.category] = value; });
    });
  }
  for (const [id, apply] of [
    ['site-mode', (s, el) => { s.sites.mode = el.value; }],
    ['palette', (s, el) => { s.palette = el.value; }],
    ['wrapper', (s, el) => { s.wrapper = el.checked; }],
    ['all-sourcing', (s, el) => { s.allSourcing = el.checked; }],
    ['learned', (s, el) => { s.learned = el.checked; }],
  ]) {
    $(id).addEventListener('change', () => {
      const el = { value: $(id).value, checked: $(id).checked };
      update((s) => apply(s, el));
    });
  }
  $('add-word').addEventListener('submit', (event) => {
    event.preventDefault();
    const word = { subtype: $('subtype').value, phrase: $('phrase').value.trim() };
    $('phrase').value = '';
    let report = null;
    update((s) => { report = settings.addTo(s, 'words', [word]); })
      .then((saved) => { if (saved) $('status').textContent = settings.leftOut(report); });
  });
  $('export').addEventListener('click', async () => {
    const s = await settings.load();
    $('json').value = JSON.stringify({ words: s.words, exceptions: s.exceptions }, null, 2);
    $('status').textContent = 'Exported below.';
  });
  $('import').addEventListener('click', async () => {
    let incoming;
    try {
      incoming = JSON.parse($('json').value);
    } catch (error) {
      $('status').textContent = `Not valid JSON: ${error.message}`;
      return;
    }
    let report = null;
    if (!(await update((s) => { report = settings.importInto(s, incoming); }))) return;
    const { words, exceptions } = report;
    const both = Object.fromEntries(Object.keys(words).map((k) => [k, words[k] + exceptions[k]]));
    $('status').textContent = `Imported ${words.added} words and ${exceptions.added} cues. ${settings.leftOut(both)}`.trim();
  });
  draw(await settings.load());
})();

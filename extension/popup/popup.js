// The toolbar popup: turn newslens on or off, per site and per category, and review the
// cues the reader silenced. Everything goes through the stored settings; open tabs follow
// through storage.onChanged.
'use strict';

(async () => {
  const settings = globalThis.newslensSettings;
  const params = new URLSearchParams(location.search);
  const [tab] = params.has('host') ? [] : await chrome.tabs.query({ active: true, currentWindow: true });
  let host = params.get('host') || '';
  try {
    if (!host && tab && tab.url) host = new URL(tab.url).hostname;
  } catch {
    host = '';
  }
  const $ = (id) => document.getElementById(id);
  $('host').textContent = host || 'this page';
  let runs = true; // false on pages newslens cannot work on
  if (tab) {
    const reply = await chrome.tabs.sendMessage(tab.id, { type: globalThis.newslensProtocol.MESSAGE.status }).catch(() => null);
    const status = globalThis.newslensStatus.describe(tab.url || '', reply);
    $('status').textContent = status.text;
    $('status').hidden = false;
    runs = status.runs;
  }

  /** Applies `change` to the settings and redraws; a failed save (storage full) is told in the status line. */
  async function update(change) {
    try {
      draw(await settings.update(change));
    } catch (error) {
      $('status').textContent = error.message;
      $('status').hidden = false;
    }
  }

  function draw(s) {
    $('enabled').checked = s.enabled;
    $('site').checked = settings.activeOn({ ...s, enabled: true }, host);
    $('site').disabled = !host || !runs;
    for (const box of document.querySelectorAll('[data-category]')) {
      box.checked = settings.CATEGORIES[box.dataset.category].some((t) => !s.disabled.includes(t));
    }
    const list = $('exceptions');
    list.replaceChildren();
    $('no-exceptions').hidden = s.exceptions.length > 0;
    s.exceptions.forEach((e, i) => {
      const item = document.createElement('li');
      item.textContent = `“${e.cue}” ${e.site ? `on ${e.site}` : 'everywhere'}`;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.addEventListener('click', () => update((x) => x.exceptions.splice(i, 1)));
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  // Each control's state is read when it changes: a redraw from an earlier update may
  // reset it before this update runs.
  $('enabled').addEventListener('change', (e) => {
    const on = e.target.checked;
    update((s) => { s.enabled = on; });
  });
  $('site').addEventListener('change', (e) => {
    const wanted = e.target.checked;
    update((s) => {
      const listed = s.sites.list.includes(host);
      // Deny mode lists the sites that are off; allow mode lists the sites that are on.
      const shouldList = s.sites.mode === 'deny' ? !wanted : wanted;
      if (shouldList && !listed) s.sites.list.push(host);
      if (!shouldList && listed) s.sites.list = s.sites.list.filter((x) => x !== host);
    });
  });
  for (const box of document.querySelectorAll('[data-category]')) {
    box.addEventListener('change', () => {
      const on = box.checked;
      const kinds = settings.CATEGORIES[box.dataset.category];
      update((s) => {
        s.disabled = s.disabled.filter((t) => !kinds.includes(t));
        if (!on) s.disabled.push(...kinds);
      });
    });
  }
  $('options').addEventListener('click', () => chrome.runtime.openOptionsPage());
  draw(await settings.load());
})();

// Background: runs the Rust core for the content scripts (off the page's main thread, in
// one instance that stays warm between pages), and keeps the toolbar badge. Chromium loads this as a service worker and pulls
// in the wasm glue itself; Firefox lists the glue before this file in the manifest.
'use strict';

if (typeof wasm_bindgen === 'undefined' && typeof importScripts === 'function') {
  importScripts('pkg/newslens.js');
}

let core = null; // Promise of the wasm instance's exports
/** Warm-up analyses at start (a few milliseconds each, off every page's main thread). */
const WARM_ROUNDS = 100;

/** Milliseconds this background spent compiling and instantiating the wasm, and on the first warm-up. */
const startup = { instantiate: 0, warmUp: 0 };

/** The wasm core, instantiated once and warmed (word lists and model built) on first use. */
function ready() {
  if (!core) {
    const started = performance.now();
    core = wasm_bindgen({ module_or_path: chrome.runtime.getURL('pkg/newslens_bg.wasm') })
      .then((exports) => {
        const instantiated = performance.now();
        startup.instantiate = instantiated - started;
        warmOnce();
        startup.warmUp = performance.now() - instantiated;
        keepWarming(WARM_ROUNDS - 1);
        return exports;
      });
  }
  return core;
}

/** One warm-up analysis; a failure only costs speed, so it is logged, never thrown. */
function warmOnce() {
  try {
    wasm_bindgen.warm();
  } catch (error) {
    console.warn('newslens: warm-up failed:', error);
  }
}

/**
 * The other warm-up rounds, one per task: the engine first runs wasm from a quick
 * baseline compilation and optimises the functions that turn out to be hot. One round at
 * a time, so a page asking for its analysis meanwhile waits for one round at most.
 */
function keepWarming(rounds) {
  if (rounds > 0) {
    setTimeout(() => {
      warmOnce();
      keepWarming(rounds - 1);
    }, 0);
  }
}

/**
 * The analysis (JSON text, as the page model and options came), with the milliseconds it
 * took here, the wasm memory and this background's start-up times (for `tests/bench`).
 */
function analyze(page, options, exports) {
  const started = performance.now();
  const analysis = wasm_bindgen.analyze(page, options);
  return { analysis, core: performance.now() - started, memory: exports.memory.buffer.byteLength, startup };
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !message) return false;
  if (message.type === 'newslens/count' && sender.tab) {
    // The toolbar badge: how many marks the reader's tab shows.
    const text = message.count > 0 ? String(Math.min(message.count, 999)) : '';
    chrome.action.setBadgeText({ tabId: sender.tab.id, text }).catch(() => {});
  }
  return false;
});

// Each page opens a port as it starts loading (content/channel.js): get the core ready
// while the page loads, and answer its analysis requests over that port.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'newslens/analyze' || !port.sender || port.sender.id !== chrome.runtime.id) return;
  ready().catch(() => {});
  const pages = new Map(); // request id -> the parts of its page's JSON text so far
  port.onDisconnect.addListener(() => pages.clear());
  port.onMessage.addListener((message) => {
    if (!message || typeof message.id !== 'number') return;
    const { id } = message;
    if (!pages.has(id)) pages.set(id, []);
    pages.get(id).push(String(message.part));
    if (!message.done) return;
    const page = pages.get(id).join('');
    pages.delete(id);
    const reply = (fields) => {
      try {
        port.postMessage({ id, ...fields });
      } catch {
        // The page went away meanwhile.
      }
    };
    ready()
      .then((exports) => reply(analyze(page, message.options, exports)))
      .catch((error) => reply({ error: String((error && error.message) || error) }));
  });
});

/**
 * Keyboard shortcuts (manifest `commands`): passed to the content script of the tab they
 * were pressed in. Exposed on the global scope so tests can press them.
 */
function onCommand(command, tab) {
  const send = (id) => chrome.tabs.sendMessage(id, { type: 'newslens/command', command }).catch(() => {});
  if (tab && tab.id !== undefined) return send(tab.id);
  return chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([active]) => active && send(active.id));
}
globalThis.newslensCommand = onCommand;
chrome.commands.onCommand.addListener(onCommand);

// Runs as the page starts loading: opens the channel to the background, which gets the
// core ready (wasm instantiated, word lists built, warmed up) while the page loads, and
// starts reading the reader's settings. The
// analysis goes over this open port later (content/analyzer.js): a one-off message
// would set up a new channel to the background for every request.
'use strict';

globalThis.newslensChannel = (() => {
  const NAME = 'newslens/analyze';
  let port = null;
  let next = 1;
  const waiting = new Map(); // request id -> resolve

  /** The open port, connecting again if the background stopped (idle, updated). */
  function open() {
    if (port) return port;
    port = chrome.runtime.connect({ name: NAME });
    port.onMessage.addListener((reply) => {
      const resolve = reply && waiting.get(reply.id);
      if (!resolve) return;
      waiting.delete(reply.id);
      resolve(reply);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      for (const resolve of waiting.values()) {
        resolve({ error: 'the background stopped before it replied (was the extension reloaded?)' });
      }
      waiting.clear();
    });
    return port;
  }

  /**
   * Asks the background to analyse the page whose JSON text is `parts` joined, with
   * `options` (JSON text). Each part is its own message, with a yield to the page after
   * every few milliseconds of sending: the channel copies and encodes what it sends on
   * the page's main thread, which for a whole long page at once was a long task.
   * Resolves to the reply (`{ error }` if none came).
   */
  async function request(parts, options) {
    const id = next++;
    const replied = new Promise((resolve) => waiting.set(id, resolve));
    try {
      // dom/collect.js is loaded by the time a page is analysed.
      await globalThis.newslensDom.sliced(parts.keys(), (i) => {
        // The last part carries the options and asks for the analysis.
        const last = i === parts.length - 1;
        open().postMessage(last ? { id, part: parts[i], options, done: true } : { id, part: parts[i] });
      });
    } catch (error) {
      waiting.delete(id);
      return { error: String((error && error.message) || error) };
    }
    return replied;
  }

  try {
    open();
    globalThis.newslensSettings.preload(); // settings/settings.js, loaded just before
  } catch {
    // No extension context (it was unloaded): analyzer.js reports it when it asks.
  }
  return { request };
})();

// Runs as the page starts loading: opens the channel to the background, which gets the
// core ready (wasm instantiated, word lists built, warmed up) while the page loads. The
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

  /** Sends `message` to the background; resolves to its reply (`{ error }` if there was none). */
  function request(message) {
    return new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      try {
        open().postMessage({ ...message, id });
      } catch (error) {
        waiting.delete(id);
        resolve({ error: String((error && error.message) || error) });
      }
    });
  }

  try {
    open();
  } catch {
    // No extension context (it was unloaded): analyzer.js reports it when it asks.
  }
  return { request };
})();

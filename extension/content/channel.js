// Runs as the page starts loading: starts reading the reader's settings and, where they
// have newslens on, opens the channel to the background, which gets the core ready (wasm
// instantiated, word lists built, warmed up) while the page loads. The analysis goes over this open port later
// (content/analyzer.js), in several messages for a long page: a one-off message would
// set up a new channel to the background for every request. The messages are those of
// protocol.js, loaded just before.
'use strict';

globalThis.newslensChannel = (() => {
  const protocol = globalThis.newslensProtocol;
  let port = null;
  let next = 1;
  const waiting = new Map(); // request id -> resolve
  // Request id -> what hears the learned tier's refinements of its page, after the reply.
  const refining = new Map();

  /** The open port, connecting again if the background stopped (idle, updated). */
  function open() {
    if (port) return port;
    port = chrome.runtime.connect({ name: protocol.PORT });
    port.onMessage.addListener((reply) => {
      const refined = refining.get(reply && reply.id);
      const learned = refined && protocol.refinementOf(reply);
      if (learned) {
        if (learned.error || learned.stage === 'done') refining.delete(reply.id);
        refined(learned);
        return;
      }
      const resolve = reply && waiting.get(reply.id);
      if (!resolve) return;
      waiting.delete(reply.id);
      resolve(reply);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      for (const [id, resolve] of waiting) {
        resolve(protocol.failure(id, 'the background stopped before it replied (was the extension reloaded?)'));
      }
      waiting.clear();
      for (const refined of refining.values()) refined({ error: 'the background stopped before the learned tier was done' });
      refining.clear();
    });
    return port;
  }

  /**
   * A new analysis request with `options` (JSON text): `post(body)` sends the next of its
   * messages (protocol `batch`es while the page is collected, then the `last`), `replied`
   * resolves to the background's reply (`{ error }` if none came). The first
   * message carries the options. If the port closes meanwhile the request has failed
   * (its blocks so far went with it) and nothing more is sent. `cancel(why)` gives up a
   * request not done (the background frees what it holds of it); `replied` resolves to
   * `{ error: why }`. `onRefined`, when given, hears each of the learned tier's messages
   * about the request's page after its reply (protocol `refinementOf`), the last one with
   * stage 'done' or an error.
   */
  function request(options, onRefined = null) {
    const id = next++;
    if (onRefined) refining.set(id, onRefined);
    let fail;
    const replied = new Promise((resolve) => {
      waiting.set(id, resolve);
      fail = (error) => {
        waiting.delete(id);
        resolve(protocol.failure(id, error));
      };
    });
    let first = true;
    function post(fields) {
      if (!waiting.has(id)) return;
      try {
        open().postMessage(first ? { id, options, ...fields } : { id, ...fields });
        first = false;
      } catch (error) {
        fail(error);
      }
    }
    function cancel(why) {
      refining.delete(id);
      if (!waiting.has(id)) return;
      if (!first) post(protocol.CANCEL);
      fail(why);
    }
    return { post, cancel, replied };
  }

  // The port, and with it the background's start and warm-up (and the learned model's
  // files read, when the reader has it on), only where newslens runs:
  // a page on a site the reader switched off costs nothing. (A request opens it when
  // first needed, as when the reader switches the site on.)
  try {
    const settings = globalThis.newslensSettings; // settings/settings.js, loaded just before
    settings.preload().then((s) => {
      if (!settings.activeOn(s, location.hostname)) return;
      // The learned tier's model (not in wrapper mode: main.js) is read while the page loads.
      if (s.learned && !s.wrapper) open().postMessage(protocol.PREPARE);
      else open();
    }, () => {});
  } catch {
    // No extension context (it was unloaded): analyzer.js reports it when it asks.
  }
  return { request };
})();

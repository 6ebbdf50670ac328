// Background: runs the Rust core for the content scripts (off the page's main thread, in
// one instance that stays warm between pages), and keeps the toolbar badge. Chromium loads this as a service worker and pulls
// in the wasm glue and the protocol itself; Firefox lists them before this file in the
// manifest.
'use strict';

if (typeof wasm_bindgen === 'undefined' && typeof importScripts === 'function') {
  importScripts('pkg/newslens.js', 'protocol.js', 'dom/slices.js', 'queue.js', 'learned.js');
  // The learned tier's glue (a few KB; its wasm and model load on first use). A service
  // worker can import scripts only as it starts. Without it the pages keep the instant
  // tier and are told why (learned.js).
  try {
    importScripts('learned/newslens_learned.js');
  } catch (error) {
    console.warn('newslens: the learned tier is not available:', error);
  }
}
const protocol = globalThis.newslensProtocol;
const learnedTier = globalThis.newslensLearnedTier;

let core = null; // Promise of the wasm instance's exports
/** Warm-up analyses at start (a few milliseconds each, off every page's main thread). */
const WARM_ROUNDS = 100;

/** Milliseconds this background spent compiling and instantiating the wasm, and on the first warm-up. */
const startup = { instantiate: 0, warmUp: 0 };

/**
 * Whether replies carry what the core spent on each request (`core` finishing it, `ahead`
 * on the batches before, during the page's walk), the wasm memory and `startup`. Only the
 * benchmark and the end-to-end tests set it, on this worker (tests/bench/browser.mjs):
 * the extension's own messages carry no timings.
 */
globalThis.newslensTimings = false;

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

/** Runs `work(request.session)`, adding the milliseconds it took to `request[clock]`. */
function timed(request, clock, work) {
  const started = performance.now();
  try {
    return work(request.session);
  } finally {
    request[clock] += performance.now() - started;
  }
}

/**
 * Pushes a batch of the page model (JSON text: its next elements and blocks) into a
 * request's session. A session that cannot take it is freed (its wasm memory) and the
 * request fails with the core's error. (`finish` ends its session itself, whether it
 * succeeds or not.)
 */
function push(request, batch) {
  try {
    timed(request, 'ahead', (session) => session.push(batch));
  } catch (error) {
    request.session.free();
    throw error;
  }
  return request;
}

/** The tab the reader sees in each window (window id -> tab id): its page's work goes first. */
const shownTabs = new Map();
chrome.tabs.onActivated.addListener(({ tabId, windowId }) => shownTabs.set(windowId, tabId));
chrome.tabs.query({ active: true }).then((tabs) => {
  for (const tab of tabs) if (!shownTabs.has(tab.windowId)) shownTabs.set(tab.windowId, tab.id);
}, () => {});
const queue = globalThis.newslensQueue.createQueue(
  (tab) => [...shownTabs.values()].includes(tab),
  globalThis.newslensDom.yieldToPage,
);

chrome.runtime.onMessage.addListener((message, sender) => {
  if (!protocol.fromUs(sender) || !message) return false;
  if (message.type === protocol.MESSAGE.count && sender.tab) {
    // The toolbar badge: how many marks the reader's tab shows.
    const text = message.count > 0 ? String(Math.min(message.count, 999)) : '';
    chrome.action.setBadgeText({ tabId: sender.tab.id, text }).catch(() => {});
  }
  return false;
});

// Each page opens a port as it starts loading (content/channel.js): get the core ready
// while the page loads, and answer its analysis requests over that port. A request is a
// session in the core (src/session.rs): the page model comes in batches while the page is
// still collecting it, each analysed as it comes; the last message brings the rest of the
// model and asks for the analysis. Each batch and each finish is a job in the queue the
// tabs share (queue.js), a request's jobs one after another.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== protocol.PORT || !protocol.fromUs(port.sender)) return;
  ready().catch(() => {});
  const { tab } = port.sender;
  if (tab && tab.active) shownTabs.set(tab.windowId, tab.id);
  const tabId = tab ? tab.id : -1;
  let gone = false; // the page went away: its queued jobs only free what it sent
  // Request id -> promise of { session, exports, ahead, core }: its session, the core's
  // exports and the milliseconds spent in the core on the batches ahead and on finishing.
  const requests = new Map();
  port.onDisconnect.addListener(() => {
    gone = true;
    for (const request of requests.values()) request.then((r) => r.session.free()).catch(() => {});
    requests.clear();
  });
  port.onMessage.addListener((message) => {
    if (protocol.prepares(message)) {
      // Once the instant core is instantiated: compiling both modules at once slowed the
      // instant one (its start is on the first marks' path when the background was asleep).
      ready().then(() => learnedTier.prepare(chrome.runtime.getURL('')), () => {});
      return;
    }
    const part = protocol.part(message);
    if (!part) return;
    const { id } = part;
    if (part.cancel) {
      // The page gave up the request (its walk failed): free what it sent so far.
      const cancelled = requests.get(id);
      requests.delete(id);
      if (cancelled) cancelled.then((r) => r.session.free()).catch(() => {});
      return;
    }
    let request = requests.get(id) ||
      ready().then((exports) => ({ session: new wasm_bindgen.PageSession(part.options), exports, ahead: 0, core: 0 }));
    if (part.batch !== null) {
      request = request.then((r) => queue.add(tabId, () => (gone ? r : push(r, part.batch))));
    }
    if (!part.done) {
      requests.set(id, request);
      request.catch(() => {}); // a failure is replied when the request is done
      return;
    }
    requests.delete(id);
    request
      .then((r) => queue.add(tabId, () => {
        if (gone) return r.session.free();
        // With `visible`, the page asks for the learned tier's refinement after the reply.
        const learned = part.visible && timed(r, 'core', (session) => session.finishLearned(part.page));
        const analysis = learned ? learned.analysis() : timed(r, 'core', (session) => session.finish(part.page));
        const timings = globalThis.newslensTimings &&
          { core: r.core, ahead: r.ahead, wasmMemory: r.exports.memory.buffer.byteLength, ...startup };
        send(protocol.reply(id, analysis, timings));
        if (learned) refine(id, learned, part.visible, r.exports);
        return undefined;
      }))
      .catch((error) => send(protocol.failure(id, error)));
  });

  /**
   * The learned tier's refinement of request `id`'s page (`page`, a core LearnedPage),
   * the blocks `visible` first, each batch a job in the tabs' queue and sent as it comes.
   * (`exports`: the instant core's, whose memory the benchmark's timings report too.)
   */
  function refine(id, page, visible, exports) {
    learnedTier.refine({
      page,
      visible,
      base: chrome.runtime.getURL(''),
      run: (work) => queue.add(tabId, work),
      send: (refinement, stage, timings) => send(protocol.refined(id, refinement, stage,
        timings && { ...timings, instantMemory: exports.memory.buffer.byteLength })),
      gone: () => gone,
      timed: globalThis.newslensTimings,
    }).catch((error) => {
      console.warn('newslens: the learned tier could not refine a page:', error);
      send(protocol.learnedFailure(id, error));
    });
  }

  function send(answer) {
    try {
      port.postMessage(answer);
    } catch {
      // The page went away meanwhile.
    }
  }
});

/**
 * Keyboard shortcuts (manifest `commands`): passed to the content script of the tab they
 * were pressed in. Exposed on the global scope so tests can press them.
 */
function onCommand(command, tab) {
  const send = (id) => chrome.tabs.sendMessage(id, { type: protocol.MESSAGE.command, command }).catch(() => {});
  if (tab && tab.id !== undefined) return send(tab.id);
  return chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([active]) => active && send(active.id));
}
globalThis.newslensCommand = onCommand;
chrome.commands.onCommand.addListener(onCommand);

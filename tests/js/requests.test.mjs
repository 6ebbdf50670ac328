// The analysis requests between a page and the background (extension/content/channel.js,
// extension/background.js): the page model comes in batches, in order, into one session
// of the core per request; `done` finishes it; a request the page cancels, or whose port
// closes, frees its session; a batch the core rejects fails the request with its error.
// The tabs' work is queued, the reader's tab first; a page where newslens is off opens no
// port. Both scripts run here, each with the protocol (extension/protocol.js) loaded before it as
// in the extension, against a fake `chrome.runtime` and a fake core that records calls.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

/**
 * A fake core: sessions that log what they are given; a batch "bad" is rejected. It is
 * ready after `startsIn` milliseconds.
 */
function fakeCore(log, startsIn) {
  let sessions = 0;
  class PageSession {
    constructor(options) {
      this.n = ++sessions;
      log.push(`new ${this.n} ${options}`);
    }
    push(batch) {
      if (batch === 'bad') throw new Error('a batch of the page model: malformed JSON');
      log.push(`push ${this.n} ${batch}`);
    }
    finish(page) {
      log.push(`finish ${this.n} ${page}`);
      return `analysis of ${this.n}`;
    }
    free() {
      log.push(`free ${this.n}`);
    }
  }
  const core = () => new Promise((resolve) => setTimeout(() => resolve({ memory: { buffer: { byteLength: 0 } } }), startsIn));
  return Object.assign(core, { PageSession, warm() {} });
}

/** A pair of connected ports, as chrome.runtime.connect and onConnect give them, from a page in `tab`. */
function portPair(tab) {
  const ends = [0, 1].map(() => ({ listeners: [], closers: [] }));
  const make = (me, other) => ({
    name: 'newslens/analyze',
    sender: { id: 'newslens', tab },
    postMessage: (m) => setTimeout(() => other.listeners.forEach((l) => l(structuredClone(m)))),
    onMessage: { addListener: (l) => me.listeners.push(l) },
    onDisconnect: { addListener: (l) => me.closers.push(l) },
    disconnect: () => other.closers.forEach((l) => l()),
  });
  return [make(ends[0], ends[1]), make(ends[1], ends[0])];
}

/** A MessageChannel whose messages are tasks of Node's own (setImmediate): Node's ports take milliseconds. */
class TaskChannel {
  constructor() {
    this.port1 = { onmessage: null };
    this.port2 = { postMessage: () => setImmediate(() => this.port1.onmessage()) };
  }
}

/** Runs the extension's scripts `files`, in order, in `context` (one global scope). */
function load(context, ...files) {
  for (const file of files) vm.runInContext(fs.readFileSync(file, 'utf8'), context);
}

/**
 * The background (its core ready after `startsIn` ms; with the core's timings in replies
 * if `timings`); `page(tab, active)` loads a page's channel in `tab` (`{ id, windowId,
 * active }`), `active` saying whether the reader's settings have newslens on there.
 * `ports.connects` counts the ports pages opened.
 */
function backgroundOf({ startsIn = 0, timings = false } = {}) {
  const log = [];
  let onConnect = null;
  const event = () => ({ addListener() {} });
  const chrome = {
    runtime: {
      id: 'newslens',
      getURL: (p) => p,
      onMessage: event(),
      onConnect: { addListener: (l) => (onConnect = l) },
    },
    tabs: { onActivated: event(), query: () => Promise.resolve([]) },
    commands: { onCommand: event() },
  };
  const background = vm.createContext({ chrome, performance, setTimeout, MessageChannel: TaskChannel, console, wasm_bindgen: fakeCore(log, startsIn) });
  // As Firefox loads them (manifest background.scripts).
  load(background, 'extension/protocol.js', 'extension/dom/slices.js', 'extension/queue.js', 'extension/background.js');
  background.newslensTimings = timings;
  const ports = { connects: 0 };
  function page(tab, active = true) {
    const pageChrome = {
      runtime: {
        connect() {
          ports.connects++;
          [ports.page, ports.background] = portPair(tab);
          onConnect(ports.background);
          return ports.page;
        },
      },
    };
    const newslensSettings = { preload: () => Promise.resolve({}), activeOn: () => active };
    const context = vm.createContext({ chrome: pageChrome, location: { hostname: 'news.test' }, newslensSettings });
    load(context, 'extension/protocol.js', 'extension/content/channel.js');
    return context.newslensChannel;
  }
  return { log, page, ports };
}

/** The background and one page's channel, in the tab the reader sees. */
function setUp({ active = true, timings = false } = {}) {
  const { log, page, ports } = backgroundOf({ timings });
  return { log, channel: page({ id: 1, windowId: 1, active: true }, active), ports };
}

/** Time for the messages sent so far to be handled, on a busy machine too. */
const idle = () => new Promise((r) => setTimeout(r, 100));

/** Sends `messages` as one request with `options`; resolves to the reply. */
function ask(channel, options, ...messages) {
  const request = channel.request(options);
  for (const m of messages) request.post(m);
  return request.replied;
}

test('batches go into one session, in order, and done finishes it', async () => {
  const { log, channel } = setUp();
  const reply = await ask(channel, '{"skip_sentences":true}', { batch: 'b1' }, { batch: 'b2' }, { page: 'rest', done: true });
  assert.equal(reply.analysis, 'analysis of 1');
  assert.deepEqual(log, ['new 1 {"skip_sentences":true}', 'push 1 b1', 'push 1 b2', 'finish 1 rest']);
});

test('a cancelled request frees its session and says why', async () => {
  const { log, channel } = setUp();
  const request = channel.request('');
  request.post({ batch: 'b1' });
  request.cancel(new Error('the walk failed'));
  assert.equal((await request.replied).error, 'the walk failed');
  request.post({ page: 'rest', done: true }); // too late: not sent
  await idle();
  assert.deepEqual(log, ['new 1 ', 'push 1 b1', 'free 1']);
});

test('a batch the core rejects fails the request with its error, and frees the session', async () => {
  const { log, channel } = setUp();
  const reply = await ask(channel, '', { batch: 'bad' }, { batch: 'b2' }, { page: 'rest', done: true });
  assert.match(reply.error, /malformed JSON/);
  assert.deepEqual(log, ['new 1 ', 'free 1']);
});

test('a page that goes away frees the sessions of its requests', async () => {
  const { log, channel, ports } = setUp();
  channel.request('').post({ batch: 'b1' });
  await idle();
  ports.page.disconnect();
  await idle();
  assert.deepEqual(log, ['new 1 ', 'push 1 b1', 'free 1']);
});

test('a background that stops fails the requests under way, and the next one reconnects', async () => {
  const { log, channel, ports } = setUp();
  const request = channel.request('');
  request.post({ batch: 'b1' });
  await idle();
  ports.background.disconnect();
  assert.match((await request.replied).error, /background stopped/);
  assert.equal((await ask(channel, '', { page: 'p', done: true })).analysis, 'analysis of 2');
  assert.deepEqual(log.slice(-2), ['new 2 ', 'finish 2 p']);
});

test('a page on a site switched off opens no port until it asks for an analysis', async () => {
  const off = setUp({ active: false });
  await idle();
  assert.equal(off.ports.connects, 0, 'no port (no background start) where newslens is off');
  assert.equal((await ask(off.channel, '', { page: 'p', done: true })).analysis, 'analysis of 1');
  assert.equal(off.ports.connects, 1);
  const on = setUp();
  await idle();
  assert.equal(on.ports.connects, 1, 'the port opens as the page loads where newslens is on');
});

test('the tab the reader sees goes before a tab behind it, whose work waits its turn', async () => {
  const { log, page } = backgroundOf({ startsIn: 50 });
  const behind = page({ id: 1, windowId: 1, active: false });
  const shown = page({ id: 2, windowId: 1, active: true });
  const long = ask(behind, '', ...Array.from({ length: 5 }, (_, i) => ({ batch: `b${i}` })), { page: 'rest', done: true });
  const short = ask(shown, '', { batch: 'mine' }, { page: 'all', done: true });
  assert.equal((await short).analysis, 'analysis of 2');
  assert.equal((await long).analysis, 'analysis of 1');
  const at = (entry) => log.indexOf(entry);
  assert.ok(at('finish 2 all') < at('push 1 b0'), log.join(', '));
  assert.deepEqual(log.filter((l) => l.includes(' 1 ')), ['new 1 ', 'push 1 b0', 'push 1 b1', 'push 1 b2', 'push 1 b3', 'push 1 b4', 'finish 1 rest'], 'a tab\'s jobs in order');
});

test('a page that goes away with work queued frees its session and runs none of it', async () => {
  const { log, page, ports } = backgroundOf({ startsIn: 30 });
  const channel = page({ id: 1, windowId: 1, active: true });
  const request = channel.request('');
  request.post({ batch: 'b1' });
  request.post({ page: 'rest', done: true });
  await new Promise((r) => setTimeout(r, 10));
  ports.page.disconnect();
  await new Promise((r) => setTimeout(r, 60));
  assert.deepEqual(log, ['new 1 ', 'free 1']);
});

test('replies carry the core\'s timings only when the benchmark asks for them', async () => {
  const plain = await ask(setUp().channel, '', { page: 'p', done: true });
  assert.deepEqual(Object.keys(plain).sort(), ['analysis', 'id']);
  const timed = await ask(setUp({ timings: true }).channel, '', { batch: 'b1' }, { page: 'p', done: true });
  for (const field of ['core', 'ahead', 'wasmMemory', 'instantiate', 'warmUp']) {
    assert.equal(typeof timed.timings[field], 'number', field);
  }
});

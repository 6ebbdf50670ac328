// The analysis requests between a page and the background (extension/content/channel.js,
// extension/background.js): the page model comes in batches, in order, into one session
// of the core per request; `done` finishes it; a request the page cancels, or whose port
// closes, frees its session; a batch the core rejects fails the request with its error.
// Both scripts run here, each with the protocol (extension/protocol.js) loaded before it as
// in the extension, against a fake `chrome.runtime` and a fake core that records calls.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

/** A fake core: sessions that log what they are given; a batch "bad" is rejected. */
function fakeCore(log) {
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
  const core = () => Promise.resolve({ memory: { buffer: { byteLength: 0 } } });
  return Object.assign(core, { PageSession, warm() {} });
}

/** A pair of connected ports, as chrome.runtime.connect and onConnect give them. */
function portPair() {
  const ends = [0, 1].map(() => ({ listeners: [], closers: [] }));
  const make = (me, other) => ({
    name: 'newslens/analyze',
    sender: { id: 'newslens' },
    postMessage: (m) => setTimeout(() => other.listeners.forEach((l) => l(structuredClone(m)))),
    onMessage: { addListener: (l) => me.listeners.push(l) },
    onDisconnect: { addListener: (l) => me.closers.push(l) },
    disconnect: () => other.closers.forEach((l) => l()),
  });
  return [make(ends[0], ends[1]), make(ends[1], ends[0])];
}

/** Runs the extension's scripts `files`, in order, in `context` (one global scope). */
function load(context, ...files) {
  for (const file of files) vm.runInContext(fs.readFileSync(file, 'utf8'), context);
}

/** The background and a page's channel, wired together. */
function setUp(timings = false) {
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
    commands: { onCommand: event() },
  };
  const background = vm.createContext({ chrome, performance, setTimeout, console, wasm_bindgen: fakeCore(log) });
  load(background, 'extension/protocol.js', 'extension/background.js');
  background.newslensTimings = timings;
  const ports = {};
  chrome.runtime.connect = () => {
    [ports.page, ports.background] = portPair();
    onConnect(ports.background);
    return ports.page;
  };
  const page = vm.createContext({ chrome, newslensSettings: { preload() {} } });
  load(page, 'extension/protocol.js', 'extension/content/channel.js');
  return { log, channel: page.newslensChannel, ports };
}

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
  await new Promise((r) => setTimeout(r, 20));
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
  await new Promise((r) => setTimeout(r, 20));
  ports.page.disconnect();
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(log, ['new 1 ', 'push 1 b1', 'free 1']);
});

test('a background that stops fails the requests under way, and the next one reconnects', async () => {
  const { log, channel, ports } = setUp();
  const request = channel.request('');
  request.post({ batch: 'b1' });
  await new Promise((r) => setTimeout(r, 20));
  ports.background.disconnect();
  assert.match((await request.replied).error, /background stopped/);
  assert.equal((await ask(channel, '', { page: 'p', done: true })).analysis, 'analysis of 2');
  assert.deepEqual(log.slice(-2), ['new 2 ', 'finish 2 p']);
});

test('replies carry the core\'s timings only when the benchmark asks for them', async () => {
  const plain = await ask(setUp().channel, '', { page: 'p', done: true });
  assert.deepEqual(Object.keys(plain).sort(), ['analysis', 'id']);
  const timed = await ask(setUp(true).channel, '', { batch: 'b1' }, { page: 'p', done: true });
  for (const field of ['core', 'ahead', 'wasmMemory', 'instantiate', 'warmUp']) {
    assert.equal(typeof timed.timings[field], 'number', field);
  }
});

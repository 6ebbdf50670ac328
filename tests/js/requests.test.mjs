// The analysis requests between a page and the background (extension/content/channel.js,
// extension/background.js): the page model comes in batches, in order, into one session
// of the core per request; `done` finishes it; a request the page cancels, or whose port
// closes, frees its session; a batch the core rejects fails the request with its error.
// Both scripts run here against a fake `chrome.runtime` and a fake core that records calls.
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

/**
 * The background and a page's channel, wired together; `active` is whether the reader's
 * settings have newslens on for the page. `connects` counts the ports the page opened.
 */
function setUp({ active = true } = {}) {
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
  const background = { chrome, performance, setTimeout, console, wasm_bindgen: fakeCore(log) };
  vm.runInNewContext(fs.readFileSync('extension/background.js', 'utf8'), background);
  const ports = { connects: 0 };
  chrome.runtime.connect = () => {
    ports.connects++;
    [ports.page, ports.background] = portPair();
    onConnect(ports.background);
    return ports.page;
  };
  const newslensSettings = { preload: () => Promise.resolve({}), activeOn: () => active };
  const page = { chrome, location: { hostname: 'news.test' }, globalThis: null, newslensSettings };
  page.globalThis = page;
  vm.runInNewContext(fs.readFileSync('extension/content/channel.js', 'utf8'), page);
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

test('a page on a site switched off opens no port until it asks for an analysis', async () => {
  const off = setUp({ active: false });
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(off.ports.connects, 0, 'no port (no background start) where newslens is off');
  assert.equal((await ask(off.channel, '', { page: 'p', done: true })).analysis, 'analysis of 1');
  assert.equal(off.ports.connects, 1);
  const on = setUp();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(on.ports.connects, 1, 'the port opens as the page loads where newslens is on');
});

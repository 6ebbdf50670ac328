// The slice scheduler: long work (collecting a page, sending it, marking it) runs in
// slices of a few milliseconds with the page's own tasks (input, painting, messages)
// between them, so a long page never blocks its main thread.
//
// Shared by the content script, the www demo and the background (between its queue's jobs).
'use strict';

globalThis.newslensDom = globalThis.newslensDom || {};

/**
 * Lets the page run (input, painting, messages) between slices of work: a task posted on
 * a MessageChannel. Not `setTimeout(0)`, which a chain clamps to 4 ms per step after
 * five (a long page's hundreds of slices paid that in idle time), and not
 * `scheduler.yield()`, whose continuations go ahead of other tasks and so kept the
 * background's reply about the top of a long page waiting until the walk was done.
 */
globalThis.newslensDom.yieldToPage = (() => {
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  return () => new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
})();

/** Work between yields to the page, in milliseconds: collecting, sending and marking. */
globalThis.newslensDom.SLICE_MS = 8;

/**
 * Calls `work(item)` for each item, yielding to the page after every SLICE_MS of work;
 * `slice()` runs at each yield.
 */
globalThis.newslensDom.sliced = async (items, work, slice = () => {}) => {
  const { SLICE_MS, yieldToPage } = globalThis.newslensDom;
  let started = performance.now();
  for (const item of items) {
    if (performance.now() - started > SLICE_MS) {
      slice();
      await yieldToPage();
      started = performance.now();
    }
    work(item);
  }
};

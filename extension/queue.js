// The background's work for the tabs, one job at a time, the tabs the reader is looking
// at first. Every tab shares the one background: run in the order their messages came,
// a long page in a tab behind kept the reader's tab waiting for its marks (35 s instead
// of 0.7 s, issue 19). Each job is one message's worth (a batch of a page's blocks, or
// its finish); between jobs the background takes in new messages, and then picks the
// next job: the oldest of a shown tab, else the oldest. Pure (tests/js/queue.test.mjs).
'use strict';

globalThis.newslensQueue = (() => {
  /**
   * A queue whose jobs run one per task. `shown(tab)` says whether a tab is the one the
   * reader sees in its window; `yieldNow()` resolves in a later task, letting messages
   * in (dom/slices.js `yieldToPage`). `add(tab, work)` queues `work` for `tab` and resolves or rejects with its
   * result. A tab's jobs run in the order they were added.
   */
  function createQueue(shown, yieldNow) {
    const jobs = []; // { tab, work, resolve, reject }
    let running = false;

    function next() {
      const at = jobs.findIndex((job) => shown(job.tab));
      return jobs.splice(at < 0 ? 0 : at, 1)[0];
    }

    async function run() {
      running = true;
      while (jobs.length) {
        await yieldNow();
        const { work, resolve, reject } = next();
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      }
      running = false;
    }

    function add(tab, work) {
      return new Promise((resolve, reject) => {
        jobs.push({ tab, work, resolve, reject });
        if (!running) run();
      });
    }

    return { add };
  }

  return { createQueue };
})();

// The learned tier where the instant tier runs (the extension's background, the demo
// page's worker; issue 20): a small transformer in its own wasm module (learned/, built
// from the `newslens-learned` crate), loaded once on first use and kept, that scores a
// page's article sentences after its instant marks are shown. The core's `LearnedPage`
// (src/web.rs) turns the scores into the page's refined findings (src/refine.rs).
//
// Off the first marks' path: the model's files are read and its module compiled while
// the page loads (`prepare`, asynchronous: no job waits for it), and the model is built
// from them (`LearnedModel.load`, synchronous) in a job of the page's queue after its
// instant analysis. The model loads from the extension's own files (no network).
'use strict';

globalThis.newslensLearnedTier = (() => {
  /** The model's files in learned/, as `LearnedModel.load` takes them. */
  const FILES = ['config.json', 'model.safetensors', 'tokenizer.json'];
  /**
   * Sentences scored per job. A sentence costs ~20 ms in wasm on a slow machine, so a job
   * keeps the background busy for about 100 ms at most: another tab's instant analysis
   * waits no longer than that for its turn (queue.js).
   */
  const BATCH = 4;
  /** Sentences sorted by length together (`batched`): a screenful or two. */
  const WINDOW = 8 * BATCH;

  let reading = null; // Promise of { bytes, memory, read } (read: ms from the start to the files read and the module compiled)
  let loading = null; // Promise of { model, thresholds, read, build, memory } (build: ms LearnedModel.load took)

  /**
   * The learned module compiled and the model's files read, once (`base` is where
   * learned/ is: the extension's root, or the demo page's). Asynchronous throughout: the
   * module compiles while the files are read, and neither holds up the thread.
   */
  function files(base) {
    if (!reading) {
      reading = (async () => {
        const started = performance.now();
        if (typeof newslensLearned !== 'function') throw new Error('the learned model is not part of this build');
        const [exports, ...bytes] = await Promise.all([
          newslensLearned({ module_or_path: `${base}learned/newslens_learned_bg.wasm` }),
          ...FILES.map(async (name) => {
            const response = await fetch(`${base}learned/${name}`);
            if (!response.ok) throw new Error(`could not read learned/${name} (${response.status})`);
            return new Uint8Array(await response.arrayBuffer());
          }),
        ]);
        return { bytes, memory: () => exports.memory.buffer.byteLength, read: performance.now() - started };
      })();
    }
    return reading;
  }

  /**
   * Starts reading the model's files and compiling its module for a page that will want
   * them (the background calls it as the page starts loading, when the reader has the
   * learned tier on). What failed is said when the page asks for its refinement.
   */
  function prepare(base) {
    files(base).catch(() => {});
  }

  /**
   * The learned model, loaded once: its files (`files`), then built in a job of `run`
   * (0.1–0.4 s of the thread: it must not run ahead of an instant analysis). A failure is
   * kept: a machine that cannot load it keeps the instant tier, and every page is told why.
   */
  function model(base, run) {
    if (!loading) {
      loading = (async () => {
        const { bytes, memory, read } = await files(base);
        let build = 0;
        const loaded = await run(() => {
          const started = performance.now();
          try {
            return newslensLearned.LearnedModel.load(...bytes);
          } finally {
            build = performance.now() - started;
          }
        });
        return { model: loaded, thresholds: loaded.thresholds(), read, build, memory };
      })();
    }
    return loading;
  }

  /**
   * Refines an analysed page (a core `LearnedPage`, freed here once done): its sentences
   * in the blocks `visible` first, then the rest, BATCH at a time (`batched`), each batch a job of
   * `run` (the background's queue for the page's tab; a plain call in the worker).
   * `send(refinement, stage, timings)` gets each batch's refinement (JSON text), `stage`
   * 'viewport' with the batch that finishes the visible blocks, 'done' with the last;
   * `gone()` says the page went away (the rest is skipped). Rejects when the model cannot
   * load or score. `timings` (when `timed`): the model's cold load (`read`: ms to read its
   * files and compile its module, from `prepare` on; `build`: ms of LearnedModel.load),
   * the ms spent scoring, the sentences scored so far and the module's wasm memory in bytes.
   */
  async function refine({ page, visible, base, run, send, gone = () => false, timed = false }) {
    try {
      const { model: learned, thresholds, read, build, memory } = await model(base, run);
      const { ids, first } = JSON.parse(page.order(JSON.stringify(visible)));
      const inView = batched(page, ids.slice(0, first));
      const batches = [...inView, ...batched(page, ids.slice(first))];
      const viewport = inView.length; // the batches that finish the visible blocks
      let scoring = 0;
      let sentences = 0;
      for (let at = 0; at < batches.length && !gone(); at++) {
        const batch = JSON.stringify(batches[at]);
        const refinement = await run(() => {
          if (gone()) return null;
          const started = performance.now();
          const scores = learned.score(page.inputs(batch));
          const out = page.refine(batch, scores, thresholds);
          scoring += performance.now() - started;
          return out;
        });
        if (refinement === null) break;
        sentences += batches[at].length;
        let stage = null;
        if (at === batches.length - 1) stage = 'done';
        else if (at === viewport - 1) stage = 'viewport';
        send(refinement, stage, timed ? { read, build, scoring, sentences, memory: memory() } : null);
      }
      // A page with no article sentence is refined at once.
      if (!batches.length) send(JSON.stringify({ blocks: [], sentences: [], explanations: {} }), 'done', null);
    } finally {
      page.free();
    }
  }

  /**
   * Sentences `ids` of `page` in batches of BATCH, those of like length together: a batch
   * is padded to its longest sentence, so in the page's order a batch of four cost a
   * quarter more (the seed column in wasm). Sorted within windows of WINDOW sentences
   * only, so that the page is still refined from where the reader is onwards.
   */
  function batched(page, ids) {
    const length = new Map(JSON.parse(page.inputs(JSON.stringify(ids))).map(({ sentence }, i) => [ids[i], sentence.length]));
    const batches = [];
    for (let from = 0; from < ids.length; from += WINDOW) {
      const sorted = ids.slice(from, from + WINDOW).sort((a, b) => length.get(a) - length.get(b));
      for (let at = 0; at < sorted.length; at += BATCH) batches.push(sorted.slice(at, at + BATCH));
    }
    return batches;
  }

  return { prepare, refine };
})();

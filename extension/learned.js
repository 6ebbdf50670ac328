// The learned tier where the instant tier runs (the extension's background, the demo
// page's worker; issue 20): a small transformer in its own wasm module (learned/, built
// from the `newslens-learned` crate), loaded once on first use and kept, that scores a
// page's article sentences after its instant marks are shown. The core's `LearnedPage`
// (src/web.rs) turns the scores into the page's refined findings (src/refine.rs).
//
// Off the first marks' path: nothing here is loaded or run before an instant analysis is
// sent. The model loads from the extension's own files (no network).
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

  let loading = null; // Promise of { model, thresholds, load, memory } (load: ms it took; memory: its wasm memory now)

  /**
   * The learned model, loaded once (`base` is where learned/ is: the extension's root, or
   * the demo page's). A failure is kept: a machine that cannot load it keeps the instant
   * tier, and every page is told why.
   */
  function model(base) {
    if (!loading) {
      loading = (async () => {
        const started = performance.now();
        if (typeof newslensLearned !== 'function') throw new Error('the learned model is not part of this build');
        // The module compiles while the model's files are read: neither waits for the other.
        const [exports, ...bytes] = await Promise.all([
          newslensLearned({ module_or_path: `${base}learned/newslens_learned_bg.wasm` }),
          ...FILES.map(async (name) => {
            const response = await fetch(`${base}learned/${name}`);
            if (!response.ok) throw new Error(`could not read learned/${name} (${response.status})`);
            return new Uint8Array(await response.arrayBuffer());
          }),
        ]);
        const loaded = newslensLearned.LearnedModel.load(...bytes);
        return {
          model: loaded,
          thresholds: loaded.thresholds(),
          load: performance.now() - started,
          memory: () => exports.memory.buffer.byteLength,
        };
      })();
    }
    return loading;
  }

  /**
   * Refines an analysed page (a core `LearnedPage`, freed here once done): its sentences
   * in the blocks `visible` first, then the rest, BATCH at a time, each batch a job of
   * `run` (the background's queue for the page's tab; a plain call in the worker).
   * `send(refinement, stage, timings)` gets each batch's refinement (JSON text), `stage`
   * 'viewport' with the batch that finishes the visible blocks, 'done' with the last;
   * `gone()` says the page went away (the rest is skipped). Rejects when the model cannot
   * load or score. `timings` (when `timed`): the model's load and the ms spent scoring,
   * the sentences scored so far and the module's wasm memory in bytes.
   */
  async function refine({ page, visible, base, run, send, gone = () => false, timed = false }) {
    try {
      const { model: learned, thresholds, load, memory } = await model(base);
      const { ids, first } = JSON.parse(page.order(JSON.stringify(visible)));
      let scoring = 0;
      for (let at = 0; at < ids.length && !gone(); at += BATCH) {
        const batch = JSON.stringify(ids.slice(at, at + BATCH));
        const end = Math.min(at + BATCH, ids.length);
        const refinement = await run(() => {
          if (gone()) return null;
          const started = performance.now();
          const scores = learned.score(page.inputs(batch));
          const out = page.refine(batch, scores, thresholds);
          scoring += performance.now() - started;
          return out;
        });
        if (refinement === null) break;
        let stage = null;
        if (end === ids.length) stage = 'done';
        else if (at < first && end >= first) stage = 'viewport';
        send(refinement, stage, timed ? { load, scoring, sentences: end, memory: memory() } : null);
      }
      // A page with no article sentence is refined at once.
      if (!ids.length) send(JSON.stringify({ blocks: [], sentences: [], explanations: {} }), 'done', null);
    } finally {
      page.free();
    }
  }

  return { refine, model };
})();

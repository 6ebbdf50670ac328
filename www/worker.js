// Runs the analysis off the main thread, so long pastes never freeze the demo page; then
// the learned tier's refinement of it (learned.js), when the build has the learned model.
'use strict';

importScripts('pkg/newslens.js', 'learned.js');
try {
  importScripts('learned/newslens_learned.js');
} catch {
  // No learned tier in this build: learned.js says so when asked to refine.
}
const ready = wasm_bindgen({ module_or_path: 'pkg/newslens_bg.wasm' });
const message = (error) => String((error && error.message) || error);

// A request `{ id, page }` is answered `{ id, analysis }` (or `{ id, error }`), then
// `{ id, refinement, stage }` as the learned tier reads the sentences (or `{ id,
// learnedError }`).
self.onmessage = async ({ data }) => {
  let learned;
  try {
    await ready;
    learned = new wasm_bindgen.PageSession('').finishLearned(JSON.stringify(data.page));
    self.postMessage({ id: data.id, analysis: JSON.parse(learned.analysis()) });
  } catch (error) {
    if (learned) learned.free();
    self.postMessage({ id: data.id, error: message(error) });
    return;
  }
  try {
    await globalThis.newslensLearnedTier.refine({
      page: learned,
      visible: [],
      base: '',
      run: (work) => work(),
      send: (refinement, stage) => self.postMessage({ id: data.id, refinement: JSON.parse(refinement), stage }),
    });
  } catch (error) {
    self.postMessage({ id: data.id, learnedError: message(error) });
  }
};

// Runs the analysis off the main thread, so long pastes never freeze the demo page.
'use strict';

importScripts('pkg/newslens.js');
const ready = wasm_bindgen({ module_or_path: 'pkg/newslens_bg.wasm' });

self.onmessage = async ({ data }) => {
  try {
    await ready;
    self.postMessage({ id: data.id, analysis: JSON.parse(wasm_bindgen.analyze(JSON.stringify(data.page), '')) });
  } catch (error) {
    self.postMessage({ id: data.id, error: String((error && error.message) || error) });
  }
};

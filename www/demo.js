// The demo page: the same wasm package and DOM layer as the extension, on pasted text.
'use strict';

(() => {
  const source = document.getElementById('source');
  const output = document.getElementById('output');
  const status = document.getElementById('status');
  const { collectPage, render } = globalThis.newslensDom;
  const ready = wasm_bindgen({ module_or_path: 'pkg/newslens_bg.wasm' });
  let view = null;

  async function analyse() {
    if (view) view.clear();
    output.replaceChildren();
    const lines = source.value.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) {
      status.textContent = 'Nothing to analyse: paste some text first.';
      return;
    }
    for (const line of lines) {
      const p = document.createElement('p');
      p.textContent = line;
      output.appendChild(p);
    }
    try {
      await ready;
      const { page, nodes } = collectPage(output);
      const analysis = wasm_bindgen.analyze(page, undefined);
      view = render(analysis, nodes);
      status.textContent = `${view.marks} marks. Hover one for why.`;
    } catch (error) {
      status.textContent = `Could not analyse: ${error.message || error}`;
    }
  }

  document.getElementById('analyse').addEventListener('click', analyse);
  document.getElementById('sample').addEventListener('click', async () => {
    const res = await fetch('sample.txt');
    source.value = res.ok ? await res.text() : '';
    analyse();
  });
})();

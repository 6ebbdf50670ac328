// The demo page: the extension's DOM layer and wasm package on pasted text or HTML.
// The analysis runs in a worker (worker.js) and the article is drawn in chunks, so even
// a megabyte of text never freezes the page.
'use strict';

(() => {
  const { collectPage, render, summarize, refined } = globalThis.newslensDom;
  const source = document.getElementById('source');
  const output = document.getElementById('output');
  const panel = document.getElementById('panel');
  const status = document.getElementById('status');
  const progress = document.getElementById('progress');
  const analyseButton = document.getElementById('analyse');
  const SHOWN = new Set(['body', 'heading', 'disclosure']);
  const BLOCKS_PER_FRAME = 400;

  const worker = new Worker('worker.js');
  const waiting = new Map();
  let requests = 0;
  worker.onmessage = ({ data }) => {
    if (data.refinement || data.learnedError) {
      refine(data);
      return;
    }
    const pending = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error) pending.reject(new Error(data.error));
    else pending.resolve(data.analysis);
  };
  /** Resolves to the instant analysis; the learned tier's refinements of it come later (refine). */
  function analyseInWorker(page) {
    return new Promise((resolve, reject) => {
      const id = ++requests;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, page });
    });
  }

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  function say(text, value) {
    status.textContent = text;
    progress.hidden = value === undefined;
    if (value === null) progress.removeAttribute('value');
    else if (value !== undefined) progress.value = value;
  }

  /** An inert document holding the input: HTML is parsed (scripts never run), text becomes paragraphs. */
  function sourceDocument(input) {
    if (input.startsWith('<')) return new DOMParser().parseFromString(input, 'text/html');
    const doc = document.implementation.createHTMLDocument('');
    const article = doc.createElement('article');
    for (const line of input.split('\n')) {
      if (!line.trim()) continue;
      const p = doc.createElement('p');
      p.textContent = line.trim();
      article.appendChild(p);
    }
    doc.body.appendChild(article);
    return doc;
  }

  /** Draws the article blocks, one text node per segment, a chunk per frame. */
  async function draw(page, analysis) {
    const nodes = [];
    for (let b = 0; b < page.blocks.length; b++) {
      const block = page.blocks[b];
      if (!SHOWN.has(analysis.roles[b])) {
        nodes.push([]);
        continue;
      }
      const tag = page.elements[block.element].tag;
      const el = document.createElement(/^h[1-6]$/.test(tag) ? 'h2' : 'p');
      const texts = block.segments.map((s) => document.createTextNode(s));
      el.append(...texts);
      output.appendChild(el);
      nodes.push(texts);
      if (b % BLOCKS_PER_FRAME === BLOCKS_PER_FRAME - 1) {
        say('Drawing…', b / page.blocks.length);
        await nextFrame();
      }
    }
    return nodes;
  }

  let view = null;
  /**
   * What is shown, for the learned tier's refinements: the request `id`, the `analysis`,
   * `blocks` [{ nodes, findings }] by block, and what the learned tier did (`tally`).
   */
  let shown = null;
  // Refinements, one after another (each redraws blocks).
  let refining = Promise.resolve();

  /** Applies one of the worker's learned-tier messages to what is shown, if it is about it. */
  function refine(data) {
    refining = refining.then(async () => {
      if (!shown || shown.id !== data.id || !view) return;
      const { tally, analysis } = shown;
      if (data.learnedError) {
        analysis.tierNote = `The learned model could not run here, so these are the instant tier's marks (${data.learnedError}).`;
      } else {
        Object.assign(analysis.explanations, data.refinement.explanations);
        const { added, removed } = await refined.apply(data.refinement, shown.blocks, view);
        tally.added += added;
        tally.removed += removed;
        tally.sentences += data.refinement.sentences.length;
        if (data.stage !== 'done') return;
        analysis.tierNote = `Learned model: read ${tally.sentences} sentences, added ${tally.added} marks and removed ${tally.removed}; each card says which tier made its mark.`;
        say(`${view.marks} marks in ${analysis.sentences.length} sentences, refined by the learned model. Hover a mark for why.`);
      }
      summarize(panel, { ...analysis, findings: shown.blocks.flatMap((b) => b.findings) });
    }).catch((error) => say(`Could not apply the learned model's refinement: ${error.message || error}`));
  }

  async function analyse() {
    if (view) view.clear();
    view = null;
    shown = null;
    output.replaceChildren();
    panel.replaceChildren();
    const input = source.value.trim();
    if (!input) {
      say('Nothing to analyse: paste some text or HTML first.');
      return;
    }
    analyseButton.disabled = true;
    try {
      say(`Reading ${(input.length / 1024).toFixed(0)} KB…`, null);
      await nextFrame();
      const { page } = collectPage(sourceDocument(input));
      say('Analysing…', null);
      const analysis = await analyseInWorker(page);
      const nodes = await draw(page, analysis);
      if (!output.childNodes.length) {
        say('No article text found in this input.');
        return;
      }
      view = await render(analysis, nodes);
      analysis.tierNote = 'Learned model: reading the article…';
      shown = {
        id: requests, analysis, tally: { added: 0, removed: 0, sentences: 0 },
        blocks: nodes.map((texts, block) => ({ nodes: texts, findings: analysis.findings.filter((f) => f.block === block) })),
      };
      summarize(panel, analysis);
      say(`${view.marks} marks in ${analysis.sentences.length} sentences. Hover a mark for why.`);
    } catch (error) {
      say(`Could not analyse this input: ${error.message || error}`);
    } finally {
      analyseButton.disabled = false;
    }
  }

  /**
   * Our own example of each kind of mark, and the cue in it, by kind id. The legend shows
   * every kind of the catalogue (kinds.js), drawn by the same renderer.
   */
  const EXAMPLES = {
    hedge: ['It will probably fail.', 'probably'],
    booster: ['This is obviously a mistake.', 'obviously'],
    stance: ['I believe the plan is sound.', 'I believe'],
    loaded: ['A reckless gamble.', 'reckless'],
    speculation: ['He must have been furious.', 'must have been furious'],
    'rhetorical-question': ['Who could believe that?', 'Who could believe that?'],
    'scare-quote': ['Their “concerns” about it.', '“concerns”'],
    'attributed-named': ['The talks failed, the minister said.', 'The talks failed, the minister said.'],
    'attributed-anonymous': ['A senior official said the talks failed.', 'A senior official said the talks failed.'],
    vague: ['Critics say the talks failed.', 'Critics say the talks failed.'],
    unattributed: ['The talks failed because of the minister.', 'The talks failed because of the minister.'],
    'author-bio': ['Jane Roe is a columnist for the Daily.', 'Jane Roe is a columnist for the Daily.'],
    'disclosure-statement': ['The author holds shares in the airline.', 'The author holds shares in the airline.'],
    sponsorship: ['This guide was paid for by the tourist board.', 'This guide was paid for by the tourist board.'],
  };
  function drawLegend() {
    const list = document.getElementById('legend');
    const nodes = [];
    const explanations = {};
    const findings = [];
    for (const kind of globalThis.newslensKinds.kinds) {
      const item = document.createElement('li');
      list.appendChild(item);
      item.append(`${kind.label} (${kind.category})`);
      explanations[kind.id] = kind.explanation;
      const [example, cue] = EXAMPLES[kind.id] || [];
      if (!example) continue; // a kind new to the catalogue, with no example yet
      const text = document.createTextNode(example);
      const span = document.createElement('span');
      span.className = 'example';
      span.appendChild(text);
      item.append(': ', span);
      const start = example.indexOf(cue);
      findings.push({ block: nodes.length, category: kind.category, subtype: kind.id, cue, span: globalThis.newslensProtocol.within(start, start + cue.length) });
      nodes.push([text]);
    }
    render({ findings, explanations }, nodes);
  }

  analyseButton.addEventListener('click', analyse);
  document.getElementById('sample').addEventListener('click', async () => {
    const res = await fetch('sample.txt');
    source.value = res.ok ? await res.text() : '';
    analyse();
  });
  drawLegend();
})();

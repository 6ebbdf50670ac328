// Hostile fixture pages, served at /hostile/<name>.html: huge, deep, shadowed, framed,
// editable, exotic text, forever mutating, and pages that tamper with the DOM's
// prototypes. Each has the same short article (with a known hedge, "probably", to show
// the extension ran) plus its hazard, and loads /hostile/page.js, which records the
// page's own errors and how smoothly it keeps painting.
import { articleText } from '../bench/corpus.mjs';

const ARTICLE = `
<h1>The council's plan</h1>
<p class="canary">The reckless plan will probably fail, obviously, according to the council.</p>
<p>The council met on Tuesday to discuss the budget for the coming year, officials said.</p>
<p>Critics say the measure is a ruse to raise taxes before the election in the spring.</p>
<p>Residents who spoke at the meeting asked for more time to read the proposal.</p>`;

/**
 * Records page errors, animation frames and the longest gap between two of them, and
 * the page's text once its own scripts have built it (text it keeps changing itself is
 * marked data-test-volatile and left out).
 */
export const PAGE_JS = `
window.__hostile = { errors: [], frames: 0, maxGap: 0, calls: 0, text: null };
const createTreeWalker = Document.prototype.createTreeWalker; // before any page overrides it
__hostile.snapshot = () => {
  let text = '';
  const walker = createTreeWalker.call(document, document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === 1 && n.hasAttribute('data-test-volatile') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === 3) text += n.data;
  return text;
};
addEventListener('DOMContentLoaded', () => { __hostile.text = __hostile.snapshot(); });
addEventListener('error', (e) => __hostile.errors.push(String(e.message || e)));
addEventListener('unhandledrejection', (e) => __hostile.errors.push(String(e.reason)));
let last = performance.now();
requestAnimationFrame(function frame(now) {
  __hostile.maxGap = Math.max(__hostile.maxGap, now - last);
  __hostile.frames++;
  last = now;
  requestAnimationFrame(frame);
});`;

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function page(title, body, { head = '', script = '' } = {}) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script src="/hostile/page.js"></script>${head}</head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

const article = (extra = '') => `<article>${ARTICLE}${extra}</article>`;

/**
 * name -> html(crossOrigin), where `crossOrigin` is the origin of another site; pages
 * whose text is built by their scripts say so with `scripted`.
 */
export const HOSTILE_PAGES = {
  megabyte: () => page('1 MB of text', article(articleText(1 << 20).split('\n').filter(Boolean)
    .map((p) => `<p>${escape(p)}</p>`).join('\n'))),
  nodes: () => page('50,000 nodes', article(`<ul class="data">${
    Array.from({ length: 12500 }, (_, i) => `<li><b>item</b> ${i}</li>`).join('')}</ul>`)),
  deep: () => page('Nested 5,000 deep', article('<p id="deep">Deep down, </p>'), {
    // The HTML parser caps nesting (512 in Chromium), so the depth is built by script;
    // of inline elements, because Chromium's renderer itself crashes on 5,000 nested
    // blocks, with or without an extension.
    script: `let at = document.getElementById('deep');
      for (let i = 0; i < 5000; i++) { const s = document.createElement(i % 2 ? 'span' : 'em'); at.appendChild(s); at = s; }
      at.textContent = 'the plan will probably fail, critics say.';`,
  }),
  shadow: () => page('Shadow DOM', `${article()}<div id="open"></div><div id="closed"></div>`, {
    script: `for (const mode of ['open', 'closed']) {
      const root = document.getElementById(mode).attachShadow({ mode });
      const p = document.createElement('p');
      p.textContent = 'In the ' + mode + ' shadow root, the plan is obviously reckless and probably doomed.';
      root.appendChild(p);
    }`,
  }),
  frames: (other) => page('Frames', `${article()}
    <iframe src="/hostile/frame.html" title="same origin"></iframe>
    <iframe src="${other}/hostile/frame.html" title="other origin"></iframe>`),
  editable: () => page('Editable areas', article(`
    <div contenteditable="true" id="editor"><p>My draft: the plan is obviously reckless and probably doomed.</p></div>
    <form><input id="field" value="This is probably the reckless option"><textarea id="area">Obviously the ruse will probably work.</textarea></form>`)),
  code: () => page('Code and SVG', article(`
    <pre><code>// This will probably fail: obviously a reckless hack.\nlet x = maybe();</code></pre>
    <p>Call <code>probably()</code> before the plan.</p>
    <svg width="300" height="40"><text x="0" y="20">The reckless plan will probably fail.</text></svg>`)),
  scripts: () => page('Scripts and characters', article(`
    <p dir="rtl" lang="ar">قال المسؤولون إن الخطة ستفشل على الأرجح، وهذا واضح.</p>
    <p dir="rtl" lang="he">הפקידים אמרו שהתוכנית probably תיכשל.</p>
    <p>Emoji 😀👩‍👩‍👧 then the plan will&nbsp;probably fail; cafe\u0301 owners say it is obviously a re\u00ADckless ruse.</p>
    <p>日本語の文章 mixed with text that will probably change, 𝒶 𝓈𝒸𝓇𝒾𝓅𝓉 letter.</p>`)),
  mutating: () => page('Mutates every frame', article(`
    <p>Live: <span id="ticker" data-test-volatile>0</span> readers, probably more.</p>
    <div id="churn" data-test-volatile></div>`), {
    script: `let n = 0;
      requestAnimationFrame(function tick() {
        n++;
        document.getElementById('ticker').textContent = String(n);
        const churn = document.getElementById('churn');
        const p = document.createElement('p');
        p.textContent = 'Update ' + n + ': the reckless plan will probably fail.';
        churn.replaceChildren(p);
        requestAnimationFrame(tick);
      });`,
  }),
  prototype: () => page('Tampered prototypes', `${article()}
    <div id="newslensDom"></div><div id="newslensAnalyzer"></div><div id="wasm_bindgen"></div>`, {
    // Every override counts its calls; the test reads the count before it runs its own
    // probe (which uses the page's DOM as any page script would).
    head: `<script>
      const count = (proto, name) => {
        const original = proto[name];
        proto[name] = function (...args) { window.__hostile.calls++; return original.apply(this, args); };
      };
      for (const name of ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'contains']) count(Node.prototype, name);
      for (const name of ['attachShadow', 'getBoundingClientRect', 'closest', 'setAttribute', 'getAttribute']) count(Element.prototype, name);
      for (const name of ['createElement', 'createTreeWalker', 'createRange', 'querySelectorAll']) count(Document.prototype, name);
      window.newslensDom = { collectPage: () => { throw new Error('page impostor'); } };
      window.newslensAnalyzer = 'impostor';
      window.wasm_bindgen = () => { throw new Error('page impostor'); };
      for (const name of ['newslens-card', 'newslens-panel']) {
        customElements.define(name, class extends HTMLElement {
          constructor() { super(); throw new Error('impostor element'); }
        });
      }
      window.__hostile.calls = 0;
    </script>`,
  }),
};

/**
 * Page script that runs `then` once the canary is marked (checked every 50 ms, with
 * getters only, like the tests' own CANARY).
 */
const onceMarked = (then) => `const marked = () => {
    const h = CSS.highlights.get('newslens-hedge');
    return !!h && [...h].some((r) => r.startContainer.parentNode.className === 'canary');
  };
  const wait = setInterval(() => { if (marked()) { clearInterval(wait); (${then})(); } }, 50);`;

Object.assign(HOSTILE_PAGES, {
  // Lone UTF-16 surrogates before and after a mark: JSON.stringify escapes them, and the
  // core rejected the whole page. Text with them can only be built by script.
  surrogate: () => page('Lone surrogates', article('<p id="lone"></p>'), {
    script: `document.getElementById('lone').textContent = 'Broken \\uD83D text: the plan will probably fail \\uDC00 soon.';`,
  }),
  // The page acts for the reader: synthetic pointer events over a mark to open its card,
  // then our card's shadow root for the "Not a cue here" button. It records what it
  // reached in __hostile.forged; a forged dismissal would unmark the canary for good.
  forged: () => page('Forged clicks', article(), {
    script: onceMarked(`async () => {
      const text = document.querySelector('.canary').firstChild;
      const at = text.data.indexOf('probably');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 8);
      const box = range.getBoundingClientRect();
      const point = { clientX: box.x + 3, clientY: box.y + box.height / 2, bubbles: true, composed: true };
      document.dispatchEvent(new PointerEvent('pointermove', point));
      document.dispatchEvent(new PointerEvent('pointerdown', { ...point, pointerType: 'touch' }));
      await new Promise((r) => setTimeout(r, 300));
      const forged = window.__hostile.forged = { hosts: 0, roots: 0, clicked: 0 };
      for (const host of document.querySelectorAll('[data-newslens]')) {
        forged.hosts++;
        if (!host.shadowRoot) continue;
        forged.roots++;
        for (const button of host.shadowRoot.querySelectorAll('button')) { button.click(); forged.clicked++; }
      }
    }`),
  }),
  // Back and forward storms: a history entry and a popstate event every few milliseconds
  // for two seconds. __hostile.redraws counts the analyses meanwhile: each shows a new
  // panel, a host element added to <html>.
  popstate: () => page('A popstate storm', article(), {
    script: onceMarked(`() => {
      window.__hostile.redraws = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && n.getAttribute('data-newslens') === 'panel') window.__hostile.redraws++;
      }).observe(document.documentElement, { childList: true });
      const storm = setInterval(() => {
        history.pushState({}, '', '?at=' + Math.random());
        dispatchEvent(new PopStateEvent('popstate', { state: {} }));
      }, 4);
      setTimeout(() => clearInterval(storm), 2000);
    }`),
  }),
  // 700 KB of JSON-LD (tens of thousands of facts): the background is shared with the
  // reader's other tabs (see jsonLdBeside in hostile.mjs).
  jsonld: () => page('A huge JSON-LD block', article(), {
    head: `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle',
      author: { name: 'Jane Roe', sameAs: Array.from({ length: 26000 }, (_, i) => `https://e.example/${i}`) } })}</script>`,
  }),
});

/** The page inside both iframes; a plain article page. */
export const FRAME_HTML = page('A frame', article());
for (const name of ['deep', 'surrogate']) HOSTILE_PAGES[name].scripted = true;

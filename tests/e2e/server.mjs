// A static server for the fixture pages, bound to 127.0.0.1 on a free port.
// `/strict/…` serves the same page with `Content-Security-Policy: script-src 'self'`,
// the policy under which Chromium refuses to compile wasm in content scripts.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const GOLDEN = path.resolve('../shared/golden');
const SAVED = path.resolve('../shared/data/readability_test_pages');
/** Saved real pages used by the tests, served at /saved/<name> with scripts disabled. */
export const SAVED_PAGES = ['nytimes-1', 'guardian-1', 'breitbart', 'iab-1', 'wapo-1'];
const PAGES = {
  '/seed.html': path.join(GOLDEN, 'seed-page.html'),
  '/bare.html': path.join(GOLDEN, 'seed-page-bare.html'),
  '/other-language.html': path.resolve('tests/e2e/other-language.html'),
  '/furniture.html': path.resolve('tests/e2e/furniture.html'),
  '/palette-dark.html': path.resolve('tests/e2e/palette-dark.html'),
  '/palette-light.html': path.resolve('tests/e2e/palette-light.html'),
};

const WWW = path.resolve('target/dist/www');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };

/** The built demo page under /www/, as any static server would serve it. */
async function serveDemo(pathname, res) {
  const file = path.join(WWW, path.normalize(pathname.slice('/www/'.length) || 'index.html'));
  if (!file.startsWith(WWW)) return res.writeHead(403).end();
  try {
    const body = await fs.readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}

/**
 * A long generated article: at least 1 MB of real article text (tests/bench/corpus.mjs)
 * in paragraphs with inline links and emphasis, at least 50,000 DOM nodes.
 */
let longPage = null;
async function long() {
  if (!longPage) {
    const { articleText } = await import('../bench/corpus.mjs');
    const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const paragraphs = articleText(1 << 20).split('\n').filter(Boolean).map((line) => {
      const words = escape(line).split(' ');
      // Every fifth word emphasised, every ninth linked: many small text nodes, as real pages have.
      const html = words.map((w, i) => (i % 9 === 4 ? `<a href="#w${i}">${w}</a>` : i % 5 === 2 ? `<em>${w}</em>` : w)).join(' ');
      return `<p>${html}</p>`;
    });
    longPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long article</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>A long article</h1>${paragraphs.join('\n')}</article></main></body></html>`;
  }
  return longPage;
}

/** The hostile pages (hostile-pages.mjs); cross-origin frames point at `localhost`. */
let port = 0;
async function serveHostile(pathname, res) {
  const { HOSTILE_PAGES, PAGE_JS, FRAME_HTML } = await import('./hostile-pages.mjs');
  const html = { 'content-type': 'text/html; charset=utf-8' };
  if (pathname === '/hostile/page.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(PAGE_JS);
  if (pathname === '/hostile/frame.html') return res.writeHead(200, html).end(FRAME_HTML);
  const make = HOSTILE_PAGES[pathname.slice('/hostile/'.length).replace(/\.html$/, '')];
  if (!make) return res.writeHead(404).end('not found');
  return res.writeHead(200, html).end(make(`http://localhost:${port}`));
}

export async function startServer() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname.startsWith('/www/')) return serveDemo(url.pathname, res);
    if (url.pathname.startsWith('/hostile/')) return serveHostile(url.pathname, res);
    if (url.pathname === '/long.html') {
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await long());
    }
    if (url.pathname === '/dark.html') {
      // The seed page in a dark theme: light text on a near-black background.
      const html = (await fs.readFile(PAGES['/seed.html'], 'utf8'))
        .replace('</head>', '<style>body, main, article { background: #121212; color: #e8e8e8; }</style></head>');
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (url.pathname === '/late.html') {
      // The seed page that appends a paragraph a second after loading, as "load more" does.
      const late = `<script>setTimeout(() => { const p = document.createElement('p'); p.id = 'late';
        p.textContent = 'Later, the minister would probably resign, which is obviously overdue.';
        document.querySelector('article').insertBefore(p, document.querySelector('.author-bio')); }, 1000);</script>`;
      const html = (await fs.readFile(PAGES['/seed.html'], 'utf8')).replace('</body>', `${late}</body>`);
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (url.pathname === '/reveal.html') {
      // The seed page with a collapsed "read more" section (tests/e2e/late.mjs shows it by
      // dropping its class); all the while the page toggles a class on <body> ten times a
      // second, as carousels and hover states do, which shows nothing new.
      const more = `<style>.collapsed { display: none; }</style>
        <div id="more" class="collapsed"><p id="revealed">Afterwards, the council would probably
        approve the plan, which residents had obviously wanted for years.</p></div>`;
      const noise = `<script>setInterval(() => document.body.classList.toggle('tick'), 100);</script>`;
      const html = (await fs.readFile(PAGES['/seed.html'], 'utf8'))
        .replace('<div class="author-bio"', `${more}<div class="author-bio"`)
        .replace('</body>', `${noise}</body>`);
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (url.pathname === '/spa.html') {
      // A single-page app: a second after loading it "navigates" with the History API
      // and replaces the article with another one, as client-side routers do.
      const next = `<script>setTimeout(() => {
        history.pushState({}, '', '/spa.html?story=2');
        const article = document.querySelector('article');
        const h = document.createElement('h1');
        h.textContent = 'A second story';
        const p = document.createElement('p');
        p.id = 'second';
        p.textContent = 'The mayor will probably veto the reckless budget, officials said on Monday.';
        article.replaceChildren(h, p);
      }, 1000);</script>`;
      const html = (await fs.readFile(PAGES['/seed.html'], 'utf8')).replace('</body>', `${next}</body>`);
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    const trusted = url.pathname.startsWith('/trusted-types/');
    const strict = url.pathname.startsWith('/strict/') || trusted;
    const saved = url.pathname.startsWith('/saved/') && SAVED_PAGES.includes(url.pathname.slice('/saved/'.length));
    const file = saved
      ? path.join(SAVED, url.pathname.slice('/saved/'.length), 'source.html')
      : PAGES[strict ? url.pathname.replace(/^\/(strict|trusted-types)/, '') : url.pathname];
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (strict) headers['content-security-policy'] = "script-src 'self'";
    // A page that requires Trusted Types: any string-to-HTML sink throws there.
    if (trusted) headers['content-security-policy'] = "script-src 'self'; require-trusted-types-for 'script'";
    // Saved pages: their own scripts would change the DOM (and reach for the network).
    if (saved) headers['content-security-policy'] = "script-src 'none'";
    res.writeHead(200, headers).end(await fs.readFile(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

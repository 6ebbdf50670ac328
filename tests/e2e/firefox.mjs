// Firefox ESR with the extension installed as a temporary add-on, driven through
// geckodriver's plain WebDriver HTTP API (../shared/TOOLCHAIN.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';

async function freePort() {
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** The add-on's id (extension/manifest.json) and the internal UUID we pin for it, so
 * tests can open its popup and options pages at a known moz-extension:// address. */
const ADDON_ID = 'newslens@newslens.dev';
const ADDON_UUID = '5f1b7c3e-9d2a-4e8b-a6c1-3b7d2e9f0a41';

export async function launchFirefox(extensionDir) {
  const port = await freePort();
  // System access lets the tests open the add-on's own pages (see `visit`).
  const driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--host', '127.0.0.1', '--port', String(port), '--allow-system-access'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  async function call(method, path, body) {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`geckodriver ${method} ${path}: ${json.value && json.value.message}`);
    return json.value;
  }
  for (let i = 0; ; i++) {
    try { await call('GET', '/status'); break; } catch (e) {
      if (i > 100) throw new Error(`geckodriver did not start: ${e.message}`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const { sessionId } = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
      binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
      args: ['-headless', '-width', '1280', '-height', '900'],
      prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }), 'app.update.enabled': false, 'network.captive-portal-service.enabled': false, 'browser.shell.checkDefaultBrowser': false },
    } } },
  });
  const s = `/session/${sessionId}`;
  await call('POST', `${s}/moz/addon/install`, { path: extensionDir, temporary: true });
  await call('POST', `${s}/window/rect`, { width: 1280, height: 900 }).catch(() => {});

  /** Runs an async function's source in the page with `args`; a rejection becomes `{ error }`. */
  const run = (source, ...args) => call('POST', `${s}/execute/async`, {
    script: `const done = arguments[arguments.length - 1]; (${source})(...[...arguments].slice(0, -1)).then(done, (e) => done({ error: String(e) }));`,
    args,
  });

  // The extension's UI lives in closed shadow roots and acts on trusted input only:
  // WebDriver reaches closed roots, and its clicks and actions are trusted.
  const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
  const SHADOW = 'shadow-6066-11e4-a52e-4f735466cecf';
  /** The shadow root of the extension's `kind` host ('card', 'panel') as a WebDriver reference, or null. */
  async function shadowRoot(kind) {
    const host = await call('POST', `${s}/element`, { using: 'css selector', value: `[data-newslens="${kind}"]` }).catch(() => null);
    return host && call('GET', `${s}/element/${host[ELEMENT]}/shadow`).catch(() => null);
  }
  const ui = {
    /** Runs `fn(root, arg)` (an async function's source) on the `kind` host's shadow root; null if none. */
    async inShadow(kind, fn, arg = null) {
      const root = await shadowRoot(kind);
      return root && run(fn, root, arg);
    },
    /** Clicks the first element matching `selector` in the `kind` host's shadow root; resolves to whether it could. */
    async clickInShadow(kind, selector) {
      const root = await shadowRoot(kind);
      const el = root && (await call('POST', `${s}/shadow/${root[SHADOW]}/element`, { using: 'css selector', value: selector }).catch(() => null));
      return !!el && call('POST', `${s}/element/${el[ELEMENT]}/click`, {}).then(() => true, () => false);
    },
    /** The mouse moved to `{ x, y }` in the viewport (a hover: WebDriver implements no pen or touch here). */
    async hover({ x, y }) {
      const at = { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' };
      await call('POST', `${s}/actions`, { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [at] }] });
      await call('DELETE', `${s}/actions`).catch(() => {});
    },
  };

  return {
    name: 'firefox',
    /** The base address of the add-on's own pages. */
    extensionBase: `moz-extension://${ADDON_UUID}`,
    async open(url, probeSource) {
      await call('POST', `${s}/url`, { url });
      const waitForHighlights = 'return [...CSS.highlights.keys()].some((k) => k.startsWith("newslens-"))';
      for (let i = 0; i < 150 && !(await call('POST', `${s}/execute/sync`, { script: waitForHighlights, args: [] })); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const report = await run(probeSource);
      return {
        report,
        logs: null, // not available through WebDriver classic
        errors: [], // WebDriver classic has no console log in Firefox; page errors are checked in Chromium.
        screenshot: async (file) => fs.writeFile(file, Buffer.from(await call('GET', `${s}/screenshot`), 'base64')),
        close: async () => {},
      };
    },
    /**
     * `visit(url)` in a new tab beside the current one, which it selects (the reader's
     * tab); its `close()` closes it and selects the tab before again.
     */
    async visitBeside(url) {
      const before = await call('GET', `${s}/window`);
      const { handle } = await call('POST', `${s}/window/new`, { type: 'tab' });
      await call('POST', `${s}/window`, { handle });
      const tab = await this.visit(url);
      return {
        ...tab,
        async close() {
          await call('DELETE', `${s}/window`);
          await call('POST', `${s}/window`, { handle: before });
        },
      };
    },
    /**
     * Opens `url`; `poll(expression, ms)` waits until it is true in the page,
     * `evaluate(source)` runs an async function's source there and returns its result;
     * `inShadow`, `clickInShadow` and `hover` reach the extension's UI. WebDriver classic reads neither the console, the requests nor the heap (`errors`,
     * `logs`, `requests` and `heap` are null).
     */
    async visit(url) {
      if (url.startsWith('moz-extension:')) {
        // WebDriver may not navigate content to the add-on's pages; the browser chrome may.
        await call('POST', `${s}/moz/context`, { context: 'chrome' });
        await call('POST', `${s}/execute/sync`, {
          script: `Services.wm.getMostRecentWindow('navigator:browser').gBrowser.loadURI(Services.io.newURI(arguments[0]),
            { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
          args: [url],
        });
        await call('POST', `${s}/moz/context`, { context: 'content' });
        await new Promise((r) => setTimeout(r, 500));
      } else {
        await call('POST', `${s}/url`, { url });
      }
      return {
        errors: null,
        logs: null,
        requests: null,
        heap: null,
        async poll(expression, ms) {
          for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
            if (await call('POST', `${s}/execute/sync`, { script: `return ${expression}`, args: [] })) return true;
          }
          return false;
        },
        evaluate: (source) => run(source),
        ...ui,
        close: async () => {},
      };
    },
    close: async () => {
      await call('DELETE', s).catch(() => {});
      driver.kill();
    },
  };
}

// Background: runs the Rust core for content scripts that cannot compile wasm in the
// page (strict page CSP in Chromium) or whose page is long, and keeps the toolbar badge. Chromium loads this as a service worker and pulls
// in the wasm glue itself; Firefox lists the glue before this file in the manifest.
'use strict';

if (typeof wasm_bindgen === 'undefined' && typeof importScripts === 'function') {
  importScripts('pkg/newslens.js');
}

let core = null;

function ready() {
  core = core || wasm_bindgen({ module_or_path: chrome.runtime.getURL('pkg/newslens_bg.wasm') });
  return core;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !message) return false;
  if (message.type === 'newslens/count' && sender.tab) {
    // The toolbar badge: how many marks the reader's tab shows.
    const text = message.count > 0 ? String(Math.min(message.count, 999)) : '';
    chrome.action.setBadgeText({ tabId: sender.tab.id, text }).catch(() => {});
    return false;
  }
  if (message.type !== 'newslens/analyze') return false;
  ready()
    .then(() => sendResponse({ analysis: wasm_bindgen.analyze(message.page, message.options) }))
    .catch((error) => sendResponse({ error: String((error && error.message) || error) }));
  return true; // the reply is sent asynchronously
});

/**
 * Keyboard shortcuts (manifest `commands`): passed to the content script of the tab they
 * were pressed in. Exposed on the global scope so tests can press them.
 */
function onCommand(command, tab) {
  const send = (id) => chrome.tabs.sendMessage(id, { type: 'newslens/command', command }).catch(() => {});
  if (tab && tab.id !== undefined) return send(tab.id);
  return chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([active]) => active && send(active.id));
}
globalThis.newslensCommand = onCommand;
chrome.commands.onCommand.addListener(onCommand);

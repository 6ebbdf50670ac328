// Runs as the page starts loading: asks the background to have the core ready (wasm
// instantiated, word lists built) by the time the page is and main.js analyses it.
'use strict';

chrome.runtime.sendMessage({ type: 'newslens/warm' }).catch(() => {});

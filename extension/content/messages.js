// The tab's one-off messages (protocol.js): the number of marks out to the background
// (the toolbar badge); the popup's status question and the keyboard shortcuts, relayed
// by the background, in.
'use strict';

globalThis.newslensMessages = (() => {
  const protocol = globalThis.newslensProtocol;

  /** Tells the background how many marks this tab shows (for the toolbar badge). */
  function count(marks) {
    chrome.runtime.sendMessage({ type: protocol.MESSAGE.count, count: marks }).catch(() => {});
  }

  /**
   * Answers the popup with `tab.status()` (`{ active, working, article, marks }`, worded
   * by popup/status.js) and passes the shortcuts (manifest `commands`) to
   * `tab.toggle()` and `tab.nextMark()`.
   */
  function listen(tab) {
    chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (!protocol.fromUs(sender) || !message) return false;
      if (message.type === protocol.MESSAGE.command) {
        if (message.command === 'toggle-highlights') tab.toggle();
        else if (message.command === 'next-mark') tab.nextMark();
      }
      if (message.type !== protocol.MESSAGE.status) return false;
      sendResponse(tab.status());
      return false;
    });
  }

  return { count, listen };
})();

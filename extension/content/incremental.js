// What changed on a dynamic page between two collections of its model, so that only new
// text is analysed and marks on text that left the page are dropped. Pure functions over
// the model (tests/js/incremental.test.mjs).
'use strict';

globalThis.newslensIncremental = (() => {
  /** A block's identity across collections: its text. */
  function blockKey(block) {
    return block.segments.join('');
  }

  /**
   * Pairs each of `keys` (the blocks now) with one of `previous` (the blocks analysed
   * before) of the same text, in document order; each previous block is used once.
   * Returns, for each block now, the index of its previous block or -1 if its text is new.
   */
  function matchBlocks(previous, keys) {
    const free = new Map(); // key -> indices of previous blocks with that text, in order
    previous.forEach((key, i) => {
      if (!free.has(key)) free.set(key, []);
      free.get(key).push(i);
    });
    return keys.map((key) => {
      const list = free.get(key);
      return list && list.length ? list.shift() : -1;
    });
  }

  /** Whether two lists of Text nodes are the same nodes. */
  function sameNodes(a, b) {
    return a.length === b.length && a.every((node, i) => node === b[i]);
  }

  return { blockKey, matchBlocks, sameNodes };
})();

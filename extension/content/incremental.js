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

  /** Findings by block index, in one pass (a long page has thousands of each). */
  function groupByBlock(findings) {
    const out = [];
    for (const f of findings) (out[f.block] = out[f.block] || []).push(f);
    return out;
  }

  /**
   * The blocks after an update. `previous` are the blocks before (`{ key, role, nodes,
   * findings }`), `matched` pairs each block now with one of them (matchBlocks), `keys`
   * and `nodes` are the blocks now; `found` is the analysis of the blocks whose text is
   * new (its `roles` and `findings`), or null if there are none. A block of known text
   * keeps its findings, moved to its index. Returns `{ blocks, redraw, keep }`: the
   * blocks now, the findings to draw (those of new text, and those whose Text nodes the
   * page replaced with the same text) and the Text nodes whose marks stay as they are.
   */
  function merge(previous, matched, keys, nodes, found) {
    const fresh = found ? groupByBlock(found.findings) : [];
    const keep = new Set();
    const redraw = [];
    const blocks = keys.map((key, i) => {
      const before = previous[matched[i]];
      if (!before) {
        const findings = fresh[i] || [];
        redraw.push(...findings);
        return { key, role: found ? found.roles[i] : null, nodes: nodes[i], findings };
      }
      const findings = before.findings.map((f) => ({ ...f, block: i }));
      if (sameNodes(before.nodes, nodes[i])) before.nodes.forEach((n) => keep.add(n));
      else redraw.push(...findings);
      return { key, role: before.role, nodes: nodes[i], findings };
    });
    return { blocks, redraw, keep };
  }

  /**
   * Where each of `count` blocks before an update went (`matched`, from matchBlocks): its
   * index now, or -1 if its text left the page.
   */
  function moves(matched, count) {
    const to = new Array(count).fill(-1);
    matched.forEach((previous, i) => {
      if (previous >= 0) to[previous] = i;
    });
    return to;
  }

  /**
   * `refinement` (src/refine.rs: its `blocks` name blocks by index, as they were when it
   * was asked for) with its blocks renumbered through `steps`, the `moves` of each update
   * since, in order; blocks whose text left the page are dropped.
   */
  function renumber(refinement, steps) {
    const blocks = [];
    for (const entry of refinement.blocks) {
      // A block gone stays gone: to[-1] is undefined.
      const block = steps.reduce((at, to) => to[at] ?? -1, entry.block);
      if (block >= 0) blocks.push({ ...entry, block, findings: entry.findings.map((f) => ({ ...f, block })) });
    }
    return { ...refinement, blocks };
  }

  /**
   * The updates' `moves` that refinements still on their way need (renumber). Updates are
   * numbered from 1 (0 is the page's own analysis): `next()` is the number the next one
   * takes, `ask(u)` says a refinement of update `u`'s blocks is on its way, `settle(u)`
   * that it is over, `push(to)` records the next update's moves, `since(u)` gives those
   * of the updates after `u`. Once no refinement is on its way the moves are dropped, so a
   * page that updates for hours keeps a few. The page's own refinement (0) is on its way
   * from the start.
   */
  function movesLog() {
    let first = 1; // the update whose moves are steps[0]
    const steps = [];
    const pending = new Set([0]);
    const drop = () => {
      if (pending.size) return;
      first += steps.length;
      steps.length = 0;
    };
    return {
      next: () => first + steps.length,
      ask: (update) => pending.add(update),
      settle(update) {
        pending.delete(update);
        drop();
      },
      push(to) {
        steps.push(to);
        drop();
      },
      since: (update) => steps.slice(update + 1 - first),
      /** How many moves are kept. */
      size: () => steps.length,
    };
  }

  return { blockKey, matchBlocks, sameNodes, groupByBlock, merge, moves, renumber, movesLog };
})();

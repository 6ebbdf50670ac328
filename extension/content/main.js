// Content script entry: read the reader's settings, collect the page model, analyse it,
// render the findings; again whenever the settings change, and incrementally when the
// page's text changes (content/late.js).
'use strict';

(() => {
  const { collectPageSliced, createView, yieldToPage } = globalThis.newslensDom;
  const { blockKey, matchBlocks, groupByBlock, merge, moves, renumber, movesLog } = globalThis.newslensIncremental;
  const analyzer = globalThis.newslensAnalyzer;
  const settings = globalThis.newslensSettings;
  const protocol = globalThis.newslensProtocol;
  const tickers = globalThis.newslensTickers;
  const messages = globalThis.newslensMessages;
  const { quietly, remember } = globalThis.newslensLate;
  const { refined } = globalThis.newslensDom;
  const host = location.hostname;
  /**
   * What is on the page now: `url`, `options`, the last full `analysis` (type, byline,
   * disclosures), `blocks` [{ key, role, nodes, findings }] as last collected, the `view`
   * and the `panel`; `run` (which analysis it is) and `learned` (what the learned tier
   * did so far, null when it is off: `{ at, added, removed, sentences }`, `at` when the
   * first marks were shown). Null while nothing is shown.
   */
  let state = null;
  let runs = 0; // full analyses started: a refinement of an older one is dropped
  let queue = Promise.resolve();
  let active = false; // whether the reader's settings have newslens on for this page
  let paused = false; // marks hidden in this tab with the keyboard shortcut
  let working = false; // whether an analysis is under way
  // Each kind's explanation, as the core sends it once per analysis (cards read it).
  const explanations = {};

  /**
   * "Not a cue here": silence this cue on this site, remembered in the settings (whose
   * change re-runs the analysis). Resolves to '' once saved, or to what the reader is
   * told instead: the save failed (storage full), or the cue was left out (too long,
   * the limit of cues reached).
   */
  async function dismiss(finding) {
    let report = null;
    try {
      await settings.update((s) => {
        report = settings.addTo(s, 'exceptions', [{ cue: finding.cue, site: host }]);
      });
    } catch (error) {
      return error.message;
    }
    return settings.leftOut(report);
  }

  async function teardown() {
    if (state) {
      const { view, panel } = state;
      await quietly(view, () => view.clear());
      if (panel) panel.remove();
    }
    state = null;
  }

  /** Each finding's first Text node with its category, in document order: where jumps go. */
  function markNodes() {
    const out = [];
    for (const b of state.blocks) {
      for (const f of b.findings) {
        const node = protocol.firstNode(f, b.nodes);
        if (node) out.push({ category: f.category, node });
      }
    }
    return out;
  }

  /** The panel and badge for what is shown now (keeping the panel open if it was). */
  function refresh() {
    const open = !!(state.panel && state.panel.open);
    if (state.panel) state.panel.remove();
    state.panel = null;
    const findings = state.blocks.flatMap((b) => b.findings);
    const targets = {};
    for (const { category, node } of markNodes()) (targets[category] = targets[category] || []).push(node);
    const explain = (node, category) => state && state.view.explain(node, category);
    // A page in a language newslens does not read has no marks, but the pill says why.
    if (findings.length || protocol.otherLanguage(state.analysis.language)) {
      state.panel = globalThis.newslensPanel.show({ ...state.analysis, findings }, targets, { open, explain });
    }
    messages.count(state.view.marks);
  }

  /** Everything from scratch: on load, when settings change, on a new URL (SPA navigation). */
  async function full() {
    const started = performance.now();
    // A new article: what counted as a ticker is looked at afresh.
    const navigated = !state || location.href !== state.url;
    await teardown();
    if (navigated) tickers.reset();
    const s = await settings.load();
    const shown = active;
    active = settings.activeOn(s, host) && !paused;
    if (!active) {
      // The badge goes with the marks. (A page that showed none sends nothing: on a site
      // switched off, the background is not even started.)
      if (shown) messages.count(0);
      return;
    }
    const ready = performance.now();
    const run = ++runs;
    // The page shows findings only: the core need not send every sentence back.
    const options = { ...settings.coreOptions(s), skip_sentences: true };
    const view = createView(document, { dismiss, palette: s.palette, wrap: s.wrapper, explanations });
    // The learned tier refines the marks once they are shown (not in wrapper mode, whose
    // marks split the Text nodes a refinement refers to).
    const onRefined = s.learned && !view.wraps ? (message) => schedule(() => refine(run, message)) : null;
    // A long page: its top (what the reader sees first) is analysed and marked from what
    // the walk has collected so far, while the rest is still being collected. (Not in
    // wrapper mode, which splits the Text nodes the rest of the walk still refers to.)
    let top = null;
    let topShown = false;
    const onLongPage = view.wraps ? null : (first) => {
      top = markTop(first, options, view).catch((error) => {
        reportOnce(error);
        return null;
      }).finally(() => {
        topShown = true;
      });
    };
    // The blocks go to the background as they are collected, and are analysed there
    // meanwhile; not while the top of a long page is (it comes first, and the machine
    // may have no core to spare).
    const analysing = analyzer.stream(options, onRefined);
    const onSlice = (model) => {
      if (!top || topShown) analysing.push(model);
    };
    const { page, nodes, blockElements, concealed } = await collectPageSliced(document, undefined, onLongPage, onSlice)
      .catch((error) => {
        analysing.cancel(error);
        throw error;
      });
    const collected = performance.now();
    remember(concealed);
    const visible = onRefined && refined.visibleBlocks(nodes);
    const { analysis, where, timings } = await analysing.finish(page, visible);
    const analysed = performance.now();
    const shownTop = top && (await top);
    // Reading a long page's reply was a task of its own: marking starts in the next.
    if (top) await yieldToPage();
    Object.assign(explanations, analysis.explanations);
    const findings = tickers.unless(analysis.findings, nodes, blockElements);
    // The top's marks stay if the whole page gives its blocks the roles the top alone did.
    const keepTop = !!shownTop && shownTop.roles.every((role, i) => role === analysis.roles[i]);
    if (shownTop && !keepTop) await quietly(view, () => view.clear());
    const rest = keepTop ? findings.filter((f) => f.block >= shownTop.blocks) : findings;
    await quietly(view, () => view.add(rest, nodes, { oneChange: keepTop }));
    const done = performance.now();
    // The panel and the record for later updates, in a task of their own.
    await yieldToPage();
    const byBlock = groupByBlock(findings);
    const first = shownTop ? shownTop.at : done;
    if (onRefined) analysis.tierNote = 'Learned model: reading the article…';
    state = {
      url: location.href, options, analysis, view, panel: null, run,
      // `moves`: where each update moved the blocks (incremental.js movesLog), for the
      // refinements asked for before it; the page's own is on its way (`pageDone` once over).
      learned: onRefined && { at: first, added: 0, removed: 0, sentences: 0, moves: movesLog() },
      blocks: page.blocks.map((block, i) => ({
        key: blockKey(block), role: analysis.roles[i], nodes: nodes[i],
        findings: byBlock[i] || [],
      })),
    };
    refresh();
    debug({
      where, startedAt: started, settings: ready - started, collect: collected - ready, ...timings, highlight: done - analysed, total: done - started,
      first: first - started,
      blocks: page.blocks.length, findings: analysis.findings.length,
    });
  }

  /**
   * Applies one of the learned tier's messages about analysis `run` (protocol
   * `refinementOf`): its refinement of some sentences, or why it could not run, which the
   * panel says (the instant marks stay). `update`: which analysis asked for it (0: the
   * page's; more: an update's, of the blocks it added, whose count of unsourced sentences
   * left out is theirs alone, so the panel keeps the page's); its blocks are renumbered
   * through the updates made since. The panel's note speaks for the page's refinement:
   * an update's changes it only once that one is over.
   */
  async function refine(run, { refinement: asked, stage, timings, error }, update = 0) {
    if (!state || state.run !== run || !state.learned) return;
    const tally = state.learned;
    if (error || stage === 'done') tally.moves.settle(update);
    if (error) {
      if (!update) {
        state.analysis.tierNote = `The learned model could not run here, so these are the instant tier's marks (${error}).`;
        refresh();
      }
      learnedDebug({ learned: 'failed', error });
      return;
    }
    const refinement = renumber(asked, tally.moves.since(update));
    Object.assign(explanations, refinement.explanations);
    const { added, removed } = await quietly(state.view, () => refined.apply(refinement, state.blocks, state.view));
    tally.added += added;
    tally.removed += removed;
    tally.sentences += refinement.sentences.length;
    if (!update && typeof refinement.sourcing_left_out === 'number') state.analysis.sourcing_left_out = refinement.sourcing_left_out;
    if (!stage) return;
    if (stage === 'done' && !update) tally.pageDone = true;
    if (stage === 'done' && tally.pageDone) {
      state.analysis.tierNote = `Learned model: read ${tally.sentences} sentences, added ${tally.added} marks and removed ${tally.removed}; each card says which tier made its mark.`;
    }
    refresh();
    learnedDebug({ learned: stage, since: performance.now() - tally.at, added: tally.added, removed: tally.removed, sentences: tally.sentences, ...timings });
  }

  /**
   * The learned tier's debug lines, apart from the analyses' (`newslens: {…}`, which the
   * tests count): `tests/bench` and the e2e suite read them.
   */
  function learnedDebug(fields) {
    console.debug(`newslens learned: ${JSON.stringify(fields)}`);
  }

  /**
   * Analyses and marks the top of a long page (a model of its own, from the first part
   * of the walk). Resolves to `{ blocks, roles, at }`: how many blocks it covered, their
   * roles, and when their marks were registered.
   */
  async function markTop({ page, nodes, blockElements }, options, view) {
    const { analysis } = await analyzer.analyze(page, options);
    Object.assign(explanations, analysis.explanations);
    // A screen or two: registered in one change, each of which costs a repaint of the page.
    const top = tickers.unless(analysis.findings, nodes, blockElements);
    await quietly(view, () => view.add(top, nodes, { oneChange: true }));
    return { blocks: page.blocks.length, roles: analysis.roles, at: performance.now() };
  }

  /**
   * One line per analysis at debug level (hidden by default) for anyone measuring:
   * `tests/bench` reads the timings, the hostile-page tests count the lines.
   */
  function debug(fields) {
    console.debug(`newslens: ${JSON.stringify(fields)}`);
  }

  /**
   * The page's text changed: analyse only the blocks whose text is new, keep the marks
   * of unchanged text, redraw them where the page replaced their nodes with the same
   * text, and drop the marks of text that is gone.
   */
  async function update() {
    // Wrapper mode split the page's text nodes: start over rather than match them up.
    if (!state || location.href !== state.url || state.view.wraps) return full();
    const { page, nodes, blockElements, concealed } = await collectPageSliced(document);
    remember(concealed);
    const keys = page.blocks.map(blockKey);
    const matched = matchBlocks(state.blocks.map((b) => b.key), keys);
    tickers.look();
    const fresh = [];
    matched.forEach((previous, i) => {
      if (previous < 0 && !tickers.inBlock(blockElements[i], nodes[i])) fresh.push(i);
    });
    // The learned tier refines the new blocks too. Its refinements name blocks by index:
    // those still on their way, and this update's, are renumbered by the moves of the
    // updates after them (refine).
    const { run, learned } = state;
    const update = learned ? learned.moves.next() : 0;
    const onRefined = learned ? (message) => schedule(() => refine(run, message, update)) : null;
    let found = null;
    if (fresh.length) {
      // The core reports findings only for the fresh blocks (only_blocks), and the learned
      // tier refines only those.
      const options = { ...state.options, only_blocks: fresh };
      found = (await analyzer.stream(options, onRefined).finish(page, onRefined && fresh)).analysis;
      // Its refinement comes after this reply, each part a job after this one.
      if (learned) learned.moves.ask(update);
      Object.assign(explanations, found.explanations);
      // Text that was there before changed role (the article is elsewhere now): start over.
      if (matched.some((p, i) => p >= 0 && found.roles[i] !== state.blocks[p].role)) return full();
    }
    const { blocks, redraw, keep } = merge(state.blocks, matched, keys, nodes, found);
    const moved = moves(matched, state.blocks.length);
    state.view.prune(keep);
    await state.view.add(redraw.sort((a, b) => a.block - b.block), nodes);
    state.blocks = blocks;
    if (learned) learned.moves.push(moved);
    refresh();
    debug({ update: true, fresh: fresh.length, blocks: page.blocks.length, marks: state.view.marks });
  }

  /** Runs one job after another; never breaks the page (see reportOnce). */
  function schedule(job) {
    queue = queue.then(async () => {
      working = true;
      try {
        await job();
      } finally {
        working = false;
      }
    }).catch(reportOnce);
  }

  /** Logs a failure once per page, however often it recurs; the page is never affected. */
  const reported = new Set();
  function reportOnce(error) {
    const message = String((error && error.message) || error);
    if (reported.has(message)) return;
    reported.add(message);
    console.warn('newslens: analysis failed:', error);
  }

  messages.listen({
    status: () => ({
      active,
      working,
      article: !!state && state.blocks.some((b) => b.role === 'body'),
      marks: state ? state.view.marks : 0,
      language: state ? state.analysis.language : null,
    }),
    toggle() {
      paused = !paused;
      schedule(full);
    },
    nextMark() {
      if (!state) return;
      const nodes = markNodes().map((m) => m.node);
      if (nodes.length) state.view.explain(globalThis.newslensPanel.jump(nodes, 1));
    },
  });

  chrome.storage.onChanged.addListener((changed, area) => {
    if (area === 'local' && changed[settings.KEY]) schedule(full);
  });

  globalThis.newslensLate.watch(() => schedule(update));
  schedule(full);
})();

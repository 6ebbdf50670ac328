// What the page and the background say to each other, and how a finding points into the
// page: the one place that names the messages and their fields, and turns a finding's
// span back into pieces of Text nodes.
//
// Loaded on both sides: by the content scripts (first, at document_start), the
// background (Chromium's service worker imports it, Firefox's manifest lists it), the
// popup and the www demo (findings only).
'use strict';

globalThis.newslensProtocol = (() => {
  /**
   * The port a page opens as it starts loading, for its analysis requests
   * (content/channel.js → background.js). A request is a few messages with one `id`
   * (counted per port); see `batch`, `last`, `CANCEL` for their bodies and `part` for how
   * the background reads them. The first message also carries the reader's `options`
   * (JSON text of src/options.rs, '' for the defaults). The reply is `reply` or `failure`.
   */
  const PORT = 'newslens/analyze';

  /** One-off messages, by their `type`. */
  const MESSAGE = Object.freeze({
    /** Page → background: `{ type, count }`, the marks the tab shows (the toolbar badge). */
    count: 'newslens/count',
    /** Popup → page: `{ type }`, answered `{ active, working, article, marks, language }` (popup/status.js). */
    status: 'newslens/status',
    /** Background → page: `{ type, command }`, a keyboard shortcut (manifest `commands`). */
    command: 'newslens/command',
  });

  /** Whether a message comes from this extension: pages and other extensions are ignored. */
  function fromUs(sender) {
    return !!sender && sender.id === chrome.runtime.id;
  }

  // A request's messages. As JSON text: strings cross the message channel far more
  // cheaply than a large object graph.

  /** The reader's options (src/options.rs; undefined for the defaults) as a request sends them. */
  const options = (value) => (value ? JSON.stringify(value) : '');
  /** A batch of the page model while the page is collected: its next `{ elements, blocks }`. */
  const batch = (part) => ({ batch: JSON.stringify(part) });
  /**
   * The last message: the rest of the page model; asks for the analysis. With `visible`
   * (the indices of the blocks the reader sees), it asks the learned tier to refine it
   * too, those blocks first: `refined` messages follow the reply.
   */
  const last = (page, visible) => (visible
    ? { page: JSON.stringify(page), done: true, visible }
    : { page: JSON.stringify(page), done: true });
  /**
   * Page → background, once, as the port opens on a page whose reader has the learned
   * tier on: its requests will ask for the refinement, so the background can start
   * reading the model's files while the page loads (nothing the instant tier waits for).
   * Not a request: it has no `id`. See `prepares`.
   */
  const PREPARE = Object.freeze({ prepare: 'learned' });
  /** Whether a port message is `PREPARE`. */
  const prepares = (message) => !!message && message.prepare === PREPARE.prepare;
  /** The page gave the request up (its walk failed): the background frees what it holds. */
  const CANCEL = Object.freeze({ cancel: true });

  /**
   * A request's message as the background reads it: `{ id, options, batch, page, done,
   * cancel, visible }` (`batch` and `page` JSON text or null; `visible` block indices when
   * the learned tier is to refine the page, else null), or null if it is none.
   */
  function part(message) {
    if (!message || typeof message.id !== 'number') return null;
    return {
      id: message.id,
      options: typeof message.options === 'string' ? message.options : '',
      batch: typeof message.batch === 'string' ? message.batch : null,
      page: message.done ? String(message.page) : null,
      done: !!message.done,
      cancel: !!message.cancel,
      visible: message.done && Array.isArray(message.visible)
        ? message.visible.filter(Number.isInteger)
        : null,
    };
  }

  /**
   * The background's answer to request `id`: the analysis (JSON text of src/report.rs),
   * and `timings` only when the benchmark asked for them (background.js).
   */
  const reply = (id, analysis, timings) => (timings ? { id, analysis, timings } : { id, analysis });
  /** The background's answer to request `id` when it could not analyse the page. */
  const failure = (id, error) => ({ id, error: String((error && error.message) || error) });

  /**
   * The learned tier's refinement of request `id`'s page, after its reply: `refinement`
   * (JSON text of src/refine.rs `Refinement`), `stage` 'viewport' once the blocks the
   * reader sees are all refined, 'done' with the last, else null; `timings` as for `reply`.
   * Or, when the learned tier could not run, `failure` (why). See `refinementOf`.
   */
  const refined = (id, refinement, stage, timings) => ({ id, refinement, stage, ...(timings ? { timings } : {}) });
  const learnedFailure = (id, error) => ({ id, learnedError: String((error && error.message) || error) });

  /**
   * A background message about the learned tier as the page reads it: `{ refinement
   * (parsed), stage, timings }`, or `{ error }`; null when the message is no such thing.
   */
  function refinementOf(message) {
    if (!message || typeof message.id !== 'number') return null;
    if (typeof message.learnedError === 'string') return { error: message.learnedError };
    if (typeof message.refinement !== 'string') return null;
    return { refinement: JSON.parse(message.refinement), stage: message.stage || null, timings: message.timings || {} };
  }

  /**
   * What a reply brings the page: `{ analysis, timings }` (timings `{}` unless the
   * benchmark asked for them). Throws, saying why, when the background had no analysis.
   */
  function analysisOf(answer) {
    if (!answer || answer.error) {
      throw new Error(`the background could not analyse this page: ${answer ? answer.error : 'no reply'}`);
    }
    return { analysis: JSON.parse(answer.analysis), timings: answer.timings || {} };
  }

  // Findings. A finding's `span` is [first segment, start, last segment, end] in its
  // `block`: UTF-16 offsets in those segments' Text nodes (src/offsets.rs), the segments
  // between covered whole; a finding of no text has an empty span.

  /** The span of a finding within one segment, from `start` to `end`. */
  const within = (start, end) => [0, start, 0, end];

  /** The indices of the segments a finding covers, first to last. */
  function* segments({ span }) {
    if (!span.length) return;
    for (let segment = span[0]; segment <= span[2]; segment++) yield segment;
  }

  /** How many segments (Text nodes) a finding covers. */
  const segmentCount = ({ span }) => (span.length ? span[2] - span[0] + 1 : 0);

  /**
   * The pieces of a finding in its block's Text nodes `blockNodes`, as [node, start, end]:
   * none for an empty piece or a node missing or shorter than the span (text that changed
   * since it was collected).
   */
  function* pieces(finding, blockNodes) {
    const [first, start, last, end] = finding.span;
    for (const segment of segments(finding)) {
      const node = blockNodes[segment];
      if (!node) continue;
      const from = segment === first ? start : 0;
      const to = segment === last ? end : node.length;
      if (from < to && to <= node.length) yield [node, from, to];
    }
  }

  /** The Text node a finding starts in, or null. */
  const firstNode = ({ span }, blockNodes) => (span.length && blockNodes[span[0]]) || null;

  /**
   * What the reader is told on a page whose article is in a language newslens does not
   * read: the analysis's `language` (BCP 47, as src/pipeline.rs gives it; null when too
   * little text tells) is set and not English, and the core then marks nothing. Null on
   * any other page. The panel (dom/summary.js) and the popup (popup/status.js) say it.
   */
  const otherLanguage = (language) => (language && language !== 'en'
    ? 'newslens reads English articles; this page is in another language, so nothing is marked.'
    : null);

  return Object.freeze({
    PORT, MESSAGE, fromUs, options, batch, last, PREPARE, prepares, CANCEL, part, reply, failure, analysisOf,
    refined, learnedFailure, refinementOf,
    within, segments, segmentCount, pieces, firstNode, otherLanguage,
  });
})();

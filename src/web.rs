//! WebAssembly bindings (wasm32 only): one call per batch, page model in, analysis out.
//!
//! Thin on purpose: everything here converts between JSON text and the core's types.
//! The same functions serve the extension's background (for every content script) and
//! the demo page's worker.

use wasm_bindgen::prelude::*;

use crate::json::{self, FromJson};
use crate::page::model::Page;
use crate::refine::{Refiner, Scores, Thresholds, Units};
use crate::session::{Batch, Session};
use crate::Options;

/// Analyses a page model collected by the DOM layer (see `extension/dom/collect.js`)
/// with the reader's options (see `src/options.rs`; an empty string for the defaults).
///
/// Both go in, and the analysis comes out, as JSON text: a large page crosses the wasm
/// boundary and the extension's message channel as one string, which is several times
/// cheaper than converting it field by field. Offsets are UTF-16 code units within each
/// segment.
#[wasm_bindgen]
pub fn analyze(page: &str, options: &str) -> Result<String, JsError> {
    PageSession::new(options)?.finish(page)
}

/// A page analysed while the DOM layer is still collecting it (see `crate::session`):
/// its blocks come in batches, each run through the detectors as it arrives, and
/// [`PageSession::finish`] brings the rest of the page and returns what [`analyze`]
/// would have. The background keeps one per page being collected.
#[wasm_bindgen]
pub struct PageSession(Session);

#[wasm_bindgen]
impl PageSession {
    /// A session with the reader's options (JSON text; an empty string for the defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(options: &str) -> Result<PageSession, JsError> {
        let options: Options = if options.is_empty() {
            Options::default()
        } else {
            from_json(options, "the options")?
        };
        Ok(PageSession(Session::new(options)))
    }

    /// The page's next elements and blocks, as JSON text: `{ "elements": […], "blocks": […] }`.
    pub fn push(&mut self, batch: &str) -> Result<(), JsError> {
        self.0
            .push(from_json::<Batch>(batch, "a batch of the page model")?);
        Ok(())
    }

    /// The analysis, as JSON text: `page` is the page model (JSON text) without the
    /// elements and blocks already pushed; any it has come after them. Ends the session.
    pub fn finish(self, page: &str) -> Result<String, JsError> {
        let page: Page = from_json(page, "the page model")?;
        to_json(&self.0.finish(page), "the analysis")
    }

    /// [`PageSession::finish`] for a page the learned tier will refine: the analysis and
    /// the article's sentences, ready for the learned model's scores.
    #[wasm_bindgen(js_name = finishLearned)]
    pub fn finish_learned(self, page: &str) -> Result<LearnedPage, JsError> {
        let page: Page = from_json(page, "the page model")?;
        let (analysis, refiner) = self.0.finish_learned(page);
        Ok(LearnedPage {
            analysis: to_json(&analysis, "the analysis")?,
            refiner,
        })
    }
}

/// An analysed page whose article sentences the learned tier scores, a few at a time
/// (see `crate::refine`). The background keeps one per page being refined. Sentence ids,
/// and the lists of them, go in and out as JSON text.
#[wasm_bindgen]
pub struct LearnedPage {
    analysis: String,
    refiner: Refiner,
}

#[wasm_bindgen]
impl LearnedPage {
    /// The instant analysis, as JSON text (what `PageSession.finish` returns); read once.
    pub fn analysis(&mut self) -> String {
        std::mem::take(&mut self.analysis)
    }

    /// The order to score the sentences in, as JSON text `{ ids, first }`: every sentence
    /// id, the `first` of them those in the blocks `visible` (JSON text: block indices, the
    /// ones the reader sees).
    pub fn order(&self, visible: &str) -> Result<String, JsError> {
        let visible: Vec<u32> = from_json(visible, "the visible blocks")?;
        to_json(&self.refiner.order(&visible), "the order")
    }

    /// The learned model's inputs for sentences `ids` (JSON text), as JSON text
    /// `[{sentence, context}, …]`, what `LearnedModel.score` takes.
    pub fn inputs(&self, ids: &str) -> Result<String, JsError> {
        let ids: Vec<usize> = from_json(ids, "the sentence ids")?;
        let inputs: Vec<_> = ids
            .iter()
            .filter_map(|&id| self.refiner.input(id))
            .collect();
        to_json(&inputs, "the inputs")
    }

    /// Applies the model's `scores` (JSON text, as `LearnedModel.score` returns them, with
    /// UTF-16 offsets) of sentences `ids` at its `thresholds` (JSON text, as
    /// `LearnedModel.thresholds` returns them); returns the refinement (JSON text of
    /// `crate::refine::Refinement`).
    pub fn refine(&mut self, ids: &str, scores: &str, thresholds: &str) -> Result<String, JsError> {
        let ids: Vec<usize> = from_json(ids, "the sentence ids")?;
        let scores: Vec<Scores> = from_json(scores, "the learned scores")?;
        let thresholds: Thresholds = from_json(thresholds, "the learned thresholds")?;
        let refinement = self.refiner.refine(&ids, &scores, thresholds, Units::Utf16);
        to_json(&refinement, "the refinement")
    }
}

/// `value` as JSON text, or an error saying what (`what`) could not be returned.
fn to_json<T: serde::Serialize>(value: &T, what: &str) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| unwritable(what, e))
}

/// The error for an output that could not be written: one copy, not one per type.
#[cold]
#[inline(never)]
fn unwritable(what: &str, error: serde_json::Error) -> JsError {
    JsError::new(&format!("newslens: could not return {what}: {error}"))
}

/// `json` read as a `T`, or an error saying which input (`what`) was malformed.
fn from_json<T: FromJson>(json: &str, what: &str) -> Result<T, JsError> {
    json::from_str(json).map_err(|e| malformed(what, e))
}

/// The error for a malformed input: one copy, not one per type read.
#[cold]
#[inline(never)]
fn malformed(what: &str, error: json::Error) -> JsError {
    JsError::new(&format!("newslens: {what}: malformed JSON: {error}"))
}

/// The model of a small made-up opinion page (`newslens model` output): navigation, a
/// headline, a byline, quotes, links, named, anonymous and vague sources, every kind of
/// opinion marker, a list, an author bio with a disclosure, JSON-LD and comments.
const WARM_UP_PAGE: &str = include_str!("web/warm_up_page.json");

/// Runs one analysis of [`WARM_UP_PAGE`] through the same path a real page takes, so the
/// first real page pays neither for building word lists, automata and the model nor for
/// the engine's first compilation of the functions it calls. The background calls this
/// while a page is still loading.
#[wasm_bindgen]
pub fn warm() -> Result<(), JsError> {
    analyze(WARM_UP_PAGE, "").map(drop)
}

/// The crate version, so the DOM layer can log which core it talks to.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

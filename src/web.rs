//! WebAssembly bindings (wasm32 only): one call per batch, page model in, analysis out.
//!
//! Thin on purpose: everything here converts between JSON text and the core's types.
//! The same functions serve the extension's background (for every content script) and
//! the demo page's worker.

use wasm_bindgen::prelude::*;

use crate::model::Page;
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
    let page: Page = serde_json::from_str(page)
        .map_err(|e| JsError::new(&format!("newslens: the page model is malformed: {e}")))?;
    let options: Options = if options.is_empty() {
        Options::default()
    } else {
        serde_json::from_str(options)
            .map_err(|e| JsError::new(&format!("newslens: the options are malformed: {e}")))?
    };
    serde_json::to_string(&crate::analyze_with(&page, &options))
        .map_err(|e| JsError::new(&format!("newslens: could not return the analysis: {e}")))
}

/// Builds everything the first analysis would (word lists, automata, the opinion model)
/// by analysing a short text, so the real first page does not pay for it. The background
/// calls this while a page is still loading.
#[wasm_bindgen]
pub fn warm() {
    let page = Page::from_text("Critics say the reckless plan will probably fail, obviously.");
    crate::analyze(&page);
}

/// The crate version, so the DOM layer can log which core it talks to.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

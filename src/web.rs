//! WebAssembly bindings (wasm32 only): one call per batch, page model in, analysis out.
//!
//! Thin on purpose: everything here converts between JS values and the core's types.
//! The same functions serve the content script, the background fallback and the demo.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::model::Page;
use crate::Options;

/// Analyses a page model collected by the DOM layer (see `extension/dom/collect.js`)
/// with the reader's options (`undefined` for the defaults; see `src/options.rs`).
///
/// Returns plain JSON-compatible objects, so the result can also be sent through
/// `runtime.sendMessage` unchanged. Offsets are UTF-16 code units within each segment.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_page(page: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let page: Page = serde_wasm_bindgen::from_value(page)
        .map_err(|e| JsError::new(&format!("newslens: the page model is malformed: {e}")))?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("newslens: the options are malformed: {e}")))?
    };
    let analysis = crate::analyze_with(&page, &options);
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("newslens: could not return the analysis: {e}")))
}

/// The crate version, so the DOM layer can log which core it talks to.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

//! newslens: marks opinion, claim sourcing and author disclosures in news articles.
//!
//! The core is plain Rust over a small document model ([`model::Page`]): no browser APIs,
//! so it runs and is tested natively, drives the `newslens` command-line tool, and is
//! compiled to WebAssembly for the browser extension (bindings in `web`, wasm32 only).
//!
//! ```
//! use newslens::{analyze, model::Page, Category};
//!
//! let page = Page::from_text("Critics say the plan will obviously fail.");
//! let analysis = analyze(&page);
//! assert!(analysis.findings.iter().any(|f| f.category == Category::Opinion && f.cue == "obviously"));
//! ```

#![forbid(unsafe_code)]

// The tiers, each depending only on those above it (`cargo xtask test` checks that no
// modules import one another in a cycle): text primitives; the catalogue of kinds and
// the findings; the detectors; the opinion and claim models that score what they found; page
// understanding; the pipeline that runs them in stages; and the front ends (the session,
// the sentence reports, the bindings in `web`). This file only declares and re-exports.
mod text;
pub use text::offsets;
pub mod language;

pub mod catalogue;
mod finding;

pub mod claim;
mod detect;
pub mod opinion;

pub mod page;
pub use page::{article_type, byline, disclosure, jsonld, model};
#[cfg(not(target_arch = "wasm32"))]
pub use page::{document, html};

pub mod eval;
pub mod json;
pub mod options;
mod pipeline;
pub mod refine;
pub mod report;
pub mod session;
mod sort;
#[cfg(target_arch = "wasm32")]
mod web;

pub use catalogue::{Category, Subtype};
pub use finding::Finding;
pub use options::Options;
pub use pipeline::{analyze, analyze_learned, analyze_with, Analysis};

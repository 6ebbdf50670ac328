//! `newslens page`: the whole-page analysis as one JSON object.

use std::path::Path;

use newslens::document::{document, Format};
use newslens::model::Page;
use newslens::report::page_sentences;
use serde_json::{json, Value};

/// Reads an article (or `-`), gunzipping `.gz` input, and builds its document model.
pub fn load(path: &Path, format: Format, url: &str) -> Result<Page, String> {
    let bytes = crate::read_bytes(path)?;
    document(&bytes, format, url).map_err(|e| format!("{}: {e}", path.display()))
}

/// The analysis of a page: title, byline, type, body, disclosures and every sentence.
pub fn report(page: &Page) -> Value {
    let analysis = newslens::analyze(page);
    let body_text = analysis.body_text(page);
    json!({
        "title": analysis.title,
        "language": analysis.language,
        "byline": analysis.byline,
        "article_type": analysis.article_type,
        "article_found": !body_text.is_empty(),
        "body_text": body_text,
        "disclosures": analysis.disclosures,
        "transparency": analysis.transparency,
        "sentences": page_sentences(page, &analysis),
    })
}

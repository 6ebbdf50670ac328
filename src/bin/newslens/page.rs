//! `newslens page`: the whole-page analysis as one JSON object.

use std::io::Read;
use std::path::Path;

use newslens::html::page_from_html;
use newslens::model::Page;
use newslens::report::page_sentences;
use serde_json::{json, Value};

/// Reads an HTML file (or `-`), gunzipping `.gz` input, and parses it.
pub fn load(path: &Path, url: &str) -> Result<Page, String> {
    let bytes = crate::read_bytes(path)?;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("{} is not valid gzip: {e}", path.display()))?;
        out
    } else {
        bytes
    };
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) {
        return Err(format!(
            "{} looks like a binary file, not HTML",
            path.display()
        ));
    }
    // Pages that are not UTF-8 (old Latin-1 sites) still parse: bad bytes become U+FFFD.
    let html = String::from_utf8_lossy(&bytes);
    Ok(page_from_html(&html, url))
}

/// The analysis of a page: title, byline, type, body, disclosures and every sentence.
pub fn report(page: &Page) -> Value {
    let analysis = newslens::analyze(page);
    let body_text = analysis.body_text(page);
    json!({
        "title": analysis.title,
        "byline": analysis.byline,
        "article_type": analysis.article_type,
        "article_found": !body_text.is_empty(),
        "body_text": body_text,
        "disclosures": analysis.disclosures,
        "transparency": analysis.transparency,
        "sentences": page_sentences(page, &analysis),
    })
}

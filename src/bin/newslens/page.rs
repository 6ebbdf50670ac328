//! `newslens page`: the whole-page analysis as one JSON object.

use std::io::Read;
use std::path::Path;

use newslens::html::page_from_html;
use newslens::model::Page;
use newslens::report::page_sentences;
use serde_json::{json, Value};

/// What an input file holds.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// HTML if it looks like markup, text otherwise.
    Auto,
    /// Plain text, one paragraph per line.
    Text,
    Html,
}

/// Reads an article (or `-`), gunzipping `.gz` input, and builds its document model.
pub fn load(path: &Path, format: Format, url: &str) -> Result<Page, String> {
    let bytes = crate::read_bytes(path)?;
    document(&bytes, format, url).map_err(|e| format!("{}: {e}", path.display()))
}

/// Builds the document model of a document's bytes.
pub fn document(bytes: &[u8], format: Format, url: &str) -> Result<Page, String> {
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| format!("not valid gzip: {e}"))?;
        out
    } else {
        bytes.to_vec()
    };
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) {
        return Err("looks like a binary file, not HTML or text".to_string());
    }
    let html = match format {
        Format::Html => true,
        Format::Text => false,
        Format::Auto => looks_like_html(head),
    };
    if html {
        // Pages that are not UTF-8 (old Latin-1 sites) still parse: bad bytes become U+FFFD.
        Ok(page_from_html(&String::from_utf8_lossy(&bytes), url))
    } else {
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })?;
        Ok(Page {
            url: url.to_string(),
            ..Page::from_text(&text)
        })
    }
}

/// Markup starts with a tag (after whitespace or a byte-order mark).
fn looks_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    start.starts_with('<') || text.to_ascii_lowercase().contains("<html")
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

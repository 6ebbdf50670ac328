//! Bytes from a file or a request to a document model: gzip, binary and encoding checks,
//! then HTML or plain text. The CLI uses it, and the fuzzers drive it with arbitrary bytes.

use std::borrow::Cow;
use std::io::Read;

use crate::page::html::page_from_html;
use crate::page::model::Page;

/// What an input file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// HTML if it looks like markup, text otherwise.
    Auto,
    /// Plain text, one paragraph per line.
    Text,
    Html,
}

/// The most a gzip input may expand to: what the memory budget admits at best, well
/// below what a crafted "zip bomb" would make us allocate.
const MAX_UNZIPPED: u64 = MEMORY_BUDGET / BYTE_COST;

/// The memory one document's analysis may take: a 10 MB page needs about half of it.
pub const MEMORY_BUDGET: u64 = 1 << 30;

/// Peak memory per input byte of text, in HTML or plain, measured with `/usr/bin/time -v`
/// on the release CLI (`analyze --json`, the costliest command): 44 for text dense with
/// markers ("Obviously, clearly, surely, …"), 19 for news text.
const BYTE_COST: u64 = 48;
/// Peak memory per tag (`<`) of HTML, on top: a page of tiny elements (`<i>a</i>`) took
/// 213 MB from 4 MB, each element a parsed node, an element of the model and a segment.
const TAG_COST: u64 = 256;
/// Peak memory per line of plain text, on top: each is a block with its sentences (10 MB
/// of "It is." lines took 890 MB).
const LINE_COST: u64 = 768;

/// Builds the document model of a document's bytes.
pub fn document(bytes: &[u8], format: Format, url: &str) -> Result<Page, String> {
    // Plain input is read in place; only gzip input needs a buffer of its own.
    let bytes: Cow<[u8]> = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .take(MAX_UNZIPPED + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("not valid gzip: {e}"))?;
        if out.len() as u64 > MAX_UNZIPPED {
            return Err(format!(
                "unzips to more than {} MB; no article is that long",
                MAX_UNZIPPED >> 20
            ));
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(bytes)
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
    within_memory_budget(&bytes, html)?;
    if html {
        // Pages that are not UTF-8 (old Latin-1 sites) still parse: bad bytes become U+FFFD.
        Ok(page_from_html(&String::from_utf8_lossy(&bytes), url))
    } else {
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            )
        })?;
        Ok(Page {
            url: url.to_string(),
            ..Page::from_text(text)
        })
    }
}

/// Refuses a document whose analysis would take more than [`MEMORY_BUDGET`]: memory
/// grows with the input, and a crafted page of tiny elements took 3.2 GB from 48 MB
/// (unzipped from 96 KB).
fn within_memory_budget(bytes: &[u8], html: bool) -> Result<(), String> {
    let len = bytes.len() as u64;
    let count = |byte: u8| bytes.iter().filter(|&&b| b == byte).count() as u64;
    let need = len * BYTE_COST
        + if html {
            count(b'<') * TAG_COST
        } else {
            count(b'\n') * LINE_COST
        };
    if need <= MEMORY_BUDGET {
        return Ok(());
    }
    let mb = |n: u64| n.div_ceil(1 << 20);
    Err(format!(
        "too large to analyse: {} MB{} would take about {} MB of memory, over the {} MB \
         budget",
        mb(len),
        if html { " of HTML" } else { " of text" },
        mb(need),
        mb(MEMORY_BUDGET)
    ))
}

/// Markup starts with a tag (after whitespace or a byte-order mark).
fn looks_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    start.starts_with('<') || text.to_ascii_lowercase().contains("<html")
}

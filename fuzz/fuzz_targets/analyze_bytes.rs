//! Arbitrary bytes through the CLI's input path (gzip, binary and encoding checks, HTML
//! or text detection) and, when they make a document, through the analysis.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::document::{document, Format};

fuzz_target!(|bytes: &[u8]| {
    newslens_fuzz::within_budget(bytes.len(), || {
        if let Ok(page) = document(bytes, Format::Auto, "https://example.com/opinion/a") {
            newslens_fuzz::analyze_and_check(&page);
        }
    });
});

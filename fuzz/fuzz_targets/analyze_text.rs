//! Arbitrary UTF-8, one paragraph per line, through the whole analysis.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::model::Page;

fuzz_target!(|text: &str| {
    newslens_fuzz::within_budget(text.len(), || {
        newslens_fuzz::analyze_and_check(&Page::from_text(text));
    });
});

//! Arbitrary bytes as the JSON Lines input of `sentences` and `batch`: every line is
//! read on its own (a bad one is an error for that line alone), and each record is
//! answered, in time proportional to the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::document::{document, Format};

// The reading of JSON Lines lives in the binary; the fuzzer compiles the same file.
#[path = "../../src/bin/newslens/jsonl.rs"]
mod jsonl;

fuzz_target!(|input: &[u8]| {
    newslens_fuzz::within_budget(input.len(), || {
        let mut answered = 0;
        for (number, line) in jsonl::lines(input) {
            assert!(!line.contains(&b'\n'), "line {number} holds a line break");
            let Ok(record) = jsonl::record(line, number) else {
                continue;
            };
            let fields = &record.fields;
            let id = fields.get("id").cloned().unwrap_or_default();
            assert_eq!(
                record.id, id,
                "line {number}: the output's id is not the input's"
            );
            if let Some(text) = fields["text"].as_str() {
                newslens::report::sentence_report(text);
            }
            let body = match (fields["html"].as_str(), fields["text"].as_str()) {
                (Some(html), _) => Some((html, Format::Html)),
                (None, Some(text)) => Some((text, Format::Text)),
                (None, None) => None,
            };
            if let Some((body, format)) = body {
                if let Ok(page) = document(body.as_bytes(), format, "") {
                    newslens_fuzz::analyze_and_check(&page);
                }
            }
            answered += 1;
        }
        assert!(answered <= input.iter().filter(|&&b| b == b'\n').count() + 1);
    });
});

//! `newslens sentences`: one JSON line out per JSON line in.

use newslens::report::sentence_report;
use serde_json::{json, Value};

use crate::jsonl::{self, Record};

/// Processes every line; returns false if any line was invalid (reported on stderr by
/// number; the other lines are answered all the same).
pub fn run(input: &[u8]) -> bool {
    let mut ok = true;
    for (number, line) in jsonl::lines(input) {
        match jsonl::record(line, number).and_then(row) {
            Ok(out) => crate::emit(&out.to_string()),
            Err(e) => {
                eprintln!("newslens: line {number}: {e}");
                ok = false;
            }
        }
    }
    ok
}

fn row(record: Record) -> Result<Value, String> {
    let text = record.fields["text"]
        .as_str()
        .ok_or("no string field `text`")?;
    let report = sentence_report(text);
    Ok(json!({
        "id": record.id,
        "opinion": (f64::from(report.opinion) * 10_000.0).round() / 10_000.0,
        "opinion_label": report.opinion_label,
        "claim": (f64::from(report.claim) * 10_000.0).round() / 10_000.0,
        "claim_label": report.claim_label,
        "claim_reasons": report.claim_reasons,
        "sourcing": report.sourcing,
        "markers": report.markers,
    }))
}

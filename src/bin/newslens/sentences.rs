//! `newslens sentences`: one JSON line out per JSON line in.

use newslens::report::sentence_report;
use serde_json::{json, Value};

/// Processes every line; returns false if any line was invalid (reported on stderr).
pub fn run(input: &str) -> bool {
    let mut ok = true;
    for (number, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match row(line) {
            Ok(out) => crate::emit(&out.to_string()),
            Err(e) => {
                eprintln!("newslens: line {}: {e}", number + 1);
                ok = false;
            }
        }
    }
    ok
}

fn row(line: &str) -> Result<Value, String> {
    let input: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let text = input["text"].as_str().ok_or("no string field `text`")?;
    let report = sentence_report(text);
    Ok(json!({
        "id": input.get("id").cloned().unwrap_or(Value::Null),
        "opinion": (f64::from(report.opinion) * 10_000.0).round() / 10_000.0,
        "opinion_label": report.opinion_label,
        "claim": (f64::from(report.claim) * 10_000.0).round() / 10_000.0,
        "claim_label": report.claim_label,
        "sourcing": report.sourcing,
        "markers": report.markers,
    }))
}

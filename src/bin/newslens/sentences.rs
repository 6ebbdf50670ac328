//! `newslens sentences`: one JSON line out per JSON line in.

use newslens::report::sentence_report;
use serde_json::{json, Value};

/// Processes every line; returns false if any line was invalid (reported on stderr by
/// number; the other lines are answered all the same).
pub fn run(input: &[u8]) -> bool {
    let mut ok = true;
    let input = input.strip_suffix(b"\n").unwrap_or(input);
    for (number, line) in input.split(|&b| b == b'\n').enumerate() {
        if line.trim_ascii().is_empty() {
            continue;
        }
        match crate::jsonl_line(line).and_then(|line| row(line, number + 1)) {
            Ok(out) => crate::emit(&out.to_string()),
            Err(e) => {
                eprintln!("newslens: line {}: {e}", number + 1);
                ok = false;
            }
        }
    }
    ok
}

fn row(line: &str, number: usize) -> Result<Value, String> {
    let input: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let text = input["text"].as_str().ok_or("no string field `text`")?;
    let report = sentence_report(text);
    Ok(json!({
        "id": crate::record_id(&input, number),
        "opinion": (f64::from(report.opinion) * 10_000.0).round() / 10_000.0,
        "opinion_label": report.opinion_label,
        "sourcing": report.sourcing,
        "markers": report.markers,
    }))
}

//! `newslens sentences`: one JSON line out per JSON line in.

use newslens::report::sentence_report;
use serde_json::{json, Value};

use crate::jsonl::{self, Record};
use crate::learned::{Learned, BATCH};

/// Processes every line; returns false if any line was invalid (reported on stderr by
/// number; the other lines are answered all the same). With `learned`, each line also
/// says what the learned tier makes of its sentence (the lines scored a batch at a time).
pub fn run(input: &[u8], learned: Option<&Learned>) -> bool {
    let mut ok = true;
    let lines: Vec<_> = jsonl::lines(input).collect();
    for chunk in lines.chunks(BATCH) {
        let rows: Vec<Result<(Value, String), String>> = chunk
            .iter()
            .map(|&(number, line)| jsonl::record(line, number).and_then(row))
            .collect();
        let texts: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.as_ref().ok().map(|(_, text)| text.as_str()))
            .collect();
        let verdicts = match learned.map(|l| l.sentences(&texts)).transpose() {
            Ok(verdicts) => verdicts,
            Err(e) => {
                eprintln!("newslens: {e}");
                return false;
            }
        };
        let mut verdicts = verdicts.into_iter().flatten();
        for (&(number, _), row) in chunk.iter().zip(rows) {
            match row {
                Ok((mut out, _)) => {
                    if let Some(verdict) = learned.and(verdicts.next()) {
                        out["learned"] =
                            serde_json::to_value(verdict).expect("the learned verdicts serialise");
                    }
                    crate::emit(&out.to_string());
                }
                Err(e) => {
                    eprintln!("newslens: line {number}: {e}");
                    ok = false;
                }
            }
        }
    }
    ok
}

/// A line's answer from the instant tier, and its text.
fn row(record: Record) -> Result<(Value, String), String> {
    let text = record.fields["text"]
        .as_str()
        .ok_or("no string field `text`")?;
    let report = sentence_report(text);
    let out = json!({
        "id": record.id,
        "opinion": (f64::from(report.opinion) * 10_000.0).round() / 10_000.0,
        "opinion_label": report.opinion_label,
        "claim": (f64::from(report.claim) * 10_000.0).round() / 10_000.0,
        "claim_label": report.claim_label,
        "claim_reasons": report.claim_reasons,
        "sourcing": report.sourcing,
        "markers": report.markers,
    });
    Ok((out, text.to_string()))
}

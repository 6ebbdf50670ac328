//! JSON Lines input, shared by `sentences` and `batch`: each line is read on its own, so a
//! bad line is reported by its number and every other line is still answered.
//!
//! Nothing here names the binary's other modules: the fuzzers compile this file as is.

use serde_json::Value;

/// One input line's JSON, and the `id` its output line carries.
pub struct Record {
    pub fields: Value,
    pub id: Value,
}

/// The non-blank lines of a whole input, numbered from 1, without their line endings.
pub fn lines(input: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let input = input.strip_suffix(b"\n").unwrap_or(input);
    input
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.trim_ascii().is_empty())
}

/// The record on line `number`. A line that is not UTF-8 or not JSON is an error for that
/// line alone. A record without an `id` is answered all the same, with `"id": null` and a
/// warning: its output line could not be told from another's.
pub fn record(line: &[u8], number: usize) -> Result<Record, String> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("not UTF-8 (invalid byte at offset {})", e.valid_up_to()))?;
    let fields: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let id = fields.get("id").cloned().unwrap_or_else(|| {
        eprintln!("newslens: line {number}: warning: no `id` (answered with \"id\": null)");
        Value::Null
    });
    Ok(Record { fields, id })
}

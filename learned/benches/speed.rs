//! The learned tier natively: cold start (`Model::load`) and sentences per second on one
//! core over the seed column's sentences, each read with the one before it (the goal is
//! at least 100 a second). Prints figures; with NEWSLENS_BENCH_SUMMARY set (by `cargo
//! xtask bench`) appends them to the summary table.
//!
//! Two rates: per second of the best pass's wall time, and per second of CPU time the
//! process spent over all passes (Linux). On a machine shared with other work the wall
//! time counts the waits for a core; the CPU time does not, so it is the figure to
//! compare between runs, and the goal's (one core, fully ours).
//!
//! `cargo bench -p newslens-learned --bench speed`. The seed column is read from
//! `../shared/golden/` beside the repository; without it the sentences of
//! `models/learned/parity.json` (shorter than news sentences) stand in, and the row says so.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newslens_learned::{Input, Model};

/// The goal of issue 20 for the native CLI.
const GOAL_PER_SECOND: f64 = 100.0;
/// Timed passes over the sentences; the best one is reported (the machine is shared).
const PASSES: usize = 5;

fn main() {
    // candle's matmul runs on as many threads as this says; the goal is per core.
    std::env::set_var("RAYON_NUM_THREADS", "1");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let read = |name: &str| {
        let path = root.join("models/learned").join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    };
    let (config, weights, tokenizer) = (
        read("config.json"),
        read("model.safetensors"),
        read("tokenizer.json"),
    );
    let start = Instant::now();
    let model = Model::load(&config, &weights, &tokenizer).expect("the committed model loads");
    let load = start.elapsed();

    let (sentences, source) = sentences(&root);
    let inputs: Vec<Input> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| Input {
            sentence: s,
            context: if i > 0 { &sentences[i - 1] } else { "" },
        })
        .collect();
    let cpu_before = cpu_seconds();
    let best = (0..PASSES)
        .map(|_| {
            let start = Instant::now();
            model.score(&inputs).expect("scores");
            start.elapsed()
        })
        .min()
        .expect("at least one pass");
    let wall_rate = inputs.len() as f64 / best.as_secs_f64();
    let cpu_rate = cpu_before
        .zip(cpu_seconds())
        .map(|(before, after)| (PASSES * inputs.len()) as f64 / (after - before));
    println!(
        "learned tier, native, one core: load {:.0} ms; {} sentences of {source} in {:.1} ms (best pass): {wall_rate:.0} sentences/s; per CPU second: {} (goal ≥ {GOAL_PER_SECOND})",
        load.as_secs_f64() * 1e3,
        inputs.len(),
        best.as_secs_f64() * 1e3,
        cpu_rate.map_or("unknown (no /proc/self/stat)".into(), |r| format!("{r:.0}")),
    );
    let per_second = cpu_rate.unwrap_or(wall_rate);
    summary_row(
        "learned: native cold start (Model::load)",
        &format!("{:.0} ms", load.as_secs_f64() * 1e3),
        "—",
        None,
    );
    summary_row(
        &format!("learned: native sentences per CPU second, one core ({source})"),
        &format!("{per_second:.0}"),
        &format!("≥ {GOAL_PER_SECOND}"),
        Some(per_second >= GOAL_PER_SECOND),
    );
}

/// The CPU time (user + system, every thread) this process has used, from
/// `/proc/self/stat` (in clock ticks of 10 ms: the passes take seconds); None off Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces):
    // utime and stime are the 12th and 13th of them.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    const TICKS_PER_SECOND: f64 = 100.0; // USER_HZ, 100 on every Linux ABI
    Some(ticks / TICKS_PER_SECOND)
}

/// The seed column's sentences, or the parity sentences without `../shared`.
fn sentences(root: &Path) -> (Vec<String>, &'static str) {
    let seed = root.join("../shared/golden/seed-article.txt");
    if let Ok(text) = std::fs::read_to_string(&seed) {
        return (split(&text), "the seed column");
    }
    eprintln!("no {}: timing the parity sentences", seed.display());
    let parity: Vec<serde_json::Value> = serde_json::from_slice(
        &std::fs::read(root.join("models/learned/parity.json")).expect("parity.json"),
    )
    .expect("parity.json parses");
    let sentences = parity
        .iter()
        .filter_map(|p| p["sentence"].as_str().map(str::to_string))
        .collect();
    (sentences, "parity.json")
}

/// Lines cut after `.`, `?` or `!` followed by a space: rough, but the timing only needs
/// sentences of news length, not the analyser's segmentation.
fn split(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        for (i, c) in line.char_indices() {
            if matches!(c, '.' | '?' | '!') && line[i + 1..].starts_with(' ') {
                out.push(line[start..=i].trim().to_string());
                start = i + 1;
            }
        }
        if !line[start..].trim().is_empty() {
            out.push(line[start..].trim().to_string());
        }
    }
    out
}

/// A row of the summary table `cargo xtask bench` prints (tests/bench/summary.mjs).
fn summary_row(measure: &str, figure: &str, goal: &str, met: Option<bool>) {
    let Ok(file) = std::env::var("NEWSLENS_BENCH_SUMMARY") else {
        return;
    };
    let verdict = match met {
        Some(true) => "met",
        Some(false) => "not met",
        None => "",
    };
    let row = format!("{measure}\t{figure}\t{goal}\t{verdict}\n");
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&file)
        .and_then(|mut f| std::io::Write::write_all(&mut f, row.as_bytes()));
    if let Err(e) = appended {
        eprintln!("cannot write the summary row to {file}: {e}");
    }
}

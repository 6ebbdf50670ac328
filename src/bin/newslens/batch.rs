//! `newslens batch`: JSON Lines in, one result line out per document, in input order.
//!
//! A reader thread feeds a bounded queue, one worker per core analyses, and the writer
//! puts results back in order. The queue bound keeps memory constant in the number of
//! documents: at most a few documents per worker are in flight.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::jsonl::{self, Record};
use crate::page;
use newslens::document::{document, Format};

/// Documents queued per worker.
const QUEUE_PER_WORKER: usize = 4;

/// A document to analyse: its order among the documents, its line number, the line
/// (bytes: a line that is not UTF-8 is reported in its place, and the others answered).
type Job = (usize, usize, Vec<u8>);
/// Its result: order, line number, report (a JSON line) or error.
type Done = (usize, usize, Result<String, String>);

/// Analyses every line; returns false if any line failed (reported on stderr).
pub fn run(path: &Path) -> Result<bool, String> {
    let input: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        )
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (lines_tx, lines_rx) = mpsc::sync_channel::<Job>(workers * QUEUE_PER_WORKER);
    let (results_tx, results_rx) = mpsc::sync_channel::<Done>(workers * QUEUE_PER_WORKER);
    let lines_rx = Arc::new(Mutex::new(lines_rx));

    let reader = std::thread::spawn(move || read_lines(input, lines_tx));
    let pool: Vec<_> = (0..workers)
        .map(|_| {
            let (rx, tx) = (Arc::clone(&lines_rx), results_tx.clone());
            std::thread::spawn(move || work(rx, tx))
        })
        .collect();
    drop(results_tx);
    let ok = write_in_order(results_rx);
    let read = reader
        .join()
        .map_err(|_| "the reader thread failed".to_string())?;
    for worker in pool {
        worker
            .join()
            .map_err(|_| "a worker thread failed".to_string())?;
    }
    read.map(|()| ok)
}

fn read_lines(input: Box<dyn Read + Send>, tx: SyncSender<Job>) -> Result<(), String> {
    let lines = BufReader::new(input).split(b'\n').enumerate();
    let mut order = 0;
    for (number, line) in lines {
        let line = line.map_err(|e| format!("line {}: cannot read: {e}", number + 1))?;
        if line.trim_ascii().is_empty() {
            continue;
        }
        if tx.send((order, number, line)).is_err() {
            break;
        }
        order += 1;
    }
    Ok(())
}

fn work(rx: Arc<Mutex<Receiver<Job>>>, tx: SyncSender<Done>) {
    loop {
        let next = rx.lock().expect("queue lock").recv();
        let Ok((order, number, line)) = next else {
            return;
        };
        let result = jsonl::record(&line, number + 1).and_then(analyse);
        if tx.send((order, number, result)).is_err() {
            return;
        }
    }
}

/// One document: `{"id", "text" | "html", "url"?}` → the `page` report with its `id`.
fn analyse(record: Record) -> Result<String, String> {
    let input = &record.fields;
    let url = input["url"].as_str().unwrap_or("");
    let (body, format) = match (input["html"].as_str(), input["text"].as_str()) {
        (Some(html), _) => (html, Format::Html),
        (None, Some(text)) => (text, Format::Text),
        (None, None) => return Err("no string field `text` or `html`".into()),
    };
    let page = document(body.as_bytes(), format, url)?;
    let mut report = page::report(&page, &newslens::analyze(&page));
    report.fields.insert("id".into(), record.id);
    serde_json::to_string(&report).map_err(|e| format!("cannot write the report: {e}"))
}

/// Writes results in input order; shows progress on a terminal.
fn write_in_order(rx: Receiver<Done>) -> bool {
    let progress = std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut pending = BTreeMap::new();
    let (mut next, mut ok) = (0usize, true);
    for (order, number, result) in rx {
        pending.insert(order, (number, result));
        while let Some((number, result)) = pending.remove(&next) {
            next += 1;
            match result {
                Ok(report) => crate::emit(&report),
                Err(e) => {
                    eprintln!("newslens: line {}: {e}", number + 1);
                    ok = false;
                }
            }
            if progress && next % 16 == 0 {
                let rate = next as f64 / started.elapsed().as_secs_f64().max(1e-3);
                eprint!("\r{next} documents, {rate:.0}/s ");
            }
        }
    }
    if progress {
        eprintln!(
            "\r{next} documents in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    ok
}

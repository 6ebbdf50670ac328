//! `newslens`: the command-line front end of the newslens core.
//!
//! Exit codes: 0 success; 1 an input could not be read or a line was invalid (the rest
//! is still processed); 2 bad usage.

mod eval;
mod sentences;

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use newslens::model::Page;

#[derive(Parser)]
#[command(
    name = "newslens",
    version,
    about = "Marks opinion, claim sourcing and author disclosures in news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a plain-text article (one paragraph per line) and print the analysis as JSON.
    Analyze {
        /// The file to read, or `-` for standard input.
        file: PathBuf,
    },
    /// Read JSON Lines with `id` and `text`; write one JSON line per input with `id`,
    /// `opinion`, `opinion_label`, `sourcing` and `markers` (offsets in code points).
    Sentences {
        /// The JSON Lines file, or `-` for standard input.
        file: PathBuf,
    },
    /// Print quality figures on the labelled datasets.
    Eval {
        /// The folder holding the datasets.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// The seed column's expectations.
        #[arg(long, default_value = "../shared/golden")]
        golden: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze { file } => read_input(&file).map(|text| {
            let analysis = newslens::analyze(&Page::from_text(&text));
            println!(
                "{}",
                serde_json::to_string_pretty(&analysis).expect("analysis serialises")
            );
            true
        }),
        Command::Sentences { file } => read_input(&file).map(|text| sentences::run(&text)),
        Command::Eval { data, golden } => eval::run(&data, &golden).map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("newslens: {message}");
            ExitCode::from(1)
        }
    }
}

/// Reads a file (or standard input for `-`) as UTF-8, with an error that names it.
pub fn read_input(path: &PathBuf) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

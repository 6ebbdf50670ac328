//! `newslens`: the command-line front end of the newslens core.
//!
//! Exit codes: 0 success; 1 an input could not be read or a line was invalid (the rest
//! is still processed); 2 bad usage.

mod eval;
mod page;
mod sentences;

use std::io::Read;
use std::path::{Path, PathBuf};
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
    /// Analyse an HTML page (`.html` or `.html.gz`) and print title, byline, article type,
    /// body text, disclosures and every sentence as one JSON object.
    Page {
        /// The HTML file, or `-` for standard input.
        file: PathBuf,
        /// The page's address (for hints such as `/opinion/` in the path).
        #[arg(long, default_value = "")]
        url: String,
    },
    /// Print the document model newslens builds from an HTML page (what the extension's
    /// DOM layer sends to the core), as JSON.
    Model {
        file: PathBuf,
        #[arg(long, default_value = "")]
        url: String,
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
        Command::Page { file, url } => page::load(&file, &url).map(|p| {
            println!(
                "{}",
                serde_json::to_string_pretty(&page::report(&p)).expect("report serialises")
            );
            true
        }),
        Command::Model { file, url } => page::load(&file, &url).map(|p| {
            emit(&serde_json::to_string(&p).expect("model serialises"));
            true
        }),
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

/// Prints one line of output. A closed pipe (`newslens … | head`) ends the program
/// quietly instead of panicking.
pub fn emit(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("newslens: cannot write output: {e}");
        std::process::exit(1);
    }
}

/// Reads a file's bytes (or standard input for `-`), with an error that names it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    }
}

/// Reads a file (or standard input for `-`) as UTF-8 text.
pub fn read_input(path: &Path) -> Result<String, String> {
    String::from_utf8(read_bytes(path)?).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

//! `newslens`: the command-line front end of the newslens core.
//!
//! Exit codes: 0 success; 1 an input could not be read, was not UTF-8 or not HTML, or a
//! JSON line was invalid (the other lines are still processed); 2 bad usage.

mod batch;
mod eval;
mod jsonl;
mod learned;
mod page;
mod sentences;
mod view;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use newslens::document::Format;

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
    /// Analyse an article (text with one paragraph per line, or HTML): a reading view on a
    /// terminal (or with an explicit --color), JSON otherwise (or with --json).
    Analyze {
        /// The file to read (`.gz` accepted), or `-` for standard input.
        file: PathBuf,
        #[command(flatten)]
        input: InputArgs,
        /// Print JSON (the `page` output) even on a terminal.
        #[arg(long)]
        json: bool,
        /// Colour the reading view: auto (on a terminal), always or never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        #[command(flatten)]
        tier: TierArgs,
    },
    /// Write a self-contained annotated copy of an article: its text with every finding
    /// marked and explained on hover, the article type and the disclosures.
    Annotate {
        file: PathBuf,
        /// Where to write the annotated HTML.
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        tier: TierArgs,
    },
    /// Analyse many documents: JSON Lines in (`id`, and `text` or `html`, optional `url`),
    /// one JSON line out per document, in input order, using every core.
    Batch {
        /// The JSON Lines file, or `-` for standard input.
        #[arg(default_value = "-")]
        file: PathBuf,
    },
    /// Read JSON Lines with `id` and `text`; write one JSON line per input with `id`,
    /// `opinion`, `opinion_label`, `claim`, `claim_label`, `claim_reasons`, `sourcing` and `markers`
    /// (offsets in code points), and with --learned what the learned model says (`learned`).
    Sentences {
        /// The JSON Lines file, or `-` for standard input.
        file: PathBuf,
        #[command(flatten)]
        tier: TierArgs,
    },
    /// Analyse an HTML page (`.html` or `.html.gz`) and print title, byline, article type,
    /// body text, disclosures and every sentence as one JSON object.
    Page {
        /// The HTML file, or `-` for standard input.
        file: PathBuf,
        /// The page's address (for hints such as `/opinion/` in the path).
        #[arg(long, default_value = "")]
        url: String,
        #[command(flatten)]
        tier: TierArgs,
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

/// How to read an article file.
#[derive(clap::Args)]
struct InputArgs {
    /// Text or HTML; `auto` decides from the content.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    format: Format,
    /// The page's address (for hints such as `/opinion/` in the path).
    #[arg(long, default_value = "")]
    url: String,
}

/// Which analysis tiers run.
#[derive(clap::Args)]
struct TierArgs {
    /// Refine the instant analysis with the learned model (a small transformer that reads
    /// each sentence in context): marks it adds and removes, each finding's tier and each
    /// sentence's learned opinion and claim probabilities (`learned` fields).
    #[arg(long)]
    learned: bool,
}

impl TierArgs {
    /// The learned model when asked for, loaded once.
    fn model(&self) -> Result<Option<learned::Learned>, String> {
        self.learned.then(learned::Learned::load).transpose()
    }

    /// The analysis of `page` with the default options, refined when asked.
    fn analyze(&self, page: &newslens::model::Page) -> Result<newslens::Analysis, String> {
        match self.model()? {
            Some(model) => model.analyze(page, &newslens::Options::default()),
            None => Ok(newslens::analyze(page)),
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze {
            file,
            input,
            json,
            color,
            tier,
        } => page::load(&file, input.format, &input.url).and_then(|p| {
            let analysis = tier.analyze(&p)?;
            let terminal = std::io::stdout().is_terminal();
            let view = !json && (terminal || !matches!(color, ColorChoice::Auto));
            if !view {
                emit_json(&page::report(&p, &analysis));
            } else {
                let colour = match color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none(),
                };
                emit(&view::terminal(&p, &analysis, colour));
            }
            Ok(true)
        }),
        Command::Annotate {
            file,
            output,
            input,
            tier,
        } => page::load(&file, input.format, &input.url).and_then(|p| {
            let html = view::annotated_html(&p, &tier.analyze(&p)?);
            std::fs::write(&output, html)
                .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            Ok(true)
        }),
        Command::Batch { file } => batch::run(&file),
        Command::Sentences { file, tier } => read_bytes(&file).and_then(|bytes| {
            let model = tier.model()?;
            Ok(sentences::run(&bytes, model.as_ref()))
        }),
        Command::Page { file, url, tier } => page::load(&file, Format::Html, &url).and_then(|p| {
            emit_json(&page::report(&p, &tier.analyze(&p)?));
            Ok(true)
        }),
        Command::Model { file, url } => page::load(&file, Format::Html, &url).map(|p| {
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

/// Prints one line of output.
pub fn emit(line: &str) {
    write_out(|out| writeln!(out, "{line}"));
}

/// Prints `value` as pretty JSON, written as it is serialised (a long page's report would
/// otherwise be held whole in memory as text first).
pub fn emit_json(value: &impl serde::Serialize) {
    write_out(|out| {
        serde_json::to_writer_pretty(&mut *out, value)?;
        writeln!(out)
    });
}

/// Writes to standard output. A closed pipe (`newslens … | head`) ends the program
/// quietly instead of panicking.
fn write_out(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Err(e) = write(&mut out).and_then(|()| out.flush()) {
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

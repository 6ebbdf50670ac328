//! The real `newslens` binary on the fixture column, on the seed page (when `../shared`
//! is there) and on bad input.

mod shared;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// An opinion column written for these tests, in a page with the usual furniture.
const COLUMN: &str = "tests/fixtures/column.html";
/// A news report as plain text.
const REPORT: &str = "tests/fixtures/report.txt";

fn newslens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .output()
        .expect("the newslens binary runs")
}

fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// A path as the binary's argument.
fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A scratch file under the target directory, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, bytes: &[u8]) -> Scratch {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let path = dir.join(format!("{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("scratch file written");
        Scratch(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 path")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// What `newslens page` must read from an opinion column in a page with the usual furniture.
struct Column<'a> {
    title: &'a str,
    /// The author, named by the byline and by the bio.
    author: &'a str,
    /// A sentence of the body that leans on a vague many.
    vague: &'a str,
    /// Text of the page around the article, which the body must leave out.
    furniture: [&'a str; 6],
    first_current_role: &'a str,
    /// One of the bio's past roles, at its index.
    past_role: (usize, &'a str),
}

fn assert_reads(page: &str, expected: Column) {
    let out = json(&newslens(&["page", page]));
    assert_eq!(out["title"], expected.title);
    assert_eq!(out["byline"], expected.author);
    assert_eq!(out["article_type"]["kind"], "opinion");
    assert_eq!(out["article_type"]["estimated"], false);
    let body = out["body_text"].as_str().unwrap();
    assert!(body.contains(expected.vague));
    for furniture in expected.furniture {
        assert!(!body.contains(furniture), "body holds {furniture:?}");
    }
    let bio = &out["disclosures"][0];
    assert_eq!(bio["person"], expected.author);
    assert_eq!(bio["current_roles"][0], expected.first_current_role);
    let (index, past_role) = expected.past_role;
    assert_eq!(bio["past_roles"][index], past_role);
    let sentences = out["sentences"].as_array().unwrap();
    let bio_start = format!("{} is", expected.author);
    assert!(!sentences
        .iter()
        .any(|s| s["text"].as_str().unwrap().contains(&bio_start)));
    let vague = sentences
        .iter()
        .find(|s| s["text"] == expected.vague)
        .unwrap();
    assert_eq!(vague["sourcing"], "vague");
}

#[test]
fn page_reads_title_byline_type_body_and_disclosure_of_the_column() {
    assert_reads(
        COLUMN,
        Column {
            title: "Millbrook's Bridge Deal Sells the River Crossing Cheap | The Millbrook Ledger",
            author: "Dana Whitlock",
            vague: "Most residents already believe this.",
            furniture: [
                "Related Stories",
                "riverwatcher42",
                "We use cookies",
                "Local News",
                "482 shares",
                "© 2026",
            ],
            first_current_role: "columnist for the Millbrook Ledger",
            past_role: (0, "town budget director"),
        },
    );
}

#[test]
fn page_reads_title_byline_type_body_and_disclosure_of_the_seed() {
    let Some(seed_page) = shared::require("golden/seed-page.html") else {
        return;
    };
    assert_reads(
        path(&seed_page),
        Column {
            title: "Biden's NATO Talks Offer Hands Putin a Win",
            author: "Fred Fleitz",
            vague: "Most NATO states realize this.",
            furniture: [
                "Related Stories",
                "patriot76",
                "We use cookies",
                "Newsfront",
                "1,234 shares",
                "© 2025",
            ],
            first_current_role: "President of the Center for Security Policy",
            past_role: (1, "CIA analyst"),
        },
    );
}

#[test]
fn a_page_without_metadata_is_estimated_to_be_opinion_from_its_text() {
    let html = std::fs::read_to_string(COLUMN).unwrap();
    let (_, body) = html.split_once("</head>").expect("the column has a head");
    let bare = Scratch::new("bare.html", format!("<html><head></head>{body}").as_bytes());
    let out = json(&newslens(&["page", bare.path()]));
    assert_eq!(out["article_type"]["kind"], "opinion");
    assert_eq!(out["article_type"]["estimated"], true);
    assert_eq!(out["disclosures"][0]["person"], "Dana Whitlock");
}

#[test]
fn gzip_input_gives_the_same_result() {
    let html = std::fs::read(COLUMN).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&html).unwrap();
    let file = Scratch::new("column.html.gz", &gz.finish().unwrap());
    assert_eq!(
        json(&newslens(&["page", file.path()])),
        json(&newslens(&["page", COLUMN]))
    );
}

#[test]
fn a_document_past_the_memory_budget_is_refused_with_the_figures() {
    // 16 MB of tiny elements, zipped to a few KB (it took 3.2 GB at 48 MB).
    let tiny = "<i>a</i>".repeat(2 << 20);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(format!("<html><body><p>{tiny}</p></body></html>").as_bytes())
        .unwrap();
    let zipped = Scratch::new("tiny-elements.html.gz", &gz.finish().unwrap());
    // 40 MB of text.
    let text = "Officials said the plan would probably work. ".repeat(1 << 20);
    let long = Scratch::new("long.txt", text.as_bytes());
    for (file, what) in [(&zipped, "17 MB of HTML"), (&long, "45 MB of text")] {
        let out = newslens(&["analyze", file.path(), "--json"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("too large to analyse: {what} would take about"))
                && stderr.contains("MB of memory, over the 1024 MB budget"),
            "{stderr}"
        );
    }
}

#[test]
fn pages_without_an_article_say_so() {
    for (name, html) in [
        ("empty.html", ""),
        (
            "frameset.html",
            "<html><frameset><frame src=a.html></frameset></html>",
        ),
        (
            "malformed.html",
            "<div><p>unclosed <b>tags <table><td>cell</div></span></html>",
        ),
    ] {
        let file = Scratch::new(name, html.as_bytes());
        let out = json(&newslens(&["page", file.path()]));
        if name != "malformed.html" {
            assert_eq!(out["article_found"], false, "{name}");
        }
    }
}

#[test]
fn a_ten_megabyte_page_is_analysed() {
    // Varied sentences (each paragraph differs), wrapped in a page with furniture.
    let mut html = String::from(
        "<html><head><title>Long</title></head><body><nav><a href=/>Home</a></nav><article>",
    );
    let mut n = 0;
    while html.len() < 10 << 20 {
        n += 1;
        html.push_str(&format!(
            "<p>Item {n}: the council will probably approve budget line {n}, officials said. \
             Critics say the <em>reckless</em> plan costs {n} million; it is obviously late.</p>"
        ));
    }
    html.push_str("</article><footer>© 2025 Example</footer></body></html>");
    let file = Scratch::new("ten-megabytes.html", html.as_bytes());
    let out = newslens(&["page", file.path()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    assert_eq!(report["article_found"], true);
    let sentences = report["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 2 * n, "{} sentences", sentences.len());
}

#[test]
fn binary_and_missing_files_fail_with_a_clear_message() {
    let file = Scratch::new("binary.bin", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff]);
    let out = newslens(&["page", file.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary file, not HTML"));

    let out = newslens(&["page", "no/such/file.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read no/such/file.html"));

    let file = Scratch::new("latin1.txt", b"caf\xe9 au lait\n");
    let out = newslens(&["analyze", file.path(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not UTF-8"));
}

/// JSON Lines whose second line is not UTF-8 and whose third has no `id`.
const JSONL_WITH_BAD_LINES: &[u8] = b"{\"id\": 1, \"text\": \"It will probably rain.\"}\n\
    {\"id\": 2, \"text\": \"caf\xe9\"}\n\
    {\"text\": \"Officials said the talks ended.\"}\n\
    {\"id\": 4, \"text\": \"Critics say it is obviously late.\"}\n";

#[test]
fn a_line_that_is_not_utf8_is_reported_and_every_other_answered() {
    for command in ["sentences", "batch"] {
        let file = Scratch::new(&format!("latin1-{command}.jsonl"), JSONL_WITH_BAD_LINES);
        let out = newslens(&[command, file.path()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.contains("line 2: not UTF-8 (invalid byte at offset 22)"),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains("line 3: warning: no `id`"),
            "{command}: {stderr}"
        );
        let ids: Vec<Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
            .collect();
        assert_eq!(ids, [1.into(), Value::Null, 4.into()], "{command}");
    }
}

#[test]
fn the_reading_view_passes_no_control_characters_from_the_page() {
    // An OSC that sets the window title, a clear screen, an OSC 8 link, a C1 CSI, DEL and
    // a bidi override, in the title, the byline and the text.
    let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]8;;http://x\u{1b}\\\u{9b}31m\u{7f}\u{202e}";
    let html = format!(
        "<html><head><title>Title{hostile}</title><meta name=author content=\"Ann{hostile} Lee\">\
         </head><body><article><h1>Head{hostile}line</h1><p>The plan{hostile} will probably \
         fail, critics said.</p><p>It is obviously late{hostile}.</p></article></body></html>"
    );
    let file = Scratch::new("control.html", html.as_bytes());
    for colour in ["never", "always"] {
        let out = newslens(&["analyze", file.path(), "--color", colour]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("pwned"), "the text around is kept: {text}");
        let ours = ["\u{1b}[0m", "\u{1b}[1m", "\u{1b}[3", "\u{1b}[4"];
        let mut rest = text.clone();
        for code in ours {
            rest = rest.replace(code, "");
        }
        let bad: Vec<char> = rest
            .chars()
            .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
            .collect();
        assert!(bad.is_empty(), "--color {colour}: {bad:?} in {text:?}");
    }
}

#[test]
fn sentences_writes_one_line_per_input_and_reports_bad_lines() {
    let input = "{\"id\": \"a\", \"text\": \"This writer believes it is very likely a ruse.\"}\nnot json\n{\"id\": 7, \"text\": \"Officials said the talks ended.\"}\n";
    let file = Scratch::new("sentences.jsonl", input.as_bytes());
    let out = newslens(&["sentences", file.path()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad line makes the exit status 1"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: not JSON"));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    let cues: Vec<&str> = lines[0]["markers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["cue"].as_str().unwrap())
        .collect();
    assert!(
        cues.contains(&"This writer believes") && cues.contains(&"very likely"),
        "{cues:?}"
    );
    assert_eq!(lines[0]["markers"][0]["start"], 0);
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["sourcing"], "attributed-anonymous");
    assert!(lines[1]["opinion"].as_f64().unwrap() < 0.5);
}

#[test]
fn analyze_detects_text_or_html_and_shows_a_coloured_view() {
    let out = json(&newslens(&["analyze", REPORT, "--json"]));
    assert_eq!(out["article_type"]["kind"], "news");
    assert_eq!(out["article_type"]["estimated"], true, "read as text");
    assert_eq!(out["disclosures"][0]["person"], "Hannes Brandt");
    let html = json(&newslens(&["analyze", COLUMN]));
    assert_eq!(
        html["byline"], "Dana Whitlock",
        "HTML is detected without --format"
    );
    let view = newslens(&["analyze", COLUMN, "--color", "always"]);
    let text = String::from_utf8_lossy(&view.stdout);
    let yellow = text.split("\x1b[33m").skip(1);
    assert!(
        yellow
            .map(|s| s.trim_start_matches("\x1b[4m"))
            .any(|s| s.starts_with("likely")),
        "hedges are yellow"
    );
    assert!(text.contains("Disclosure — Dana Whitlock"));
    assert!(!text.contains("riverwatcher42"));
}

#[test]
fn annotate_writes_a_self_contained_copy() {
    let out = Scratch::new("annotated.html", b"");
    let status = newslens(&["annotate", COLUMN, "-o", out.path()]);
    assert!(status.status.success());
    let html = std::fs::read_to_string(out.path()).unwrap();
    assert!(html.contains("<mark class=\"newslens-hedge\" title=\"Hedge: the writer signals uncertainty rather than stating a fact. Cue: “likely”.\">likely</mark>"));
    assert!(html.contains("mark.newslens-vague {"), "styles are inlined");
    for external in ["<script", "<link", "src=", "http"] {
        assert!(
            !html.contains(external),
            "annotated copy holds {external:?}"
        );
    }
}

#[test]
fn batch_keeps_input_order_and_reports_bad_lines() {
    let html = std::fs::read_to_string(COLUMN).unwrap();
    let mut input = String::new();
    for i in 0..12 {
        let doc = if i % 3 == 0 {
            serde_json::json!({"id": i, "html": html})
        } else {
            serde_json::json!({"id": i, "text": "Critics say the plan will obviously fail.\nIt might."})
        };
        input.push_str(&format!("{doc}\n"));
        if i == 5 {
            input.push_str("{broken\n\n");
        }
    }
    let file = Scratch::new("batch.jsonl", input.as_bytes());
    let out = newslens(&["batch", file.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 7: not JSON"));
    let ids: Vec<i64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, (0..12).collect::<Vec<_>>());
}

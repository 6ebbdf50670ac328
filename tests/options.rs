//! The reader's options reach the core: their own words are marked, silenced cues and
//! switched-off kinds are not, and exceptions for one site leave other sites alone.

use newslens::model::Page;
use newslens::options::{Exception, UserWord};
use newslens::{analyze_with, Options, Subtype};

fn cues(page: &Page, options: &Options) -> Vec<(String, Subtype)> {
    analyze_with(page, options)
        .findings
        .into_iter()
        .map(|f| (f.cue, f.subtype))
        .collect()
}

#[test]
fn words_exceptions_and_switches_apply() {
    let mut page = Page::from_text("Perchance the reckless plan will obviously fail.");
    page.url = "https://news.example.com/a".into();
    let defaults = cues(&page, &Options::default());
    assert!(defaults.contains(&("obviously".into(), Subtype::Booster)));
    assert!(defaults.contains(&("reckless".into(), Subtype::Loaded)));

    let options = Options {
        words: vec![UserWord {
            subtype: Subtype::Hedge,
            phrase: "perchance".into(),
        }],
        exceptions: vec![Exception {
            cue: "Obviously".into(),
            site: Some("example.com".into()),
        }],
        disabled: vec![Subtype::Loaded],
        ..Options::default()
    };
    let found = cues(&page, &options);
    assert!(
        found.contains(&("Perchance".into(), Subtype::Hedge)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(cue, _)| cue == "obviously"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(_, s)| *s == Subtype::Loaded),
        "{found:?}"
    );

    page.url = "https://other.test/a".into();
    assert!(cues(&page, &options).contains(&("obviously".into(), Subtype::Booster)));
}

#[test]
fn only_the_requested_blocks_are_analysed() {
    let page = Page::from_text(
        "The reckless plan will obviously fail.\nThe council met on Tuesday.\nIt is probably too late, critics say.",
    );
    let all = newslens::analyze(&page);
    let only = Options {
        only_blocks: Some(vec![2]),
        ..Options::default()
    };
    let some = analyze_with(&page, &only);
    assert!(all.findings.iter().any(|f| f.block == 0));
    // Block 2 alone: the same findings as in the whole analysis, and nothing else.
    let of_block = |findings: &[newslens::Finding]| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.block == 2)
            .map(|f| f.cue.clone())
            .collect()
    };
    assert!(some.findings.iter().all(|f| f.block == 2));
    assert!(!some.findings.is_empty());
    assert_eq!(of_block(&some.findings), of_block(&all.findings));
    // Roles are still decided for the whole page.
    assert_eq!(some.roles, all.roles);
}

#[test]
fn skipping_sentences_changes_nothing_else() {
    let page = Page::from_text(
        "I believe the reckless plan will obviously fail.\nIt is probably too late, critics say.",
    );
    let all = newslens::analyze(&page);
    let lean = analyze_with(
        &page,
        &Options {
            skip_sentences: true,
            ..Options::default()
        },
    );
    assert!(!all.sentences.is_empty());
    assert!(lean.sentences.is_empty());
    assert_eq!(lean.findings, all.findings);
    assert_eq!(lean.article_type, all.article_type);
}

#[test]
fn by_default_only_check_worthy_claims_carry_a_missing_source() {
    // A figure with a comparison (check-worthy), then scene-setting (not).
    let page = Page::from_text(
        "Unemployment rose to 7.4 percent last year, its highest level since 2010.\n\
         She walked to the window and looked outside.",
    );
    let unsourced = |options: &Options| -> Vec<u32> {
        analyze_with(&page, options)
            .findings
            .into_iter()
            .filter(|f| f.subtype == Subtype::Unattributed)
            .map(|f| f.block)
            .collect()
    };
    assert_eq!(unsourced(&Options::default()), [0]);
    let every = Options {
        all_sourcing: true,
        ..Options::default()
    };
    assert_eq!(unsourced(&every), [0, 1]);
}

/// Issue 19: exceptions were normalised again for every finding, so a few megabyte-long
/// cues (stored by a page that clicked "Not a cue here" for the reader) made every
/// site's analysis take seconds. They are compiled once per analysis: a long article's
/// hundreds of findings cost no more with them than without.
#[test]
fn long_exceptions_are_compiled_once_per_analysis() {
    let text = "The reckless plan will obviously fail, critics say. ".repeat(200);
    let page = Page::from_text(&text);
    let exceptions = (0..4)
        .map(|i| Exception {
            cue: format!("{i}{}", "Long Cue ".repeat(60_000)),
            site: None,
        })
        .collect();
    let options = Options {
        exceptions,
        ..Options::default()
    };
    let started = std::time::Instant::now();
    let found = cues(&page, &options);
    let took = started.elapsed();
    assert!(found.len() >= 400, "{} findings", found.len());
    assert!(
        took.as_secs_f32() < 2.0,
        "analysis with long exceptions took {took:?}"
    );
}

//! The page the wasm bindings analyse to warm up (`src/web/warm_up_page.json`) must take
//! every path a real article takes, or the first real page pays for what it skipped.

use std::collections::HashSet;

use newslens::model::Page;
use newslens::page::BlockRole;
use newslens::{Category, Options, Subtype};

#[test]
fn the_warm_up_page_exercises_every_detector_and_page_part() {
    let json = std::fs::read_to_string("src/web/warm_up_page.json").expect("warm-up page");
    let page: Page = newslens::json::from_str(&json).expect("the warm-up page is a page model");
    // With every sentence's sourcing shown: the default view finds a named source and then
    // leaves it plain, so its detection is warmed either way, but only this shows the page
    // has one.
    let every_sentence = Options {
        all_sourcing: true,
        ..Options::default()
    };
    let analysis = newslens::analyze_with(&page, &every_sentence);

    for role in [
        BlockRole::Heading,
        BlockRole::Body,
        BlockRole::Byline,
        BlockRole::Disclosure,
        BlockRole::Boilerplate,
        BlockRole::Outside,
    ] {
        assert!(analysis.roles.contains(&role), "no {role:?} block");
    }
    let kinds: HashSet<Subtype> = analysis.findings.iter().map(|f| f.subtype).collect();
    // Every opinion and claim kind (the page's one disclosure is a statement).
    let expected = Subtype::ALL
        .into_iter()
        .filter(|s| s.category() != Category::Disclosure);
    for kind in expected {
        assert!(kinds.contains(&kind), "no {kind:?} finding");
    }
    // Explanations come once per kind present, not with every finding.
    let explained: HashSet<Subtype> = analysis.explanations.keys().copied().collect();
    assert_eq!(explained, kinds);
    assert_eq!(analysis.byline.as_deref(), Some("Jane Roe"));
    assert!(!analysis.disclosures.is_empty());
    assert!(!analysis.transparency.is_empty());
    assert!(!analysis.article_type.estimated);
}

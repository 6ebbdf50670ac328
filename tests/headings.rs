//! Headings are the page's signposts, not the writer's prose: a subhead that asks a
//! question opens a section; it is not a rhetorical question, and a headline is no claim.

use newslens::html::page_from_html;
use newslens::{analyze, Category, Subtype};

/// An article whose subhead is a question, with a real rhetorical question in its prose.
const PAGE: &str = "<html><head><title>Water rates</title></head><body><article>\
<h1>The city raises water rates by a fifth</h1>\
<p>The council voted on Tuesday to raise water rates by twenty percent from March, \
the third rise in four years, after a long debate about the ageing pipes under the old town.</p>\
<h2>What happens to the pipes now?</h2>\
<p>Work on the mains starts in spring and is planned to last until the end of next year, \
with the worst streets first, the council's engineers said in their report to members.</p>\
<p>Who could seriously believe the money will reach the pipes this time?</p>\
</article></body></html>";

#[test]
fn a_question_subhead_is_not_a_rhetorical_question() {
    let page = page_from_html(PAGE, "https://news.example.com/city/water-rates");
    let analysis = analyze(&page);
    let questions: Vec<String> = analysis
        .findings
        .iter()
        .filter(|f| f.subtype == Subtype::RhetoricalQuestion)
        .map(|f| f.text_in(&page.blocks[f.block as usize]))
        .collect();
    assert_eq!(
        questions,
        ["Who could seriously believe the money will reach the pipes this time?"],
        "only the writer's own question is rhetorical"
    );
    let heading_claims = analysis.findings.iter().filter(|f| {
        f.category == Category::Claim
            && page.blocks[f.block as usize].text().starts_with("The city")
    });
    assert_eq!(heading_claims.count(), 0, "a headline is not a claim");
}

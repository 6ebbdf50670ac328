//! newslens: marks opinion, claim sourcing and author disclosures in news articles.
//!
//! The core is plain Rust over a small document model ([`model::Page`]): no browser APIs,
//! so it runs and is tested natively, drives the `newslens` command-line tool, and is
//! compiled to WebAssembly for the browser extension (bindings in `web`, wasm32 only).
//!
//! ```
//! use newslens::{analyze, model::Page, Category};
//!
//! let page = Page::from_text("Critics say the plan will obviously fail.");
//! let analysis = analyze(&page);
//! assert!(analysis.findings.iter().any(|f| f.category == Category::Opinion && f.cue == "obviously"));
//! ```

pub mod analyze;
pub mod eval;
mod finding;
mod lexicon;
pub mod model;
pub mod offsets;
pub mod opinion;
pub mod page;
pub mod report;
mod segment;
mod text;
#[cfg(target_arch = "wasm32")]
mod web;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use finding::{Category, Finding, Subtype};
use model::Page;
use offsets::SegmentMap;
use page::{BlockRole, Disclosure};
use report::{OpinionLabel, SentenceFinding};

/// The result of analysing one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The role of each block of the page, in block order.
    pub roles: Vec<BlockRole>,
    /// Every finding, block by block in document order.
    pub findings: Vec<Finding>,
    /// Every analysed sentence with its opinion probability and sourcing.
    pub sentences: Vec<SentenceFinding>,
    /// Author bios and disclosure statements, with their facts.
    pub disclosures: Vec<Disclosure>,
}

/// Analyses a page: decides which blocks are the article, then runs the detectors on them.
pub fn analyze(page: &Page) -> Analysis {
    let roles = page::block_roles(page);
    let mut analysis = Analysis::default();
    let mut previous = None;
    for (index, (block, role)) in page.blocks.iter().zip(&roles).enumerate() {
        let index = index as u32;
        let text = block.text();
        let map = SegmentMap::new(&block.segments);
        let found = match role {
            BlockRole::Body => analyze::block(&text, &link_ranges(block, &map), &mut previous),
            // A headline is not a sourced or unsourced claim: its sourcing is below it.
            BlockRole::Heading => {
                let mut found = analyze::block(&text, &[], &mut None);
                found.marks.retain(|m| m.subtype.category() != Category::Claim);
                found
            }
            BlockRole::Disclosure => {
                let facts = page::disclosure(index, &text);
                let cue = facts.person.clone().unwrap_or_default();
                analysis.disclosures.push(facts);
                previous = None;
                let mark = finding::Mark { range: 0..text.len(), subtype: Subtype::AuthorBio, cue };
                analyze::BlockFindings { marks: vec![mark], sentences: Vec::new() }
            }
            BlockRole::Boilerplate | BlockRole::Byline | BlockRole::Outside => continue,
        };
        for mark in found.marks {
            analysis.findings.push(Finding {
                block: index,
                category: mark.subtype.category(),
                subtype: mark.subtype,
                explanation: mark.subtype.explanation().to_string(),
                ranges: map.to_segment_ranges(&text, mark.range.start, mark.range.end),
                cue: mark.cue,
            });
        }
        for sentence in found.sentences {
            analysis.sentences.push(SentenceFinding {
                block: index,
                ranges: map.to_segment_ranges(&text, sentence.range.start, sentence.range.end),
                opinion: sentence.opinion,
                opinion_label: OpinionLabel::of(sentence.opinion),
                sourcing: sentence.sourcing.into(),
            });
        }
    }
    analysis.roles = roles;
    analysis
}

/// The block's links as byte ranges of its text; links outside the block are ignored.
fn link_ranges(block: &model::Block, map: &SegmentMap) -> Vec<Range<usize>> {
    block
        .links
        .iter()
        .filter_map(|l| map.byte_range(l.start, l.end))
        .collect()
}

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
pub mod article_type;
pub mod byline;
pub mod claim;
pub mod disclosure;
#[cfg(not(target_arch = "wasm32"))]
pub mod document;
pub mod eval;
pub mod extract;
mod finding;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod jsonld;
pub mod language;
mod lexicon;
pub mod model;
pub mod offsets;
pub mod opinion;
pub mod options;
pub mod page;
pub mod report;
mod segment;
pub mod session;
mod text;
#[cfg(target_arch = "wasm32")]
mod web;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use article_type::{ArticleKind, ArticleType, TextStats};
use disclosure::{Disclosure, DisclosureKind};
pub use finding::{Category, Finding, Subtype};
use model::Page;
use offsets::SegmentMap;
pub use options::Options;
use page::BlockRole;
use report::{ClaimLabel, OpinionLabel, SentenceFinding};

/// The result of analysing one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// The article's headline.
    pub title: String,
    /// Who wrote it, if the page says.
    pub byline: Option<String>,
    /// Publisher and author transparency facts from the page's JSON-LD.
    pub transparency: Vec<jsonld::Transparency>,
    /// The role of each block of the page, in block order.
    pub roles: Vec<BlockRole>,
    /// Every finding, block by block in document order.
    pub findings: Vec<Finding>,
    /// The reader's explanation of each kind of finding present.
    pub explanations: BTreeMap<Subtype, String>,
    /// The kind of article, declared by the page or estimated from its text.
    pub article_type: ArticleType,
    /// Every analysed sentence with its opinion probability (in the context of the
    /// article type) and sourcing.
    pub sentences: Vec<SentenceFinding>,
    /// Author bios and disclosure statements, with their facts.
    pub disclosures: Vec<Disclosure>,
    /// The article's language as a BCP 47 tag (`en`, or `und-Latn` for Latin-script text
    /// in another language, `und-Cyrl`…; see [`language::of_article`]), `None` when too
    /// little text tells. An article in another language than English gets no findings,
    /// sentences or disclosures: the word lists and models are English.
    pub language: Option<&'static str>,
    /// Sourcing findings the default view leaves out (unsourced narration that is not a
    /// check-worthy claim; none with [`Options::all_sourcing`]), for the panel's counts.
    pub sourcing_left_out: u32,
}

/// Analyses a page with the default options.
pub fn analyze(page: &Page) -> Analysis {
    analyze_with(page, &Options::default())
}

/// Analyses a page: decides which blocks are the article, runs the detectors on them,
/// adds the reader's own words and drops what the reader's options hide.
pub fn analyze_with(page: &Page, options: &Options) -> Analysis {
    analyze_ahead(page, options, Vec::new())
}

/// [`analyze_with`], given what was found of the first blocks as they arrived (see
/// [`session`]): their text and what the roles need of it, and what the detectors found
/// reading them ahead as article text, used where it still holds and found again where not.
fn analyze_ahead(page: &Page, options: &Options, mut arrived: Vec<session::Arrived>) -> Analysis {
    arrived.extend(
        page.blocks
            .iter()
            .skip(arrived.len())
            .map(session::Arrived::now),
    );
    let facts: Vec<page::BlockFacts> = arrived
        .iter()
        .zip(&page.blocks)
        .map(|(a, block)| {
            a.facts
                .unwrap_or_else(|| page::BlockFacts::of(&page.elements, block, &a.text))
        })
        .collect();
    let roles = page::roles_from(page, &facts);
    let language = language::of_article(
        arrived
            .iter()
            .zip(&roles)
            .filter(|(_, role)| **role == BlockRole::Body)
            .map(|(a, _)| a.text.as_str()),
    );
    let english = language::is_read(language);
    let mut analysis = Analysis {
        language,
        ..Analysis::default()
    };
    let mut previous = None;
    let user_words = options.word_matcher();
    let threshold = options.opinion_threshold(opinion::Model::shipped().threshold);
    let claim_threshold = options.claim_threshold(claim::model().threshold);
    let mut stats = TextStats::default();
    let mut sentences = Vec::new();
    let mut disclosure_groups: Vec<(u32, Vec<String>)> = Vec::new();
    let blocks = page.blocks.iter().zip(&roles).zip(arrived);
    for (index, ((block, role), arrived)) in blocks.enumerate() {
        let index = index as u32;
        if !english || !options.analyses(index) {
            previous = None;
            continue;
        }
        let (text, map) = (arrived.text, arrived.map);
        let found = match role {
            BlockRole::Body => {
                session::detect_body(block, &text, &map, &mut previous, arrived.ahead)
            }
            // A headline is not a sourced or unsourced claim: its sourcing is below it.
            BlockRole::Heading => {
                let mut found = analyze::block(&text, &[], &mut None);
                found
                    .marks
                    .retain(|m| m.subtype.category() != Category::Claim);
                found
            }
            BlockRole::Disclosure => {
                previous = None;
                disclosure_block(index, &text, &mut disclosure_groups)
            }
            BlockRole::Boilerplate | BlockRole::Byline | BlockRole::Outside => continue,
        };
        let mut marks = found.marks;
        if let (Some(matcher), BlockRole::Body | BlockRole::Heading) = (&user_words, role) {
            marks.extend(user_marks(matcher, &text));
        }
        marks.retain(|m| {
            if !options.shows(m.subtype, m.subtype.confidence())
                || options.is_exception(&m.cue, &page.url)
            {
                return false;
            }
            let check_worthy =
                || claim_of(&found.sentences, &m.range).is_some_and(|p| p >= claim_threshold);
            let shown = m.subtype.category() != Category::Claim
                || options.shows_sourcing(m.subtype, check_worthy());
            analysis.sourcing_left_out += u32::from(!shown);
            shown
        });
        for mark in marks {
            analysis
                .explanations
                .entry(mark.subtype)
                .or_insert_with(|| mark.subtype.explanation().to_string());
            analysis.findings.push(Finding {
                block: index,
                category: mark.subtype.category(),
                subtype: mark.subtype,
                ranges: map.to_segment_ranges(&text, mark.range.start, mark.range.end),
                claim: (mark.subtype.category() == Category::Claim)
                    .then(|| claim_of(&found.sentences, &mark.range))
                    .flatten(),
                cue: mark.cue,
            });
        }
        for sentence in found.sentences {
            stats.sentences += 1;
            stats.writer_voice += usize::from(sentence.writer_voice);
            stats.opinion_probability_sum += sentence.opinion;
            // The extension asks for findings only: no sentence list to map and send.
            if !options.skip_sentences {
                let ranges = map.to_segment_ranges(&text, sentence.range.start, sentence.range.end);
                sentences.push((index, ranges, sentence));
            }
        }
    }
    analysis.article_type =
        article_type::declared(page).unwrap_or_else(|| article_type::estimate(stats));
    let opinion_article = analysis.article_type.kind == ArticleKind::Opinion;
    analysis.sentences = sentences
        .into_iter()
        .map(|(block, ranges, sentence)| {
            let opinion = opinion::in_context(sentence.opinion, &sentence, opinion_article);
            SentenceFinding {
                block,
                ranges,
                opinion,
                opinion_label: OpinionLabel::at(opinion, threshold),
                claim: sentence.claim,
                claim_label: ClaimLabel::at(sentence.claim, claim_threshold),
                sourcing: sentence.sourcing.into(),
            }
        })
        .collect();
    analysis.disclosures = disclosure_groups
        .into_iter()
        .map(|(first, texts)| {
            let kind = texts
                .iter()
                .find_map(|t| disclosure::kind_of(t))
                .unwrap_or_default();
            disclosure::facts(first, kind, &texts, page::is_boilerplate)
        })
        .collect();
    analysis.title = page::title(page, &roles);
    analysis.transparency = jsonld::transparency(&jsonld::objects(page));
    analysis.byline = byline::byline(page, &roles);
    analysis.roles = roles;
    analysis
}

impl Analysis {
    /// The article text as a reader sees it: headings, paragraphs and disclosures, one
    /// block per paragraph, separated by blank lines.
    pub fn body_text(&self, page: &Page) -> String {
        page.blocks
            .iter()
            .zip(&self.roles)
            .filter(|(_, r)| {
                matches!(
                    r,
                    BlockRole::Body | BlockRole::Heading | BlockRole::Disclosure
                )
            })
            .map(|(b, _)| b.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// A disclosure block's finding. Consecutive disclosure blocks form one section (an
/// author box), gathered in `groups` as (first block, texts) for the facts.
fn disclosure_block(
    index: u32,
    text: &str,
    groups: &mut Vec<(u32, Vec<String>)>,
) -> analyze::BlockFindings {
    match groups.last_mut() {
        Some((first, texts)) if *first as usize + texts.len() == index as usize => {
            texts.push(text.to_string())
        }
        _ => groups.push((index, vec![text.to_string()])),
    }
    let subtype = match disclosure::kind_of(text) {
        Some(DisclosureKind::Statement) => Subtype::DisclosureStatement,
        Some(DisclosureKind::Sponsorship) => Subtype::Sponsorship,
        _ => Subtype::AuthorBio,
    };
    let cue = disclosure::bio_person(text).unwrap_or_default().to_string();
    analyze::BlockFindings {
        marks: vec![finding::Mark {
            range: 0..text.len(),
            subtype,
            cue,
        }],
        sentences: Vec::new(),
    }
}

/// The claim probability of the block's sentence at `range` (a sourcing finding's range
/// is its sentence's).
fn claim_of(sentences: &[analyze::Sentence], range: &Range<usize>) -> Option<f32> {
    let at = sentences.partition_point(|s| s.range.start < range.start);
    sentences
        .get(at)
        .filter(|s| s.range == *range)
        .map(|s| s.claim)
}

/// The reader's own words in a block, outside quotations.
fn user_marks(matcher: &lexicon::PhraseMatcher<Subtype>, text: &str) -> Vec<finding::Mark> {
    let quoted = analyze::quotes::quoted_spans(text);
    matcher
        .find(text, &text::words(text))
        .into_iter()
        .map(|m| finding::Mark::new(text, m.start..m.end, m.tag))
        .filter(|m| !analyze::quotes::is_inside(&quoted, &m.range))
        .collect()
}

/// The block's links as byte ranges of its text; links outside the block are ignored.
fn link_ranges(block: &model::Block, map: &SegmentMap) -> Vec<Range<usize>> {
    block
        .links
        .iter()
        .filter_map(|l| map.byte_range(l.start, l.end))
        .collect()
}

//! The analysis of a page, as named stages in the order they run:
//!
//! 1. **roles**: which blocks are the article ([`roles`]), from what each block's text
//!    says of it ([`BlockFacts`]);
//! 2. **detect or reuse**: on each block by its role, the detectors and then the opinion
//!    and claim models ([`read`]), or what a [`crate::session`] read ahead where it still
//!    holds;
//! 3. **filter**: the reader's own words added, what their options hide dropped (by
//!    default, the missing source of a sentence that is not a check-worthy claim), and
//!    every mark of an article not in English ([`crate::language`]);
//! 4. **to the wire**: byte offsets to segment ranges in UTF-16 units ([`Finding`]);
//! 5. **page facts**: the article type, each sentence's verdict in its context, the
//!    disclosures, title, byline and transparency facts.
//!
//! The one-call path ([`analyze_with`]) and the session ([`Session::finish`]) both run
//! [`analyze_ahead`]; the session runs stage 2 on blocks as they arrive, as article text.
//!
//! [`Session::finish`]: crate::session::Session::finish

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::catalogue::{Category, Subtype};
use crate::claim;
use crate::detect::context::{BlockText, Sentences, Sourcing};
use crate::detect::{self, BlockFindings, Sentence};
use crate::finding::{ClaimLabel, Finding, Mark, OpinionLabel, SentenceFinding};
use crate::language;
use crate::opinion::{self, Model};
use crate::options::Options;
use crate::page::article_type::{self, ArticleType, TextStats};
use crate::page::disclosure::{self, Disclosure, DisclosureKind};
use crate::page::metadata::Metadata;
use crate::page::model::{Block, Page};
use crate::page::roles::{self, BlockFacts, BlockRole};
use crate::page::{byline, jsonld};
use crate::refine::{self, Refiner};
use crate::text::offsets::{SegmentMap, SegmentRange};
use crate::text::phrases::PhraseMatcher;
use crate::text::{self};

/// The result of analysing one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// The article's headline.
    pub title: String,
    /// Who wrote it, if the page says.
    pub byline: Option<String>,
    /// The byline names an organisation ("Reuters", "Staff"), not a person.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub byline_organisation: bool,
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
    /// little text tells. An article in another language than English gets no findings
    /// and no sentences (the word lists and models are English); its type and disclosure
    /// facts are still given.
    pub language: Option<&'static str>,
    /// Sourcing findings the default view leaves out (named sources, and unsourced
    /// narration that is not a check-worthy claim: [`Options::shows_sourcing`]; none with
    /// [`Options::all_sourcing`]), for the panel's counts.
    pub sourcing_left_out: u32,
}

impl Analysis {
    /// The article text: subheadings and paragraphs, one block per paragraph, separated
    /// by blank lines. The headline is the `title`, and disclosures are the author's,
    /// not the article's: each is reported on its own.
    pub fn body_text(&self, page: &Page) -> String {
        page.blocks
            .iter()
            .zip(&self.roles)
            .filter(|(_, r)| matches!(r, BlockRole::Body | BlockRole::Heading))
            .map(|(b, _)| b.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|text| *text != self.title)
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

impl Analysis {
    /// Applies the learned tier's `refinement` (from the [`Refiner`] this analysis came
    /// with): each refined block's findings replace the block's, each scored sentence gets
    /// its learned verdicts, and the count of sourcing left out is the refined one.
    pub fn refine(&mut self, refinement: refine::Refinement) {
        for refine::RefinedBlock { block, findings } in refinement.blocks {
            // Findings come block by block: this block's are a slice.
            let first = self.findings.partition_point(|f| f.block < block);
            let last = self.findings.partition_point(|f| f.block <= block);
            self.findings.splice(first..last, findings);
        }
        for verdict in refinement.sentences {
            let sentence = self
                .sentences
                .iter_mut()
                .find(|s| s.block == verdict.block && s.ranges == verdict.ranges);
            if let Some(sentence) = sentence {
                sentence.learned = Some(verdict.learned);
            }
        }
        self.explanations.extend(refinement.explanations);
        self.sourcing_left_out = refinement.sourcing_left_out;
    }
}

/// Analyses a page with the default options.
pub fn analyze(page: &Page) -> Analysis {
    analyze_with(page, &Options::default())
}

/// Analyses a page: decides which blocks are the article, runs the detectors on them,
/// adds the reader's own words and drops what the reader's options hide.
pub fn analyze_with(page: &Page, options: &Options) -> Analysis {
    analyze_ahead(page, options, Vec::new(), None)
}

/// [`analyze_with`], and the article's sentences ready for the learned tier's scores
/// (see [`crate::refine`]).
pub fn analyze_learned(page: &Page, options: &Options) -> (Analysis, Refiner) {
    learned_ahead(page, options, Vec::new())
}

/// [`analyze_ahead`] with the [`Refiner`] of its article sentences.
pub(crate) fn learned_ahead(
    page: &Page,
    options: &Options,
    arrived: Vec<Arrived>,
) -> (Analysis, Refiner) {
    let mut blocks = Vec::new();
    let analysis = analyze_ahead(page, options, arrived, Some(&mut blocks));
    let refiner = Refiner::new(
        blocks,
        options,
        options.silenced_on(&page.url),
        analysis.sourcing_left_out,
    );
    (analysis, refiner)
}

/// What stage 2 yields for one block: the detectors' findings and each sentence's
/// opinion probability (out of context) and claim probability, in sentence order.
#[derive(Debug)]
pub(crate) struct Read {
    found: BlockFindings,
    opinion: Vec<f32>,
    claim: Vec<f32>,
    /// What the narration rules read of each sentence (its claim probability counts less
    /// in the article when it is narration).
    narration: Vec<claim::Reading>,
}

/// Stage 2 on one block's text: the detectors, then the opinion and claim models over
/// what they found, all reading the same words. `previous` is the sourcing the text before
/// ended with (updated); `after` the speaker the next block names as it opens, for a
/// quotation this one leaves open (see [`Chain`]).
pub(crate) fn read(
    text: &str,
    links: &[Range<usize>],
    previous: &mut Option<Sourcing>,
    after: Option<&Sourcing>,
) -> Read {
    let words = text::words(text);
    let block = BlockText {
        text,
        words: &words,
        links,
        sentences: Sentences::Split,
    };
    let found = detect::block_before(&block, previous, after);
    let models = [Model::shipped(), claim::model()];
    let (opinion, claim) = Model::score(models, &block, &found.sentences)
        .into_iter()
        .map(|[opinion, claim]| (opinion, claim))
        .unzip();
    let narration = found
        .sentences
        .iter()
        .map(|s| claim::Reading::of(&text[s.range.clone()], text::within(&words, &s.range)))
        .collect();
    Read {
        found,
        opinion,
        claim,
        narration,
    }
}

/// What stage 2 read of a block as article text, with the sourcing it started from (the
/// previous sentence's), the speaker the next block named for it, and the sourcing it
/// ended with.
#[derive(Debug)]
pub(crate) struct Detected {
    pub(crate) from: Option<Sourcing>,
    pub(crate) after: Option<Sourcing>,
    pub(crate) read: Read,
    pub(crate) to: Option<Sourcing>,
}

/// A block as it arrived: its text and where its segments lie in it, what the roles need
/// of it (`None` while its element was not known yet), and what stage 2 read of it
/// ahead, the reading the chain settled on last ([`Chain`] may read a block twice).
#[derive(Debug)]
pub(crate) struct Arrived {
    pub(crate) text: String,
    pub(crate) map: SegmentMap,
    pub(crate) facts: Option<BlockFacts>,
    pub(crate) ahead: Vec<Detected>,
}

impl Arrived {
    /// A block with nothing found for it yet.
    pub(crate) fn now(block: &Block) -> Arrived {
        Arrived {
            text: block.text(),
            map: SegmentMap::new(&block.segments),
            facts: None,
            ahead: Vec::new(),
        }
    }

    /// The reading of the block the chain settled on.
    fn settled(&self) -> &Detected {
        self.ahead.last().expect("a block in the chain was read")
    }
}

/// Stage 2 on a block of article text, given the sourcing the article's text before it
/// ended with (`previous`, updated) and the speaker the next block names (`after`): the
/// reading in `ahead` from the same, else one made now; either is left last in `ahead`.
fn read_body(
    block: &Block,
    arrived: &mut Arrived,
    previous: &mut Option<Sourcing>,
    after: Option<Sourcing>,
) {
    let from = previous.clone();
    let found = arrived
        .ahead
        .iter()
        .position(|d| d.from == from && d.after == after);
    let detected = match found {
        Some(at) => arrived.ahead.remove(at),
        None => {
            let links = link_ranges(block, &arrived.map);
            let read = read(&arrived.text, &links, previous, after.as_ref());
            Detected {
                from,
                after,
                read,
                to: previous.clone(),
            }
        }
    };
    previous.clone_from(&detected.to);
    arrived.ahead.push(detected);
}

/// Stage 2 along a run of article text, one block at a time in reading order: each block
/// read from the sourcing the one before ended with. A quotation often opens a paragraph
/// and names its speaker only in the next ("“…” ¶ “…,” said X."): when a block leaves a
/// quotation open and the next names a speaker as it opens, the block is read again with
/// that speaker, and the next again from where it now ends. A block is read at most three
/// times (each reading kept in its [`Arrived::ahead`]), so the cost stays linear.
#[derive(Debug, Default)]
pub(crate) struct Chain {
    /// The sourcing the text so far ends with.
    previous: Option<Sourcing>,
    /// The last block read, while it leaves a quotation open: its index and the sourcing
    /// it was read from.
    open: Option<(usize, Option<Sourcing>)>,
}

impl Chain {
    /// Reads `blocks[at]` (its text in `arrived[at]`) next in the chain, and the block
    /// before it again when it names the speaker that block's quotation was left without.
    pub(crate) fn read(&mut self, blocks: &[Block], arrived: &mut [Arrived], at: usize) {
        let from = self.previous.clone();
        read_body(&blocks[at], &mut arrived[at], &mut self.previous, None);
        let speaker = arrived[at].settled().read.found.opening_speaker.clone();
        if let (Some(speaker), Some((open, open_from))) = (speaker, self.open.take()) {
            let mut previous = open_from;
            read_body(
                &blocks[open],
                &mut arrived[open],
                &mut previous,
                Some(speaker),
            );
            self.previous = previous;
            return self.read(blocks, arrived, at);
        }
        let open = arrived[at].settled().read.found.quotation_open;
        self.open = open.then_some((at, from));
    }

    /// Text the analysis leaves out breaks the chain: the next block starts afresh.
    pub(crate) fn break_off(&mut self) {
        *self = Chain::default();
    }

    /// A heading keeps the sourcing in scope, but no quotation runs on across it.
    pub(crate) fn close_quotation(&mut self) {
        self.open = None;
    }
}

/// [`analyze_with`], given what was found of the first blocks as they arrived (see
/// [`crate::session`]): their text and what the roles need of it, and what stage 2 read
/// of them ahead as article text, used where it still holds and read again where not.
/// With `learned`, what the learned tier needs of each English article block is added
/// to it.
pub(crate) fn analyze_ahead(
    page: &Page,
    options: &Options,
    mut arrived: Vec<Arrived>,
    mut learned: Option<&mut Vec<refine::Block>>,
) -> Analysis {
    arrived.extend(page.blocks.iter().skip(arrived.len()).map(Arrived::now));
    // Stage 1: roles.
    let facts: Vec<BlockFacts> = arrived
        .iter()
        .zip(&page.blocks)
        .map(|(a, block)| {
            a.facts
                .unwrap_or_else(|| BlockFacts::of(&page.elements, block, &a.text))
        })
        .collect();
    let mut roles = roles::roles_from(page, &facts);
    let metadata = Metadata::of(page);
    let byline = byline::byline(page, &metadata, &roles);
    let authors = byline.as_deref().map(byline::authors).unwrap_or_default();
    roles::disclosures_outside(page, &mut roles, &authors);
    let body = || {
        arrived
            .iter()
            .zip(&roles)
            .filter(|(_, role)| **role == BlockRole::Body)
            .map(|(a, _)| a.text.as_str())
    };
    let language = language::of_article(body());
    let english = language::is_read(language);
    let narration = claim::narration::of_article(body());
    let mut analysis = Analysis {
        language,
        ..Analysis::default()
    };
    // Stage 2: detect or reuse, along the article's text (a block's reading may depend on
    // the next block's: see [`Chain`]).
    let mut chain = Chain::default();
    for (index, role) in roles.iter().enumerate() {
        match role {
            _ if !options.analyses(index as u32) => chain.break_off(),
            BlockRole::Body => chain.read(&page.blocks, &mut arrived, index),
            BlockRole::Heading => chain.close_quotation(),
            BlockRole::Disclosure => chain.break_off(),
            BlockRole::Boilerplate | BlockRole::Byline | BlockRole::Outside => {}
        }
    }
    let user_words = options.word_matcher();
    let silenced = options.silenced_on(&page.url);
    let thresholds = Thresholds {
        opinion: options.opinion_threshold(Model::shipped().threshold),
        claim: options.claim_threshold(claim::model().threshold),
    };
    let mut stats = TextStats::default();
    let mut sentences = Vec::new();
    let mut disclosure_groups: Vec<(u32, Vec<String>)> = Vec::new();
    for (index, (role, arrived)) in roles.iter().zip(arrived).enumerate() {
        let index = index as u32;
        if !options.analyses(index) {
            continue;
        }
        let (text, map) = (arrived.text, arrived.map);
        let mut read = match role {
            BlockRole::Body => {
                let mut readings = arrived.ahead;
                readings
                    .pop()
                    .expect("stage 2 read every article block")
                    .read
            }
            // A headline is not a sourced or unsourced claim: its sourcing is below it. A
            // heading that asks ("What happens next?") signposts the section it opens; it is
            // not the writer making a point by a question.
            BlockRole::Heading => {
                let mut read = read(&text, &[], &mut None, None);
                read.found.marks.retain(|m| {
                    m.subtype.category() != Category::Claim
                        && m.subtype != Subtype::RhetoricalQuestion
                });
                read
            }
            BlockRole::Disclosure => disclosure_block(index, &text, &mut disclosure_groups),
            BlockRole::Boilerplate | BlockRole::Byline | BlockRole::Outside => continue,
        };
        // The claim model's probabilities in the article: narration counts less.
        for (p, &sentence) in read.claim.iter_mut().zip(&read.narration) {
            *p = claim::in_context(*p, sentence, narration);
        }
        // Stage 3: filter. An article in another language keeps what the page facts need
        // of stage 2 (its type, its disclosures), but no marks and no sentences.
        let mut marks = read.found.marks;
        if let (Some(matcher), BlockRole::Body | BlockRole::Heading) = (&user_words, role) {
            marks.extend(user_marks(matcher, &text));
        }
        if !english {
            marks.clear();
        }
        let sentence_at = |range: &Range<usize>| sentence_at(&read.found.sentences, range);
        let claim_at = |range: &Range<usize>| sentence_at(range).map(|i| read.claim[i]);
        // The learned tier's view of an article block, before the filter decides on claims.
        let mut for_learned = learned
            .as_deref_mut()
            .filter(|_| english && matches!(role, BlockRole::Body | BlockRole::Heading))
            .map(|blocks| {
                let sentences = read
                    .found
                    .sentences
                    .iter()
                    .zip(&read.narration)
                    .map(|(s, reading)| refine::Sentence {
                        range: s.range.clone(),
                        narration: reading.in_article(narration),
                        sourcing: marks
                            .iter()
                            .find(|m| {
                                m.range == s.range
                                    && m.subtype.category() == Category::Claim
                                    && options.shows(m.subtype, m.subtype.confidence())
                                    && !silenced.contains(&m.cue)
                            })
                            .cloned(),
                    })
                    .collect();
                blocks.push(refine::Block {
                    index,
                    text: text.clone(),
                    map: map.clone(),
                    quoted: detect::quoted_spans(&text),
                    sentences,
                    findings: Vec::new(),
                });
                &mut blocks.last_mut().expect("just pushed").findings
            });
        marks.retain(|m| {
            if !options.shows(m.subtype, m.subtype.confidence()) || silenced.contains(&m.cue) {
                return false;
            }
            let check_worthy = || claim_at(&m.range).is_some_and(|p| p >= thresholds.claim);
            let shown = m.subtype.category() != Category::Claim
                || options.shows_sourcing(m.subtype, check_worthy());
            analysis.sourcing_left_out += u32::from(!shown);
            shown
        });
        // Stage 4: to the wire.
        for mark in marks {
            let sentence = (mark.subtype.category() == Category::Claim)
                .then(|| sentence_at(&mark.range))
                .flatten();
            let claim = sentence.map(|i| read.claim[i]);
            analysis
                .explanations
                .entry(mark.subtype)
                .or_insert_with(|| mark.subtype.explanation().to_string());
            let finding = Finding {
                block: index,
                category: mark.subtype.category(),
                subtype: mark.subtype,
                ranges: map.to_segment_ranges(mark.range.start, mark.range.end),
                claim,
                claim_reason: sentence.map(|i| {
                    let sentence = &text[mark.range.clone()];
                    let narration = read.narration[i].in_article(narration);
                    claim::explain(read.claim[i], thresholds.claim, sentence, narration)
                }),
                cue: mark.cue,
                learned: None,
            };
            if let Some(findings) = for_learned.as_deref_mut() {
                findings.push(refine::Placed {
                    finding: finding.clone(),
                    range: mark.range,
                });
            }
            analysis.findings.push(finding);
        }
        let scores = read.opinion.into_iter().zip(read.claim);
        for (sentence, (opinion, claim)) in read.found.sentences.into_iter().zip(scores) {
            stats.sentences += 1;
            stats.writer_voice += usize::from(sentence.writer_voice);
            stats.opinion_probability_sum += opinion;
            // The extension asks for findings only: no sentence list to map and send.
            if english && !options.skip_sentences {
                let ranges = map.to_segment_ranges(sentence.range.start, sentence.range.end);
                sentences.push((index, ranges, sentence, [opinion, claim]));
            }
        }
    }
    // Stage 5: page facts.
    let bylines: Vec<String> = page
        .blocks
        .iter()
        .zip(&roles)
        .filter(|(_, r)| **r == BlockRole::Byline)
        .map(|(b, _)| b.text())
        .collect();
    analysis.article_type = article_type::decide(&metadata, &bylines, stats);
    let opinion_article = analysis.article_type.kind.is_opinion();
    analysis.sentences = sentences
        .into_iter()
        .map(|(block, ranges, sentence, scores)| {
            sentence_finding(
                block,
                ranges,
                &sentence,
                scores,
                opinion_article,
                &thresholds,
            )
        })
        .collect();
    analysis.disclosures = disclosure::sections(disclosure_groups, &authors, roles::is_boilerplate);
    analysis.title = roles::title(page, &roles);
    analysis.transparency = jsonld::transparency(&metadata.json_ld);
    analysis.byline_organisation = byline
        .as_deref()
        .is_some_and(|b| byline::is_organisation(&metadata, b));
    analysis.byline = byline;
    analysis.roles = roles;
    analysis
}

/// The labels' thresholds after the reader's sensitivity.
struct Thresholds {
    opinion: f32,
    claim: f32,
}

/// A sentence's verdicts in its article: `opinion` is the opinion model's out-of-context
/// probability.
fn sentence_finding(
    block: u32,
    ranges: Vec<SegmentRange>,
    sentence: &Sentence,
    [opinion, claim]: [f32; 2],
    opinion_article: bool,
    thresholds: &Thresholds,
) -> SentenceFinding {
    let opinion = opinion::in_context(opinion, sentence, opinion_article);
    SentenceFinding {
        block,
        ranges,
        opinion,
        opinion_label: OpinionLabel::at(opinion, thresholds.opinion),
        claim,
        claim_label: ClaimLabel::at(claim, thresholds.claim),
        sourcing: sentence.facts.sourcing.into(),
        learned: None,
    }
}

/// The index of the block's sentence at `range` (a sourcing finding's range is its
/// sentence's).
fn sentence_at(sentences: &[Sentence], range: &Range<usize>) -> Option<usize> {
    let at = sentences.partition_point(|s| s.range.start < range.start);
    sentences.get(at).filter(|s| s.range == *range).map(|_| at)
}

/// A disclosure block's finding. Consecutive disclosure blocks form one section (an
/// author box), gathered in `groups` as (first block, texts) for the facts.
fn disclosure_block(index: u32, text: &str, groups: &mut Vec<(u32, Vec<String>)>) -> Read {
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
    Read {
        found: BlockFindings {
            marks: vec![Mark {
                range: 0..text.len(),
                subtype,
                cue,
            }],
            ..BlockFindings::default()
        },
        opinion: Vec::new(),
        claim: Vec::new(),
        narration: Vec::new(),
    }
}

/// The reader's own words in a block, outside quotations.
fn user_marks(matcher: &PhraseMatcher<Subtype>, text: &str) -> Vec<Mark> {
    let quoted = detect::quoted_spans(text);
    matcher
        .find(text, &text::words(text))
        .into_iter()
        .map(|m| Mark::new(text, m.start..m.end, m.tag))
        .filter(|m| !detect::is_quoted(&quoted, &m.range))
        .collect()
}

/// The block's links as byte ranges of its text; links outside the block are ignored.
fn link_ranges(block: &Block, map: &SegmentMap) -> Vec<Range<usize>> {
    block
        .links
        .iter()
        .filter(|l| detect::citation::cites_a_source(&l.href))
        .filter_map(|l| map.byte_range(l.start, l.end))
        .collect()
}

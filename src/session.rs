//! A page analysed while it is still being collected.
//!
//! Which blocks are the article can only be decided once the whole page is known, but
//! most of the work — the detectors over each block's text — does not depend on it. A
//! [`Session`] runs the detectors on every block as it arrives (the DOM layer sends them
//! slice by slice during its walk), reading each as article text in a chain from the
//! block before, and finds what the roles need of its own text (its length, links,
//! whether it reads as boilerplate or a date line); [`Session::finish`] decides the roles
//! from the page's structure and reuses what was found wherever the guess holds. The
//! result is always exactly [`crate::analyze_with`]'s (both run the stages of
//! `pipeline.rs`): a block whose role or preceding sourcing turns out different is
//! analysed again.

use crate::json::{self, FromJson, Reader};
use crate::options::Options;
use crate::page::model::{Block, Element, Page};
use crate::page::roles::BlockFacts;
use crate::pipeline::{analyze_ahead, learned_ahead, Analysis, Arrived, Chain};
use crate::refine::Refiner;

/// What a walk of the page found since its last batch: elements and blocks to append to
/// the model's (a block's element is among those sent before it or with it).
#[derive(Debug, Default)]
pub struct Batch {
    pub elements: Vec<Element>,
    pub blocks: Vec<Block>,
}

/// Both fields may be left out; unknown fields are skipped.
impl FromJson for Batch {
    fn read(r: &mut Reader<'_>) -> Result<Batch, json::Error> {
        let mut batch = Batch::default();
        r.object(&mut |r, key| {
            match key {
                "elements" => batch.elements = r.read()?,
                "blocks" => batch.blocks = r.read()?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(batch)
    }
}

/// A page whose blocks arrive in batches, each run through the detectors as it comes.
#[derive(Debug)]
pub struct Session {
    options: Options,
    elements: Vec<Element>,
    blocks: Vec<Block>,
    arrived: Vec<Arrived>,
    /// The blocks so far, read as one run of article text.
    chain: Chain,
}

impl Session {
    /// A session for a page to be analysed with `options` (blocks the options leave out
    /// are never run through the detectors).
    pub fn new(options: Options) -> Session {
        Session {
            options,
            elements: Vec::new(),
            blocks: Vec::new(),
            arrived: Vec::new(),
            chain: Chain::default(),
        }
    }

    /// The page's next elements and blocks, in document order: the blocks are run through
    /// the detectors now, and what the roles need of them is found.
    pub fn push(&mut self, batch: Batch) {
        self.elements.extend(batch.elements);
        for block in batch.blocks {
            let index = self.blocks.len() as u32;
            let mut arrived = Arrived::now(&block);
            if (block.element as usize) < self.elements.len() {
                arrived.facts = Some(BlockFacts::of(&self.elements, &block, &arrived.text));
            }
            self.blocks.push(block);
            self.arrived.push(arrived);
            if self.options.analyses(index) {
                self.chain
                    .read(&self.blocks, &mut self.arrived, index as usize);
            } else {
                // As in the analysis: text left out breaks the chain of sourcing.
                self.chain.break_off();
            }
        }
    }

    /// The analysis of the page: `page`'s metadata, with the elements and blocks pushed so
    /// far followed by `page`'s own. Those are not read ahead (the roles are known now, and
    /// a page sent whole would pay for running the detectors on its navigation and
    /// comments).
    pub fn finish(self, page: Page) -> Analysis {
        let (page, options, arrived) = self.whole(page);
        analyze_ahead(&page, &options, arrived, None)
    }

    /// [`Session::finish`], and the article's sentences ready for the learned tier (see
    /// [`crate::refine`]).
    pub fn finish_learned(self, page: Page) -> (Analysis, Refiner) {
        let (page, options, arrived) = self.whole(page);
        learned_ahead(&page, &options, arrived)
    }

    /// The whole page (`page`'s metadata, the elements and blocks pushed so far followed
    /// by `page`'s own), the options and what was read ahead.
    fn whole(self, mut page: Page) -> (Page, Options, Vec<Arrived>) {
        let mut elements = self.elements;
        let mut blocks = self.blocks;
        elements.append(&mut page.elements);
        blocks.append(&mut page.blocks);
        page.elements = elements;
        page.blocks = blocks;
        (page, self.options, self.arrived)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::model::Page;

    fn page(texts: &[&str]) -> Page {
        Page::of_paragraphs(texts)
    }

    #[test]
    fn a_block_read_ahead_after_text_that_is_not_the_articles_is_analysed_again() {
        // Read ahead, "He added…" continues the navigation's anonymous source; in the
        // article it continues an unattributed sentence (and so names its speaker).
        let mut page = page(&[
            "The plan will fail within a year.",
            "Officials familiar with the talks said they collapsed on Friday night.",
            "He added that the talks could resume next week.",
        ]);
        page.elements.push(Element::with("nav", None, &[]));
        page.elements.push(Element::with("li", Some(2), &[]));
        page.blocks[1].element = 3;
        let mut session = Session::new(Options::default());
        session.push(Batch {
            elements: page.elements.clone(),
            blocks: page.blocks.clone(),
        });
        let analysis = session.finish(Page::default());
        assert_eq!(analysis, crate::analyze(&page));
        assert_eq!(analysis.roles[1], crate::page::roles::BlockRole::Outside);
    }

    #[test]
    fn a_block_sent_before_its_element_gets_its_role_from_the_element_sent_later() {
        let mut page = page(&[
            "The talks collapsed on Friday night, officials said.",
            "What the collapse means for the region",
        ]);
        page.elements.push(Element::with("h2", Some(0), &[]));
        page.blocks[1].element = 2;
        let mut session = Session::new(Options::default());
        session.push(Batch {
            elements: page.elements[..2].to_vec(),
            blocks: page.blocks.clone(),
        });
        let rest = Page {
            elements: page.elements[2..].to_vec(),
            blocks: Vec::new(),
            ..page.clone()
        };
        let analysis = session.finish(rest);
        assert_eq!(analysis.roles[1], crate::page::roles::BlockRole::Heading);
        assert_eq!(analysis, crate::analyze(&page));
    }

    /// `page` analysed in a session: its blocks before `split` in one batch, the rest at
    /// the finish.
    fn in_session(page: &Page, split: usize) -> Analysis {
        let mut session = Session::new(Options::default());
        session.push(Batch {
            elements: page.elements.clone(),
            blocks: page.blocks[..split].to_vec(),
        });
        session.finish(Page {
            elements: Vec::new(),
            blocks: page.blocks[split..].to_vec(),
            ..page.clone()
        })
    }

    #[test]
    fn a_quotation_whose_speaker_the_next_block_names_is_the_same_as_in_one_call() {
        // Read ahead, block 1 is read before block 2 names its speaker, and again after;
        // between them a navigation block (not article text, but read ahead as if it were).
        let mut page = page(&[
            "The harbour board met on Monday night.",
            "“The sea wall is cracked in three places. It will not last another winter.",
            "Read more: ferry timetables",
            "“We have asked for repairs every year,” said Ingrid Holm, the board's chair.",
        ]);
        page.elements.push(Element::with("nav", None, &[]));
        page.blocks[2].element = 2;
        for split in 0..=page.blocks.len() {
            let analysis = in_session(&page, split);
            assert_eq!(analysis, crate::analyze(&page), "split at {split}");
            let quoted: Vec<_> = analysis.sentences.iter().filter(|s| s.block == 1).collect();
            assert!(
                quoted
                    .iter()
                    .all(|s| s.sourcing == crate::finding::SourcingLabel::AttributedNamed),
                "split at {split}: {quoted:?}"
            );
        }
    }

    #[test]
    fn a_chain_of_sourcing_across_blocks_is_the_same_as_in_one_call() {
        let page = page(&[
            "According to Reuters, the talks collapsed on Friday night.",
            "He added that the talks could resume next week.",
            "Critics say the plan will obviously fail.",
        ]);
        for split in 0..=page.blocks.len() {
            assert_eq!(
                in_session(&page, split),
                crate::analyze(&page),
                "split at {split}"
            );
        }
    }
}

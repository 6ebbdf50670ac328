//! The session API the extension uses: a page's blocks pushed in random batches, with
//! options that are not the defaults, must give exactly the one-call analysis, in time
//! proportional to the text.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use newslens::model::Page;
use newslens::options::{Exception, Options, Sensitivity, UserWord};
use newslens::session::{Batch, Session};
use newslens::{Category, Subtype};

#[derive(Arbitrary, Debug)]
struct Input {
    /// One paragraph per line.
    text: String,
    /// How many blocks each batch holds (cycled; 0 sends an empty batch).
    batches: Vec<u8>,
    /// How many blocks `finish` receives instead of the pushes.
    sent_whole: u8,
    disabled: Vec<u8>,
    sensitivity: Vec<(u8, u8)>,
    words: Vec<(u8, String)>,
    exceptions: Vec<(String, bool)>,
    only_blocks: Option<Vec<u8>>,
    skip_sentences: bool,
    all_sourcing: bool,
}

fn subtype(n: u8) -> Subtype {
    Subtype::ALL[n as usize % Subtype::ALL.len()]
}

impl Input {
    fn options(&self) -> Options {
        let categories = [Category::Opinion, Category::Claim, Category::Disclosure];
        Options {
            disabled: self.disabled.iter().map(|&n| subtype(n)).collect(),
            sensitivity: self
                .sensitivity
                .iter()
                .map(|&(c, v)| Sensitivity {
                    category: categories[c as usize % 3],
                    value: f32::from(v) / 255.0,
                })
                .collect(),
            words: self
                .words
                .iter()
                .map(|(s, phrase)| UserWord {
                    subtype: subtype(*s),
                    phrase: phrase.clone(),
                })
                .collect(),
            exceptions: self
                .exceptions
                .iter()
                .map(|(cue, here)| Exception {
                    cue: cue.clone(),
                    site: here.then(|| "example.com".to_string()),
                })
                .collect(),
            only_blocks: self
                .only_blocks
                .as_ref()
                .map(|b| b.iter().map(|&n| u32::from(n)).collect()),
            skip_sentences: self.skip_sentences,
            all_sourcing: self.all_sourcing,
        }
    }
}

fuzz_target!(|input: Input| {
    let options = input.options();
    let size = input.text.len() + input.words.iter().map(|(_, w)| w.len()).sum::<usize>();
    newslens_fuzz::within_budget(size, || {
        let mut page = Page::from_text(&input.text);
        page.url = "https://news.example.com/opinion/a".into();
        let whole = newslens::analyze_with(&page, &options);

        let mut session = Session::new(options.clone());
        let pushed = page.blocks.len() - usize::from(input.sent_whole).min(page.blocks.len());
        let mut rest = Page {
            blocks: page.blocks.split_off(pushed),
            ..page.clone()
        };
        // Every element first (blocks point at them), then the blocks in batches.
        session.push(Batch {
            elements: std::mem::take(&mut rest.elements),
            blocks: Vec::new(),
        });
        let mut sizes: Vec<usize> = input.batches.iter().map(|&n| usize::from(n)).collect();
        if sizes.iter().all(|&n| n == 0) {
            sizes.push(usize::MAX);
        }
        let mut blocks = page.blocks;
        for &n in sizes.iter().cycle() {
            if blocks.is_empty() {
                break;
            }
            let batch = blocks.drain(..n.min(blocks.len())).collect();
            session.push(Batch {
                elements: Vec::new(),
                blocks: batch,
            });
        }
        assert_eq!(
            session.finish(rest),
            whole,
            "the session differs from one call"
        );
    });
});

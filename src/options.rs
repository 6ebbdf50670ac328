//! The reader's settings, as inputs to the core: which kinds of finding to show, how
//! sensitive each category is, their own word lists and the cues they have silenced.

use std::collections::HashSet;

use serde::Serialize;

use crate::catalogue::{Category, Subtype};
use crate::json::{self, FromJson, Reader};
use crate::text::phrases::PhraseMatcher;

/// Options for [`crate::analyze_with`]. Every field has a default, so `{}` is valid.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Options {
    /// Kinds of finding not to report.
    pub disabled: Vec<Subtype>,
    /// Sensitivity per category, 0 (only the surest findings) to 1 (everything);
    /// categories not listed use [`DEFAULT_SENSITIVITY`].
    pub sensitivity: Vec<Sensitivity>,
    /// The reader's own words and phrases to mark.
    pub words: Vec<UserWord>,
    /// Cues the reader marked "not a cue here", everywhere or on one site.
    pub exceptions: Vec<Exception>,
    /// Blocks to analyse; `None` analyses them all. On a dynamic page the DOM layer sends
    /// the whole page (so roles are decided on all of it) but asks only for the blocks
    /// whose text is new; it keeps the findings it already has for the others. Article
    /// type and disclosures are then from those blocks alone.
    pub only_blocks: Option<Vec<u32>>,
    /// Leave out the list of every sentence: the extension draws only the findings, and on
    /// a long page the sentence list would be most of what crosses the message channel.
    pub skip_sentences: bool,
    /// Show the sourcing of every sentence. By default a sentence's sourcing is shown only
    /// where it matters to a reader (see [`Options::shows_sourcing`]); plain narration
    /// would otherwise underline nearly every line of a news report.
    pub all_sourcing: bool,
}

pub const DEFAULT_SENSITIVITY: f32 = 0.5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    pub category: Category,
    pub value: f32,
}

/// A phrase the reader wants marked as a kind of opinion marker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserWord {
    pub subtype: Subtype,
    pub phrase: String,
}

/// A cue not to report; `site` (a host name such as `example.com`, which also covers its
/// subdomains) limits it to one site.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exception {
    pub cue: String,
    pub site: Option<String>,
}

impl Options {
    pub fn sensitivity(&self, category: Category) -> f32 {
        self.sensitivity
            .iter()
            .rev()
            .find(|s| s.category == category)
            .map_or(DEFAULT_SENSITIVITY, |s| s.value.clamp(0.0, 1.0))
    }

    /// Whether a finding of this kind and confidence should be reported.
    pub fn shows(&self, subtype: Subtype, confidence: f32) -> bool {
        !self.disabled.contains(&subtype)
            && confidence >= 1.0 - self.sensitivity(subtype.category())
    }

    /// The exceptions that apply on the page at `url`, compiled once for its analysis: a
    /// finding's cue is then looked up, where comparing it with every exception (each
    /// normalised again) cost a page with many findings time in proportion to both.
    pub fn silenced_on(&self, url: &str) -> Silenced {
        let host = host_of(url);
        let cues = self
            .exceptions
            .iter()
            .filter(|e| {
                e.site.as_deref().is_none_or(|site| {
                    let site = site.to_ascii_lowercase();
                    host == site || host.ends_with(&format!(".{site}"))
                })
            })
            .map(|e| normalise(&e.cue))
            .filter(|cue| !cue.is_empty())
            .collect();
        Silenced { cues }
    }

    /// Whether block `index` is to be analysed.
    pub fn analyses(&self, index: u32) -> bool {
        self.only_blocks
            .as_ref()
            .is_none_or(|only| only.contains(&index))
    }

    /// A matcher for the reader's words, if they have any.
    pub fn word_matcher(&self) -> Option<PhraseMatcher<Subtype>> {
        if self.words.is_empty() {
            return None;
        }
        let lists: Vec<(Subtype, &str)> = self
            .words
            .iter()
            .filter(|w| w.subtype.category() == Category::Opinion && !w.phrase.trim().is_empty())
            .map(|w| (w.subtype, w.phrase.as_str()))
            .collect();
        Some(PhraseMatcher::new(&lists))
    }

    /// The opinion-sentence threshold after sensitivity: more sensitive, lower threshold.
    pub fn opinion_threshold(&self, shipped: f32) -> f32 {
        self.threshold(Category::Opinion, shipped)
    }

    /// The check-worthy-claim threshold after the claims' sensitivity, as for opinion.
    pub fn claim_threshold(&self, shipped: f32) -> f32 {
        self.threshold(Category::Claim, shipped)
    }

    fn threshold(&self, category: Category, shipped: f32) -> f32 {
        let shift = (DEFAULT_SENSITIVITY - self.sensitivity(category)) * 0.4;
        (shipped + shift).clamp(0.05, 0.95)
    }

    /// Whether a sentence's sourcing of kind `subtype` is shown, given whether the sentence
    /// is a check-worthy claim: with [`Options::all_sourcing`] always; by default the
    /// sourcing a reader should weigh — a vague or anonymous source whatever the claim, a
    /// missing source on a check-worthy claim — and neither a named source (the reassuring
    /// case, a quarter of a news report's sentences) nor narration: underlined too, they
    /// would bury the few lines that matter (the panel counts what is left plain).
    pub fn shows_sourcing(&self, subtype: Subtype, check_worthy: bool) -> bool {
        self.all_sourcing
            || match subtype {
                Subtype::Unattributed => check_worthy,
                Subtype::AttributedNamed => false,
                _ => true,
            }
    }
}

/// The cues silenced on one page (see [`Options::silenced_on`]).
#[derive(Debug, Default)]
pub struct Silenced {
    cues: HashSet<String>,
}

impl Silenced {
    /// Whether `cue` is silenced. An empty cue (an unsourced claim) never is: it would
    /// silence every such claim.
    pub fn contains(&self, cue: &str) -> bool {
        !self.cues.is_empty() && self.cues.contains(&normalise(cue))
    }
}

fn normalise(s: &str) -> String {
    s.trim().replace('’', "'").to_lowercase()
}

/// The lower-case host of a URL ("" if there is none).
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    host.split(':').next().unwrap_or("").to_ascii_lowercase()
}

// How the options are read from JSON (the extension's settings, `src/options.rs`'s
// shape): every field of [`Options`] may be left out; unknown fields are skipped.

impl FromJson for Options {
    fn read(r: &mut Reader<'_>) -> Result<Options, json::Error> {
        let mut options = Options::default();
        r.object(&mut |r, key| {
            match key {
                "disabled" => options.disabled = r.read()?,
                "sensitivity" => options.sensitivity = r.read()?,
                "words" => options.words = r.read()?,
                "exceptions" => options.exceptions = r.read()?,
                "only_blocks" => options.only_blocks = r.read()?,
                "skip_sentences" => options.skip_sentences = r.read()?,
                "all_sourcing" => options.all_sourcing = r.read()?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(options)
    }
}

impl FromJson for Sensitivity {
    fn read(r: &mut Reader<'_>) -> Result<Sensitivity, json::Error> {
        let (mut category, mut value) = (None, None);
        r.object(&mut |r, key| {
            match key {
                "category" => category = Some(r.read()?),
                "value" => value = Some(r.read()?),
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(Sensitivity {
            category: r.required(category, "category")?,
            value: r.required(value, "value")?,
        })
    }
}

impl FromJson for UserWord {
    fn read(r: &mut Reader<'_>) -> Result<UserWord, json::Error> {
        let (mut subtype, mut phrase) = (None, None);
        r.object(&mut |r, key| {
            match key {
                "subtype" => subtype = Some(r.read()?),
                "phrase" => phrase = Some(r.read()?),
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(UserWord {
            subtype: r.required(subtype, "subtype")?,
            phrase: r.required(phrase, "phrase")?,
        })
    }
}

impl FromJson for Exception {
    fn read(r: &mut Reader<'_>) -> Result<Exception, json::Error> {
        let (mut cue, mut site) = (None, None);
        r.object(&mut |r, key| {
            match key {
                "cue" => cue = Some(r.read()?),
                "site" => site = r.read()?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(Exception {
            cue: r.required(cue, "cue")?,
            site,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field, not at its default (a literal without `..`, so a new field must be
    /// added here), survives serde's writer and the reader.
    #[test]
    fn the_reader_reads_every_field_serde_writes() {
        let options = Options {
            disabled: vec![Subtype::ALL[0], Subtype::ALL[3]],
            sensitivity: vec![Sensitivity {
                category: Subtype::ALL[2].category(),
                value: 0.75,
            }],
            words: vec![UserWord {
                subtype: Subtype::ALL[1],
                phrase: "so-called".into(),
            }],
            exceptions: vec![
                Exception {
                    cue: "slammed".into(),
                    site: Some("example.com".into()),
                },
                Exception {
                    cue: "blasted".into(),
                    site: None,
                },
            ],
            only_blocks: Some(vec![1, 4]),
            skip_sentences: true,
            all_sourcing: true,
        };
        let text = serde_json::to_string(&options).unwrap();
        assert_eq!(json::from_str::<Options>(&text).unwrap(), options);
        let error = json::from_str::<Options>(r#"{"disabled": ["no-such-kind"]}"#).unwrap_err();
        assert_eq!(
            error.to_string(),
            "expected a kind of finding, not `no-such-kind`, at byte 28"
        );
    }

    #[test]
    fn exceptions_match_cue_and_site() {
        let options = Options {
            exceptions: vec![
                Exception {
                    cue: "Obviously".into(),
                    site: None,
                },
                Exception {
                    cue: "don't know if".into(),
                    site: Some("example.com".into()),
                },
            ],
            ..Options::default()
        };
        assert!(options
            .silenced_on("https://news.test/a")
            .contains("obviously"));
        let example = options.silenced_on("https://www.example.com:8080/x");
        assert!(example.contains("don’t know if"));
        assert!(!example.contains(""));
        assert!(!options
            .silenced_on("https://notexample.com/")
            .contains("don’t know if"));
    }

    #[test]
    fn sensitivity_gates_confidence_and_moves_the_opinion_threshold() {
        let strict = Options {
            sensitivity: vec![Sensitivity {
                category: Category::Opinion,
                value: 0.2,
            }],
            disabled: vec![Subtype::ScareQuote],
            ..Options::default()
        };
        assert!(!strict.shows(Subtype::Loaded, 0.55));
        assert!(strict.shows(Subtype::Stance, 0.9));
        assert!(!strict.shows(Subtype::ScareQuote, 1.0));
        assert!(Options::default().shows(Subtype::Loaded, 0.55));
        assert!(strict.opinion_threshold(0.4) > 0.4);
    }

    #[test]
    fn by_default_only_the_sourcing_that_matters_is_shown() {
        let default = Options::default();
        assert!(!default.shows_sourcing(Subtype::Unattributed, false));
        assert!(default.shows_sourcing(Subtype::Unattributed, true));
        assert!(!default.shows_sourcing(Subtype::AttributedNamed, true));
        assert!(default.shows_sourcing(Subtype::Vague, false));
        assert!(default.shows_sourcing(Subtype::AttributedAnonymous, false));
        let all: Options = json::from_str(r#"{"all_sourcing": true}"#).unwrap();
        assert!(all.shows_sourcing(Subtype::Unattributed, false));
        assert!(all.shows_sourcing(Subtype::AttributedNamed, false));
    }

    #[test]
    fn options_parse_from_partial_json() {
        let options: Options = json::from_str(r#"{"disabled": ["loaded"]}"#).unwrap();
        assert_eq!(options.disabled, [Subtype::Loaded]);
        assert_eq!(options.sensitivity(Category::Claim), DEFAULT_SENSITIVITY);
    }
}

//! The catalogue of kinds: every kind of finding newslens shows, with everything the rest
//! of the project needs to know about it — its wire id, category, the label and
//! explanation a reader sees, whether it is on by default, how far it is trusted and how
//! it is drawn.
//!
//! This table is the one source of those facts. The serialised ids come from it (there is
//! no serde `rename` to keep in step), the reader-facing text comes from it, and the
//! extension's `kinds.js` and `dom/highlights.css` are generated from it into the build
//! output (see [`export`]); `tests/catalogue.rs` fails when an entry lacks a label,
//! explanation or style.
//!
//! Why a table of its own rather than entries declared by the detector files: a kind is
//! not a detector. The sourcing detector yields four kinds, the phrase lists three, and
//! the disclosure kinds come from block roles, not from a detector at all. So a kind is
//! declared here (a variant and its entry, side by side in this one file) and a detector
//! says which kinds it yields.

#[cfg(not(target_arch = "wasm32"))]
pub mod export;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The three things newslens shows a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// A word, phrase or sentence that expresses the writer's opinion.
    Opinion,
    /// A sentence that asserts something, with how (or whether) it is sourced.
    Claim,
    /// A section about the author: bio, affiliations, interests.
    Disclosure,
}

/// What kind of opinion marker, sourcing or disclosure a finding is. Its facts are its
/// [`Kind`] entry in [`KINDS`] (at the index of the variant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subtype {
    Hedge,
    Booster,
    Stance,
    Loaded,
    Speculation,
    RhetoricalQuestion,
    ScareQuote,
    AttributedNamed,
    AttributedAnonymous,
    Vague,
    Unattributed,
    AuthorBio,
    DisclosureStatement,
    Sponsorship,
}

/// A category's entry: its wire id and the heading a reader sees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CategoryInfo {
    pub category: Category,
    pub id: &'static str,
    pub label: &'static str,
}

/// A kind's entry in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kind {
    pub subtype: Subtype,
    /// The wire id (kebab-case): in the JSON, the settings and the highlight names.
    pub id: &'static str,
    pub category: Category,
    /// The name a reader sees on a card and in the wrapper marks' descriptions.
    pub label: &'static str,
    /// The one-line explanation a reader sees for this kind of finding.
    pub explanation: &'static str,
    /// Shown to a reader who has not turned it off.
    pub default_on: bool,
    /// How often a finding of this kind is right, roughly: compared with the reader's
    /// sensitivity (a finding shows when `confidence >= 1 - sensitivity`). The order
    /// follows the precision measured by `newslens eval`: fixed first-person and
    /// speculation phrases are almost always opinion, single loaded words often are not.
    pub confidence: f32,
    pub style: Style,
}

/// How a kind is drawn: an underline style (the same in every palette, so no kind relies
/// on colour alone) and the colours of each palette, in [`PALETTES`] order; and, in the
/// CLI's reading view, its terminal style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub line: Line,
    pub colours: [Colours; 4],
    pub terminal: Terminal,
}

/// A kind in the CLI's coloured reading view, as an ANSI SGR code: opinion markers and
/// disclosures colour their words, claims underline their sentence (so the markers inside
/// it keep their colour), and a well-sourced claim is left plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Terminal {
    Colour(&'static str),
    Underline(&'static str),
    Plain,
}

/// The CSS `text-decoration-style` of a kind's underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Solid,
    Double,
    Dotted,
    Dashed,
    Wavy,
}

impl Line {
    pub fn css(self) -> &'static str {
        match self {
            Line::Solid => "solid",
            Line::Double => "double",
            Line::Dotted => "dotted",
            Line::Dashed => "dashed",
            Line::Wavy => "wavy",
        }
    }
}

/// One palette's colours for a kind: a background tint (claims have none, so the markers
/// inside their sentences stay readable) and the underline's colour, as CSS colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colours {
    pub background: Option<&'static str>,
    pub line: &'static str,
}

/// A set of colours for every kind: the extension picks one from the reader's palette
/// setting and the page's background (`dom/render.js`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Inserted after `newslens-` in a highlight's name.
    pub prefix: &'static str,
    /// Why the palette exists and when it is used (a comment in the generated CSS).
    pub note: &'static str,
}

pub const PALETTES: [Palette; 4] = [
    Palette {
        prefix: "",
        note: "The default palette, on light pages.",
    },
    Palette {
        prefix: "dark-",
        note: "The dark palette, used on pages whose text sits on a dark background (render.js decides\n   from the page's own colours): lighter tints, same underline styles.",
    },
    Palette {
        prefix: "cb-",
        note: "The colour-blind-safe palette (a setting): Okabe–Ito hues, distinguishable with every\n   common colour-vision deficiency, on the same underline styles; light pages.",
    },
    Palette {
        prefix: "cb-dark-",
        note: "The colour-blind-safe palette on dark pages.",
    },
];

pub const CATEGORIES: [CategoryInfo; 3] = [
    CategoryInfo {
        category: Category::Opinion,
        id: "opinion",
        label: "Opinion markers",
    },
    CategoryInfo {
        category: Category::Claim,
        id: "claim",
        label: "Claims",
    },
    CategoryInfo {
        category: Category::Disclosure,
        id: "disclosure",
        label: "Disclosures",
    },
];

/// A palette's colours with a background tint.
const fn tint(background: &'static str, line: &'static str) -> Colours {
    Colours {
        background: Some(background),
        line,
    }
}

/// A palette's colours with an underline only.
const fn underline(line: &'static str) -> Colours {
    Colours {
        background: None,
        line,
    }
}

/// The author's disclosure, disclosure statements and sponsorship notes look alike: a
/// pale blue tint and a double underline.
const DISCLOSURE_STYLE: Style = Style {
    line: Line::Double,
    colours: [
        tint("rgba(33, 150, 243, 0.14)", "#1565c0"),
        tint("rgba(144, 202, 249, 0.2)", "#90caf9"),
        tint("rgba(0,114,178, 0.14)", "#0072b2"),
        tint("rgba(0,114,178, 0.25)", "#56b4e9"),
    ],
    terminal: Terminal::Colour("34"),
};

/// Every kind, in [`Subtype`] order: opinion markers first, then claims, then disclosures.
pub const KINDS: [Kind; 14] = [
    Kind {
        subtype: Subtype::Hedge,
        id: "hedge",
        category: Category::Opinion,
        label: "Hedge",
        explanation: "Hedge: the writer signals uncertainty rather than stating a fact.",
        default_on: true,
        confidence: 0.75,
        style: Style {
            line: Line::Dotted,
            colours: [
                tint("rgba(255, 213, 79, 0.45)", "#9a7400"),
                tint("rgba(255, 224, 130, 0.3)", "#ffe082"),
                tint("rgba(86,180,233, 0.3)", "#0072b2"),
                tint("rgba(86,180,233, 0.25)", "#56b4e9"),
            ],
            terminal: Terminal::Colour("33"),
        },
    },
    Kind {
        subtype: Subtype::Booster,
        id: "booster",
        category: Category::Opinion,
        label: "Booster",
        explanation: "Booster: the writer presents a view as certain or beyond question.",
        default_on: true,
        confidence: 0.75,
        style: Style {
            line: Line::Solid,
            colours: [
                tint("rgba(255, 152, 0, 0.35)", "#a65c00"),
                tint("rgba(255, 183, 77, 0.3)", "#ffb74d"),
                tint("rgba(230,159,0, 0.3)", "#a66f00"),
                tint("rgba(230,159,0, 0.25)", "#e69f00"),
            ],
            terminal: Terminal::Colour("35"),
        },
    },
    Kind {
        subtype: Subtype::Stance,
        id: "stance",
        category: Category::Opinion,
        label: "First-person stance",
        explanation: "First-person stance: the writer states their own view.",
        default_on: true,
        confidence: 0.9,
        style: Style {
            line: Line::Double,
            colours: [
                tint("rgba(186, 104, 200, 0.3)", "#7b1fa2"),
                tint("rgba(206, 147, 216, 0.3)", "#ce93d8"),
                tint("rgba(204,121,167, 0.3)", "#8e3f6c"),
                tint("rgba(204,121,167, 0.25)", "#cc79a7"),
            ],
            terminal: Terminal::Colour("36"),
        },
    },
    Kind {
        subtype: Subtype::Loaded,
        id: "loaded",
        category: Category::Opinion,
        label: "Loaded word",
        explanation: "Loaded word: evaluative language that carries a judgement.",
        default_on: true,
        confidence: 0.55,
        style: Style {
            line: Line::Wavy,
            colours: [
                tint("rgba(239, 83, 80, 0.28)", "#c62828"),
                tint("rgba(239, 154, 154, 0.28)", "#ef9a9a"),
                tint("rgba(213,94,0, 0.3)", "#a04600"),
                tint("rgba(213,94,0, 0.25)", "#ff9e57"),
            ],
            terminal: Terminal::Colour("31"),
        },
    },
    Kind {
        subtype: Subtype::Speculation,
        id: "speculation",
        category: Category::Opinion,
        label: "Speculation",
        explanation: "Speculation: the writer guesses at what someone else feels or thinks.",
        default_on: true,
        confidence: 0.85,
        style: Style {
            line: Line::Dashed,
            colours: [
                tint("rgba(171, 71, 188, 0.28)", "#6a1b9a"),
                tint("rgba(186, 104, 200, 0.3)", "#e1bee7"),
                tint("rgba(204,121,167, 0.3)", "#8e3f6c"),
                tint("rgba(204,121,167, 0.25)", "#e3a9c9"),
            ],
            terminal: Terminal::Colour("35"),
        },
    },
    Kind {
        subtype: Subtype::RhetoricalQuestion,
        id: "rhetorical-question",
        category: Category::Opinion,
        label: "Rhetorical question",
        explanation: "Rhetorical question: a question asked to make a point, not to get an answer.",
        default_on: true,
        confidence: 0.7,
        style: Style {
            line: Line::Dashed,
            colours: [
                underline("#8e24aa"),
                underline("#e1bee7"),
                underline("#0072b2"),
                underline("#56b4e9"),
            ],
            terminal: Terminal::Colour("3;35"),
        },
    },
    Kind {
        subtype: Subtype::ScareQuote,
        id: "scare-quote",
        category: Category::Opinion,
        label: "Scare quotes",
        explanation:
            "Scare quotes: quotation marks around a word to cast doubt on it, not to quote anyone.",
        default_on: true,
        confidence: 0.6,
        style: Style {
            line: Line::Dotted,
            colours: [
                tint("rgba(255, 112, 67, 0.3)", "#bf360c"),
                tint("rgba(255, 171, 145, 0.3)", "#ffab91"),
                tint("rgba(230,159,0, 0.3)", "#a66f00"),
                tint("rgba(230,159,0, 0.25)", "#f5c55c"),
            ],
            terminal: Terminal::Colour("31"),
        },
    },
    Kind {
        subtype: Subtype::AttributedNamed,
        id: "attributed-named",
        category: Category::Claim,
        label: "Named source",
        explanation: "Sourced claim: a named source is given.",
        default_on: true,
        confidence: 0.9,
        // Drawn quieter than the other claim kinds (half-transparent colours): a named
        // source is the reassuring case, and at full strength its lines would fill a news
        // report and hide the anonymous, vague and missing sources among them.
        style: Style {
            line: Line::Solid,
            colours: [
                underline("rgba(46, 125, 50, 0.35)"),
                underline("rgba(165, 214, 167, 0.4)"),
                underline("rgba(0, 158, 115, 0.4)"),
                underline("rgba(79, 209, 168, 0.45)"),
            ],
            terminal: Terminal::Plain,
        },
    },
    Kind {
        subtype: Subtype::AttributedAnonymous,
        id: "attributed-anonymous",
        category: Category::Claim,
        label: "Anonymous source",
        explanation: "Anonymously sourced claim: the source is specific but unnamed.",
        default_on: true,
        confidence: 0.85,
        style: Style {
            line: Line::Dashed,
            colours: [
                underline("#00796b"),
                underline("#80cbc4"),
                underline("#0072b2"),
                underline("#56b4e9"),
            ],
            terminal: Terminal::Plain,
        },
    },
    Kind {
        subtype: Subtype::Vague,
        id: "vague",
        category: Category::Claim,
        label: "Vague source",
        explanation: "Vaguely sourced claim: an unnamed many stands in for a source.",
        default_on: true,
        confidence: 0.7,
        style: Style {
            line: Line::Wavy,
            colours: [
                underline("#ef6c00"),
                underline("#ffcc80"),
                underline("#b07d00"),
                underline("#f0e442"),
            ],
            terminal: Terminal::Underline("4;2"),
        },
    },
    Kind {
        subtype: Subtype::Unattributed,
        id: "unattributed",
        category: Category::Claim,
        label: "No source",
        explanation: "Unsourced claim: no source, quote or link backs this statement.",
        default_on: true,
        confidence: 0.6,
        style: Style {
            line: Line::Dotted,
            colours: [
                underline("rgba(183, 28, 28, 0.55)"),
                underline("rgba(239, 154, 154, 0.8)"),
                underline("#d55e00"),
                underline("#ff9e57"),
            ],
            terminal: Terminal::Underline("4"),
        },
    },
    Kind {
        subtype: Subtype::AuthorBio,
        id: "author-bio",
        category: Category::Disclosure,
        label: "Author disclosure",
        explanation: "Author disclosure: who the writer is and whom they work for.",
        default_on: true,
        confidence: 0.9,
        style: DISCLOSURE_STYLE,
    },
    Kind {
        subtype: Subtype::DisclosureStatement,
        id: "disclosure-statement",
        category: Category::Disclosure,
        label: "Disclosure statement",
        explanation: "Disclosure statement: the writer's interests or the standing of their views.",
        default_on: true,
        confidence: 0.9,
        style: DISCLOSURE_STYLE,
    },
    Kind {
        subtype: Subtype::Sponsorship,
        id: "sponsorship",
        category: Category::Disclosure,
        label: "Sponsorship note",
        explanation: "Sponsorship note: someone paid for or partnered on this content.",
        default_on: true,
        confidence: 0.9,
        style: DISCLOSURE_STYLE,
    },
];

impl Subtype {
    /// Every subtype, opinion markers first, then claims, then disclosures.
    pub const ALL: [Subtype; KINDS.len()] = {
        let mut all = [Subtype::Hedge; KINDS.len()];
        let mut i = 0;
        while i < KINDS.len() {
            all[i] = KINDS[i].subtype;
            i += 1;
        }
        all
    };

    /// This subtype's catalogue entry.
    pub fn kind(self) -> &'static Kind {
        &KINDS[self as usize]
    }

    /// The subtype with this wire id.
    pub fn from_id(id: &str) -> Option<Subtype> {
        KINDS.iter().find(|k| k.id == id).map(|k| k.subtype)
    }

    pub fn id(self) -> &'static str {
        self.kind().id
    }

    pub fn category(self) -> Category {
        self.kind().category
    }

    /// See [`Kind::confidence`].
    pub fn confidence(self) -> f32 {
        self.kind().confidence
    }

    /// The one-line explanation a reader sees for this kind of finding.
    pub fn explanation(self) -> &'static str {
        self.kind().explanation
    }
}

impl Category {
    /// This category's catalogue entry.
    pub fn info(self) -> &'static CategoryInfo {
        &CATEGORIES[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    fn from_id(id: &str) -> Option<Category> {
        CATEGORIES.iter().find(|c| c.id == id).map(|c| c.category)
    }
}

/// Ids on the wire: a kind serialises as its catalogue id.
impl Serialize for Subtype {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Subtype {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_wire(deserializer, Subtype::from_id, "kind of finding")
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_wire(deserializer, Category::from_id, "category")
    }
}

/// A wire id read and looked up by `lookup`; `what` names what it should be in the error.
fn from_wire<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    lookup: fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, D::Error> {
    let id = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    lookup(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown {what} `{id}`")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entry_sits_at_the_index_of_its_variant() {
        for (i, kind) in KINDS.iter().enumerate() {
            assert_eq!(kind.subtype as usize, i, "{} is out of place", kind.id);
        }
        for (i, info) in CATEGORIES.iter().enumerate() {
            assert_eq!(info.category as usize, i, "{} is out of place", info.id);
        }
    }

    #[test]
    fn ids_go_to_the_wire_and_back() {
        for kind in KINDS {
            let json = serde_json::to_string(&kind.subtype).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.id));
            assert_eq!(
                serde_json::from_str::<Subtype>(&json).unwrap(),
                kind.subtype
            );
        }
        assert!(serde_json::from_str::<Subtype>("\"no-such-kind\"").is_err());
        let json = serde_json::to_string(&Category::Claim).unwrap();
        assert_eq!(json, "\"claim\"");
        assert_eq!(
            serde_json::from_str::<Category>(&json).unwrap(),
            Category::Claim
        );
    }
}

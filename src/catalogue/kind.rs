//! What a kind of finding is: the types of a catalogue entry, and [`Subtype`], the kinds
//! themselves. The detectors and the findings name kinds through this module, which names
//! no detector; [`crate::catalogue`] gathers the declared entries into the table.

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
    /// The wire id (kebab-case): in the JSON, the settings and the highlight names.
    pub id: &'static str,
    pub category: Category,
    /// Where the kind stands among its category's kinds: in the settings, the legend, the
    /// highlight rules and the order of [`Subtype`]. Two kinds of a category never share
    /// one (the build fails); steps of ten leave room for a kind in between.
    pub order: u8,
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
pub const fn tint(background: &'static str, line: &'static str) -> Colours {
    Colours {
        background: Some(background),
        line,
    }
}

/// A palette's colours with an underline only.
pub const fn underline(line: &'static str) -> Colours {
    Colours {
        background: None,
        line,
    }
}

include!(concat!(env!("OUT_DIR"), "/subtype.rs"));

/// The place of the `i`th declared kind in the catalogue (its variant's discriminant): how
/// many kinds come before it, by category, then by order. `ranks` are the declarations'
/// (category, order), as `build.rs` read them.
const fn place<const N: usize>(ranks: [(Category, u8); N], i: usize) -> isize {
    const fn rank((category, order): (Category, u8)) -> usize {
        (category as usize) << 8 | order as usize
    }
    let mut place = 0;
    let mut j = 0;
    while j < N {
        if j != i && rank(ranks[j]) == rank(ranks[i]) {
            panic!("two kinds of one category have the same order");
        }
        if rank(ranks[j]) < rank(ranks[i]) {
            place += 1;
        }
        j += 1;
    }
    place
}

impl Category {
    /// This category's catalogue entry.
    pub fn info(self) -> &'static CategoryInfo {
        &CATEGORIES[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub(super) fn from_id(id: &str) -> Option<Category> {
        CATEGORIES.iter().find(|c| c.id == id).map(|c| c.category)
    }
}

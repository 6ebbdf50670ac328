//! The catalogue as the extension reads it: `kinds.js` and `dom/highlights.css`, generated
//! into the built extension and demo page by `cargo xtask build` (and into
//! `target/generated/` by `cargo xtask kinds`, for the Node tests). They are build output,
//! never files of the source tree, so they cannot fall out of step with the catalogue.
//! Native only: the wasm package never needs them.

use serde::Serialize;
use serde_json::json;

use super::{CATEGORIES, KINDS, PALETTES};

/// The generated files: each one's path inside the built extension (the demo page mirrors
/// that layout, and the manifest names these paths), with its text.
pub fn files() -> [(&'static str, String); 2] {
    [
        ("kinds.js", kinds_js()),
        ("dom/highlights.css", highlights_css()),
    ]
}

const GENERATED: &str =
    "generated from the catalogue of kinds (src/catalogue.rs) at build time; do not edit";

/// Every highlight name's prefix: `newslens-` then the palette's prefix, then the kind.
const NAME_PREFIX: &str = "newslens-";

/// `kinds.js`: a classic script (content scripts are not modules, and the Node
/// tests load scripts with `vm`) that sets `globalThis.newslensKinds`, deeply frozen.
pub fn kinds_js() -> String {
    /// A kind as the scripts read it (the style stays in the CSS).
    #[derive(Serialize)]
    struct KindJs {
        id: &'static str,
        category: &'static str,
        label: &'static str,
        explanation: &'static str,
        default_on: bool,
        confidence: f32,
    }
    let categories: Vec<String> = CATEGORIES
        .iter()
        .map(|c| {
            // Each category names its kinds, so no script works the grouping out again.
            let ids: Vec<&str> = KINDS
                .iter()
                .filter(|k| k.category == c.category)
                .map(|k| k.id)
                .collect();
            line(&json!({ "id": c.id, "label": c.label, "kinds": ids }))
        })
        .collect();
    let kinds: Vec<String> = KINDS
        .iter()
        .map(|k| {
            line(&KindJs {
                id: k.id,
                category: k.category.id(),
                label: k.label,
                explanation: k.explanation,
                default_on: k.default_on,
                confidence: k.confidence,
            })
        })
        .collect();
    format!(
        "// The kinds of finding newslens shows, their categories, labels and explanations:\n\
         // {GENERATED}.\n\
         'use strict';\n\n\
         globalThis.newslensKinds = (() => {{\n\
         \x20 const freeze = (value) => {{\n\
         \x20   if (value && typeof value === 'object') Object.values(value).forEach(freeze);\n\
         \x20   return Object.freeze(value);\n\
         \x20 }};\n\
         \x20 return freeze({{\n\
         \x20   categories: [\n      {}\n    ],\n\
         \x20   kinds: [\n      {}\n    ],\n\
         \x20 }});\n\
         }})();\n",
        categories.join(",\n      "),
        kinds.join(",\n      "),
    )
}

/// `dom/highlights.css`: the rules of every kind in every palette, for the CSS
/// Custom Highlight API and for wrapper mode's elements alike.
pub fn highlights_css() -> String {
    let mut css = format!(
        "/* Styles for newslens highlights (CSS Custom Highlight API) and, with the same rules, for\n   \
         the marks of wrapper mode (elements tagged data-newslens-mark, dom/wrap.js). Injected\n   \
         through the manifest, so it applies even under a strict page Content-Security-Policy.\n   \
         Every category has a colour and its own underline style, so none relies on colour:\n   \
         opinion markers a tinted background plus an underline style per kind; claims an\n   \
         underline only, so markers inside the sentence stay readable; the author's\n   \
         disclosure, disclosure statements and sponsorship notes a pale blue tint.\n\n   \
         {GENERATED}. */\n"
    );
    for (index, palette) in PALETTES.iter().enumerate() {
        css.push_str(&format!("\n/* {} */\n", palette.note));
        css.push_str(&rules(index, |name| {
            format!("::highlight({name}), [data-newslens-mark=\"{name}\"]")
        }));
    }
    // Marks the learned tier removes fade out through this one (content/learned.js).
    css.push_str(&format!(
        "\n/* Marks the learned tier removed, for a moment before they go. */\n\
         ::highlight({FADING}) {{ background-color: rgba(128, 128, 128, 0.18); }}\n"
    ));
    css
}

/// The highlight a mark the learned tier removed is drawn in as it fades out.
pub const FADING: &str = "newslens-fading";

/// The rules of one palette (at `index` in [`PALETTES`]), each kind's selector made from its
/// highlight name by `selector`.
pub fn rules(index: usize, selector: impl Fn(&str) -> String) -> String {
    let palette = &PALETTES[index];
    KINDS
        .iter()
        .map(|kind| {
            let name = format!("{NAME_PREFIX}{}{}", palette.prefix, kind.id);
            let colours = kind.style.colours[index];
            let background = colours
                .background
                .map(|b| format!("background-color: {b}; "))
                .unwrap_or_default();
            format!(
                "{} {{ {background}text-decoration: underline {} {}; }}\n",
                selector(&name),
                kind.style.line.css(),
                colours.line
            )
        })
        .collect()
}

/// `value` as JSON on one line.
fn line(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("the catalogue's values always serialise")
}

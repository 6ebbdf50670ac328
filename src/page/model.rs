//! The document model: what the DOM layer (or the native front end) collects from a page.
//!
//! It is deliberately small and flat so that it crosses the wasm boundary in one call:
//! a table of the elements that matter for deciding where the article is, and the page's
//! text as *blocks* (paragraph-like elements), each made of the text nodes it contains in
//! document order. Offsets that come back to the DOM are relative to those text nodes
//! ("segments"), so the DOM layer can build `Range`s without searching for text.

use serde::Serialize;

use crate::json::{self, FromJson, Reader};

/// A page: metadata, the element table and the text blocks.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Page {
    /// The page URL, if known (used for hints such as `/opinion/` in the path).
    pub url: String,
    /// The document title.
    pub title: String,
    /// `<meta name|property=… content=…>` pairs, names lower-cased.
    pub meta: Vec<Meta>,
    /// Raw text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// Elements on the ancestor chains of the blocks, parents before children.
    pub elements: Vec<Element>,
    /// Text blocks in document order.
    pub blocks: Vec<Block>,
}

/// One `<meta>` tag.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    pub name: String,
    pub content: String,
}

/// One element, with just the attributes that say what part of a page it is.
///
/// In JSON, fields at their default are left out (a long page has thousands of elements,
/// most with no parent attributes worth naming), by the DOM layer as here.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Element {
    /// Lower-case tag name.
    pub tag: String,
    /// Index of the parent in [`Page::elements`]; `None` for the root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// The `id` and `class` tokens, lower-cased.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub itemprop: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub rel: String,
}

impl Element {
    /// An element with a tag, a parent and class tokens (for tests).
    #[cfg(test)]
    pub fn with(tag: &str, parent: Option<u32>, tokens: &[&str]) -> Element {
        Element {
            tag: tag.into(),
            parent,
            tokens: tokens.iter().map(|t| t.to_string()).collect(),
            ..Element::default()
        }
    }
}

/// A paragraph-like run of text: the text nodes under one block-level element.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Block {
    /// Index of the block's element in [`Page::elements`].
    pub element: u32,
    /// The text nodes, in document order; the block's text is their concatenation.
    pub segments: Vec<String>,
    /// Hyperlinks inside the block, as runs of whole segments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Inline elements that say who wrote the text (`rel=author`, `itemprop=author`,
    /// classes naming the author or byline), as runs of whole segments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Run>,
}

/// A run of whole segments `start..end` of a block.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Run {
    pub start: u32,
    pub end: u32,
}

/// A hyperlink covering segments `start..end` of its block.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Link {
    pub start: u32,
    pub end: u32,
    pub href: String,
}

impl Block {
    /// A block of one segment (for tests).
    #[cfg(test)]
    pub fn with(element: u32, text: &str) -> Block {
        Block {
            element,
            segments: vec![text.into()],
            ..Block::default()
        }
    }

    /// The block's text: its segments joined with nothing in between, as in the DOM.
    pub fn text(&self) -> String {
        self.segments.concat()
    }
}

impl Page {
    /// An article of paragraphs, one block each (for tests).
    #[cfg(test)]
    pub fn of_paragraphs(texts: &[&str]) -> Page {
        Page {
            elements: vec![
                Element::with("article", None, &[]),
                Element::with("p", Some(0), &[]),
            ],
            blocks: texts.iter().map(|t| Block::with(1, t)).collect(),
            ..Page::default()
        }
    }

    /// A page made of plain text: one `<p>` per non-empty line, all inside an `<article>`.
    pub fn from_text(text: &str) -> Page {
        let elements = vec![Element {
            tag: "article".into(),
            ..Element::default()
        }];
        let mut page = Page {
            elements,
            ..Page::default()
        };
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let element = page.elements.len() as u32;
            page.elements.push(Element {
                tag: "p".into(),
                parent: Some(0),
                ..Element::default()
            });
            page.blocks.push(Block {
                element,
                segments: vec![line.to_string()],
                ..Block::default()
            });
        }
        page
    }

    /// The chain of elements from `element` up to the root, starting with `element` itself.
    pub fn ancestors(&self, element: u32) -> impl Iterator<Item = &Element> {
        let mut next = Some(element);
        std::iter::from_fn(move || {
            let el = self.elements.get(next? as usize)?;
            next = el.parent;
            Some(el)
        })
    }

    /// The content of the first meta tag with this (lower-case) name or property.
    pub fn meta(&self, name: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.content.as_str())
    }
}

// How each type is read from JSON (the DOM layer's shape, `extension/dom/collect.js`):
// every field but the few named as required may be left out and is then at its default;
// unknown fields are skipped. The tests round-trip every field through serde's writer.

impl FromJson for Page {
    fn read(r: &mut Reader<'_>) -> Result<Page, json::Error> {
        let mut page = Page::default();
        r.object(&mut |r, key| {
            match key {
                "url" => page.url = r.read()?,
                "title" => page.title = r.read()?,
                "meta" => page.meta = r.read()?,
                "json_ld" => page.json_ld = r.read()?,
                "elements" => page.elements = r.read()?,
                "blocks" => page.blocks = r.read()?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(page)
    }
}

impl FromJson for Meta {
    fn read(r: &mut Reader<'_>) -> Result<Meta, json::Error> {
        let (mut name, mut content) = (None, None);
        r.object(&mut |r, key| {
            match key {
                "name" => name = Some(r.read()?),
                "content" => content = Some(r.read()?),
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(Meta {
            name: r.required(name, "name")?,
            content: r.required(content, "content")?,
        })
    }
}

impl FromJson for Element {
    fn read(r: &mut Reader<'_>) -> Result<Element, json::Error> {
        let mut tag = None;
        let mut element = Element::default();
        r.object(&mut |r, key| {
            match key {
                "tag" => tag = Some(r.read()?),
                "parent" => element.parent = r.read()?,
                "tokens" => element.tokens = r.read()?,
                "role" => element.role = r.read()?,
                "itemprop" => element.itemprop = r.read()?,
                "rel" => element.rel = r.read()?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        element.tag = r.required(tag, "tag")?;
        Ok(element)
    }
}

impl FromJson for Block {
    fn read(r: &mut Reader<'_>) -> Result<Block, json::Error> {
        let (mut element, mut segments) = (None, None);
        let (mut links, mut authors) = (Vec::new(), Vec::new());
        r.object(&mut |r, key| {
            match key {
                "element" => element = Some(r.read()?),
                "segments" => segments = Some(r.read()?),
                "links" => links = r.read()?,
                "authors" => authors = r.read()?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(Block {
            element: r.required(element, "element")?,
            segments: r.required(segments, "segments")?,
            links,
            authors,
        })
    }
}

impl FromJson for Run {
    fn read(r: &mut Reader<'_>) -> Result<Run, json::Error> {
        let (mut start, mut end) = (None, None);
        r.object(&mut |r, key| {
            match key {
                "start" => start = Some(r.read()?),
                "end" => end = Some(r.read()?),
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(Run {
            start: r.required(start, "start")?,
            end: r.required(end, "end")?,
        })
    }
}

impl FromJson for Link {
    fn read(r: &mut Reader<'_>) -> Result<Link, json::Error> {
        let (mut start, mut end, mut href) = (None, None, String::new());
        r.object(&mut |r, key| {
            match key {
                "start" => start = Some(r.read()?),
                "end" => end = Some(r.read()?),
                "href" => href = r.read()?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(Link {
            start: r.required(start, "start")?,
            end: r.required(end, "end")?,
            href,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field, set to something not its default (struct literals without `..`, so a
    /// field added to the model must be added here), survives serde's writer and the
    /// reader: a field the reader does not know fails this test.
    #[test]
    fn the_reader_reads_every_field_serde_writes() {
        let page = Page {
            url: "https://example.com/a".into(),
            title: "A \"title\"\n".into(),
            meta: vec![Meta {
                name: "og:type".into(),
                content: "article".into(),
            }],
            json_ld: vec![r#"{"@type": "NewsArticle"}"#.into()],
            elements: vec![Element {
                tag: "p".into(),
                parent: Some(7),
                tokens: vec!["story-body".into(), "x".into()],
                role: "main".into(),
                itemprop: "articleBody".into(),
                rel: "author".into(),
            }],
            blocks: vec![Block {
                element: 3,
                segments: vec!["Caf\u{e9} \u{1f600} ".into(), "said.".into()],
                links: vec![Link {
                    start: 1,
                    end: 2,
                    href: "/b".into(),
                }],
                authors: vec![Run { start: 0, end: 1 }],
            }],
        };
        let text = serde_json::to_string(&page).unwrap();
        assert_eq!(json::from_str::<Page>(&text).unwrap(), page);
    }

    #[test]
    fn fields_left_out_are_defaults_and_required_ones_are_named() {
        let page: Page = json::from_str(
            r#"{"elements": [{"tag": "p", "unknown": [1, {"a": null}]}], "blocks": [{"element": 0, "segments": ["x"]}]}"#,
        )
        .unwrap();
        assert_eq!(page.elements, [Element::with("p", None, &[])]);
        assert_eq!(page.blocks, [Block::with(0, "x")]);
        let error = json::from_str::<Page>(r#"{"blocks": [{"segments": []}]}"#).unwrap_err();
        assert_eq!(error.to_string(), "expected field `element` at byte 28");
    }

    #[test]
    fn from_text_makes_one_block_per_line() {
        let page = Page::from_text("First line.\n\n  Second line. \n");
        let texts: Vec<_> = page.blocks.iter().map(Block::text).collect();
        assert_eq!(texts, ["First line.", "Second line."]);
        let tags: Vec<_> = page
            .ancestors(page.blocks[1].element)
            .map(|e| e.tag.as_str())
            .collect();
        assert_eq!(tags, ["p", "article"]);
    }

    #[test]
    fn ancestors_stop_at_a_dangling_parent() {
        let page = Page {
            elements: vec![Element {
                tag: "p".into(),
                parent: Some(99),
                ..Element::default()
            }],
            ..Page::default()
        };
        assert_eq!(page.ancestors(0).count(), 1);
    }
}

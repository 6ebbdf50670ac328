//! The native front end: builds the document model from HTML with a real HTML5 parser
//! (html5ever, through `scraper`), exactly as `extension/dom/collect.js` builds it from
//! the live DOM. The e2e tests check both give the same model for the same page.
//!
//! Native only: the browser has its own parser and never ships this.

use std::collections::HashMap;

use ego_tree::NodeRef;
use scraper::{Html, Node};

use crate::page::model::{Block, Element, Link, Meta, Page, Run};

/// Elements whose text is never article text, or must never be touched (collect.js SKIP).
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "input", "select", "option", "button",
    "svg", "math", "canvas", "iframe", "object", "head", "title",
];
/// Inline elements: their text belongs to the nearest enclosing non-inline element.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "ruby", "rt", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var", "wbr", "del", "ins", "label", "br",
];

/// Parses `html` and collects the page model; `url` is the page's address, if known.
pub fn page_from_html(html: &str, url: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut collector = Collector::default();
    let root = doc.tree.root();
    let html_el = root.children().find(|n| n.value().is_element());
    let body = html_el.and_then(|h| {
        h.children()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
    });
    if let Some(start) = body.or(html_el) {
        collector.walk(start);
    }
    collector.flush();
    let mut page = Page {
        url: url.to_string(),
        elements: collector.elements,
        blocks: collector.blocks,
        ..Page::default()
    };
    for node in root.descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        match el.name() {
            "meta" => {
                if let Some(content) = el.attr("content") {
                    let name = el
                        .attr("name")
                        .filter(|s| !s.is_empty())
                        .or(el.attr("property"))
                        .filter(|s| !s.is_empty())
                        .or(el.attr("itemprop"))
                        .unwrap_or("");
                    if !name.is_empty() {
                        page.meta.push(Meta {
                            name: name.to_lowercase(),
                            content: content.to_string(),
                        });
                    }
                }
            }
            "script" if el.attr("type") == Some("application/ld+json") => {
                page.json_ld.push(text_content(node))
            }
            "title" if page.title.is_empty() && is_html_title(node) => {
                page.title = text_content(node)
                    .split_ascii_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            _ => {}
        }
    }
    page
}

/// `document.title` reads the first `<title>` in the HTML namespace (not SVG titles).
fn is_html_title(node: NodeRef<Node>) -> bool {
    !node
        .ancestors()
        .any(|a| a.value().as_element().is_some_and(|e| e.name() == "svg"))
}

fn text_content(node: NodeRef<Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

#[derive(Default)]
struct Collector {
    elements: Vec<Element>,
    index: HashMap<ego_tree::NodeId, u32>,
    blocks: Vec<Block>,
    current: Option<OpenBlock>,
}

/// The block being filled, with the link and author runs that may still grow.
struct OpenBlock {
    element: ego_tree::NodeId,
    block: Block,
    /// (element, index in `block.links`)
    link: Option<(ego_tree::NodeId, usize)>,
    /// (element, index in `block.authors`)
    author: Option<(ego_tree::NodeId, usize)>,
}

impl Collector {
    /// Visits text in document order, skipping subtrees as collect.js's TreeWalker does.
    /// Iterative, and carrying the inherited `contenteditable` state down, so deeply
    /// nested pages cost linear time and cannot overflow the stack.
    fn walk(&mut self, start: NodeRef<Node>) {
        let editable = is_content_editable(start);
        let mut stack: Vec<(NodeRef<Node>, bool)> =
            start.children().rev().map(|c| (c, editable)).collect();
        while let Some((node, inherited)) = stack.pop() {
            match node.value() {
                Node::Element(e) => {
                    let editable = editable_state(e).unwrap_or(inherited);
                    if !editable && !skipped(e) {
                        stack.extend(node.children().rev().map(|c| (c, editable)));
                    }
                }
                Node::Text(text) => self.text(start, node, text),
                _ => {}
            }
        }
    }

    fn text(&mut self, start: NodeRef<Node>, node: NodeRef<Node>, text: &str) {
        let Some(mut block_el) = node.parent() else {
            return;
        };
        while block_el.id() != start.id() && is_inline(block_el) {
            match block_el.parent() {
                Some(p) if p.value().is_element() => block_el = p,
                _ => break,
            }
        }
        if self
            .current
            .as_ref()
            .is_none_or(|c| c.element != block_el.id())
        {
            self.flush();
            let element = self.element_index(block_el);
            self.current = Some(OpenBlock {
                element: block_el.id(),
                block: Block {
                    element,
                    ..Block::default()
                },
                link: None,
                author: None,
            });
        }
        let open = self.current.as_mut().expect("a block is open");
        let segment = open.block.segments.len() as u32;
        open.block.segments.push(text.to_string());
        // collect.js: the nearest a[href] (and author element) inside the block element.
        let inline: Vec<NodeRef<Node>> = node
            .ancestors()
            .take_while(|a| a.id() != block_el.id())
            .collect();
        let anchor = inline.iter().find(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.name() == "a" && e.attr("href").is_some())
        });
        if let Some(a) = anchor {
            let href = a
                .value()
                .as_element()
                .and_then(|e| e.attr("href"))
                .unwrap_or("");
            extend_run(
                &mut open.link,
                &mut open.block.links,
                a.id(),
                segment,
                |start| Link {
                    start,
                    end: start + 1,
                    href: href.to_string(),
                },
            );
        }
        if let Some(a) = inline
            .iter()
            .find(|a| a.value().as_element().is_some_and(is_author_element))
        {
            extend_run(
                &mut open.author,
                &mut open.block.authors,
                a.id(),
                segment,
                |start| Run {
                    start,
                    end: start + 1,
                },
            );
        }
    }

    fn flush(&mut self) {
        if let Some(open) = self.current.take() {
            if !open.block.segments.concat().trim().is_empty() {
                self.blocks.push(open.block);
            }
        }
    }

    /// Index of `el` in the element table, adding it and its ancestors (parents first).
    fn element_index(&mut self, el: NodeRef<Node>) -> u32 {
        if let Some(&i) = self.index.get(&el.id()) {
            return i;
        }
        let chain: Vec<NodeRef<Node>> = std::iter::once(el)
            .chain(el.ancestors())
            .take_while(|n| n.value().is_element() && !self.index.contains_key(&n.id()))
            .collect();
        for node in chain.into_iter().rev() {
            let e = node.value().as_element().expect("chain holds elements");
            let parent = node.parent().and_then(|p| self.index.get(&p.id()).copied());
            let attr = |name: &str| e.attr(name).unwrap_or("").to_lowercase();
            let mut tokens: Vec<String> = e
                .attr("id")
                .filter(|s| !s.is_empty())
                .map(str::to_lowercase)
                .into_iter()
                .collect();
            tokens.extend(
                e.attr("class")
                    .unwrap_or("")
                    .split_ascii_whitespace()
                    .map(str::to_lowercase),
            );
            self.index.insert(node.id(), self.elements.len() as u32);
            self.elements.push(Element {
                tag: e.name().to_lowercase(),
                parent,
                tokens,
                role: attr("role"),
                itemprop: attr("itemprop"),
                rel: attr("rel"),
            });
        }
        self.index[&el.id()]
    }
}

/// Something with a segment range that grows while the same element continues.
trait SegmentRun {
    fn end_mut(&mut self) -> &mut u32;
}

impl SegmentRun for Link {
    fn end_mut(&mut self) -> &mut u32 {
        &mut self.end
    }
}

impl SegmentRun for Run {
    fn end_mut(&mut self) -> &mut u32 {
        &mut self.end
    }
}

/// Extends the open run when `element` continues it at `segment`, else starts a new one.
fn extend_run<T: SegmentRun>(
    open: &mut Option<(ego_tree::NodeId, usize)>,
    runs: &mut Vec<T>,
    element: ego_tree::NodeId,
    segment: u32,
    new: impl FnOnce(u32) -> T,
) {
    if let Some((id, index)) = *open {
        let run = &mut runs[index];
        if id == element && *run.end_mut() == segment {
            *run.end_mut() = segment + 1;
            return;
        }
    }
    runs.push(new(segment));
    *open = Some((element, runs.len() - 1));
}

/// collect.js `isAuthorElement()`: inline elements that name the author.
fn is_author_element(e: &scraper::node::Element) -> bool {
    let lower = |name: &str| e.attr(name).unwrap_or("").to_ascii_lowercase();
    let names = format!("{} {}", lower("class"), lower("id"));
    crate::page::byline::names_author(&names, &lower("rel"), &lower("itemprop"))
}

fn is_inline(node: NodeRef<Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| INLINE.contains(&e.name().to_lowercase().as_str()))
}

/// collect.js `skipped()` for one element: skipped tags, `hidden`, `aria-hidden="true"`
/// (editable areas are handled by the walk).
fn skipped(e: &scraper::node::Element) -> bool {
    let svg_or_math = matches!(
        e.name.ns.as_ref(),
        "http://www.w3.org/2000/svg" | "http://www.w3.org/1998/Math/MathML"
    );
    SKIP.contains(&e.name().to_lowercase().as_str())
        || (e.attr("hidden").is_some() && !svg_or_math)
        || e.attr("aria-hidden") == Some("true")
}

/// What an element's own `contenteditable` attribute says, if it has one.
fn editable_state(e: &scraper::node::Element) -> Option<bool> {
    let value = e.attr("contenteditable")?;
    Some(matches!(
        value.to_ascii_lowercase().as_str(),
        "" | "true" | "plaintext-only"
    ))
}

/// `isContentEditable`: the nearest `contenteditable` attribute decides.
fn is_content_editable(node: NodeRef<Node>) -> bool {
    std::iter::once(node)
        .chain(node.ancestors())
        .find_map(|n| n.value().as_element().and_then(editable_state))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_blocks_links_and_metadata_like_the_dom_layer() {
        let html = r#"<!DOCTYPE html><html><head><title> A  title </title>
            <meta property="og:type" content="article"><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
            <body><article class="Story main"><p>Said <em>by</em> <a href="/x">the <b>Times</b></a>.</p>
            <div contenteditable><p>editable</p></div><p hidden>hidden</p><script>var x;</script></article></body></html>"#;
        let page = page_from_html(html, "https://example.com/a");
        assert_eq!(page.title, "A title");
        assert_eq!(
            page.meta,
            [Meta {
                name: "og:type".into(),
                content: "article".into()
            }]
        );
        assert_eq!(page.json_ld.len(), 1);
        let texts: Vec<String> = page.blocks.iter().map(Block::text).collect();
        assert!(
            texts.contains(&"Said by the Times.".to_string()),
            "{texts:?}"
        );
        assert!(!texts
            .iter()
            .any(|t| t.contains("editable") || t.contains("hidden") || t.contains("var")));
        let p = page
            .blocks
            .iter()
            .find(|b| b.text() == "Said by the Times.")
            .unwrap();
        assert_eq!(p.segments, ["Said ", "by", " ", "the ", "Times", "."]);
        assert_eq!(
            p.links,
            [Link {
                start: 3,
                end: 5,
                href: "/x".into()
            }]
        );
        let article = page.elements.iter().find(|e| e.tag == "article").unwrap();
        assert_eq!(article.tokens, ["story", "main"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        let page = page_from_html(&html, "");
        assert_eq!(page.blocks.len(), 1);
    }
}

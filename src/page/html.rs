//! The native front end: builds the document model from HTML with a real HTML5 parser
//! (html5ever, through `scraper`), exactly as `extension/dom/collect.js` builds it from
//! the live DOM. The e2e tests check both give the same model for the same page.
//!
//! Native only: the browser has its own parser and never ships this.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};

use ego_tree::NodeRef;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::{TreeBuilder, TreeSink};
use html5ever::{LocalName, TokenizerResult};
use scraper::{Html, HtmlTreeSink, Node};

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
/// Class and id tokens that say their element is hidden from the reader: utility classes
/// for hidden and screen-reader-only text, and hover cards and tooltips, shown only under
/// the pointer (collect.js HIDDEN_TOKENS). They stand in for the page's stylesheets, which
/// a parser does not apply: on the Zyte and Readability pages the text under them is
/// 31,000 characters of furniture and none of the articles' prose.
const HIDDEN_TOKENS: &[&str] = &[
    "hidden",
    "hide",
    "is-hidden",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "element-invisible",
    "offscreen",
    "off-screen",
    "hovercard",
    "tooltip",
];

/// How deep elements nest, at most, as in browsers (Chromium's parser stops nesting at
/// 512). html5ever has no such cap, and its scope checks scan the whole stack of open
/// elements at every tag: 100,000 nested blocks took 44 s.
pub const MAX_DEPTH: usize = 512;

/// Elements that never have content (and so never deepen the tree).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Parses `html` and collects the page model; `url` is the page's address, if known.
pub fn page_from_html(html: &str, url: &str) -> Page {
    let doc = parse(html);
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

/// Parses a document as `Html::parse_document` does, with start tags deeper than
/// [`MAX_DEPTH`] left out (and their end tags): what they held is kept, in the element at
/// the cap, as browsers flatten it.
fn parse(html: &str) -> Html {
    let builder = TreeBuilder::new(HtmlTreeSink::new(Html::new_document()), Default::default());
    let tokenizer = Tokenizer::new(DepthCap::new(builder), Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The tokenizer pauses after each `</script>`; there is no script to run.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

/// Passes the tokenizer's tokens to the tree builder, but for start tags that would nest
/// deeper than [`MAX_DEPTH`].
///
/// The builder's stack of open elements is private, so the depth is judged twice, and a
/// tag left out only when both agree: by the depth of the node created last (exact, but
/// stale once end tags have closed elements), and by the start and end tags seen (which
/// follows closing, but not the elements the builder closes by itself, such as a `<p>`).
struct DepthCap {
    builder: TreeBuilder<ego_tree::NodeId, HtmlTreeSink>,
    /// The names of the last (at most [`MAX_DEPTH`]) start tags not yet closed.
    open: RefCell<VecDeque<LocalName>>,
    /// How many start tags of each name were left out, whose end tags are left out too.
    dropped: RefCell<HashMap<LocalName, usize>>,
    /// The node whose depth was counted last, and its depth (up to the cap).
    counted: Cell<Option<(ego_tree::NodeId, usize)>>,
}

impl DepthCap {
    fn new(builder: TreeBuilder<ego_tree::NodeId, HtmlTreeSink>) -> DepthCap {
        DepthCap {
            builder,
            open: RefCell::default(),
            dropped: RefCell::default(),
            counted: Cell::default(),
        }
    }

    /// Whether the node created last is [`MAX_DEPTH`] deep. Its ancestors are counted up
    /// to the cap, or to the node counted before (in a nest, its parent): each tag costs a
    /// bounded number of steps, and one in a nest only one.
    fn built_deep(&self) -> bool {
        let html = self.builder.sink.0.borrow();
        let Some(last) = html.tree.nodes().next_back() else {
            return false;
        };
        // Nodes visited before the one counted before, if it is met.
        let (mut visited, mut met) = (0, None);
        let cached = self.counted.get();
        for node in std::iter::once(last)
            .chain(last.ancestors())
            .take(MAX_DEPTH + 1)
        {
            if let Some((_, counted)) = cached.filter(|&(id, _)| id == node.id()) {
                met = Some(visited + counted);
                break;
            }
            visited += 1;
        }
        // Not met: `last` and its ancestors were visited.
        let depth = met.unwrap_or_else(|| visited - 1).min(MAX_DEPTH);
        self.counted.set(Some((last.id(), depth)));
        depth == MAX_DEPTH
    }

    /// Whether the builder gets `tag`.
    fn admits(&self, tag: &html5ever::tokenizer::Tag) -> bool {
        let (mut open, mut dropped) = (self.open.borrow_mut(), self.dropped.borrow_mut());
        match tag.kind {
            TagKind::StartTag if VOID.contains(&&*tag.name) => true,
            TagKind::StartTag => {
                if open.len() == MAX_DEPTH && self.built_deep() {
                    *dropped.entry(tag.name.clone()).or_default() += 1;
                    return false;
                }
                if open.len() == MAX_DEPTH {
                    open.pop_front();
                }
                open.push_back(tag.name.clone());
                true
            }
            TagKind::EndTag => match dropped.get_mut(&tag.name) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => {
                    if let Some(at) = open.iter().rposition(|n| *n == tag.name) {
                        open.truncate(at);
                    }
                    true
                }
            },
        }
    }
}

impl TokenSink for DepthCap {
    type Handle = ego_tree::NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Self::Handle> {
        match &token {
            Token::TagToken(tag) if !self.admits(tag) => TokenSinkResult::Continue,
            _ => self.builder.process_token(token, line),
        }
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
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

/// What a node inherits from its ancestors, carried down the walk.
#[derive(Clone, Copy)]
struct Inherited<'a> {
    /// Inside an editable area (skipped, as collect.js does).
    editable: bool,
    /// The nearest enclosing non-inline element (or where the walk started): the element
    /// whose block the node's text belongs to.
    block: NodeRef<'a, Node>,
    /// The nearest `a[href]` between the node and its block element, with its `href`.
    anchor: Option<(NodeRef<'a, Node>, &'a str)>,
    /// The nearest author element between the node and its block element.
    author: Option<NodeRef<'a, Node>>,
}

impl<'a> Inherited<'a> {
    /// What the children of `node` (the element `e`) inherit.
    fn below(self, node: NodeRef<'a, Node>, e: &'a scraper::node::Element, editable: bool) -> Self {
        if !is_inline(e) {
            return Inherited {
                editable,
                block: node,
                anchor: None,
                author: None,
            };
        }
        let href = e.attr("href").filter(|_| e.name() == "a");
        Inherited {
            editable,
            block: self.block,
            anchor: href.map(|h| (node, h)).or(self.anchor),
            author: is_author_element(e).then_some(node).or(self.author),
        }
    }
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
    /// Iterative, and carrying down what each text node needs of its ancestors (the
    /// inherited `contenteditable` state, its block element, its nearest link and author
    /// element), so deeply nested pages cost linear time and cannot overflow the stack.
    fn walk(&mut self, start: NodeRef<'_, Node>) {
        let top = Inherited {
            editable: is_content_editable(start),
            block: start,
            anchor: None,
            author: None,
        };
        let mut stack: Vec<(NodeRef<Node>, Inherited)> =
            start.children().rev().map(|c| (c, top)).collect();
        while let Some((node, inherited)) = stack.pop() {
            match node.value() {
                Node::Element(e) => {
                    let editable = editable_state(e).unwrap_or(inherited.editable);
                    if !editable && !skipped(e) {
                        let below = inherited.below(node, e, editable);
                        stack.extend(node.children().rev().map(|c| (c, below)));
                    }
                }
                Node::Text(text) => self.text(&inherited, text),
                _ => {}
            }
        }
    }

    fn text(&mut self, at: &Inherited, text: &str) {
        let block_el = at.block;
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
        if let Some((a, href)) = at.anchor {
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
        if let Some(a) = at.author {
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

fn is_inline(e: &scraper::node::Element) -> bool {
    INLINE.contains(&e.name().to_lowercase().as_str())
}

/// collect.js `skipped()` and `namedHidden()` for one element: skipped tags, `hidden`,
/// `aria-hidden="true"`, an inline style that hides it (pop-ups and hover cards waiting for
/// a click; the DOM layer sees the same through `el.style`), a class or id that says it is
/// hidden (editable areas are handled by the walk). In a rendered page the DOM layer reads
/// the computed style instead of the names.
fn skipped(e: &scraper::node::Element) -> bool {
    let svg_or_math = matches!(
        e.name.ns.as_ref(),
        "http://www.w3.org/2000/svg" | "http://www.w3.org/1998/Math/MathML"
    );
    SKIP.contains(&e.name().to_lowercase().as_str())
        || (e.attr("hidden").is_some() && !svg_or_math)
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(hides)
        || named_hidden(e)
}

/// Whether the element's id or one of its classes is in HIDDEN_TOKENS (case-insensitively).
fn named_hidden(e: &scraper::node::Element) -> bool {
    let id = e.attr("id").into_iter();
    let classes = e.attr("class").unwrap_or("").split_ascii_whitespace();
    id.chain(classes).any(|token| {
        HIDDEN_TOKENS
            .iter()
            .any(|hidden| token.eq_ignore_ascii_case(hidden))
    })
}

/// Whether an inline style hides its element: `display: none` or `visibility: hidden`.
fn hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let value = value.trim().trim_end_matches("!important").trim();
        match property.trim().to_ascii_lowercase().as_str() {
            "display" => value.eq_ignore_ascii_case("none"),
            "visibility" => value.eq_ignore_ascii_case("hidden"),
            _ => false,
        }
    })
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
            <div contenteditable><p>editable</p></div><p hidden>hidden</p><div style="color: red; DISPLAY : none">hidden pop-up</div><p style="visibility:hidden !important">hidden card</p><script>var x;</script>
            <p class="caption"><span class="Visually-Hidden">hidden label: </span>A caption.</p><div id="hovercard">hidden card</div></article></body></html>"#;
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
        assert!(texts.contains(&"A caption.".to_string()), "{texts:?}");
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

    #[test]
    fn nesting_stops_at_the_cap_and_deeper_text_is_kept() {
        let n = 2 * MAX_DEPTH;
        let open: String = (0..n).map(|i| format!("<div>w{i} ")).collect();
        let html = format!("<body>{open}{}<p>after</p></body>", "</div>".repeat(n));
        let page = page_from_html(&html, "");
        let depth = |b: &Block| page.ancestors(b.element).count();
        let deepest = page.blocks.iter().map(depth).max().unwrap();
        assert!(deepest <= MAX_DEPTH + 1, "{deepest} deep");
        let text: String = page.blocks.iter().map(Block::text).collect();
        let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
        assert_eq!(
            text.split_whitespace()
                .filter(|w| w.starts_with('w'))
                .count(),
            n
        );
        assert!(words.iter().all(|w| text.contains(w.as_str())));
        let last = page.blocks.last().unwrap();
        assert_eq!(
            (last.text().as_str(), depth(last)),
            ("after", 3),
            "body > p"
        );
    }
}

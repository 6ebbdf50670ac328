//! Page understanding: which blocks are the article, which are the author's disclosure,
//! and which are boilerplate or page furniture (navigation, related links, comments).
//!
//! Works only on the document model, so the browser and the native front end agree.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::page::disclosure::{self, DisclosureKind};
use crate::page::extract;
use crate::page::model::{Block, Element, Page};
use crate::text::lexicon;
use crate::text::phrases::{PhraseMatch, PhraseMatcher};
use crate::text::{more_words_than, words};

/// What a block is, as far as the analysis is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockRole {
    /// Article text: analysed.
    Body,
    /// A headline or subheading: analysed for opinion markers, but a headline is not a
    /// sourced or unsourced claim (its sourcing is in the text below it).
    Heading,
    /// The author's bio or a disclosure statement: shown, never flagged as opinion.
    Disclosure,
    /// Copyright lines, "read more" links: recognised and left alone.
    Boilerplate,
    /// The byline ("By …", date).
    Byline,
    /// Navigation, ads, related stories, comments, banners, or outside the article.
    Outside,
}

/// Tags that never hold article text.
const FURNITURE_TAGS: &[&str] = &[
    "nav", "aside", "form", "button", "select", "menu", "dialog", "noscript", "template", "footer",
];
const HEADING_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
/// Substrings that keep an element whose class also names furniture (Readability's
/// "ok maybe it's a candidate").
const MAYBE_CONTENT: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];
const PAGE_CONTAINERS: &[&str] = &["html", "body", "main", "article"];
/// Class and id words that mark page furniture (matched against `-`/`_` parts of tokens).
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "recommendations",
    "trending",
    "popular",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "signup",
    "promo",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sidebar",
    "widget",
    "outbrain",
    "taboola",
    "toolbar",
    "pagination",
    "masthead",
    "mostread",
    "footer",
    "credit",
    "credits",
    "gallery",
    "slideshow",
];
/// Two-word furniture tokens ("most-read", "read-more").
const FURNITURE_PAIRS: &[[&str; 2]] = &[["most", "read"], ["read", "more"], ["more", "stories"]];
/// Class and id words of author-bio and disclosure boxes.
const DISCLOSURE_WORDS: &[&str] = &[
    "bio",
    "biography",
    "authorbio",
    "disclosure",
    "disclaimer",
    "contributor",
];
const BYLINE_WORDS: &[&str] = &["byline", "dateline"];
/// Tags and class words of captions and photo credits: what a picture shows is not the
/// writer's prose, and benchmark article bodies leave it out.
const CAPTION_TAGS: &[&str] = &["figure", "figcaption"];
const CAPTION_WORDS: &[&str] = &["caption", "captions", "figcaption", "imagecaption"];
/// Words that, with "author", name a box about the author.
const AUTHOR_BOX_WORDS: &[&str] = &[
    "about",
    "info",
    "box",
    "text",
    "details",
    "description",
    "card",
    "profile",
];

/// Disclosures recognised by their wording alone must sit among this many first or last
/// blocks of the article: "X is a senior fellow at Y" mid-article is reporting, not a bio.
const DISCLOSURE_EDGE_BLOCKS: usize = 4;

/// What the roles need of a block's own text, known as soon as the block is: a page
/// read in batches finds it for each block as it comes (see [`crate::session`]).
#[derive(Debug, Clone, Copy)]
pub struct BlockFacts {
    stats: extract::TextStats,
    /// Its role should it turn out to be article text (see `text_role`).
    text_role: BlockRole,
}

impl BlockFacts {
    /// The facts of `block`, whose text is `text`, among the page's `elements` (its own
    /// must be among them).
    pub fn of(elements: &[Element], block: &Block, text: &str) -> BlockFacts {
        let tag = elements
            .get(block.element as usize)
            .map_or("", |e| e.tag.as_str());
        BlockFacts {
            stats: extract::TextStats::of_block(block),
            text_role: text_role(text, tag),
        }
    }
}

/// The role of every block of `page`, in block order.
pub fn block_roles(page: &Page) -> Vec<BlockRole> {
    let facts: Vec<BlockFacts> = page
        .blocks
        .iter()
        .map(|b| BlockFacts::of(&page.elements, b, &b.text()))
        .collect();
    roles_from(page, &facts)
}

/// [`block_roles`], given every block's [`BlockFacts`].
pub fn roles_from(page: &Page, facts: &[BlockFacts]) -> Vec<BlockRole> {
    let stats = extract::PageStats::from_blocks(page, facts.iter().map(|f| f.stats).collect());
    let roles = roles_with(page, &stats, facts, true);
    if roles.contains(&BlockRole::Body) {
        return roles;
    }
    // As Readability: when class names hid the whole article ("blog widget"), try
    // again trusting only tags.
    roles_with(page, &stats, facts, false)
}

/// Block roles, with or without treating class and id words as furniture.
fn roles_with(
    page: &Page,
    stats: &extract::PageStats,
    facts: &[BlockFacts],
    by_name: bool,
) -> Vec<BlockRole> {
    let flags = element_flags(page, stats, by_name);
    let furniture: Vec<bool> = flags.iter().map(|f| f.furniture).collect();
    let inside = extract::article_elements(page, stats, &furniture);
    let mut roles: Vec<BlockRole> = page
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let e = block.element as usize;
            let Some(f) = flags.get(e) else {
                return BlockRole::Outside;
            };
            if f.byline && !f.furniture && !f.disclosure {
                // Bylines often sit in a header outside the article body.
                BlockRole::Byline
            } else if f.disclosure && !f.furniture_by_name && (inside[e] || f.in_article_element) {
                // Author boxes are often asides of the article: furniture by tag, but not.
                BlockRole::Disclosure
            } else if !inside[e] || f.furniture || f.caption || is_link_list(stats.blocks[i]) {
                BlockRole::Outside
            } else {
                facts[i].text_role
            }
        })
        .collect();
    end_at_related_heading(page, &mut roles);
    // Disclosures recognised by their wording: bios, statements and sponsorship notes
    // near the end, statements and sponsorship notes near the start.
    let article: Vec<usize> = (0..roles.len())
        .filter(|&i| {
            matches!(
                roles[i],
                BlockRole::Body | BlockRole::Boilerplate | BlockRole::Heading
            )
        })
        .collect();
    let head = article
        .iter()
        .take(DISCLOSURE_EDGE_BLOCKS)
        .map(|&i| (i, false));
    let tail = article
        .iter()
        .rev()
        .take(DISCLOSURE_EDGE_BLOCKS)
        .map(|&i| (i, true));
    for (i, at_end) in head.chain(tail) {
        let text = page.blocks[i].text();
        let heading = roles[i] == BlockRole::Heading;
        let fits = match disclosure::kind_of(&text) {
            Some(DisclosureKind::AuthorBio) => {
                at_end && (!heading || disclosure::is_bio_heading(&text))
            }
            Some(_) => !heading,
            None => false,
        };
        if fits {
            roles[i] = BlockRole::Disclosure;
        }
    }
    roles
}

/// How far past the article's last block an author box or a disclosure note that the
/// article's container left out may sit (share bars and tag lists come between).
const AFTER_ARTICLE_BLOCKS: usize = 20;
/// How many blocks after an "About the author" heading may hold the box's name lines
/// before its description.
const AUTHOR_BOX_BLOCKS: usize = 4;
/// A disclosure note outside the article must be a sentence of at least this many words:
/// "Sponsored" and "Sponsored by" labels are the ads'.
const MIN_NOTE_WORDS: usize = 6;

/// Author boxes and disclosure notes outside the article's container, from its first
/// block to [`AFTER_ARTICLE_BLOCKS`] past its last, become disclosures: a bio opening
/// with the name of one of `authors` (the byline), an "About the author" heading with its
/// name lines and description, and sponsorship or disclosure statements. Never inside
/// containers whose classes name furniture (an ad's "sponsored by" note).
pub fn disclosures_outside(page: &Page, roles: &mut [BlockRole], authors: &[&str]) {
    let article = |r: &BlockRole| matches!(r, BlockRole::Body | BlockRole::Heading);
    let (Some(first), Some(last)) = (
        roles.iter().position(article),
        roles.iter().rposition(article),
    ) else {
        return;
    };
    let end = (last + 1 + AFTER_ARTICLE_BLOCKS).min(roles.len());
    let flags = element_flags(page, &extract::PageStats::new(page), true);
    let open = |roles: &[BlockRole], i: usize| {
        roles[i] == BlockRole::Outside
            && flags
                .get(page.blocks[i].element as usize)
                .is_some_and(|f| !f.furniture_by_name)
    };
    let mut i = first;
    while i < end {
        if roles[i] != BlockRole::Outside {
            i += 1;
            continue;
        }
        let text = page.blocks[i].text();
        // A bio naming the byline's author is the author's even in a widget.
        if disclosure::is_bio_of(&text, authors) {
            roles[i] = BlockRole::Disclosure;
        } else if !open(roles, i) {
        } else if disclosure::is_bio_heading(&text) && i > last {
            // The box: name lines up to its first description, if one comes soon.
            let box_end = (i + 1..(i + 1 + AUTHOR_BOX_BLOCKS).min(roles.len()))
                .take_while(|&j| open(roles, j))
                .find(|&j| disclosure::is_description(&page.blocks[j].text()));
            if let Some(box_end) = box_end {
                roles[i..=box_end].fill(BlockRole::Disclosure);
                i = box_end;
            }
        } else if disclosure::kind_of(&text).is_some_and(|k| k != DisclosureKind::AuthorBio)
            && more_words_than(&text, MIN_NOTE_WORDS - 1)
        {
            roles[i] = BlockRole::Disclosure;
        }
        i += 1;
    }
}

/// The role of a block of article text, by what it says and its tag.
fn text_role(text: &str, tag: &str) -> BlockRole {
    if is_boilerplate(text) {
        BlockRole::Boilerplate
    } else if is_dateline(text) || is_credit_line(text) {
        BlockRole::Byline
    } else if HEADING_TAGS.contains(&tag) {
        BlockRole::Heading
    } else {
        BlockRole::Body
    }
}

/// A heading that opens a list of other stories ("You may also like", or classes that say
/// "related"), even inside the article element: it and every later block of its container
/// (the nearest ancestor holding a later block) are not the article's.
fn end_at_related_heading(page: &Page, roles: &mut [BlockRole]) {
    let Some(at) = (0..roles.len())
        .find(|&i| roles[i] == BlockRole::Heading && is_related_heading(page, &page.blocks[i]))
    else {
        return;
    };
    let within = |e: usize, ancestor: usize| extract::is_within(page, e, ancestor);
    let later = &page.blocks[at + 1..];
    let heading = page.blocks[at].element as usize;
    let container = std::iter::successors(extract::parent(page, heading), |&e| {
        extract::parent(page, e)
    })
    .find(|&c| later.iter().any(|b| within(b.element as usize, c)));
    roles[at] = BlockRole::Outside;
    let Some(container) = container else {
        return;
    };
    for (i, block) in page.blocks.iter().enumerate().skip(at + 1) {
        let article_text = matches!(
            roles[i],
            BlockRole::Body | BlockRole::Heading | BlockRole::Boilerplate
        );
        if article_text && within(block.element as usize, container) {
            roles[i] = BlockRole::Outside;
        }
    }
}

/// Whether a heading block opens a list of other stories: it is one of
/// [`lexicon::RELATED_HEADINGS`] from its first word to its last, or its classes say
/// "related".
fn is_related_heading(page: &Page, block: &Block) -> bool {
    static HEADINGS: OnceLock<PhraseMatcher<()>> = OnceLock::new();
    let headings = HEADINGS.get_or_init(|| PhraseMatcher::new(&[((), lexicon::RELATED_HEADINGS)]));
    let classes_say = page
        .elements
        .get(block.element as usize)
        .is_some_and(|el| el.tokens.iter().any(|t| t.contains("related")));
    let text = block.text();
    let words = words(&text);
    let whole = |m: &PhraseMatch<()>| match (words.first(), words.last()) {
        (Some(first), Some(last)) => m.start == first.start && m.end == last.end,
        _ => false,
    };
    classes_say || headings.find(&text, &words).first().is_some_and(whole)
}

/// Inherited facts about an element, computed top-down in one pass.
#[derive(Debug, Clone, Default)]
struct Flags {
    furniture: bool,
    disclosure: bool,
    byline: bool,
    /// Inside an `<article>` element.
    in_article_element: bool,
    /// A caption or figure: shown with the article, never its text.
    caption: bool,
    /// Inside an element whose classes name furniture (ads, related links, widgets):
    /// a "disclosure" there is an ad label, not the author's.
    furniture_by_name: bool,
}

/// Flags for every element. Parents must come before children; a parent index that does
/// not is treated as missing, so hostile input cannot make this loop.
fn element_flags(page: &Page, stats: &extract::PageStats, by_name: bool) -> Vec<Flags> {
    let mut flags: Vec<Flags> = Vec::with_capacity(page.elements.len());
    let half_the_page = stats.total_chars() / 2;
    for (i, el) in page.elements.iter().enumerate() {
        let parent = el
            .parent
            .filter(|&p| (p as usize) < i)
            .map(|p| flags[p as usize].clone())
            .unwrap_or_default();
        let (furniture_tokens, disclosure_tokens, byline_tokens) = token_kinds(el);
        // Page-wide containers carry classes such as "has-sidebar" or "page-ad-margins"
        // that describe the layout, not themselves: the tokens of an element holding half
        // the page's text or more never make it furniture.
        let named_furniture = by_name
            && furniture_tokens
            && !PAGE_CONTAINERS.contains(&el.tag.as_str())
            && stats.elements[i].chars < half_the_page.max(1);
        flags.push(Flags {
            furniture: parent.furniture
                || FURNITURE_TAGS.contains(&el.tag.as_str())
                || named_furniture,
            disclosure: parent.disclosure || disclosure_tokens,
            byline: parent.byline || byline_tokens || el.rel == "author" || el.itemprop == "author",
            in_article_element: parent.in_article_element || el.tag == "article",
            // Page-wide containers' classes are settings ("f_caption_muted_videos_on").
            caption: parent.caption
                || CAPTION_TAGS.contains(&el.tag.as_str())
                || (!PAGE_CONTAINERS.contains(&el.tag.as_str())
                    && el.tokens.iter().any(|t| {
                        t.split(['-', '_'])
                            .any(|part| CAPTION_WORDS.contains(&part))
                    })),
            furniture_by_name: parent.furniture_by_name || named_furniture,
        });
    }
    flags
}

/// Whether an element's class/id tokens mark it as furniture, disclosure or byline.
fn token_kinds(el: &Element) -> (bool, bool, bool) {
    let (mut furniture, mut disclosure, mut byline) = (false, false, false);
    for token in &el.tokens {
        let parts: Vec<&str> = token.split(['-', '_']).filter(|p| !p.is_empty()).collect();
        let has = |list: &[&str]| parts.iter().any(|p| list.contains(p));
        // "about-author", "author-info", "author__text": a box about the author.
        let author_box = parts.contains(&"author") && has(AUTHOR_BOX_WORDS);
        disclosure |= has(DISCLOSURE_WORDS) || author_box;
        byline |= has(BYLINE_WORDS);
        // As Readability: a token that also says content/main/article/column is kept
        // ("td-content-and-menu").
        let maybe_content = MAYBE_CONTENT.iter().any(|w| token.contains(w));
        furniture |= !maybe_content
            && (has(FURNITURE_WORDS)
                || FURNITURE_PAIRS
                    .iter()
                    .any(|[a, b]| parts.windows(2).any(|w| w[0] == *a && w[1] == *b)));
    }
    (furniture && !disclosure, disclosure, byline)
}

/// Short blocks that are mostly links: "Related: …", tag lists, "More from …".
fn is_link_list(stats: extract::TextStats) -> bool {
    stats.chars < 300 && stats.link_density() > 0.5
}

/// The headline: `og:title` or JSON-LD-free fallbacks, the first article `<h1>`, else the
/// document title.
pub fn title(page: &Page, roles: &[BlockRole]) -> String {
    let h1 = page
        .blocks
        .iter()
        .zip(roles)
        .filter(|(b, r)| {
            **r == BlockRole::Heading
                && page
                    .elements
                    .get(b.element as usize)
                    .is_some_and(|e| e.tag == "h1")
        })
        .map(|(b, _)| b.text())
        .next();
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    page.meta("og:title")
        .map(collapse)
        .or(h1.as_deref().map(collapse))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| collapse(&page.title))
}

/// A line that only says when the article was published or updated ("Updated 3:27 am
/// PST, Wednesday, November 20, 2019"): the byline's date, not a claim of the article.
fn is_dateline(text: &str) -> bool {
    const STARTS: &[&str] = &["updated", "published", "posted", "last updated", "modified"];
    // Lower-cased only once it is short and has a digit: this runs on every block.
    if more_words_than(text, 12) || !text.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let lower = text.trim().to_lowercase();
    STARTS.iter().any(|s| {
        lower
            .strip_prefix(s)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_whitespace() || c == ':'))
    })
}

/// Openings and phrases of the writers' credits at an article's end ("(Reporting by Jane
/// Roe; Editing by John Doe)", "Ann Poe contributed to this report."): the byline's,
/// not the article's.
const CREDIT_OPENINGS: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "editing by",
    "writing by",
    "compiled by",
];
const CREDIT_PHRASES: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "contributed to this story",
];
/// Credit lines are short; one opening with "Reporting by" and no more than this many
/// words, brackets or semicolons is a sentence about reporting, not a credit.
const MAX_CREDIT_WORDS: usize = 40;
const MAX_BARE_CREDIT_WORDS: usize = 12;

fn is_credit_line(text: &str) -> bool {
    if more_words_than(text, MAX_CREDIT_WORDS) {
        return false;
    }
    let trimmed = text.trim();
    let lower = trimmed.trim_start_matches(['(', '[']).to_lowercase();
    let credit_shaped = trimmed.starts_with(['(', '['])
        || trimmed.contains(';')
        || !more_words_than(trimmed, MAX_BARE_CREDIT_WORDS);
    (credit_shaped && CREDIT_OPENINGS.iter().any(|o| lower.starts_with(o)))
        || CREDIT_PHRASES.iter().any(|p| lower.contains(p))
}

/// Openings of calls to act that promote the site (sign-ups, subscriptions, forums):
/// never the writer's prose.
const PROMO_OPENINGS: &[&str] = &[
    "sign up",
    "subscribe to",
    "subscribe now",
    "join our",
    "follow us",
    "download our",
    "download the",
    "tell us what you think",
];
/// Words that make a short block naming a newsletter a sign-up box.
const NEWSLETTER_CALLS: &[&str] = &["sign up", "subscribe", "inbox", "delivered", "get "];
/// Labels of ad slots shown among the paragraphs.
const AD_LABELS: &[&str] = &["advertisement", "advertising", "sponsored", "ad"];

/// Copyright lines, "read more" calls, promotions of the site and ad-slot labels.
pub fn is_boilerplate(text: &str) -> bool {
    if more_words_than(text, 25) {
        return false;
    }
    let lower = text.to_lowercase();
    let bare = lower.trim().trim_end_matches([':', '.']);
    AD_LABELS.contains(&bare)
        || PROMO_OPENINGS.iter().any(|o| bare.starts_with(o))
        || (lower.contains("newsletter") && NEWSLETTER_CALLS.iter().any(|c| lower.contains(c)))
        || lower.contains('©')
        || lower.starts_with("copyright")
        || lower.contains("all rights reserved")
        || lower.contains("click here")
        || (lower.starts_with("read more") && !lower.contains(". "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::model::{Block, Element};

    /// Asserts that `is` holds for every text of `yes` and for none of `no`.
    fn sorts(is: fn(&str) -> bool, yes: &[&str], no: &[&str]) {
        for text in yes {
            assert!(is(text), "{text:?}");
        }
        for text in no {
            assert!(!is(text), "not {text:?}");
        }
    }

    fn el(tag: &str, parent: Option<u32>, tokens: &[&str]) -> Element {
        Element::with(tag, parent, tokens)
    }

    #[test]
    fn only_the_article_body_is_analysed() {
        let page = Page {
            elements: vec![
                el("body", None, &[]),
                el("nav", Some(0), &["main-nav"]),
                el("main", Some(0), &[]),
                el("article", Some(2), &[]),
                el("p", Some(3), &[]),
                el("div", Some(3), &["share-bar"]),
                el("div", Some(3), &["author-bio"]),
                el("p", Some(3), &["copyright"]),
                el("ul", Some(2), &["most-read"]),
                el("div", Some(0), &["comments"]),
            ],
            blocks: vec![
                Block::with(1, "Politics World Opinion"),
                Block::with(4, "The article text is long enough to win the root."),
                Block::with(5, "Share Tweet Email"),
                Block::with(6, "Jane Roe is a columnist."),
                Block::with(7, "© 2025 Example News. All rights reserved."),
                Block::with(8, "Obviously the worst deal ever"),
                Block::with(9, "I think the author is right."),
            ],
            ..Page::default()
        };
        use BlockRole::*;
        assert_eq!(
            block_roles(&page),
            [
                Outside,
                Body,
                Outside,
                Disclosure,
                Boilerplate,
                Outside,
                Outside
            ]
        );
    }

    #[test]
    fn a_list_of_other_stories_inside_the_article_is_not_the_article() {
        let paragraph = "The council voted on Tuesday, after a long debate, to keep the library open, and the mayor agreed.";
        let teaser = "Another story, with its own summary, clauses, commas, and enough words to be a paragraph.";
        // <article><p/><h2>Background</h2><p/><p/><h3 …>You may also like…</h3><p/><p/></article>
        let roles = |heading: &str, classes: &[&str]| {
            let page = Page {
                elements: vec![
                    el("body", None, &[]),
                    el("article", Some(0), &[]),
                    el("p", Some(1), &[]),
                    el("h2", Some(1), &[]),
                    el("p", Some(1), &[]),
                    el("p", Some(1), &[]),
                    el("h3", Some(1), classes),
                    el("p", Some(1), &[]),
                    el("p", Some(1), &[]),
                ],
                blocks: vec![
                    Block::with(2, paragraph),
                    Block::with(3, "Background"),
                    Block::with(4, paragraph),
                    Block::with(5, paragraph),
                    Block::with(6, heading),
                    Block::with(7, teaser),
                    Block::with(8, teaser),
                ],
                ..Page::default()
            };
            block_roles(&page)
        };
        use BlockRole::*;
        let article = [Body, Heading, Body, Body];
        let cut = [&article[..], &[Outside, Outside, Outside]].concat();
        assert_eq!(roles("You may also like…", &[]), cut);
        assert_eq!(roles("Você pode gostar...", &[]), cut);
        assert_eq!(roles("More", &["relatedpoststitle"]), cut);
        // Any other heading is the article's own.
        let kept = [&article[..], &[Heading, Body, Body]].concat();
        assert_eq!(roles("What happens next", &[]), kept);
    }

    #[test]
    fn author_boxes_and_notes_outside_the_articles_container_are_disclosures() {
        let paragraph = "The council voted on Tuesday, after a long debate, to keep the library open, and the mayor agreed.";
        // <body><article><p/><p/></article><div.share/><div><h4/><div/><div/><p/>
        // <p/><p/></div><div.promo><p/></div></body>
        let page = Page {
            elements: vec![
                el("body", None, &[]),
                el("article", Some(0), &[]),
                el("p", Some(1), &[]),
                el("p", Some(1), &[]),
                el("div", Some(0), &["share"]),
                el("div", Some(0), &[]),
                el("h4", Some(5), &[]),
                el("div", Some(5), &[]),
                el("p", Some(5), &[]),
                el("p", Some(5), &[]),
                el("p", Some(5), &[]),
                el("div", Some(0), &["promo"]),
                el("p", Some(11), &[]),
            ],
            blocks: vec![
                Block::with(2, paragraph),
                Block::with(3, paragraph),
                Block::with(4, "Share on Facebook"),
                Block::with(6, "About the author"),
                Block::with(7, "Jane Roe"),
                Block::with(8, "Senior editor at the Daily Planet."),
                Block::with(9, "Mary Poe is a senior fellow at the Example Institute."),
                Block::with(
                    10,
                    "If you buy through our links we may receive a small commission.",
                ),
                Block::with(
                    12,
                    "Our partners may receive a commission when you subscribe today.",
                ),
            ],
            ..Page::default()
        };
        let mut roles = block_roles(&page);
        use BlockRole::*;
        assert_eq!(roles[..2], [Body, Body]);
        assert!(roles[2..].iter().all(|r| *r == Outside), "{roles:?}");
        disclosures_outside(&page, &mut roles, &["John Doe"]);
        let boxed = [Disclosure, Disclosure, Disclosure];
        // Mary Poe's bio is not the author's; the promo's note is the promo's.
        let expected = [
            &[Body, Body, Outside][..],
            &boxed,
            &[Outside, Disclosure, Outside],
        ]
        .concat();
        assert_eq!(roles, expected);
        // Naming the byline's author makes a bio the author's.
        let mut roles = block_roles(&page);
        disclosures_outside(&page, &mut roles, &["Mary Poe"]);
        assert_eq!(roles[6], Disclosure);
    }

    #[test]
    fn captions_are_not_the_articles_text() {
        let paragraph = "The council voted on Tuesday, after a long debate, to keep the library open, and the mayor agreed.";
        let page = Page {
            elements: vec![
                el("body", None, &["f_caption_videos_on"]),
                el("article", Some(0), &[]),
                el("p", Some(1), &[]),
                el("figure", Some(1), &[]),
                el("figcaption", Some(3), &[]),
                el("div", Some(1), &["image-caption"]),
                el("p", Some(1), &[]),
            ],
            blocks: vec![
                Block::with(2, paragraph),
                Block::with(
                    4,
                    "The mayor, left, with the librarian on Tuesday. (Photo: Jane Roe)",
                ),
                Block::with(
                    5,
                    "Readers at the library, which opened in 1901, on a busy Saturday.",
                ),
                Block::with(6, paragraph),
            ],
            ..Page::default()
        };
        use BlockRole::*;
        assert_eq!(block_roles(&page), [Body, Outside, Outside, Body]);
    }

    #[test]
    fn date_lines_are_the_bylines_not_claims() {
        sorts(
            is_dateline,
            &[
                "Updated 3:27 am PST, Wednesday, November 20, 2019",
                "Published: 12 March 2024",
                "Updated\u{a0}1:33 am CST, Wednesday, November 20, 2019",
            ],
            &[
                "Updated figures show the deficit grew by 3% in 2023, the ministry said on Monday.",
                "Published without a date",
                "Updatedness 2020",
            ],
        );
    }

    #[test]
    fn promotions_and_ad_labels_are_boilerplate() {
        sorts(
            is_boilerplate,
            &[
                "Advertisement",
                "Sign up for our morning newsletter",
                "Join our forums to keep talking about the missions!",
                "Get the Morning Brief newsletter in your inbox.",
            ],
            &[
                "Ad hoc committees met on Tuesday.",
                "The newsletter was founded in 1998 by two teachers.",
                "Thousands joined the protest on Tuesday.",
            ],
        );
    }

    #[test]
    fn writers_credits_are_the_bylines() {
        sorts(
            is_credit_line,
            &[
                "(Reporting by Jane Roe in Paris; Editing by John Doe)",
                "Ann Poe and Al Moe contributed to this report.",
            ],
            &[
                "Reporting by the agency showed the council had spent more than it raised.",
                "The editors said the report was accurate.",
            ],
        );
    }

    #[test]
    fn class_words_name_furniture_unless_they_also_say_content() {
        let furniture = |tokens: &[&str]| token_kinds(&el("div", None, tokens)).0;
        assert!(furniture(&["photo-credit"]));
        assert!(furniture(&["gallery-item"]) && furniture(&["slideshow"]));
        assert!(furniture(&["most-read"]) && furniture(&["share_bar"]));
        assert!(!furniture(&["sidebar-content"]));
        assert!(!furniture(&["caption"]) && !furniture(&["story-body"]));
    }

    #[test]
    fn without_an_article_element_furniture_is_still_skipped() {
        let page = Page {
            elements: vec![
                el("body", None, &[]),
                el("div", Some(0), &["cookie-banner"]),
                el("p", Some(0), &[]),
            ],
            blocks: vec![
                Block::with(1, "We use cookies."),
                Block::with(2, "The article text is longer than the cookie banner."),
            ],
            ..Page::default()
        };
        assert_eq!(block_roles(&page), [BlockRole::Outside, BlockRole::Body]);
    }
}

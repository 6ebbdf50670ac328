//! Finding the article body among the page's elements.
//!
//! Readability's scoring, on the document model: every paragraph-like block scores for
//! its length and commas; the score flows to its container (full), the container's parent
//! (half) and further ancestors (less); containers gain or lose by their class and id
//! words and by how much of their text is links. The best container, plus siblings that
//! score nearly as well, is the article. A `itemprop=articleBody` element, when present
//! and substantial, is taken at its word.

use crate::page::model::{Block, Element, Page};

/// Blocks shorter than this (in chars) do not vote for a container.
const MIN_BLOCK_CHARS: usize = 25;
/// An `articleBody` element must hold this much text to be trusted.
const MIN_ARTICLE_BODY_CHARS: usize = 200;
/// Containers whose own loose text counts as a paragraph of theirs.
const LOOSE_TEXT_CONTAINERS: &[&str] = &["div", "section", "article", "main", "td"];
/// How far up the ancestors a block's score reaches.
const SCORE_LEVELS: usize = 5;

/// Class/id substrings that suggest article content, and ones that suggest furniture
/// (Readability's lists).
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "footer",
    "footnote",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
];

/// Text statistics per element, including everything below it.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextStats {
    pub chars: usize,
    pub link_chars: usize,
}

impl TextStats {
    /// A block's own text and link lengths.
    pub fn of_block(block: &Block) -> TextStats {
        let chars: Vec<usize> = block.segments.iter().map(|s| s.chars().count()).collect();
        let link_chars = block
            .links
            .iter()
            .flat_map(|l| chars.get(l.start as usize..l.end as usize).unwrap_or(&[]))
            .sum();
        TextStats {
            chars: chars.iter().sum(),
            link_chars,
        }
    }

    pub fn link_density(self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// A valid parent index (parents come before children; anything else is ignored).
pub fn parent(page: &Page, i: usize) -> Option<usize> {
    page.elements[i]
        .parent
        .map(|p| p as usize)
        .filter(|&p| p < i)
}

/// Whether element `e` is `ancestor` or lies below it.
pub fn is_within(page: &Page, e: usize, ancestor: usize) -> bool {
    std::iter::successors(Some(e), |&e| parent(page, e)).any(|e| e == ancestor)
}

/// Text and link lengths of every block, and of every element with all below it.
#[derive(Debug, Clone, Default)]
pub struct PageStats {
    pub blocks: Vec<TextStats>,
    pub elements: Vec<TextStats>,
}

impl PageStats {
    pub fn new(page: &Page) -> PageStats {
        PageStats::from_blocks(page, page.blocks.iter().map(TextStats::of_block).collect())
    }

    /// The stats of `page`, given those of its blocks (`TextStats::of_block`, in block order).
    pub fn from_blocks(page: &Page, blocks: Vec<TextStats>) -> PageStats {
        let n = page.elements.len();
        let mut elements = vec![TextStats::default(); n];
        for (block, stats) in page.blocks.iter().zip(&blocks) {
            if let Some(t) = elements.get_mut(block.element as usize) {
                t.chars += stats.chars;
                t.link_chars += stats.link_chars;
            }
        }
        for i in (0..n).rev() {
            if let Some(p) = parent(page, i) {
                let child = elements[i];
                elements[p].chars += child.chars;
                elements[p].link_chars += child.link_chars;
            }
        }
        PageStats { blocks, elements }
    }

    /// All the text of the page, in chars.
    pub fn total_chars(&self) -> usize {
        self.blocks.iter().map(|b| b.chars).sum()
    }
}

/// For each element, whether it is part of the article. `furniture[e]` marks elements
/// (with their subtrees) that never hold article text. When no block scores at all,
/// everything that is not furniture counts.
pub fn article_elements(page: &Page, stats: &PageStats, furniture: &[bool]) -> Vec<bool> {
    let n = page.elements.len();
    let (blocks, totals) = (&stats.blocks, &stats.elements);
    let mut roots = vec![false; n];
    if let Some(body) = article_body(page, totals) {
        roots[body] = true;
    } else {
        let scores = container_scores(page, furniture, blocks, totals);
        let Some((top, best)) = scores
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (i, s)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        else {
            return vec![true; n];
        };
        let top = split_article(page, &scores, top, best);
        roots[top] = true;
        // Siblings that score nearly as well, or are substantial paragraphs, belong too
        // (articles split across several containers).
        let threshold = (best * 0.2).max(10.0);
        for i in 0..n {
            if i != top
                && parent(page, i).is_some()
                && parent(page, i) == parent(page, top)
                && !furniture[i]
            {
                let paragraph = page.elements[i].tag == "p"
                    && totals[i].chars > 80
                    && totals[i].link_density() < 0.25;
                roots[i] = scores[i].is_some_and(|s| s >= threshold) || paragraph;
            }
        }
        // Containers made from the same template as the best one (same tag and class
        // words), elsewhere on the page, hold the rest of its text: the sections of an
        // article laid out between full-width figures.
        let template = &page.elements[top];
        if !template.tokens.is_empty() {
            for (i, el) in page.elements.iter().enumerate() {
                if scores[i].is_some() && el.tag == template.tag && el.tokens == template.tokens {
                    roots[i] = true;
                }
            }
        }
    }
    let mut inside = vec![false; n];
    for i in 0..n {
        inside[i] = roots[i] || parent(page, i).is_some_and(|p| inside[p]);
    }
    inside
}

/// Runner-up containers that score this close to the best one are parts of the same
/// article when there are enough of them (Readability's rule).
const SPLIT_SHARE: f32 = 0.75;
/// How many runners-up, of the best few, make an article split across containers.
const SPLIT_PARTS: usize = 3;
const SPLIT_CANDIDATES: usize = 5;

/// The container of an article split over several (an article text `div` per section,
/// each in its own layout cell): when at least [`SPLIT_PARTS`] of the next best
/// containers outside the best one score within [`SPLIT_SHARE`] of it, the nearest
/// ancestor of the best that holds that many of them. Otherwise the best container.
fn split_article(page: &Page, scores: &[Option<f32>], top: usize, best: f32) -> usize {
    let within = |e: usize, ancestor: usize| is_within(page, e, ancestor);
    // Other parts are containers beside the best one: its ancestors score high only
    // because its own text counts for them.
    let mut ranked: Vec<(usize, f32)> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .filter(|&(i, _)| !within(top, i) && !within(i, top))
        .collect();
    crate::sort::by_key(&mut ranked, |&(i, s)| (crate::sort::descending(s), i));
    let parts: Vec<usize> = ranked
        .iter()
        .take(SPLIT_CANDIDATES)
        .filter(|(_, s)| *s >= best * SPLIT_SHARE)
        .map(|&(i, _)| i)
        .collect();
    if parts.len() < SPLIT_PARTS {
        return top;
    }
    std::iter::successors(parent(page, top), |&e| parent(page, e))
        .take_while(|&e| !matches!(page.elements[e].tag.as_str(), "body" | "html"))
        .find(|&ancestor| parts.iter().filter(|&&p| within(p, ancestor)).count() >= SPLIT_PARTS)
        .unwrap_or(top)
}

/// The first `itemprop=articleBody` element with enough text.
fn article_body(page: &Page, totals: &[TextStats]) -> Option<usize> {
    (0..page.elements.len()).find(|&i| {
        page.elements[i]
            .itemprop
            .eq_ignore_ascii_case("articlebody")
            && totals[i].chars >= MIN_ARTICLE_BODY_CHARS
    })
}

/// Readability's container scores (after link density); `None` for elements no block
/// voted for, and for furniture.
fn container_scores(
    page: &Page,
    furniture: &[bool],
    blocks: &[TextStats],
    totals: &[TextStats],
) -> Vec<Option<f32>> {
    let n = page.elements.len();
    let mut score: Vec<Option<f32>> = vec![None; n];
    for (block, stats) in page.blocks.iter().zip(blocks) {
        let e = block.element as usize;
        if e >= n || furniture[e] || stats.chars < MIN_BLOCK_CHARS {
            continue;
        }
        let commas = block
            .segments
            .iter()
            .map(|s| s.matches([',', '،', '，']).count())
            .sum::<usize>();
        let points = 1.0 + commas as f32 + (stats.chars / 100).min(3) as f32;
        // Text loose in a container (a `div` holding the article's sentences directly) is,
        // for Readability, a paragraph wrapped in a `p` inside that container: the
        // container itself gets the first share, not its parent.
        let mut at = if LOOSE_TEXT_CONTAINERS.contains(&page.elements[e].tag.as_str()) {
            Some(e)
        } else {
            parent(page, e)
        };
        for level in 0..SCORE_LEVELS {
            let Some(a) = at else { break };
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                _ => 1.0 / (level as f32 * 3.0),
            };
            let s = score[a].get_or_insert_with(|| initial_score(&page.elements[a]));
            *s += points * share;
            at = parent(page, a);
        }
    }
    (0..n)
        .map(|i| {
            let s = score[i]?;
            (!furniture[i]).then(|| s * (1.0 - totals[i].link_density()))
        })
        .collect()
}

/// A container's starting score from its tag and its class and id words.
fn initial_score(el: &Element) -> f32 {
    let tag = match el.tag.as_str() {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let names = el.tokens.join(" ");
    let mut weight = 0.0;
    if NEGATIVE.iter().any(|w| names.contains(w)) {
        weight -= 25.0;
    }
    if POSITIVE.iter().any(|w| names.contains(w)) {
        weight += 25.0;
    }
    tag + weight
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::model::{Block, Link};

    fn el(tag: &str, parent: Option<u32>, tokens: &[&str]) -> Element {
        Element::with(tag, parent, tokens)
    }

    /// The page of `elements` and `blocks` with a sidebar paragraph of `text` after them,
    /// and for each of its blocks whether it is in the article.
    fn with_sidebar(
        mut elements: Vec<Element>,
        mut blocks: Vec<Block>,
        text: &str,
    ) -> (Page, Vec<bool>) {
        let aside = elements.len() as u32;
        elements.push(el("div", Some(0), &["sidebar"]));
        blocks.push(Block::with(aside, text));
        let page = Page {
            elements,
            blocks,
            ..Page::default()
        };
        let n = page.elements.len();
        let inside = article_elements(&page, &PageStats::new(&page), &vec![false; n]);
        let parts = page
            .blocks
            .iter()
            .map(|b| inside[b.element as usize])
            .collect();
        (page, parts)
    }

    #[test]
    fn text_loose_in_a_div_scores_for_that_div() {
        // <div class=row><div class=col>article text, loose</div><div class=links>…</div></div>
        // and a footer: the row is mostly links, so the column itself must be the article.
        let text = "The team registered this morning that two of the five cars, parked overnight, were broken into, and the police came to see the damage.";
        let page = Page {
            elements: vec![
                el("body", None, &[]),
                el("div", Some(0), &["row"]),
                el("div", Some(1), &["col"]),
                el("div", Some(1), &["links"]),
                el("div", Some(0), &["rodape"]),
                el("div", Some(4), &[]),
            ],
            blocks: vec![
                Block::with(2, text),
                Block {
                    element: 3,
                    segments: vec![text.repeat(3)],
                    links: vec![Link {
                        start: 0,
                        end: 1,
                        href: "/tags".into(),
                    }],
                    ..Block::default()
                },
                Block {
                    element: 5,
                    segments: vec![
                        "City - State - Company number 83.102.459 - Street 1111, postal box".into(),
                    ],
                    ..Block::default()
                },
            ],
            ..Page::default()
        };
        let stats = PageStats::new(&page);
        let inside = article_elements(&page, &stats, &[false; 6]);
        assert!(inside[2], "{inside:?}");
        assert!(!inside[5]);
    }

    #[test]
    fn an_article_split_across_layout_cells_is_kept_whole() {
        // <main><div class=cell><div class=article-text><p>…</p><p>…</p></div></div> × 4
        // (every other part with a class more), then an aside: each part scores alike;
        // the article is all four.
        let paragraph = "A paragraph of the review, with commas, clauses, and enough words to count for its container.";
        let mut elements = vec![el("body", None, &[]), el("main", Some(0), &[])];
        let mut blocks = Vec::new();
        for part in 0..4 {
            let cell = elements.len() as u32;
            elements.push(el("div", Some(1), &["cell"]));
            let classes: &[&str] = if part % 2 == 0 {
                &["article-text"]
            } else {
                &["article-text", "wide"]
            };
            elements.push(el("div", Some(cell), classes));
            for _ in 0..2 {
                blocks.push(Block::with(elements.len() as u32, paragraph));
                elements.push(el("p", Some(cell + 1), &[]));
            }
        }
        let (page, parts) = with_sidebar(elements, blocks, paragraph);
        assert_eq!(
            parts,
            [true, true, true, true, true, true, true, true, false]
        );

        // One part alone, nested in wrappers that score from its text: not split.
        let single = Page {
            blocks: page.blocks[..2].to_vec(),
            ..page.clone()
        };
        let n = single.elements.len();
        let inside = article_elements(&single, &PageStats::new(&single), &vec![false; n]);
        assert!(inside[3] && !inside[1], "{inside:?}");
    }

    #[test]
    fn sections_made_from_the_best_containers_template_belong_to_the_article() {
        // <section class=outer><div class="post__content">…4 paragraphs…</div></section>
        // <figure/>, the same with one paragraph twice more, and a sidebar: the short
        // sections score far below the first, and are not its siblings.
        let paragraph = "A paragraph of the essay, with commas, clauses, and enough words to count for its container.";
        let mut elements = vec![el("body", None, &[])];
        let mut blocks = Vec::new();
        for paragraphs in [4, 1, 1] {
            let outer = elements.len() as u32;
            elements.push(el("section", Some(0), &["outer"]));
            let section = elements.len() as u32;
            elements.push(el("div", Some(outer), &["post__content", "wysiwyg"]));
            for _ in 0..paragraphs {
                blocks.push(Block::with(elements.len() as u32, paragraph));
                elements.push(el("p", Some(section), &[]));
            }
            elements.push(el("figure", Some(0), &[]));
        }
        let (_, parts) = with_sidebar(elements, blocks, paragraph);
        assert_eq!(parts, [true, true, true, true, true, true, false]);
    }

    #[test]
    fn the_container_of_the_long_paragraphs_wins_over_teasers() {
        let long = "A long paragraph of article text, with commas, clauses, and more words than any teaser has.";
        let page = Page {
            elements: vec![
                el("body", None, &[]),
                el("article", Some(0), &["teaser"]),
                el("p", Some(1), &[]),
                el("div", Some(0), &["story-body"]),
                el("p", Some(3), &[]),
                el("p", Some(3), &[]),
                el("ul", Some(0), &["links"]),
                el("li", Some(6), &[]),
            ],
            blocks: vec![
                Block::with(2, "Teaser headline about the story"),
                Block::with(4, long),
                Block::with(5, long),
                Block {
                    element: 7,
                    segments: vec!["A list of links to other stories, all links".into()],
                    links: vec![Link {
                        start: 0,
                        end: 1,
                        href: "/x".into(),
                    }],
                    ..Block::default()
                },
            ],
            ..Page::default()
        };
        let inside = article_elements(&page, &PageStats::new(&page), &[false; 8]);
        assert_eq!(
            inside,
            [false, false, false, true, true, true, false, false]
        );
    }

    #[test]
    fn with_no_scoring_blocks_everything_counts() {
        let page = Page {
            elements: vec![el("body", None, &[])],
            ..Page::default()
        };
        assert_eq!(
            article_elements(&page, &PageStats::new(&page), &[false]),
            [true]
        );
    }
}

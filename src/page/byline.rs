//! The byline: who wrote the article.
//!
//! From the most to the least structured source: JSON-LD `author`, author meta tags,
//! the page's byline elements (`rel=author`, `itemprop=author`, byline classes), then a
//! short "By …" line near the top of the article. Dates, counters and "By" are stripped.

use std::collections::HashSet;

use crate::json::Value;

use crate::page::jsonld;
use crate::page::metadata::Metadata;
use crate::page::model::Page;
use crate::page::roles::BlockRole;
use crate::text::more_words_than;

/// Meta tags that carry the author's name (some carry a URL instead: those are skipped).
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "article:author_name",
    "og:article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
];
/// A "By …" line must be this short to be a byline rather than a sentence.
const MAX_BYLINE_WORDS: usize = 12;

/// The article's author(s), cleaned, if the page names them.
pub fn byline(page: &Page, metadata: &Metadata, roles: &[BlockRole]) -> Option<String> {
    json_ld_authors(&metadata.json_ld)
        .or_else(|| {
            AUTHOR_META
                .iter()
                .filter_map(|name| metadata.meta(name))
                .find(|v| !v.contains("://") && !v.trim().is_empty())
                .and_then(clean)
        })
        .or_else(|| {
            // Inline author elements ("By <a rel=author>…"): in the byline or the article
            // first, then anywhere outside it.
            let in_article = |r: &BlockRole| {
                matches!(r, BlockRole::Byline | BlockRole::Body | BlockRole::Heading)
            };
            [true, false].into_iter().find_map(|article| {
                page.blocks
                    .iter()
                    .zip(roles)
                    .filter(|(_, r)| in_article(r) == article)
                    .find_map(|(b, _)| author_runs(b))
            })
        })
        .or_else(|| {
            // A short block that is itself the author element (`<div class="author">By
            // Jane Roe</div>`), in a header that may lie outside the article.
            page.blocks
                .iter()
                .filter(|b| {
                    page.elements
                        .get(b.element as usize)
                        .is_some_and(|el| names_author(&el.tokens.join(" "), &el.rel, &el.itemprop))
                        && !more_words_than(&b.text(), MAX_BYLINE_WORDS)
                })
                .find_map(|b| clean(&b.text()))
        })
        .or_else(|| {
            page.blocks
                .iter()
                .zip(roles)
                .filter(|(_, r)| **r == BlockRole::Byline)
                .find_map(|(b, _)| clean(&b.text()))
        })
        .or_else(|| {
            page.blocks
                .iter()
                .zip(roles)
                .filter(|(_, r)| matches!(r, BlockRole::Body | BlockRole::Heading))
                .take(6)
                .map(|(b, _)| b.text())
                .find(|t| is_by_line(t))
                .and_then(|t| clean(&t))
        })
}

/// Schema.org types of an author that is an organisation.
const ORGANISATION_TYPES: &[&str] = &["Organization", "NewsMediaOrganization", "Corporation"];
/// Last words of an organisation's name as a byline ("BBC News", "Associated Press",
/// "Staff", "The Editorial Board").
const ORGANISATION_WORDS: &[&str] = &[
    "news", "press", "agency", "staff", "newsroom", "wire", "wires", "desk", "board", "editors",
    "team",
];

/// Whether the byline names an organisation rather than people: the JSON-LD says its
/// author is one, it is the site's own name, or its last word names a newsroom.
pub fn is_organisation(metadata: &Metadata, byline: &str) -> bool {
    let same = |name: &str| name.trim().eq_ignore_ascii_case(byline.trim());
    let declared = metadata.json_ld.iter().any(|object| {
        let authors = object.get("author").into_iter().flat_map(|a| match a {
            Value::Array(items) => items.iter().collect::<Vec<_>>(),
            other => vec![other],
        });
        authors.into_iter().any(|a| {
            jsonld::strings(&a["@type"])
                .iter()
                .any(|t| ORGANISATION_TYPES.contains(&t.as_str()))
                && a["name"].as_str().is_some_and(same)
        })
    });
    let site = ["og:site_name", "application-name"]
        .iter()
        .filter_map(|name| metadata.meta(name))
        .any(same);
    let last = byline.split_whitespace().last().unwrap_or_default();
    declared
        || site
        || ORGANISATION_WORDS
            .iter()
            .any(|w| last.eq_ignore_ascii_case(w))
}

/// The people (or organisation) a byline names: "Jane Roe, John Doe and Ann Poe" → three.
pub fn authors(byline: &str) -> Vec<&str> {
    byline
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .collect()
}

/// The names in a block's author elements; runs separated only by spaces are one name.
fn author_runs(block: &crate::page::model::Block) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    let mut last_end = None;
    for run in &block.authors {
        let Some(text) = block.segments.get(run.start as usize..run.end as usize) else {
            continue;
        };
        let gap =
            last_end.and_then(|end: u32| block.segments.get(end as usize..run.start as usize));
        match (names.last_mut(), gap) {
            (Some(name), Some(gap)) if gap.concat().trim().is_empty() => {
                name.push_str(&gap.concat());
                name.push_str(&text.concat());
            }
            _ => names.push(text.concat()),
        }
        last_end = Some(run.end);
    }
    let names: Vec<String> = names.iter().filter_map(|n| clean(n)).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Whether an element names the article's author: `rel=author`, `itemprop=author` or
/// `creator`, or class and id words with "author" or "byline" (but not "bio"). Arguments
/// are lower-case. The DOM layer's `isAuthorElement()` (collect.js) is the same rule; the
/// native front end calls this one.
pub fn names_author(class_and_id: &str, rel: &str, itemprop: &str) -> bool {
    rel.split_ascii_whitespace().any(|r| r == "author")
        || matches!(itemprop, "author" | "creator")
        || ((class_and_id.contains("author") || class_and_id.contains("byline"))
            && !class_and_id.contains("bio"))
}

fn is_by_line(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("By ") || t.starts_with("BY ") || t.starts_with("by "))
        && !more_words_than(t, MAX_BYLINE_WORDS)
}

/// Author names from JSON-LD (`author` or `creator`: a string, an object with `name`,
/// or a list of either); URLs are not names.
fn json_ld_authors(objects: &[Value]) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    // Each name once, found again by a set (not by searching `names`: linear time on a
    // page that lists tens of thousands, issue 19).
    let mut seen = HashSet::new();
    for object in objects {
        let found = object
            .get("author")
            .or_else(|| object.get("creator"))
            .map(jsonld::strings)
            .unwrap_or_default();
        for name in found {
            if !name.contains("://") && seen.insert(name.clone()) {
                names.push(name);
            }
        }
        if !names.is_empty() {
            break;
        }
    }
    clean(&names.join(", "))
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Words that start the date part of a byline, not the name.
const DATE_WORDS: &[&str] = &["updated", "published", "posted", "last", "on", "at"];
/// Words that start a social-media prompt after the name ("Jane Roe, Follow @janeroe").
const SOCIAL_WORDS: &[&str] = &["follow", "email", "twitter", "contact"];

/// Where a weekday or month glued to the end of a name begins ("Jane DoeMonday",
/// "Jane DoeNov"): a capital right after a lower-case letter, starting such a word.
/// Names with inner capitals ("McDonald", "LeBron") go on.
fn glued_date(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    chars.windows(2).find_map(|pair| {
        let ((_, a), (at, b)) = (pair[0], pair[1]);
        if !(a.is_lowercase() && b.is_uppercase()) {
            return None;
        }
        let rest = s[at..]
            .split(|c: char| !c.is_alphabetic())
            .next()?
            .to_lowercase();
        (WEEKDAYS.contains(&rest.as_str()) || MONTHS.contains(&rest.as_str())).then_some(at)
    })
}

/// "By Jane Roe | Updated 3 May 2024, 1,234 shares" → "Jane Roe".
pub fn clean(raw: &str) -> Option<String> {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.eq_ignore_ascii_case("by") {
        return None;
    }
    let mut s = collapsed.as_str();
    for prefix in ["By ", "BY ", "by "] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    // Cut at the first digit or separator: what follows is a date or a counter.
    let cut = s
        .find(|c: char| c.is_ascii_digit() || matches!(c, '|' | '•' | '·' | '—' | '–' | '/'))
        .unwrap_or(s.len());
    let s = s[..cut].split(" - ").next().unwrap_or("");
    let s = &s[..glued_date(s).unwrap_or(s.len())];
    // Then drop trailing date words ("Updated", month names) and punctuation.
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let is = |w: &str, list: &[&str]| {
        list.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str())
    };
    // A month ends the name when nothing or a date word follows ("Musil January"), not
    // inside a name ("Laura June Topolsky").
    if let Some(at) = (0..words.len()).find(|&i| {
        is(words[i], DATE_WORDS)
            || (i > 0 && words[i].starts_with('@'))
            || (is(words[i], SOCIAL_WORDS)
                && (i > 0 || words.get(1).is_none_or(|next| next.starts_with('@'))))
            || (is(words[i], MONTHS) && words.get(i + 1).is_none_or(|next| is(next, DATE_WORDS)))
    }) {
        words.truncate(at);
    }
    let name = words.join(" ");
    let name = name.trim_end_matches([',', ';', ':', '-']).trim();
    (!name.is_empty() && name.chars().any(char::is_alphabetic)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::model::{Block, Element, Meta};

    #[test]
    fn a_short_author_block_names_the_author() {
        let page = Page {
            elements: vec![
                Element::with("body", None, &[]),
                Element::with("div", Some(0), &["article__author"]),
                Element::with("div", Some(0), &["author-bio"]),
            ],
            blocks: vec![
                Block::with(2, "Jane Doe writes about science and has won prizes."),
                Block::with(1, "By\n\t\tScott Cunningham\t"),
            ],
            ..Page::default()
        };
        let roles = [BlockRole::Outside, BlockRole::Outside];
        assert_eq!(
            byline(&page, &Metadata::of(&page), &roles).as_deref(),
            Some("Scott Cunningham")
        );
    }

    #[test]
    fn an_organisation_as_author_is_recognised() {
        let page = Page {
            json_ld: vec![r#"{"@type":"NewsArticle","author":{"@type":"Organization","name":"Daily Planet"}}"#.into()],
            meta: vec![Meta { name: "og:site_name".into(), content: "The Bugle".into() }],
            ..Page::default()
        };
        assert!(is_organisation(&Metadata::of(&page), "Daily Planet"));
        assert!(is_organisation(&Metadata::of(&page), "The Bugle"));
        assert!(is_organisation(&Metadata::of(&page), "Associated Press"));
        assert!(!is_organisation(&Metadata::of(&page), "Jane Roe"));
    }

    #[test]
    fn a_byline_names_each_author() {
        assert_eq!(
            authors("Jane Roe, John Doe and Ann Poe"),
            ["Jane Roe", "John Doe", "Ann Poe"]
        );
        assert_eq!(authors("Acme News"), ["Acme News"]);
    }

    #[test]
    fn cleans_dates_counters_and_prefixes() {
        for (raw, cleaned) in [
            ("By\n\t Jane Roe | Updated 3 May", Some("Jane Roe")),
            ("by Lucas Nolan22 Dec 2016651", Some("Lucas Nolan")),
            ("By 2024", None),
            (
                "Erin Cunningham, Follow @erinmcunningham",
                Some("Erin Cunningham"),
            ),
            ("Follow", None),
            ("Follow @erinmcunningham", None),
            ("Steven Davidoff Solomon", Some("Steven Davidoff Solomon")),
            ("Dan Goodin - Apr", Some("Dan Goodin")),
            ("Steven Musil January", Some("Steven Musil")),
            ("Laura June Topolsky", Some("Laura June Topolsky")),
            (" by ", None),
            ("Jane DoeMonday", Some("Jane Doe")),
            ("By Jane DoeNov 3", Some("Jane Doe")),
            ("Ann McDonald", Some("Ann McDonald")),
            ("By Jane Roe and John Doe", Some("Jane Roe and John Doe")),
        ] {
            assert_eq!(clean(raw).as_deref(), cleaned, "{raw:?}");
        }
    }

    #[test]
    fn prefers_json_ld_then_meta() {
        let mut page = Page {
            json_ld: vec![r#"{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Roe"},{"name":"Rich Doe"}]}"#.into()],
            meta: vec![Meta { name: "author".into(), content: "Someone Else".into() }],
            ..Page::default()
        };
        assert_eq!(
            byline(&page, &Metadata::of(&page), &[]).as_deref(),
            Some("Jane Roe, Rich Doe")
        );
        page.json_ld.clear();
        assert_eq!(
            byline(&page, &Metadata::of(&page), &[]).as_deref(),
            Some("Someone Else")
        );
        // Open Graph's article author, as an organisation's name or a profile URL.
        page.meta = vec![Meta {
            name: "og:article:author".into(),
            content: "BBC News".into(),
        }];
        assert_eq!(
            byline(&page, &Metadata::of(&page), &[]).as_deref(),
            Some("BBC News")
        );
        page.meta[0].content = "https://example.com/staff/jane-roe".into();
        assert_eq!(byline(&page, &Metadata::of(&page), &[]), None);
    }

    /// Issue 19: each JSON-LD author name was looked for in the list of those kept, which
    /// made a page listing tens of thousands take time in proportion to their square.
    #[test]
    fn many_json_ld_authors_take_linear_time() {
        let authors: Vec<String> = (0..40_000).map(|i| format!("Author Number{i}")).collect();
        let page = Page {
            json_ld: vec![serde_json::json!({ "author": authors }).to_string()],
            ..Page::default()
        };
        let started = std::time::Instant::now();
        let names = json_ld_authors(&jsonld::objects(&page));
        let took = started.elapsed();
        assert!(names.is_some_and(|n| n.starts_with("Author Number")));
        assert!(took.as_secs_f32() < 2.0, "{took:?}");
    }
}

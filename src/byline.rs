//! The byline: who wrote the article.
//!
//! From the most to the least structured source: JSON-LD `author`, author meta tags,
//! the page's byline elements (`rel=author`, `itemprop=author`, byline classes), then a
//! short "By …" line near the top of the article. Dates, counters and "By" are stripped.

use serde_json::Value;

use crate::model::Page;
use crate::page::BlockRole;
use crate::text::words;

/// Meta tags that carry the author's name (some carry a URL instead: those are skipped).
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
];
/// A "By …" line must be this short to be a byline rather than a sentence.
const MAX_BYLINE_WORDS: usize = 12;

/// The article's author(s), cleaned, if the page names them.
pub fn byline(page: &Page, roles: &[BlockRole]) -> Option<String> {
    json_ld_authors(page)
        .or_else(|| {
            AUTHOR_META
                .iter()
                .filter_map(|name| page.meta(name))
                .find(|v| !v.contains("://") && !v.trim().is_empty())
                .and_then(clean)
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

fn is_by_line(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("By ") || t.starts_with("BY ") || t.starts_with("by "))
        && words(t).len() <= MAX_BYLINE_WORDS
}

/// Author names from JSON-LD (`author` as a string, an object with `name`, or a list).
fn json_ld_authors(page: &Page) -> Option<String> {
    for raw in &page.json_ld {
        let Ok(value) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        let mut names = Vec::new();
        collect_authors(&value, &mut names);
        names.dedup();
        if !names.is_empty() {
            return clean(&names.join(" and "));
        }
    }
    None
}

fn collect_authors(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_authors(v, names)),
        Value::Object(map) => {
            if let Some(author) = map.get("author").or_else(|| map.get("creator")) {
                author_names(author, names);
            }
            if let Some(graph) = map.get("@graph") {
                collect_authors(graph, names);
            }
        }
        _ => {}
    }
}

fn author_names(author: &Value, names: &mut Vec<String>) {
    match author {
        Value::String(s) if !s.contains("://") => names.push(s.clone()),
        Value::Object(o) => {
            if let Some(Value::String(name)) = o.get("name") {
                names.push(name.clone());
            }
        }
        Value::Array(items) => items.iter().for_each(|a| author_names(a, names)),
        _ => {}
    }
}

/// "By Jane Roe | Updated 3 May 2024, 1,234 shares" → "Jane Roe".
pub fn clean(raw: &str) -> Option<String> {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s = collapsed.as_str();
    for prefix in ["By ", "BY ", "by "] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    // Cut at the first digit, separator or date word: what follows is not a name.
    let cut = s
        .find(|c: char| c.is_ascii_digit() || matches!(c, '|' | '•' | '·' | '—' | '–' | '/'))
        .unwrap_or(s.len());
    let mut name = s[..cut].trim();
    for tail in ["Updated", "Published", "Posted", "on", "Last"] {
        if let Some(rest) = name.strip_suffix(tail) {
            name = rest.trim();
        }
    }
    let name = name.trim_end_matches([',', ';', ':', '-']).trim();
    (!name.is_empty() && name.chars().any(char::is_alphabetic)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    #[test]
    fn cleans_dates_counters_and_prefixes() {
        assert_eq!(
            clean("By\n\t Jane Roe | Updated 3 May").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            clean("by Lucas Nolan22 Dec 2016651").as_deref(),
            Some("Lucas Nolan")
        );
        assert_eq!(clean("By 2024"), None);
    }

    #[test]
    fn prefers_json_ld_then_meta() {
        let mut page = Page {
            json_ld: vec![r#"{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Roe"},{"name":"Rich Doe"}]}"#.into()],
            meta: vec![Meta { name: "author".into(), content: "Someone Else".into() }],
            ..Page::default()
        };
        assert_eq!(byline(&page, &[]).as_deref(), Some("Jane Roe and Rich Doe"));
        page.json_ld.clear();
        assert_eq!(byline(&page, &[]).as_deref(), Some("Someone Else"));
    }
}

//! Which hyperlinks cite a source. A link in a sentence counts as the sentence's citation
//! only when it points at something that could back the claim: a document, a report, a
//! story. Navigation links do not: a ticker symbol's quote page, a tag, topic, section or
//! author page, a search, a share button, or the page itself.

/// Path segments (and query keys) of pages that list or navigate rather than say anything.
const NAVIGATION: &[&str] = &[
    "tag",
    "tags",
    "topic",
    "topics",
    "author",
    "authors",
    "people",
    "person",
    "profile",
    "category",
    "categories",
    "section",
    "sections",
    "subject",
    "subjects",
    "search",
    "quote",
    "quotes",
    "symbol",
    "symbols",
    "ticker",
    "stock",
    "stocks",
    "markets",
    "share",
    "sharer",
    "intent",
    "subscribe",
    "newsletter",
    "newsletters",
    "login",
    "signup",
];

/// Whether a link to `href` can be a citation.
pub fn cites_a_source(href: &str) -> bool {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return false;
    }
    let lower = href.to_ascii_lowercase();
    let Some((scheme, rest)) = lower.split_once(':') else {
        // A relative link: its path is all there is to read.
        return !navigates(&lower);
    };
    if !matches!(scheme, "http" | "https") {
        return false; // mailto:, javascript:, tel:
    }
    let rest = rest.trim_start_matches('/');
    // The host is not read: "people.com" is a source, "/people/" a listing.
    let path = rest.split_once('/').map_or("", |(_, path)| path);
    !navigates(path)
}

fn navigates(path: &str) -> bool {
    let path = path.split('#').next().unwrap_or_default();
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let segments = path.split('/').filter(|s| !s.is_empty());
    let keys = query.split('&').filter_map(|p| p.split('=').next());
    segments.chain(keys).any(|s| NAVIGATION.contains(&s)) || path.trim_matches('/').is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_or_a_story_is_a_source() {
        assert!(cites_a_source(
            "https://www.bls.gov/news.release/pdf/empsit.pdf"
        ));
        assert!(cites_a_source(
            "https://example.com/2019/11/20/report-on-wages"
        ));
        assert!(cites_a_source("/news/world-us-canada-33646704"));
    }

    #[test]
    fn navigation_is_not() {
        for href in [
            "https://www.cnbc.com/quotes/?symbol=BA",
            "https://example.com/tag/hong-kong/",
            "https://example.com/topics/economy",
            "https://example.com/author/jane-doe",
            "https://twitter.com/intent/tweet?text=x",
            "https://example.com/",
            "mailto:desk@example.com",
            "#comments",
            "",
        ] {
            assert!(!cites_a_source(href), "{href}");
        }
    }
}

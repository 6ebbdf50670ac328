//! What kind of article a page is: opinion, editorial, letter, advice, review, analysis,
//! blog post, sponsored, satire or news.
//!
//! Read from what the page shows of itself: a specific schema.org JSON-LD `@type`, the
//! section (`articleSection`, `article:section`), a headline label ("Opinion |",
//! "Column:", "… review:"), the document title's section parts ("| Editorial | Opinion |"),
//! the URL's sections and host ("/opinion/", "blog.…"), a byline saying columnist. Many
//! publishing systems tag every page `NewsArticle` or `BlogPosting`: such a generic type
//! is weak evidence, so the text is read first — opinion columns are dense with the
//! writer's own hedges, boosters, stance and rhetorical questions — and the generic type
//! decides only when the text does not read as opinion.

use serde::{Deserialize, Serialize};

use crate::page::jsonld::strings;
use crate::page::metadata::Metadata;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArticleKind {
    Opinion,
    /// The publication's own opinion ("The Guardian view on …").
    Editorial,
    /// Readers' letters.
    Letter,
    /// An advice column ("Dear Abby", "Ask Amy").
    Advice,
    /// A post on a personal or company blog.
    Blog,
    News,
    Analysis,
    Review,
    Sponsored,
    Satire,
    Unknown,
}

impl ArticleKind {
    /// Whether the article is someone's argued view, so that its sentences are read as
    /// opinion more readily.
    pub fn is_opinion(self) -> bool {
        matches!(
            self,
            ArticleKind::Opinion
                | ArticleKind::Editorial
                | ArticleKind::Letter
                | ArticleKind::Advice
        )
    }

    /// A kind that narrows another: an editorial, a letter or an advice column is opinion.
    fn refines(self, other: ArticleKind) -> bool {
        other == ArticleKind::Opinion
            && matches!(
                self,
                ArticleKind::Editorial | ArticleKind::Letter | ArticleKind::Advice
            )
    }
}

/// The article type and why newslens thinks so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleType {
    pub kind: ArticleKind,
    /// What the verdict rests on, for the reader ("JSON-LD articleSection \"Opinion\"").
    pub evidence: String,
    /// True when estimated from the text rather than declared by the page.
    pub estimated: bool,
}

impl Default for ArticleType {
    fn default() -> Self {
        ArticleType {
            kind: ArticleKind::Unknown,
            evidence: String::new(),
            estimated: true,
        }
    }
}

/// Words in a section name or URL path that declare a kind of article.
const SECTION_WORDS: &[(&str, ArticleKind)] = &[
    ("opinion", ArticleKind::Opinion),
    ("opinions", ArticleKind::Opinion),
    ("opinión", ArticleKind::Opinion),
    ("commentary", ArticleKind::Opinion),
    ("commentisfree", ArticleKind::Opinion),
    ("op-ed", ArticleKind::Opinion),
    ("op-eds", ArticleKind::Opinion),
    ("oped", ArticleKind::Opinion),
    ("columnists", ArticleKind::Opinion),
    ("column", ArticleKind::Opinion),
    ("columns", ArticleKind::Opinion),
    ("ideas", ArticleKind::Opinion),
    ("voices", ArticleKind::Opinion),
    ("perspective", ArticleKind::Opinion),
    ("perspectives", ArticleKind::Opinion),
    ("editorial", ArticleKind::Editorial),
    ("editorials", ArticleKind::Editorial),
    ("letters", ArticleKind::Letter),
    ("advice", ArticleKind::Advice),
    ("blog", ArticleKind::Blog),
    ("blogs", ArticleKind::Blog),
    ("analysis", ArticleKind::Analysis),
    ("review", ArticleKind::Review),
    ("reviews", ArticleKind::Review),
    ("sponsored", ArticleKind::Sponsored),
    ("partner-content", ArticleKind::Sponsored),
    ("paid-post", ArticleKind::Sponsored),
    ("satire", ArticleKind::Satire),
];

/// Words of a headline's label that declare a kind: "Opinion | …", "Column: …",
/// "… review: …", "Ask Amy: …" (the label is the headline's part before its first ":",
/// "|" or " - ", or the whole of a short headline).
const HEADLINE_WORDS: &[(&str, ArticleKind)] = &[
    ("opinion", ArticleKind::Opinion),
    ("column", ArticleKind::Opinion),
    ("commentary", ArticleKind::Opinion),
    ("op-ed", ArticleKind::Opinion),
    ("perspective", ArticleKind::Opinion),
    ("editorial", ArticleKind::Editorial),
    ("letters", ArticleKind::Letter),
    ("ask", ArticleKind::Advice),
    ("dear", ArticleKind::Advice),
    ("review", ArticleKind::Review),
    ("hands-on", ArticleKind::Review),
    ("analysis", ArticleKind::Analysis),
];
/// Words of a byline that make its writer a columnist ("Jane Roe, Opinion Writer").
const COLUMNIST_WORDS: &[&str] = &["columnist", "contributor", "opinion writer", "op-ed"];
/// Generic schema.org types: weak evidence, read only when the text is not opinion.
const GENERIC_TYPES: &[(&str, ArticleKind)] = &[
    ("NewsArticle", ArticleKind::News),
    ("BlogPosting", ArticleKind::Blog),
];

/// schema.org types, most specific first.
const SCHEMA_TYPES: &[(&str, ArticleKind)] = &[
    ("OpinionNewsArticle", ArticleKind::Opinion),
    ("AnalysisNewsArticle", ArticleKind::Analysis),
    ("ReviewNewsArticle", ArticleKind::Review),
    ("Review", ArticleKind::Review),
    ("AdvertiserContentArticle", ArticleKind::Sponsored),
    ("SatiricalArticle", ArticleKind::Satire),
    ("ReportageNewsArticle", ArticleKind::News),
];

/// The type the page declares by a specific sign, if it shows one. `bylines` are the
/// texts of the page's byline blocks. A generic schema.org type is not such a sign (see
/// [`generic`]).
pub fn declared(metadata: &Metadata, bylines: &[String]) -> Option<ArticleType> {
    let mut signs = signs(metadata, bylines);
    let (kind, evidence) = signs.next()?;
    // "Opinion" first and "Editorial" later: the narrower kind, on both pieces of evidence.
    let (kind, evidence) = match signs.find(|(k, _)| k.refines(kind)) {
        Some((narrower, more)) => (narrower, format!("{evidence}; {more}")),
        None => (kind, evidence),
    };
    Some(ArticleType {
        kind,
        evidence,
        estimated: false,
    })
}

/// Every specific sign of the article's kind the page shows, most reliable first.
fn signs<'a>(
    metadata: &'a Metadata,
    bylines: &'a [String],
) -> impl Iterator<Item = (ArticleKind, String)> + 'a {
    let objects = &metadata.json_ld;
    let schema = objects
        .iter()
        .flat_map(|o| strings(&o["@type"]))
        .filter_map(|t| {
            let &(_, kind) = SCHEMA_TYPES.iter().find(|(name, _)| *name == t)?;
            Some((kind, format!("JSON-LD @type {t}")))
        })
        .collect::<Vec<_>>();
    let sections = objects
        .iter()
        .flat_map(|o| strings(&o["articleSection"]))
        .filter_map(|section| {
            Some((
                section_kind(&section)?,
                format!("JSON-LD articleSection \"{section}\""),
            ))
        })
        .collect::<Vec<_>>();
    let meta = ["article:section", "og:article:section", "section"]
        .into_iter()
        .filter_map(move |name| {
            let section = metadata.meta(name)?;
            Some((section_kind(section)?, format!("meta {name} \"{section}\"")))
        });
    let headline = headline_label(metadata);
    let title = title_sections(metadata.title());
    let byline = bylines.iter().find_map(|b| {
        let lower = b.to_lowercase();
        COLUMNIST_WORDS
            .iter()
            .find(|w| lower.contains(*w))
            .map(|w| (ArticleKind::Opinion, format!("byline says \"{w}\"")))
    });
    schema
        .into_iter()
        .chain(sections)
        .chain(meta)
        .chain(headline)
        .chain(title)
        .chain(byline)
        .chain(url_sections(metadata.url()))
}

/// The kind a headline's label declares ("Opinion | …", "Xbox One X review: …").
fn headline_label(metadata: &Metadata) -> Option<(ArticleKind, String)> {
    let headline = metadata.meta("og:title").unwrap_or(metadata.title()).trim();
    let label = headline
        .split([':', '|', '—', '–'])
        .next()
        .and_then(|l| l.split(" - ").next())
        .unwrap_or_default();
    headline_kind(label)
}

/// The kind a headline's label (its part before the first ":", "|" or " - ") declares.
fn headline_kind(label: &str) -> Option<(ArticleKind, String)> {
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(['(', ')', '\'', '"', '.']))
        .collect();
    // The label's first word ("Opinion", "Ask") or its last ("… review"), as a whole word.
    let ends = [words.first(), words.last()];
    HEADLINE_WORDS
        .iter()
        .find(|(w, _)| ends.iter().flatten().any(|e| *e == w))
        .map(|&(_, kind)| (kind, format!("headline \"{}\"", label.trim())))
}

/// Section names among the parts of the document title ("The Guardian view on Hong Kong
/// | Editorial | Opinion | The Guardian"): every part after the first.
fn title_sections(title: &str) -> Vec<(ArticleKind, String)> {
    title
        .split(['|', '—', '–'])
        .skip(1)
        .filter_map(|part| {
            let kind = section_kind(part)?;
            Some((kind, format!("document title part \"{}\"", part.trim())))
        })
        .collect()
}

/// The kinds the URL's path sections and host declare ("/opinion/", "blog.example.com").
fn url_sections(url: &str) -> Vec<(ArticleKind, String)> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host_part = host.split('.').next().filter(|p| section_kind(p).is_some());
    let in_host = host_part.and_then(|p| Some((section_kind(p)?, format!("URL host {host}"))));
    in_host
        .into_iter()
        .chain(
            path.split(['/', '?', '#'])
                .filter(|s| !s.is_empty())
                .filter_map(|segment| Some((slug_kind(segment)?, format!("URL path /{segment}/")))),
        )
        .collect()
}

/// The kind a generic schema.org type gives (`NewsArticle`, `BlogPosting`), for when
/// neither the page nor the text says more.
pub fn generic(metadata: &Metadata) -> Option<ArticleType> {
    GENERIC_TYPES.iter().find_map(|&(name, kind)| {
        metadata
            .json_ld
            .iter()
            .any(|o| strings(&o["@type"]).iter().any(|t| t == name))
            .then(|| ArticleType {
                kind,
                evidence: format!("JSON-LD @type {name} (a generic type)"),
                estimated: false,
            })
    })
}

/// The article type: the page's specific signs, else a blog posting's type (a blog post
/// is its writer's view already), else the text when it reads as opinion, else a generic
/// schema.org type, else the text's estimate.
pub fn decide(metadata: &Metadata, bylines: &[String], stats: TextStats) -> ArticleType {
    if let Some(declared) = declared(metadata, bylines) {
        return declared;
    }
    let generic = generic(metadata);
    if let Some(blog) = generic.clone().filter(|t| t.kind == ArticleKind::Blog) {
        return blog;
    }
    let estimate = estimate(stats);
    if estimate.kind == ArticleKind::Opinion {
        return estimate;
    }
    generic.unwrap_or(estimate)
}

/// What the text says about its kind, from sentence-level statistics.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextStats {
    pub sentences: usize,
    /// Sentences with the writer's own hedge, booster, stance, speculation or question.
    pub writer_voice: usize,
    pub opinion_probability_sum: f32,
}

/// Share of writer-voice sentences above which a text reads as opinion.
const OPINION_VOICE_SHARE: f32 = 0.3;
/// Mean sentence opinion probability that must accompany it.
const OPINION_MEAN_PROBABILITY: f32 = 0.25;
/// Mean sentence opinion probability that alone makes a text opinion (chosen on half A of
/// the labelled pages in `tests/labels`, checked on half B: news reports stay below it).
const OPINION_MEAN_ALONE: f32 = 0.4;
/// Fewer sentences than this are too few to judge.
const MIN_SENTENCES: usize = 5;

/// Estimates the kind from the text when the page declares nothing.
pub fn estimate(stats: TextStats) -> ArticleType {
    if stats.sentences < MIN_SENTENCES {
        return ArticleType::default();
    }
    let n = stats.sentences as f32;
    let voice = stats.writer_voice as f32 / n;
    let mean = stats.opinion_probability_sum / n;
    let kind = if (voice >= OPINION_VOICE_SHARE && mean >= OPINION_MEAN_PROBABILITY)
        || mean >= OPINION_MEAN_ALONE
    {
        ArticleKind::Opinion
    } else {
        ArticleKind::News
    };
    ArticleType {
        kind,
        // Rounded with integer formatting: float formatting would add ~15 KB to the wasm.
        evidence: format!(
            "estimated from the text: {}% of sentences in the writer's own voice, mean opinion probability {}",
            (voice * 100.0).round() as u32,
            hundredths(mean)
        ),
        estimated: true,
    }
}

/// `x` in 0..=1 to two decimals ("0.47").
fn hundredths(x: f32) -> String {
    let h = (x.clamp(0.0, 1.0) * 100.0).round() as u32;
    format!("{}.{:02}", h / 100, h % 100)
}

/// Words of a slug longer than this are a headline's: only its first and last word can
/// name a section ("clymer-workshop-manual-review", not "…-seek-advice-on-…").
const SLUG_WORDS: usize = 3;

/// The kind a URL path segment declares.
fn slug_kind(segment: &str) -> Option<ArticleKind> {
    let words: Vec<&str> = segment.split(['-', '_', '.']).collect();
    if words.len() <= SLUG_WORDS {
        return section_kind(segment);
    }
    [words[0], words[words.len() - 1]]
        .into_iter()
        .find_map(section_kind)
}

fn section_kind(section: &str) -> Option<ArticleKind> {
    let lower = section.trim().to_lowercase();
    SECTION_WORDS
        .iter()
        .find(|(word, _)| lower == *word || lower.split([' ', '-', '&']).any(|w| w == *word))
        .map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::model::{Meta, Page};

    #[test]
    fn reads_json_ld_types_sections_meta_and_url() {
        let mut page = Page {
            json_ld: vec![r#"{"@graph": [{"@type": ["OpinionNewsArticle"]}]}"#.into()],
            ..Page::default()
        };
        assert_eq!(
            declared(&Metadata::of(&page), &[]).map(|t| t.kind),
            Some(ArticleKind::Opinion)
        );
        page.json_ld = vec![r#"{"@type": "NewsArticle", "articleSection": "Opinion"}"#.into()];
        assert_eq!(
            declared(&Metadata::of(&page), &[]).map(|t| t.evidence),
            Some("JSON-LD articleSection \"Opinion\"".into())
        );
        page.json_ld.clear();
        page.meta = vec![Meta {
            name: "article:section".into(),
            content: "Movie Reviews".into(),
        }];
        assert_eq!(
            declared(&Metadata::of(&page), &[]).map(|t| t.kind),
            Some(ArticleKind::Review)
        );
        page.meta.clear();
        page.url = "https://example.com/columnists/jane/x.html".into();
        assert_eq!(
            declared(&Metadata::of(&page), &[]).map(|t| t.kind),
            Some(ArticleKind::Opinion)
        );
        page.url = "https://example.com/world/x.html".into();
        assert_eq!(declared(&Metadata::of(&page), &[]), None);
    }

    fn kind_of(title: &str, url: &str, bylines: &[&str]) -> Option<ArticleKind> {
        let page = Page {
            title: title.into(),
            url: url.into(),
            ..Page::default()
        };
        let bylines: Vec<String> = bylines.iter().map(|b| b.to_string()).collect();
        declared(&Metadata::of(&page), &bylines).map(|t| t.kind)
    }

    #[test]
    fn headline_labels_declare_the_kind() {
        let url = "https://example.com/2024/05/x";
        use ArticleKind::*;
        assert_eq!(
            kind_of("Opinion | The plan will fail", url, &[]),
            Some(Opinion)
        );
        assert_eq!(
            kind_of("Column: Why the council is wrong", url, &[]),
            Some(Opinion)
        );
        assert_eq!(
            kind_of("Acme Phone 9 review: fast, dull", url, &[]),
            Some(Review)
        );
        assert_eq!(
            kind_of("Ask Amy: My sister never calls", url, &[]),
            Some(Advice)
        );
        // A word inside the headline is no label.
        assert_eq!(
            kind_of("Judge orders review of the vote count", url, &[]),
            None
        );
        assert_eq!(
            kind_of(
                "The plan will fail",
                url,
                &["By Jane Roe, Opinion Columnist"]
            ),
            Some(Opinion)
        );
    }

    #[test]
    fn an_editorial_narrows_opinion_and_a_blog_host_declares_a_blog() {
        use ArticleKind::*;
        let page = Page {
            title: "The Acme view on the budget | Editorial | Opinion | Acme".into(),
            meta: vec![Meta {
                name: "article:section".into(),
                content: "Opinion".into(),
            }],
            ..Page::default()
        };
        let found = declared(&Metadata::of(&page), &[]).unwrap();
        assert_eq!(found.kind, Editorial, "{}", found.evidence);
        assert_eq!(
            kind_of("Our week", "https://blog.example.com/2018/09/our-week", &[]),
            Some(Blog)
        );
    }

    #[test]
    fn a_headline_slug_names_a_section_only_at_its_ends() {
        use ArticleKind::*;
        assert_eq!(
            kind_of("x", "https://e.com/clymer-workshop-manual-review/", &[]),
            Some(Review)
        );
        assert_eq!(
            kind_of("x", "https://e.com/parents-seek-advice-on-schools/", &[]),
            None
        );
        assert_eq!(
            kind_of("x", "https://e.com/movie-reviews/x", &[]),
            Some(Review)
        );
    }

    #[test]
    fn a_generic_type_gives_way_to_a_text_that_reads_as_opinion() {
        let page = Page {
            json_ld: vec![r#"{"@type": "NewsArticle"}"#.into()],
            ..Page::default()
        };
        let column = TextStats {
            sentences: 20,
            writer_voice: 2,
            opinion_probability_sum: 9.0,
        };
        let report = TextStats {
            opinion_probability_sum: 3.0,
            ..column
        };
        assert_eq!(
            decide(&Metadata::of(&page), &[], column).kind,
            ArticleKind::Opinion
        );
        assert!(decide(&Metadata::of(&page), &[], column).estimated);
        assert_eq!(
            decide(&Metadata::of(&page), &[], report).kind,
            ArticleKind::News
        );
        assert!(!decide(&Metadata::of(&page), &[], report).estimated);
    }

    #[test]
    fn estimates_from_the_writers_voice() {
        let column = TextStats {
            sentences: 20,
            writer_voice: 9,
            opinion_probability_sum: 8.0,
        };
        assert_eq!(estimate(column).kind, ArticleKind::Opinion);
        let report = TextStats {
            sentences: 20,
            writer_voice: 2,
            opinion_probability_sum: 3.0,
        };
        assert_eq!(estimate(report).kind, ArticleKind::News);
        assert_eq!(
            estimate(TextStats {
                sentences: 2,
                ..column
            })
            .kind,
            ArticleKind::Unknown
        );
    }
}

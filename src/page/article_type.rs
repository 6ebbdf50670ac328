//! What kind of article a page is: opinion, news, analysis, review, sponsored or satire.
//!
//! Read from what the page says about itself (schema.org JSON-LD `@type` and
//! `articleSection`, `og:type`, `article:section`, the URL path); when it says nothing,
//! estimated from the text: opinion columns are dense with the writer's own hedges,
//! boosters, stance and rhetorical questions.

use serde::{Deserialize, Serialize};

use crate::page::jsonld::strings;
use crate::page::metadata::Metadata;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArticleKind {
    Opinion,
    News,
    Analysis,
    Review,
    Sponsored,
    Satire,
    Unknown,
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
    ("commentary", ArticleKind::Opinion),
    ("editorial", ArticleKind::Opinion),
    ("editorials", ArticleKind::Opinion),
    ("op-ed", ArticleKind::Opinion),
    ("oped", ArticleKind::Opinion),
    ("columnists", ArticleKind::Opinion),
    ("column", ArticleKind::Opinion),
    ("analysis", ArticleKind::Analysis),
    ("review", ArticleKind::Review),
    ("reviews", ArticleKind::Review),
    ("sponsored", ArticleKind::Sponsored),
    ("partner-content", ArticleKind::Sponsored),
    ("paid-post", ArticleKind::Sponsored),
    ("satire", ArticleKind::Satire),
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

/// The type the page declares, if it declares one.
pub fn declared(metadata: &Metadata) -> Option<ArticleType> {
    let found = |kind, evidence: String| {
        Some(ArticleType {
            kind,
            evidence,
            estimated: false,
        })
    };
    let objects = &metadata.json_ld;
    for object in objects {
        for t in strings(&object["@type"]) {
            if let Some(&(_, kind)) = SCHEMA_TYPES.iter().find(|(name, _)| *name == t) {
                return found(kind, format!("JSON-LD @type {t}"));
            }
        }
    }
    for object in objects {
        for section in strings(&object["articleSection"]) {
            if let Some(kind) = section_kind(&section) {
                return found(kind, format!("JSON-LD articleSection \"{section}\""));
            }
        }
    }
    for name in ["article:section", "og:article:section", "section"] {
        if let Some(kind) = metadata.meta(name).and_then(section_kind) {
            return found(
                kind,
                format!(
                    "meta {name} \"{}\"",
                    metadata.meta(name).unwrap_or_default()
                ),
            );
        }
    }
    let path = metadata.url().split_once("://").map_or("", |(_, r)| r);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    for segment in path.split(['/', '?', '#']).filter(|s| !s.is_empty()) {
        if let Some(kind) = section_kind(segment) {
            return found(kind, format!("URL path /{segment}/"));
        }
    }
    for object in objects {
        if strings(&object["@type"]).iter().any(|t| t == "NewsArticle") {
            return found(ArticleKind::News, "JSON-LD @type NewsArticle".to_string());
        }
    }
    None
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
    let kind = if voice >= OPINION_VOICE_SHARE && mean >= OPINION_MEAN_PROBABILITY {
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
            declared(&Metadata::of(&page)).map(|t| t.kind),
            Some(ArticleKind::Opinion)
        );
        page.json_ld = vec![r#"{"@type": "NewsArticle", "articleSection": "Opinion"}"#.into()];
        assert_eq!(
            declared(&Metadata::of(&page)).map(|t| t.evidence),
            Some("JSON-LD articleSection \"Opinion\"".into())
        );
        page.json_ld.clear();
        page.meta = vec![Meta {
            name: "article:section".into(),
            content: "Movie Reviews".into(),
        }];
        assert_eq!(
            declared(&Metadata::of(&page)).map(|t| t.kind),
            Some(ArticleKind::Review)
        );
        page.meta.clear();
        page.url = "https://example.com/columnists/jane/x.html".into();
        assert_eq!(
            declared(&Metadata::of(&page)).map(|t| t.kind),
            Some(ArticleKind::Opinion)
        );
        page.url = "https://example.com/world/x.html".into();
        assert_eq!(declared(&Metadata::of(&page)), None);
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

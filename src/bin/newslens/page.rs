//! `newslens page`: the whole-page analysis as one JSON object.

use std::path::Path;

use newslens::document::{document, Format};
use newslens::model::Page;
use newslens::report::{page_sentences, SentenceReport};
use newslens::Analysis;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{json, Map, Value};

/// Reads an article (or `-`), gunzipping `.gz` input, and builds its document model.
pub fn load(path: &Path, format: Format, url: &str) -> Result<Page, String> {
    let bytes = crate::read_bytes(path)?;
    document(&bytes, format, url).map_err(|e| format!("{}: {e}", path.display()))
}

/// The analysis of a page: title, byline, type, body, disclosures and every sentence.
///
/// Written as it is serialised: each sentence becomes a JSON tree only while it is
/// written, where the whole report as one tree took four times the analysis's memory.
/// The keys come out sorted, as in a JSON object.
pub struct Report {
    /// Every field but the sentences (the caller may add some, such as `id`).
    pub fields: Map<String, Value>,
    sentences: Vec<SentenceReport>,
}

/// The report of `page`, given its `analysis`.
pub fn report(page: &Page, analysis: &Analysis) -> Report {
    let body_text = analysis.body_text(page);
    let mut fields = json!({
        "title": analysis.title,
        "language": analysis.language,
        "byline": analysis.byline,
        "article_type": analysis.article_type,
        "article_found": !body_text.is_empty(),
        "body_text": body_text,
        "disclosures": analysis.disclosures,
        "transparency": analysis.transparency,
    });
    // Said only when true, as the core's own JSON does.
    if analysis.byline_organisation {
        fields["byline_organisation"] = Value::Bool(true);
    }
    let Value::Object(fields) = fields else {
        unreachable!("json!({{…}}) is an object")
    };
    Report {
        fields,
        sentences: page_sentences(page, analysis),
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const SENTENCES: &str = "sentences";
        let mut map = serializer.serialize_map(Some(self.fields.len() + 1))?;
        let mut sentences = Some(Sentences(&self.sentences));
        for (key, value) in &self.fields {
            if key.as_str() > SENTENCES {
                if let Some(s) = sentences.take() {
                    map.serialize_entry(SENTENCES, &s)?;
                }
            }
            map.serialize_entry(key, value)?;
        }
        if let Some(s) = sentences.take() {
            map.serialize_entry(SENTENCES, &s)?;
        }
        map.end()
    }
}

/// The sentences, each written with its keys sorted like the rest of the report.
struct Sentences<'a>(&'a [SentenceReport]);

impl Serialize for Sentences<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for sentence in self.0 {
            let tree = serde_json::to_value(sentence).map_err(serde::ser::Error::custom)?;
            seq.serialize_element(&tree)?;
        }
        seq.end()
    }
}

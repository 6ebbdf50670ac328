//! schema.org JSON-LD on the page: the objects it describes, flattened, and the
//! publisher-transparency facts they carry.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::json::{self, Value};

use crate::page::model::Page;

/// Every JSON-LD object on the page, with `@graph` members and array items flattened.
/// Scripts that are not valid JSON are skipped.
pub fn objects(page: &Page) -> Vec<Value> {
    page.json_ld
        .iter()
        .filter_map(|s| json::from_str::<Value>(unwrapped(s)).ok())
        .flat_map(flatten)
        .collect()
}

/// A script's JSON without the XHTML-era wrappers some sites still put around it
/// (`<![CDATA[ … ]]>`, `//<![CDATA[ … //]]>`, `<!-- … -->`).
fn unwrapped(script: &str) -> &str {
    let mut s = script.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        let start = s.trim_start_matches(['/', '*', ' ']);
        if let Some(inner) = start.strip_prefix(open) {
            // What is left of a comment around the marker ("/*<![CDATA[*/") is never JSON.
            let inner = inner.trim_start_matches(['*', '/']).trim();
            let inner = inner.strip_suffix("*/").unwrap_or(inner).trim_end();
            s = inner
                .strip_suffix(close)
                .unwrap_or(inner)
                .trim_end()
                .trim_end_matches(['/', '*', ' '])
                .trim();
        }
    }
    s
}

fn flatten(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items.into_iter().flat_map(flatten).collect(),
        Value::Object(mut fields) => {
            // A key given twice counts once, its last value (as in a map).
            let mut graph = None;
            fields.retain_mut(|(key, value)| {
                let is_graph = key == "@graph";
                if is_graph {
                    graph = Some(std::mem::replace(value, Value::Null));
                }
                !is_graph
            });
            let mut out = vec![Value::Object(fields)];
            if let Some(graph) = graph {
                out.extend(flatten(graph));
            }
            out
        }
        _ => Vec::new(),
    }
}

/// A JSON string, or an array's strings, or an object's `name` / `url`.
pub fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        Value::Object(_) => value
            .get("name")
            .or_else(|| value.get("url"))
            .or_else(|| value.get("@id"))
            .map(strings)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Publisher and author transparency fields (schema.org, Trust Project).
const PUBLISHER_FIELDS: &[&str] = &[
    "publishingPrinciples",
    "correctionsPolicy",
    "unnamedSourcesPolicy",
    "ethicsPolicy",
    "diversityPolicy",
    "masthead",
    "verificationFactCheckingPolicy",
    "actionableFeedbackPolicy",
    "ownershipFundingInfo",
];
const AUTHOR_FIELDS: &[&str] = &["jobTitle", "affiliation", "worksFor", "sameAs"];

/// One transparency fact: which field, of what, and its value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Transparency {
    /// `publisher` or `author`.
    pub about: String,
    pub field: String,
    pub value: String,
}

/// The transparency facts the page's JSON-LD declares, for the article, its publisher and
/// its authors, each once. (Found again by a set: a list searched for every fact kept a
/// page's 700 KB of JSON-LD busy for a minute, issue 19.)
pub fn transparency(objects: &[Value]) -> Vec<Transparency> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |about: &str, field: &str, value: &Value| {
        for v in strings(value) {
            let fact = Transparency {
                about: about.into(),
                field: field.into(),
                value: v,
            };
            if seen.insert(fact.clone()) {
                out.push(fact);
            }
        }
    };
    for object in objects {
        for holder in [Some(object), object.get("publisher")]
            .into_iter()
            .flatten()
        {
            for field in PUBLISHER_FIELDS {
                if let Some(v) = holder.get(field) {
                    push("publisher", field, v);
                }
            }
        }
        let authors = match object.get("author") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(a) => vec![a],
            None => Vec::new(),
        };
        for author in authors {
            for field in AUTHOR_FIELDS {
                if let Some(v) = author.get(field) {
                    push("author", field, v);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_inside_cdata_and_comment_wrappers() {
        for script in [
            "\n  <![CDATA[\n  {\"@type\": \"NewsArticle\"}\n  ]]>\n",
            "//<![CDATA[\n{\"@type\": \"NewsArticle\"}\n//]]>",
            "/*<![CDATA[*/{\"@type\": \"NewsArticle\"}/*]]>*/",
            "<!-- {\"@type\": \"NewsArticle\"} -->",
            "{\"@type\": \"NewsArticle\"}",
        ] {
            let page = Page {
                json_ld: vec![script.into()],
                ..Page::default()
            };
            assert_eq!(objects(&page).len(), 1, "{script}");
        }
    }

    #[test]
    fn flattens_graphs_and_reads_transparency() {
        let page = Page {
            json_ld: vec![
                r#"{"@graph": [{"@type": "NewsArticle", "author": {"name": "Jane Roe", "jobTitle": "Columnist",
                    "sameAs": ["https://example.com/jane"]}, "publisher": {"name": "Daily",
                    "correctionsPolicy": "https://daily.example/corrections"}}]}"#
                    .into(),
                "not json".into(),
            ],
            ..Page::default()
        };
        let objects = objects(&page);
        assert_eq!(objects.len(), 2);
        let facts: Vec<_> = transparency(&objects)
            .into_iter()
            .map(|t| (t.about, t.field, t.value))
            .collect();
        assert!(facts.contains(&(
            "publisher".into(),
            "correctionsPolicy".into(),
            "https://daily.example/corrections".into()
        )));
        assert!(facts.contains(&("author".into(), "jobTitle".into(), "Columnist".into())));
        assert!(facts.contains(&(
            "author".into(),
            "sameAs".into(),
            "https://example.com/jane".into()
        )));
    }

    /// Issue 19: de-duplicating the facts by searching the list of those kept made a
    /// page with tens of thousands of them take a minute; the time must grow linearly.
    #[test]
    fn many_facts_take_linear_time() {
        let same_as: Vec<String> = (0..40_000)
            .map(|i| format!("https://e.example/{i}"))
            .collect();
        let script =
            serde_json::json!({"author": {"name": "Jane Roe", "sameAs": same_as}}).to_string();
        let page = Page {
            json_ld: vec![script],
            ..Page::default()
        };
        let started = std::time::Instant::now();
        let facts = transparency(&objects(&page));
        assert_eq!(facts.len(), 40_000);
        let took = started.elapsed();
        assert!(took.as_secs_f32() < 2.0, "{took:?}");
    }
}

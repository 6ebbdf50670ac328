//! What a page declares about itself, its JSON-LD and its meta tags, read once per
//! analysis into one value that the article type, the byline and the transparency facts
//! all read (each parsed the page's JSON-LD again before).

use crate::json::Value;

use crate::page::jsonld;
use crate::page::model::Page;

pub struct Metadata<'p> {
    /// Every JSON-LD object on the page, flattened ([`jsonld::objects`]).
    pub json_ld: Vec<Value>,
    page: &'p Page,
}

impl<'p> Metadata<'p> {
    pub fn of(page: &'p Page) -> Metadata<'p> {
        Metadata {
            json_ld: jsonld::objects(page),
            page,
        }
    }

    /// The content of the first meta tag with this (lower-case) name or property.
    pub fn meta(&self, name: &str) -> Option<&'p str> {
        self.page.meta(name)
    }

    /// The document title.
    pub fn title(&self) -> &'p str {
        &self.page.title
    }

    /// The page's address.
    pub fn url(&self) -> &'p str {
        &self.page.url
    }
}

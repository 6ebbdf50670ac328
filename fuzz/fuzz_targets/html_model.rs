//! Arbitrary markup through the HTML front end: the model must be well formed (parents
//! before children, blocks pointing at real elements) and analysable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::html::page_from_html;

fuzz_target!(|html: &str| {
    newslens_fuzz::within_budget(html.len(), || check(html));
});

fn check(html: &str) {
    let page = page_from_html(html, "https://example.com/news/a");
    for (index, element) in page.elements.iter().enumerate() {
        if let Some(parent) = element.parent {
            assert!((parent as usize) < index, "parent after child");
        }
    }
    for block in &page.blocks {
        assert!((block.element as usize) < page.elements.len());
        assert!(!block.text().trim().is_empty(), "a block without text");
    }
    newslens_fuzz::analyze_and_check(&page);
}

//! Arbitrary markup through the CLI's reading view and annotated copy: no control
//! character of the page reaches the terminal, and both cost time linear in the page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::html::page_from_html;

// The views live in the binary; the fuzzer compiles the same file.
#[path = "../../src/bin/newslens/view.rs"]
#[allow(dead_code)]
mod view;

fuzz_target!(|html: &str| {
    newslens_fuzz::within_budget(html.len(), || {
        let page = page_from_html(html, "https://example.com/news/a");
        let analysis = newslens::analyze(&page);
        for colour in [false, true] {
            let shown = view::terminal(&page, &analysis, colour);
            // Our own styles are ESC [ digits and semicolons m; nothing else may control.
            let mut rest = shown.as_str();
            while let Some(at) = rest.find(|c: char| c.is_control() && c != '\n') {
                let tail = &rest[at..];
                let style = tail.strip_prefix("\u{1b}[").and_then(|t| {
                    let codes = t.find(|c: char| !c.is_ascii_digit() && c != ';')?;
                    (t[codes..].starts_with('m')).then_some(codes + 3)
                });
                let Some(len) = style.filter(|_| colour) else {
                    panic!("a control character reached the terminal: {tail:?}");
                };
                rest = &tail[len..];
            }
        }
        let annotated = view::annotated_html(&page, &analysis);
        assert!(
            !annotated.contains("<script"),
            "markup from the page in the copy"
        );
    });
});

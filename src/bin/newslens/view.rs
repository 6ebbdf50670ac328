//! Human-readable views of an analysis: a coloured terminal reading view, and a
//! self-contained annotated HTML copy of the article.

use newslens::catalogue::{export, Terminal, KINDS};
use newslens::model::Page;
use newslens::offsets::{BlockUnits, UnitIndex};
use newslens::page::BlockRole;
use newslens::report::Tier;
use newslens::{Analysis, Category, Finding, Subtype};

/// A finding located in its block's text, in chars.
struct Located<'a> {
    finding: &'a Finding,
    start: usize,
    end: usize,
}

/// The article blocks worth showing, each with its findings located in chars.
fn article<'a>(page: &'a Page, analysis: &'a Analysis) -> Vec<(usize, String, Vec<Located<'a>>)> {
    page.blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            matches!(
                analysis.roles.get(*i),
                Some(BlockRole::Body | BlockRole::Heading | BlockRole::Disclosure)
            )
        })
        .map(|(i, block)| {
            let text = block.text();
            let units = BlockUnits::new(&block.segments);
            let index = UnitIndex::new(text.chars());
            let chars = |at| index.floor(at).1;
            // Findings come block by block in document order: this block's are a slice.
            let findings = &analysis.findings;
            let first = findings.partition_point(|f| (f.block as usize) < i);
            let last = findings.partition_point(|f| f.block as usize <= i);
            let located = findings[first..last]
                .iter()
                .filter_map(|f| {
                    Some(Located {
                        finding: f,
                        start: chars(units.absolute(f.ranges.first()?, true)),
                        end: chars(units.absolute(f.ranges.last()?, false)),
                    })
                })
                .collect();
            (i, text, located)
        })
        .collect()
}

/// The findings that cover each position of a block, swept left to right: each finding
/// is added and dropped once, where asking every finding at every char made a long
/// paragraph cost quadratic time.
struct Sweep<'l, 'a> {
    located: &'l [Located<'a>],
    /// Indices into `located`, by start.
    by_start: Vec<usize>,
    /// How many of `by_start` have been reached.
    reached: usize,
    /// Indices of the findings covering the last position asked, in `located` order.
    active: Vec<usize>,
}

impl<'l, 'a> Sweep<'l, 'a> {
    fn new(located: &'l [Located<'a>]) -> Self {
        let mut by_start: Vec<usize> = (0..located.len()).collect();
        by_start.sort_by_key(|&i| located[i].start);
        Sweep {
            located,
            by_start,
            reached: 0,
            active: Vec::new(),
        }
    }

    /// The findings with `start <= at < end`, in `located` order; `at` must not decrease
    /// from one call to the next.
    fn at(&mut self, at: usize) -> impl DoubleEndedIterator<Item = &'l Located<'a>> + '_ {
        let located = self.located;
        self.active.retain(|&i| at < located[i].end);
        while let Some(&i) = self.by_start.get(self.reached) {
            if located[i].start > at {
                break;
            }
            self.reached += 1;
            if at < located[i].end {
                let place = self.active.partition_point(|&j| j < i);
                self.active.insert(place, i);
            }
        }
        self.active.iter().map(move |&i| &located[i])
    }
}

fn summary(analysis: &Analysis) -> Vec<String> {
    let mut lines = Vec::new();
    let kind = serde_json::to_value(analysis.article_type.kind).ok();
    let kind = kind.as_ref().and_then(|v| v.as_str()).unwrap_or("unknown");
    lines.push(format!(
        "{} · {kind} ({})",
        analysis
            .byline
            .as_deref()
            .map_or("author unknown".to_string(), |b| format!("By {b}")),
        analysis.article_type.evidence
    ));
    if !newslens::language::is_read(analysis.language) {
        lines.push("newslens reads English articles: this one is in another language, so nothing is marked".into());
    }
    let count = |c: Category| analysis.findings.iter().filter(|f| f.category == c).count();
    let claims = |s: Subtype| analysis.findings.iter().filter(|f| f.subtype == s).count();
    // Named sources are left plain by default, as in the extension: counted with the
    // narration the view does not underline.
    lines.push(format!(
        "{} opinion markers · claims: {} anonymous, {} vague, {} unsourced; {} sentences left plain (named sources, narration) · {} disclosure blocks",
        count(Category::Opinion),
        claims(Subtype::AttributedAnonymous),
        claims(Subtype::Vague),
        claims(Subtype::Unattributed),
        analysis.sourcing_left_out,
        count(Category::Disclosure),
    ));
    let scored = analysis
        .sentences
        .iter()
        .filter(|s| s.learned.is_some())
        .count();
    if scored > 0 {
        let own = analysis.findings.iter().filter(|f| is_learned(f)).count();
        lines.push(format!(
            "Learned model: read {scored} sentences; {own} marks are its own (⟪…⟫ or italic), the rest the word lists'"
        ));
    }
    for d in &analysis.disclosures {
        let mut facts = vec![d.person.clone().unwrap_or_else(|| "disclosure".into())];
        if !d.current_roles.is_empty() {
            facts.push(format!("now: {}", d.current_roles.join("; ")));
        }
        if !d.past_roles.is_empty() {
            facts.push(format!("before: {}", d.past_roles.join("; ")));
        }
        if !d.interests.is_empty() {
            facts.push(format!("interests: {}", d.interests.join("; ")));
        }
        lines.push(format!("Disclosure — {}", facts.join(" · ")));
    }
    lines
}

/// Characters a page must not send to the reader's terminal: control characters other
/// than newline and tab (ESC starts the sequences that set the window title, clear the
/// screen or plant a hyperlink; U+009B is a one-character CSI; DEL), and the bidi
/// overrides and isolates that make shown text read otherwise than it is.
fn unsafe_in_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Page text (a title, a byline, a disclosure) made safe to print on a terminal.
fn terminal_safe(text: &str) -> String {
    text.chars().filter(|&c| !unsafe_in_terminal(c)).collect()
}

/// Whether the learned tier made `finding` (rather than the instant tier's word lists).
fn is_learned(finding: &Finding) -> bool {
    finding.learned.is_some_and(|l| l.tier == Tier::Learned)
}

/// The coloured reading view. Without colour, opinion markers are bracketed ⟦…⟧, those
/// the learned tier made ⟪…⟫; with colour, those are in italics.
/// Everything taken from the page is stripped of what could drive the terminal.
pub fn terminal(page: &Page, analysis: &Analysis, colour: bool) -> String {
    let mut out = String::new();
    let bold = |s: &str| {
        if colour {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    if !analysis.title.is_empty() {
        out.push_str(&bold(&terminal_safe(&analysis.title)));
        out.push('\n');
    }
    for line in summary(analysis) {
        out.push_str(&terminal_safe(&line));
        out.push('\n');
    }
    if colour {
        out.push_str(
            "\x1b[33mhedge\x1b[0m \x1b[35mbooster/speculation\x1b[0m \x1b[36mstance\x1b[0m \x1b[31mloaded/scare quote\x1b[0m \
             \x1b[34mdisclosure\x1b[0m · underlined: \x1b[4munsourced\x1b[0m, \x1b[4;2mvague\x1b[0m\n",
        );
    }
    for (_, text, located) in article(page, analysis) {
        out.push('\n');
        let mut sweep = Sweep::new(&located);
        // (colour, underline, italic: the colour's marker is the learned tier's)
        let mut style_at = |i: usize| -> (Option<&'static str>, Option<&'static str>, bool) {
            let (mut colour_code, mut underline, mut learned) = (None, None, false);
            for l in sweep.at(i) {
                // A sentence has one sourcing, so underlines never meet; where markers
                // overlap, the later one's colour shows.
                match l.finding.subtype.kind().style.terminal {
                    Terminal::Colour(code) => {
                        colour_code = Some(code);
                        learned = is_learned(l.finding);
                    }
                    Terminal::Underline(code) => underline = Some(code),
                    Terminal::Plain => {}
                }
            }
            (colour_code, underline, learned)
        };
        let brackets = |learned: bool| {
            if learned {
                ('⟪', '⟫')
            } else {
                ('⟦', '⟧')
            }
        };
        let mut current = (None, None, false);
        for (i, c) in text.chars().enumerate() {
            let style = style_at(i);
            if style != current {
                if colour {
                    out.push_str("\x1b[0m");
                    let italic = style.2.then_some("3");
                    for code in [style.0, style.1, italic].into_iter().flatten() {
                        out.push_str(&format!("\x1b[{code}m"));
                    }
                } else {
                    if current.0.is_some() {
                        out.push(brackets(current.2).1);
                    }
                    if style.0.is_some() {
                        out.push(brackets(style.2).0);
                    }
                }
                current = style;
            }
            // Newlines and tabs inside HTML paragraphs read as spaces.
            if c.is_whitespace() {
                out.push(' ');
            } else if !unsafe_in_terminal(c) {
                out.push(c);
            }
        }
        if colour {
            out.push_str("\x1b[0m");
        } else if current.0.is_some() {
            out.push(brackets(current.2).1);
        }
        out.push('\n');
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A self-contained annotated copy of the article: no scripts, no external resources.
pub fn annotated_html(page: &Page, analysis: &Analysis) -> String {
    // The extension's default palette, for `<mark>` elements, so both look the same.
    let css = export::rules(0, |name| format!("mark.{name}"));
    let mut body = String::new();
    for (i, text, mut located) in article(page, analysis) {
        // Claims outside, markers inside: sort so wider findings open first.
        located.sort_by_key(|l| (l.start, std::cmp::Reverse(l.end)));
        let chars: Vec<char> = text.chars().collect();
        let mut boundaries: Vec<usize> = located
            .iter()
            .flat_map(|l| [l.start, l.end])
            .chain([0, chars.len()])
            .collect();
        boundaries.sort_unstable();
        boundaries.dedup();
        let tag = page
            .elements
            .get(page.blocks[i].element as usize)
            .map(|e| e.tag.as_str())
            .filter(|t| ["h1", "h2", "h3", "h4"].contains(t))
            .unwrap_or("p");
        body.push_str(&format!("<{tag}>"));
        let mut sweep = Sweep::new(&located);
        for piece in boundaries.windows(2) {
            let (from, to) = (piece[0], piece[1]);
            let text: String = chars[from..to].iter().collect();
            let mut html = escape(&text);
            // Every start and end is a boundary: what covers `from` covers the piece.
            for l in sweep.at(from).rev() {
                let f = l.finding;
                let mut title = if f.cue.is_empty() {
                    f.subtype.explanation().to_string()
                } else {
                    format!("{} Cue: “{}”.", f.subtype.explanation(), f.cue)
                };
                if let Some(p) = f.learned.filter(|_| is_learned(f)).and_then(|l| l.p) {
                    title.push_str(&format!(
                        " Marked by the learned model ({:.0} %).",
                        p * 100.0
                    ));
                }
                let name = f.subtype.id();
                html = format!(
                    "<mark class=\"newslens-{name}\" title=\"{}\">{html}</mark>",
                    escape(&title)
                );
            }
            body.push_str(&html);
        }
        body.push_str(&format!("</{tag}>\n"));
    }
    let summary: String = summary(analysis)
        .iter()
        .map(|l| format!("<p class=\"summary\">{}</p>\n", escape(l)))
        .collect();
    let legend: String = KINDS
        .iter()
        .map(|kind| {
            format!(
                "<li><mark class=\"newslens-{}\">{}</mark> — {}</li>",
                kind.id,
                escape(kind.label),
                escape(kind.explanation)
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"newslens\">\n\
         <title>{title} — annotated by newslens</title>\n<style>\n\
         body {{ font: 18px/1.6 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; }}\n\
         mark {{ background: none; color: inherit; }}\n.summary {{ font: 14px/1.4 system-ui, sans-serif; color: #444; margin: 0.2em 0; }}\n\
         footer {{ font: 14px/1.5 system-ui, sans-serif; border-top: 1px solid #ccc; margin-top: 2em; }}\n{css}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n{summary}</header>\n<article>\n{body}</article>\n\
         <footer>\n<p>Annotated by newslens. Hover a mark for why it was marked.</p>\n<ul>{legend}</ul>\n</footer>\n</body>\n</html>\n",
        title = escape(&analysis.title),
    )
}

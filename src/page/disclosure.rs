//! Author-disclosure sections: bios ("Fred Fleitz is President of …"), disclosure
//! statements ("The author owns shares in …", "The views expressed are the author's
//! own") and sponsorship notes ("This article was sponsored by …"), read into facts.

use serde::{Deserialize, Serialize};

use crate::catalogue::kind::{tint, Category, Kind, Line, Style, Terminal};

use crate::text::segment;
use crate::text::{more_words_than, raw_words, words};

// The kinds of disclosure, found from the roles of blocks (`crate::pipeline`), not by a rule.
pub const AUTHOR_BIO: Kind = Kind {
    id: "author-bio",
    category: Category::Disclosure,
    order: 10,
    label: "Author disclosure",
    explanation: "Author disclosure: who the writer is and whom they work for.",
    default_on: true,
    confidence: 0.9,
    style: DISCLOSURE_STYLE,
};

pub const DISCLOSURE_STATEMENT: Kind = Kind {
    id: "disclosure-statement",
    category: Category::Disclosure,
    order: 20,
    label: "Disclosure statement",
    explanation: "Disclosure statement: the writer's interests or the standing of their views.",
    default_on: true,
    confidence: 0.9,
    style: DISCLOSURE_STYLE,
};

pub const SPONSORSHIP: Kind = Kind {
    id: "sponsorship",
    category: Category::Disclosure,
    order: 30,
    label: "Sponsorship note",
    explanation: "Sponsorship note: someone paid for or partnered on this content.",
    default_on: true,
    confidence: 0.9,
    style: DISCLOSURE_STYLE,
};

/// The author's disclosure, disclosure statements and sponsorship notes look alike: a
/// pale blue tint and a double underline.
const DISCLOSURE_STYLE: Style = Style {
    line: Line::Double,
    colours: [
        tint("rgba(33, 150, 243, 0.14)", "#1565c0"),
        tint("rgba(144, 202, 249, 0.2)", "#90caf9"),
        tint("rgba(0,114,178, 0.14)", "#0072b2"),
        tint("rgba(0,114,178, 0.25)", "#56b4e9"),
    ],
    terminal: Terminal::Colour("34"),
};

/// Nouns that make "X is a …" a bio sentence.
const ROLE_NOUNS: &[&str] = &[
    "president",
    "contributor",
    "columnist",
    "professor",
    "fellow",
    "director",
    "editor",
    "author",
    "founder",
    "chairman",
    "chair",
    "ceo",
    "analyst",
    "correspondent",
    "writer",
    "member",
    "former",
    "senior",
    "host",
    "reporter",
    "attorney",
    "lawyer",
    "economist",
    "journalist",
    "commentator",
    "adviser",
    "advisor",
    "secretary",
    "ambassador",
    "partner",
    "executive",
    "researcher",
    "scholar",
    "officer",
    "strategist",
    "consultant",
    "manager",
];

/// Phrases of disclosure statements (lower case), and of sponsorship notes.
const STATEMENT_PHRASES: &[&str] = &[
    "disclosure:",
    "full disclosure",
    "views expressed",
    "the author's own",
    "the author’s own",
    "owns shares",
    "own shares",
    "holds shares",
    "has a position in",
    "has no position in",
    "no conflicts of interest",
    "no conflict of interest",
    "receives funding from",
    "received funding from",
    "is a paid",
    "has no financial",
    "financial interest",
    "do not necessarily reflect",
    "does not necessarily reflect",
];
const SPONSORSHIP_PHRASES: &[&str] = &[
    "sponsored by",
    "sponsored content",
    "paid post",
    "paid for by",
    "partner content",
    "in partnership with",
    "affiliate link",
    "affiliate commission",
    "affiliate partnership",
    "advertiser content",
    "branded content",
];
/// Headings that introduce an author box.
const BIO_HEADINGS: &[&str] = &[
    "about the author",
    "about the authors",
    "author bio",
    "about the writer",
];
/// Phrases of financial or organisational interests inside a disclosure.
const INTEREST_PHRASES: &[&str] = &[
    "owns shares",
    "own shares",
    "holds shares",
    "has a position",
    "receives funding",
    "received funding",
    "is paid",
    "is a paid",
    "consults for",
    "is a consultant",
    "advises",
    "serves on the board",
    "is a member of the board",
    "has received",
    "financial interest",
];

/// What kind of disclosure a section is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DisclosureKind {
    #[default]
    AuthorBio,
    Statement,
    Sponsorship,
}

/// Structured facts from a disclosure section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Disclosure {
    /// The first block of the section.
    pub block: u32,
    pub kind: DisclosureKind,
    pub text: String,
    pub person: Option<String>,
    pub current_roles: Vec<String>,
    pub past_roles: Vec<String>,
    /// Organisations named in the roles ("Center for Security Policy").
    pub organisations: Vec<String>,
    /// Financial or organisational interests stated ("owns shares in …").
    pub interests: Vec<String>,
}

/// Verbs of a commission the publisher may be paid ("we may receive a small commission",
/// "may earn an affiliate commission").
const COMMISSION_VERBS: &[&str] = &["earn", "receive"];
/// How many words may come between such a verb and "commission".
const COMMISSION_GAP: usize = 3;

/// The kind of disclosure a block's text is by its wording alone, if any.
pub fn kind_of(text: &str) -> Option<DisclosureKind> {
    if more_words_than(text, 80) {
        return None;
    }
    let lower = text.to_lowercase();
    if SPONSORSHIP_PHRASES.iter().any(|p| lower.contains(p)) || is_commission_note(&lower) {
        Some(DisclosureKind::Sponsorship)
    } else if STATEMENT_PHRASES.iter().any(|p| lower.contains(p)) {
        Some(DisclosureKind::Statement)
    } else if bio_person(text).is_some() || is_bio_heading(text) {
        Some(DisclosureKind::AuthorBio)
    } else {
        None
    }
}

/// "We may receive a small commission": what the publisher may be paid for a purchase
/// through its links ("may", a verb of earning, and "commission" a few words on).
fn is_commission_note(lower: &str) -> bool {
    if !lower.contains("commission") {
        return false;
    }
    let words = words(lower);
    words.windows(2).enumerate().any(|(i, pair)| {
        pair[0].is("may")
            && COMMISSION_VERBS.iter().any(|v| pair[1].is(v))
            && words[i + 2..]
                .iter()
                .take(COMMISSION_GAP + 1)
                .any(|w| w.is("commission") || w.is("commissions"))
    })
}

/// "About the author" and the like.
pub fn is_bio_heading(text: &str) -> bool {
    let lower = text.trim().trim_end_matches(':').to_lowercase();
    BIO_HEADINGS.contains(&lower.as_str())
}

/// The person a bio paragraph is about: "Fred Fleitz is President of …" → "Fred Fleitz".
/// Requires a personal name of two to four capitalised words, then "is", then a role noun
/// within the same sentence.
pub fn bio_person(text: &str) -> Option<&str> {
    // Most blocks have no "is" among their first words: no need to find sentences.
    if !raw_words(text).take(5).any(|w| w.is("is")) {
        return None;
    }
    let first = segment::sentences(text).into_iter().next()?;
    let sentence = &text[first];
    let words = words(sentence);
    let is_at = words.iter().position(|w| w.is("is"))?;
    if !(2..=4).contains(&is_at) || !words[..is_at].iter().all(|w| w.is_capitalized()) {
        return None;
    }
    let has_role = words[is_at + 1..]
        .iter()
        .any(|w| ROLE_NOUNS.iter().any(|r| w.is(r)));
    // A name line glued to the bio ("Dan Goodin Dan is the Security Editor"): the name
    // ends before its first word comes again.
    let end = (1..is_at)
        .find(|&i| words[i].text == words[0].text)
        .unwrap_or(is_at);
    has_role.then(|| &sentence[words[0].start..words[end - 1].end])
}

/// What follows an author's name in a bio of them ("Jane Roe covers …", "… has covered").
const BIO_VERBS: &[&str] = &[
    "is", "was", "covers", "has", "writes", "reports", "joined", "edits",
];

/// Whether `text` is a short paragraph that opens with one of `authors` (the article's
/// byline) and a bio verb: the author's bio, wherever the page put it. A bio of someone
/// the article is about names someone else.
pub fn is_bio_of(text: &str, authors: &[&str]) -> bool {
    if more_words_than(text, 80) {
        return false;
    }
    let text = text.trim_start();
    authors.iter().any(|author| {
        text.strip_prefix(author)
            .and_then(|rest| raw_words(rest).next())
            .is_some_and(|next| BIO_VERBS.iter().any(|v| next.is(v)))
    })
}

/// A line that is only a name: two to four capitalised words ("Scott Cunningham").
fn name_line(line: &str) -> Option<&str> {
    let w = words(line);
    let bare = line.trim().trim_end_matches(['.', ',']);
    ((2..=4).contains(&w.len()) && w.iter().all(|w| w.is_capitalized()) && bare.len() < 60)
        .then_some(bare)
}

/// A line of an author box that describes rather than names: three words or more, not
/// all capitalised ("Senior editor at Gizmodo.").
pub fn is_description(line: &str) -> bool {
    name_line(line).is_none() && more_words_than(line, 2)
}

impl Disclosure {
    /// Whether it says anything beyond a heading and a name: a box holding only the
    /// author's name discloses nothing.
    pub fn says_something(&self) -> bool {
        self.kind != DisclosureKind::AuthorBio || self.text.lines().any(|l| name_line(l).is_none())
    }
}

/// The page's disclosures from its disclosure sections ((first block, texts) of each run
/// of disclosure blocks), one for each thing disclosed: boxes that only name someone are
/// left out, a nameless author box is the author's when the byline (`authors`) names
/// one person, and a note repeated down the page (a commission note under every product)
/// or a second bio of the same person is shown once.
pub fn sections(
    groups: Vec<(u32, Vec<String>)>,
    authors: &[&str],
    is_boilerplate: impl Fn(&str) -> bool,
) -> Vec<Disclosure> {
    let mut out: Vec<Disclosure> = Vec::new();
    for (first, texts) in groups {
        let kind = texts.iter().find_map(|t| kind_of(t)).unwrap_or_default();
        let mut found = facts(first, kind, &texts, &is_boilerplate);
        if let ([author], None, DisclosureKind::AuthorBio) = (authors, &found.person, kind) {
            found.person = Some(author.to_string());
        }
        let repeated = out.iter().any(|d| {
            d.kind == found.kind
                && (d.kind != DisclosureKind::AuthorBio || d.person == found.person)
        });
        if found.says_something() && !repeated {
            out.push(found);
        }
    }
    out
}

/// Reads a disclosure section (its blocks' texts, in order) into facts.
pub fn facts(
    block: u32,
    kind: DisclosureKind,
    paragraphs: &[String],
    is_boilerplate: impl Fn(&str) -> bool,
) -> Disclosure {
    let mut paragraphs: Vec<&str> = paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty() && !is_bio_heading(p))
        .collect();
    // Author boxes often give the name twice (a link and a heading).
    paragraphs.dedup();
    let text = paragraphs.join("\n");
    let mut out = Disclosure {
        block,
        kind,
        text: text.clone(),
        ..Disclosure::default()
    };
    // An author box may give the name on its own line and the roles on the next.
    out.person = paragraphs
        .iter()
        .find_map(|p| bio_person(p))
        .or_else(|| paragraphs.first().and_then(|p| name_line(p)))
        .map(str::to_string);
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if out.person.as_deref() == Some(*paragraph) {
            if let Some(next) = paragraphs.get(i + 1).filter(|n| bio_person(n).is_none()) {
                out.current_roles
                    .extend(split_roles(next.trim_end_matches('.')));
            }
            continue;
        }
        for range in segment::sentences(paragraph) {
            read_sentence(&paragraph[range], &mut out, &is_boilerplate);
        }
    }
    out.current_roles.dedup();
    out.organisations = out
        .current_roles
        .iter()
        .chain(&out.past_roles)
        .filter_map(|r| organisation(r))
        .collect();
    out.organisations.dedup();
    out
}

fn read_sentence(sentence: &str, out: &mut Disclosure, is_boilerplate: &impl Fn(&str) -> bool) {
    let sentence = sentence.trim_end_matches('.');
    if is_boilerplate(sentence) {
        return;
    }
    let lower = sentence.to_lowercase();
    if INTEREST_PHRASES.iter().any(|p| lower.contains(p)) {
        out.interests.push(sentence.to_string());
    }
    if let Some(p) = &out.person {
        if let Some(roles) = sentence
            .strip_prefix(p.as_str())
            .and_then(|r| r.strip_prefix(" is "))
        {
            out.current_roles.extend(split_roles(roles));
            return;
        }
    }
    const PAST: &[&str] = &[
        "previously served as ",
        "formerly served as ",
        "has served as ",
        "served as ",
        "was previously ",
        "was formerly ",
    ];
    if let Some((_, roles)) = PAST.iter().find_map(|p| sentence.split_once(p)) {
        out.past_roles.extend(split_roles(roles));
    }
}

/// "President of X and a Y Contributor" → ["President of X", "Y Contributor"].
fn split_roles(list: &str) -> Vec<String> {
    let mut roles = vec![list.to_string()];
    for separator in [
        ", and as ",
        " and as ",
        ", as ",
        ", and ",
        ", ",
        " and a ",
        " and an ",
    ] {
        roles = roles
            .iter()
            .flat_map(|r| r.split(separator))
            .map(str::to_string)
            .collect();
    }
    roles
        .into_iter()
        .map(|r| {
            let r = r.trim();
            ["as ", "a ", "an "]
                .iter()
                .fold(r, |r, p| r.strip_prefix(p).unwrap_or(r))
                .trim()
                .to_string()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The organisation in a role: "President of the Center for Security Policy" → "Center
/// for Security Policy"; "Newsmax TV Contributor" → "Newsmax TV".
fn organisation(role: &str) -> Option<String> {
    // The employer ("… at IAB") before the body led ("President of the Center …").
    for marker in [" at the ", " at ", " of the ", " for the ", " of ", " for "] {
        if let Some((_, org)) = role.split_once(marker) {
            if org.chars().next().is_some_and(char::is_uppercase) {
                return Some(org.trim().to_string());
            }
        }
    }
    let w = words(role);
    let last = w.last()?;
    let prefix: Vec<_> = w[..w.len() - 1]
        .iter()
        .take_while(|w| w.is_capitalized())
        .collect();
    let is_role = ROLE_NOUNS.iter().any(|r| last.is(r));
    (is_role && !prefix.is_empty() && prefix.len() == w.len() - 1)
        .then(|| role[prefix[0].start..prefix[prefix.len() - 1].end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_boilerplate(_: &str) -> bool {
        false
    }

    #[test]
    fn a_bio_sentence_names_its_person() {
        assert_eq!(
            bio_person("Jane Q. Roe is a senior fellow at the Example Institute."),
            Some("Jane Q. Roe")
        );
        assert_eq!(bio_person("The plan is a former proposal."), None);
        assert_eq!(bio_person("Russia is a member of the council."), None);
    }

    #[test]
    fn extracts_roles_organisations_and_interests() {
        let facts = facts(
            3,
            DisclosureKind::AuthorBio,
            &["Jane Roe is Director of the Example Institute and a Daily Planet columnist. \
               She previously served as deputy editor, staff writer and as a member of the city council. \
               She owns shares in Acme Corp."
                .to_string()],
            no_boilerplate,
        );
        assert_eq!(facts.person.as_deref(), Some("Jane Roe"));
        assert_eq!(
            facts.current_roles,
            [
                "Director of the Example Institute",
                "Daily Planet columnist"
            ]
        );
        assert_eq!(
            facts.past_roles,
            [
                "deputy editor",
                "staff writer",
                "member of the city council"
            ]
        );
        assert_eq!(facts.organisations, ["Example Institute", "Daily Planet"]);
        assert_eq!(facts.interests, ["She owns shares in Acme Corp"]);
    }

    #[test]
    fn an_author_box_gives_name_and_role_on_separate_lines() {
        let paragraphs = [
            "About the author",
            "Jane Roe",
            "Senior Vice President of Research at Acme, and Editor of the Acme Review",
        ]
        .map(String::from);
        let facts = facts(0, DisclosureKind::AuthorBio, &paragraphs, no_boilerplate);
        assert_eq!(facts.person.as_deref(), Some("Jane Roe"));
        assert_eq!(
            facts.current_roles,
            [
                "Senior Vice President of Research at Acme",
                "Editor of the Acme Review"
            ]
        );
    }

    #[test]
    fn commission_notes_are_affiliate_disclosures() {
        for note in [
            "If you buy through our links we may receive a small commission.",
            "Acme News may earn an affiliate commission on purchases.",
        ] {
            assert_eq!(kind_of(note), Some(DisclosureKind::Sponsorship), "{note}");
        }
        assert_eq!(
            kind_of("The mayor may receive the commission's report on Friday, aides said."),
            None
        );
        assert_eq!(kind_of("The commission may earn praise."), None);
    }

    #[test]
    fn a_bio_of_the_byline_author_is_found_by_name() {
        let authors = ["Jane Roe", "John Doe"];
        assert!(is_bio_of(
            "Jane Roe covers the courts for the Daily Planet.",
            &authors
        ));
        assert!(is_bio_of(
            "John Doe has covered economics since 2012.",
            &authors
        ));
        assert!(!is_bio_of(
            "Mary Poe is a senior fellow at the institute.",
            &authors
        ));
        assert!(!is_bio_of("Jane Roeder is a reporter.", &authors));
        assert!(!is_bio_of("Jane Roe said the plan would fail.", &authors));
    }

    #[test]
    fn contact_and_follow_lines_are_no_disclosures() {
        for line in [
            "Follow Jane Roe on Twitter @janeroe.",
            "Jane Roe may be reached at jane@example.com.",
            "Share this article on Facebook, Twitter or by email.",
        ] {
            assert_eq!(kind_of(line), None, "{line}");
            assert!(!is_bio_of(line, &["Jane Roe"]), "{line}");
        }
    }

    #[test]
    fn a_name_line_glued_to_a_bio_is_the_name_once() {
        assert_eq!(
            bio_person("Jane Roe Jane is the Science Editor at the Daily Planet."),
            Some("Jane Roe")
        );
    }

    #[test]
    fn sections_drop_name_only_boxes_and_repeats_and_name_the_author() {
        let groups = vec![
            (
                2,
                vec!["About the author".to_string(), "Jane Roe".to_string()],
            ),
            (
                5,
                vec!["Writer and designer. Will work for coffee.".to_string()],
            ),
            (
                7,
                vec!["Acme may receive a commission on sales.".to_string()],
            ),
            (
                9,
                vec!["Shop now: Acme may receive a commission.".to_string()],
            ),
        ];
        let found = sections(groups.clone(), &["Jane Roe"], no_boilerplate);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].person.as_deref(), Some("Jane Roe"));
        assert_eq!(found[1].kind, DisclosureKind::Sponsorship);
        // With two authors a nameless box is nobody's in particular.
        let found = sections(groups, &["Jane Roe", "John Doe"], no_boilerplate);
        assert_eq!(found[0].person, None);
    }

    #[test]
    fn recognises_statements_and_sponsorship() {
        assert_eq!(
            kind_of("Disclosure: the author owns shares in Acme."),
            Some(DisclosureKind::Statement)
        );
        assert_eq!(
            kind_of("This article was sponsored by Acme."),
            Some(DisclosureKind::Sponsorship)
        );
        assert_eq!(
            kind_of("About the Author:"),
            Some(DisclosureKind::AuthorBio)
        );
        assert_eq!(kind_of("The minister said the plan would fail."), None);
    }
}

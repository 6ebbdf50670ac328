//! Author-disclosure sections: bios ("Fred Fleitz is President of …"), disclosure
//! statements ("The author owns shares in …", "The views expressed are the author's
//! own") and sponsorship notes ("This article was sponsored by …"), read into facts.

use serde::{Deserialize, Serialize};

use crate::text::segment;
use crate::text::{more_words_than, raw_words, words};

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
    "may earn a commission",
    "we may receive a commission",
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

/// The kind of disclosure a block's text is by its wording alone, if any.
pub fn kind_of(text: &str) -> Option<DisclosureKind> {
    if more_words_than(text, 80) {
        return None;
    }
    let lower = text.to_lowercase();
    if SPONSORSHIP_PHRASES.iter().any(|p| lower.contains(p)) {
        Some(DisclosureKind::Sponsorship)
    } else if STATEMENT_PHRASES.iter().any(|p| lower.contains(p)) {
        Some(DisclosureKind::Statement)
    } else if bio_person(text).is_some() || is_bio_heading(text) {
        Some(DisclosureKind::AuthorBio)
    } else {
        None
    }
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
    has_role.then(|| &sentence[words[0].start..words[is_at - 1].end])
}

/// A line that is only a name: two to four capitalised words ("Scott Cunningham").
fn name_line(line: &str) -> Option<&str> {
    let w = words(line);
    let bare = line.trim().trim_end_matches(['.', ',']);
    ((2..=4).contains(&w.len()) && w.iter().all(|w| w.is_capitalized()) && bare.len() < 60)
        .then_some(bare)
}

/// Reads a disclosure section (its blocks' texts, in order) into facts.
pub fn facts(
    block: u32,
    kind: DisclosureKind,
    paragraphs: &[String],
    is_boilerplate: impl Fn(&str) -> bool,
) -> Disclosure {
    let paragraphs: Vec<&str> = paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty() && !is_bio_heading(p))
        .collect();
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

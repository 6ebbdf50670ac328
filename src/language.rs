//! Whether an article is in English, told from its text: newslens's word lists and models
//! are English, and run on a Portuguese or Japanese article they mark hundreds of words
//! that mean nothing there. The page's `lang` attribute is often wrong (a site-wide `en`
//! on every page), so it is not asked.
//!
//! No language-identification crate: whatlang, the usual choice, added 63 KB to the
//! gzipped wasm with its trigram profiles and 6 KB with its script detection alone, and
//! the shipped code has 8 KB to spare under its 250 KiB budget (the claim model took most
//! of it). The question is yes or no, and two tests answer it: most letters outside the
//! Latin script is not English; in Latin script, English is told by its most frequent
//! words, which make up a fifth of any English prose and almost none of another
//! language's (on the saved Readability and Zyte pages: at least 18 % of the words of
//! each English article, at most 2 % of each Portuguese, Spanish, French, German, Czech
//! or Indonesian one).

/// How much of the article is read: a few paragraphs tell, and a long page is not read
/// twice.
const SAMPLE_BYTES: usize = 2_000;

/// Fewer Latin words than this do not tell English from another language.
const MIN_WORDS: usize = 20;

/// The share of [`ENGLISH_WORDS`] among the words above which Latin text is English.
const ENGLISH_SHARE: f32 = 0.08;

/// Frequent English function words that are not also common words of other languages
/// written in Latin script ("a", "in", "on", "an", "die" are left out).
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "that", "is", "was", "for", "with", "from", "this", "have", "has",
    "are", "were", "which", "by", "it", "not", "but", "they", "his", "their", "be", "at", "as",
    "or", "will", "would", "been", "its", "who",
];

/// The language of an article's paragraphs as a BCP 47 tag, read from their first
/// [`SAMPLE_BYTES`]: `en` for English, else `und-` and the ISO 15924 code of its script
/// (`und-Latn` for Portuguese or German, `und-Cyrl`, `und-Jpan`; `und` for a script not in
/// [`SCRIPTS`]); `None` when there is too little text to tell, and newslens then reads it
/// as English.
pub fn of_article<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let mut sample = String::new();
    for p in paragraphs {
        let room = SAMPLE_BYTES.saturating_sub(sample.len());
        if room == 0 {
            break;
        }
        // A paragraph longer than the room left is cut (at a character boundary), so a
        // megabyte paragraph is not copied whole for a 2 KB sample.
        let end = (0..=room.min(p.len()))
            .rev()
            .find(|&i| p.is_char_boundary(i))
            .unwrap_or(0);
        sample.push_str(&p[..end]);
        sample.push('\n');
    }
    if let Some(script) = main_script(&sample) {
        return Some(script);
    }
    let words: Vec<String> = sample
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let english = words
        .iter()
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
        .count();
    Some(if english as f32 >= ENGLISH_SHARE * words.len() as f32 {
        "en"
    } else {
        "und-Latn"
    })
}

/// Whether an article in `language` (as [`of_article`] tells it) is read: English, or
/// too short to tell.
pub fn is_read(language: Option<&str>) -> bool {
    language.is_none_or(|tag| tag == "en")
}

/// Hiragana and Katakana: written only in Japanese.
const KANA: std::ops::RangeInclusive<char> = '\u{3040}'..='\u{30FF}';

/// Scripts other than Latin, by Unicode block, with their tags: the common scripts of
/// news in other languages. Japanese mixes Han with kana; kana is Japanese only.
const SCRIPTS: &[(std::ops::RangeInclusive<char>, &str)] = &[
    ('\u{0370}'..='\u{03FF}', "und-Grek"),
    ('\u{0400}'..='\u{052F}', "und-Cyrl"),
    ('\u{0590}'..='\u{05FF}', "und-Hebr"),
    ('\u{0600}'..='\u{06FF}', "und-Arab"),
    ('\u{0900}'..='\u{097F}', "und-Deva"),
    ('\u{0E00}'..='\u{0E7F}', "und-Thai"),
    (KANA, "und-Jpan"),
    ('\u{4E00}'..='\u{9FFF}', "und-Hani"),
    ('\u{AC00}'..='\u{D7AF}', "und-Kore"),
];

/// Letters are Latin up to the end of Latin Extended-B, and in Latin Extended Additional.
fn is_latin(c: char) -> bool {
    c <= '\u{024F}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The tag of the text's script when most of its letters are not Latin: the most frequent
/// of [`SCRIPTS`] (Japanese when Han comes with any kana), else `und`.
fn main_script(text: &str) -> Option<&'static str> {
    let mut counts = [0usize; SCRIPTS.len()];
    let (mut letters, mut latin) = (0, 0);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if is_latin(c) {
            latin += 1;
        } else if let Some(i) = SCRIPTS.iter().position(|(r, _)| r.contains(&c)) {
            counts[i] += 1;
        }
    }
    if latin * 2 >= letters {
        return None;
    }
    let top = (0..SCRIPTS.len()).max_by_key(|&i| counts[i])?;
    Some(match SCRIPTS[top].1 {
        _ if counts[top] == 0 => "und",
        "und-Hani" if text.chars().any(|c| KANA.contains(&c)) => "und-Jpan",
        tag => tag,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written for these tests: a short news item in each language (Portuguese, Russian,
    /// Japanese, German, English), with the tag it gets.
    const ITEMS: [(&str, [&str; 2]); 5] = [
        (
            "und-Latn",
            [
                "A prefeitura anunciou ontem que as obras da nova estação de metrô vão atrasar pelo menos seis meses.",
                "Segundo a secretaria de transportes, a empresa responsável pediu mais tempo para concluir os túneis.",
            ],
        ),
        (
            "und-Cyrl",
            [
                "Городские власти сообщили, что ремонт моста продлится до конца следующего года.",
                "По словам инженеров, движение по мосту будет частично открыто уже весной.",
            ],
        ),
        (
            "und-Jpan",
            [
                "市は昨日、新しい図書館の建設が来年の春に始まると発表した。",
                "担当者によると、完成までにはおよそ二年かかる見込みだという。",
            ],
        ),
        (
            "und-Latn",
            [
                "Die Stadtverwaltung hat am Montag mitgeteilt, dass die Sanierung der Brücke länger dauern wird als geplant.",
                "Nach Angaben der Ingenieure soll der Verkehr im Frühjahr teilweise wieder fließen, auch für Busse.",
            ],
        ),
        (
            "en",
            [
                "The city council said on Monday that repairs to the bridge would take longer than planned.",
                "According to the engineers, traffic should partly resume in the spring, starting with buses.",
            ],
        ),
    ];

    #[test]
    fn tells_english_from_other_languages() {
        for (tag, text) in ITEMS {
            let language = of_article(text);
            assert_eq!(language, Some(tag), "{text:?}");
            assert_eq!(is_read(language), tag == "en", "{text:?}");
        }
    }

    #[test]
    fn chinese_is_han_and_korean_hangul() {
        assert_eq!(
            of_article(["新图书馆明年春天开工，预计两年建成。"]),
            Some("und-Hani")
        );
        assert_eq!(
            of_article(["시는 어제 새 도서관 건설이 내년 봄에 시작된다고 밝혔다."]),
            Some("und-Kore")
        );
    }

    #[test]
    fn too_little_text_is_read_as_english() {
        assert_eq!(of_article([]), None);
        assert!(is_read(of_article(["Zur Lage."])));
    }
}

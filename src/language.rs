//! Whether an article is in English, told from its text: newslens's word lists and models
//! are English, and run on a Portuguese or Japanese article they mark hundreds of words
//! that mean nothing there. The page's `lang` attribute is often wrong (a site-wide `en`
//! on every page), so it is not asked.
//!
//! The script comes from whatlang's script detection. whatlang's language detection (its
//! trigram profiles of 69 languages) would add ~70 KB to the gzipped wasm, a third of the
//! size budget, to answer a yes/no question; in Latin script English is told instead by
//! its most frequent words, which make up a fifth of any English prose and almost none of
//! another language's (on the saved Readability and Zyte pages: at least 18 % of the words
//! of each English article, at most 2 % of each Portuguese, Spanish, French, German,
//! Czech or Indonesian one).

use whatlang::Script;

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
/// (`und-Latn` for Portuguese or German, `und-Cyrl`, `und-Jpan`); `None` when there is
/// too little text to tell, and newslens then reads it as English.
pub fn of_article<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let mut sample = String::new();
    for p in paragraphs {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(p);
        sample.push('\n');
    }
    let script = whatlang::detect_script(&sample)?;
    if script != Script::Latin {
        return Some(non_english(script));
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
        non_english(Script::Latin)
    })
}

/// Whether an article in `language` (as [`of_article`] tells it) is read: English, or
/// too short to tell.
pub fn is_read(language: Option<&str>) -> bool {
    language.is_none_or(|tag| tag == "en")
}

/// The tag of a text in a language newslens does not read, written in `script`.
fn non_english(script: Script) -> &'static str {
    use Script::*;
    match script {
        Arabic => "und-Arab",
        Armenian => "und-Armn",
        Bengali => "und-Beng",
        Cyrillic => "und-Cyrl",
        Devanagari => "und-Deva",
        Ethiopic => "und-Ethi",
        Georgian => "und-Geor",
        Greek => "und-Grek",
        Gujarati => "und-Gujr",
        Gurmukhi => "und-Guru",
        Hangul => "und-Kore",
        Hebrew => "und-Hebr",
        Hiragana | Katakana => "und-Jpan",
        Kannada => "und-Knda",
        Khmer => "und-Khmr",
        Latin => "und-Latn",
        Malayalam => "und-Mlym",
        Mandarin => "und-Hani",
        Myanmar => "und-Mymr",
        Oriya => "und-Orya",
        Sinhala => "und-Sinh",
        Tamil => "und-Taml",
        Telugu => "und-Telu",
        Thai => "und-Thai",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Written for these tests: a short news item in each language.
    const PORTUGUESE: [&str; 2] = [
        "A prefeitura anunciou ontem que as obras da nova estação de metrô vão atrasar pelo menos seis meses.",
        "Segundo a secretaria de transportes, a empresa responsável pediu mais tempo para concluir os túneis.",
    ];
    const RUSSIAN: [&str; 2] = [
        "Городские власти сообщили, что ремонт моста продлится до конца следующего года.",
        "По словам инженеров, движение по мосту будет частично открыто уже весной.",
    ];
    const JAPANESE: [&str; 2] = [
        "市は昨日、新しい図書館の建設が来年の春に始まると発表した。",
        "担当者によると、完成までにはおよそ二年かかる見込みだという。",
    ];
    const GERMAN: [&str; 2] = [
        "Die Stadtverwaltung hat am Montag mitgeteilt, dass die Sanierung der Brücke länger dauern wird als geplant.",
        "Nach Angaben der Ingenieure soll der Verkehr im Frühjahr teilweise wieder fließen, auch für Busse.",
    ];
    const ENGLISH: [&str; 2] = [
        "The city council said on Monday that repairs to the bridge would take longer than planned.",
        "According to the engineers, traffic should partly resume in the spring, starting with buses.",
    ];

    #[test]
    fn tells_english_from_other_languages() {
        for (text, tag) in [
            (PORTUGUESE, "und-Latn"),
            (RUSSIAN, "und-Cyrl"),
            (JAPANESE, "und-Jpan"),
            (GERMAN, "und-Latn"),
        ] {
            let language = of_article(text);
            assert_eq!(language, Some(tag), "{text:?}");
            assert!(!is_read(language));
        }
        assert_eq!(of_article(ENGLISH), Some("en"));
        assert!(is_read(of_article(ENGLISH)));
    }

    #[test]
    fn too_little_text_is_read_as_english() {
        assert_eq!(of_article([]), None);
        assert!(is_read(of_article(["Zur Lage."])));
    }
}

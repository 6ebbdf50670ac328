//! An article that is not in English gets no English marks, and the analysis says which
//! language it is in as far as newslens tells.

use newslens::model::Page;
use newslens::{analyze, language};

// Written for this test: a short news item in Portuguese and the same in English.
const PORTUGUESE: &str = "O governo anunciou ontem um novo plano para reduzir o preço da energia, \
     que segundo os críticos vai obviamente fracassar.\n\
     A oposição disse que as medidas chegam tarde demais e custam caro aos contribuintes.";
const ENGLISH: &str = "The government announced a new plan yesterday to cut the price of energy, \
     which critics say will obviously fail.\n\
     The opposition said that the measures come too late and cost taxpayers dear.";

#[test]
fn an_article_in_another_language_gets_no_marks() {
    let analysis = analyze(&Page::from_text(PORTUGUESE));
    assert_eq!(analysis.language, Some("und-Latn"));
    assert!(!language::is_read(analysis.language));
    assert!(analysis.findings.is_empty(), "{:?}", analysis.findings);
    assert!(analysis.sentences.is_empty());
}

#[test]
fn an_english_article_is_read() {
    let analysis = analyze(&Page::from_text(ENGLISH));
    assert_eq!(analysis.language, Some("en"));
    assert!(!analysis.findings.is_empty());
}

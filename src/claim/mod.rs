//! The claim model: a calibrated probability that a sentence is a factual claim worth
//! checking — numbers, causes, what someone did, said or intends, predictions,
//! comparisons — rather than narration, scene-setting, an opinion or a question.
//!
//! The same kind of model as the opinion model ([`Model`], over the same features, scored
//! in the same pass), trained by `cargo xtask train claim` on the English train set of
//! CLEF CheckThat! 2024 Task 1 (ClaimBuster sentences from US political debates, free for
//! research use). Its label threshold maximises the cross-validated F1 of the check-worthy
//! class on that set; `newslens eval` scores it on the task's dev set, never trained on.
//! Debates have little narration, so news narration (a game, a product's specifications)
//! is read as such by [`narration`] and counts less.
//!
//! The default view uses it to keep the sourcing underline on the claims that matter: an
//! unsourced sentence that is not check-worthy is narration, not a claim to flag.

pub mod narration;
pub mod reasons;

use std::sync::OnceLock;

use crate::opinion::Model;

pub use narration::{in_context, Narration, Reading};

/// The claim model shipped in the crate.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(include_bytes!("weights.bin")).expect(
            "the shipped claim weights are valid (regenerate with `cargo xtask train claim`)",
        )
    })
}

/// The claim line of a sentence's card: the verdict, the probability against the
/// threshold, and why in words — what in it a reader could check ([`reasons`]), or the
/// `narration` it is in its article ([`Reading::in_article`]) when it falls below. A
/// check-worthy sentence with no reason rests on wording the model learned, which the line
/// then says; one below the threshold with none is plain narration or scene-setting.
pub fn explain(
    probability: f32,
    threshold: f32,
    sentence: &str,
    narration: Option<Narration>,
) -> String {
    let percent = |p: f32| (p * 100.0).round() as u32;
    let check_worthy = probability >= threshold;
    let (verdict, relation) = if check_worthy {
        ("A check-worthy claim", "at or above")
    } else {
        ("Not a check-worthy claim", "below")
    };
    let said: Vec<&str> = reasons::of(sentence).iter().map(|r| r.words()).collect();
    let narration = narration.filter(|_| !check_worthy);
    let why = match (narration, said.is_empty(), check_worthy) {
        (Some(kind), _, _) => kind.words().to_string(),
        (None, false, _) => said.join("; "),
        (None, true, true) => "by wording the claim model learned".to_string(),
        (None, true, false) => "narration or scene-setting".to_string(),
    };
    format!(
        "{verdict} ({}% check-worthy, {relation} the {}% line): {why}.",
        percent(probability),
        percent(threshold)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_verdict_threshold_and_why() {
        assert_eq!(
            explain(0.72, 0.32, "Prices are up 5% because of the strike.", None),
            "A check-worthy claim (72% check-worthy, at or above the 32% line): states a number; a cause."
        );
        assert_eq!(
            explain(0.1, 0.32, "The room is quiet and the light is soft.", None),
            "Not a check-worthy claim (10% check-worthy, below the 32% line): narration or scene-setting."
        );
        assert_eq!(
            explain(
                0.2,
                0.32,
                "The Eagles led 14-7 at halftime.",
                narration::of("The Eagles led 14-7 at halftime.")
            ),
            "Not a check-worthy claim (20% check-worthy, below the 32% line): narration of a game."
        );
        assert_eq!(
            explain(0.5, 0.32, "The room is quiet.", None),
            "A check-worthy claim (50% check-worthy, at or above the 32% line): by wording the claim model learned."
        );
    }
}

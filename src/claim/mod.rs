//! The claim model: a calibrated probability that a sentence is a factual claim worth
//! checking — numbers, causes, what someone did, said or intends, predictions,
//! comparisons — rather than narration, scene-setting, an opinion or a question.
//!
//! The same kind of model as the opinion model ([`Model`], over the same features, scored
//! in the same pass), trained by `cargo xtask train claim` on the English train set of
//! CLEF CheckThat! 2024 Task 1 (ClaimBuster sentences from US political debates, free for
//! research use). Its label threshold maximises the cross-validated F1 of the check-worthy
//! class on that set; `newslens eval` scores it on the task's dev set, never trained on.
//!
//! The default view uses it to keep the sourcing underline on the claims that matter: an
//! unsourced sentence that is not check-worthy is narration, not a claim to flag.

pub mod reasons;

use std::sync::OnceLock;

use crate::opinion::Model;

/// The claim model shipped in the crate.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(include_bytes!("weights.bin")).expect(
            "the shipped claim weights are valid (regenerate with `cargo xtask train claim`)",
        )
    })
}

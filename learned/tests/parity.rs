//! The Rust model's outputs equal the training framework's (models/learned/parity.json,
//! written by the export with the weights as stored) within 1e-3.

mod common;

use newslens_learned::{Input, Model, Scores};
use serde::Deserialize;

const TOLERANCE: f32 = 1e-3;

#[derive(Deserialize)]
struct Expected {
    sentence: String,
    context: String,
    opinion: f32,
    claim: f32,
    loaded: Vec<(usize, usize, f32)>,
}

fn model() -> Model {
    let [config, weights, tokenizer] = common::files();
    Model::load(&config, &weights, &tokenizer).expect("the committed model loads")
}

fn expected() -> Vec<Expected> {
    serde_json::from_slice(&common::read("parity.json")).expect("parity.json parses")
}

/// Every difference beyond the tolerance, described.
fn differences(want: &Expected, got: &Scores) -> Vec<String> {
    let mut out = Vec::new();
    let mut close = |what: String, w: f32, g: f32| {
        if (w - g).abs() > TOLERANCE {
            out.push(format!("{what}: expected {w}, got {g}"));
        }
    };
    close("opinion".into(), want.opinion, got.opinion);
    close("claim".into(), want.claim, got.claim);
    let want_spans: Vec<_> = want.loaded.iter().map(|w| (w.0, w.1)).collect();
    let got_spans: Vec<_> = got.loaded.iter().map(|w| (w.start, w.end)).collect();
    if want_spans != got_spans {
        out.push(format!("words: expected {want_spans:?}, got {got_spans:?}"));
    } else {
        for (w, g) in want.loaded.iter().zip(&got.loaded) {
            close(format!("loaded {}..{}", w.0, w.1), w.2, g.p);
        }
    }
    out
}

#[test]
fn batched_scores_match_the_training_framework() {
    let (model, expected) = (model(), expected());
    assert!(expected.len() >= 5, "parity.json has too few sentences");
    let inputs: Vec<Input> = expected
        .iter()
        .map(|e| Input {
            sentence: &e.sentence,
            context: &e.context,
        })
        .collect();
    let scores = model.score(&inputs).expect("scores");
    let failures: Vec<String> = expected
        .iter()
        .zip(&scores)
        .flat_map(|(want, got)| {
            differences(want, got)
                .into_iter()
                .map(move |d| format!("{:?}: {d}", want.sentence))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Padding is masked out: a sentence scores the same alone as in a batch of longer ones.
#[test]
fn a_sentence_scores_the_same_alone_and_in_a_batch() {
    let (model, expected) = (model(), expected());
    let inputs: Vec<Input> = expected
        .iter()
        .map(|e| Input {
            sentence: &e.sentence,
            context: &e.context,
        })
        .collect();
    let batched = model.score(&inputs).expect("scores");
    for (input, together) in inputs.iter().zip(&batched) {
        let alone = &model.score(&[*input]).expect("scores")[0];
        assert!(
            (alone.opinion - together.opinion).abs() < 1e-5
                && (alone.claim - together.claim).abs() < 1e-5,
            "{:?}: alone {alone:?}, batched {together:?}",
            input.sentence
        );
    }
}

//! Quality metrics used by `newslens eval` and by training.

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Scores {
    /// From true positives, false positives and false negatives (0 where undefined).
    pub fn from_counts(tp: f64, fp: f64, fn_: f64) -> Scores {
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        Scores {
            precision,
            recall,
            f1: ratio(2.0 * precision * recall, precision + recall),
        }
    }

    /// Scores of the class `positive` for paired predictions and gold labels.
    pub fn of_class(predicted: &[bool], gold: &[bool], positive: bool) -> Scores {
        let count = |p: bool, g: bool| {
            predicted
                .iter()
                .zip(gold)
                .filter(|&(&a, &b)| (a == positive) == p && (b == positive) == g)
                .count() as f64
        };
        Scores::from_counts(count(true, true), count(true, false), count(false, true))
    }
}

/// The mean F1 of both classes (the CheckThat! subjectivity metric).
pub fn macro_f1(predicted: &[bool], gold: &[bool]) -> f32 {
    let f1 = |positive| Scores::of_class(predicted, gold, positive).f1;
    ((f1(true) + f1(false)) / 2.0) as f32
}

/// The area under the ROC curve: the chance that a random positive scores above a random
/// negative (ties count half). 0.5 when either class is absent.
pub fn roc_auc(scores: &[f32], gold: &[bool]) -> f64 {
    let mut ranked: Vec<(f32, bool)> = scores.iter().copied().zip(gold.iter().copied()).collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives = gold.iter().filter(|g| **g).count() as f64;
    let negatives = gold.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return 0.5;
    }
    // Sum of the positives' ranks (1-based, ties given their mean rank).
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < ranked.len() {
        let tied = ranked[i..]
            .iter()
            .take_while(|r| r.0 == ranked[i].0)
            .count();
        let mean_rank = i as f64 + (tied as f64 + 1.0) / 2.0;
        rank_sum += mean_rank * ranked[i..i + tied].iter().filter(|r| r.1).count() as f64;
        i += tied;
    }
    (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roc_auc_counts_ordered_pairs() {
        assert_eq!(
            roc_auc(&[0.1, 0.4, 0.35, 0.8], &[false, false, true, true]),
            0.75
        );
        assert_eq!(roc_auc(&[0.9, 0.1], &[false, true]), 0.0);
        assert_eq!(roc_auc(&[0.5, 0.5], &[false, true]), 0.5);
        assert_eq!(roc_auc(&[0.5], &[true]), 0.5);
    }

    #[test]
    fn class_scores_and_macro_f1() {
        let predicted = [true, true, false, false];
        let gold = [true, false, true, false];
        let s = Scores::of_class(&predicted, &gold, true);
        assert_eq!((s.precision, s.recall, s.f1), (0.5, 0.5, 0.5));
        assert_eq!(macro_f1(&predicted, &gold), 0.5);
        assert_eq!(macro_f1(&gold, &gold), 1.0);
        assert_eq!(Scores::from_counts(0.0, 0.0, 0.0), Scores::default());
    }
}

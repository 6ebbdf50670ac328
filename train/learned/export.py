"""Writing `models/learned/` as docs/learned.md says: storage formats, config, parity set."""
import json

import torch
from safetensors.torch import save_file

#: Sentences written for the project (not dataset text), with their contexts, for the
#: Rust-vs-Python parity test: plain news prose, quotes, curly punctuation, accents, an
#: emoji ([UNK]), numbers, a word the pruned vocabulary splits, an empty context and one
#: longer than config.json's `context_pieces` (cut to its last pieces).
PARITY = [
    ("The council voted on Tuesday to close two libraries by March.", ""),
    ("Critics called the plan a reckless gamble with the town’s future.",
     "The council voted on Tuesday to close two libraries by March."),
    ("“We have no other choice,” the mayor said.",
     "Critics called the plan a reckless gamble with the town’s future."),
    ("Unemployment fell to 3.9 percent in October, the lowest level since 2019.", ""),
    ("This is, frankly, the most shameful decision I have ever seen.", ""),
    ("Officials said the bridge would reopen once inspectors had finished their work.",
     "Heavy rain had flooded the lower deck overnight."),
    ("The company’s chief executive, Renée Dubois, declined to comment.",
     "Shares dropped sharply after the announcement."),
    ("Some experts believe the policy could backfire.", ""),
    ("Thousands of protesters flooded the streets, chanting slogans against the regime.", ""),
    ("A spokesperson for the ministry confirmed that 42 people had been detained.",
     "Thousands of protesters flooded the streets, chanting slogans against the regime."),
    ("It was a disgraceful, cowardly attack on innocent families.", ""),
    ("The study, published in a peer-reviewed journal, followed 1,200 patients for five years.",
     ""),
    ("Isn’t it obvious that the whole scheme was rotten from the start?",
     "The minister resigned on Friday."),
    ("Prices rose 😀 again.", ""),
    ("Naïve optimism won’t fix a broken system, she argued.",
     "The union rejected the offer."),
    ("Lawmakers passed the bill 52 to 48 after a twelve-hour debate.", ""),
    ("The senator’s so-called reform is nothing but a cynical power grab.",
     "Lawmakers passed the bill 52 to 48 after a twelve-hour debate."),
    ("Residents were told to boil their water until further notice.", ""),
    ("Volcanologists monitored the eruption from a helicopter.", "Ash covered the village."),
    ("He said: \"The numbers speak for themselves.\"", ""),
    ("The plan was, by any honest measure, a shameless betrayal of the voters.",
     "After months of closed-door talks, two missed deadlines and a leaked draft that "
     "nobody at the ministry would admit to having written, the coalition finally "
     "published its long-promised housing plan on Thursday evening."),
]


def int8_rows(tensor):
    """Per-row symmetric int8: (q, scale) with value = q * scale[row]."""
    scale = tensor.abs().amax(dim=1).clamp(min=1e-12) / 127.0
    return torch.round(tensor / scale[:, None]).clamp(-127, 127).to(torch.int8), scale


def quantise(state, storage, wide=()):
    """The tensors to write for `storage` ("f16" or "int8", see docs/learned.md); under int8,
    the matrices named in `wide` stay F16 (see `too_lossy_for_int8`)."""
    out = {}
    for name, tensor in state.items():
        tensor = tensor.detach().float().contiguous()
        if storage == "int8" and tensor.dim() == 2 and name not in wide:
            out[name], scale = int8_rows(tensor)
            out[f"{name}.scale"] = scale.contiguous()
        else:
            out[name] = tensor.half()
    return out


#: A matrix whose int8 form alone moves a hidden state's cosine below this stays F16.
MATRIX_COSINE = 0.9999


#: Always int8: the word embeddings are three fifths of the weights, and F16 would take the
#: store zip past issue 20's 15 MB. Frozen during fine-tuning, they lose no more to int8
#: than the other matrices; the export's overall cosine (metrics.json) still has to pass.
ALWAYS_INT8 = ("embeddings.word_embeddings.weight",)


def too_lossy_for_int8(model, hidden_cosine):
    """Names of the matrices that per-row int8 cannot carry: a single outlier weight sets
    its row's scale and the rest of the row rounds to nothing (MiniLM's FFN `output.dense`
    in layers 0 and 1, row 99). `hidden_cosine(state)` gives the min cosine of the final
    hidden states with `state` against the f32 model's."""
    state = {k: v.detach().float() for k, v in model.state_dict().items()}
    lossy = []
    for name, tensor in state.items():
        if tensor.dim() != 2 or name in ALWAYS_INT8:
            continue
        q, scale = int8_rows(tensor)
        if hidden_cosine(dict(state, **{name: q.float() * scale[:, None]})) < MATRIX_COSINE:
            lossy.append(name)
    return lossy


def widen(stored):
    """What the Rust loader rebuilds from `quantise`'s output: every tensor as F32."""
    out = {}
    for name, tensor in stored.items():
        if name.endswith(".scale"):
            continue
        if tensor.dtype == torch.int8:
            out[name] = tensor.float() * stored[f"{name}.scale"][:, None]
        else:
            out[name] = tensor.float()
    return out


def save_weights(stored, path):
    save_file(stored, str(path), metadata={"format": "pt"})


def config_json(config, newslens):
    values = config.to_dict()
    values["architectures"] = ["BertModel"]
    values["model_type"] = "bert"
    values["newslens"] = newslens
    return json.dumps(values, indent=2, ensure_ascii=False) + "\n"


def parity_json(rows):
    """One sentence per block, its words on one line (readable diffs between exports)."""
    blocks = []
    for row in rows:
        fields = [f"  {json.dumps(k)}: {json.dumps(row[k], ensure_ascii=False)}" for k in row]
        blocks.append("{\n" + ",\n".join(fields) + "\n}")
    return "[\n" + ",\n".join(blocks) + "\n]\n"

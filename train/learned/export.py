"""Writing `models/learned/` as the contract says: storage formats, config, parity set."""
import json

import torch
from safetensors.torch import save_file

#: Sentences written for the project (not dataset text), with their contexts, for the
#: Rust-vs-Python parity test: plain news prose, quotes, curly punctuation, accents, an
#: emoji ([UNK]), numbers, a word the pruned vocabulary splits, and an empty context.
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
]


def quantise(state, storage):
    """The tensors to write for `storage` ("f16" or "int8", see the contract)."""
    out = {}
    for name, tensor in state.items():
        tensor = tensor.detach().float().contiguous()
        if storage == "int8" and tensor.dim() == 2:
            scale = tensor.abs().amax(dim=1).clamp(min=1e-12) / 127.0
            out[name] = torch.round(tensor / scale[:, None]).clamp(-127, 127).to(torch.int8)
            out[f"{name}.scale"] = scale.contiguous()
        else:
            out[name] = tensor.half()
    return out


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
    return json.dumps(rows, indent=1, ensure_ascii=False) + "\n"

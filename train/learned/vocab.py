"""Pruning the WordPiece vocabulary to the pieces English news uses.

The word-embedding matrix is most of a small BERT's weights (30,522 rows of the 384-wide
MiniLM), and English news uses a fraction of them. We keep every piece that tokenising the
given texts produces at least `min_count` times, plus every single character and `##`
character (so any text still tokenises to pieces the model knows instead of `[UNK]`) and the
special tokens. Greedy longest-match WordPiece then splits the words made of kept pieces
exactly as before; a rarer word falls back to shorter pieces.
"""
import json
from collections import Counter

from tokenizers import Tokenizer

SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


def kept_ids(tokenizer, texts, min_count):
    """Ids of the original vocabulary to keep, ascending (so [PAD] stays 0)."""
    tokenizer.no_truncation()
    tokenizer.no_padding()
    vocab = tokenizer.get_vocab()
    keep = {vocab[s] for s in SPECIALS}
    keep |= {i for piece, i in vocab.items() if len(piece.removeprefix("##")) == 1}
    counts = Counter()
    for encoding in tokenizer.encode_batch(texts, add_special_tokens=False):
        counts.update(encoding.ids)
    keep |= {i for i, n in counts.items() if n >= min_count}
    return sorted(keep)


def pruned_tokenizer_json(tokenizer_path, ids):
    """The tokenizer file with only `ids`, renumbered 0.. in their original order.

    Truncation and padding are dropped: the model's input (pair layout, context truncated
    first, `max_tokens`) is built by the caller, in Python and in Rust alike.
    """
    with open(tokenizer_path, encoding="utf-8") as f:
        spec = json.load(f)
    old = {i: piece for piece, i in spec["model"]["vocab"].items()}
    new_id = {old_id: new for new, old_id in enumerate(ids)}
    spec["model"]["vocab"] = {old[i]: new_id[i] for i in ids}
    spec["truncation"] = None
    spec["padding"] = None
    for token in spec["added_tokens"]:
        token["id"] = new_id[token["id"]]
    for special in spec["post_processor"]["special_tokens"].values():
        special["ids"] = [new_id[i] for i in special["ids"]]
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"))


def prune(tokenizer_path, texts, min_count):
    """(kept original ids, pruned tokenizer JSON text, the pruned `Tokenizer`)."""
    ids = kept_ids(Tokenizer.from_file(str(tokenizer_path)), texts, min_count)
    text = pruned_tokenizer_json(tokenizer_path, ids)
    return ids, text, Tokenizer.from_str(text)

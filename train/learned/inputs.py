"""The model's input and word grouping, exactly as docs/learned.md (and the Rust crate)
define them.

- Input: `[CLS] sentence [SEP] context [SEP]`, token type 0 up to the first [SEP], 1 after.
  The context keeps at most its last `context_pieces` pieces (the words next to the
  sentence: the cost of a sentence grows with its tokens, and the context's far end adds
  the least), then the sentence and, from the front, the context are cut to `MAX_TOKENS`
  in all. `config.json` carries the cap the model runs with; Rust and the evaluation
  read it from there.
- Words: a maximal run of the sentence's pieces whose character offsets touch (each piece
  starts where the previous one ended); a word's loaded probability is its first piece's.
"""
from collections import namedtuple

import torch

MAX_TOKENS = 128
#: Training reads the whole context (so the committed model was trained); the cap a model
#: runs with is measured after training (`rescore.py`) and set in config.json.
CONTEXT_PIECES = MAX_TOKENS

Encoded = namedtuple("Encoded", "ids types sentence_pieces words")


def words_of(offsets):
    """[(first piece index, char start, char end)] of the runs of touching pieces."""
    words = []
    for i, (start, end) in enumerate(offsets):
        if words and words[-1][2] == start:
            first, word_start, _ = words[-1]
            words[-1] = (first, word_start, end)
        else:
            words.append((i, start, end))
    return words


def word_labels(words, spans):
    """1.0 for each word (first piece, char start, end) that overlaps a gold span, else 0.0."""
    return [float(any(s < g_end and g_start < e for g_start, g_end in spans)) for _, s, e in words]


def encode(tokenizer, sentence, context, cls, sep, context_pieces=CONTEXT_PIECES):
    s = tokenizer.encode(sentence, add_special_tokens=False)
    c = tokenizer.encode(context, add_special_tokens=False) if context else None
    room = MAX_TOKENS - 3
    s_ids, s_offsets = s.ids[:room], s.offsets[:room]
    c_ids = c.ids if c is not None else []
    c_ids = c_ids[len(c_ids) - min(len(c_ids), context_pieces, room - len(s_ids)) :]
    ids = [cls] + s_ids + [sep] + c_ids + [sep]
    types = [0] * (len(s_ids) + 2) + [1] * (len(c_ids) + 1)
    # Piece i of the sentence sits at position i + 1 (after [CLS]).
    words = [(first + 1, start, end) for first, start, end in words_of(s_offsets)]
    return Encoded(ids, types, len(s_ids), words)


def batch(encoded):
    """Padded tensors (ids, types, attention mask, sentence mask) for a list of `Encoded`."""
    width = max(len(e.ids) for e in encoded)
    ids = torch.zeros(len(encoded), width, dtype=torch.long)
    types = torch.zeros_like(ids)
    attention = torch.zeros_like(ids)
    sentence = torch.zeros_like(ids)
    for row, e in enumerate(encoded):
        n = len(e.ids)
        ids[row, :n] = torch.tensor(e.ids)
        types[row, :n] = torch.tensor(e.types)
        attention[row, :n] = 1
        sentence[row, 1 : 1 + e.sentence_pieces] = 1
    return ids, types, attention, sentence

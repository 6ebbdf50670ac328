"""A BERT encoder in plain PyTorch, with the learned tier's three heads.

Written out (rather than taken from `transformers`) so that every operation visibly matches
the Rust encoder (`learned/src/encoder.rs`), which runs the exported weights: post-layer-norm
blocks, exact (erf) GELU, absolute position embeddings, no pooler. Parameter names are the
Hugging Face / candle ones without the `bert.` prefix, so a state dict loads from and exports
to `model.safetensors` as is.
"""
import math

import torch
from torch import nn

HEADS = ("opinion", "claim", "loaded")


class Config:
    """The BERT hyper-parameters the export needs (Hugging Face `config.json` keys)."""

    KEYS = (
        "vocab_size",
        "hidden_size",
        "num_hidden_layers",
        "num_attention_heads",
        "intermediate_size",
        "hidden_act",
        "max_position_embeddings",
        "type_vocab_size",
        "layer_norm_eps",
        "pad_token_id",
    )

    def __init__(self, **values):
        for key in self.KEYS:
            setattr(self, key, values[key])
        if self.hidden_act != "gelu":
            raise ValueError(f"hidden_act {self.hidden_act!r}: only exact gelu is exported")

    def to_dict(self):
        return {key: getattr(self, key) for key in self.KEYS}


class Embeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.word_embeddings = nn.Embedding(c.vocab_size, c.hidden_size)
        self.position_embeddings = nn.Embedding(c.max_position_embeddings, c.hidden_size)
        self.token_type_embeddings = nn.Embedding(c.type_vocab_size, c.hidden_size)
        self.LayerNorm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.dropout = nn.Dropout(0.1)

    def forward(self, ids, types):
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = (
            self.word_embeddings(ids)
            + self.position_embeddings(positions)
            + self.token_type_embeddings(types)
        )
        return self.dropout(self.LayerNorm(x))


class SelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.heads = c.num_attention_heads
        self.query = nn.Linear(c.hidden_size, c.hidden_size)
        self.key = nn.Linear(c.hidden_size, c.hidden_size)
        self.value = nn.Linear(c.hidden_size, c.hidden_size)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, bias):
        b, t, h = x.shape
        split = lambda y: y.view(b, t, self.heads, h // self.heads).transpose(1, 2)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(h // self.heads) + bias
        context = self.dropout(scores.softmax(-1)) @ v
        return context.transpose(1, 2).reshape(b, t, h)


class DenseNorm(nn.Module):
    """`dense` then dropout, residual add, `LayerNorm` (BERT's attention/output blocks)."""

    def __init__(self, c, inner):
        super().__init__()
        self.dense = nn.Linear(inner, c.hidden_size)
        self.LayerNorm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, residual):
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.self = SelfAttention(c)
        self.output = DenseNorm(c, c.hidden_size)

    def forward(self, x, bias):
        return self.output(self.self(x, bias), x)


class Intermediate(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c.hidden_size, c.intermediate_size)

    def forward(self, x):
        return nn.functional.gelu(self.dense(x))


class Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.attention = Attention(c)
        self.intermediate = Intermediate(c)
        self.output = DenseNorm(c, c.intermediate_size)

    def forward(self, x, bias):
        a = self.attention(x, bias)
        return self.output(self.intermediate(a), a)


class Encoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.layer = nn.ModuleList(Layer(c) for _ in range(c.num_hidden_layers))

    def forward(self, x, bias):
        for layer in self.layer:
            x = layer(x, bias)
        return x


class Heads(nn.Module):
    """One logistic unit per task on the hidden size."""

    def __init__(self, c):
        super().__init__()
        for name in HEADS:
            setattr(self, name, nn.Linear(c.hidden_size, 1))


class NewsBert(nn.Module):
    """Encoder + heads. `forward` returns the sentence logits and the per-piece loaded logits.

    `sentence_mask` marks the sentence's own word pieces (not [CLS], [SEP] or the context):
    the pooled vector is their mean, as docs/learned.md and config.json (`"pooling": "mean_a"`) say.
    """

    def __init__(self, c):
        super().__init__()
        self.config = c
        self.embeddings = Embeddings(c)
        self.encoder = Encoder(c)
        self.heads = Heads(c)

    def hidden(self, ids, types, attention_mask):
        # Masked keys get a large negative bias, as the Rust encoder does.
        bias = (1.0 - attention_mask[:, None, None, :].float()) * -3.4028234663852886e38
        return self.encoder(self.embeddings(ids, types), bias)

    def forward(self, ids, types, attention_mask, sentence_mask):
        h = self.hidden(ids, types, attention_mask)
        m = sentence_mask.unsqueeze(-1).float()
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return {
            "opinion": self.heads.opinion(pooled).squeeze(-1),
            "claim": self.heads.claim(pooled).squeeze(-1),
            "loaded": self.heads.loaded(h).squeeze(-1),
        }

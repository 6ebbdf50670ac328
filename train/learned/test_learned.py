"""Unit tests of the training pipeline's pieces that the Rust side must mirror.

    target/learned-venv/bin/python -m unittest discover -s train/learned

(Not part of CI: it needs the training venv. Reads the committed models/learned/tokenizer.json.)
"""
import json
import tempfile
import unittest
from pathlib import Path

import torch
from tokenizers import Tokenizer

import export
import inputs
import train
import vocab

TOKENIZER = Path(__file__).resolve().parents[2] / "models/learned/tokenizer.json"


class Words(unittest.TestCase):
    def test_touching_pieces_make_one_word(self):
        # "don't go" -> don ' t | go: one word of three pieces, then one of one.
        offsets = [(0, 3), (3, 4), (4, 5), (6, 8)]
        self.assertEqual(inputs.words_of(offsets), [(0, 0, 5), (3, 6, 8)])

    def test_no_pieces_no_words(self):
        self.assertEqual(inputs.words_of([]), [])


class Encode(unittest.TestCase):
    tokenizer = Tokenizer.from_file(str(TOKENIZER))
    cls = tokenizer.token_to_id("[CLS]")
    sep = tokenizer.token_to_id("[SEP]")

    def test_layout_and_types(self):
        e = inputs.encode(self.tokenizer, "Prices rose.", "It rained.", self.cls, self.sep)
        self.assertEqual(e.ids[0], self.cls)
        self.assertEqual(e.ids.count(self.sep), 2)
        first_sep = e.ids.index(self.sep)
        self.assertEqual(first_sep, e.sentence_pieces + 1)
        self.assertEqual(e.types, [0] * (first_sep + 1) + [1] * (len(e.ids) - first_sep - 1))

    def test_context_is_cut_first(self):
        sentence = "word " * 100
        e = inputs.encode(
            self.tokenizer, sentence, "other " * 100, self.cls, self.sep, inputs.MAX_TOKENS
        )
        self.assertEqual(len(e.ids), inputs.MAX_TOKENS)
        self.assertEqual(e.sentence_pieces, 100)
        e = inputs.encode(self.tokenizer, "word " * 200, "other", self.cls, self.sep)
        self.assertEqual(len(e.ids), inputs.MAX_TOKENS)
        self.assertEqual(e.types.count(1), 1)  # only the final [SEP]

    def test_context_keeps_its_last_pieces(self):
        context = "early " * 30 + "late " * 5
        e = inputs.encode(self.tokenizer, "Prices rose.", context, self.cls, self.sep, 8)
        late = self.tokenizer.token_to_id("late")
        early = self.tokenizer.token_to_id("early")
        kept = e.ids[e.sentence_pieces + 2 : -1]
        self.assertEqual(kept, [early] * 3 + [late] * 5)

    def test_empty_context(self):
        e = inputs.encode(self.tokenizer, "Hello.", "", self.cls, self.sep)
        self.assertEqual(e.ids[-2:], [self.sep, self.sep])


class Pruning(unittest.TestCase):
    def test_pruned_vocabulary_is_dense_and_tokenises_anything(self):
        spec = json.loads(TOKENIZER.read_text(encoding="utf-8"))
        ids = sorted(spec["model"]["vocab"].values())
        self.assertEqual(ids, list(range(len(ids))))
        tokenizer = Tokenizer.from_file(str(TOKENIZER))
        pieces = tokenizer.encode("Zyxwvut qqqq jjjjx", add_special_tokens=False).tokens
        self.assertNotIn("[UNK]", pieces)

    def test_specials_keep_their_names(self):
        spec = json.loads(TOKENIZER.read_text(encoding="utf-8"))
        for token in spec["added_tokens"]:
            self.assertEqual(spec["model"]["vocab"][token["content"]], token["id"])
        for name, special in spec["post_processor"]["special_tokens"].items():
            self.assertEqual(special["ids"], [spec["model"]["vocab"][name]])

    def test_min_count_drops_rare_pieces_but_not_characters(self):
        base = Tokenizer.from_file(str(TOKENIZER))
        kept = vocab.kept_ids(base, ["the the cat"], min_count=2)
        v = base.get_vocab()
        self.assertIn(v["the"], kept)
        self.assertNotIn(v["cat"], kept)
        self.assertIn(v["c"], kept)
        self.assertIn(v["##t"], kept)


class SoftLabels(unittest.TestCase):
    def test_the_teachers_opinion_is_the_target_and_empty_sentences_are_skipped(self):
        enc = train.Encoder(Tokenizer.from_file(str(TOKENIZER)))
        rows = [
            {"sentence": "A shameful, reckless plan.", "opinion": 0.9},
            {"sentence": "   ", "opinion": 0.4},
            {"sentence": "The bridge reopened on Monday.", "opinion": 0.1},
        ]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write("".join(json.dumps(r) + "\n" for r in rows))
        items = train.soft_examples(Path(f.name), enc)
        Path(f.name).unlink()
        self.assertEqual([label for _, label, _ in items], [0.9, 0.1])
        e, _, _ = items[1]
        # The sentence alone, no context: [CLS] pieces [SEP] [SEP].
        self.assertEqual(e.types, [0] * (e.sentence_pieces + 2) + [1])


class Storage(unittest.TestCase):
    def test_int8_round_trip_is_close_and_wide_matrices_stay_f16(self):
        torch.manual_seed(0)
        state = {"a": torch.randn(4, 8), "b": torch.randn(4, 8), "c": torch.randn(8)}
        stored = export.quantise(state, "int8", wide=["b"])
        self.assertEqual(stored["a"].dtype, torch.int8)
        self.assertEqual(stored["a.scale"].shape, (4,))
        self.assertEqual(stored["b"].dtype, torch.float16)
        self.assertNotIn("b.scale", stored)
        self.assertEqual(stored["c"].dtype, torch.float16)
        back = export.widen(stored)
        self.assertEqual(set(back), set(state))
        for name in state:
            step = state[name].abs().max() / 127
            self.assertLessEqual((back[name] - state[name]).abs().max().item(), step.item())


if __name__ == "__main__":
    unittest.main()

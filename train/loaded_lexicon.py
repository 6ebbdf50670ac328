#!/usr/bin/env python3
"""Derive src/lexicon/loaded.txt from the Hu & Liu opinion lexicon.

The Hu & Liu lexicon (6,789 sentiment words) is broad: many of its words are neutral in
news ("concerns", "pressure", "limited"). We keep a word unless labelled news data shows
it is rarely part of a loaded-language span: BASIL `lexical_spans` and SemEval-2020
Task 11 `Loaded_Language` / `Name_Calling,Labeling` spans. Only the *derivation* half of
the articles (a stable hash of the article id) is read, so the other half stays unseen for
`newslens eval` to report honestly.

Usage: python3 train/loaded_lexicon.py [../shared/data] > src/lexicon/loaded.txt
"""
import collections
import json
import re
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
LOADED_TECHNIQUES = {"Loaded_Language", "Name_Calling,Labeling"}
# Smoothed share of a word's occurrences that fall inside a loaded span; below it the
# word is dropped. Words never seen in the data keep the lexicon's verdict.
MIN_SHARE = 0.12
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

    print("# Loaded / evaluative words.")
    print("# Source: Hu & Liu opinion lexicon (Minqing Hu and Bing Liu, \"Mining and Summarizing")
    print("# Customer Reviews\", KDD 2004), no licence stated; cite the paper.")
    print("# Filtered by train/loaded_lexicon.py: words that labelled news data (BASIL lexical spans,")
    print(f"# SemEval-2020 Task 11 loaded-language spans) rarely marks as loaded (share < {MIN_SHARE}) are dropped.")
    print("# Generated file: edit the script, not this list.")
    for word in lexicon:
        if not WORD.fullmatch(word):
            continue
        share = (inside[word] + 0.5) / (seen[word] + 1)
        if share >= MIN_SHARE:
            print(word)


if __name__ == "__main__":
    main()

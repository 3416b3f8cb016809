"""Target-level sentiment (``analysis.target_sentiment``) against plain VADER on NewsMTSC dev.

Data: NewsMTSC (Hamborg & Donnay, EACL 2021; MIT licence), ``rw/dev.jsonl`` (real-world distribution) and
``mt/dev.jsonl`` (several targets a sentence), read from ``../shared/datasets/newsmtsc/`` relative to the
repository root, or from the folder named by ``NEWSMTSC_DIR``; never copied into the project. Each target is one
example: polarity 2.0 negative (-1), 4.0 neutral (0), 6.0 positive (+1).

Printed per split, for our model and for plain VADER on the whole sentence (compound >= 0.05 positive,
<= -0.05 negative, neutral between, the conventional cut-offs; the same label for every target of a sentence):
macro-F1 and per-class F1 (negative / neutral / positive), and the confusion matrix of our model. Then the speed
of ``target_sentiment`` in calls per second of CPU time (``time.process_time``, one process, model loaded once
before timing). Reference: NewsMTSC's paper reports macro-F1 0.83 on the rw test split for a fine-tuned RoBERTa;
plain VADER is about 0.51.

Usage::

    .venv/bin/python benchmarks/bench_target_sentiment.py [--splits rw mt] [--repeat 3]

Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "datasets" / "newsmtsc"
POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}
LABELS = (-1, 0, 1)
NAMES = {-1: "negative", 0: "neutral", 1: "positive"}
VADER_CUT = 0.05


def load_targets(path: Path) -> list[tuple[str, int, int, int]]:
    """(sentence, start, end, polarity in -1/0/+1) for every target of a NewsMTSC JSONL file."""
    examples = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                for t in record["targets"]:
                    examples.append(
                        (record["sentence_normalized"], int(t["from"]), int(t["to"]), POLARITY[t["polarity"]])
                    )
    return examples


def f1_scores(gold: list[int], predicted: list[int]) -> dict[int, float]:
    """Per-class F1 for the labels -1, 0, +1."""
    scores = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def vader_labels(examples: list[tuple[str, int, int, int]]) -> list[int]:
    """Plain VADER's compound on the whole sentence, cut at +/-0.05."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    cache: dict[str, int] = {}
    labels = []
    for sentence, *_ in examples:
        if sentence not in cache:
            compound = analyzer.polarity_scores(sentence)["compound"]
            cache[sentence] = 1 if compound >= VADER_CUT else -1 if compound <= -VADER_CUT else 0
        labels.append(cache[sentence])
    return labels


def report(name: str, gold: list[int], predicted: list[int]) -> None:
    scores = f1_scores(gold, predicted)
    macro = sum(scores.values()) / len(scores)
    per_class = "  ".join(f"{NAMES[k]} {v:.3f}" for k, v in scores.items())
    print(f"  {name:<22} macro-F1 {macro:.3f}   ({per_class})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--splits", nargs="+", default=["rw", "mt"], help="dev splits to score (rw, mt)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the targets when timing")
    args = parser.parse_args(argv)
    folder = Path(os.environ.get("NEWSMTSC_DIR", DEFAULT_DIR))
    paths = {split: folder / split / "dev.jsonl" for split in args.splits}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        print(
            f"NewsMTSC dev data not found ({', '.join(missing)}); set NEWSMTSC_DIR to its folder. Nothing measured."
        )
        return 0
    sys.path.insert(0, str(ROOT))
    from analysis.targeted import target_sentiment

    everything = []
    for split, path in paths.items():
        examples = load_targets(path)
        everything.extend(examples)
        gold = [e[3] for e in examples]
        ours = [target_sentiment(s, a, b) for s, a, b, _ in examples]
        print(
            f"NewsMTSC {split}/dev: {len(examples)} targets "
            f"({', '.join(f'{NAMES[k]} {gold.count(k)}' for k in LABELS)})"
        )
        report("analysis.target_sentiment", gold, ours)
        report("plain VADER (sentence)", gold, vader_labels(examples))
        print("  confusion of ours (rows gold -1/0/+1, columns predicted -1/0/+1):")
        for g in LABELS:
            print(
                "   ",
                " ".join(f"{sum(1 for x, y in zip(gold, ours) if x == g and y == p):5d}" for p in LABELS),
            )

    from analysis import targeted

    targeted._compound.cache_clear()  # the sentence-level VADER score is cached per sentence: time it cold once
    began = time.process_time()
    for sentence, start, end, _ in everything:
        target_sentiment(sentence, start, end)
    cold = time.process_time() - began
    print(
        f"speed, first pass (each sentence's VADER score computed once): {1e3 * cold / len(everything):.3f} ms a call"
    )
    began = time.process_time()
    for _ in range(args.repeat):
        for sentence, start, end, _ in everything:
            target_sentiment(sentence, start, end)
    spent = time.process_time() - began
    calls = args.repeat * len(everything)
    print(
        f"speed: {calls / spent:,.0f} calls/s of CPU time ({1e3 * spent / calls:.3f} ms a call, {calls} calls)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

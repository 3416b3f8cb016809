"""Target-level sentiment (``analysis.target_sentiment``) against plain VADER on NewsMTSC dev.

Data: NewsMTSC (Hamborg & Donnay, EACL 2021; MIT licence), ``rw/dev.jsonl`` (real-world distribution) and
``mt/dev.jsonl`` (several targets a sentence), read from ``../shared/datasets/newsmtsc/`` relative to the
repository root, or from the folder named by ``NEWSMTSC_DIR``; never copied into the project. Each target is one
example: polarity 2.0 negative (-1), 4.0 neutral (0), 6.0 positive (+1).

Printed per split, for our model and for plain VADER on the whole sentence (compound >= 0.05 positive,
<= -0.05 negative, neutral between, the conventional cut-offs; the same label for every target of a sentence):
macro-F1 and per-class F1 (negative / neutral / positive), and the confusion matrix of our model. With
``--speed``, then the speed of ``target_sentiment`` over all dev targets in calls per second of CPU time
(``time.process_time``, one process, model loaded once before timing): a first pass with nothing cached, warm
passes, and the batch function ``target_probabilities_many`` (one call a sentence). Reference: NewsMTSC's paper reports macro-F1 0.83 on the rw test split for a fine-tuned RoBERTa;
plain VADER is about 0.51.

Usage::

    .venv/bin/python benchmarks/bench_target_sentiment.py [--splits rw mt] [--speed] [--repeat 3]

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


def speed(examples: list[tuple[str, int, int, int]], repeat: int) -> None:
    """Print calls per second of CPU time: a first pass (sentences not cached), then warm single and batch calls.

    The first pass is what stance pays for a sentence it has not seen: tokens, stems and the sentence's VADER
    score are computed once per sentence and cached (:func:`analysis.targeted._sentence`). The warm passes repeat
    the same targets, as when stance asks about several mentions of one sentence; the batch pass asks
    :func:`analysis.targeted.target_probabilities_many` once per sentence with all its targets.
    """
    from analysis import targeted, vader

    targeted._model()  # loaded once, before timing
    targeted._sentence.cache_clear()
    vader._scores.cache_clear()
    began = time.process_time()
    for sentence, start, end, _ in examples:
        targeted.target_sentiment(sentence, start, end)
    cold = time.process_time() - began
    print(
        f"speed, first pass (each sentence tokenised and VADER-scored once): {len(examples) / cold:,.0f} calls/s "
        f"of CPU time ({1e3 * cold / len(examples):.3f} ms a call, {len(examples)} calls)"
    )
    began = time.process_time()
    for _ in range(repeat):
        for sentence, start, end, _ in examples:
            targeted.target_sentiment(sentence, start, end)
    spent = time.process_time() - began
    calls = repeat * len(examples)
    print(
        f"speed, sentences cached: {calls / spent:,.0f} calls/s of CPU time ({1e3 * spent / calls:.3f} ms a call)"
    )
    spans: dict[str, list[tuple[int, int]]] = {}
    for sentence, start, end, _ in examples:
        spans.setdefault(sentence, []).append((start, end))
    began = time.process_time()
    for _ in range(repeat):
        for sentence, group in spans.items():
            targeted.target_probabilities_many(sentence, group)
    spent = time.process_time() - began
    print(
        f"speed, target_probabilities_many (one call a sentence, {len(spans)} sentences): "
        f"{calls / spent:,.0f} targets/s of CPU time ({1e3 * spent / calls:.3f} ms a target)"
    )


def bias_ceiling(gold: list[int], examples: list[tuple[str, int, int, int]]) -> tuple[float, float, float]:
    """The best macro-F1 any shift of the negative and positive log-odds could give on these very targets, and
    that shift: a diagnostic of how far calibration alone could go. It reads the gold labels, so it is never
    used to choose the shipped model (that was chosen by cross-validation on train, docs/target_sentiment.md)."""
    import math

    from analysis.targeted import target_probabilities

    logs = [[math.log(max(target_probabilities(s, a, b)[k], 1e-12)) for k in LABELS] for s, a, b, _ in examples]
    best = (0.0, 0.0, 0.0)
    steps = [x / 10 for x in range(-20, 21)]
    for neg in steps:
        for pos in steps:
            shifted = [LABELS[max(range(3), key=lambda i: row[i] + (neg, 0.0, pos)[i])] for row in logs]
            macro = sum(f1_scores(gold, shifted).values()) / 3
            if macro > best[0]:
                best = (macro, neg, pos)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--splits", nargs="+", default=["rw", "mt"], help="dev splits to score (rw, mt)")
    parser.add_argument("--speed", action="store_true", help="also time the calls (CPU time, one process)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the targets when timing")
    parser.add_argument("--bias-ceiling", action="store_true",
                        help="diagnostic: the best macro-F1 a class-bias shift chosen on the dev split itself could "
                             "reach (reads the gold labels; never used to choose the model)")
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
        if args.bias_ceiling:
            macro, neg, pos = bias_ceiling(gold, examples)
            print(f"  bias ceiling (diagnostic, fitted on this split's gold): macro-F1 {macro:.3f} with log-odds "
                  f"shifts negative {neg:+.1f}, positive {pos:+.1f}")

    if args.speed:
        speed(everything, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())

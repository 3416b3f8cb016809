"""Plain VADER against news-aware VADER (``analysis.vader``) on VADER's own NYT editorial ground truth.

Data: ``nytEditorialSnippets_GroundTruth.txt`` from Hutto & Gilbert (ICWSM 2014): 5,190 sentences of New York
Times editorials, each with the mean rating of 20 people on -4..+4. Read from
``../shared/datasets/vader-groundtruth/`` relative to the repository root, or from the folder named by
``VADER_GROUNDTRUTH_DIR``; never copied into the project. The paper reports r = 0.492 for VADER.

Printed, side by side for plain and patched VADER in one run:

* Pearson r of the compound score with the human mean (all sentences, and the sentences where the patch fired),
  with a paired bootstrap 95% interval of the difference (1,000 resamples of sentences, seed 0);
* three-class macro-F1: human class positive when the mean rating is >= +0.5, negative when <= -0.5, neutral
  between (ratings are on -4..+4); VADER class by its conventional cut-offs (compound >= 0.05 / <= -0.05);
* speed in sentences per second of CPU time (``time.process_time``, one process).

Usage::

    .venv/bin/python benchmarks/bench_vader.py [--limit N] [--top K]

``--top K`` also lists the K patch entries that fired most often, with the change in r when the sentences it
fired in are scored by plain VADER again (a reading aid; the entries were not chosen by this figure). Exits 0 with a message when the data is
absent.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "datasets" / "vader-groundtruth"
FILE = "nytEditorialSnippets_GroundTruth.txt"
HUMAN_CUT = 0.5
VADER_CUT = 0.05


def load(folder: Path, limit: int | None) -> tuple[list[str], np.ndarray]:
    """Sentences and human mean ratings from the ground-truth TSV (id, mean, text)."""
    texts, ratings = [], []
    with open(folder / FILE, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 3:
                continue
            try:
                ratings.append(float(parts[1]))
            except ValueError:
                continue
            texts.append(parts[2])
            if limit and len(texts) >= limit:
                break
    return texts, np.array(ratings)


def classes(values: np.ndarray, cut: float) -> np.ndarray:
    """-1 / 0 / +1 by a symmetric cut-off."""
    return np.where(values >= cut, 1, np.where(values <= -cut, -1, 0))


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Macro-averaged F1 over the three classes."""
    scores = []
    for c in (-1, 0, 1):
        tp = np.sum((pred == c) & (gold == c))
        p = tp / max(1, np.sum(pred == c))
        r = tp / max(1, np.sum(gold == c))
        scores.append(0.0 if p + r == 0 else 2 * p * r / (p + r))
    return float(np.mean(scores))


def timed(func, texts: list[str]) -> tuple[np.ndarray, float]:
    """Compound scores and sentences per CPU second."""
    start = time.process_time()
    values = np.array([func(t)["compound"] for t in texts])
    return values, len(texts) / max(1e-9, time.process_time() - start)


def paired_bootstrap(a: np.ndarray, b: np.ndarray, y: np.ndarray, n: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95% interval of r(b, y) - r(a, y) over resampled sentences."""
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(n):
        idx = rng.integers(0, len(y), len(y))
        diffs.append(np.corrcoef(b[idx], y[idx])[0, 1] - np.corrcoef(a[idx], y[idx])[0, 1])
    low, high = np.percentile(diffs, [2.5, 97.5])
    return float(low), float(high)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--top", type=int, default=0, help="list the K most frequent patch entries")
    args = parser.parse_args(argv)

    folder = Path(os.environ.get("VADER_GROUNDTRUTH_DIR", DEFAULT_DIR))
    if not (folder / FILE).is_file():
        print(f"VADER ground truth not found at {folder / FILE}; set VADER_GROUNDTRUTH_DIR to the folder that "
              "holds it. Nothing to measure.")
        return 0

    sys.path.insert(0, str(ROOT))
    from analysis.vader import patch_hits, plain_polarity_scores, polarity_scores

    texts, human = load(folder, args.limit)
    polarity_scores("warm-up")  # build the analyzer outside the timing
    plain_polarity_scores("warm-up")
    plain, plain_rate = timed(plain_polarity_scores, texts)
    patched, patched_rate = timed(polarity_scores, texts)

    fired: dict[str, list[int]] = collections.defaultdict(list)
    for i, text in enumerate(texts):
        for hit in patch_hits(text):
            fired[hit.entry].append(i)
    touched = sorted({i for idx in fired.values() for i in idx})

    gold = classes(human, HUMAN_CUT)
    r_plain, r_patched = np.corrcoef(plain, human)[0, 1], np.corrcoef(patched, human)[0, 1]
    low, high = paired_bootstrap(plain, patched, human)
    print(f"VADER ground truth, NYT editorial sentences: {len(texts)} sentences ({folder / FILE})")
    print(f"{'':38s}{'plain VADER':>14s}{'patched':>12s}")
    print(f"{'Pearson r with the human mean':38s}{r_plain:14.3f}{r_patched:12.3f}")
    print(f"{'  difference, 95% paired bootstrap':38s}{'':14s}{r_patched - r_plain:+12.3f}  [{low:+.3f}, {high:+.3f}]")
    if touched:
        t = np.array(touched)
        print(f"{f'Pearson r, {len(t)} sentences patched':38s}{np.corrcoef(plain[t], human[t])[0, 1]:14.3f}"
              f"{np.corrcoef(patched[t], human[t])[0, 1]:12.3f}")
    print(f"{'3-class macro-F1 (human +-0.5)':38s}{macro_f1(gold, classes(plain, VADER_CUT)):14.3f}"
          f"{macro_f1(gold, classes(patched, VADER_CUT)):12.3f}")
    print(f"{'speed, sentences / CPU second':38s}{plain_rate:14.0f}{patched_rate:12.0f}")
    print("Reference: r = 0.492 for VADER in the paper (Hutto & Gilbert 2014); the patch aims at r > 0.55.")

    if args.top:
        print("\nMost frequent patch entries (n sentences; r change when its sentences revert to plain):")
        for entry, idx in sorted(fired.items(), key=lambda kv: -len(kv[1]))[: args.top]:
            idx = sorted(set(idx))
            reverted = patched.copy()
            reverted[idx] = plain[idx]
            delta = r_patched - np.corrcoef(reverted, human)[0, 1]
            print(f"  {len(idx):5d}  {delta:+.4f}  {entry[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

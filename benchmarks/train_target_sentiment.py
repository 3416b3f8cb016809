"""Train the target-level sentiment model shipped as ``analysis/data/target_sentiment.npz``.

Data: NewsMTSC train (Hamborg & Donnay, EACL 2021; MIT licence), ``train.jsonl`` read from
``../shared/datasets/newsmtsc/`` relative to the repository root, or from the folder named by ``NEWSMTSC_DIR``;
never copied into the project. Each target (``from``/``to`` offsets into ``sentence_normalized``) is one example;
polarity 2.0 is negative (-1), 4.0 neutral (0), 6.0 positive (+1). The dev splits are NOT used here (the
benchmark ``bench_target_sentiment.py`` reports on them).

Model: features from :func:`analysis.targeted.target_features` (kept when seen in at least ``--min-count``
training examples), a multinomial logistic regression (scikit-learn, L2, ``C``, balanced class weights for the
uneven classes, lbfgs). The result is deterministic: same data, same versions, same file. The weights are written
as float16 in a compressed ``.npz`` with the feature names, so the package needs only numpy at run time; features
whose three weights all round to less than ``--prune`` are dropped to keep the file small.

Usage::

    .venv/bin/python benchmarks/train_target_sentiment.py [--C 0.02] [--min-count 2] [--prune 0.002] [--out PATH]

scikit-learn is a development dependency (``pip install -e .[dev]``). Exits 0 with a message when the data is
absent.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "datasets" / "newsmtsc"
DEFAULT_OUT = ROOT / "analysis" / "data" / "target_sentiment.npz"
POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}
LABELS = (-1, 0, 1)


def data_dir() -> Path:
    """The NewsMTSC folder: ``$NEWSMTSC_DIR`` or ``../shared/datasets/newsmtsc`` beside the repository."""
    return Path(os.environ.get("NEWSMTSC_DIR", DEFAULT_DIR))


def load_targets(path: Path) -> list[tuple[str, int, int, int]]:
    """(sentence, start, end, polarity in -1/0/+1) for every target of a NewsMTSC JSONL file."""
    examples = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            sentence = record["sentence_normalized"]
            for target in record["targets"]:
                examples.append(
                    (sentence, int(target["from"]), int(target["to"]), POLARITY[target["polarity"]])
                )
    return examples


def train(examples: list[tuple[str, int, int, int]], *, c: float, min_count: int):
    """Fit the logistic regression; returns (feature names, coef (n, 3), intercept (3,))."""
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    from analysis.targeted import target_features

    rows = [target_features(s, a, b) for s, a, b, _ in examples]
    counts = collections.Counter(name for row in rows for name in row)
    names = sorted(name for name, n in counts.items() if n >= min_count)
    index = {name: i for i, name in enumerate(names)}
    r, k, v = [], [], []
    for i, row in enumerate(rows):
        for name, value in row.items():
            j = index.get(name)
            if j is not None:
                r.append(i)
                k.append(j)
                v.append(value)
    x = sp.csr_matrix((v, (r, k)), shape=(len(rows), len(names)), dtype=np.float64)
    y = np.array([label for *_, label in examples])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, tol=1e-6)
    model.fit(x, y)
    order = [list(model.classes_).index(label) for label in LABELS]
    return names, model.coef_[order].T, model.intercept_[order]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--C", type=float, default=0.02, help="inverse L2 strength (default 0.02)")
    parser.add_argument("--min-count", type=int, default=2, help="keep features seen in >= N examples")
    parser.add_argument("--prune", type=float, default=0.002, help="drop features whose |weights| all < this")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    path = data_dir() / "train.jsonl"
    if not path.exists():
        print(f"NewsMTSC train not found at {path}; set NEWSMTSC_DIR to its folder. Nothing trained.")
        return 0
    sys.path.insert(0, str(ROOT))
    examples = load_targets(path)
    print(f"{len(examples)} training targets: {dict(collections.Counter(e[3] for e in examples))}")
    began = time.perf_counter()
    names, coef, intercept = train(examples, c=args.C, min_count=args.min_count)
    keep = np.abs(coef).max(axis=1) >= args.prune
    names = [n for n, k in zip(names, keep) if k]
    coef = coef[keep]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        features=np.array(names, dtype=str),
        coef=coef.astype(np.float16),
        intercept=intercept.astype(np.float32),
        labels=np.array(LABELS, dtype=np.int8),
        meta=np.array(
            json.dumps(
                {
                    "C": args.C,
                    "min_count": args.min_count,
                    "prune": args.prune,
                    "training_targets": len(examples),
                    "data": "NewsMTSC train.jsonl",
                }
            )
        ),
    )
    size = args.out.stat().st_size
    print(
        f"{len(names)} features kept, trained in {time.perf_counter() - began:.0f}s; "
        f"wrote {args.out} ({size / 1e6:.2f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

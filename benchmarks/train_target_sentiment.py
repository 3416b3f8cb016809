"""Train the target-level sentiment model shipped as ``analysis/data/target_sentiment.npz``.

Data: NewsMTSC train (Hamborg & Donnay, EACL 2021; MIT licence), ``train.jsonl`` read from
``../shared/datasets/newsmtsc/`` relative to the repository root, or from the folder named by ``NEWSMTSC_DIR``;
never copied into the project. Each target (``from``/``to`` offsets into ``sentence_normalized``) is one example;
polarity 2.0 is negative (-1), 4.0 neutral (0), 6.0 positive (+1). The dev splits are NOT used here (the
benchmark ``bench_target_sentiment.py`` reports on them).

Model: features from :func:`analysis.targeted.target_features` (kept when seen in at least ``--min-count``
training examples) feed two linear models whose log-probabilities the package adds:

* a multinomial logistic regression on the feature values (scikit-learn, L2, ``--C``, balanced class weights for
  the uneven classes, newton-cg);
* an NB-SVM (Wang & Manning, ACL 2012): for each class, a binary logistic regression (L2, ``--nb-C``, balanced,
  liblinear) on the features' presence scaled by their naive-Bayes log-count ratio for that class (smoothing
  ``--nb-alpha``); the ratios are folded into the stored weights, and the three one-vs-rest scores go through a
  softmax.

Targets of sentences whose targets differ in polarity ("A slammed B": A neutral, B negative) weigh
``--contrast-weight`` times as much as the others in both models (sample weights): there the sentence's overall
tone cannot decide, so they teach the target-specific cues.

``--cv K`` first reports K-fold cross-validation on train, grouped by story (the third field of ``primary_gid``,
so that sentences of one story never sit on both sides of a split): macro-F1 of each model and of the ensemble,
overall, on sentences with several targets, and on sentences whose targets differ in polarity. Model choices were
made on these figures, not on dev.

The result is deterministic: same data, same versions, same file. Weights are written as float16 in a compressed
``.npz`` with the feature names, so the package needs only numpy at run time; features whose six weights all
round to less than ``--prune`` are dropped to keep the file small.

Usage::

    .venv/bin/python benchmarks/train_target_sentiment.py [--cv 5] [--C 0.02] [--nb-C 0.1] [--nb-alpha 1]
        [--contrast-weight 3] [--min-count 2] [--prune 0.002] [--out PATH]

scikit-learn is needed for training only: ``pip install -e .[train]`` (it is not in the default set-up, because with
SciPy installed ``import nltk`` doubles every command's start-up time). Exits 0 with a message when the data is
absent, 1 with a message when scikit-learn is missing.
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


def load_targets(path: Path) -> tuple[list[tuple[str, int, int, int]], list[str]]:
    """(sentence, start, end, polarity in -1/0/+1) for every target of a NewsMTSC JSONL file, and its story id."""
    examples, stories = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            sentence = record["sentence_normalized"]
            story = record["primary_gid"].split("_")[2]
            for target in record["targets"]:
                examples.append(
                    (sentence, int(target["from"]), int(target["to"]), POLARITY[target["polarity"]])
                )
                stories.append(story)
    return examples, stories


def vocabulary(rows: list[dict[str, float]], min_count: int) -> list[str]:
    """Feature names seen in at least ``min_count`` rows, sorted."""
    counts = collections.Counter(name for row in rows for name in row)
    return sorted(name for name, n in counts.items() if n >= min_count)


def matrix(rows: list[dict[str, float]], names: list[str]):
    """Sparse CSR matrix of the rows over ``names`` (unknown features dropped)."""
    import scipy.sparse as sp

    index = {name: i for i, name in enumerate(names)}
    r, k, v = [], [], []
    for i, row in enumerate(rows):
        for name, value in row.items():
            j = index.get(name)
            if j is not None:
                r.append(i)
                k.append(j)
                v.append(value)
    return sp.csr_matrix((v, (r, k)), shape=(len(rows), len(names)), dtype=np.float64)


def contrast_weights(examples: list[tuple[str, int, int, int]], weight: float) -> np.ndarray:
    """Sample weights: ``weight`` for targets of sentences whose targets differ in polarity, 1 for the rest.

    In such sentences ("A slammed B") the sentence's overall tone cannot decide; they teach the model the
    target-specific cues (roles, which name a sentiment word reaches), and they are what NewsMTSC's ``mt`` split
    is made of.
    """
    polarities: dict[str, set[int]] = collections.defaultdict(set)
    for sentence, _, _, label in examples:
        polarities[sentence].add(label)
    return np.array([weight if len(polarities[e[0]]) > 1 else 1.0 for e in examples])


def fit_lr(x, y: np.ndarray, c: float, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression: coef (n_features, 3), intercept (3,) in the order of LABELS."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, class_weight="balanced", solver="newton-cg", max_iter=1000, tol=1e-4)
    model.fit(x, y, sample_weight=weights)
    order = [list(model.classes_).index(label) for label in LABELS]
    return model.coef_[order].T, model.intercept_[order]


def fit_nbsvm(
    x, y: np.ndarray, c: float, alpha: float, weights: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """NB-SVM, one-vs-rest over binary features: coef (n_features, 3) with the log-count ratios folded in."""
    from sklearn.linear_model import LogisticRegression

    binary = (x > 0).astype(np.float64)
    coefs, intercepts = [], []
    for label in LABELS:
        positive = alpha + np.asarray(binary[y == label].sum(axis=0)).ravel()
        negative = alpha + np.asarray(binary[y != label].sum(axis=0)).ravel()
        ratio = np.log((positive / positive.sum()) / (negative / negative.sum()))
        model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=1000)
        model.fit(binary.multiply(ratio).tocsr(), (y == label).astype(int), sample_weight=weights)
        coefs.append(model.coef_[0] * ratio)
        intercepts.append(model.intercept_[0])
    return np.array(coefs).T, np.array(intercepts)


def _log_softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def predict(x, lr: tuple, nb: tuple) -> dict[str, np.ndarray]:
    """Labels of the rows of ``x`` by the LR, the NB-SVM and their ensemble (as the package computes it)."""
    labels = np.array(LABELS)
    lr_scores = _log_softmax(x @ lr[0] + lr[1])
    nb_scores = _log_softmax((x > 0).astype(np.float64) @ nb[0] + nb[1])
    return {
        "logistic regression": labels[lr_scores.argmax(axis=1)],
        "NB-SVM": labels[nb_scores.argmax(axis=1)],
        "ensemble": labels[(lr_scores + nb_scores).argmax(axis=1)],
    }


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    scores = []
    for label in LABELS:
        tp = int(np.sum((gold == label) & (predicted == label)))
        fp = int(np.sum((gold != label) & (predicted == label)))
        fn = int(np.sum((gold == label) & (predicted != label)))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def cross_validate(rows, y, stories, examples, args, weights: np.ndarray) -> None:
    """Grouped K-fold CV on train; prints macro-F1 per model, overall, on multi-target sentences and on
    sentences whose targets differ in polarity (what NewsMTSC's ``mt`` split is made of)."""
    from sklearn.model_selection import GroupKFold

    predicted: dict[str, np.ndarray] = {}
    for train_idx, test_idx in GroupKFold(args.cv).split(rows, y, stories):
        names = vocabulary([rows[i] for i in train_idx], args.min_count)
        x_train = matrix([rows[i] for i in train_idx], names)
        x_test = matrix([rows[i] for i in test_idx], names)
        lr = fit_lr(x_train, y[train_idx], args.C, weights[train_idx])
        nb = fit_nbsvm(x_train, y[train_idx], args.nb_C, args.nb_alpha, weights[train_idx])
        for model, labels in predict(x_test, lr, nb).items():
            predicted.setdefault(model, np.zeros(len(y), dtype=int))[test_idx] = labels
    per_sentence = collections.Counter(e[0] for e in examples)
    multi = np.array([per_sentence[e[0]] > 1 for e in examples])
    differ = contrast_weights(examples, 2.0) > 1
    print(
        f"{args.cv}-fold CV on train, grouped by story ({multi.sum()} targets in multi-target sentences, "
        f"{differ.sum()} in sentences whose targets differ in polarity):"
    )
    for model, labels in predicted.items():
        print(
            f"  {model:<20} macro-F1 {macro_f1(y, labels):.3f}   "
            f"multi-target sentences {macro_f1(y[multi], labels[multi]):.3f}   "
            f"targets differ {macro_f1(y[differ], labels[differ]):.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", type=int, default=0, help="first report K-fold grouped CV on train (0: skip)")
    parser.add_argument("--C", type=float, default=0.02, help="LR inverse L2 strength (default 0.02)")
    parser.add_argument("--nb-C", type=float, default=0.1, help="NB-SVM inverse L2 strength (default 0.1)")
    parser.add_argument("--nb-alpha", type=float, default=1.0, help="NB-SVM count smoothing (default 1)")
    parser.add_argument(
        "--contrast-weight",
        type=float,
        default=3.0,
        help="sample weight of targets in sentences whose targets differ in polarity (default 3)",
    )
    parser.add_argument("--min-count", type=int, default=2, help="keep features seen in >= N examples")
    parser.add_argument("--prune", type=float, default=0.002, help="drop features whose |weights| all < this")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    path = data_dir() / "train.jsonl"
    if not path.exists():
        print(f"NewsMTSC train not found at {path}; set NEWSMTSC_DIR to its folder. Nothing trained.")
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("scikit-learn is needed to train: .venv/bin/pip install -e '.[train]'", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from analysis.targeted import target_features

    examples, stories = load_targets(path)
    print(f"{len(examples)} training targets: {dict(collections.Counter(e[3] for e in examples))}")
    began = time.perf_counter()
    rows = [target_features(s, a, b) for s, a, b, _ in examples]
    y = np.array([e[3] for e in examples])
    weights = contrast_weights(examples, args.contrast_weight)
    if args.cv:
        cross_validate(rows, y, stories, examples, args, weights)
    names = vocabulary(rows, args.min_count)
    x = matrix(rows, names)
    coef, intercept = fit_lr(x, y, args.C, weights)
    nb_coef, nb_intercept = fit_nbsvm(x, y, args.nb_C, args.nb_alpha, weights)
    keep = np.maximum(np.abs(coef).max(axis=1), np.abs(nb_coef).max(axis=1)) >= args.prune
    names = [n for n, k in zip(names, keep) if k]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        features=np.array(names, dtype=str),
        coef=coef[keep].astype(np.float16),
        intercept=intercept.astype(np.float32),
        nb_coef=nb_coef[keep].astype(np.float16),
        nb_intercept=nb_intercept.astype(np.float32),
        labels=np.array(LABELS, dtype=np.int8),
        meta=np.array(
            json.dumps(
                {
                    "C": args.C,
                    "nb_C": args.nb_C,
                    "nb_alpha": args.nb_alpha,
                    "min_count": args.min_count,
                    "contrast_weight": args.contrast_weight,
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

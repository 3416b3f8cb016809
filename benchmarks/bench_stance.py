"""Speed of ``analysis.stance.stance`` (with target-level sentiment) on real news articles, on one core.

Data (never copied into the project): the PolNeAR article texts, ``../shared/datasets/polnear/data/{dev,train}/
text/*.txt`` relative to the repository root, or the folder named by the ``POLNEAR_DIR`` environment variable
(the folder that holds ``data/``). The texts are loaded as articles with :func:`analysis.load_article`; they
have no actors file, so actors are the persons found by rule and camps stay unknown -- the "any article" case.

What is timed: everything :func:`analysis.stance.stance` does for a freshly loaded article -- sentence splitting,
actor mentions, quotation extraction, the cue, framing and target-sentiment signals. Loading the files is not
timed. A second figure times the stance stage alone, with the quotations extracted and the sentences parsed
beforehand (as the notebooks do: they compute quotations once and pass them on). The run is single-process
(one core). The target set by the issue is >= 100 articles a second.

Usage::

    .venv/bin/python benchmarks/bench_stance.py [--split dev|train|all] [--limit N] [--repeat K]

Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

from analysis import load_article
from analysis.articles import Article

_REPO = Path(__file__).resolve().parent.parent
_DEFAULT_DIR = _REPO.parent / "shared" / "datasets" / "polnear"
_TARGET_RATE = 100.0


def _data_dir() -> Path:
    return Path(os.environ.get("POLNEAR_DIR", _DEFAULT_DIR))


def _load(split: str, limit: int | None) -> list[Article]:
    splits = ["dev", "train"] if split == "all" else [split]
    paths: list[Path] = []
    for name in splits:
        paths += sorted((_data_dir() / "data" / name / "text").glob("*.txt"))
    if limit:
        paths = paths[:limit]
    articles = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in paths:
            articles.append(load_article(path, catalog={}))
    return articles


def _cold() -> None:
    """Empty the per-sentence caches (target sentiment's tokens and VADER scores): a pass must not profit from
    the sentences of an earlier pass, which a real corpus does not repeat. Word-level caches (stems, name keys)
    stay warm, as they are in any run longer than a few articles."""
    from analysis import targeted, vader

    for cached in (targeted._sentence, vader._scores):
        cached.cache_clear()


def _fresh(article: Article) -> Article:
    """A copy that misses every per-article cache (parse, persons), so each run does all the work."""
    return Article(id=article.id, path=article.path, text=article.text + " ", title=article.title,
                   published=article.published, metadata=article.metadata, body_start=article.body_start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (the median is reported)")
    args = parser.parse_args(argv)

    if not (_data_dir() / "data").is_dir():
        print(f"PolNeAR data not found at {_data_dir()} (set POLNEAR_DIR); nothing to benchmark.")
        return 0
    articles = _load(args.split, args.limit)
    if not articles:
        print(f"no article texts under {_data_dir() / 'data'}; nothing to benchmark.")
        return 0

    from analysis.quotes import extract_quotes
    from analysis.stance import stance

    stance(articles[0])  # load lexicons and models once, outside the timing
    gc.freeze()  # as `python -m analysis` does after its imports (see analysis.cli.main)
    clock = time.process_time  # CPU time of this process: the machine is shared, wall time measures neighbours
    rates, signals, rows, chars = [], Counter(), 0, sum(len(a.text) for a in articles)
    for k in range(args.repeat):
        batch = [_fresh(a) for a in articles]
        _cold()
        t0 = clock()
        for article in batch:
            df = stance(article)
            if k == 0:
                rows += len(df)
                signals.update(df["signal"])
        rates.append(len(batch) / (clock() - t0))

    # The stance stage alone, article by article as the reports and the corpus run it: the article's quotations
    # are extracted first (which parses its sentences), then stance is timed on it.
    stage_rates = []
    for _ in range(args.repeat):
        spent = 0.0
        _cold()
        for article in (_fresh(a) for a in articles):
            q = extract_quotes(article)
            t0 = clock()
            stance(article, quotes=q)
            spent += clock() - t0
        stage_rates.append(len(articles) / spent)

    # The stance logic alone: also the actor mentions cached (a second call on the same article and actors).
    logic_rates = []
    for _ in range(args.repeat):
        spent = 0.0
        for article in (_fresh(a) for a in articles):
            q = extract_quotes(article)
            stance(article, quotes=q)
            t0 = clock()
            stance(article, quotes=q)
            spent += clock() - t0
        logic_rates.append(len(articles) / spent)

    rate, stage = statistics.median(rates), statistics.median(stage_rates)
    logic = statistics.median(logic_rates)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {chars / len(articles):,.0f} characters on average")
    print(f"end to end (parse, mentions, quotations, stance with target sentiment): {rate:,.1f} articles/s "
          f"of CPU time, one core (median of {args.repeat}; runs {', '.join(f'{r:.1f}' for r in rates)})")
    print(f"stance stage with target sentiment (quotations and parse given): {stage:,.1f} articles/s "
          f"(runs {', '.join(f'{r:.1f}' for r in stage_rates)}); target >= {_TARGET_RATE:.0f}: "
          f"{'met' if stage >= _TARGET_RATE else 'NOT met'}")
    print(f"stance logic alone (actor mentions cached too): {logic:,.1f} articles/s "
          f"(runs {', '.join(f'{r:.1f}' for r in logic_rates)})")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} (CPU time of this process is reported; other "
          "processes share the cores and still slow it somewhat)")
    print(f"judgements: {rows} ({rows / len(articles):.1f} an article); by signal: "
          + ", ".join(f"{s} {n}" for s, n in signals.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

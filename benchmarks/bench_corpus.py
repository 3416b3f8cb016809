"""Corpus scale: throughput of the whole analysis against VADER alone, processes, Dask, memory and time growth.

Data (never copied into the project): the PolNeAR article texts, ``../shared/datasets/polnear/data/{train,dev}/
text/*.txt`` relative to the repository root, or the folder named by the ``POLNEAR_DIR`` environment variable
(the folder that holds ``data/``). Outlet, date and title come from PolNeAR's ``metadata.tsv``, written at run time
into a temporary catalog (so the timeline is anchored, as it would be for a real corpus).

What is measured (all runs go through :func:`analysis.corpus.run_corpus`, reading the files and writing the
Parquet tables; the progress bar is off; a warm-up run of 5 articles first builds every lexicon, and the worker
processes of ``jobs=2`` are forked from that warm process):

1. **Throughput, one process**: the whole analysis (quotes with speakers, timeline, stance, sentiment) on the 840
   train articles, against plain VADER (``vaderSentiment``) over the same body sentences in the same run, both
   in CPU seconds of this process (``time.process_time``: the machine is shared). Target: whole analysis <= 3 x
   VADER alone. A breakdown times each stage on fresh copies of the articles (sentence
   splitting first, then each analysis as the corpus run chains them), and ``--profile`` prints the hottest
   functions (cProfile) of the whole analysis.
2. **Two processes** (``jobs=2``) against one on the same articles, in wall time (the workers' CPU is not this
   process's), with the load average printed: target >= 1.6 x; the tables must be identical.
3. **Dask local cluster** (2 workers, 1 thread each): tables identical to the one-process run.
4. **Scale**: 1,000, 5,000 and 10,000 articles built from the train and dev texts repeated under new ids, streamed
   from a temporary JSONL file, each size in a fresh child process (one process, ``jobs=1``): peak RSS (target
   < 500 MB) and CPU seconds per 1,000 articles (linear growth means a flat figure). ``--replay K`` runs the
   same sizes with the analyses replayed over K distinct texts (each analysed once for real): the corpus
   machinery at full size in minutes, where memory could grow with the corpus.

Usage::

    .venv/bin/python benchmarks/bench_corpus.py            # everything (about an hour on a shared 2-core box)
    .venv/bin/python benchmarks/bench_corpus.py --quick    # 200 articles; scale 250 / 500 / 1,000 (minutes)
    .venv/bin/python benchmarks/bench_corpus.py --only throughput --profile
    .venv/bin/python benchmarks/bench_corpus.py --only scale --replay 100 --sizes 1000 5000 10000

Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import gc
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
_DEFAULT_DIR = _REPO.parent / "shared" / "datasets" / "polnear"
_TABLES = ("quotes", "timeline", "stance", "sentiment", "articles", "errors")


def _data_dir() -> Path:
    return Path(os.environ.get("POLNEAR_DIR", _DEFAULT_DIR))


def _files(split: str) -> list[Path]:
    return sorted((_data_dir() / "data" / split / "text").glob("*.txt"))


def _metadata() -> dict[str, dict[str, str]]:
    path = _data_dir() / "data" / "metadata.tsv"
    if not path.is_file():
        return {}
    meta = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            entry = {"outlet": row.get("publisher", ""), "published": row.get("publication_date", ""),
                     "title": row.get("title", "")}
            meta[f"{row['filename']}.txt"] = {k: v for k, v in entry.items() if v and v != "None"}
    return meta


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _write_catalog(folder: Path, meta: dict[str, dict[str, str]]) -> Path:
    path = folder / "catalog.toml"
    with open(path, "w", encoding="utf-8") as fh:
        for name, entry in meta.items():
            fh.write(f"[{_toml_string(name)}]\n")
            fh.writelines(f"{key} = {_toml_string(value)}\n" for key, value in entry.items())
    return path


def _tables(out: Path) -> dict[str, object]:
    from analysis.corpus import read_table

    return {name: read_table(out, name) for name in _TABLES}


def _same(a: dict[str, object], b: dict[str, object]) -> bool:
    return all(a[name].equals(b[name]) for name in _TABLES)  # type: ignore[attr-defined]


def _load_average() -> str:
    return "load average {:.1f} {:.1f} {:.1f} (1, 5, 15 min)".format(*os.getloadavg())


def _run(files: list[Path], out: Path, catalog: Path, **options: object) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds of one corpus run (worker processes' CPU is not counted)."""
    from analysis.corpus import run_corpus

    shutil.rmtree(out, ignore_errors=True)
    t0, c0 = time.perf_counter(), time.process_time()
    summary = run_corpus([str(f) for f in files], out=out, catalog=catalog, progress=False, **options)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"    {summary}")
    print(f"    wall {wall:.1f} s, CPU of this process {cpu:.1f} s; {_load_average()}")
    return wall, cpu


# --------------------------------------------------------------------------------------------- throughput


def _load(files: list[Path], catalog: Path) -> list:
    from analysis import load_article
    from analysis.articles import load_catalog

    cat = load_catalog(catalog)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [load_article(f, catalog=cat) for f in files]


def _vader_seconds(articles: list) -> tuple[float, int]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.text import parse

    sentences = [s.text for a in articles for s in parse(a).sentences]
    analyzer = SentimentIntensityAnalyzer()
    t0 = time.process_time()
    for s in sentences:
        analyzer.polarity_scores(s)
    return time.process_time() - t0, len(sentences)


def _stage_seconds(articles: list) -> dict[str, float]:
    """Each stage on fresh copies (new ids miss every per-article cache), chained as the corpus run chains them."""
    from analysis.actors import Actors
    from analysis.corpus import _PlainTable, _run_stage
    from analysis.text import parse

    fresh = [replace(a, id=f"{a.id}#stages") for a in articles]
    actors = Actors()
    seconds = dict.fromkeys(("sentences", "quotes", "timeline", "stance", "sentiment"), 0.0)
    for article in fresh:
        t0 = time.process_time()
        parse(article)
        seconds["sentences"] += time.process_time() - t0
        quotes = None
        for name in ("quotes", "timeline", "stance", "sentiment"):
            t0 = time.process_time()
            try:
                frame = _run_stage(name, article, actors, quotes, plain=True)  # as the corpus run asks
            except Exception:  # noqa: BLE001 - the corpus run reports these; here only time counts
                frame = None
            seconds[name] += time.process_time() - t0
            if name == "quotes":
                quotes = frame.frame if isinstance(frame, _PlainTable) else frame  # the quotations' DataFrame
    return seconds


def _profile(articles: list, top: int = 25) -> None:
    from analysis.corpus import _analyse_one

    fresh = [replace(a, id=f"{a.id}#profile") for a in articles]
    profiler = cProfile.Profile()
    profiler.enable()
    for article in fresh:
        _analyse_one(article, actors=None, timeout=None, plain=True)  # as a corpus batch analyses an article
    profiler.disable()
    print(f"\n  cProfile of the whole analysis on {len(fresh)} articles, top {top} by own time:")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("tottime").print_stats(top)


def _warm_up(files: list[Path], catalog: Path, work: Path) -> None:
    """Import every analysis and build its lexicons once, so no timed run pays for start-up."""
    from analysis.corpus import run_corpus

    run_corpus([str(f) for f in files[:5]], out=work / "warm-up", catalog=catalog, progress=False)
    gc.freeze()  # as `python -m analysis corpus` does after its imports (see analysis.cli.main)


def throughput(files: list[Path], catalog: Path, work: Path, *, profile: bool) -> tuple[float, dict]:
    """CPU seconds (``time.process_time``: the machine is shared, so wall time would measure the neighbours)."""
    print(f"\n1. Throughput, one process, {len(files)} PolNeAR train articles (CPU time of this process)")
    _warm_up(files, catalog, work)
    wall, seconds = _run(files, work / "one", catalog)
    articles = _load(files, catalog)
    vader, n_sentences = _vader_seconds(articles)
    rate = len(files) / seconds
    ratio = seconds / vader
    print(f"  whole analysis (load, 4 analyses, Parquet): {seconds:7.1f} CPU s  {rate:6.1f} articles / CPU s")
    print(f"  VADER alone over the same {n_sentences:,} sentences: {vader:7.2f} CPU s  "
          f"{len(files) / vader:6.1f} articles / CPU s")
    print(f"  whole / VADER = {ratio:.1f}x   (target <= 3x: {'met' if ratio <= 3 else 'NOT met'})")
    stages = _stage_seconds(articles)
    total = sum(stages.values())
    print("  breakdown (fresh copies, one process, CPU s):")
    for name, s in stages.items():
        print(f"    {name:10s} {s:7.1f} s  {100 * s / total:5.1f}%  {s / vader:5.1f}x VADER")
    if profile:
        _profile(articles[: min(len(articles), 150)])
    return wall, _tables(work / "one")


# ------------------------------------------------------------------------------------------- parallelism


def parallel(files: list[Path], catalog: Path, work: Path, one_seconds: float, one_tables: dict) -> None:
    print(f"\n2. Two processes against one ({len(files)} articles, wall time: worker CPU is not ours to count)")
    two, _ = _run(files, work / "two", catalog, jobs=2)
    speedup = one_seconds / two
    same = _same(one_tables, _tables(work / "two"))
    print(f"  one process {one_seconds:6.1f} s, two processes {two:6.1f} s: {speedup:.2f}x "
          f"(target >= 1.6x: {'met' if speedup >= 1.6 else 'NOT met'}); tables identical: {same}")


def dask_local(files: list[Path], catalog: Path, work: Path, one_tables: dict) -> None:
    print(f"\n3. Dask LocalCluster, 2 workers x 1 thread ({len(files)} articles)")
    seconds, _ = _run(files, work / "dask", catalog, dask="local", jobs=2)
    print(f"  {seconds:6.1f} s (cluster start included); tables identical to one process: "
          f"{_same(one_tables, _tables(work / 'dask'))}")


# ------------------------------------------------------------------------------------------------- scale


def _write_jsonl(path: Path, n: int, files: list[Path], meta: dict[str, dict[str, str]]) -> None:
    texts = [(f.read_text(encoding="utf-8"), meta.get(f.name, {})) for f in files]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text, entry = texts[i % len(texts)]
            fh.write(json.dumps({"id": f"a{i:06d}", "text": text, **entry}, ensure_ascii=False) + "\n")


def _replay_analyses() -> None:
    """Replace the analyses by a replay of their results, keyed by the article's text (the corpus machinery runs
    unchanged: conform, batch Parquet files, cache index, assembly). Each distinct text is analysed once for
    real; the replayed frames are copies, so nothing is shared between articles."""
    import hashlib

    from analysis import corpus

    real = corpus._analyse_one  # what each batch calls for each article
    seen: dict[bytes, tuple] = {}

    def replay(article, *, actors=None, timeout=None, plain=True):
        key = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).digest()
        if key not in seen:
            seen[key] = real(article, actors=actors, timeout=timeout, plain=plain)
        frames, errors, unavailable = seen[key]
        errors = [{**e, "article": article.id} for e in errors]
        return {name: frame.copy() for name, frame in frames.items()}, errors, list(unavailable)

    corpus._analyse_one = replay


def _scale_child(jsonl: str, out: str, mode: str = "real") -> None:
    from analysis.corpus import run_corpus

    if mode == "replay":
        _replay_analyses()
    t0, c0 = time.perf_counter(), time.process_time()
    summary = run_corpus([jsonl], out=out, progress=False)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"articles": summary.articles, "seconds": seconds, "cpu": cpu, "peak_mb": peak,
                      "failed": summary.failed, "rows": summary.rows}))


def scale(sizes: list[int], files: list[Path], meta: dict[str, dict[str, str]], work: Path, *,
          replay: int = 0) -> None:
    """Peak RSS and CPU per 1,000 articles at each size, each in a fresh child process.

    With ``replay`` > 0 the articles cycle through only that many distinct texts, each analysed once for real
    and its results replayed for every repeat: the corpus machinery (tables, Parquet, cache, assembly) runs at
    full size in minutes, which is where memory could grow with the corpus; the analyses' own memory is shown
    flat by the real runs. The replay store (``replay`` articles' frames) is counted in the peak.
    """
    if replay:
        files = files[:replay]
        print(f"\n4b. Scale with replayed analyses: {', '.join(f'{n:,}' for n in sizes)} articles over {replay} "
              "distinct texts (each analysed once, its results replayed), one process, streamed from JSONL")
    else:
        print(f"\n4. Scale: {', '.join(f'{n:,}' for n in sizes)} articles (train + dev texts repeated under new "
              "ids), one process, streamed from JSONL")
    print(f"  {'articles':>9s} {'wall s':>9s} {'CPU s':>9s} {'CPU s/1k':>9s} {'peak RSS':>9s}")
    for n in sizes:
        jsonl = work / f"scale-{n}.jsonl"
        _write_jsonl(jsonl, n, files, meta)
        out = work / f"scale-{n}"
        proc = subprocess.run([sys.executable, __file__, "--_scale-child", str(jsonl), str(out),
                               "replay" if replay else "real"],
                              capture_output=True, text=True, cwd=_REPO, check=False)
        jsonl.unlink()
        shutil.rmtree(out, ignore_errors=True)
        if proc.returncode != 0:
            print(f"  {n:9,d} failed: {proc.stderr.strip()[-800:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        flag = "" if r["peak_mb"] < 500 else "  (over the 500 MB target)"
        print(f"  {r['articles']:9,d} {r['seconds']:9.1f} {r['cpu']:9.1f} {1000 * r['cpu'] / n:9.1f} "
              f"{r['peak_mb']:7.0f} MB{flag}   {_load_average()}")


# -------------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 articles; scale 250, 500, 1,000")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N train articles")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="scale sizes (default 1000 5000 10000)")
    parser.add_argument("--replay", type=int, default=0, metavar="K",
                        help="scale with the analyses replayed over K distinct texts (the corpus machinery at "
                        "full size, in minutes)")
    parser.add_argument("--only", nargs="+", choices=["throughput", "parallel", "dask", "scale"], default=None,
                        help="run only these parts (parallel and dask need throughput's one-process run)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the whole analysis")
    parser.add_argument("--_scale-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._scale_child:
        _scale_child(*args._scale_child)
        return 0

    train = _files("train")
    if not train:
        print(f"PolNeAR not found at {_data_dir()} (set POLNEAR_DIR to the folder holding data/); nothing to do.")
        return 0
    limit = args.limit or (200 if args.quick else None)
    files = train[:limit] if limit else train
    sizes = args.sizes or ([250, 500, 1000] if args.quick else [1000, 5000, 10000])
    parts = set(args.only or ["throughput", "parallel", "dask", "scale"])
    if parts & {"parallel", "dask"}:
        parts.add("throughput")
    meta = _metadata()
    print(f"PolNeAR at {_data_dir()}; {os.cpu_count()} CPUs; Python {sys.version.split()[0]}; {_load_average()}")
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        work = Path(tmp)
        catalog = _write_catalog(work, meta)
        if "throughput" in parts:
            one_seconds, one_tables = throughput(files, catalog, work, profile=args.profile)
            if "parallel" in parts:
                parallel(files, catalog, work, one_seconds, one_tables)
            if "dask" in parts:
                dask_local(files, catalog, work, one_tables)
        if "scale" in parts:
            scale(sizes, train + _files("dev"), meta, work, replay=args.replay)
    return 0


if __name__ == "__main__":
    sys.exit(main())

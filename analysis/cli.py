"""Command-line interface: ``python -m analysis SUBCOMMAND ...``.

The CLI parses and reports; the library does the work. Every analysis subcommand reads article files and writes
one JSON object a line (``--format jsonl``, the default) or CSV. A bad article gets a one-line error on stderr
naming the file and the problem; the other articles go on, and the exit status is 1 when any article failed.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import json
import math
import sys
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .articles import Article, ArticleError, load_article, parse_date

_EPILOG = """examples:
  python -m analysis reports                       build every report of seeds/ into reports/
  python -m analysis quotes seeds/*.txt --format csv > quotes.csv
  python -m analysis timeline story.txt --published 2022-11-17
  python -m analysis sentiment seeds/ --by speaker
"""


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            return _clean(value.item())
        except (ValueError, AttributeError):
            return value
    return value


def write_table(df: pd.DataFrame, columns: list[str], fmt: str, out: Any) -> None:
    """Write the contract ``columns`` of ``df`` as JSON lines or CSV (missing columns are null)."""
    df = df.reindex(columns=columns)
    if fmt == "csv":
        df.to_csv(out, index=False)
        return
    for record in df.to_dict(orient="records"):
        out.write(json.dumps({k: _clean(v) for k, v in record.items()}, default=_json_default,
                             ensure_ascii=False) + "\n")


def _articles(paths: Iterable[str], args: argparse.Namespace) -> Iterable[Article]:
    from .reports import discover_articles

    files = discover_articles(list(paths), default_dir=Path("seeds"))
    if not files:
        print("error: no article files given or found", file=sys.stderr)
        args._failed = True
    for path in files:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                article = load_article(path, catalog=args.catalog,
                                       published=getattr(args, "published", None))
            for w in caught:
                print(f"warning: {w.message}", file=sys.stderr)
            yield article
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            args._failed = True


def _actors(args: argparse.Namespace, article: Article) -> Any:
    from .actors import default_actors_path, load_actors

    return load_actors(args.actors or default_actors_path(article.path))


QUOTE_COLUMNS = ["article", "kind", "text", "start", "end", "speaker", "speaker_type", "mention", "cue", "sentence"]
TIMELINE_COLUMNS = ["article", "text", "start", "end", "type", "value", "anchor", "event", "sentence"]
STANCE_COLUMNS = ["article", "source", "target", "polarity", "score", "cue", "evidence", "start", "end"]
SENTIMENT_COLUMNS = ["article", "speaker", "kind", "text", "start", "end", "compound", "pos", "neu", "neg"]
SPEAKER_COLUMNS = ["speaker", "camp", "n", "words", "mean_compound", "ci_low", "ci_high"]


def _quotes(article: Article, args: argparse.Namespace) -> pd.DataFrame:
    from .quotes import extract_quotes

    return extract_quotes(article, actors=_actors(args, article))


def _timeline(article: Article, args: argparse.Namespace) -> pd.DataFrame:
    from .timeline import timeline

    df = timeline(article, published=article.published, actors=_actors(args, article))
    if getattr(args, "all_columns", False):
        return df  # every row, the inherited ones marked in "inherited" (their "rule" starts with "inherited:")
    # One row per expression: rows that only pass a date on to a later sentence ("inherited") stay in the API.
    return df[~df["inherited"].astype(bool)] if "inherited" in df.columns else df


def _stance(article: Article, args: argparse.Namespace) -> pd.DataFrame:
    from .stance import stance

    return stance(article, actors=_actors(args, article))


def _sentiment(article: Article, args: argparse.Namespace) -> pd.DataFrame:
    from .sentiment import quotation_sentiment

    return quotation_sentiment(article, actors=_actors(args, article))


def _run_analysis(args: argparse.Namespace, func: Callable[[Article, argparse.Namespace], pd.DataFrame],
                  columns: list[str]) -> int:
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
    frames = []
    try:
        for article in _articles(args.paths, args):
            try:
                df = func(article, args)
            except Exception as exc:  # noqa: BLE001 - one failing article never stops the others
                print(f"error: {article.path}: analysis failed: {type(exc).__name__}: {exc}", file=sys.stderr)
                args._failed = True
                continue
            if getattr(args, "by", None):
                frames.append(df)
                continue
            if args.format == "csv":
                frames.append(df)
            else:
                write_table(df, list(df.columns) if args.all_columns else columns, "jsonl", out)
        if getattr(args, "by", None):
            from .sentiment import speaker_sentiment

            scores = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=SENTIMENT_COLUMNS)
            table = speaker_sentiment(scores, by=args.by)
            cols = {"speaker": SPEAKER_COLUMNS, "camp": ["camp", "speaker", *SPEAKER_COLUMNS[2:]],
                    "kind": ["kind", *SPEAKER_COLUMNS]}[args.by]
            write_table(table, list(table.columns) if args.all_columns else cols, args.format, out)
        elif args.format == "csv":
            table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
            write_table(table, list(table.columns) if args.all_columns and frames else columns, "csv", out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if args._failed else 0


def _cmd_reports(args: argparse.Namespace) -> int:
    from .reports import build_reports

    try:
        results = build_reports(args.paths or None, notebooks=args.notebooks, out=args.out, jobs=args.jobs,
                                timeout=args.timeout, force=args.force, actors=args.actors,
                                progress=not args.quiet)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else None
    index = (out or _reports_dir()) / "index.html"
    bad = [r for r in results if not r.ok]
    ok = len(results) - len(bad)
    print(f"{ok} of {len(results)} reports ready: {index.resolve()}")
    for path, notes in dict.fromkeys((r.article_path, r.extra.get("warnings", "")) for r in results):
        for note in filter(None, notes.splitlines()):
            print(f"warning: {path}: {note}", file=sys.stderr)  # the article was analysed; its reports say so too
    for r in bad:
        print(f"error: {Path(r.article_path).name or r.article} / {r.notebook}: {r.status}: {r.error}",
              file=sys.stderr)
    return 1 if bad else 0


def _reports_dir() -> Path:
    from .reports import project_root

    return project_root() / "reports"


def _cmd_sentences(args: argparse.Namespace) -> int:
    from .text import sentences_table

    return _run_analysis(args, lambda a, _: sentences_table(a),
                         ["article", "sentence", "paragraph", "start", "end", "text"])


def _cmd_corpus(args: argparse.Namespace) -> int:
    from .corpus import main as corpus_main

    return corpus_main(args)


def _date(value: str) -> _dt.date:
    try:
        return parse_date(value, path="--published")
    except ArticleError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Media discourse analysis of news articles: quotes and speakers, stance, "
        "sentiment per speaker, timelines; batch HTML reports.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def analysis_cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("paths", nargs="+", metavar="PATH", help="article .txt files, folders or globs")
        p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="output format (default jsonl)")
        p.add_argument("--catalog", default=None, help="catalog TOML with metadata (default: catalog.toml beside "
                       "each article)")
        p.add_argument("--actors", default=None, help="actors TOML (default: actors.toml beside each article)")
        p.add_argument("-o", "--output", default=None, help="write to this file instead of standard output")
        p.add_argument("--all-columns", action="store_true",
                       help="every column of the Python API's table (offsets of mentions and cues, rules, camps, "
                       "...), not only the contract columns; for the timeline also the rows that inherit a date")
        return p

    p = analysis_cmd("quotes", "Direct, mixed and indirect quotations with their resolved speakers.")
    p.set_defaults(func=lambda a: _run_analysis(a, _quotes, QUOTE_COLUMNS))
    p = analysis_cmd("timeline", "Temporal expressions normalised against the publication date, with the events "
                     "they date.")
    p.add_argument("--published", type=_date, default=None, help="publication date YYYY-MM-DD (overrides metadata)")
    p.set_defaults(func=lambda a: _run_analysis(a, _timeline, TIMELINE_COLUMNS))
    p = analysis_cmd("stance", "Stance judgements: source toward target, with cue and evidence.")
    p.set_defaults(func=lambda a: _run_analysis(a, _stance, STANCE_COLUMNS))
    p = analysis_cmd("sentiment", "VADER sentiment of what each speaker said (news-aware lexicon patch).")
    p.add_argument("--by", choices=["speaker", "camp", "kind"], default=None,
                   help="aggregate per speaker (or camp, or quotation kind) instead of one row per quotation, pooled over "
                   "all the articles given (the same name in two articles counts as one speaker)")
    p.set_defaults(func=lambda a: _run_analysis(a, _sentiment, SENTIMENT_COLUMNS))
    p = analysis_cmd("sentences", "Body sentences with offsets (boilerplate set aside).")
    p.set_defaults(func=_cmd_sentences)

    p = sub.add_parser("reports", help="Run every notebook on every article (papermill) and export HTML reports.",
                       description="Run every notebook on every article through papermill, in parallel, and "
                       "export offline HTML reports plus reports/index.html. Unchanged reports are skipped; a "
                       "failed run never replaces an earlier good report.")
    p.add_argument("paths", nargs="*", metavar="ARTICLE", help="article files, folders or globs (default: seeds/)")
    p.add_argument("--notebooks", nargs="+", default=None, metavar="NAME",
                   help="only these notebooks (e.g. timeline stance)")
    p.add_argument("--jobs", "-j", type=int, default=None, help="parallel processes (default: CPU count)")
    p.add_argument("--out", default=None, help="output folder (default: reports/)")
    p.add_argument("--timeout", type=float, default=600, help="seconds allowed per notebook run (default 600)")
    p.add_argument("--actors", default=None, help="actors TOML for every article (default: actors.toml beside it)")
    p.add_argument("--force", action="store_true", help="rebuild even the reports whose inputs are unchanged")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_reports)

    p = sub.add_parser("corpus", help="Run every analysis over a corpus into Parquet tables (processes or Dask).",
                       description="Run every analysis over many articles and write one Parquet table per analysis.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders of .txt, CSV/JSONL files, or globs")
    p.add_argument("--out", required=True, help="output folder for the Parquet tables")
    p.add_argument("--jobs", type=int, default=1, help="worker processes on this machine (default 1)")
    p.add_argument("--dask", default=None, metavar="ADDRESS|local",
                   help="send the work to a dask.distributed scheduler, or start a local cluster")
    p.add_argument("--text-column", default="text", help="CSV/JSONL: the column holding the article text")
    p.add_argument("--id-column", default="id", help="CSV/JSONL: the column holding the article id (when absent: stories_id, story_id, article_id or doc_id if the file has one; else the file name and row number, e.g. export-3)")
    p.add_argument("--published-column", default="published", help="CSV/JSONL: the publication date column (when absent: publish_date, publication_date, published_at, pub_date or date if the file has one)")
    p.add_argument("--outlet-column", default="outlet", help="CSV/JSONL: the outlet column (when absent: media_name, publisher, publication, source_name, ... if the file has one; see analysis/data/export_columns.toml)")
    p.add_argument("--title-column", default="title", help="CSV/JSONL: the title column (when absent: headline)")
    p.add_argument("--actors", default=None, help="actors TOML used for every article")
    p.add_argument("--catalog", default=None, help="catalog TOML for .txt inputs (default: catalog.toml beside each)")
    p.add_argument("--force", action="store_true", help="re-analyse every article, even unchanged ones")
    p.add_argument("--batch-size", type=int, default=16, help="articles per unit of work (default 16)")
    p.add_argument("--timeout", type=float, default=300, help="seconds allowed per article (default 300)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m analysis``."""
    args = build_parser().parse_args(argv)
    args._failed = False
    # The imports leave ~150,000 objects (most from NLTK, which pulls in SciPy and scikit-learn when present) that
    # live as long as the process; every full collection of the cyclic garbage collector would scan them again
    # (about 8 % of the stance stage). Freezing them exempts them; the command's own objects are collected as
    # usual. The process is the command's own, so this process-wide setting is not the library's to make.
    gc.freeze()
    try:
        return int(args.func(args))
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130

"""Corpus scale: every analysis over many articles as one job, streamed into Parquet tables.

Inputs (:func:`iter_articles`) are folders of ``.txt`` articles (front matter or catalog, as
:func:`analysis.load_article` reads them), CSV/TSV or JSONL files holding one article per row (a text column and
metadata columns named by options; ``.gz`` too), explicit files and globs. Every article gets a stable, unique id:
the file stem for a ``.txt`` file, the id column (else ``STEM-ROW``) for a row; a repeated id gets ``~2``, ``~3``
in input order. Duplicate texts are reported (``duplicate_of`` in ``articles.parquet``) and still analysed, so
every article has its rows.

:func:`run_corpus` runs quotes (with speakers), timeline, stance and sentiment on each article, in this process,
in ``jobs`` worker processes or on a Dask cluster, and writes to ``out``::

    quotes.parquet  timeline.parquet  stance.parquet  sentiment.parquet  articles.parquet  errors.parquet

Every row carries its ``article`` id and the offsets of its evidence into that article's text. The tables are
identical however they were computed: articles appear in input order, and each article's rows are sorted by
offsets and then by every other column.

How it scales:

* **streaming**: articles are read twice (a cheap first pass plans the work: ids, content keys, duplicates), and
  batches of articles are in flight only a few at a time; results go to small per-batch Parquet files in
  ``out/.corpus-cache/`` and the final tables are assembled from them in row groups, so memory stays flat
  however large the corpus;
* **re-runs skip** every article whose content key (text, metadata, actors file, and the fingerprint of the
  library's code and data) has not changed; an interrupted run resumes where it stopped, since each batch is
  recorded as soon as it is written;
* **failures stay local**: an article that cannot be loaded or analysed gets rows in ``errors.parquet`` (stage,
  error type, message, where it happened) and the others go on; a failed article is retried on the next run.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import datetime as _dt
import functools
import gzip
import hashlib
import io
import itertools
import json
import math
import os
import re
import signal
import sys
import time
import traceback
import uuid
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .articles import (
    Article,
    ArticleError,
    blank_markup_noted,
    default_catalog_path,
    load_article,
    load_catalog,
    parse_date,
)
from .data import read_toml
from .frames import UNRESOLVED, column_arrays, shorten
from .reports import digest as _digest

__all__ = [
    "ANALYSES",
    "ARTICLE_COLUMNS",
    "ERROR_COLUMNS",
    "NO_OUTLET",
    "CorpusSummary",
    "CorpusWarning",
    "LoadFailure",
    "analyse_article",
    "framing_by_outlet",
    "inherited_rows",
    "iter_articles",
    "main",
    "merge_timelines",
    "read_table",
    "run_corpus",
    "sentiment_per_speaker",
    "share_of_voice_by",
    "stance_balance",
    "timeline_plot_events",
    "with_articles",
]

#: The per-article analyses, in the order they run (stance and sentiment reuse the quotes).
ANALYSES = ("quotes", "timeline", "stance", "sentiment")
#: One row per input article (and per input row that could not be loaded).
ARTICLE_COLUMNS = ["article", "source", "row", "title", "outlet", "published", "chars", "body_start", "sentences",
                   "content_hash", "metadata", "warnings", "status", "duplicate_of"]
#: One row per failure: the stage (load, quotes, timeline, stance, sentiment, worker), the error and where.
ERROR_COLUMNS = ["article", "source", "row", "stage", "error", "message", "where"]

#: Contract columns of each analysis when its module does not name them (mirrors the CLI).
_FALLBACK_COLUMNS = {
    "quotes": ["article", "kind", "text", "start", "end", "speaker", "speaker_type", "mention", "cue", "sentence"],
    "timeline": ["article", "text", "start", "end", "type", "value", "anchor", "event", "sentence"],
    "stance": ["article", "source", "target", "polarity", "score", "cue", "evidence", "start", "end"],
    "sentiment": ["article", "speaker", "kind", "text", "start", "end", "compound", "pos", "neu", "neg"],
}
#: Where each analysis module declares its columns (first attribute found wins).
_COLUMN_ATTRS = {
    "quotes": ("QUOTE_COLUMNS",),
    "timeline": ("TIMELINE_COLUMNS", "COLUMNS"),
    "stance": ("STANCE_COLUMNS",),
    "sentiment": ("SCORE_COLUMNS", "SENTIMENT_COLUMNS"),
}
_INT_COLUMNS = frozenset({"start", "end", "sentence", "polarity", "words", "paragraph", "chars", "body_start",
                          "sentences", "row", "n"})
_FLOAT_COLUMNS = frozenset({"score", "compound", "pos", "neu", "neg", "confidence"})
_DATE_COLUMNS = frozenset({"published"})
_ROW_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_CACHE_DIR = ".corpus-cache"
_INDEX = "index.jsonl"
_ROW_GROUP_ROWS = 10_000  # rows buffered per table before a row group is written: bounds assembly memory
_MAX_PIECES = 256  # slices buffered per table before they are merged into one table
_DEFAULT_BATCH = 16
_DEFAULT_TIMEOUT = 300.0


class CorpusWarning(UserWarning):
    """Something about the corpus input deserves attention (an id repeated, a text duplicated)."""


@dataclass(frozen=True)
class LoadFailure:
    """An input item that could not become an :class:`Article` (a bad file or row)."""

    article: str
    source: str
    row: int | None
    error: str
    message: str
    metadata: dict[str, str] | None = None  # what the row said besides its text (title, outlet, ...), if known


@dataclass
class CorpusSummary:
    """What a corpus run did.

    Attributes:
        out: the output folder.
        tables: the Parquet file of each table (``quotes``, ..., ``articles``, ``errors``).
        articles: input items seen (loaded or not).
        analysed: articles analysed in this run.
        skipped: articles whose results were reused (content and library unchanged).
        failed: articles with at least one error (loading or an analysis).
        duplicates: articles whose text repeats an earlier article's.
        rows: rows written per table.
        seconds: wall-clock time of the run.
        unavailable: analyses whose module is not installed (their tables are empty).
        notes: what the inputs deserve saying: a CSV/JSONL file without a publication-date or outlet column
            (its columns and the option to name one), or whose date or outlet came from a news-export name
            ("publish_date", "media_name"). ``python -m analysis corpus`` prints them as warnings.
    """

    out: Path
    tables: dict[str, Path] = field(default_factory=dict)
    articles: int = 0
    analysed: int = 0
    skipped: int = 0
    failed: int = 0
    duplicates: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    unavailable: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        counts = ", ".join(f"{name} {self.rows.get(name, 0):,}" for name in ANALYSES)
        from .display import counted

        text = (f"{counted(self.articles, 'article')} ({self.analysed:,} analysed, {self.skipped:,} up to date, "
                f"{self.failed:,} failed, {counted(self.duplicates, 'duplicate text')}) in {self.seconds:.1f} s; "
                f"rows: {counts}; tables in {self.out}")
        if self.unavailable:
            text += f"; not available: {', '.join(self.unavailable)}"
        return text


# ---------------------------------------------------------------------------------------------------- input


@dataclass(frozen=True)
class _Entry:
    """One input item: an article or the failure to load one."""

    id: str
    source: str
    row: int | None
    article: Article | None = None
    failure: LoadFailure | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class _Columns:
    text: str = "text"
    id: str = "id"
    published: str = "published"
    outlet: str = "outlet"
    title: str = "title"


def _expand(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files from paths, folders (their ``*.txt``) and globs, each once, in a stable order."""
    seen: set[Path] = set()
    for item in map(str, inputs):
        p = Path(item)
        if p.is_dir():
            found = sorted(p.glob("*.txt"))
        elif any(ch in item for ch in "*?[") and not p.exists():
            anchor, pattern = (Path("/"), item.lstrip("/")) if p.is_absolute() else (Path(), item)
            found = sorted(x for x in anchor.glob(pattern) if x.is_file())
        else:
            found = [p]
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


def _kind(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _ROW_SUFFIXES.get(suffixes[-1] if suffixes else "", "txt")


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix.lower() == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name.removesuffix(suffix)
    return name or path.stem


def _as_str(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value).strip()
    return text or None


def _row_article(record: dict[str, Any], *, source: Path, row: int, cols: _Columns) -> Article | LoadFailure:
    """Build an :class:`Article` from one CSV/JSONL record; offsets index the record's text exactly (HTML tags
    and entities of a scraped page blanked out character for character, :func:`analysis.articles.blank_markup`)."""
    fallback_id = f"{_stem(source)}-{row}"
    rid = _as_str(record.get(cols.id)) or fallback_id
    text = record.get(cols.text)
    meta: dict[str, str] = {}
    for key, value in record.items():
        if key in (cols.text, cols.id) or key is None:
            continue
        text_value = _as_str(value)
        if text_value is not None:
            meta[str(key).strip().lower()] = text_value
    for option, target in ((cols.outlet, "outlet"), (cols.title, "title"), (cols.published, "published")):
        value = _as_str(record.get(option))
        if value is not None:
            meta.pop(option.lower(), None)
            meta[target] = value
    if cols.text not in record:
        columns = ", ".join(repr(str(k)) for k in record if k is not None) or "none"
        return LoadFailure(rid, str(source), row, "ArticleError",
                           f"{source}: row {row} has no column {cols.text!r} (its columns: {columns}); name the "
                           "text column with --text-column (text_column= in Python)", meta)
    if not isinstance(text, str) or not text.strip():
        what = "has no text" if text is None or isinstance(text, str) else f"has a non-text {cols.text!r} value"
        return LoadFailure(rid, str(source), row, "ArticleError",
                           f"{source}: row {row} {what} in column {cols.text!r} (fill it, or drop the row)", meta)
    try:
        published = parse_date(meta["published"], path=f"{source}: row {row}") if "published" in meta else None
    except ArticleError as exc:
        return LoadFailure(rid, str(source), row, "ArticleError", str(exc), meta)
    text, notes = blank_markup_noted(text)  # a scraped page's tags: blanked, offsets kept
    return Article(id=rid, path=source, text=text, title=meta.get("title"), published=published, metadata=meta,
                   warnings=notes)


def _csv_records(path: Path, delimiter: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_text(path) as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        row = 0
        while True:
            row += 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield row, f"{path}: row {row} is not valid CSV ({exc}); fix the quoting"
                continue
            if None in record:  # more fields than the header names
                record.pop(None)
            yield row, record


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    with _open_text(path) as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield line_no, f"{path}: line {line_no} is not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(record, dict):
                yield line_no, f"{path}: line {line_no} is not a JSON object; write one object per line"
                continue
            yield line_no, record


@functools.lru_cache(maxsize=1)
def _export_columns() -> dict[str, tuple[str, ...]]:
    """Other names of the metadata columns (``analysis/data/export_columns.toml``): option -> names in order."""
    return {key: tuple(names) for key, names in read_toml("export_columns.toml").items()}


_COLUMN_LABELS = {"text": "text", "published": "publication date", "outlet": "outlet", "id": "id", "title": "title"}


def _file_columns(cols: _Columns, keys: Iterable[Any], path: Path) -> tuple[_Columns, list[str]]:
    """The columns of one file: an option left at its default that the file lacks falls back to the same name in
    other case ("Text", "ID"), then to the export names of ``analysis/data/export_columns.toml``
    ("publish_date", "media_name"); and what to tell the user about it.

    Returns:
        The columns to read, and notes: the export names used, and a warning when the file has no publication
        date or no outlet column (naming its columns and the option to use).
    """
    names = [str(k) for k in keys if k is not None]
    present = {n.lower(): n for n in reversed(names)}
    default = _Columns()
    chosen: dict[str, str] = {}
    for key in ("text", "published", "outlet", "id", "title"):
        option = getattr(cols, key)
        if option in names or option != getattr(default, key):
            continue
        candidates = (option, *_export_columns().get(key, ()))  # "Text", "ID": the default in other case first
        found = next((present[a.lower()] for a in candidates if a.lower() in present), None)
        if found is not None:
            chosen[key] = found
    resolved = dataclasses.replace(cols, **chosen)
    notes = []
    if chosen:
        read = ", ".join(f"{_COLUMN_LABELS[k]} from column {v!r}" for k, v in chosen.items())
        flags = ", ".join(f"--{k}-column" for k in chosen)
        notes.append(f"{path}: {read} (a news-export name; name another column with {flags})")
    missing = [k for k in ("published", "outlet") if getattr(resolved, k) not in names]
    if missing and resolved.text in names:  # without a text column the file fails, and says so
        what = " or ".join(f"{_COLUMN_LABELS[k]} column ({getattr(resolved, k)!r})" for k in missing)
        flags = " / ".join(f"--{k}-column" for k in missing)
        py = ", ".join(f"{k}_column=" for k in missing)
        later = (" Without a publication date, relative dates such as 'on Tuesday' cannot be placed on a calendar."
                 if "published" in missing else "")
        notes.append(f"{path}: no {what}; its columns: {', '.join(map(repr, names)) or 'none'}. Name the column "
                     f"with {flags} ({py} in Python).{later}")
    return resolved, notes


def _row_items(path: Path, kind: str, cols: _Columns, note: Callable[[str], None] | None = None
               ) -> Iterator[tuple[int | None, Article | LoadFailure]]:
    records = _jsonl_records(path) if kind == "jsonl" else _csv_records(path, "\t" if kind == "tsv" else ",")
    checked = resolved = False
    for row, record in records:
        if isinstance(record, str):
            yield row, LoadFailure(f"{_stem(path)}-{row}", str(path), row, "ValueError", record)
            continue
        if not resolved:  # the columns of the file: its header (CSV) or its first object (JSONL)
            cols, notes = _file_columns(cols, record, path)
            resolved = True
            for text in notes if note is not None else ():
                note(text)
        if not checked and kind != "jsonl" and cols.text not in record:
            names = ", ".join(map(repr, record)) or "none"
            yield None, LoadFailure(_stem(path), str(path), None, "ValueError",
                                    f"{path}: no {cols.text!r} column (columns: {names}); name the text column "
                              "with --text-column")
            return
        checked = True
        yield row, _row_article(record, source=path, row=row, cols=cols)


class _Catalogs:
    """Catalog metadata for ``.txt`` articles: the one given, else ``catalog.toml`` of each folder, read once."""

    def __init__(self, catalog: str | Path | dict[str, dict[str, str]] | None) -> None:
        self.given = catalog
        self.by_folder: dict[Path, dict[str, dict[str, str]]] = {}

    def for_file(self, path: Path) -> dict[str, dict[str, str]]:
        """The catalog for one article file (raises :class:`ArticleError` for an invalid catalog file)."""
        if isinstance(self.given, dict):
            return self.given
        source = Path(self.given) if self.given is not None else default_catalog_path(path)
        if source not in self.by_folder:
            self.by_folder[source] = load_catalog(source)
        return self.by_folder[source]


def _file_items(path: Path, cols: _Columns, catalogs: _Catalogs, note: Callable[[str], None] | None = None
                ) -> Iterator[tuple[int | None, Article | LoadFailure]]:
    kind = _kind(path)
    if not path.exists():
        yield None, LoadFailure(_stem(path), str(path), None, "ArticleError", f"{path}: no such file (check the path)")
        return
    if kind != "txt":
        try:
            yield from _row_items(path, kind, cols, note)
        except (OSError, UnicodeDecodeError, EOFError) as exc:
            yield None, LoadFailure(_stem(path), str(path), None, type(exc).__name__,
                                    f"{path}: cannot be read ({exc}); save it as UTF-8 text")
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            article = load_article(path, catalog=catalogs.for_file(path))
    except ArticleError as exc:
        yield None, LoadFailure(_stem(path), str(path), None, "ArticleError", str(exc))
        return
    yield None, article


def _text_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _entries(inputs: Iterable[str | Path], cols: _Columns, catalog: Any = None,
             note: Callable[[str], None] | None = None) -> Iterator[_Entry]:
    """Every input item with its unique id and duplicate status, in input order (``catalog`` may be the
    :class:`_Catalogs` of an earlier pass, so that both passes of a run read each catalog once; ``note`` receives
    what a row file's columns deserve saying, see :func:`_file_columns`)."""
    ids: dict[str, int] = {}
    texts: dict[bytes, str] = {}
    catalogs = catalog if isinstance(catalog, _Catalogs) else _Catalogs(catalog)
    for path in _expand(inputs):
        for row, item in _file_items(path, cols, catalogs, note):
            base = item.article if isinstance(item, LoadFailure) else item.id
            n = ids.get(base, 0) + 1
            ids[base] = n
            uid = base if n == 1 else f"{base}~{n}"
            while n > 1 and uid in ids:  # "x~2" may itself be an input id
                n += 1
                uid = f"{base}~{n}"
            if uid != base:
                ids[uid] = 1
            if isinstance(item, LoadFailure):
                failure = LoadFailure(uid, item.source, item.row, item.error, item.message, item.metadata)
                yield _Entry(uid, item.source, item.row, failure=failure)
                continue
            article = item if uid == item.id else Article(
                id=uid, path=item.path, text=item.text, title=item.title, published=item.published,
                metadata=item.metadata, body_start=item.body_start, warnings=item.warnings)
            digest = _text_hash(article.text)
            first = texts.setdefault(digest, uid)
            yield _Entry(uid, str(path), row, article=article, duplicate_of=None if first == uid else first)


def iter_articles(
    inputs: Iterable[str | Path],
    *,
    text_column: str = "text",
    id_column: str = "id",
    published_column: str = "published",
    outlet_column: str = "outlet",
    title_column: str = "title",
    catalog: str | Path | None = None,
    on_error: Callable[[LoadFailure], None] | None = None,
) -> Iterator[Article]:
    """Every article of a corpus, streamed in input order, each with a stable unique id.

    Args:
        inputs: ``.txt`` files, folders (their ``*.txt``), CSV/TSV/JSONL files (optionally ``.gz``) with one
            article per row, and globs (``data/**/*.jsonl``).
        text_column: the column holding the article text (CSV/JSONL).
        id_column: the column holding the article id; without one a row's id is ``STEM-ROW``.
        published_column: the publication date column (``YYYY-MM-DD``, a time may follow).
        outlet_column: the outlet column.
        title_column: the title column.
        catalog: a catalog TOML for ``.txt`` articles (default: ``catalog.toml`` beside each file).
        on_error: called with a :class:`LoadFailure` for each file or row that cannot be loaded; by default a
            :class:`CorpusWarning` is issued and the item skipped.

    Yields:
        :class:`Article` objects. A repeated id gets ``~2``, ``~3``; a text repeating an earlier one issues a
        :class:`CorpusWarning` (the article is still yielded).
    """
    cols = _Columns(text_column, id_column, published_column, outlet_column, title_column)
    def note(text: str) -> None:
        warnings.warn(text, CorpusWarning, stacklevel=4)

    for entry in _entries(inputs, cols, catalog, note):
        if entry.failure is not None:
            if on_error is None:
                warnings.warn(entry.failure.message, CorpusWarning, stacklevel=2)
            else:
                on_error(entry.failure)
            continue
        if entry.duplicate_of is not None:
            warnings.warn(f"{entry.id}: same text as {entry.duplicate_of}", CorpusWarning, stacklevel=2)
        assert entry.article is not None
        yield entry.article


# ------------------------------------------------------------------------------------------------- schemas


def _module(name: str) -> Any | None:
    import importlib

    try:
        return importlib.import_module(f"analysis.{name}")
    except ImportError:
        return None


def _analysis_columns(name: str) -> list[str]:
    module = _module(name)
    for attr in _COLUMN_ATTRS[name]:
        columns = getattr(module, attr, None) if module is not None else None
        if columns:
            return list(columns)
    return list(_FALLBACK_COLUMNS[name])


def _field_type(column: str) -> pa.DataType:
    if column in _INT_COLUMNS or column.endswith(("_start", "_end")):
        return pa.int64()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    if column in _DATE_COLUMNS:
        return pa.date32()
    return pa.string()


@functools.cache
def table_schema(name: str) -> pa.Schema:
    """The default Arrow schema of one output table: the analysis module's contract columns, typed by name.

    The tables written take their types from the values (so that, e.g., a date range in the timeline stays a
    date); this schema is what an empty table gets, and the fixed schema of ``articles`` and ``errors``.
    """
    if name == "articles":
        columns = ARTICLE_COLUMNS
    elif name == "errors":
        columns = ERROR_COLUMNS
    else:
        columns = _analysis_columns(name)
    return pa.schema([pa.field(c, _field_type(c)) for c in columns])


def _plain(value: Any) -> Any:
    """A cell as a plain Python value: None for every kind of missing, builtins for numpy scalars."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        with contextlib.suppress(ValueError, TypeError):
            value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return json.dumps(list(items) if not isinstance(items, dict) else items, ensure_ascii=False,
                          sort_keys=True, default=str)
    return value


_ARROW_KINDS = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32(),
                "string": pa.string()}


_NONE_TYPE = type(None)


@functools.cache
def _type_kind(kind: type) -> str:
    """The kind of column a value of Python type ``kind`` asks for: bool, int, float, date or string (a bool is
    not counted as an int, a datetime counts as a date)."""
    if issubclass(kind, bool):
        return "bool"
    if issubclass(kind, int):
        return "int"
    if issubclass(kind, float):
        return "float"
    if issubclass(kind, _dt.date):
        return "date"
    return "string"


def _column_type(values: list[Any]) -> pa.DataType:
    types = set(map(type, values))  # a few distinct types, not one check per value
    types.discard(_NONE_TYPE)
    kinds = {_type_kind(t) for t in types}
    if not kinds:
        return pa.null()
    if len(kinds) == 1:
        return _ARROW_KINDS[kinds.pop()]
    return pa.float64() if kinds == {"int", "float"} else pa.string()


def _fixed_cell(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if pa.types.is_int64(kind):
        return int(value)
    if pa.types.is_date32(kind):
        return value if isinstance(value, _dt.date) else parse_date(value)
    return str(value)


def _cast_values(values: list[Any], kind: pa.DataType) -> list[Any]:
    if pa.types.is_string(kind):
        if set(map(type, values)) <= {str, _NONE_TYPE}:
            return values  # already what the cast gives
        return [None if v is None else str(v) for v in values]
    if pa.types.is_float64(kind):
        if set(map(type, values)) <= {float, _NONE_TYPE}:
            return values
        return [None if v is None else float(v) for v in values]
    return values


def _sort_key(row: tuple[Any, ...]) -> tuple[tuple[int, Any], ...]:
    return tuple((0, "") if v is None else (1, v) if isinstance(v, (int, float)) else (2, str(v)) for v in row)


def _strictly_increasing(lead: list[list[Any]]) -> bool:
    """Whether the rows' cells in the ``lead`` columns are all ints (not bools) and strictly increasing as tuples:
    then :func:`_sort_key` (which orders ints as ints) leaves the rows where they are and no run of rows ties."""
    if not lead or any(set(map(type, values)) != {int} for values in lead):
        return False
    return all(a < b for a, b in itertools.pairwise(zip(*lead)))


def _row_order(columns: list[list[Any]], order: list[int], n: int) -> list[int]:
    """The row permutation that sorts rows by :func:`_sort_key` of their cells in column ``order`` (stable).

    Rows are first sorted by the leading two columns of ``order`` (the offsets); only runs of rows equal there
    are then sorted by every column, which is the same stable order as sorting by the whole key at once.
    """
    lead = [columns[i] for i in order[:2]]
    if _strictly_increasing(lead):
        return list(range(n))  # already in order, and no two rows tie on the offsets (the common case)
    keys = [_sort_key(cells) for cells in zip(*lead)]
    perm = sorted(range(n), key=keys.__getitem__)
    if len(order) <= 2:
        return perm
    ordered = [columns[i] for i in order]
    out: list[int] = []
    i = 0
    while i < n:
        j = i + 1
        while j < n and keys[perm[j]] == keys[perm[i]]:
            j += 1
        run = perm[i:j]
        if len(run) > 1:
            run.sort(key=lambda r: _sort_key(tuple(col[r] for col in ordered)))
        out.extend(run)
        i = j
    return out


def _str_values(array: Any) -> list[Any] | None:
    """The cells of a pyarrow-backed string array (None for missing), or None when it is not one.

    Read through the Arrow protocol (``__arrow_array__``), which pyarrow-backed pandas arrays hand over
    without a copy."""
    if not isinstance(getattr(array, "dtype", None), pd.StringDtype) or array.dtype.storage != "pyarrow":
        return None
    data = array.__arrow_array__()
    if pa.types.is_string(data.type) or pa.types.is_large_string(data.type):
        return data.to_pylist()
    return None


def _column_values(series: Any) -> list[Any]:
    """A column's cells (a Series or its array) as :func:`_plain` values; numeric, text and nullable-integer
    columns without the per-cell checks."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype):
        if dtype.kind in "iub":
            return series.tolist()  # Python ints and bools, never missing
        if dtype.kind == "f":
            return [None if math.isnan(v) else v for v in series.tolist()]  # NaN is missing
    elif isinstance(dtype, pd.StringDtype):
        values = _str_values(series.array if isinstance(series, pd.Series) else series)
        if values is not None:
            return values
        return [v if type(v) is str else _plain(v) for v in series.tolist()]
    elif isinstance(dtype, pd.Int64Dtype):
        array = series.array if isinstance(series, pd.Series) else series
        return array.to_numpy(dtype=object, na_value=None).tolist()  # Python ints, None for missing
    return [_plain(v) for v in series.tolist()]


def conform(df: pd.DataFrame, name: str, *, article: str | None = None) -> pa.Table:
    """A DataFrame as an Arrow table of output table ``name``: contract columns, plain types, fixed row order.

    Missing columns become null, extra columns are dropped. Types come from the values (int, float, bool, date,
    else string; mixed numbers become float, anything else mixed becomes string); ``articles`` and ``errors``
    have fixed types. Rows are sorted by ``start``, ``end``, then every other column, so the same rows always
    come out in the same order whatever the process that computed them.

    Args:
        df: the analysis's table.
        name: the output table (``quotes``, ``timeline``, ..., ``errors``).
        article: when given, the ``article`` column holds this id on every row (cheaper than ``df.assign``).
    """
    if name in ("articles", "errors"):
        return _conform_columns(_plain_columns(df, name, article), len(df), name)
    return _piece_table(_piece(df, name, article), name)


def _plain_columns(df: pd.DataFrame, name: str, article: str | None) -> dict[str, list[Any]]:
    """The contract columns of ``df`` present in it, as lists of :func:`_plain` values."""
    names = table_schema(name).names
    present = column_arrays(df, names)
    columns = {}
    for column in names:
        if article is not None and column == "article":
            columns[column] = [article] * len(df)
        elif column in present:
            columns[column] = _column_values(present[column])
    return columns


@dataclass
class _Piece:
    """One article's rows of an analysis table before they become Arrow arrays: every contract column as
    plain values in the table's row order, and the type each column takes from its values (null when it
    has none)."""

    columns: list[list[Any]]
    kinds: list[pa.DataType]


class _PlainTable:
    """An analysis table as plain Python lists, one per contract column, holding exactly the values that
    :func:`_plain_columns` reads back from the analysis's DataFrame (the analysis module vouches for that:
    ``analysis.quotes.quote_columns``, ``analysis.timeline.timeline_columns``,
    ``analysis.sentiment.sentiment_columns``). The corpus run converts these to Arrow without reading the
    DataFrame back (the quotations' DataFrame is still built and kept: stance and sentiment read it)."""

    __slots__ = ("columns", "frame", "n")

    def __init__(self, columns: dict[str, list[Any]], frame: pd.DataFrame | None = None) -> None:
        self.columns = columns
        self.frame = frame  # the DataFrame too, when a later analysis reads it (the quotations)
        self.n = len(next(iter(columns.values()))) if columns else 0

    def __len__(self) -> int:
        return self.n

    def copy(self) -> _PlainTable:
        return _PlainTable({name: list(values) for name, values in self.columns.items()},
                           None if self.frame is None else self.frame.copy())


def _piece(df: pd.DataFrame | _PlainTable, name: str, article: str | None) -> _Piece:
    """:func:`conform` of an analysis table up to the Arrow arrays (see :func:`_pieces_table`)."""
    n = len(df)
    if isinstance(df, _PlainTable):
        given = dict(df.columns)
        if article is not None and "article" in table_schema(name).names:
            given["article"] = [article] * n
    else:
        given = _plain_columns(df, name, article)
    schema = table_schema(name)
    names = schema.names
    columns = [given.get(f.name, [None] * n) for f in schema]
    if n > 1:
        first = [names.index(c) for c in ("start", "end") if c in names]
        perm = _row_order(columns, first + [i for i in range(len(names)) if i not in first], n)
        if perm != list(range(n)):
            columns = [[values[j] for j in perm] for values in columns]
    return _Piece(columns, [_column_type(values) for values in columns])


def _piece_table(piece: _Piece, name: str) -> pa.Table:
    """One article's table (what :func:`conform` returns)."""
    arrays = [pa.array(_cast_values(values, kind), type=kind) for values, kind in zip(piece.columns, piece.kinds)]
    fields = [pa.field(f.name, kind) for f, kind in zip(table_schema(name), piece.kinds)]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _pieces_table(name: str, pieces: list[_Piece]) -> pa.Table:
    """``concat_tables(name, [_piece_table(p, name) for p in pieces])``, built column by column: a column whose
    pieces agree on one type (or have none) becomes one Arrow array of all their values (one conversion per
    batch instead of one per article, the same values and type); a column whose pieces disagree is built
    piece by piece and cast to the unified type as :func:`concat_tables` casts it."""
    if not pieces:
        return concat_tables(name, [])
    arrays, fields = [], []
    for j, f in enumerate(table_schema(name)):
        kinds = {p.kinds[j] for p in pieces} - {pa.null()}
        if len(kinds) <= 1:
            kind = kinds.pop() if kinds else pa.null()
            values = [v for p in pieces for v in p.columns[j]]
            arrays.append(pa.array(_cast_values(values, kind), type=kind))
        else:
            numeric = all(pa.types.is_integer(k) or pa.types.is_floating(k) for k in kinds)
            kind = pa.float64() if numeric else pa.string()
            arrays.append(pa.concat_arrays([pa.array(_cast_values(p.columns[j], p.kinds[j]), type=p.kinds[j])
                                            .cast(kind) for p in pieces]))
        fields.append(pa.field(f.name, kind))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _conform_records(records: list[dict[str, Any]], name: str) -> pa.Table:
    """The records (dicts) of a table of fixed schema (``articles``) as one table: what concatenating one
    :func:`conform` table a record gives (same rows, order and types), one Arrow array a column instead of a
    one-row table an article."""
    schema = table_schema(name)
    arrays = []
    for f in schema:
        values = [_fixed_cell(_plain(r[f.name]), f.type) if f.name in r else None for r in records]
        arrays.append(pa.array(_cast_values(values, f.type), type=f.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema([pa.field(f.name, f.type) for f in schema]))


def _conform_columns(given: dict[str, list[Any]], n: int, name: str) -> pa.Table:
    """:func:`conform` of columns already made plain (:func:`_plain`); missing ones become null."""
    schema = table_schema(name)
    fixed = name in ("articles", "errors")
    names = schema.names
    columns: list[list[Any]] = []
    for f in schema:
        values = given.get(f.name, [None] * n)
        columns.append([_fixed_cell(v, f.type) for v in values] if fixed else values)
    if n > 1:
        first = [names.index(c) for c in ("start", "end") if c in names]
        perm = _row_order(columns, first + [i for i in range(len(names)) if i not in first], n)
        if perm != list(range(n)):
            columns = [[values[j] for j in perm] for values in columns]
    arrays, fields = [], []
    for values, f in zip(columns, schema):
        kind = f.type if fixed else _column_type(values)
        arrays.append(pa.array(_cast_values(values, kind), type=kind))
        fields.append(pa.field(f.name, kind))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def concat_tables(name: str, parts: list[pa.Table]) -> pa.Table:
    """Concatenate tables of one output table, cast to their unified schema (:func:`unify_schemas`)."""
    if not parts:
        return pa.schema([pa.field(c, pa.null()) for c in table_schema(name).names]).empty_table()
    schema = unify_schemas(name, (p.schema for p in parts), final=False)
    return pa.concat_tables([p.cast(schema) for p in parts])


def unify_schemas(name: str, schemas: Iterable[pa.Schema], *, final: bool = True) -> pa.Schema:
    """The schema that holds every batch of one table: null gives way to any type, int to float, and any
    other mix becomes string; in the ``final`` schema a column that is null everywhere gets its default type
    (:func:`table_schema`), in a batch's it stays null (so that it cannot decide the type of the whole table)."""
    default = table_schema(name)
    seen: dict[str, set[pa.DataType]] = {c: set() for c in default.names}
    for schema in schemas:
        for f in schema:
            if f.name in seen and not pa.types.is_null(f.type):
                seen[f.name].add(f.type)
    fields = []
    for f in default:
        kinds = seen[f.name]
        if not kinds:
            kind = f.type if final else pa.null()
        elif len(kinds) == 1:
            kind = next(iter(kinds))
        elif all(pa.types.is_integer(k) or pa.types.is_floating(k) for k in kinds):
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(f.name, kind))
    return pa.schema(fields)


# ------------------------------------------------------------------------------------------- per article

#: One unit of input to a worker: the article, the key of its actors file, its row in a CSV/JSONL file.
_Item = tuple[Article, str, "int | None"]


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no analysis's ``except Exception`` swallows it."""


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeoutError` after ``seconds`` (only where signals work: a process's main thread)."""
    import threading

    usable = (seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _alarm(signum: int, frame: Any) -> None:
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"


def _error_row(article: Article, stage: str, exc: BaseException | None = None, *, error: str = "",
               message: str = "", row: int | None = None) -> dict[str, Any]:
    return {"article": article.id, "source": str(article.path), "row": row, "stage": stage,
            "error": error or type(exc).__name__, "message": message or str(exc) or type(exc).__name__,
            "where": _where(exc) if exc is not None else ""}


def _run_stage(name: str, article: Article, actors: Any, quotes: Any, *, plain: bool = False) -> Any:
    """One analysis of one article: its DataFrame, or with ``plain`` (the corpus run, which only converts the
    table to Arrow) a :class:`_PlainTable` where the analysis offers its table as plain lists."""
    if name == "quotes":
        from .quotes import extract_quotes, quote_columns

        if plain:
            frame, lists = quote_columns(article, actors=actors)
            return frame if lists is None else _PlainTable(lists, frame)
        return extract_quotes(article, actors=actors)
    if name == "timeline":
        from .timeline import timeline, timeline_columns

        if plain:
            table = timeline_columns(article, published=article.published)
            return _PlainTable(table) if isinstance(table, dict) else table
        return timeline(article, published=article.published)
    if name == "stance":
        from .stance import stance

        return stance(article, actors=actors, quotes=quotes)
    from .sentiment import quotation_sentiment, sentiment_columns

    if plain:
        table = sentiment_columns(article, quotes=quotes, actors=actors)
        return _PlainTable(table) if isinstance(table, dict) else table
    return quotation_sentiment(article, quotes=quotes, actors=actors)


def analyse_article(article: Article, *, actors: Any = None, timeout: float | None = _DEFAULT_TIMEOUT
                    ) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    """Run every analysis on one article, each failure caught and recorded.

    Args:
        article: the article.
        actors: an ``analysis.actors.Actors`` (None: an empty one, i.e. rules only).
        timeout: seconds allowed for the whole article (enforced in a process's main thread only).

    Returns:
        ``(frames, errors, unavailable)``: a DataFrame per analysis that ran, one error dict per failure
        (columns :data:`ERROR_COLUMNS`), and the analyses whose module is not installed.
    """
    return _analyse_one(article, actors=actors, timeout=timeout, plain=False)


def _analyse_one(article: Article, *, actors: Any, timeout: float | None, plain: bool
                 ) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    """:func:`analyse_article`; with ``plain`` a table may come as a :class:`_PlainTable` (see :func:`_run_stage`)."""
    if actors is None:
        from .actors import Actors

        actors = Actors()
    frames: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    unavailable: list[str] = []
    quotes = None
    try:
        with _time_limit(timeout):
            for name in ANALYSES:
                if name in ("stance", "sentiment") and quotes is None and "quotes" not in unavailable:
                    errors.append(_error_row(article, name, error="NotRun",
                                             message=f"{name} not run: the quotes analysis failed"))
                    continue
                try:
                    frame = _run_stage(name, article, actors, quotes, plain=plain)
                except ImportError as exc:
                    if exc.name and exc.name.startswith("analysis."):
                        unavailable.append(name)
                        continue
                    errors.append(_error_row(article, name, exc))
                    continue
                except _Timeout:
                    raise
                except Exception as exc:  # noqa: BLE001 - one failing analysis never stops the others
                    errors.append(_error_row(article, name, exc))
                    continue
                frames[name] = frame
                if name == "quotes":
                    quotes = frame.frame if isinstance(frame, _PlainTable) else frame
    except _Timeout:
        errors.append(_error_row(article, "timeout", error="TimeoutError",
                                 message=f"the article took longer than {timeout:g} s; it may be far longer than "
                                 "a news article, or trip a slow rule (report it with the article)"))
        frames = {}
    return frames, errors, unavailable


def _article_row(article: Article, row: int | None) -> dict[str, Any]:
    from .text import parse

    try:
        sentences: int | None = len(parse(article).sentences)
    except Exception:  # noqa: BLE001 - the error shows up in the analyses' error rows
        sentences = None
    return {
        "article": article.id, "source": str(article.path), "row": row, "title": article.title,
        "outlet": article.outlet, "published": article.published, "chars": len(article.text),
        "body_start": article.body_start, "sentences": sentences, "content_hash": _text_hash(article.text).hex(),
        "metadata": json.dumps(article.metadata, ensure_ascii=False, sort_keys=True), "warnings": "\n".join(article.warnings),
        "status": "ok", "duplicate_of": None,
    }


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


_Result = tuple[Article, "int | None", dict[str, Any], list[dict[str, Any]]]


def _analyse_batch(items: list[_Item], actors: dict[str, Any], timeout: float | None) -> dict[str, Any]:
    """The unit of work sent to a process or a Dask worker: a few articles in, Arrow tables out."""
    results: list[_Result] = []
    unavailable: set[str] = set()
    for article, actors_key, row in items:
        frames, errors, missing = _analyse_one(article, actors=actors.get(actors_key), timeout=timeout, plain=True)
        unavailable.update(missing)
        results.append((article, row, frames, errors))
    try:
        out, ok = _batch_tables(results, by_batch=True)
    except Exception:  # noqa: BLE001 - a value Arrow refuses: find its article the slow way, one table each
        out, ok = _batch_tables(results, by_batch=False)
    pa.default_memory_pool().release_unused()  # the per-article tables are gone: return their memory
    return {"tables": out, "ok": ok, "unavailable": sorted(unavailable)}


def _batch_tables(results: list[_Result], *, by_batch: bool) -> tuple[dict[str, pa.Table], list[str]]:
    """The batch's tables and the ids of its articles analysed without error.

    With ``by_batch`` each analysis table is converted to Arrow once for the batch (:func:`_pieces_table`);
    without, article by article (:func:`conform`), so that a value Arrow cannot store fails only its
    article's table (an error row says so). Both give the same tables when nothing fails.
    """
    parts: dict[str, list[Any]] = {name: [] for name in (*ANALYSES, "articles", "errors")}
    ok: list[str] = []
    records: list[dict[str, Any]] = []
    for article, row, frames, found in results:
        errors = list(found)
        for name, frame in frames.items():
            try:
                parts[name].append(_piece(frame, name, article.id) if by_batch
                                   else conform(frame, name, article=article.id))
            except Exception as exc:  # noqa: BLE001 - an odd value in one table fails that table only
                errors.append(_error_row(article, name, exc, message=f"its {name} table cannot be stored: "
                                         f"{type(exc).__name__}: {exc}"))
        for error in errors:
            error["row"] = row
        record = _article_row(article, row)
        record["status"] = "failed" if errors else "ok"
        records.append(record)
        if errors:
            parts["errors"].append(conform(_frame(errors, ERROR_COLUMNS), "errors"))
        else:
            ok.append(article.id)
    if records:
        parts["articles"].append(_conform_records(records, "articles"))
    out = {name: _pieces_table(name, pieces) if by_batch and name in ANALYSES else concat_tables(name, pieces)
           for name, pieces in parts.items()}
    return out, ok


# ---------------------------------------------------------------------------------------------- the cache


class _Cache:
    """Per-batch Parquet files plus an append-only index of which article key lives in which batch.

    Only articles analysed without error are indexed as reusable, so a failed article is retried next run.
    """

    def __init__(self, out: Path) -> None:
        self.root = out / _CACHE_DIR
        self.batches = self.root / "batches"
        self.batches.mkdir(parents=True, exist_ok=True)
        self.index_path = self.root / _INDEX
        self.reusable: dict[str, str] = {}
        self.where: dict[str, str] = {}
        self._load()
        self._log = open(self.index_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run

    def _load(self) -> None:
        if not self.index_path.is_file():
            return
        with open(self.index_path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:  # a line cut short by a crash
                    continue
                batch = entry.get("batch")
                if batch and all((self.batches / f"{batch}.{t}.parquet").is_file() for t in _TABLES):
                    for key in entry.get("keys", ()):
                        self.reusable[key] = batch
        self.where.update(self.reusable)

    def write(self, result: dict[str, Any], keys: dict[str, str]) -> str:
        """Store one batch's tables; ``keys`` maps each of its article ids to its content key."""
        batch = uuid.uuid4().hex[:16]
        for name, table in result["tables"].items():
            tmp = self.batches / f".{batch}.{name}.parquet.tmp"
            pq.write_table(table, tmp, compression="zstd")
            os.replace(tmp, self.batches / f"{batch}.{name}.parquet")
        done = [keys[a] for a in result["ok"] if a in keys]
        self._log.write(json.dumps({"batch": batch, "keys": done}) + "\n")
        self._log.flush()
        for key in keys.values():
            self.where[key] = batch
        for key in done:
            self.reusable[key] = batch
        return batch

    def compact(self, live: set[str]) -> None:
        """Keep only the batches that reusable live articles point to; rewrite the index to match."""
        self._log.close()
        by_batch: dict[str, list[str]] = {}
        for key in live:
            if key in self.reusable:
                by_batch.setdefault(self.reusable[key], []).append(key)
        tmp = self.index_path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"batch": b, "keys": sorted(by_batch[b])}) + "\n" for b in sorted(by_batch))
        os.replace(tmp, self.index_path)
        for f in self.batches.iterdir():
            if f.name.split(".")[0] not in by_batch:
                with contextlib.suppress(OSError):
                    f.unlink()

    def close(self) -> None:
        if not self._log.closed:
            self._log.close()


_TABLES = (*ANALYSES, "articles", "errors")


# --------------------------------------------------------------------------------------------- executors


class _InProcess:
    """Run batches here, one after the other (``jobs=1``): simplest, and what profiling wants."""

    workers = 1

    def __init__(self) -> None:
        self._done: list[tuple[Any, Any]] = []

    def submit(self, tag: Any, *args: Any) -> None:
        try:
            self._done.append((tag, _analyse_batch(*args)))
        except Exception as exc:  # noqa: BLE001 - reported per article like a worker failure
            self._done.append((tag, exc))

    def pending(self) -> int:
        return len(self._done)

    def next_done(self) -> tuple[Any, Any]:
        return self._done.pop(0)

    def close(self) -> None:
        pass


class _Processes:
    """A pool of worker processes on this machine."""

    def __init__(self, jobs: int) -> None:
        import concurrent.futures as cf
        import multiprocessing as mp

        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self._cf = cf
        self._pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context(method))
        self.workers = jobs
        self._futures: dict[Any, Any] = {}

    def submit(self, tag: Any, *args: Any) -> None:
        self._futures[self._pool.submit(_analyse_batch, *args)] = tag

    def pending(self) -> int:
        return len(self._futures)

    def next_done(self) -> tuple[Any, Any]:
        done, _ = self._cf.wait(list(self._futures), return_when=self._cf.FIRST_COMPLETED)
        fut = next(iter(done))
        tag = self._futures.pop(fut)
        try:
            return tag, fut.result()
        except Exception as exc:  # noqa: BLE001 - a worker died: its batch is reported, the run goes on
            return tag, exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    """The same batches sent to a dask.distributed scheduler (an address, or ``local`` for a LocalCluster)."""

    def __init__(self, address: str, jobs: int) -> None:
        from distributed import Client, LocalCluster

        self._cluster = None
        if address == "local":
            self._cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=40)
            self._client = Client(self._cluster)
        else:
            self._client = Client(address, timeout="30s")
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self._futures: dict[Any, Any] = {}
        self._queue: Any = None

    def submit(self, tag: Any, *args: Any) -> None:
        from distributed import as_completed

        fut = self._client.submit(_analyse_batch, *args, pure=False)
        self._futures[fut.key] = (fut, tag)
        if self._queue is None:
            self._queue = as_completed([fut])
        else:
            self._queue.add(fut)

    def pending(self) -> int:
        return len(self._futures)

    def next_done(self) -> tuple[Any, Any]:
        fut = next(self._queue)
        _, tag = self._futures.pop(fut.key)
        try:
            result = fut.result()
        except Exception as exc:  # noqa: BLE001 - a worker died or the task failed
            result = exc
        fut.release()
        return tag, result

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


# ----------------------------------------------------------------------------------------------- the run


@dataclass
class _Plan:
    order: list[tuple[str, str | None]] = field(default_factory=list)  # (id, key or None for a load failure)
    failures: dict[str, LoadFailure] = field(default_factory=dict)
    duplicates: dict[str, str] = field(default_factory=dict)
    todo: int = 0


def _article_key(article: Article, actors_digest: str, library: str) -> str:
    meta = json.dumps(article.metadata, sort_keys=True, ensure_ascii=False)
    return _digest(article.id.encode(), str(article.path).encode(), article.text.encode("utf-8", "surrogatepass"),
                   meta.encode(), str(article.published).encode(), str(article.body_start).encode(),
                   "\n".join(article.warnings).encode(), actors_digest.encode(), library.encode())


class _ActorsResolver:
    """The actors file for each article (one for all, else ``actors.toml`` beside it), loaded once each."""

    def __init__(self, actors: str | Path | None) -> None:
        self.fixed = Path(actors) if actors else None
        self.loaded: dict[str, Any] = {}
        self.digests: dict[str, str] = {}

    def key_for(self, article: Article) -> str:
        from .actors import default_actors_path, load_actors

        path = self.fixed or default_actors_path(article.path)
        key = str(path.resolve()) if path.is_file() else ""
        if key not in self.loaded:
            self.loaded[key] = load_actors(key or None)
            self.digests[key] = hashlib.sha256(Path(key).read_bytes()).hexdigest() if key else ""
        return key


def _plan(entries: Iterable[_Entry], cache: _Cache, resolver: _ActorsResolver, library: str) -> _Plan:
    plan = _Plan()
    for entry in entries:
        if entry.failure is not None:
            plan.failures[entry.id] = entry.failure
            plan.order.append((entry.id, None))
            continue
        assert entry.article is not None
        key = _article_key(entry.article, resolver.digests[resolver.key_for(entry.article)], library)
        plan.order.append((entry.id, key))
        if entry.duplicate_of:
            plan.duplicates[entry.id] = entry.duplicate_of
        if key not in cache.where:
            plan.todo += 1
    return plan


def _failure_tables(failure: LoadFailure) -> dict[str, pa.Table]:
    article = {c: None for c in ARTICLE_COLUMNS}
    article.update(article=failure.article, source=failure.source, row=failure.row, status="failed")
    if failure.metadata:  # a row that failed keeps what it said about itself (a date that failed stays out)
        article.update(title=failure.metadata.get("title"), outlet=failure.metadata.get("outlet"),
                       metadata=json.dumps(failure.metadata, ensure_ascii=False, sort_keys=True))
    error = {"article": failure.article, "source": failure.source, "row": failure.row, "stage": "load",
             "error": failure.error, "message": failure.message, "where": ""}
    return {"articles": conform(_frame([article], ARTICLE_COLUMNS), "articles"),
            "errors": conform(_frame([error], ERROR_COLUMNS), "errors")}


def _worker_failure(items: list[_Item], exc: BaseException) -> dict[str, Any]:
    """The result of a batch whose worker died: every article failed, with the reason."""
    message = (f"the worker running this article's batch failed ({type(exc).__name__}: {exc}); "
               "it is retried on the next run")
    errors, articles = [], []
    for article, _, row in items:
        errors.append(_error_row(article, "worker", exc, message=message, row=row))
        record = _article_row(article, row)
        record["status"] = "failed"
        articles.append(record)
    tables = {name: table_schema(name).empty_table() for name in ANALYSES}
    tables["articles"] = conform(pd.DataFrame(articles, columns=ARTICLE_COLUMNS), "articles")
    tables["errors"] = conform(pd.DataFrame(errors, columns=ERROR_COLUMNS), "errors")
    return {"tables": tables, "ok": [], "unavailable": []}


def _read_parquet(path: Path) -> pa.Table:
    """One small Parquet file, read in this thread.

    ``pq.read_table`` goes through the dataset machinery (thread pools, pre-buffering): on the hundreds of
    small batch files of a corpus run it raised peak RSS by about 130 MB; a plain single-threaded read by
    about 30 MB.
    """
    with pq.ParquetFile(path) as fh:
        return fh.read(use_threads=False)


class _Assembler:
    """Write the final tables in input order, reading each batch file once (a few kept in memory at a time)."""

    def __init__(self, out: Path, cache: _Cache, batches: Iterable[str]) -> None:
        self.out = out
        self.cache = cache
        batches = sorted(set(batches))
        self.schemas = {name: unify_schemas(name, (pq.read_schema(self._path(b, name)) for b in batches))
                        for name in _TABLES}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.buffers: dict[str, list[pa.Table]] = {name: [] for name in _TABLES}
        self.buffered: dict[str, int] = dict.fromkeys(_TABLES, 0)
        self.rows: dict[str, int] = dict.fromkeys(_TABLES, 0)
        self.loaded: OrderedDict[tuple[str, str], tuple[pa.Table, dict[str, tuple[int, int]]]] = OrderedDict()
        self.runs: dict[str, tuple[pa.Table, int, int]] = {}  # per table: rows of one batch table not yet appended

    def _batch(self, batch: str, name: str) -> tuple[pa.Table, dict[str, tuple[int, int]]]:
        key = (batch, name)
        if key in self.loaded:
            self.loaded.move_to_end(key)
            return self.loaded[key]
        table = _read_parquet(self._path(batch, name)).cast(self.schemas[name])
        spans: dict[str, tuple[int, int]] = {}
        for i, article in enumerate(table.column("article").to_pylist()):
            lo, _ = spans.get(article, (i, i))
            spans[article] = (lo, i + 1)
        self.loaded[key] = (table, spans)
        if len(self.loaded) > 4 * len(_TABLES):
            self.loaded.popitem(last=False)
        return table, spans

    def _path(self, batch: str, name: str) -> Path:
        return self.cache.batches / f"{batch}.{name}.parquet"

    def add_cached(self, article: str, batch: str, *, duplicate_of: str | None = None) -> None:
        """Append one article's rows of every table, taken from its batch files.

        Articles that follow each other in their batch file as in the output (a fresh run: every batch in
        order) are appended as one slice of the batch table, not one slice each."""
        for name in _TABLES:
            table, spans = self._batch(batch, name)
            if article not in spans:
                continue
            lo, hi = spans[article]
            if name == "articles" and duplicate_of is not None:
                self._release(name)
                rows = table.slice(lo, hi - lo)
                i = rows.schema.get_field_index("duplicate_of")
                rows = rows.set_column(i, rows.schema.field(i), pa.array([duplicate_of] * len(rows), pa.string()))
                self._append(name, rows)
                continue
            run = self.runs.get(name)
            if run is not None and run[0] is table and run[2] == lo:
                self.runs[name] = (table, run[1], hi)
            else:
                self._release(name)
                self.runs[name] = (table, lo, hi)

    def _release(self, name: str) -> None:
        """Append the pending run of rows of table ``name``, if any."""
        run = self.runs.pop(name, None)
        if run is not None:
            table, lo, hi = run
            self._append(name, table.slice(lo, hi - lo))

    def add_tables(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            self._release(name)
            self._append(name, table.cast(self.schemas[name]))

    def _append(self, name: str, table: pa.Table) -> None:
        if not len(table):
            return
        self.buffers[name].append(table)
        self.buffered[name] += len(table)
        if self.buffered[name] >= _ROW_GROUP_ROWS:
            self._flush(name)
        elif len(self.buffers[name]) >= _MAX_PIECES:
            # Thousands of one-row slices (the articles table) cost more than their rows, and each keeps its
            # whole batch table alive: merge them into one table until the row group is full.
            self.buffers[name] = [pa.concat_tables(self.buffers[name]).combine_chunks()]

    def _writer(self, name: str) -> pq.ParquetWriter:
        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self.out / f".{name}.parquet.tmp", self.schemas[name],
                                                  compression="zstd")
        return self.writers[name]

    def _flush(self, name: str) -> None:
        if self.buffers[name]:
            table = pa.concat_tables(self.buffers[name]).combine_chunks()
            self._writer(name).write_table(table, row_group_size=_ROW_GROUP_ROWS)
            self.rows[name] += len(table)
        self.buffers[name], self.buffered[name] = [], 0
        pa.default_memory_pool().release_unused()  # hand freed Arrow memory back to the system

    def finish(self) -> dict[str, Path]:
        """Close every table and move it into place (readers never see a half-written table)."""
        paths = {}
        for name in _TABLES:
            self._release(name)
            self._flush(name)
            self._writer(name).close()
            paths[name] = self.out / f"{name}.parquet"
            os.replace(self.out / f".{name}.parquet.tmp", paths[name])
        return paths


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, initial: int, enabled: bool) -> Any:
    if not enabled:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, desc="articles", unit="article", disable=not enabled,
                smoothing=0.1, dynamic_ncols=True)


def _executor(jobs: int, dask: str | None) -> Any:
    if dask:
        return _Dask(dask, jobs if jobs > 1 else 2)
    return _Processes(jobs) if jobs > 1 else _InProcess()


def run_corpus(
    inputs: Iterable[str | Path],
    *,
    out: str | Path,
    jobs: int = 1,
    dask: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    published_column: str = "published",
    outlet_column: str = "outlet",
    title_column: str = "title",
    actors: str | Path | None = None,
    catalog: str | Path | None = None,
    progress: bool = True,
    batch_size: int = _DEFAULT_BATCH,
    timeout: float | None = _DEFAULT_TIMEOUT,
    force: bool = False,
) -> CorpusSummary:
    """Run every analysis over a corpus and write one Parquet table per analysis into ``out``.

    Args:
        inputs: files, folders and globs, as for :func:`iter_articles`.
        out: the output folder (created); it also holds the cache that lets a re-run skip unchanged articles.
        jobs: worker processes on this machine (1: run here); with ``dask="local"``, the local workers
            (default 2).
        dask: a dask.distributed scheduler address (``tcp://host:8786``), or ``"local"`` to start a local
            cluster; the workers need this package installed, the inputs are read here and sent to them.
        text_column, id_column, published_column, outlet_column, title_column: CSV/JSONL column names.
        actors: one actors TOML for every article (default: ``actors.toml`` beside each input file).
        catalog: a catalog TOML for ``.txt`` articles (default: ``catalog.toml`` beside each).
        progress: show a progress bar (articles done, speed, time left).
        batch_size: articles per unit of work sent to a worker.
        timeout: seconds allowed per article (enforced in worker processes and in this process's main thread).
        force: analyse every article again, even those whose results are up to date.

    Returns:
        A :class:`CorpusSummary`. Failures are in ``errors.parquet`` and counted, never raised.

    Raises:
        ValueError: no inputs, ``jobs`` below 1 or ``batch_size`` below 1 (the message says what to pass).
    """
    from .reports import library_fingerprint

    inputs = [str(i) for i in inputs]
    if not inputs:
        raise ValueError("no corpus inputs given; pass folders of .txt articles, CSV/JSONL files or globs")
    if jobs < 1 or batch_size < 1:
        raise ValueError(f"jobs and batch_size must be at least 1 (got jobs={jobs}, batch_size={batch_size})")
    t0 = time.perf_counter()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    cols = _Columns(text_column, id_column, published_column, outlet_column, title_column)
    catalogs = _Catalogs(catalog)  # shared by the planning pass and the analysis pass: each catalog read once
    cache = _Cache(out_dir)
    try:
        if force:
            cache.reusable.clear()
            cache.where.clear()
        resolver = _ActorsResolver(actors)
        notes: list[str] = []
        plan = _plan(_entries(inputs, cols, catalogs, notes.append), cache, resolver, library_fingerprint())
        summary = CorpusSummary(out=out_dir, articles=len(plan.order), duplicates=len(plan.duplicates),
                                notes=notes)
        failed = _analyse(inputs, cols, catalogs, plan, cache, resolver, summary, jobs=jobs, dask=dask,
                          batch_size=batch_size, timeout=timeout, progress=progress)
        summary.skipped = summary.articles - summary.analysed - len(plan.failures)
        summary.failed = len(plan.failures) + len(failed)
        summary.tables, summary.rows = _assemble(out_dir, cache, plan)
        cache.compact({key for _, key in plan.order if key is not None})
    finally:
        cache.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def _analyse(inputs: list[str], cols: _Columns, catalog: Any, plan: _Plan, cache: _Cache,
             resolver: _ActorsResolver, summary: CorpusSummary, *, jobs: int, dask: str | None, batch_size: int,
             timeout: float | None, progress: bool) -> set[str]:
    """Send the articles that need it to the workers in batches, a few in flight; store results as they come."""
    keys_of = dict(plan.order)
    failed: set[str] = set()
    unavailable: set[str] = set()
    if not plan.todo:
        return failed
    executor = _executor(jobs, dask)
    window = 2 * getattr(executor, "workers", jobs)
    bar = _progress(len(plan.order), len(plan.order) - plan.todo, progress)

    def collect() -> None:
        items, result = executor.next_done()
        if isinstance(result, BaseException):
            result = _worker_failure(items, result)
        keys = {article.id: keys_of[article.id] for article, _, _ in items}
        cache.write(result, keys)
        unavailable.update(result["unavailable"])
        failed.update(set(keys) - set(result["ok"]))
        bar.update(len(items))

    def submit(batch: list[_Item]) -> None:
        while executor.pending() >= window:
            collect()
        executor.submit(batch, batch, _actors_for(batch, resolver), timeout)
        summary.analysed += len(batch)

    try:
        batch: list[_Item] = []
        for entry in _entries(inputs, cols, catalog):
            if entry.article is None or keys_of.get(entry.id) in cache.where:
                continue
            batch.append((entry.article, resolver.key_for(entry.article), entry.row))
            if len(batch) >= batch_size:
                submit(batch)
                batch = []
        if batch:
            submit(batch)
        while executor.pending():
            collect()
    finally:
        bar.close()
        executor.close()
    summary.unavailable = tuple(sorted(unavailable))
    return failed


def _assemble(out: Path, cache: _Cache, plan: _Plan) -> tuple[dict[str, Path], dict[str, int]]:
    assembler = _Assembler(out, cache, (cache.where[key] for _, key in plan.order if key is not None))
    for article_id, key in plan.order:
        if key is None:
            assembler.add_tables(_failure_tables(plan.failures[article_id]))
        else:
            assembler.add_cached(article_id, cache.where[key], duplicate_of=plan.duplicates.get(article_id))
    return assembler.finish(), dict(assembler.rows)


def _actors_for(batch: list[_Item], resolver: _ActorsResolver) -> dict[str, Any]:
    return {key: resolver.loaded[key] for _, key, _ in batch}


def read_table(out: str | Path, name: str) -> Any:
    """One output table of a corpus run as a pandas DataFrame (``name``: quotes, timeline, ..., errors).

    Integer columns stay integers: a column with missing values (``chars``, ``sentences`` of an article that
    could not be loaded) becomes pandas' nullable ``Int64``.

    Raises:
        ValueError: ``name`` is not one of the tables, or the run has not written it yet.
    """
    if name not in _TABLES:
        raise ValueError(f"unknown table {name!r}; choose from: {', '.join(_TABLES)}")
    path = Path(out) / f"{name}.parquet"
    if not path.is_file():
        raise ValueError(f"{path} does not exist; run `python -m analysis corpus INPUT... --out {out}` first")
    table = pq.read_table(path)
    df = table.to_pandas()
    for f in table.schema:  # integers stay integers when some rows lack them (a failed article has no sizes)
        if pa.types.is_integer(f.type) and table.column(f.name).null_count:
            df[f.name] = table.column(f.name).to_pandas(types_mapper={f.type: pd.Int64Dtype()}.get)
    return df


# ------------------------------------------------------------------------------------------------ the CLI


def main(args: argparse.Namespace) -> int:
    """``python -m analysis corpus``: run :func:`run_corpus` from parsed arguments; 1 when any article failed."""
    try:
        summary = run_corpus(
            args.inputs, out=args.out, jobs=args.jobs, dask=args.dask, text_column=args.text_column,
            id_column=args.id_column, published_column=args.published_column, outlet_column=args.outlet_column,
            title_column=args.title_column, actors=args.actors, progress=not args.quiet,
            catalog=getattr(args, "catalog", None), force=getattr(args, "force", False),
            batch_size=getattr(args, "batch_size", 16), timeout=getattr(args, "timeout", 300.0),
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. a Dask scheduler that cannot be reached
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for text in summary.notes:
        print(f"warning: {text}", file=sys.stderr)
    print(summary)
    if summary.failed:
        from .display import counted

        print(f"error: {counted(summary.failed, 'article')} failed; see {summary.tables['errors']}", file=sys.stderr)
    return 1 if summary.failed else 0


# ------------------------------------------------------------------------------------- corpus comparisons

#: The label of articles whose outlet is not known.
NO_OUTLET = "(unknown outlet)"
_NO_CAMP = "(no camp)"
_RELATIVE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_EVENT_WORD = re.compile(r"[^\W\d_]{3,}")


def with_articles(df: pd.DataFrame, articles: pd.DataFrame, columns: Iterable[str] = ("outlet", "title")
                  ) -> pd.DataFrame:
    """Add article columns (outlet, title, published, ...) to any table by its ``article`` id.

    A missing outlet becomes :data:`NO_OUTLET`, so that every row belongs to a group.
    """
    columns = [c for c in columns if c != "article"]
    out = df.merge(articles[["article", *columns]], on="article", how="left", validate="many_to_one")
    if "outlet" in columns:
        out["outlet"] = out["outlet"].fillna(NO_OUTLET)
    return out


def _camp(values: pd.Series) -> pd.Series:
    return values.astype(object).where(values.notna(), _NO_CAMP)


def share_of_voice_by(quotes: pd.DataFrame, articles: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Who gets quoted and how much, per outlet (or per article): words quoted or reported per camp.

    Returns:
        Columns ``<by>, camp, speakers, quotations, words, share`` (share of that group's quoted words, 0-1),
        groups in order, largest camp first. Speakers without a camp count under "(no camp)", quotations
        without a speaker under "(unresolved)".
    """
    from .quotes import share_of_voice

    columns = [by, "camp", "speakers", "quotations", "words", "share"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    df = with_articles(quotes, articles, ("outlet",)) if by != "article" else quotes
    # Each group counted exactly as the single-article report counts it (same words, same camp labels).
    parts = [share_of_voice(group).assign(**{by: key}) for key, group in df.groupby(by, sort=True)]
    return pd.concat(parts, ignore_index=True)[columns]


def stance_balance(stance: pd.DataFrame, articles: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Stance toward each camp per outlet (or article): how many judgements, for and against, the mean score.

    Returns:
        Columns ``<by>, target_camp, n, against, neutral, for, mean_score``; targets without a camp are
        grouped under "(no camp)".
    """
    columns = [by, "target_camp", "n", "against", "neutral", "for", "mean_score"]
    if stance.empty:
        return pd.DataFrame(columns=columns)
    df = with_articles(stance, articles, ("outlet",)) if by != "article" else stance.copy()
    df["target_camp"] = _camp(df["target_camp"])
    out = df.groupby([by, "target_camp"]).agg(
        n=("polarity", "size"), against=("polarity", lambda p: int((p < 0).sum())),
        neutral=("polarity", lambda p: int((p == 0).sum())), **{"for": ("polarity", lambda p: int((p > 0).sum()))},
        mean_score=("score", "mean")).reset_index()
    return out.sort_values([by, "n", "target_camp"], ascending=[True, False, True]).reset_index(drop=True)[columns]


def framing_by_outlet(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The reporting verbs each outlet uses, with their connotation (``analysis.stance.connotation_of``).

    Returns:
        One row per outlet, lemma and speaker camp: ``outlet, camp, lemma, connotation, n``, most used first.
    """
    from .stance import connotation_of

    columns = ["outlet", "camp", "lemma", "connotation", "n"]
    df = quotes[quotes["cue"].notna()] if len(quotes) else quotes
    if df.empty:
        return pd.DataFrame(columns=columns)
    df = with_articles(df, articles, ("outlet",))
    pairs = [connotation_of(str(c)) for c in df["cue"]]
    df = df.assign(lemma=[p[0] for p in pairs], connotation=[p[1] for p in pairs], camp=_camp(df["camp"]))
    out = df.groupby(["outlet", "camp", "lemma", "connotation"]).size().rename("n").reset_index()
    return out.sort_values(["outlet", "n", "lemma"], ascending=[True, False, True]).reset_index(drop=True)[columns]


@functools.lru_cache(maxsize=1)
def _event_function_words() -> frozenset[str]:
    """The function words of ``analysis/data/event_words.txt`` and the reporting verbs' forms: no content words."""
    from importlib import resources

    from .quotes import cue_lexicon

    raw = resources.files("analysis.data").joinpath("event_words.txt").read_text(encoding="utf-8")
    words = {line.split("#", 1)[0].strip().lower() for line in raw.splitlines()}
    return frozenset(words - {""}) | frozenset(cue_lexicon().forms)


def _actor_set(value: Any) -> frozenset[str]:
    return frozenset(a.strip() for a in str(value).split(";") if a.strip()) if isinstance(value, str) else frozenset()


@functools.lru_cache(maxsize=8192)
def _event_parts(event: str, expression: str, actors: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """What happened and who took part, in one event clause: its content words and its participants' keys.

    The temporal expression, the people and organisations the clause names (with their titles: "Deputy Mayor
    Tom Brandt"), the reporting verbs and function words are no content words; a place name is one content word
    ("New York" and "New Hampshire" share nothing). Participants are the clause's ``actors`` and the persons
    and organisations it names; a lone capitalised first word ("Critics", "Kessler") counts as a person only
    when it names one of the actors, else it stays a content word.
    """
    from .speakers import find_names, surname_key

    text = event.replace(expression, " " * len(expression)) if expression else event
    who = {surname_key(a) for a in actors}
    kept, places, pos = [], [], 0
    for mention in find_names(text):
        if mention.kind == "place":
            places.append(" ".join(_EVENT_WORD.findall(mention.name.lower())))
        elif mention.kind == "person":
            key = surname_key(mention.name)
            if mention.sentence_initial and " " not in mention.name.strip() and key not in who:
                continue
            who.add(key)
        else:
            who.add(" ".join(_EVENT_WORD.findall(mention.name.lower())))
        kept.append(text[pos:mention.start])
        pos = mention.end
    kept.append(text[pos:])
    stop = _event_function_words()
    words = {w for w in (m.lower() for m in _EVENT_WORD.findall(" ".join(kept))) if w not in stop}
    return frozenset(words | {p for p in places if p}), frozenset(who - {""})


#: Words (of three letters or more) a clause needs for its repetition in another article to be one event by itself.
_SAME_CLAUSE_WORDS = 6


def _clause_key(event: str, expression: str) -> str:
    """An event clause without its temporal expression, its words lower-cased: equal for a reprinted clause."""
    text = event.replace(expression, " ") if expression else event
    return " ".join(w.lower() for w in _EVENT_WORD.findall(text))


def merge_timelines(timeline: pd.DataFrame, *, similarity: float = 0.5) -> pd.DataFrame:
    """Merge the timelines of several articles into one, flagging articles that disagree about a date.

    Dated rows (with ``range_start``/``range_end``; relative references such as PRESENT_REF left out) of
    different articles are taken as the same event when their event clauses say the same thing happened and
    the same people took part: the Jaccard similarity of their content words is at least ``similarity``, and
    their participants (the row's actors, the persons and organisations the clause names), when both have
    some, overlap. Content words are what is left of the clause without the temporal expression, the persons
    (with their titles) and organisations named, the reporting verbs and the function words of
    ``analysis/data/event_words.txt``; a place name counts as one content word. A clause left with none
    ("Councilman Raymond Okafor said on Saturday") tells no event to match and stays on its own. Two clauses
    must share at least two content words, or else say nothing but the same one word of the same participants
    ("Okafor resigned on Monday", "Okafor resigned on Tuesday"); the very same clause of six words or more
    about the same participants (a reprint: "Tidewater Marine did not respond to a request for comment") is one
    event. An event's
    articles *agree* when the date ranges they give have a common day; otherwise the event is flagged.

    Args:
        timeline: the corpus ``timeline`` table (several articles).
        similarity: the least Jaccard similarity of two event clauses taken as the same event.

    Returns:
        One row per dated timeline row, tidy and with its offsets: ``event_id, article, text, start, end,
        event, value, range_start, range_end, actors, inherited, n_articles, agree``, ordered by event date
        (``inherited``: the row's sentence inherits the date of an earlier expression, see
        :func:`inherited_rows`). Events found in one article only have ``n_articles == 1`` and ``agree`` True.
    """
    columns = ["event_id", "article", "text", "start", "end", "event", "value", "range_start", "range_end",
               "actors", "inherited", "n_articles", "agree"]
    if timeline.empty or "range_start" not in timeline:
        return pd.DataFrame(columns=columns)
    df = timeline[timeline["range_start"].notna() & ~timeline["value"].isin(_RELATIVE_VALUES)].copy()
    if df.empty:
        return pd.DataFrame(columns=columns)
    df["inherited"] = inherited_rows(df)
    df = df.sort_values(["range_start", "range_end", "article", "start"], kind="stable").reset_index(drop=True)
    clusters: list[tuple[frozenset[str], frozenset[str], set[str], set[str]]] = []
    ids = []
    for row in df.itertuples(index=False):
        words, actors = _event_parts(str(row.event or ""), str(row.text or ""), _actor_set(row.actors))
        clause = _clause_key(str(row.event or ""), str(row.text or ""))
        best, best_score = None, similarity
        for i, (c_words, c_actors, c_articles, c_clauses) in enumerate(clusters):
            if row.article in c_articles or (actors and c_actors and not actors & c_actors):
                continue
            if clause in c_clauses and actors & c_actors and clause.count(" ") >= _SAME_CLAUSE_WORDS - 1:
                score = 1.0  # the same clause about the same participants (a reprint): the same event
            else:
                shared = len(words & c_words)
                if not words or shared < 2 and not (words == c_words and actors & c_actors):
                    continue  # one word in common is a coincidence unless it is all both say, of the same people
                score = shared / len(words | c_words)
            if score >= best_score:
                best, best_score = i, score
        if best is None:
            clusters.append((words, actors, {row.article}, {clause}))
            ids.append(len(clusters) - 1)
        else:
            c_words, c_actors, c_articles, c_clauses = clusters[best]
            clusters[best] = (c_words | words, c_actors | actors, c_articles | {row.article}, c_clauses | {clause})
            ids.append(best)
    df["event_id"] = ids
    per_article = df.groupby(["event_id", "article"]).agg(lo=("range_start", "min"), hi=("range_end", "max"))
    spans = per_article.groupby(level="event_id").agg(lo=("lo", "max"), hi=("hi", "min"),
                                                      n_articles=("lo", "size"))
    spans["agree"] = spans["lo"] <= spans["hi"]
    df = df.join(spans[["n_articles", "agree"]], on="event_id")
    return df[columns].reset_index(drop=True)


def inherited_rows(timeline: pd.DataFrame) -> pd.Series:
    """Which timeline rows inherit their date instead of stating one (their ``rule`` starts with ``inherited:``).

    Such a row repeats the ``text, start, end`` of the expression it inherits from, for a later sentence of the
    same passage: count the expressions an article states with ``(~inherited_rows(t)).sum()``.
    """
    if "rule" not in timeline:
        return pd.Series(False, index=timeline.index, dtype=bool)
    return timeline["rule"].astype("string").str.startswith("inherited:").fillna(False).astype(bool)


def timeline_plot_events(merged: pd.DataFrame, *, max_days: int = 62, limit: int = 30,
                         label_chars: int = 48) -> tuple[pd.DataFrame, list[str]]:
    """The events of a merged timeline (:func:`merge_timelines`) a plot can show, and what it leaves out.

    A plot on a day axis cannot show an expression spanning years ("2008", "last year") next to days, nor more
    than a few dozen rows. Rows spanning more than ``max_days`` are left out; of the remaining events the plot
    keeps ``limit``: first those the articles disagree on, then those several articles report, then those an
    article states (not only inherits), each group in date order. The kept events are then drawn in date order.

    Args:
        merged: the output of :func:`merge_timelines`.
        max_days: the longest date range drawn, in days.
        limit: the most events drawn.
        label_chars: the longest event label; a longer event clause is cut at a word and ends with "…".

    Returns:
        The rows to draw (rows of ``merged`` with two more columns: ``row``, the event's line from the top
        (0, 1, ...), and ``label``), and notes saying in plain words what was left out (empty when nothing was).
    """
    from .display import counted

    if merged.empty:
        return merged.assign(row=pd.Series(dtype=int), label=pd.Series(dtype=str)), []
    lo, hi = pd.to_datetime(merged["range_start"]), pd.to_datetime(merged["range_end"])
    short = (hi - lo) <= pd.Timedelta(days=max_days)
    drawable = merged[short]
    notes = []
    wide = sorted(set(merged["event_id"]) - set(drawable["event_id"]))
    if wide:
        notes.append(f"{counted(len(wide), 'event')} dated only by a range longer than {max_days} days (a year, a "
                     f"season, \"last year\") {'is' if len(wide) == 1 else 'are'} not drawn.")
    if drawable.empty:
        return drawable.assign(row=pd.Series(dtype=int), label=pd.Series(dtype=str)), notes
    inherited = drawable["inherited"] if "inherited" in drawable else pd.Series(False, index=drawable.index)
    events = drawable.assign(stated=~inherited.astype(bool)).groupby("event_id").agg(
        first=("range_start", "min"), n_articles=("n_articles", "max"), agree=("agree", "all"),
        stated=("stated", "any"))
    events["rank"] = [0 if not a else 1 if n > 1 else 2 if st else 3
                      for a, n, st in zip(events["agree"], events["n_articles"], events["stated"])]
    kept = events.sort_values(["rank", "first"], kind="stable").head(limit).sort_values("first", kind="stable")
    left = len(events) - len(kept)
    if left:
        dropped = events.drop(kept.index)
        parts = [counted(int((dropped["rank"] == r).sum()), one, many) for r, one, many in
                 ((1, "event told by several articles", "events told by several articles"),
                  (2, "event of one article", "events of one article"),
                  (3, "sentence that only inherits its date", "sentences that only inherit their date"))
                 if (dropped["rank"] == r).any()]
        notes.append(f"{counted(left, 'more event')} {'is' if left == 1 else 'are'} not drawn ({', '.join(parts)}): "
                     f"the plot shows {limit}, those the articles disagree on first, then those several articles "
                     "report, then the dates the articles state, each in date order.")
    rows = {eid: i for i, eid in enumerate(kept.index)}
    out = drawable[drawable["event_id"].isin(rows)].copy()
    out["row"] = out["event_id"].map(rows).astype(int)
    first_stated = out.assign(_s=inherited.reindex(out.index).astype(bool)).sort_values(["row", "_s", "range_start"])
    labels = first_stated.groupby("row")["event"].first().map(lambda e: shorten(e, label_chars))
    out["label"] = out["row"].map(labels)
    if notes:
        notes.append("Every event is in the table below.")
    return out.sort_values(["row", "article", "start"], kind="stable").reset_index(drop=True), notes


def sentiment_per_speaker(sentiment: pd.DataFrame) -> pd.DataFrame:
    """Each speaker's quotations pooled across articles (:func:`analysis.sentiment.speaker_sentiment`), with
    ``articles``: in how many articles the speaker is quoted (an integer; unresolved speakers are counted under
    the same "(unresolved)" label as in share of voice)."""
    from .sentiment import speaker_sentiment

    per_speaker = speaker_sentiment(sentiment, by="speaker")
    labels = sentiment["speaker"].astype(object).where(
        sentiment["speaker"].map(lambda v: isinstance(v, str) and bool(v.strip())), UNRESOLVED)
    reach = sentiment.assign(speaker=labels).groupby("speaker")["article"].nunique()
    per_speaker.insert(2, "articles", per_speaker["speaker"].map(reach).fillna(0).astype(int))
    return per_speaker

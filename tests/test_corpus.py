"""Corpus runs: inputs (folders, CSV, JSONL, globs), the Parquet tables, errors, re-runs, processes and Dask.

Every corpus here is written by the tests themselves. The library fingerprint is pinned in tests that re-run,
so that colleagues editing the package during a test run cannot invalidate the cache between two runs.
"""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import analysis.reports
from analysis import cli
from analysis.corpus import (
    ANALYSES,
    ARTICLE_COLUMNS,
    ERROR_COLUMNS,
    CorpusWarning,
    LoadFailure,
    conform,
    framing_by_outlet,
    inherited_rows,
    iter_articles,
    merge_timelines,
    read_table,
    run_corpus,
    sentiment_per_speaker,
    share_of_voice_by,
    stance_balance,
    table_schema,
    timeline_plot_events,
)

from .conftest import SHORT_ARTICLE

STORIES = {
    "harbour": (
        "---\ntitle: Harbour plan approved\noutlet: The Coast Gazette\npublished: 2023-05-04\n---\n"
        "PORTVILLE — The harbour board on Tuesday approved the dredging plan after a long debate.\n\n"
        "\u201cThis is a good day for the town,\u201d said board chair Maria Lindqvist. "
        "\u201cThe boats will come back.\u201d\n\n"
        "Fisherman Paul Okafor accused the board of ignoring the costs. He said the plan would fail by next "
        "spring.\n"
    ),
    "school": (
        "---\ntitle: School reopens\noutlet: Valley Post\npublished: 2023-09-01\n---\n"
        "The village school reopened on Monday, three years after the flood.\n\n"
        "\u201cWe waited a long time,\u201d headteacher Ana Ruiz told reporters. Parents said they were "
        "relieved.\n"
    ),
}
ROWS = [
    {"id": "r1", "text": "The minister said \u201cthe budget is balanced\u201d on Friday. Critics disagreed.",
     "outlet": "Daily Ledger", "published": "2024-02-02", "title": "Budget", "author": "K. Dane"},
    {"id": "r2", "text": "", "outlet": "Daily Ledger", "published": "2024-02-02", "title": "Empty row"},
    {"id": "r3", "text": "Council member Tom Reyes accused the mayor of stalling. He said it would cost a year.",
     "outlet": "Evening Star", "published": "2024-13-40", "title": "Bad date", "author": ""},
    {"id": "r1", "text": "The minister said \u201cthe budget is balanced\u201d on Friday. Critics disagreed.",
     "outlet": "Evening Star", "published": "2024-02-03", "title": "Copy", "author": ""},
]


@pytest.fixture
def pinned(monkeypatch):
    """A fixed library fingerprint, so the cache key depends only on the inputs during the test."""
    monkeypatch.setattr(analysis.reports, "library_fingerprint", lambda: "pinned-for-tests")


def _folder(root: Path) -> Path:
    folder = root / "stories"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in STORIES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "short.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    return folder


def _csv(root: Path, rows: list[dict[str, str]] = ROWS, name: str = "rows.csv") -> Path:
    path = root / name
    fields = sorted({k for r in rows for k in r}, key=lambda k: list(rows[0]).index(k) if k in rows[0] else 99)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _jsonl(root: Path, lines: list[str], name: str = "rows.jsonl") -> Path:
    path = root / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    folder = _folder(tmp_path)
    rows = _csv(tmp_path)
    jsonl = _jsonl(tmp_path, [
        json.dumps({"id": "j1", "text": "Officials said the road would open in June. \u201cIt is ready,\u201d "
                    "engineer Lee Park said.", "source": "Road News", "date": "2024-03-01"}),
        "{not json",
    ])
    return [str(folder), str(rows), str(jsonl)]


def _articles(inputs: list[str], **options: str) -> dict[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {a.id: a.text for a in iter_articles(inputs, **options)}


# ------------------------------------------------------------------------------------------------ input


def test_folder_articles_keep_front_matter_and_offsets(tmp_path):
    arts = list(iter_articles([_folder(tmp_path)]))
    assert [a.id for a in arts] == ["harbour", "school", "short"]
    harbour = arts[0]
    assert harbour.outlet == "The Coast Gazette" and str(harbour.published) == "2023-05-04"
    assert harbour.text.startswith("PORTVILLE")


@pytest.mark.parametrize(
    ("record", "expected_id", "expected"),
    [
        ({"id": "x7", "text": "A short story.", "outlet": "Ledger", "published": "2024-01-05", "title": "T"},
         "x7", {"outlet": "Ledger", "published": "2024-01-05", "title": "T"}),
        ({"text": "No id column here.", "outlet": "Ledger"}, "rows-1", {"outlet": "Ledger"}),
        ({"id": " ", "text": "Blank id.", "published": "2024-01-05T10:30:00Z"}, "rows-1",
         {"published": "2024-01-05"}),
        ({"id": 12, "text": "Numeric id.", "tags": ["a", "b"]}, "12", {"tags": '["a", "b"]'}),
    ],
)
def test_jsonl_row_becomes_an_article(tmp_path, record, expected_id, expected):
    path = _jsonl(tmp_path, [json.dumps(record)])
    (article,) = list(iter_articles([path]))
    assert article.id == expected_id
    assert article.text == record["text"]
    assert article.path == path
    for key, value in expected.items():
        got = str(article.published) if key == "published" else article.metadata.get(key)
        assert got == value, key


def test_csv_rows_ids_duplicates_and_bad_rows(tmp_path):
    failures: list[LoadFailure] = []
    with pytest.warns(CorpusWarning, match="same text as r1"):
        arts = list(iter_articles([_csv(tmp_path)], on_error=failures.append))
    assert [a.id for a in arts] == ["r1", "r1~2"]
    assert arts[0].title == "Budget" and arts[0].outlet == "Daily Ledger" and arts[0].metadata["author"] == "K. Dane"
    assert arts[1].outlet == "Evening Star"
    assert [(f.article, f.row) for f in failures] == [("r2", 2), ("r3", 3)]
    assert "has no text" in failures[0].message and "invalid published date" in failures[1].message


def test_columns_named_by_options(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"key": "k1", "body": "Text here.", "site": "Gazette", "day": "2020-02-29",
                                         "headline": "H"})])
    (article,) = list(iter_articles([path], text_column="body", id_column="key", outlet_column="site",
                                    published_column="day", title_column="headline"))
    assert (article.id, article.text, article.outlet, str(article.published), article.title) == (
        "k1", "Text here.", "Gazette", "2020-02-29", "H")


def test_a_scraped_page_in_a_row_is_blanked_keeping_offsets(tmp_path):
    text = "<p>Smith &amp; Sons closed.</p>\n<p>The mayor said the yard would be sold.</p>"
    path = _jsonl(tmp_path, [json.dumps({"id": "k1", "text": text})])
    (article,) = list(iter_articles([path]))
    assert len(article.text) == len(text) and "<p>" not in article.text and "&amp;" not in article.text
    assert article.text.index("The mayor said") == text.index("The mayor said")
    assert any("blanked out" in w for w in article.warnings)


def test_missing_text_column_is_one_clear_error(tmp_path):
    path = _csv(tmp_path, [{"id": "a", "content": "Text."}])
    failures: list[LoadFailure] = []
    assert list(iter_articles([path], on_error=failures.append)) == []
    assert len(failures) == 1 and "no 'text' column" in failures[0].message
    assert "--text-column" in failures[0].message


@pytest.mark.parametrize(("row", "options", "expected", "note"), [
    # Media Cloud's names are read without options, and the run says which columns it took
    ({"stories_id": "77", "media_name": "Harbour Gazette", "publish_date": "2025-03-12 08:15:00",
      "title": "T", "text": "The mayor spoke on Tuesday."}, {},
     ("77", "Harbour Gazette", "2025-03-12"), "publication date from column 'publish_date'"),
    ({"ID": "8", "Publisher": "Valley Post", "Date": "March 4, 2025", "text": "Rain fell."}, {},
     ("8", "Valley Post", "2025-03-04"), "outlet from column 'Publisher'"),
    # an option names the column: the export names are not looked at
    ({"id": "9", "media_name": "Wrong", "site": "Right", "day": "2025-01-02", "publish_date": "2020-01-01",
      "text": "Snow fell."}, {"outlet_column": "site", "published_column": "day"},
     ("9", "Right", "2025-01-02"), None),
    # nothing to read the date or the outlet from: say so, with the file's columns and the options
    ({"doc": "1", "body": "The council met on Tuesday."}, {"text_column": "body"},
     ("rows-1", None, None), ("no publication date column ('published') or outlet column ('outlet'); its "
     "columns: 'doc', 'body'. Name the column with --published-column / --outlet-column")),
])
def test_news_export_columns_are_recognised_or_their_absence_reported(tmp_path, row, options, expected, note):
    path = _csv(tmp_path, [row])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (article,) = list(iter_articles([path], **options))
    assert (article.id, article.outlet, article.published and str(article.published)) == expected
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    if note is None:
        assert messages == []
    else:
        assert len(messages) == 1 and note in messages[0] and str(path) in messages[0]


def test_corpus_run_reports_a_file_without_date_or_outlet(tmp_path, pinned, capsys):
    path = _csv(tmp_path, [{"doc": "1", "text": "The council met on Tuesday."}])
    summary = run_corpus([path], out=tmp_path / "out", progress=False)
    assert len(summary.notes) == 1 and "--published-column" in summary.notes[0]
    assert cli.main(["corpus", str(path), "--out", str(tmp_path / "o2"), "--quiet"]) == 0
    assert "warning: " + str(path) + ": no publication date column" in capsys.readouterr().err


def test_globs_and_same_stem_in_two_folders_get_unique_stable_ids(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Headline {sub}\n\nBody of story {sub}.\n", encoding="utf-8")
    ids = [a.id for a in iter_articles([str(tmp_path / "*" / "story.txt")])]
    assert ids == ["story", "story~2"]
    assert ids == [a.id for a in iter_articles([str(tmp_path / "*" / "story.txt")])]


def test_a_missing_input_is_reported_not_raised(tmp_path):
    failures: list[LoadFailure] = []
    assert list(iter_articles([tmp_path / "nope.txt"], on_error=failures.append)) == []
    assert "no such file" in failures[0].message


# ------------------------------------------------------------------------------------------- the tables


def test_tables_rows_carry_article_ids_and_offsets(tmp_path, corpus, pinned):
    summary = run_corpus(corpus, out=tmp_path / "out", progress=False, text_column="text")
    texts = _articles(corpus)
    for name in ("quotes", "timeline", "stance", "sentiment", "articles", "errors"):
        assert (tmp_path / "out" / f"{name}.parquet").is_file()
        df = read_table(tmp_path / "out", name)
        assert list(df.columns) == table_schema(name).names
        assert df["article"].notna().all()
    for name in ("quotes", "sentiment"):
        df = read_table(tmp_path / "out", name)
        assert len(df), name
        for row in df.itertuples():
            assert texts[row.article][row.start:row.end] == row.text, (name, row)
    stance = read_table(tmp_path / "out", "stance")
    assert len(stance)
    for row in stance.itertuples():
        assert texts[row.article][row.cue_start:row.cue_end] == row.cue
    assert summary.rows["quotes"] == len(read_table(tmp_path / "out", "quotes"))


def test_every_analysis_is_run(tmp_path, pinned):
    summary = run_corpus([_folder(tmp_path)], out=tmp_path / "out", progress=False)
    assert summary.unavailable == ()
    for name in ANALYSES:
        assert summary.rows[name] > 0, name


def test_articles_table_reports_duplicates_and_failures(tmp_path, corpus, pinned):
    summary = run_corpus(corpus, out=tmp_path / "out", progress=False)
    articles = read_table(tmp_path / "out", "articles").set_index("article")
    assert list(articles.index) == ["harbour", "school", "short", "r1", "r2", "r3", "r1~2", "j1", "rows-2"]
    assert articles.loc["r1~2", "duplicate_of"] == "r1"
    assert pd.isna(articles.loc["r1", "duplicate_of"])
    assert set(articles.index[articles["status"] == "failed"]) == {"r2", "r3", "rows-2"}
    assert articles.loc["harbour", "outlet"] == "The Coast Gazette"
    assert str(articles.loc["harbour", "published"]) == "2023-05-04"
    assert articles.loc["r1", "row"] == 1
    assert summary.articles == 9 and summary.failed == 3 and summary.duplicates == 1
    assert set(ARTICLE_COLUMNS) <= set(articles.reset_index().columns)
    # sizes stay integers although the failed rows have none; a failed row keeps its title and outlet
    for column in ("chars", "body_start", "sentences", "row"):
        assert pd.api.types.is_integer_dtype(articles[column]), column
    assert articles.loc["harbour", "chars"] == len(STORIES["harbour"]) - STORIES["harbour"].index("PORTVILLE")
    assert (articles.loc["r2", "title"], articles.loc["r2", "outlet"]) == ("Empty row", "Daily Ledger")
    assert (articles.loc["r3", "title"], articles.loc["r3", "outlet"]) == ("Bad date", "Evening Star")
    assert pd.isna(articles.loc["r3", "published"]) and pd.isna(articles.loc["r3", "chars"])


def test_a_headline_only_article_is_analysed_with_a_warning(tmp_path, pinned):
    folder = tmp_path / "h"
    folder.mkdir()
    (folder / "head.txt").write_text("Council delays bridge vote | The Valley Courier\n", encoding="utf-8")
    run_corpus([folder], out=tmp_path / "out", progress=False)
    (row,) = read_table(tmp_path / "out", "articles").itertuples()
    assert row.status == "ok" and row.sentences == 0 and "no body text" in row.warnings


def test_errors_table_names_the_bad_rows_and_the_rest_go_on(tmp_path, corpus, pinned):
    run_corpus(corpus, out=tmp_path / "out", progress=False)
    errors = read_table(tmp_path / "out", "errors")
    assert list(errors.columns) == ERROR_COLUMNS
    assert list(errors["article"]) == ["r2", "r3", "rows-2"]
    assert set(errors["stage"]) == {"load"}
    assert "not valid JSON" in errors.iloc[2]["message"]
    quotes = read_table(tmp_path / "out", "quotes")
    assert {"harbour", "school", "short", "r1"} <= set(quotes["article"])


def test_a_failing_analysis_lands_in_errors(tmp_path, monkeypatch, pinned):
    import analysis.quotes

    real = analysis.quotes.quote_columns  # what the corpus run asks the quotations for

    def flaky(article, **kw):
        if article.id == "school":
            raise RuntimeError("boom in the quotes")
        return real(article, **kw)

    monkeypatch.setattr(analysis.quotes, "quote_columns", flaky)
    summary = run_corpus([_folder(tmp_path)], out=tmp_path / "out", progress=False)
    errors = read_table(tmp_path / "out", "errors")
    school = errors[errors["article"] == "school"]
    assert school.iloc[0][["stage", "error", "message"]].tolist() == ["quotes", "RuntimeError", "boom in the quotes"]
    assert "in flaky" in school.iloc[0]["where"]
    assert set(school["stage"]) == {"quotes", "stance", "sentiment"}
    assert summary.failed == 1
    assert set(read_table(tmp_path / "out", "quotes")["article"]) == {"harbour", "short"}

    monkeypatch.setattr(analysis.quotes, "quote_columns", real)
    again = run_corpus([_folder(tmp_path)], out=tmp_path / "out", progress=False)
    assert (again.analysed, again.skipped, again.failed) == (1, 2, 0)
    assert len(read_table(tmp_path / "out", "errors")) == 0


def test_a_value_arrow_refuses_fails_only_its_articles_table(tmp_path, monkeypatch, pinned):
    import analysis.timeline

    real = analysis.timeline.timeline_columns  # what the corpus run asks the timeline for

    def huge(article, **kw):
        table = real(article, **kw)
        if article.id == "school" and len(table):
            assert isinstance(table, dict)  # the plain columns, not a DataFrame
            table["start"] = [2**70] * len(table["start"])  # no 64-bit integer holds it
        return table

    monkeypatch.setattr(analysis.timeline, "timeline_columns", huge)
    summary = run_corpus([_folder(tmp_path)], out=tmp_path / "out", progress=False)
    errors = read_table(tmp_path / "out", "errors")
    assert errors[["article", "stage"]].values.tolist() == [["school", "timeline"]]
    assert errors.iloc[0]["message"].startswith("its timeline table cannot be stored")
    assert summary.failed == 1
    timeline = read_table(tmp_path / "out", "timeline")
    assert "school" not in set(timeline["article"]) and len(timeline) > 0
    assert set(read_table(tmp_path / "out", "quotes")["article"]) == {"harbour", "school", "short"}


def test_rerun_skips_unchanged_articles_and_redoes_changed_ones(tmp_path, corpus, pinned):
    out = tmp_path / "out"
    first = run_corpus(corpus, out=out, progress=False)
    tables = {name: read_table(out, name) for name in ("quotes", "stance", "sentiment", "articles", "errors")}
    second = run_corpus(corpus, out=out, progress=False)
    assert first.analysed == 6 and (second.analysed, second.skipped) == (0, 6)
    for name, df in tables.items():
        pd.testing.assert_frame_equal(read_table(out, name), df, check_dtype=True)

    story = Path(corpus[0]) / "school.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("three years", "four years"), encoding="utf-8")
    third = run_corpus(corpus, out=out, progress=False)
    assert (third.analysed, third.skipped) == (1, 5)
    assert "four years" in read_table(out, "sentiment").query("article == 'school'")["text"].str.cat()
    assert len(list((out / ".corpus-cache" / "batches").glob("*.quotes.parquet"))) <= 3


def test_library_change_invalidates_the_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis.reports, "library_fingerprint", lambda: "version-1")
    run_corpus([_folder(tmp_path)], out=tmp_path / "out", progress=False)
    monkeypatch.setattr(analysis.reports, "library_fingerprint", lambda: "version-2")
    assert run_corpus([_folder(tmp_path)], out=tmp_path / "out", progress=False).analysed == 3


def _all_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(out, name) for name in (*ANALYSES, "articles", "errors")}


def test_two_processes_give_the_same_tables_as_one(tmp_path, corpus, pinned):
    run_corpus(corpus, out=tmp_path / "one", progress=False, batch_size=2)
    run_corpus(corpus, out=tmp_path / "two", progress=False, batch_size=1, jobs=2)
    one, two = _all_tables(tmp_path / "one"), _all_tables(tmp_path / "two")
    for name in one:
        pd.testing.assert_frame_equal(two[name], one[name])


def test_dask_local_cluster_gives_the_same_tables(tmp_path, corpus, pinned):
    run_corpus(corpus, out=tmp_path / "one", progress=False)
    summary = run_corpus(corpus, out=tmp_path / "dask", progress=False, dask="local", batch_size=2)
    assert summary.analysed == 6
    one, dask = _all_tables(tmp_path / "one"), _all_tables(tmp_path / "dask")
    for name in one:
        pd.testing.assert_frame_equal(dask[name], one[name])


def test_cli_writes_tables_and_exits_1_when_an_article_failed(tmp_path, corpus, pinned, capsys):
    status = cli.main(["corpus", *corpus, "--out", str(tmp_path / "out"), "--quiet"])
    captured = capsys.readouterr()
    assert status == 1
    assert "9 articles" in captured.out and "3 failed" in captured.out
    assert "errors.parquet" in captured.err
    assert (tmp_path / "out" / "quotes.parquet").is_file()


def test_cli_exit_0_on_a_clean_corpus_and_2_on_bad_options(tmp_path, pinned, capsys):
    assert cli.main(["corpus", str(_folder(tmp_path)), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert cli.main(["corpus", str(tmp_path), "--out", str(tmp_path / "o2"), "--jobs", "0", "--quiet"]) == 2
    assert "jobs and batch_size must be at least 1" in capsys.readouterr().err


def test_read_table_names_the_valid_tables(tmp_path):
    with pytest.raises(ValueError, match="choose from: quotes, timeline"):
        read_table(tmp_path, "speakers")


def _sentiment_frame(**columns: list) -> pd.DataFrame:
    base = {"speaker": ["B", "A", None], "kind": ["direct", "direct", "narration"], "text": ["x", "y", "z"],
            "start": np.array([30, 10, 10], dtype="int64"), "end": np.array([35, 20, 15], dtype="int64"),
            "compound": np.array([0.5, np.nan, -0.25])}
    base.update(columns)
    return pd.DataFrame(base)


def test_conform_sorts_types_and_fills_the_article_id():
    table = conform(_sentiment_frame(), "sentiment", article="doc-1")
    rows = table.to_pylist()
    assert [(r["start"], r["end"]) for r in rows] == [(10, 15), (10, 20), (30, 35)]
    assert {r["article"] for r in rows} == {"doc-1"}
    assert [r["compound"] for r in rows] == [-0.25, None, 0.5]  # NaN is missing
    assert rows[0]["speaker"] is None
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("compound").type == pa.float64()
    assert table.schema.field("neg").type == pa.null()  # absent column: null until the run's schema is unified
    assert table.column_names == table_schema("sentiment").names


@pytest.mark.parametrize(
    ("values", "expected_type", "expected"),
    [
        ([1, 2.5, None], pa.float64(), [None, 1.0, 2.5]),  # mixed numbers become float
        ([1, "two", None], pa.string(), [None, "1", "two"]),  # anything else mixed becomes text
        ([{"b", "a"}, ["x"], None], pa.string(), [None, '["a", "b"]', '["x"]']),  # containers as JSON
    ],
)
def test_conform_object_columns(values, expected_type, expected):
    frame = _sentiment_frame(speaker=pd.Series(values, dtype=object), start=np.array([5, 5, 5]),
                             end=np.array([6, 6, 6]), text=["a", "a", "a"], kind=["k", "k", "k"],
                             compound=np.array([0.0, 0.0, 0.0]))
    table = conform(frame, "sentiment", article="doc")
    assert table.schema.field("speaker").type == expected_type
    assert table.column("speaker").to_pylist() == expected


def test_conform_without_article_keeps_the_frame_column_and_empty_frames_work():
    frame = _sentiment_frame().assign(article=["a", "b", "c"])
    assert sorted(conform(frame, "sentiment").column("article").to_pylist()) == ["a", "b", "c"]
    empty = conform(_sentiment_frame().iloc[:0], "sentiment", article="doc")
    assert empty.num_rows == 0
    assert empty.column_names == table_schema("sentiment").names


@pytest.mark.parametrize(
    ("starts", "ends", "speakers", "expected"),
    [
        ([5, 5, 1], [9, 9, 2], ["b", "a", "z"], ["z", "a", "b"]),  # equal offsets: the other columns decide
        ([5, 5, 5], [9, 9, 9], [None, "a", None], [None, None, "a"]),  # missing sorts first, ties keep order
        ([3, 2, 1], [4, 3, 2], ["x", "y", "z"], ["z", "y", "x"]),  # offsets alone decide
    ],
)
def test_conform_orders_rows_by_offsets_then_every_column(starts, ends, speakers, expected):
    frame = _sentiment_frame(speaker=pd.Series(speakers, dtype="str"), start=np.array(starts),
                             end=np.array(ends), text=["t", "t", "t"], kind=["k", "k", "k"],
                             compound=np.array([0.0, 0.0, 0.0]))
    assert conform(frame, "sentiment", article="doc").column("speaker").to_pylist() == expected


def test_conform_nullable_integers_and_text_with_gaps():
    frame = _sentiment_frame(sentence=pd.array([2, None, 1], dtype="Int64"),
                             camp=pd.Series(["left", None, "right"], dtype="str"))
    table = conform(frame, "sentiment", article="doc")
    assert table.schema.field("sentence").type == pa.int64()
    assert table.column("sentence").to_pylist() == [1, None, 2]  # rows sorted by start: 10, 10, 30
    assert table.column("camp").to_pylist() == ["right", None, "left"]


@pytest.mark.parametrize(
    ("speakers", "expected_type"),
    [
        ([["a", "b"], [None, None], ["c"]], pa.string()),  # one type, or none: one array for the batch
        ([[1, 2], [2.5, None], [None]], pa.float64()),  # int and float pieces: float
        ([[1, None], ["x"], [True]], pa.string()),  # anything else mixed: text, cast as Arrow casts
        ([[None], [None]], pa.null()),  # no values anywhere: null until the run's schema is unified
    ],
)
def test_batch_tables_equal_the_concatenated_article_tables(speakers, expected_type):
    from analysis.corpus import _piece, _pieces_table, concat_tables

    frames = [_sentiment_frame(speaker=pd.Series(values, dtype=object), start=np.arange(len(values)),
                               end=np.arange(len(values)) + 1, text=["t"] * len(values),
                               kind=["k"] * len(values), compound=np.zeros(len(values)))
              for values in speakers]
    by_batch = _pieces_table("sentiment", [_piece(f, "sentiment", f"doc{i}") for i, f in enumerate(frames)])
    by_article = concat_tables("sentiment", [conform(f, "sentiment", article=f"doc{i}") for i, f in enumerate(frames)])
    assert by_batch.schema.field("speaker").type == expected_type
    assert by_batch.equals(by_article)
    assert by_batch.schema.equals(by_article.schema)


# ------------------------------------------------------------------ the comparison helpers of the corpus notebook

_ARTICLES = pd.DataFrame({"article": ["a1", "a2", "a3"], "outlet": ["Daily", "Daily", None]})


def _quotes(rows: list[tuple[str, str | None, str | None, str, str | None]]) -> pd.DataFrame:
    """Quotation rows (article, speaker, camp, text, cue) with the columns the helpers read."""
    return pd.DataFrame(rows, columns=["article", "speaker", "camp", "text", "cue"])


def test_share_of_voice_by_outlet_counts_each_group_as_the_article_report_does():
    from analysis.quotes import share_of_voice

    quotes = _quotes([
        ("a1", "Lund", "Nordland", "we go on in 2024", "said"),  # short words and numbers are words too
        ("a2", "Varga", "Ostria", "five six", "claimed"),
        ("a2", None, None, "seven", "said"),
        ("a3", "Lund", "Nordland", "eight nine", "said"),
    ])
    out = share_of_voice_by(quotes, _ARTICLES, by="outlet")
    daily = out[out["outlet"] == "Daily"].set_index("camp")
    assert daily.loc["Nordland", "words"] == 5 and daily.loc["Ostria", "words"] == 2
    assert daily.loc["(unresolved)", "quotations"] == 1
    assert daily["share"].sum() == pytest.approx(1.0)
    assert list(daily.index) == ["Nordland", "Ostria", "(unresolved)"]  # largest first
    # an article without an outlet is its own group, and per article the figures equal the article report's
    assert out[out["outlet"] != "Daily"]["words"].tolist() == [2]
    per_article = share_of_voice_by(quotes, _ARTICLES, by="article")
    expected = share_of_voice(quotes[quotes["article"] == "a2"]).reset_index(drop=True)
    got = per_article[per_article["article"] == "a2"].drop(columns="article").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_stance_balance_counts_for_and_against_per_target_camp():
    stance = pd.DataFrame({"article": ["a1", "a1", "a2", "a3"], "target_camp": ["Ostria", "Ostria", None, "Ostria"],
                           "polarity": [-1, 1, 0, -1], "score": [-0.8, 0.4, 0.0, -1.0]})
    out = stance_balance(stance, _ARTICLES).set_index(["outlet", "target_camp"])
    row = out.loc[("Daily", "Ostria")]
    assert (row["n"], row["against"], row["neutral"], row["for"]) == (2, 1, 0, 1)
    assert row["mean_score"] == pytest.approx(-0.2)
    assert out.loc[("Daily", "(no camp)"), "neutral"] == 1


def test_framing_by_outlet_gives_each_verb_its_connotation():
    quotes = _quotes([("a1", "Lund", "Nordland", "x", "said"), ("a2", "Lund", "Nordland", "y", "claimed"),
                      ("a2", "Lund", "Nordland", "z", "said"), ("a2", "Varga", "Ostria", "w", None)])
    out = framing_by_outlet(quotes, _ARTICLES)
    daily = out[out["outlet"] == "Daily"].set_index("lemma")
    assert daily.loc["say", "n"] == 2 and daily.loc["say", "connotation"] == "neutral"
    assert daily.loc["claim", "connotation"] == "doubt"
    assert "Ostria" not in set(out["camp"])  # a quotation without a cue has no verb to count


def _timeline_row(article: str, event: str, text: str, lo: str, hi: str, actors: str = "") -> dict:
    return {"article": article, "text": text, "start": 0, "end": len(text), "event": event, "value": lo,
            "range_start": lo, "range_end": hi, "actors": actors}


def test_merge_timelines_joins_one_event_across_articles_and_flags_disagreeing_dates():
    timeline = pd.DataFrame([
        _timeline_row("a1", "the missile landed in Przewodow on Tuesday", "on Tuesday", "2022-11-15", "2022-11-15"),
        _timeline_row("a2", "the missile landed in Przewodow on Wednesday", "on Wednesday", "2022-11-16",
                      "2022-11-16"),
        _timeline_row("a1", "the summit opened in Bali on Monday", "on Monday", "2022-11-14", "2022-11-14"),
        _timeline_row("a3", "the summit opened in Bali this week", "this week", "2022-11-14", "2022-11-20"),
    ])
    out = merge_timelines(timeline)
    missile = out[out["event"].str.contains("missile")]
    summit = out[out["event"].str.contains("summit")]
    assert missile["event_id"].nunique() == 1 and summit["event_id"].nunique() == 1
    assert missile["event_id"].iat[0] != summit["event_id"].iat[0]
    assert set(missile["n_articles"]) == {2} and not missile["agree"].any()  # Tuesday against Wednesday
    assert summit["agree"].all()  # Monday lies inside "this week"


def test_merge_timelines_keeps_different_events_and_one_articles_rows_apart():
    timeline = pd.DataFrame([
        _timeline_row("a1", "the missile landed in Przewodow on Tuesday", "on Tuesday", "2022-11-15", "2022-11-15"),
        _timeline_row("a1", "the missile landed in Przewodow again on Friday", "on Friday", "2022-11-18",
                      "2022-11-18"),
        _timeline_row("a2", "markets rallied in Tokyo on Tuesday", "on Tuesday", "2022-11-15", "2022-11-15"),
    ])
    out = merge_timelines(timeline)
    assert out["event_id"].nunique() == 3
    assert out["agree"].all() and set(out["n_articles"]) == {1}


@pytest.mark.parametrize("first, second, same", [
    # a statement with nothing in it but its speaker, titles and verb is no event to match
    (("Councilman Ray Dunmore said the plan was", "2024-05-03", "Ray Dunmore"),
     ("Councilman Ray Dunmore said on Saturday", "2024-05-11", "Ray Dunmore"), False),
    (("Deputy Mayor Ann Pike declined to comment", "2024-05-03", "Ann Pike"),
     ("Deputy Mayor Ann Pike said on Sunday", "2024-05-12", "Ann Pike"), False),
    # one content word in common ("mayor") is a coincidence
    (("The mayor said on Wednesday", "2024-05-08", ""), ("the mayor's claim on Tuesday", "2024-05-07", ""), False),
    # a place name is one word: New York and New Hampshire share nothing
    (("Tuesday's New York primary", "2024-04-16", ""), ("Tuesday's New Hampshire primary", "2024-02-06", ""),
     False),
    # the same organisation interviewing is no shared event either
    (("She told The Harbour Gazette on Monday", "2024-05-06", ""),
     ("the Harbour Gazette reported on Thursday", "2024-05-09", ""), False),
    # the same thing happening, told with other words around it, is one event
    (("The lease with Harbor Freight was signed on May 3", "2024-05-03", "Harbor Freight"),
     ("The lease was signed on May 10", "2024-05-10", ""), True),
    (("Dunmore resigned on Monday", "2024-05-06", "Ray Dunmore"),
     ("Councilman Ray Dunmore resigned on Tuesday", "2024-05-07", "Ray Dunmore"), True),
    # a reprinted clause is one event even with no content word left; a short one ("Dunmore said") is not
    (("Harbor Freight did not respond to a request for comment on Monday", "2024-05-06", "Harbor Freight"),
     ("Harbor Freight did not respond to a request for comment on Tuesday", "2024-05-07", "Harbor Freight"), True),
    (("Dunmore said on Monday", "2024-05-06", "Ray Dunmore"), ("Dunmore said on Friday", "2024-05-10", "Ray Dunmore"),
     False),
])
def test_merge_timelines_matches_what_happened_not_who_spoke(first, second, same):
    timeline = pd.DataFrame([_timeline_row(article, event, _expression(event), day, day, actors)
                             for article, (event, day, actors) in (("a1", first), ("a2", second))])
    out = merge_timelines(timeline)
    assert (out["event_id"].nunique() == 1) is same
    assert bool(out["agree"].all()) is not same  # the two dates differ: one event means a disagreement


def _expression(event: str) -> str:
    """The temporal expression of a test clause: its weekday or its "May N"."""
    import re

    return re.search(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|May \d+|$", event).group(0)


@pytest.mark.parametrize(("rules", "expected"), [
    (["weekday", "inherited:weekday", None, "inherited:month-day"], [False, True, False, True]),
    (["month"], [False]),
    (None, [False, False]),  # a table without rules: nothing is inherited
])
def test_inherited_rows(rules, expected):
    timeline = pd.DataFrame({"text": ["x"] * len(expected)})
    if rules is not None:
        timeline["rule"] = rules
    assert inherited_rows(timeline).tolist() == expected


def test_merge_timelines_marks_inherited_rows():
    rows = [_timeline_row("a1", "The ferry sank on Tuesday", "Tuesday", "2024-05-07", "2024-05-07"),
            _timeline_row("a1", "Rescuers found three survivors", "Tuesday", "2024-05-07", "2024-05-07")]
    timeline = pd.DataFrame(rows).assign(rule=["weekday", "inherited:weekday"])
    assert merge_timelines(timeline)["inherited"].tolist() == [False, True]


def _events(n: int, *, article: str = "a1", lo: str = "2024-05-01", days: int = 0) -> list[dict]:
    start = pd.Timestamp(lo)
    return [_timeline_row(article, f"event number {i} happened", "", str((start + pd.Timedelta(days=i)).date()),
                          str((start + pd.Timedelta(days=i + days)).date())) for i in range(n)]


@pytest.mark.parametrize(("rows", "limit", "drawn_events", "note_parts"), [
    (_events(3), 30, 3, []),  # everything fits: nothing to say
    (_events(2) + _events(1, lo="2023-01-01", days=364), 30, 2, ["1 event dated only by a range longer than 62"]),
    (_events(5), 3, 3, ["2 more events are not drawn (2 events of one article)", "the plot shows 3"]),
])
def test_timeline_plot_events_says_what_it_leaves_out(rows, limit, drawn_events, note_parts):
    drawn, notes = timeline_plot_events(merge_timelines(pd.DataFrame(rows)), limit=limit)
    assert drawn["row"].nunique() == drawn_events
    assert all(any(part in n for n in notes) for part in note_parts)
    assert (notes == []) is (note_parts == [])


def test_timeline_plot_events_keeps_disagreements_first_and_draws_in_date_order():
    rows = _events(4, lo="2024-05-01") + [
        _timeline_row("a2", "the lease was signed for the harbour", "", "2024-05-20", "2024-05-20"),
        _timeline_row("a3", "the lease was signed for the harbour", "", "2024-05-25", "2024-05-25"),
    ]
    drawn, _ = timeline_plot_events(merge_timelines(pd.DataFrame(rows)), limit=2, label_chars=20)
    lease = drawn[drawn["label"].str.startswith("the lease")]
    assert len(lease) == 2 and not lease["agree"].any()  # the disagreement is drawn although it is the latest
    assert drawn.groupby("row")["range_start"].min().is_monotonic_increasing
    assert (drawn["label"].str.len() <= 20).all() and lease["label"].iat[0].endswith("…")


def test_sentiment_per_speaker_counts_articles_as_integers_with_unresolved_speakers():
    scores = pd.DataFrame({
        "article": ["a1", "a2", "a1", "a2"], "speaker": ["Ana Ruiz", "Ana Ruiz", None, None],
        "camp": [None] * 4, "kind": ["direct"] * 4, "text": ["Good.", "Bad.", "Fine.", "Poor."],
        "start": [0, 0, 10, 10], "end": [5, 4, 15, 15], "compound": [0.4, -0.5, 0.2, -0.4], "words": [1] * 4,
    })
    out = sentiment_per_speaker(scores).set_index("speaker")
    assert pd.api.types.is_integer_dtype(out["articles"])
    assert out.loc["Ana Ruiz", "articles"] == 2 and out.loc["(unresolved)", "articles"] == 2


@pytest.mark.parametrize("starts, ends, other", [
    ([0, 5, 9], [3, 8, 12], ["c", "b", "a"]),        # in order, no ties: kept as they are
    ([0, 5, 5], [3, 8, 8], ["c", "b", "a"]),         # a tie on the offsets: the other columns decide
    ([5, 0, 9], [8, 3, 12], ["a", "b", "c"]),        # out of order
    ([0, 5, 9], [3, 8, None], ["a", "b", "c"]),      # a missing offset
    ([0, True, 9], [3, 8, 12], ["a", "b", "c"]),     # a bool is not an offset
    ([0, 5, 5], [3, 7, 9], ["x", "y", "z"]),         # equal starts, increasing ends
])
def test_row_order_is_the_full_sort(starts, ends, other) -> None:
    from analysis.corpus import _row_order, _sort_key

    columns = [other, starts, ends]
    order = [1, 2, 0]
    expected = sorted(range(len(starts)), key=lambda r: _sort_key(tuple(columns[i][r] for i in order)))
    assert _row_order(columns, order, len(starts)) == expected


def test_article_records_become_the_table_one_row_tables_give() -> None:
    import datetime as dt

    from analysis.corpus import ARTICLE_COLUMNS, _conform_columns, _conform_records, _plain, concat_tables

    records = [
        {"article": "a", "source": "x.txt", "row": None, "title": "T", "outlet": None, "published": dt.date(2023, 3, 9),
         "chars": 10, "body_start": 0, "sentences": 2, "content_hash": "ff", "metadata": "{}", "warnings": "",
         "status": "ok", "duplicate_of": None},
        {"article": "b", "source": "y.csv", "row": 3, "title": None, "outlet": "O", "published": "2023-03-10",
         "chars": 5, "body_start": 1, "sentences": None, "content_hash": "00", "metadata": "{\"k\": 1}",
         "warnings": "w", "status": "failed"},  # no duplicate_of: null
    ]
    one_each = concat_tables("articles", [_conform_columns({k: [_plain(v)] for k, v in r.items()}, 1, "articles")
                                          for r in records])
    table = _conform_records(records, "articles")
    assert table.column_names == ARTICLE_COLUMNS
    assert table.equals(one_each.combine_chunks())
    assert table.to_pylist()[1]["published"] == dt.date(2023, 3, 10)


def test_a_missing_text_column_names_the_columns_there_are(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"id": "a1", "body": "The mayor said yes.", "outlet": "Gazette"})])
    failures: list[LoadFailure] = []
    assert list(iter_articles([path], on_error=failures.append)) == []
    (failure,) = failures
    assert "has no column 'text'" in failure.message and "'body'" in failure.message
    assert "--text-column" in failure.message

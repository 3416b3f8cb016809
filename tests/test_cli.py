"""The command line: contracts of each subcommand, formats, and bad input that does not stop the others."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED, SHORT_ARTICLE

CONTRACTS = {
    "quotes": ["article", "kind", "text", "start", "end", "speaker", "speaker_type", "mention", "cue", "sentence"],
    "timeline": ["article", "text", "start", "end", "type", "value", "anchor", "event", "sentence"],
    "stance": ["article", "source", "target", "polarity", "score", "cue", "evidence", "start", "end"],
    "sentiment": ["article", "speaker", "kind", "text", "start", "end", "compound", "pos", "neu", "neg"],
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, check=False)


def test_help_lists_every_subcommand():
    proc = run("--help")
    assert proc.returncode == 0
    for name in ["reports", "quotes", "timeline", "stance", "sentiment", "corpus"]:
        assert name in proc.stdout


@pytest.mark.parametrize("command", sorted(CONTRACTS))
def test_jsonl_contract_and_offsets(command):
    proc = run(command, str(SEED), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows, f"{command} found nothing in the seed"
    text = SEED.read_text(encoding="utf-8")
    for row in rows:
        assert list(row) == CONTRACTS[command]
        assert row["article"] == SEED.stem
        assert 0 <= row["start"] < row["end"] <= len(text)
        if command in ("quotes", "timeline", "sentiment"):
            assert text[row["start"] : row["end"]] == row["text"]
        if command == "stance":
            assert text[row["start"] : row["end"]] == row["evidence"]
            assert row["polarity"] in (-1, 0, 1)


def test_csv_format(tmp_path):
    proc = run("quotes", str(SEED), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == CONTRACTS["quotes"]
    assert {r["kind"] for r in rows} >= {"direct", "indirect"}


def test_bad_file_is_named_and_the_others_go_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SHORT_ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run("quotes", str(empty), str(good))
    assert proc.returncode == 1
    assert f"{empty}: the file is empty" in proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {r["article"] for r in rows} == {"good"}
    assert any(r["speaker"] and "Holloway" in r["speaker"] for r in rows)


def test_timeline_published_override_and_validation(tmp_path):
    art = tmp_path / "t.txt"
    art.write_text("Title\n\nThe minister resigned on Tuesday, officials said.\n", encoding="utf-8")
    proc = run("timeline", str(art), "--published", "2023-01-05")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [("Tuesday", "2023-01-03")]
    bad = run("timeline", str(art), "--published", "2023-02-30")
    assert bad.returncode == 2 and "invalid" in bad.stderr


def test_sentiment_by_speaker_contract():
    proc = run("sentiment", str(SEED), "--by", "speaker")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert list(rows[0]) == ["speaker", "camp", "n", "words", "mean_compound", "ci_low", "ci_high"]
    blinken = next(r for r in rows if r["speaker"] == "Antony Blinken")
    assert blinken["camp"] == "US" and blinken["n"] >= 6
    full = run("sentiment", str(SEED), "--by", "speaker", "--all-columns")
    assert full.returncode == 0, full.stderr
    first = json.loads(full.stdout.splitlines()[0])
    assert list(first)[:7] == list(rows[0]) and {"most_positive", "most_negative", "share_neg"} <= set(first)


def test_long_article_gives_every_copy_its_findings(tmp_path):
    """A long article (the seed's body 60 times over, about 330 KB) is analysed whole: each copy yields the
    same quotations as the seed alone, at its own offsets."""
    seed_rows = [json.loads(line) for line in run("quotes", str(SEED)).stdout.splitlines()]
    raw = SEED.read_text(encoding="utf-8")
    head, body = raw.split("\n", 1)
    big = tmp_path / "long.txt"
    big.write_text(head + "\n" + (body.rstrip() + "\n\n") * 60, encoding="utf-8")
    proc = run("quotes", str(big), "--actors", str(SEED.parent / "actors.toml"))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 60 * len(seed_rows)
    text = big.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert sorted({r["speaker"] for r in rows if r["speaker"]}) == sorted({r["speaker"] for r in seed_rows
                                                                           if r["speaker"]})


def test_all_columns_give_the_api_table_with_its_offsets():
    text = SEED.read_text(encoding="utf-8")
    proc = run("quotes", str(SEED), "--all-columns")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert set(CONTRACTS["quotes"]) < set(rows[0]) and {"mention_start", "cue_start", "resolution"} <= set(rows[0])
    for row in rows:
        if row["cue_start"] is not None:
            assert text[row["cue_start"] : row["cue_end"]] == row["cue"]

    plain = run("timeline", str(SEED), "--format", "csv")
    full = run("timeline", str(SEED), "--format", "csv", "--all-columns")
    assert plain.returncode == full.returncode == 0, full.stderr
    plain_rows = list(csv.DictReader(io.StringIO(plain.stdout)))
    full_rows = list(csv.DictReader(io.StringIO(full.stdout)))
    assert {"rule", "inherited", "event_start"} <= set(full_rows[0])
    own = [r for r in full_rows if r["inherited"] == "False"]
    assert [(r["start"], r["value"]) for r in own] == [(r["start"], r["value"]) for r in plain_rows]
    assert all(r["rule"].startswith("inherited:") for r in full_rows if r["inherited"] == "True")

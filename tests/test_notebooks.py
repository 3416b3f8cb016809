"""Every notebook executed through the real batch command on the seed and on articles the tests write.

One batch (``python -m analysis reports``) runs all notebooks on: the seed, a short article with front matter,
an article holding script in a quotation, an empty file and a binary file. The good articles must give every
report, the bad ones a clear error, and no report may show code or markup that came from an article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import SEED

NOTEBOOKS = ["quotes_and_speakers", "stance", "sentiment_per_speaker", "timeline"]
def _report(built, stem: str, notebook: str) -> Path:
    matches = sorted(built["out"].glob(f"{stem}*/{notebook}.html"))
    assert matches, f"no {notebook} report for {stem}: {built['proc'].stderr[-2000:]}"
    return matches[0]


def test_batch_names_the_bad_files_and_exits_nonzero(built):
    proc = built["proc"]
    assert proc.returncode == 1
    assert "empty.txt: the file is empty" in proc.stderr
    assert "binary.txt: looks like a binary file" in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == 2, proc.stderr[-3000:]
    assert "reports ready" in proc.stdout and "index.html" in proc.stdout


@pytest.mark.parametrize("notebook", NOTEBOOKS)
@pytest.mark.parametrize("stem", [SEED.stem, "short_story", "vil", "plain"])
def test_report_has_findings_and_no_code(built, stem, notebook):
    soup = BeautifulSoup(_report(built, stem, notebook).read_text(encoding="utf-8"), "html.parser")
    text = soup.get_text(" ")
    assert soup.select(".jp-CodeCell .jp-InputArea") == [], "code is visible"
    assert soup.select("div.highlight pre") == [], "code is visible"
    assert "import analysis" not in text and "article_path" not in text
    assert soup.find("h1") is not None
    for section in ("How this was computed", "Caveats"):
        assert section in text, f"section {section!r} missing"
    assert "Traceback" not in text and "Error" not in text.replace("error bars", "")
    assert "Text(0.5" not in text and "<Figure size" not in text and "<Axes" not in text
    assert soup.find("script") is None


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_script_in_a_quotation_is_shown_as_text(built, notebook):
    soup = BeautifulSoup(_report(built, "vil", notebook).read_text(encoding="utf-8"), "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in ("script", "iframe"), tag
        assert tag.name != "img" or tag.get("src", "").startswith("data:image/png"), tag
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), (tag.name, name)
            assert "alert" not in str(value), (tag.name, name)
    assert "<script>alert('pwned')</script>" in soup.get_text()


def test_seed_reports_show_the_article_title(built):
    for notebook in NOTEBOOKS:
        soup = BeautifulSoup(_report(built, SEED.stem, notebook).read_text(encoding="utf-8"), "html.parser")
        assert soup.find("h1") is not None
        assert "Blinken denies the missile incident" in soup.find("h2", class_="ma-title").get_text()
        assert "Blinken denies the missile incident" in soup.find("title").get_text()
        assert "2022-11-17" in soup.get_text()


def _tables(soup: BeautifulSoup) -> list[tuple[list[str], list[list[str]]]]:
    """(headers, rows of cell texts) of every table of a report."""
    out = []
    for table in soup.find_all("table"):
        headers = [th.get_text(" ", strip=True) for th in table.find_all("th")]
        rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.find_all("tr")]
        out.append((headers, [r for r in rows if r]))
    return out


def test_every_finding_in_the_seed_reports_carries_offsets_that_point_at_it(built):
    """A table that shows evidence gives its character offsets, and ``text[start:end]`` is in that row."""
    from analysis import load_article

    text = load_article(SEED).text
    checked = 0
    for notebook in NOTEBOOKS:
        soup = BeautifulSoup(_report(built, SEED.stem, notebook).read_text(encoding="utf-8"), "html.parser")
        for headers, rows in _tables(soup):
            if any(h in ("evidence sentence", "sentence text", "quotation", "evidence", "expression")
                   for h in headers):
                assert "start" in headers and "end" in headers, (notebook, headers)
            if "start" not in headers or "end" not in headers:
                continue
            assert all(len(row) == len(headers) for row in rows), (notebook, headers)
            lo, hi = headers.index("start"), headers.index("end")
            for row in rows:
                span = " ".join(text[int(row[lo]):int(row[hi])].split()).lower()
                assert span and any(span in cell.lower() for cell in row), (notebook, headers, row)
                checked += 1
    assert checked > 100


def test_corpus_comparison_runs_once_and_lists_the_bad_articles(built):
    report = built["out"] / "corpus" / "corpus_comparison.html"
    assert report.is_file(), built["proc"].stderr[-2000:]
    soup = BeautifulSoup(report.read_text(encoding="utf-8"), "html.parser")
    text = soup.get_text(" ")
    assert soup.select(".jp-CodeCell .jp-InputArea") == [] and soup.find("script") is None
    for section in ("How this was computed", "Caveats"):
        assert section in text
    assert "6 articles, 4 analysed without error" in text  # the two unreadable files are listed, not dropped
    assert "empty" in text and "binary" in text
    assert "The Valley Courier" in text and "The Washington Post" in text
    assert "<script>alert('pwned')</script>" not in str(soup.find_all("script"))

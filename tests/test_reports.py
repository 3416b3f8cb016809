"""The batch runner: parallel papermill jobs, offline HTML, atomic writes, index, skipping, bad input.

These tests use a tiny notebook they write themselves, so they check the machinery, not the analyses.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from analysis.reports import build_reports, discover_notebooks, safe_name

NOTEBOOK_CODE = """import analysis as an
from analysis import display as d
import matplotlib.pyplot as plt
d.setup_plots()
art = an.load_article(article_path, catalog=catalog_path)
if "BOOM" in art.text:
    raise ValueError("the article asked for a failure")
d.show_header(art, analysis="Machinery check")
d.show_table(an.sentences_table(art), columns=["sentence", "text"])
fig, ax = plt.subplots()
ax.bar(["a", "b"], [1, 2])
ax.set_title("A small figure")
plt.show()
"""


def _notebook_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('article_path = ""\ncatalog_path = None\nactors_path = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Machinery check\n\nA section heading."), params,
                nbformat.v4.new_code_cell(NOTEBOOK_CODE)]
    nbformat.write(nb, folder / "check.ipynb")
    return folder


EVIL = ("Evil story | Site\n\nThe spokesman said \u201c<script>alert('x')</script> and "
        "<img src=x onerror=alert(2)>\u201d before leaving.\n")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    # The library's fingerprint is pinned so that edits elsewhere in a working tree cannot change the key
    # between the runs of this module; test_fingerprint_follows_the_code checks the fingerprint itself.
    patch = pytest.MonkeyPatch()
    patch.setattr("analysis.reports.library_fingerprint", lambda: "pinned")
    tmp = tmp_path_factory.mktemp("reports")
    nbdir = _notebook_dir(tmp)
    arts = tmp / "articles"
    arts.mkdir()
    (arts / "evil story.txt").write_text(EVIL, encoding="utf-8")
    (arts / "empty.txt").write_bytes(b"")
    (arts / "binary.txt").write_bytes(bytes(range(256)) * 20)
    out = tmp / "out"
    first = build_reports([arts], out=out, notebooks_dir=nbdir, jobs=2, progress=False)
    yield {"tmp": tmp, "nbdir": nbdir, "arts": arts, "out": out, "first": first}
    patch.undo()


def test_fingerprint_follows_the_code(tmp_path, monkeypatch):
    from analysis import reports

    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(reports, "_PACKAGE_DIR", pkg)
    before = reports.library_fingerprint()
    assert reports.library_fingerprint() == before
    (pkg / "a.py").write_text("x = 2\n")
    assert reports.library_fingerprint() != before


def test_bad_articles_do_not_stop_the_batch(batch):
    status = {r.article: (r.status, r.error) for r in batch["first"]}
    assert status["evil story"] == ("ok", None)
    assert status["empty"][0] == "invalid article" and "empty" in status["empty"][1]
    assert status["binary"][0] == "invalid article" and "binary" in status["binary"][1]
    assert "empty.txt" in status["empty"][1]


def test_article_text_cannot_inject_markup(batch):
    report = next(batch["out"].glob("evil_story*/check.html"))
    soup = BeautifulSoup(report.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("script") is None
    for tag in soup.find_all(True):
        assert tag.name != "img" or tag.get("src", "").startswith("data:image/png"), tag
        for name, value in tag.attrs.items():
            assert "alert" not in " ".join(value if isinstance(value, list) else [value]), (tag.name, name)
            assert not name.startswith("on"), (tag.name, name)
    assert "<script>alert('x')</script>" in soup.get_text()
    assert "<img src=x onerror=alert(2)>" in soup.get_text()


def test_report_is_offline_and_hides_code(batch):
    report = next(batch["out"].glob("evil_story*/check.html"))
    text = report.read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(["script", "link", "img", "iframe"]):
        ref = tag.get("src") or tag.get("href") or ""
        assert not ref.startswith(("http:", "https:", "//")), ref
    assert "import analysis" not in text
    assert "article_path" not in soup.get_text()
    assert soup.find("h1").get_text(strip=True).startswith("Machinery check")
    assert soup.find("h2", class_="ma-title").get_text(strip=True) == "Evil story"
    assert "Text(0.5" not in soup.get_text()
    assert len(soup.find_all("img")) == 1
    assert len(text) < 600_000


def test_index_links_reports_and_names_errors(batch):
    index = BeautifulSoup((batch["out"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in index.find_all("a")]
    assert any(link.endswith("check.html") for link in links)
    for link in links:
        from urllib.parse import unquote

        assert (batch["out"] / unquote(link)).is_file()
    text = index.get_text(" ")
    assert "empty.txt: the file is empty" in text
    assert "binary" in text and "invalid article" in text


def test_failed_run_keeps_the_last_good_report_and_skips_unchanged(batch):
    out, arts, nbdir = batch["out"], batch["arts"], batch["nbdir"]
    report = next(out.glob("evil_story*/check.html"))
    before = report.read_bytes()

    again = build_reports([arts / "evil story.txt"], out=out, notebooks_dir=nbdir, jobs=1, progress=False)
    assert [r.status for r in again] == ["up to date"]

    (arts / "evil story.txt").write_text(EVIL + "\nBOOM\n", encoding="utf-8")
    failed = build_reports([arts / "evil story.txt"], out=out, notebooks_dir=nbdir, jobs=1, progress=False)
    assert [r.status for r in failed] == ["failed"]
    assert "ValueError: the article asked for a failure" in failed[0].error
    assert report.read_bytes() == before
    kept = out / failed[0].failed_notebook
    nb = json.loads(kept.read_text(encoding="utf-8"))
    assert any("papermill-error-cell-tag" in c.get("metadata", {}).get("tags", []) for c in nb["cells"])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "last good report" in index and "the article asked for a failure" in index


def test_unknown_notebook_lists_valid_names(tmp_path):
    folder = _notebook_dir(tmp_path)
    with pytest.raises(ValueError, match="choose from: check"):
        discover_notebooks(folder, ["nope"])


@pytest.mark.parametrize("name", ["../../etc/passwd", "a b", "ünï", "x/../y"])
def test_safe_names_stay_in_their_folder(name):
    safe = safe_name(name)
    assert "/" not in safe and ".." not in safe and " " not in safe
    assert safe_name(name) == safe


def test_index_keeps_linking_reports_of_earlier_runs(tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.reports.library_fingerprint", lambda: "pinned")
    nbdir = _notebook_dir(tmp_path)
    arts = tmp_path / "articles"
    arts.mkdir()
    for name in ("first", "second"):
        (arts / f"{name}.txt").write_text(f"The {name} story | Site\n\nThe mayor said the bridge would open.\n",
                                          encoding="utf-8")
    out = tmp_path / "out"
    assert all(r.ok for r in build_reports([arts], out=out, notebooks_dir=nbdir, jobs=2, progress=False))

    # a run over one article only: the index still links the other article's good report, marked as older
    build_reports([arts / "first.txt"], out=out, notebooks_dir=nbdir, jobs=1, progress=False)
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {a["href"] for a in index.find_all("a")} == {"first/check.html", "second/check.html"}
    assert "from an earlier run" in index.get_text(" ") and "The second story" in index.get_text(" ")

    # an article edited since its report was built: the report is still linked, marked out of date
    (arts / "second.txt").write_text("The second story | Site\n\nThe mayor said the bridge would close.\n",
                                     encoding="utf-8")
    build_reports([arts / "first.txt"], out=out, notebooks_dir=nbdir, jobs=1, progress=False)
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {a["href"] for a in index.find_all("a")} == {"first/check.html", "second/check.html"}
    assert "out of date: the article has changed since" in index.get_text(" ")

    # once the article itself is gone, its old report is no longer listed
    (arts / "second.txt").unlink()
    build_reports([arts / "first.txt"], out=out, notebooks_dir=nbdir, jobs=1, progress=False)
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {a["href"] for a in index.find_all("a")} == {"first/check.html"}


def test_loading_warnings_reach_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.reports.library_fingerprint", lambda: "pinned")
    nbdir = _notebook_dir(tmp_path)
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "legacy.txt").write_bytes("Old story | Site\n\nThe mayor said \u201cno\u201d on Monday.\n".encode("cp1252"))
    results = build_reports([arts], out=tmp_path / "out", notebooks_dir=nbdir, jobs=1, progress=False)
    assert [r.status for r in results] == ["ok"]
    index = BeautifulSoup((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), "html.parser")
    (warning,) = index.select(".warn")
    assert "Windows-1252" in warning.get_text()
    assert "legacy.txt" in warning.find_parent("tr").get_text()  # in the row of the article it concerns


def _corpus_notebook(folder: Path) -> None:
    """A corpus-scope notebook that only shows which article files it was given."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["analysis"] = {"scope": "corpus"}
    params = nbformat.v4.new_code_cell("article_paths = None")
    params.metadata["tags"] = ["parameters"]
    show = nbformat.v4.new_code_cell(
        "import json\nfrom pathlib import Path\nfrom analysis import display as d\n"
        "if isinstance(article_paths, str):\n    article_paths = json.loads(article_paths)\n"
        "d.show_note('given: ' + ' '.join(sorted(Path(p).name for p in article_paths)))")
    nb.cells = [nbformat.v4.new_markdown_cell("# Corpus check"), params, show]
    nbformat.write(nb, folder / "corpus_check.ipynb")


def test_corpus_notebook_gets_every_article_and_never_falls_back(tmp_path, monkeypatch):
    """The corpus notebook is given the unreadable articles too (it lists them with their reason), and a run in
    which no article loads fails the corpus job instead of letting the notebook fall back to its default set."""
    monkeypatch.setattr("analysis.reports.library_fingerprint", lambda: "pinned")
    nbdir = _notebook_dir(tmp_path)
    _corpus_notebook(nbdir)
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "good.txt").write_text("Good story | Site\n\nThe mayor said the bridge would open.\n", encoding="utf-8")
    (arts / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    results = build_reports([arts], out=out, notebooks_dir=nbdir, notebooks=["corpus_check"], jobs=1,
                            progress=False)
    (corpus,) = [r for r in results if r.notebook == "corpus_check"]
    assert corpus.ok
    text = BeautifulSoup((out / corpus.report).read_text(encoding="utf-8"), "html.parser").get_text(" ")
    assert "given: empty.txt good.txt" in text

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    results = build_reports([bad], out=tmp_path / "out2", notebooks_dir=nbdir, notebooks=["corpus_check"], jobs=1,
                            progress=False)
    (corpus,) = [r for r in results if r.notebook == "corpus_check"]
    assert not corpus.ok and "no article could be loaded" in corpus.error
    assert not (tmp_path / "out2" / "corpus" / "corpus_check.html").exists()

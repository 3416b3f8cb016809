"""Batch reports: run every notebook on every article with papermill and export offline HTML.

One public entry point, :func:`build_reports`. Each (article, notebook) job runs in its own Python process
(so a crash, a hang or interleaved output of one job cannot touch another) with a per-notebook timeout.
An executed notebook is exported to HTML without code, without the injected-parameters cell and without any
script fetched from a CDN, then written atomically: a failed run never replaces an earlier good report, and the
failed notebook is kept under ``failed/`` with papermill's marked error cell. ``index.html`` links every report
with its status. A report whose inputs (article, catalog, actors file, notebook, library code) are unchanged is
skipped.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as _dt
import hashlib
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .articles import ArticleError, default_catalog_path, load_article

__all__ = ["JobResult", "build_reports", "discover_articles", "discover_notebooks", "export_html", "write_index"]

_PACKAGE_DIR = Path(__file__).resolve().parent
_TEMPLATES = _PACKAGE_DIR / "templates"
_MANIFEST = "manifest.json"
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
DEFAULT_TIMEOUT = 600
_KERNEL_START_ATTEMPTS = 3
#: Index status of a good report that an earlier run built and this run did not touch.
EARLIER = "from an earlier run"
#: Index status of such a report whose article file has changed since: its findings and offsets may not fit.
STALE = "out of date: the article has changed since"
NOTEBOOK_TITLES = {
    "quotes_and_speakers": "Quotes and speakers",
    "stance": "Stance and framing",
    "sentiment_per_speaker": "Sentiment per speaker",
    "timeline": "Timeline reconstruction",
    "corpus_comparison": "Corpus comparison",
}


@dataclass
class JobResult:
    """What happened to one (article, notebook) job."""

    article: str
    article_path: str
    notebook: str
    status: str  # ok, up to date, failed, timeout, invalid article
    report: str | None = None  # path relative to the output folder
    error: str | None = None
    title: str | None = None
    seconds: float = 0.0
    key: str | None = None
    failed_notebook: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # "warnings": the article's loading warnings, one a line

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "up to date")


def project_root(start: Path | None = None) -> Path:
    """The project folder: the nearest parent of ``start`` (default: cwd) holding ``notebooks/``, else the package's."""
    for folder in [(start or Path.cwd()).resolve(), *(start or Path.cwd()).resolve().parents]:
        if (folder / "notebooks").is_dir() and (folder / "seeds").is_dir():
            return folder
    return _PACKAGE_DIR.parent


def discover_notebooks(folder: Path, names: list[str] | None = None) -> list[Path]:
    """The report notebooks in ``folder`` (names starting with ``_`` are not reports), optionally a subset.

    Raises:
        ValueError: a requested notebook does not exist (the message lists the valid names).
    """
    rank = {name: i for i, name in enumerate(NOTEBOOK_TITLES)}
    found = {p.stem: p for p in sorted(folder.glob("*.ipynb"), key=lambda p: (rank.get(p.stem, len(rank)), p.stem))
             if not p.stem.startswith("_")}
    if not names:
        return list(found.values())
    missing = [n for n in names if Path(n).stem not in found]
    if missing:
        raise ValueError(f"unknown notebook(s) {', '.join(missing)}; choose from: {', '.join(found)}")
    return [found[Path(n).stem] for n in names]


def discover_articles(inputs: list[str | Path] | None, *, default_dir: Path) -> list[Path]:
    """Article files from paths, folders (their ``*.txt``) and globs; by default every ``*.txt`` in ``default_dir``."""
    if not inputs:
        return sorted(default_dir.glob("*.txt"))
    paths: list[Path] = []
    for item in map(str, inputs):
        p = Path(item)
        if p.is_dir():
            paths.extend(sorted(p.glob("*.txt")))
        elif any(ch in item for ch in "*?[") and not p.exists():
            paths.extend(sorted(Path().glob(item)) if not p.is_absolute() else sorted(Path("/").glob(item[1:])))
        else:
            paths.append(p)
    seen: set[Path] = set()
    return [p for p in paths if not (p.resolve() in seen or seen.add(p.resolve()))]


def safe_name(text: str) -> str:
    """A file-system-safe, stable name for an article id (spaces, non-ASCII and ``..`` cannot escape the folder)."""
    cleaned = re.sub(r"\.{2,}", "_", _SAFE.sub("_", text)).strip("._") or "article"
    if cleaned != text:
        cleaned = f"{cleaned[:60]}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"
    return cleaned


def digest(*parts: bytes) -> str:
    """A SHA-256 over length-prefixed parts (so different splits of the same bytes never collide)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def _read_or_empty(path: Path | None) -> bytes:
    try:
        return path.read_bytes() if path and path.is_file() else b""
    except OSError:
        return b""


def library_fingerprint() -> str:
    """A hash of the library's code and data, so a change to the analysis invalidates the reports."""
    files = sorted(p for p in _PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix not in (".pyc",)
                   and "__pycache__" not in p.parts)
    return digest(*(str(p.relative_to(_PACKAGE_DIR)).encode() + p.read_bytes() for p in files))


def export_html(nb: object, *, title: str | None = None) -> str:
    """Export an executed notebook to self-contained HTML: no code, no prompts, no stderr, no CDN scripts."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.from_dict(nb) if isinstance(nb, dict) else nb
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = [o for o in cell.get("outputs", [])
                               if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    if title:
        nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(_TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def _atomic_write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _first_line(text: str, limit: int = 300) -> str:
    lines = [ln.strip() for ln in str(text).strip().splitlines() if ln.strip()]
    line = lines[-1] if lines else str(text)
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _execute_with_retry(pm: object, notebook: str, executed: Path, params: dict[str, object]) -> None:
    """Execute with papermill; retry when the kernel dies at start-up.

    Kernels started at the same moment by parallel jobs can race for the same TCP ports and die before
    answering; that is a start-up accident, not a failure of the notebook, so it is retried.
    """
    for attempt in range(_KERNEL_START_ATTEMPTS):
        try:
            pm.execute_notebook(  # type: ignore[attr-defined]
                notebook, str(executed), parameters=params, kernel_name="python3",
                cwd=str(Path(notebook).parent), progress_bar=False, log_output=False,
            )
            return
        except RuntimeError as exc:
            if "Kernel died" not in str(exc) or attempt == _KERNEL_START_ATTEMPTS - 1:
                raise
            time.sleep(0.5 + random.random() * 2)


def run_job(spec: dict[str, str]) -> dict[str, object]:
    """Execute one notebook on one article and export it (runs inside the job's own process)."""
    import nbformat
    import papermill as pm

    out_dir = Path(spec["out"])
    report = out_dir / spec["report"]
    failed = out_dir / "failed" / (Path(spec["report"]).with_suffix(".ipynb").as_posix().replace("/", "__"))
    params = json.loads(spec["parameters"])
    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / "executed.ipynb"
        try:
            _execute_with_retry(pm, spec["notebook"], executed, params)
        except Exception as exc:  # noqa: BLE001 - papermill raises its own errors and kernel/IO errors alike
            if executed.exists():
                failed.parent.mkdir(parents=True, exist_ok=True)
                _atomic_write(failed, executed.read_bytes())
            msg = (f"{exc.ename}: {exc.evalue}" if hasattr(exc, "ename") else f"{type(exc).__name__}: {exc}")
            return {"status": "failed", "error": _first_line(msg),
                    "failed_notebook": str(failed.relative_to(out_dir)) if failed.exists() else None}
        nb = nbformat.read(executed, as_version=4)
        _atomic_write(report, export_html(nb, title=spec.get("title")))
    failed.unlink(missing_ok=True)
    return {"status": "ok"}


def _job_env() -> dict[str, str]:
    """The environment of a job: the kernel from this environment, inline figures, no warnings noise."""
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # Agg would swallow inline figures
    env.update({"PYTHONWARNINGS": "ignore", "JUPYTER_PREFER_ENV_PATH": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"})
    return env


def _run_in_process(spec: dict[str, str], timeout: float) -> dict[str, object]:
    cmd = [sys.executable, "-m", "analysis.reports", json.dumps(spec)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False,
                              env=_job_env())
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "error": f"timed out after {timeout:.0f} s (raise --timeout)"}
    for line in reversed(proc.stdout.strip().splitlines()):
        try:
            return json.loads(line)
        except json.JSONDecodeError:
            continue
    return {"status": "failed", "error": _first_line(proc.stderr or f"job process exited with {proc.returncode}")}


def _load_manifest(out: Path) -> dict[str, dict[str, object]]:
    try:
        return json.loads((out / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def build_reports(
    articles: list[str | Path] | None = None,
    *,
    notebooks: list[str] | None = None,
    out: str | Path | None = None,
    jobs: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    force: bool = False,
    actors: str | Path | None = None,
    progress: bool = True,
    notebooks_dir: str | Path | None = None,
) -> list[JobResult]:
    """Run every notebook on every article and write HTML reports plus ``index.html``.

    Args:
        articles: article files, folders or globs; default every ``*.txt`` in the project's ``seeds/``.
        notebooks: notebook names (e.g. ``["timeline"]``); default all in ``notebooks/``.
        out: output folder (default ``reports/`` in the project).
        jobs: parallel processes (default: number of CPUs).
        timeout: seconds allowed for one notebook on one article.
        force: rebuild reports even when their inputs are unchanged.
        actors: an actors file for every article (default: ``actors.toml`` beside each article).
        progress: show a progress bar over all jobs.
        notebooks_dir: where the notebooks are (default ``notebooks/`` in the project).

    Returns:
        One :class:`JobResult` per job, in a stable order. Failures are in the results, never raised.
    """
    from tqdm.auto import tqdm

    root = project_root()
    out_dir = Path(out) if out else root / "reports"
    out_dir.mkdir(parents=True, exist_ok=True)
    nb_paths = discover_notebooks(Path(notebooks_dir) if notebooks_dir else root / "notebooks", notebooks)
    article_paths = discover_articles(articles, default_dir=root / "seeds")
    manifest = _load_manifest(out_dir)
    lib = library_fingerprint()

    results: list[JobResult] = []
    pending: list[tuple[JobResult, dict[str, str]]] = []
    corpus_notebooks = [p for p in nb_paths if _notebook_scope(p) == "corpus"]
    article_notebooks = [p for p in nb_paths if _notebook_scope(p) != "corpus"]
    good_articles: list[Path] = []
    for path in article_paths:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                article = load_article(path)
        except ArticleError as exc:
            results.append(JobResult(path.stem, str(path), "(all notebooks)", "invalid article", error=str(exc)))
            continue
        good_articles.append(path)
        catalog = default_catalog_path(path)
        actors_path = Path(actors) if actors else path.parent / "actors.toml"
        for nb in article_notebooks:
            name = f"{safe_name(article.id)}/{nb.stem}.html"
            params = {
                "article_path": str(path.resolve()),
                "catalog_path": str(catalog.resolve()) if catalog.is_file() else None,
                "actors_path": str(actors_path.resolve()) if actors_path.is_file() else None,
            }
            key = digest(path.read_bytes(), _read_or_empty(catalog), _read_or_empty(actors_path), nb.read_bytes(),
                          lib.encode(), json.dumps(params, sort_keys=True).encode())
            job = JobResult(article.id, str(path), nb.stem, "pending", report=name, title=article.title, key=key,
                            extra={"warnings": "\n".join(article.warnings)} if article.warnings else {})
            prior = manifest.get(name, {})
            if not force and prior.get("key") == key and prior.get("status") == "ok" and (out_dir / name).is_file():
                job.status = "up to date"
                results.append(job)
                continue
            title = f"{NOTEBOOK_TITLES.get(nb.stem, nb.stem)}: {article.title or article.id}"
            pending.append((job, {"notebook": str(nb.resolve()), "out": str(out_dir.resolve()), "report": name,
                                  "parameters": json.dumps(params), "title": title}))
    for nb in corpus_notebooks:
        name = f"corpus/{nb.stem}.html"
        # Every article, the unreadable ones too: the notebook lists those with their reason, so a corpus report
        # never silently narrows to the articles that happened to load.
        params = {"article_paths": [str(p.resolve()) for p in article_paths]}
        key = digest(*(_read_or_empty(p) for p in article_paths), nb.read_bytes(), lib.encode(),
                      json.dumps(params, sort_keys=True).encode())
        job = JobResult("(all articles)", "", nb.stem, "pending", report=name, title="All articles", key=key)
        if not good_articles:
            job.status, job.error = "invalid article", "no article could be loaded: nothing to compare"
            results.append(job)
            continue
        prior = manifest.get(name, {})
        if not force and prior.get("key") == key and prior.get("status") == "ok" and (out_dir / name).is_file():
            job.status = "up to date"
            results.append(job)
            continue
        pending.append((job, {"notebook": str(nb.resolve()), "out": str(out_dir.resolve()), "report": name,
                              "parameters": json.dumps(params), "title": NOTEBOOK_TITLES.get(nb.stem, nb.stem)}))

    workers = max(1, jobs or os.cpu_count() or 1)
    with cf.ThreadPoolExecutor(max_workers=workers) as pool, tqdm(
        total=len(pending), desc="reports", unit="notebook", disable=not progress or not pending
    ) as bar:
        futures = {pool.submit(_timed, spec, timeout): job for job, spec in pending}
        for fut in cf.as_completed(futures):
            job = futures[fut]
            outcome, seconds = fut.result()
            job.status = str(outcome.get("status"))
            job.error = outcome.get("error")  # type: ignore[assignment]
            job.failed_notebook = outcome.get("failed_notebook")  # type: ignore[assignment]
            job.seconds = seconds
            bar.set_postfix_str(f"{job.article[:20]} / {job.notebook}: {job.status}")
            bar.update(1)
            results.append(job)

    for job in results:
        if job.report is None:
            continue
        if job.ok:
            manifest[job.report] = {"key": job.key, "status": "ok", "article": job.article, "notebook": job.notebook,
                                    "article_path": str(Path(job.article_path).resolve()) if job.article_path else "",
                                    "article_sha": digest(Path(job.article_path).read_bytes()) if job.article_path
                                    else "", "title": job.title}
        elif not (out_dir / job.report).is_file():
            manifest.pop(job.report, None)
    _atomic_write(out_dir / _MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
    order = {p.stem: i for i, p in enumerate(nb_paths)}
    results.sort(key=lambda r: (r.article_path == "", r.article_path, order.get(r.notebook, -1)))
    write_index(results, out_dir, earlier=_earlier_reports(manifest, results, out_dir))
    return results


def _earlier_reports(manifest: dict[str, dict[str, object]], results: list[JobResult], out: Path) -> list[JobResult]:
    """Good reports of earlier runs that this run did not touch (another article or notebook selection), so the
    index keeps linking them: those whose report file is still there and whose article file still exists."""
    done = {r.report for r in results}
    earlier = []
    for name, entry in sorted(manifest.items()):
        article_path = entry.get("article_path")
        if name in done or article_path is None or not (out / name).is_file():
            continue
        if article_path and not Path(str(article_path)).is_file():
            continue  # the article was removed: its old report is not listed
        changed = bool(article_path) and entry.get("article_sha") != digest(Path(str(article_path)).read_bytes())
        earlier.append(JobResult(str(entry.get("article", "")), str(article_path), str(entry.get("notebook", "")),
                                 STALE if changed else EARLIER, report=name, title=entry.get("title")))  # type: ignore[arg-type]
    return earlier


def _timed(spec: dict[str, str], timeout: float) -> tuple[dict[str, object], float]:
    t0 = time.perf_counter()
    outcome = _run_in_process(spec, timeout)
    return outcome, time.perf_counter() - t0


def _notebook_scope(path: Path) -> str:
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, json.JSONDecodeError):
        return "article"
    return str(meta.get("analysis", {}).get("scope", "article"))


_INDEX_STYLE = """
body {font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222}
h1 {margin-bottom: 0.1em} .sub {color: #555; margin-top: 0}
table {border-collapse: collapse; width: 100%} th, td {text-align: left; padding: 6px 8px;
 border-bottom: 1px solid #ddd; vertical-align: top}
.ok {color: #1a7f37; font-weight: 600} .bad {color: #b42318; font-weight: 600}
.err {font-family: monospace; font-size: 0.85em; color: #b42318}
.warn {font-size: 0.85em; color: #8a5a00}
ul {margin: 0; padding-left: 1.1em} small {color: #666}
"""


def write_index(results: list[JobResult], out: Path, *, earlier: Sequence[JobResult] = ()) -> Path:
    """Write ``index.html``: one row per article linking its reports, each with its status and one-line error.

    ``earlier`` are good reports of earlier runs that this run did not rebuild (listed, marked as such)."""
    e = html.escape
    by_article: dict[str, list[JobResult]] = {}
    rank = {name: i for i, name in enumerate(NOTEBOOK_TITLES)}
    for r in sorted([*results, *earlier], key=lambda r: (r.article_path == "", r.article_path,
                                                         rank.get(r.notebook, len(rank)))):
        key = str(Path(r.article_path).resolve()) if r.article_path else ""  # "" groups the corpus-wide reports
        by_article.setdefault(key, []).append(r)
    rows = []
    for group in by_article.values():
        first = group[0]
        items, problems = [], []
        for r in group:
            name = NOTEBOOK_TITLES.get(r.notebook, r.notebook)
            if (r.ok or r.status == EARLIER) and r.report:
                items.append(f'<li><a href="{e(quote(r.report))}">{e(name)}</a> <span class="ok">{e(r.status)}</span></li>')
                continue
            item = f'<li>{e(name)} <span class="bad">{e(r.status)}</span>'
            if r.report and (out / r.report).is_file():
                what = "the report built from the earlier text" if r.status == STALE else "last good report"
                item += f' (<a href="{e(quote(r.report))}">{what}</a>)'
            items.append(item + "</li>")
            if r.error:
                problems.append(f'<div class="err">{e(r.error)}</div>')
            if r.failed_notebook:
                problems.append(f'<div class="err">executed notebook kept: {e(r.failed_notebook)}</div>')
        for warning in dict.fromkeys(w for r in group for w in r.extra.get("warnings", "").splitlines() if w):
            problems.append(f'<div class="warn">warning: {e(warning)}</div>')
        label = first.title or first.article
        file_name = Path(first.article_path).name if first.article_path else ""
        rows.append(f"<tr><td>{e(label)}<br><small>{e(file_name)}</small></td><td><ul>{''.join(items)}</ul></td>"
                    f"<td>{''.join(problems)}</td></tr>")
    ok = sum(r.ok for r in results)
    n_articles = sum(1 for key in by_article if key)
    kept = f" · {len(earlier)} more from earlier runs" if earlier else ""
    stamp = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Media analysis reports</title>'
        f"<style>{_INDEX_STYLE}</style></head><body><h1>Media analysis reports</h1>"
        f'<p class="sub">{ok} of {len(results)} reports of this run ready{kept} · '
        f"{n_articles} article{'' if n_articles == 1 else 's'} · built {e(stamp)}</p>"
        "<table><thead><tr><th>Article</th><th>Reports</th><th>Problems</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></body></html>"
    )
    path = out / "index.html"
    _atomic_write(path, page)
    return path


if __name__ == "__main__":  # one job, in its own process (see _run_in_process)
    print(json.dumps(run_job(json.loads(sys.argv[1]))))

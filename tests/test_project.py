"""Project-level checks: dependencies in sync, notebooks committed clean with a parameters cell."""

from __future__ import annotations

import json
import re
import sys

import pytest

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REQUIRED_NOTEBOOKS = {"quotes_and_speakers", "stance", "sentiment_per_speaker", "timeline"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    # every extra but `train` (scikit-learn for rebuilding the weights, left out of the environment on purpose)
    wanted |= {_name(r) for name, extra in project.get("optional-dependencies", {}).items() if name != "train"
               for r in extra}
    conda: set[str] = set()
    in_pip = False
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text[text.index("dependencies:") :].splitlines():
        item = line.split("#")[0].strip()
        if item == "- pip:":
            in_pip = True
            continue
        if item.startswith("- ") and not item.startswith("- -e"):
            conda.add(_name(item[2:]))
    conda -= {"python", "pip"}
    assert conda == wanted, f"only in environment.yml: {conda - wanted}; only in pyproject: {wanted - conda}"
    assert in_pip


def _notebooks():
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_required_notebooks_exist():
    assert REQUIRED_NOTEBOOKS <= {p.stem for p in _notebooks()}


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.stem)
def test_notebook_is_clean_with_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "strip outputs"
    tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    source = "".join(tagged[0]["source"])
    scope = nb["metadata"].get("analysis", {}).get("scope", "article")
    names = ["article_paths"] if scope == "corpus" else ["article_path", "catalog_path", "actors_path"]
    for name in names:
        assert re.search(rf"^{name}\s*=", source, re.MULTILINE), f"parameter {name} missing"
    markdown = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "How this was computed" in markdown and "Caveats" in markdown


def test_ci_runs_exactly_make_test():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [ln.strip() for ln in run.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    assert commands[-1] == "make test"

"""Shared fixtures: paths of the project and small articles the tests write themselves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_861c7d8c4de888dc.txt"

SHORT_ARTICLE = """---
title: Council delays vote on river bridge
outlet: The Valley Courier
published: 2023-03-09
---
RIVERTON — The city council on Wednesday delayed a vote on the new river bridge, citing rising costs.

“We cannot sign a blank cheque,” said Mayor Jane Holloway. “The numbers have to add up first.”

Council member Tom Reyes accused the mayor of stalling. He said the delay would cost the city another year.

The vote is now expected next month, according to a council spokeswoman.
"""


@pytest.fixture
def write(tmp_path: Path):
    """Write an article file (text or bytes) into a temporary folder and return its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write


EVIL = (
    "Mayor under fire | Local\n\nThe mayor said \u201c<script>alert('pwned')</script> is not a plan "
    "<img src=x onerror=alert(1)>\u201d on Monday.\n\nCouncil member Ann Lee accused Mayor Tom Green of stalling: "
    "\u201c<script>alert('pwned')</script> is not a plan.\u201d\n"
)


PLAIN = "A quiet river | Local\n\nThe river was calm and the fields were green. Fishermen stayed home.\n"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """One real batch over the seed and test-written articles, shared by the notebook and browser tests."""
    tmp = tmp_path_factory.mktemp("nbreports")
    arts = tmp / "articles"
    arts.mkdir()
    (arts / "short story.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    (arts / "évil.txt").write_text(EVIL, encoding="utf-8")
    (arts / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (arts / "empty.txt").write_bytes(b"")
    (arts / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 300)
    out = tmp / "reports"
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "reports", str(SEED), str(arts), "--out", str(out), "--quiet"],
        capture_output=True, text=True, cwd=ROOT, timeout=1800, check=False,
    )
    return {"out": out, "proc": proc, "arts": arts}

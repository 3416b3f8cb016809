"""Shared fixtures: paths of the project and small articles the tests write themselves."""

from __future__ import annotations

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

"""Data files of the analysis package (lexicons, word lists, learned weights), and one reader for its TOML files."""

from __future__ import annotations

import sys
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["read_toml", "tomllib"]


def read_toml(name: str) -> dict[str, Any]:
    """The parsed TOML data file ``name`` of this package (e.g. ``"name_rules.toml"``): a fresh dict each call, so
    each loader may keep and reshape its own (the loaders cache what they build)."""
    return tomllib.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))

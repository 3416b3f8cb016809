"""Small helpers shared by the analyses that turn tables into plain values: reading pandas DataFrames column by
column, fast, and shortening a label for a plot or a table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

__all__ = ["TEXT_TYPES", "UNRESOLVED", "column_arrays", "shorten"]

#: The Python types of the values a text column holds (text, or None for missing): the corpus run turns an
#: analysis's plain column lists into Arrow only when each text column holds no others.
TEXT_TYPES = frozenset({str, type(None)})

#: The label of quotations without a speaker in aggregate tables (quotes' speakers and share of voice, sentiment
#: per speaker, the corpus tables): one spelling everywhere.
UNRESOLVED = "(unresolved)"


def shorten(text: object, limit: int) -> str:
    """``text`` (any value, as ``str``) on one line, cut at a word to at most ``limit`` characters, with "…" when cut.

    Runs of white space become one space. A cut text ends at the last whole word that fits before the ellipsis
    (without a trailing ",", ";", ":" or "-"); a first word longer than the limit is cut inside the word.

    Args:
        text: The label or text to shorten.
        limit: The most characters of the result, the ellipsis included (at least 2).

    Returns:
        The text itself when it fits, else its shortened form ending in "…".
    """
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0] if " " in text[:limit - 1] else text[:limit - 1]
    return cut.rstrip(",;:-") + "\u2026"


def column_arrays(df: pd.DataFrame, names: Iterable[str]) -> dict[str, Any]:
    """The values of the columns of ``df`` named in ``names`` that it has, without a Series a column.

    Returns name -> the column's array (a numpy array or a pandas extension array; ``.tolist()`` gives the same
    values as ``df[name].tolist()``); a repeated column name gives its last column, as ``df.items()`` does.

    ``df[name]`` builds a Series around the column (about 50 us under pandas 3, which is most of reading a small
    table's column). ``DataFrame._get_column_array`` (pandas 2 and 3) returns the array itself, at about a sixth
    of the cost; it is private, so it is used only where it exists, and every caller gets the same values from
    the public ``df.items()`` otherwise (the tests run both paths).
    """
    if not df.columns.is_unique or not hasattr(df, "_get_column_array"):
        present = dict(df.items())
        return {c: _array(present[c]) for c in names if c in present}
    positions = {c: i for i, c in enumerate(df.columns)}
    return {c: df._get_column_array(positions[c]) for c in names if c in positions}


def _array(series: pd.Series) -> Any:
    """The array a Series wraps, as ``_get_column_array`` gives it: numpy for numpy dtypes, else the extension
    array."""
    if isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
        return series.array
    return series.to_numpy()

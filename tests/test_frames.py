"""Tests for analysis.frames: column arrays give the values of df[name], on the fast path and the public one;
shorten cuts a label at a word."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.frames import column_arrays, shorten


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "start": [3, 10, 25],
            "score": [0.5, np.nan, -0.25],
            "speaker": ["Ana Ruiz", None, "the mayor"],
            "label": pd.array(["a", pd.NA, "c"], dtype="string"),
            "count": pd.array([1, pd.NA, 3], dtype="Int64"),
            "flag": [True, False, True],
        }
    )


def _same(left: list, right: list) -> bool:
    """Equal lists, NaN equal to NaN, pd.NA to pd.NA, and each value of the same type."""
    return len(left) == len(right) and all(
        type(a) is type(b) and (a is b or (isinstance(a, float) and np.isnan(a) and np.isnan(b)) or a == b)
        for a, b in zip(left, right)
    )


@pytest.mark.parametrize("fast", [True, False])
def test_column_arrays_give_the_values_of_each_column(monkeypatch, fast):
    if not fast:
        monkeypatch.delattr(pd.DataFrame, "_get_column_array", raising=False)
    df = _frame()
    arrays = column_arrays(df, ["speaker", "missing", "start", "score", "label", "count", "flag"])
    assert list(arrays) == ["speaker", "start", "score", "label", "count", "flag"]
    for name, array in arrays.items():
        assert not isinstance(array, pd.Series)
        assert _same(array.tolist(), df[name].tolist()), name


def test_a_repeated_column_name_gives_its_last_column():
    df = pd.DataFrame([[1, 2, "x"]], columns=["a", "a", "b"])
    arrays = column_arrays(df, ["a", "b"])
    assert arrays["a"].tolist() == [2]
    assert arrays["b"].tolist() == ["x"]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Summit opens", 20, "Summit opens"),  # fits: unchanged
        ("Summit  opens\n in town", 40, "Summit opens in town"),  # white space runs become one space
        ("Summit opens in the capital", 15, "Summit opens\u2026"),  # cut at a word
        ("Summit, talks and votes", 10, "Summit\u2026"),  # no trailing comma before the ellipsis
        ("Extraordinarily", 6, "Extra\u2026"),  # one long word is cut inside it
        (12345678, 5, "1234\u2026"),  # any value, as str
        ("abcdef", 6, "abcdef"),  # exactly the limit fits
    ],
)
def test_shorten(text: object, limit: int, expected: str) -> None:
    out = shorten(text, limit)
    assert out == expected
    assert len(out) <= limit

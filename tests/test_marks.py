"""Tests for analysis.marks: each quotation mark and apostrophe is in the sets it belongs to, and only those."""

from __future__ import annotations

import pytest

from analysis import marks

_SETS = ("OPENERS", "CLOSERS", "STRAIGHT", "SINGLE_OPENERS", "SINGLE_CLOSERS", "APOSTROPHES")


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        ("\u201c", {"OPENERS"}),
        ("\u00ab", {"OPENERS"}),
        ("\u201e", {"OPENERS"}),
        ("\u201d", {"CLOSERS"}),
        ("\u00bb", {"CLOSERS"}),
        ('"', {"STRAIGHT"}),
        ("'", {"SINGLE_OPENERS", "SINGLE_CLOSERS", "APOSTROPHES"}),
        ("\u2018", {"SINGLE_OPENERS"}),
        ("\u2019", {"SINGLE_CLOSERS", "APOSTROPHES"}),
        ("`", set()),  # no quotation mark
        ("\u2014", set()),
    ],
)
def test_each_mark_is_in_its_sets(char: str, expected: set[str]) -> None:
    assert {name for name in _SETS if char in getattr(marks, name)} == expected
    assert (char in marks.ALL_MARKS) is (expected != {"APOSTROPHES"} and bool(expected))
    assert (char in marks.DOUBLE_MARKS) is bool(expected & {"OPENERS", "CLOSERS", "STRAIGHT"})
    assert (char in marks.SINGLES) is bool(expected & {"SINGLE_OPENERS", "SINGLE_CLOSERS"})


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Ukraine's", True), ("Ukraine\u2019s", True), ("Ukraines", False), ("MPs'", False)],
)
def test_possessives(word: str, expected: bool) -> None:
    assert word.endswith(marks.POSSESSIVES) is expected

"""Quotation marks and apostrophes: each character set spelled once, for every analysis that looks for them.

Double marks open with \u201c, \u00ab or \u201e and close with \u201d or \u00bb; the straight ``"`` does both.
Single marks open with ``'`` or \u2018 and close with ``'`` or \u2019, the same characters as the apostrophes of
"Ukraine's" and "MPs\u2019", so a single mark is a quotation mark only where an apostrophe cannot stand (see
``analysis.quotes``). Strings are for building regex classes (none of these characters is special inside
``[...]``) and testing one character; the frozensets are for testing a token, which may be a whole word.
"""

from __future__ import annotations

__all__ = [
    "ALL_MARKS",
    "APOSTROPHES",
    "CLOSERS",
    "DOUBLE_MARKS",
    "OPENERS",
    "POSSESSIVES",
    "SINGLES",
    "SINGLE_CLOSERS",
    "SINGLE_OPENERS",
    "STRAIGHT",
]

#: Double opening marks: \u201c \u00ab \u201e.
OPENERS = "\u201c\u00ab\u201e"
#: Double closing marks: \u201d \u00bb.
CLOSERS = "\u201d\u00bb"
#: The straight double mark, which opens and closes.
STRAIGHT = '"'
#: Every double mark.
DOUBLE_MARKS = OPENERS + CLOSERS + STRAIGHT
#: Single marks that can open a quotation: ' \u2018.
SINGLE_OPENERS = "'\u2018"
#: Single marks that can close a quotation: ' \u2019 (the apostrophes too).
SINGLE_CLOSERS = "'\u2019"
#: Every single mark.
SINGLES = "'\u2018\u2019"
#: The apostrophes of a possessive or a clipped word ("Ukraine's", "MPs\u2019", "won\u2019t").
APOSTROPHES = "'\u2019"
#: The endings of a possessive word ("Ukraine's", "Ukraine\u2019s"), for ``str.endswith``.
POSSESSIVES = tuple(f"{a}s" for a in APOSTROPHES)
#: Every quotation mark, double or single, as a set of one-character tokens.
ALL_MARKS = frozenset(DOUBLE_MARKS + SINGLES)

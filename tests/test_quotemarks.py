"""analysis.quotemarks: whether an offset stands inside a quotation (double, curly and single marks); each
quotation mark and apostrophe is in the sets it belongs to, and only those."""

from __future__ import annotations

import pytest

from analysis import quotemarks
from analysis.quotemarks import in_quotation, quotation_at, quotation_spans


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # straight and curly double marks
        ('He said "we won tonight" and left.', "tonight", True),
        ('He said "we won tonight" and left.', "left", False),
        ("He said \u201cwe won tonight\u201d and left.", "tonight", True),
        ("He said \u201cwe won tonight\u201d and left.", "left", False),
        # single quotation marks, straight and curly (British style)
        ("He said 'we won tonight' and left.", "tonight", True),
        ("He said 'we won tonight' and left.", "left", False),
        ("He said \u2018we won tonight\u2019 and left.", "tonight", True),
        ("\u2018Tonight we won,\u2019 the mayor said.", "Tonight", True),
        ("\u2018Tonight we won,\u2019 the mayor said.", "mayor", False),
        ("'Tonight we won,' the mayor said.", "Tonight", True),
        # a quotation inside another one counts as the outer one
        ("\u201cShe told me 'no' tonight,\u201d he said.", "tonight", True),
        ("'She told me \u201cno\u201d tonight,' he said.", "tonight", True),
        # apostrophes never open a quotation
        ("They won't vote tonight, she said.", "tonight", False),
        ("Ukraine's army moved tonight, she said.", "tonight", False),
        ("The MPs' pay rise starts tonight, the clerk said.", "tonight", False),
        ("The MPs\u2019 pay rise starts tonight, the clerk said.", "tonight", False),
        ("The '90s are back tonight, she said.", "tonight", False),
        ("Rock 'n' roll returns tonight, she said.", "tonight", False),
        ("He was goin' home tonight, she said.", "tonight", False),
        # ... but a clear quotation after an apostrophe is one
        ("The MPs' pay deal is 'a scandal tonight', she said.", "scandal", True),
        ("The MPs' pay deal is 'a scandal tonight', she said.", "pay", False),
        # a stray straight mark (a height) opens nothing; an odd count is no quotation
        ("The 6'2\" mayor will speak tonight.", "tonight", False),
        # a quotation left open runs to its paragraph's end, not into the next paragraph
        ('He said "we will win tonight.\n\nThe vote is tomorrow.', "tonight", True),
        ('He said "we will win tonight.\n\nThe vote is tomorrow.', "tomorrow", False),
        ("He said 'we will win tonight.\n\nThe vote is tomorrow.", "tomorrow", False),
        # ... and, closed by no mark, to its first line break; a closed one may run over lines
        ("He said \u201cwe will win tonight.\nMONDAY\u2019S POLLS\n- Polls close tomorrow.", "tomorrow", False),
        ("He said \u201cwe will win tonight\nand tomorrow,\u201d and left.", "tomorrow", True),
        ("He said \u201cwe will win.\n\n\u201cThe vote is tomorrow.\nMONDAY\u2019S POLLS", "tomorrow", True),
        ("He said \u201cwe will win.\n\n\u201cThe vote is tomorrow.\nMONDAY\u2019S POLLS", "MONDAY", False),
        # ... or into the next one when that one opens with a mark (a long quotation)
        ("He said: \u201cWe will win.\n\n\u201cThe vote is tomorrow,\u201d he said.", "vote", True),
    ],
)
def test_in_quotation(text: str, word: str, expected: bool) -> None:
    assert in_quotation(text, text.index(word)) is expected


@pytest.mark.parametrize(
    "text", ["He said 'no'.", "He said \u2018no\u2019.", 'He said "no".', "He said \u201cno\u201d."]
)
def test_the_opening_mark_itself_is_outside(text: str) -> None:
    mark = text.index("no") - 1
    assert not in_quotation(text, mark)
    assert in_quotation(text, mark + 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said 'we won' and \u201cthey lost\u201d.", ["we won", "they lost"]),
        ("They won't go; the MPs' pay and the '90s stay.", []),
        ("\u201cShe said 'no',\u201d he said.", ["She said 'no',"]),
        ("", []),
    ],
)
def test_quotation_spans(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in quotation_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review 8: the German low-9 quotation closes with \u201c ("\u201eWir gewinnen.\u201c"), which is no new opening
        ("Er sagte: \u201eWir gewinnen heute.\u201c Dann ging er.", ["Wir gewinnen heute."]),
        ("\u201eWir gewinnen\u201c, sagte er, \u201eund dann gehen wir.\u201c", ["Wir gewinnen", "und dann gehen wir."]),
        ("He said \u201eWe win today,\u201d and left.", ["We win today,"]),  # closed by \u201d (Polish style)
        ("He said \u201cWe win.\u201d Then \u201cWe lose.\u201d", ["We win.", "We lose."]),
    ],
)
def test_low_nine_quotations_close_with_either_mark(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in quotation_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("He said 'we won today' at noon.", "today", "we won today"),
        ("He said \u00abwe won today\u00bb at noon.", "today", "we won today"),
        ("\u201cShe said 'no' today,\u201d he said.", "today", "She said 'no' today,"),
        ("He said 'we won today' at noon.", "noon", None),
        ("They won't go today.", "today", None),
    ],
)
def test_quotation_at(text: str, word: str, expected: str | None) -> None:
    span = quotation_at(text, text.index(word))
    assert (text[span[0]:span[1]] if span else None) == expected
    assert (span is not None) is in_quotation(text, text.index(word))

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
    assert {name for name in _SETS if char in getattr(quotemarks, name)} == expected
    assert (char in quotemarks.ALL_MARKS) is (expected != {"APOSTROPHES"} and bool(expected))
    assert (char in quotemarks.DOUBLE_MARKS) is bool(expected & {"OPENERS", "CLOSERS", "STRAIGHT"})
    assert (char in quotemarks.SINGLES) is bool(expected & {"SINGLE_OPENERS", "SINGLE_CLOSERS"})


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Ukraine's", True), ("Ukraine\u2019s", True), ("Ukraines", False), ("MPs'", False)],
)
def test_possessives(word: str, expected: bool) -> None:
    assert word.endswith(quotemarks.POSSESSIVES) is expected

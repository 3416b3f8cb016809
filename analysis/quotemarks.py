"""Quotation marks: where quotations begin and end, and whether an offset stands inside one.

Quotation marks are paired per paragraph (a paragraph ends at a blank line). Three families are paired
separately: curly double marks (\u201c...\u201d, also \u00ab...\u00bb, and \u201e closed by \u201d or, German
style, by \u201c), straight double marks ("...", also a doubled apostrophe '' in some archives) and single
marks ('...' and \u2018...\u2019, British style). A single mark is a quotation mark only where an apostrophe
cannot stand: "won't", "Ukraine's", "MPs' pay", "the '90s" and "rock 'n' roll" open or close nothing (rules in
``_single_role`` and the ``[apostrophes]`` table of ``data/reporting_cues.toml``). An unbalanced mark never
aborts: a quotation left open runs to the end of its paragraph (or on into the next paragraph when that one
opens with a mark, the convention for long quotations), a second opening mark closes the first at the sentence
end before it, and a stray closing mark is ignored. A quotation inside another one counts as part of the outer
one.

:func:`pair_quotes` is the pairing :mod:`analysis.quotes` builds its quotations on; :func:`in_quotation`
answers "is this offset inside quoted speech?" for :mod:`analysis.timex` (a quoted "Tonight" is the
speaker's evening) and :mod:`analysis.timeline` (a date does not pass into or out of quoted speech), and
:func:`quotation_at` says where that quotation begins (timex looks for the occasion of speech before it).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from .data import read_toml

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
    "in_quotation",
    "pair_quotes",
    "quotation_at",
    "quotation_spans",
]

# The quotation marks and apostrophes, each character set spelled once for every analysis (quotes builds its
# sets and regex classes from these). Strings serve to build regex classes (none of these characters is special
# inside [...]) and to test one character; the frozenset serves to test a token, which may be a whole word.
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

_LOW_NINE, _GERMAN_CLOSER = "\u201e", "\u201c"  # German quotation marks: \u201e...\u201c
_OPEN_PUNCT = "([{\u2014\u2013-/:"  # punctuation after which a straight or single mark opens a quotation
# a doubled apostrophe stands for a straight mark in some archives; a curly closing mark may end a quotation
# opened with a straight one (and a straight mark one opened with a curly mark)
_STRAIGHT_MARKS = re.compile(f"{STRAIGHT}|''|[{CLOSERS}]")
_CURLY_MARKS = re.compile(f"[{DOUBLE_MARKS}]")
# single quotation marks: a straight apostrophe or a curly one opens or closes a quotation only where an apostrophe
# cannot stand (rules in _single_role and in the [apostrophes] table of reporting_cues.toml)
_SINGLE_MARKS = re.compile(f"[{SINGLES}]")
_SINGLE_OPEN_AFTER = _OPEN_PUNCT + OPENERS + STRAIGHT  # a single opening mark may follow these
_DECADE = re.compile(r"\d\d(?:s\b|\b)")  # "the '90s", "class of '22"
_SENTENCE_END = re.compile(r"[.!?\u2026](?=\s)")


class _Quote(NamedTuple):
    start: int  # first character inside the marks
    end: int  # last character inside the marks + 1
    open_mark: int | None
    close_mark: int | None
    paragraph: int
    close_len: int = 1  # 2 for a doubled apostrophe ('')

    @property
    def outer_end(self) -> int:
        return self.close_mark + self.close_len if self.close_mark is not None else self.end


def _is_opening_straight(text: str, pos: int, para_start: int) -> bool:
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isspace() or before in _OPEN_PUNCT:
        return not after.isspace()
    return False


def _last_sentence_end(text: str, start: int, end: int) -> int:
    """The end of the last complete sentence in ``text[start:end]`` (or ``end`` when there is none)."""
    best = None
    for m in _SENTENCE_END.finditer(text[start:end]):
        best = start + m.end()
    return best if best is not None else end


@functools.lru_cache(maxsize=1)
def _leading_apostrophes() -> tuple[str, ...]:
    """Clipped words that begin with an apostrophe ("'em", "'n'"), longest first, with a straight mark."""
    return tuple(sorted((w.lower() for w in read_toml("reporting_cues.toml")["apostrophes"]["leading"]), key=len,
                        reverse=True))


def _single_role(text: str, i: int, a: int, b: int) -> str | None:
    """What the single mark at ``i`` (in the paragraph ``text[a:b]``) can do: "open", "close", "weak" (a closing
    mark that may be a plural possessive's apostrophe, "MPs' pay", or a clipped "-in'") or None (an apostrophe).
    """
    ch = text[i]
    if ch not in SINGLES:
        return None
    before = text[i - 1] if i > a else " "
    after = text[i + 1] if i + 1 < b else " "
    if ch == "'" and "'" in (before, after):
        return None  # a doubled apostrophe stands for a double mark (_STRAIGHT_MARKS)
    if ch != "\u2019" and (before.isspace() or before in _SINGLE_OPEN_AFTER):
        if after.isspace() or _DECADE.match(text, i + 1, b):
            return None
        word = "'" + text[i + 1:i + 7].lower()
        if any(word.startswith(w) and not word[len(w):len(w) + 1].isalnum() for w in _leading_apostrophes()):
            return None  # "'em", "rock 'n' roll"
        return "open"
    if ch == "\u2018" or before.isspace() or after.isalnum():
        return None  # "won't", "Ukraine's"
    if after in " \t\u00a0\n" and (before in "sS" or text[i - 2:i].lower() == "in") and text[i - 2:i - 1].isalpha():
        return "weak"
    return "close"


def _pair_single(text: str, paragraphs: list[tuple[int, int, int]]) -> list[_Quote]:
    """Pair single quotation marks ('...' and \u2018...\u2019) paragraph by paragraph, as pair_quotes does with
    double ones. A weak closing mark ("the bosses' deal") closes only when no clear one comes before the next
    opening mark or the paragraph's end; an opening mark while one is open and nothing closed it sets the first
    aside (an apostrophe that looked like a mark)."""
    quotes: list[_Quote] = []
    open_at: int | None = None
    open_para = -1
    inner = 0
    for n, (p, a, b) in enumerate(paragraphs):
        roles = [(i, r) for i in (m.start() for m in _SINGLE_MARKS.finditer(text, a, b))
                 if not (i > a and text[i - 1].isalnum() and text[i + 1:i + 2].isalnum())  # "won't": fast path
                 and (r := _single_role(text, i, a, b)) is not None]
        weak: int | None = None  # index in roles of the first weak closing mark of the open quotation
        k = 0
        while True:
            if k >= len(roles):
                if open_at is None or weak is None:
                    break
                nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
                if nxt is not None and _single_role(text, nxt[1], nxt[1], nxt[2]) == "open":
                    break  # a long quotation goes on in the next paragraph
                k = weak  # no clear closing mark: the weak one closes
            i, role = roles[k]
            if open_at is None:
                if role == "open":
                    open_at, open_para, inner, weak = i, p, i + 1, None
            elif role == "open":
                if not (open_para != p and i == a):  # else a paragraph of a long quotation reopens with a mark
                    if weak is not None:
                        k = weak
                        continue
                    open_at, open_para, inner = i, p, i + 1
            elif role == "weak" and weak is None:
                weak = k
            elif role == "close" or (role == "weak" and k == weak):
                quotes.append(_Quote(inner, i, open_at, i, open_para))
                open_at, weak = None, None
            k += 1
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is None or _single_role(text, nxt[1], nxt[1], nxt[2]) != "open":
                quotes.append(_Quote(inner, _rstrip(text, inner, b), open_at, None, open_para))
                open_at = None
    return quotes


def _crosses(q: _Quote, others: list[_Quote], begins: list[int]) -> bool:
    """Whether ``q`` begins outside and ends inside one of ``others`` (sorted by ``begins``, their opening marks),
    or the reverse."""
    lo, hi = q.open_mark if q.open_mark is not None else q.start, q.outer_end
    for o in others[max(bisect.bisect_left(begins, lo) - 4, 0):bisect.bisect_left(begins, hi)]:
        olo, ohi = o.open_mark if o.open_mark is not None else o.start, o.outer_end
        if (lo < olo < hi < ohi) or (olo < lo < ohi < hi):
            return True
    return False


def pair_quotes(text: str, paragraphs: list[tuple[int, int, int]]) -> list[_Quote]:
    """Pair quotation marks paragraph by paragraph, recovering locally from unbalanced marks.

    Curly, straight and single marks are paired separately; a quotation inside another one is dropped (the outer
    one carries it: "He said: 'She told me \u201cno\u201d.'" is one quotation, and so is the American
    "\u201cShe told me 'no.'\u201d"). A single-mark quotation that crosses the bounds of a double-mark one is
    an apostrophe's mistake and dropped. Returns quotations in text order.
    """
    quotes: list[_Quote] = []
    for family in ("curly", "straight"):
        open_at: int | None = None
        open_para = -1
        inner = 0  # where the text of the open quotation starts
        marks = _CURLY_MARKS if family == "curly" else _STRAIGHT_MARKS
        for n, (p, a, b) in enumerate(paragraphs):
            for found in marks.finditer(text, a, b):
                i = found.start()
                ch = text[i]
                width = found.end() - i
                if ch == STRAIGHT and family == "curly" or ch in CLOSERS and family == "straight":
                    # only a mark of the other kind that closes an open quotation counts here, and only when
                    # no mark of its own kind is open inside ("Pence: "... “Shark Tank.” ...")
                    own = OPENERS if ch in CLOSERS else STRAIGHT
                    if open_at is None or text[i + 1:i + 2].isalnum() or any(
                            c in own for c in text[open_at + 1:i]):
                        continue
                    kind = "close"
                elif family == "curly" and ch in OPENERS:
                    # German style closes a low-9 quotation with \u201c ("\u201eWir gewinnen.\u201c")
                    kind = "close" if ch == _GERMAN_CLOSER and open_at is not None and text[open_at] == _LOW_NINE \
                        else "open"
                elif family == "curly" and ch in CLOSERS:
                    # a closing mark typed at the start of a paragraph, before a word, opens a quotation
                    kind = "open" if open_at is None and i == a and text[i + 1:i + 2].isalnum() else "close"
                elif family == "straight":
                    if open_at is not None and open_para != p and i == a:
                        continue  # a paragraph of a long quotation reopens with a mark
                    kind = "close" if open_at is not None else ("open" if _is_opening_straight(text, i, a)
                                                                else "stray")
                else:
                    continue
                if kind == "open":
                    if open_at is not None:
                        if open_para != p and i == a:
                            continue  # a paragraph of a long quotation reopens with a mark
                        # a new opening while one is open: close the first at the sentence end before this one
                        cut = _last_sentence_end(text, inner, i)
                        quotes.append(_Quote(inner, _rstrip(text, inner, cut), open_at, None, open_para))
                    open_at, open_para, inner = i, p, i + width
                elif kind == "close" and open_at is not None:
                    quotes.append(_Quote(inner, i, open_at, i, open_para, width))
                    open_at = None
            if open_at is not None:
                nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
                continues = nxt is not None and (
                    text[nxt[1]] in OPENERS if family == "curly" else _STRAIGHT_MARKS.match(text, nxt[1]))
                if not continues:
                    quotes.append(_Quote(inner, _rstrip(text, inner, b), open_at, None, open_para))
                    open_at = None
    quotes.sort(key=lambda q: q.open_mark if q.open_mark is not None else q.start)
    begins = [q.open_mark if q.open_mark is not None else q.start for q in quotes]
    quotes += [q for q in _pair_single(text, paragraphs) if not _crosses(q, quotes, begins)]
    quotes = [q for q in quotes if q.end > q.start]
    quotes.sort(key=lambda q: (q.start, -q.end))
    outer: list[_Quote] = []
    for q in quotes:
        if outer and q.start < outer[-1].outer_end:
            continue
        outer.append(q)
    return outer


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end

# --------------------------------------------------------------------------------------------- inside a quotation

_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+")  # a blank line, as text.split_paragraphs


def _paragraphs(text: str) -> list[tuple[int, int, int]]:
    """``(index, start, end)`` of the blank-line separated paragraphs of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for stop in [*(m.start() for m in _PARAGRAPH_BREAK.finditer(text)), len(text)]:
        a, b = pos, _rstrip(text, pos, stop)
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            spans.append((len(spans), a, b))
        pos = _PARAGRAPH_BREAK.match(text, stop).end() if stop < len(text) else stop
    return spans


def _open_end(text: str, q: _Quote) -> int:
    """Where ``q`` ends for :func:`in_quotation`: a quotation no mark closes stops at its first line break inside a
    paragraph (a sentence never crosses one; a list of headlines under an unclosed quotation is no speech). It
    still runs on over a blank line into a paragraph that reopens it with a mark."""
    if q.close_mark is not None:
        return q.end
    line_end = text.find("\n", q.start, q.end)
    while line_end >= 0:
        blank = _PARAGRAPH_BREAK.match(text, line_end)
        if blank is None:
            return _rstrip(text, q.start, line_end)
        line_end = text.find("\n", blank.end(), q.end)
    return q.end


@functools.lru_cache(maxsize=16)
def _quotation_bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The starts and ends of the (outermost) quotations of ``text``, each sorted; computed once per text."""
    quotes = pair_quotes(text, _paragraphs(text))
    return tuple(q.start for q in quotes), tuple(_open_end(text, q) for q in quotes)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every outermost quotation in ``text``, marks excluded, in text order; one that no
    mark closes ends at its first line break.

    Args:
        text: Any text; paragraphs are separated by blank lines.

    Returns:
        Spans such that ``text[start:end]`` is the quoted text.
    """
    starts, ends = _quotation_bounds(text)
    return list(zip(starts, ends))


def quotation_at(text: str, pos: int) -> tuple[int, int] | None:
    """The ``(start, end)`` of the quotation (:func:`quotation_spans`) that ``text[pos]`` stands in, or None.

    Args:
        text: The whole text (an article's ``text``, or a raw document).
        pos: A character offset into ``text``.

    Returns:
        The span of the quoted text (marks excluded: its opening mark ends at ``start``), or None when ``pos``
        is outside every quotation.
    """
    starts, ends = _quotation_bounds(text)
    k = bisect.bisect_right(starts, pos) - 1
    return (starts[k], ends[k]) if k >= 0 and pos < ends[k] else None


def in_quotation(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` stands inside a quotation (straight, curly or single marks; apostrophes never open one).

    The quotations of a text are paired once and cached, so calling this for every time expression or event of
    an article costs a binary search each.

    Args:
        text: The whole text (an article's ``text``, or a raw document).
        pos: A character offset into ``text``.

    Returns:
        True when ``pos`` lies between a quotation's marks (the opening mark itself is outside).
    """
    return quotation_at(text, pos) is not None

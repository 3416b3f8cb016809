"""Temporal expressions (TIMEX3): find them in raw text and normalise them against a document creation date.

The tagger is rule-based, in the tradition of HeidelTime (Strötgen & Gertz, "Multilingual and cross-domain temporal
tagging", LRE 2013): one regular expression per *rule family*, word lists in ``analysis/data/timex_lexicon.toml``, and
a normalisation step that resolves relative expressions against the document creation time (DCT, here the
publication date) or against the date mentioned last ("a year earlier", "hours earlier", "the quarter").

News rules (see ``docs/timeline.md``):

* a bare weekday is the most recent such day on or before the DCT, unless the clause governing it is future
  ("is set to address Friday's summit", a modal with a bare verb: "could collapse by Friday", a governed
  infinitive: "urged both sides to return by Friday", a deadline: "have until Friday", a present state: "the
  school is closed until Thursday"); the publication weekday itself is the publication date;
* "(shortly) after midnight" opens the day it is dated by unless an evening was narrated last; a quoted "today"
  or "tonight" is the day of the speech the narration just dated (before publication);
* "a year earlier" after a date still ahead, in a clause that is not future, counts from the period reported;
  "two years later" after a decade is the decade's range moved by two years (``P2Y``), not its first year plus two;
* a month and day without a year takes the year that puts it nearest the DCT, on the past side in a past clause
  and on the future side in a future one;
* "this week" is the ISO week of the DCT (ISO years have 52 or 53 weeks; the first days of January may belong to
  the previous ISO year);
* without a DCT nothing relative is resolved: the value keeps X's (``XXXX-WXX-2``, ``XXXX-XX-XX``) and
  ``anchor`` is None.

Values follow TimeML 1.2.1 (``2022-11-15``, ``2022-W46``, ``2022-11``, ``2022-Q3``, ``2022-SU``, ``199X``,
``P3D``, ``PT2H``, ``PRESENT_REF``, ``XXXX-WXX-2``, ``2022-11-15TNI``, ``2022-11-15T10:30``).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from .data import read_toml
from .quotemarks import in_quotation, quotation_at

__all__ = ["Timex", "calendar_names", "clause_tense", "lexicon", "tag_timexes"]

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A temporal expression: ``text == source[start:end]``.

    Attributes:
        start, end: character offsets into the tagged text.
        text: the expression as written.
        type: DATE, TIME, DURATION or SET.
        value: the TimeML value (``2022-11-15``, ``2022-W46``, ``P3D``, ``PAST_REF``, ``XXXX-WXX-2`` ...).
        rule: name of the rule that produced it (``weekday``, ``relative-week`` ...).
        anchor: the date it was resolved against (the DCT or the date mentioned before), None when absolute or
            unresolved.
        anchor_kind: ``"publication"``, ``"previous"`` (the date narrated just before) or None.
        mod: TimeML ``mod`` (START, MID, END, APPROX, BEFORE, AFTER, MORE_THAN, LESS_THAN ...) or None.
        precision: ``time``, ``day``, ``week``, ``month``, ``quarter``, ``season``, ``half``, ``year``, ``decade``,
            ``century`` for calendar values; None otherwise.
        range_start, range_end: the first and last day the value covers (None when it has no calendar extent).
        unresolved: True when the expression is relative but there was no date to resolve it against.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str
    anchor: _dt.date | None = None
    anchor_kind: str | None = None
    mod: str | None = None
    precision: str | None = None
    range_start: _dt.date | None = None
    range_end: _dt.date | None = None
    unresolved: bool = False

    @property
    def range(self) -> tuple[_dt.date, _dt.date] | None:
        """``(range_start, range_end)`` or None."""
        if self.range_start is None or self.range_end is None:
            return None
        return self.range_start, self.range_end


# ---------------------------------------------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """The word lists of ``analysis/data/timex_lexicon.toml`` (read once)."""
    return read_toml("timex_lexicon.toml")


@functools.lru_cache(maxsize=1)
def calendar_names() -> dict[str, frozenset[str]]:
    """The day and month names of the lexicon (``[weekdays]`` and ``[months]``, lower case), full and abbreviated.

    Other word lists take their days and months from here rather than spell them out (the clock followers and
    the abbreviations of :mod:`analysis.text`, the name rules' ``not_names``, targeted sentiment's time words, the
    written-out dates of :mod:`analysis.articles`).

    Returns:
        ``full_months`` (the longest name of each month: "september", "may"), ``short_months`` (the others:
        "sept", "sep", "jan"), ``full_weekdays`` (those ending in "day": "monday") and ``short_weekdays``
        ("tues", "thu").
    """
    lex = lexicon()
    longest: dict[int, str] = {}
    for name, number in lex["months"].items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    full_months = frozenset(longest.values())
    full_weekdays = frozenset(w for w in lex["weekdays"] if w.endswith("day"))
    return {"full_months": full_months, "short_months": frozenset(lex["months"]) - full_months,
            "full_weekdays": full_weekdays, "short_weekdays": frozenset(lex["weekdays"]) - full_weekdays}


def _alt(words: list[str] | dict, *, capitalise: bool = False) -> str:
    """A regex alternation of ``words``, longest first (so "a few" wins over "a")."""
    items = sorted(set(words), key=len, reverse=True)
    if capitalise:
        items = [w[:1].upper() + w[1:] for w in items]
    return "|".join(re.escape(w).replace("\\ ", r"\s+").replace("'", "['\u2019]") for w in items)


# ---------------------------------------------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Point:
    """A calendar value: its precision, first and last day, and TimeML string."""

    precision: str
    first: _dt.date
    last: _dt.date
    value: str


def _month_last(year: int, month: int) -> _dt.date:
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _day(d: _dt.date) -> _Point:
    return _Point("day", d, d, d.isoformat())


def _week(d: _dt.date) -> _Point:
    iso = d.isocalendar()
    monday = d - _dt.timedelta(days=iso[2] - 1)
    return _Point("week", monday, monday + _dt.timedelta(days=6), f"{iso[0]:04d}-W{iso[1]:02d}")


def _weekend(d: _dt.date) -> _Point:
    week = _week(d)
    sat = week.first + _dt.timedelta(days=5)
    return _Point("week", sat, sat + _dt.timedelta(days=1), week.value + "-WE")


def _month(year: int, month: int) -> _Point:
    return _Point("month", _dt.date(year, month, 1), _month_last(year, month), f"{year:04d}-{month:02d}")


def _quarter(year: int, q: int) -> _Point:
    first = _dt.date(year, 3 * q - 2, 1)
    return _Point("quarter", first, _month_last(year, 3 * q), f"{year:04d}-Q{q}")


def _half(year: int, h: int) -> _Point:
    return _Point("half", _dt.date(year, 6 * h - 5, 1), _month_last(year, 6 * h), f"{year:04d}-H{h}")


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season(year: int, code: str) -> _Point:
    a, b = _SEASON_MONTHS[code]
    first = _dt.date(year, a, 1)
    last = _month_last(year + (b < a), b)
    return _Point("season", first, last, f"{year:04d}-{code}")


def _year(year: int) -> _Point:
    return _Point("year", _dt.date(year, 1, 1), _dt.date(year, 12, 31), f"{year:04d}")


def _decade(decade: int) -> _Point:
    return _Point("decade", _dt.date(decade, 1, 1), _dt.date(decade + 9, 12, 31), f"{decade // 10:03d}X")


def _century(first_year: int) -> _Point:
    return _Point("century", _dt.date(max(first_year, 1), 1, 1), _dt.date(first_year + 99, 12, 31),
                  f"{first_year // 100:02d}")


def _season_of(d: _dt.date) -> tuple[int, str]:
    if d.month in (12, 1, 2):
        return (d.year if d.month == 12 else d.year - 1), "WI"
    return d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date:
    if n > 0:
        first = _dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + _dt.timedelta(days=offset + 7 * (n - 1))
    last = _month_last(year, month)
    return last - _dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------------------
# Context: tense of the clause, the date narrated last
# ---------------------------------------------------------------------------------------------------------------

# A full stop after an initial or a title ("Daniel P. Davison", "Mr. Schwarz") does not end a clause.
# Every alternative begins with a literal character (the title checks look back from the full stop, "that" checks
# its word boundary from its "t"), so the regex engine skips straight to those characters instead of trying the
# whole alternation at every position: the same matches as the plainer ``(?<!\b[A-Z])...\.|[!?;:...]|\bthat\b``,
# about ten times faster.
_CLAUSE_BREAK = re.compile(
    r"\.(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\bMrs\.)"
    r"|!|\?|;|:|\u2014|\u201c|\u201d|\"|\(|''|``|\n"
    r"|,\s+(?:but|and|while|although|though|as|where|which|who|when)\b|t(?<=\bt)hat\b"
)


@functools.lru_cache(maxsize=256)
def _clause_before(text: str, start: int, limit: int = 120) -> str:
    """The clause before ``text[start]`` (cached: the tense checks ask for the same clause two or three times)."""
    window = text[max(0, start - limit) : start]
    last = None
    for last in _CLAUSE_BREAK.finditer(window):
        pass
    return window[last.end() :] if last else window


def _clause_after(text: str, end: int, limit: int = 40) -> str:
    window = text[end : end + limit]
    match = _CLAUSE_BREAK.search(window)
    return window[: match.start()] if match else window


@functools.lru_cache(maxsize=1)
def _future_re() -> re.Pattern[str]:
    words = lexicon()["tense"]["future"]
    return re.compile(r"(?<![\w'])(?:" + _alt(words) + r")(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _past_re() -> re.Pattern[str]:
    words = lexicon()["tense"]["past"]
    # a participle after "will be", "would be", "to be", "must be", "should be", "may be" or "might be" is a future
    # passive, not a past ("will be held on Sunday", "is expected to be charged", "must be published by 31
    # December"); after "could (not) be" it may narrate the past ("could not be located", "could be seen")
    passive = "".join(rf"(?<!\b{w} be )" for w in ("will", "would", "shall", "to", "must", "should", "may", "might")) \
        + r"(?<!'ll be )(?<!\u2019ll be )"
    return re.compile(r"(?<![\w'])" + passive + r"(?:" + _alt(words) + r"|(?-i:[a-z]{2,}[^e\W]ed))(?![\w])",
                      re.IGNORECASE)


def _bare_verb() -> str:
    """A regex for the bare verb after a modal or "to": a lower-case word that is no article, pronoun or preposition,
    an adverb or two allowed before it ("could also vote", "to quickly return")."""
    tense = lexicon()["tense"]
    return (
        r"(?:\s+(?:" + _alt(tense["modal_adverbs"]) + r"))*"
        r"\s+(?!(?:" + _alt(tense["not_bare_verbs"]) + r"|have|'ve)\b)(?-i:[a-z]+)\b"
    )


@functools.lru_cache(maxsize=1)
def _modal_future_re() -> re.Pattern[str]:
    """A modal with a bare verb ("could collapse", "may not return"); "could not/never" and modal perfects ("would
    have", "may have attended") are past markers instead. Lower case only: "May" is the month."""
    modals = lexicon()["tense"]["modals"]
    return re.compile(r"(?<![\w'])(?:" + _alt(modals) + r")(?<!could)(?<=\w)" + _bare_verb()
                      + r"|(?<![\w'])could(?!\s+(?:not|never)\b)" + _bare_verb())


@functools.lru_cache(maxsize=1)
def _modal_first_words() -> tuple[str, ...]:
    """The first words of the lexicon's modals ("ought to" -> "ought"): a clause holding none of them has no modal
    future, so its regex need not run."""
    return tuple(dict.fromkeys(m.split()[0] for m in lexicon()["tense"]["modals"]))


@functools.lru_cache(maxsize=1)
def _infinitive_future_re() -> re.Pattern[str]:
    """A verb of asking, planning or expecting with its "to"-infinitive ("urged both sides to return", "is likely
    to rule"): the infinitive's event is still ahead of the governing verb."""
    tense = lexicon()["tense"]
    return re.compile(
        r"(?<![\w'])(?:(?:" + _alt(tense["infinitive_governors"]) + r")(?:\s+[\w'\u2019.-]+){0,4}?"
        r"|(?<!was )(?<!were )(?:" + _alt(tense["adjacent_governors"]) + r"))\s+to" + _bare_verb()
    )  # lower case only: "The Clean Power Plan was designed to lower" has no governing verb


@functools.lru_cache(maxsize=1)
def _past_infinitive_future_re() -> re.Pattern[str]:
    """A governing verb in the past with its infinitive ("urged both sides to return"): ahead only before a deadline
    ("... to the table by Friday"), see ``_is_future``."""
    tense = lexicon()["tense"]
    return re.compile(r"(?<![\w'])(?:(?:" + _alt(tense["past_infinitive_governors"])
                      + r")(?:\s+[\w'\u2019.-]+){0,4}?"
                      r"|(?:" + _alt(tense["past_adjacent_governors"]) + r"))\s+to" + _bare_verb())


@functools.lru_cache(maxsize=1)
def _scheduled_re() -> re.Pattern[str]:
    """A date set or moved to, right before the expression ("set sentencing for ", "postponed the vote until
    ")."""
    tense = lexicon()["tense"]
    words = r"(?:\s+[\w'\u2019.-]+){0,4}?\s+"
    return re.compile(r"(?<![\w'])(?:(?:" + _alt(tense["schedulers"]) + r")" + words + r"for"
                      r"|(?:" + _alt(tense["postponers"]) + r")" + words + r"(?:until|till|to))\s+$")


@functools.lru_cache(maxsize=1)
def _deadline_future_re() -> re.Pattern[str]:
    """A deadline given ("gave them until Friday", "extended the deadline until Monday")."""
    givers = lexicon()["tense"]["deadline_givers"]
    return re.compile(r"(?<![\w'])(?:" + _alt(givers) + r")(?:\s+[\w'\u2019.-]+){0,3}?\s+until\b")


@functools.lru_cache(maxsize=1024)
def _tense_marks(clause: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """The spans of the future markers and the ends of the past markers in ``clause`` (cached: the future and
    past checks of one expression, and of the verbs of its event, read the same clause).

    Future markers are the ``[tense] future`` words, a modal with a bare verb, a governed infinitive and a deadline
    given ("gave them until"); they are ordered by their end, so the last one ends nearest the expression.
    """
    future = [m.span() for m in _future_re().finditer(clause)]
    if "to " in clause or any(w in clause for w in _modal_first_words()):
        future += [m.span() for m in _modal_future_re().finditer(clause)]
        future += [m.span() for m in _infinitive_future_re().finditer(clause)]
    if "until" in clause:
        future += [m.span() for m in _deadline_future_re().finditer(clause)]
    future.sort(key=lambda span: (span[1], span[0]))
    return tuple(future), tuple(m.end() for m in _past_re().finditer(clause))


@functools.lru_cache(maxsize=1)
def _state_until_re() -> re.Pattern[str]:
    """A present state lasting until the expression ("the school is closed until ", "will stay closed until ")."""
    copulas = lexicon()["tense"]["state_copulas"]
    return re.compile(r"(?:(?<![\w'\u2019])(?:" + _alt([c for c in copulas if c[0].isalpha()]) + r")|(?<=\w)(?:"
                      + _alt([c for c in copulas if not c[0].isalpha()]) + r"))(?:\s+(?!(?:was|were|had|been|did)\b)(?-i:[a-z]+)){0,3}"
                      r"\s+(?:until|till)\s+$")


_FUTURE_IN_PAST = re.compile(r"\bhad(?:\s+been)?\s+$", re.IGNORECASE)


def _is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause governing ``text[start:end]`` is future ("will address", "is set to address").

    The tense marker closest before the expression decides: "said it will meet Friday" is future,
    "will say it met Friday" is past.
    """
    clause = _clause_before(text, start)
    future, past = _tense_marks(clause)
    deadline = _DEADLINE_BEFORE.search(text, max(0, start - 16), start) is not None and not _POSSESSIVE.match(
        text[max(start, end - 2) : end + 2])
    if deadline and "to " in clause:
        # "urged both sides to return to the table by Friday": the infinitive's deadline is ahead.
        future = tuple(sorted([*future, *(m.span() for m in _past_infinitive_future_re().finditer(clause))],
                              key=lambda span: (span[1], span[0])))
    if _state_until_re().search(clause) and _calendar_name_re().match(text, start):
        return True  # "the school is closed until Thursday": the state lasts until a day ahead
    if (_EARLIEST_BEFORE.search(text, max(0, start - 40), start) or _EARLIEST_AFTER.match(text, end)) \
            and _calendar_name_re().match(text, start):
        return True  # "possibly not before Monday", "Monday at the earliest": an estimate of the earliest day ahead
    scheduled = _scheduled_re().search(clause)
    if scheduled:
        # "She set sentencing for Sept. 19", "postponed the vote until Friday": the day set is still ahead.
        return not _FUTURE_IN_PAST.search(clause, 0, scheduled.start())
    if future:
        last_start, last_end = future[-1]
        if _FUTURE_IN_PAST.search(clause, 0, last_start):
            return False  # "had been due to expire Friday": planned, and now past
        return not past or last_end >= max(past)
    after = _clause_after(text, end)
    if _FUTURE_AFTER.match(after) or (not past and _OBLIGATION_AFTER.match(after)):
        return True
    # A deadline ("have until Friday to decide", "comments are due by Friday") in a clause with no past marker on
    # either side; "By Friday, the troops had left" and "talks lasted until Friday" stay past.
    # Only a weekday, a month or a day of a month ("by 31 December") is read this way: "by 1991" or "by 2030" keep
    # their own place in time; nor a possessive ("until Monday's announcement, both companies ...").
    return bool(not past and deadline and _calendar_name_re().match(text, start) and not _past_re().search(after))


_FUTURE_AFTER = re.compile(r"\s*,?\s*(?:\w+\s+){0,3}?(?:will|\u2019ll|'ll|is set to|are set to)\b", re.IGNORECASE)
# An obligation in the clause an expression opens ("By 31 December, the guidance must be published"), read only when
# no past marker comes before it ("which Obama signed into law in March, the president must" stays past); a modal
# perfect looks back ("By June, it should have opened").
_OBLIGATION_AFTER = re.compile(r"\s*,\s*(?:\w+\s+){0,3}?(?:is due to|are due to"
                               r"|(?:must|shall|should)(?!\s+(?:not\s+|never\s+)?have\b))\b", re.IGNORECASE)
# A possessive ends the expression or follows it (the rule's match may hold the "'s").
_POSSESSIVE = re.compile(r"['\u2019]s\b|..['\u2019]s\b")
# A hedged earliest time ("possibly not before Monday", "probably not until March") or "at the earliest" after the
# expression: an estimate, so the day is ahead even in a clause narrated in the past ("said crews could not reach
# the substations, possibly not before Monday"). A bare "but not until Monday" may narrate the past.
_EARLIEST_BEFORE = re.compile(r"\b(?:possibly|probably|perhaps|maybe|likely)\s+not\s+(?:before|until|till)\s+$",
                              re.IGNORECASE)
_EARLIEST_AFTER = re.compile(r",?\s+at\s+the\s+earliest\b", re.IGNORECASE)
# The words of a deadline right before an expression ("by Friday", "until March", "no later than 2026"): one
# definition, read here and by analysis.timeline. Here lower case only: a sentence opening "Until Monday, the
# border was open" narrates the time before.
DEADLINE_WORDS = r"by|until|till|no\s+later\s+than"
_DEADLINE_BEFORE = re.compile(rf"\b(?:{DEADLINE_WORDS})\s+$")


@functools.lru_cache(maxsize=1)
def _calendar_name_re() -> re.Pattern[str]:
    """A capitalised weekday or month name ("Friday", "June", "Nov."), or a day before a month ("31 December",
    "1st of June"), the start of a deadline's expression."""
    names = [*lexicon()["weekdays"], *lexicon()["months"]]
    return re.compile(r"(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:" + _alt(names, capitalise=True) + r")\b")


def _sentence_start(text: str, offset: int) -> int:
    """Start of the sentence holding ``offset`` (a cheap look back for ". " or a line break)."""
    found = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset))
    return found + 1 if found >= 0 else 0


def _is_past(text: str, start: int) -> bool:
    """Whether the clause before ``text[start]`` has a past-tense marker and no later future one."""
    clause = _clause_before(text, start)
    future, past = _tense_marks(clause)
    if not past:
        return False
    return not future or max(past) > max(end for _, end in future)


def clause_tense(text: str, start: int, end: int | None = None) -> str | None:
    """The tense of the clause governing ``text[start:end]``: ``"future"``, ``"past"`` or None (no marker).

    Markers are the word lists of ``[tense]`` in the lexicon plus any lower-case ``-ed`` word; the one closest
    before the expression decides.
    """
    end = start if end is None else end
    if _is_future(text, start, end):
        return "future"
    if _is_past(text, start):
        return "past"
    return None


@dataclass
class _Context:
    text: str
    dct: _dt.date | None
    last: _Point | None = None  # the date narrated last (any precision)
    last_day: _dt.date | None = None  # the last day-precision date narrated
    last_quarter: _Point | None = None
    last_quarter_at: int = -1  # offset of the last quarter mentioned
    last_reported: _Point | None = None  # the last quarter, half or year over by the DCT (a period figures report)
    position: int = 0  # offset of the expression being resolved
    last_at: int = -1  # offset of the date narrated last
    narrated: _Point | None = None  # the date narrated last outside quotation marks (the narrator's, not a speaker's)
    narrated_at: int = -1  # its offset
    stamp_day: _dt.date | None = None  # the day of the last live-blog entry stamp or date line (a line that is a date)
    occasion_day: _dt.date | None = None  # the day of a speech occasion narrated one or two days before the DCT

    def remember(self, point: _Point) -> None:
        self.last = point
        self.last_at = self.position
        if point.precision in ("day", "time"):
            self.last_day = point.first
        if point.precision == "quarter":
            self.last_quarter = point
            self.last_quarter_at = self.position
        if point.precision in ("quarter", "half", "year") and self.dct is not None and point.last <= self.dct:
            self.last_reported = point


@dataclass(frozen=True)
class _Result:
    type: str
    value: str
    point: _Point | None = None
    mod: str | None = None
    anchor_kind: str | None = None  # "publication" | "previous"
    unresolved: bool = False
    remember: bool = True
    anchor: _dt.date | None = None  # the date resolved against, when it is not the one narrated last


_Handler = Callable[[re.Match[str], _Context], "_Result | None"]


# ---------------------------------------------------------------------------------------------------------------
# Numbers and durations
# ---------------------------------------------------------------------------------------------------------------


def _number(words: str) -> float | None:
    """A number from digits or words ("twenty four", "5 1/2", "a couple of", "several" = -1 for vague)."""
    nums = lexicon()["numbers"]
    text = re.sub(r"[\s-]+", " ", words.lower().strip()).replace(",", "")
    if not text:
        return None
    if text in nums:
        return float(nums[text])
    total = 0.0
    current = 0.0
    for token in text.split(" "):
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            current += float(token)
        elif re.fullmatch(r"\d+/\d+", token):
            a, b = token.split("/")
            current += int(a) / int(b) if int(b) else 0
        elif token in ("and", "of"):
            continue
        elif token in nums:
            value = float(nums[token])
            if value < 0:
                return -1.0
            if value in (100, 1000):
                current = (current or 1) * value
                if value == 1000:
                    total += current
                    current = 0
            elif value == 0.5:
                current += 0.5
            else:
                current += value
        else:
            return None
    return total + current


def _duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration for ``n`` units (``unit`` as keyed in the lexicon); X for vague quantities."""
    designator, is_time = lexicon()["units"][unit]
    if designator == "W2":
        designator, n = "W", (2 * n if n and n > 0 else n)
    if designator == "WE":
        return "P2D" if n == 1 else ("PXWE" if n is None or n < 0 else f"P{int(2 * n)}D")
    if designator in ("DE", "CE"):
        factor = 10 if designator == "DE" else 100
        if n is None or n < 0:
            return "PXDE" if designator == "DE" else "PXCE"
        designator, n = "Y", n * factor
    prefix = "PT" if is_time else "P"
    if n is None or n < 0:
        return f"{prefix}X{designator}"
    if n != int(n):
        whole = int(n)
        lower = {"Y": (12, "M", False), "D": (24, "H", True), "H": (60, "M", True), "M": (30, "D", False)}
        if designator in lower and not (is_time and designator == "M"):
            k, sub, sub_time = lower[designator]
            rest = round((n - whole) * k)
            if sub_time and not is_time:
                return f"P{whole}{designator}T{rest}{sub}" if whole else f"PT{rest}{sub}"
            return f"{prefix}{whole}{designator}{rest}{sub}" if whole else f"{prefix}{rest}{sub}"
        return f"{prefix}{n:g}{designator}"
    return f"{prefix}{int(n)}{designator}"


def _unit_key(word: str) -> str | None:
    word = word.lower().rstrip(".")
    units = lexicon()["units"]
    if word in units:
        return word
    for cand in (word[:-1] if word.endswith("s") else None, word[:-3] + "y" if word.endswith("ies") else None):
        if cand and cand in units:
            return cand
    if word == "centuries":
        return "century"
    return None


# ---------------------------------------------------------------------------------------------------------------
# Shared pattern pieces
# ---------------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    lex = lexicon()
    names = calendar_names()
    full_names, abbrevs = list(names["full_months"]), list(names["short_months"])
    month = rf"(?:(?:{_alt(full_names, capitalise=True)})(?![a-z])|(?:{_alt(abbrevs, capitalise=True)})" \
        rf"(?:\.|(?=\s+\d))|(?:{_alt(full_names).upper()})\b)"
    full_wd, short_wd = list(names["full_weekdays"]), list(names["short_weekdays"])
    weekday = rf"(?:(?i:{_alt(full_wd)})|(?:{_alt(short_wd, capitalise=True)})\.)"
    nums = [k for k in lex["numbers"] if k not in ("a", "an")]
    numword = _alt(nums)
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:\.\d+)?(?:\s+\d/\d)?|an?|(?:{numword})(?:[\s-]+(?:and\s+)?(?:{numword}))*)"
    units = list(lex["units"])
    unit = rf"(?:{_alt(units)}|centuries)(?:s)?\b"
    pods = _alt(list(lex["parts_of_day"]))
    seasons = _alt(list(lex["seasons"]))
    return {
        "MONTH": month,
        "WD": weekday,
        "NUM": number,
        "UNIT": unit,
        "POD": pods,
        "SEASON": seasons,
        "DAY": r"(?:[0-3]?\d)(?:st|nd|rd|th)?",
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)",
        "GENERIC": _alt(list(lex["generic"])),
        "SETW": _alt(list(lex["sets"])),
        "NUMWORD": numword,
        "HOLIDAY": _alt(list(lex["holidays"])),
    }


def _p(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a rule pattern: ``{MONTH}``, ``{NUM}`` ... are replaced by the shared pieces."""
    pieces = _pieces()
    for key, value in pieces.items():
        pattern = pattern.replace("{" + key + "}", value)
    return re.compile(pattern, flags)


def _month_number(word: str) -> int:
    return int(lexicon()["months"][word.lower().rstrip(".")])


def _weekday_number(word: str) -> int:
    return int(lexicon()["weekdays"][word.lower().rstrip(".")])


# ---------------------------------------------------------------------------------------------------------------
# Resolution against the DCT
# ---------------------------------------------------------------------------------------------------------------


def _resolve_weekday(dct: _dt.date, weekday: int, *, future: bool, rel: str | None) -> _dt.date:
    delta = (dct.isoweekday() - weekday) % 7
    if rel in ("last", "this past"):
        return dct - _dt.timedelta(days=delta or 7)
    if rel in ("next", "this coming"):
        return dct + _dt.timedelta(days=((weekday - dct.isoweekday()) % 7) or 7)
    if rel == "this":
        return dct + _dt.timedelta(days=weekday - dct.isoweekday())
    if delta == 0:
        return dct
    if future:
        return dct + _dt.timedelta(days=(weekday - dct.isoweekday()) % 7)
    return dct - _dt.timedelta(days=delta)


def _resolve_month_day(dct: _dt.date, month: int, day: int, *, future: bool) -> _dt.date | None:
    candidates = [_safe_date(dct.year + k, month, day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c is not None]
    if not valid:
        return None
    past = max((c for c in valid if c <= dct), default=None)
    ahead = min((c for c in valid if c > dct), default=None)
    if past is None or ahead is None:
        return past or ahead
    if future:
        # A future clause looks ahead, but a date a few days back is still the nearer reading.
        return past if (dct - past).days <= 7 else ahead
    # News mostly narrates the past: the coming date only when it is nearer and within a season.
    return ahead if (ahead - dct) < (dct - past) and (ahead - dct).days <= 90 else past


def _resolve_month(dct: _dt.date, month: int, *, future: bool, rel: str | None, past: bool = False
                   ) -> tuple[int, int]:
    if rel in ("last", "this past"):
        year = dct.year if month < dct.month else dct.year - 1
    elif rel in ("next", "this coming"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    elif future:
        year = dct.year if month >= dct.month else dct.year + 1
    else:
        # The current month is this year's; next month is the coming one (news announces what is weeks away, even
        # in a past clause: "said it will decide in early March"); up to four months ahead too, unless the clause
        # is past; anything further is last year's.
        ahead = (month - dct.month) % 12
        if ahead and (ahead == 1 or (ahead <= 4 and not past)):
            year = dct.year if month > dct.month else dct.year + 1
        else:
            year = dct.year if month <= dct.month else dct.year - 1
    return year, month


_SHIFT = {"last": -1, "previous": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "following": 1,
          "this coming": 1, "this": 0, "current": 0, "the current": 0, "the same": 0, "same": 0}


def _shift_unit(dct: _dt.date, unit: str, k: int) -> _Point | None:
    if unit == "day":
        return _day(dct + _dt.timedelta(days=k))
    if unit == "week":
        return _week(dct + _dt.timedelta(weeks=k))
    if unit == "weekend":
        return _weekend(dct + _dt.timedelta(weeks=k))
    if unit == "month":
        return _month(*_add_months(dct.year, dct.month, k))
    if unit == "quarter":
        y, m = _add_months(dct.year, dct.month, 3 * k)
        return _quarter(y, (m - 1) // 3 + 1)
    if unit == "year":
        return _year(dct.year + k)
    if unit == "decade":
        return _decade((dct.year // 10 + k) * 10)
    if unit == "century":
        return _century((dct.year // 100 + k) * 100)
    if unit in lexicon()["seasons"]:
        code = lexicon()["seasons"][unit]
        season_year, current = _season_of(dct)
        year = season_year if code != "WI" else (dct.year if dct.month == 12 else dct.year - 1)
        if k:
            # "last spring": the most recent spring that is over (this year's once it has ended, as "last March"
            # is); "next spring": the first one not yet begun. Winter is the December year's (TimeML "2024-WI").
            seasons = _seasons_around(dct, code)
            if k < 0:
                return max((s for s in seasons if s.last < dct), key=lambda s: s.first)
            return min((s for s in seasons if s.first > dct), key=lambda s: s.first)
        if code != current and code != "WI":
            year = dct.year
        return _season(year, code)
    return None


_UNRESOLVED_FORMS = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
    "year": "XXXX", "decade": "XXXX", "century": "XXXX",
}


# ---------------------------------------------------------------------------------------------------------------
# Rules: (name, pattern, handler). Longest match wins; ties go to the rule listed first.
# ---------------------------------------------------------------------------------------------------------------

_EDGE_MOD = {"early": "START", "the beginning of": "START", "the start of": "START", "mid": "MID",
             "the middle of": "MID", "late": "END", "the end of": "END", "the close of": "END"}


def _edge(word: str | None) -> str | None:
    if not word:
        return None
    return _EDGE_MOD.get(re.sub(r"[\s-]+", " ", word.lower()).strip())


def _h_iso_date(m: re.Match[str], ctx: _Context) -> _Result | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _Result("DATE", d.isoformat(), _day(d)) if d else None


def _h_numeric_date(m: re.Match[str], ctx: _Context) -> _Result | None:
    year = int(m["y"])
    if year < 100:
        year = _two_digit_year(year)
    d = _safe_date(year, int(m["m"]), int(m["d"]))
    return _Result("DATE", d.isoformat(), _day(d)) if d else None


def _h_month_day(m: re.Match[str], ctx: _Context) -> _Result | None:
    month = _month_number(m["mon"])
    day = int(re.match(r"\d+", m["day"])[0])
    if not 1 <= day <= 31:
        return None
    if m["day0"] or m["day2"]:
        # A run of days ("3/4 March", "3-4 March", "March 3-4"): the first day's value, ranging to the last.
        first, last = (int(m["day0"]), day) if m["day0"] else (day, int(m["day2"]))
        if not 1 <= first < last <= 31:
            return None
        result = _h_month_day_single(m, ctx, month, first)
        if result is None or result.point is None:
            return result
        end = _safe_date(result.point.first.year, month, last)
        if end is None:
            return None
        point = _Point("day", result.point.first, end, result.value)
        return _Result(result.type, result.value, point, mod=result.mod, anchor_kind=result.anchor_kind,
                       unresolved=result.unresolved)
    return _h_month_day_single(m, ctx, month, day)


def _h_month_day_single(m: re.Match[str], ctx: _Context, month: int, day: int) -> _Result | None:
    """A month and one day (``_h_month_day``)."""
    mod = _edge(m["edge"]) if "edge" in m.groupdict() else None
    if m["year"]:
        d = _safe_date(int(m["year"]), month, day)
        return _Result("DATE", d.isoformat(), _day(d), mod=mod) if d else None
    if ctx.dct is None:
        return _Result("DATE", f"XXXX-{month:02d}-{day:02d}", None, mod=mod, unresolved=True)
    if m["relyear"]:  # "Feb. 24 last year"
        d = _safe_date(ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["relyear"].lower()], month, day)
        return _Result("DATE", d.isoformat(), _day(d), mod=mod, anchor_kind="publication") if d else None
    d = _resolve_month_day(ctx.dct, month, day, future=_is_future(ctx.text, m.start(), m.end()))
    if d is None:
        return None
    return _Result("DATE", d.isoformat(), _day(d), mod=mod, anchor_kind="publication")


def _h_month(m: re.Match[str], ctx: _Context) -> _Result | None:
    word = m["mon"]
    rel = (m["rel"] or "").lower() or None
    rel = re.sub(r"\s+", " ", rel) if rel else None
    mod = _edge(m["edge"])
    if word.rstrip(".").lower() in ("may", "march") and not (m["edge"] or rel or m["year"]):
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(?:in|since|until|till|by|of|from|through|during|before|after|last|this|next)\s+$", before):
            return None
    month = _month_number(word)
    if m["year"]:
        year = int(m["year"])
        return _Result("DATE", f"{year:04d}-{month:02d}", _month(year, month), mod=mod)
    if m["relyear"] and ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["relyear"].lower()]
        return _Result("DATE", f"{year:04d}-{month:02d}", _month(year, month), mod=mod, anchor_kind="publication")
    if ctx.dct is None:
        return _Result("DATE", f"XXXX-{month:02d}", None, mod=mod, unresolved=True)
    year, month = _resolve_month(ctx.dct, month, future=_is_future(ctx.text, m.start(), m.end()), rel=rel,
                                 past=_is_past(ctx.text, m.start()))
    return _Result("DATE", f"{year:04d}-{month:02d}", _month(year, month), mod=mod, anchor_kind="publication")


def _pod_code(word: str | None) -> str | None:
    if not word:
        return None
    return lexicon()["parts_of_day"].get(re.sub(r"\s+", " ", word.lower()))


def _h_weekday(m: re.Match[str], ctx: _Context) -> _Result | None:
    weekday = _weekday_number(m["wd"])
    rel = re.sub(r"\s+", " ", m["rel"].lower()) if m["rel"] else None
    pod = _pod_code(m["pod"])
    if m["plural"] or m["plural2"]:
        return _Result("SET", f"XXXX-WXX-{weekday}" + ("TNI" if pod == "NI" else (f"T{pod}" if pod else "")), None,
                       remember=False)
    if ctx.dct is None:
        value = f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else "")
        return _Result("TIME" if pod else "DATE", value, None, unresolved=True)
    if rel in ("early", "late"):
        rel = None
    elif rel in ("the previous", "the following"):
        rel = "last" if rel == "the previous" else "next"
        if ctx.last_day is not None:
            # "down 4.5% from the previous Friday": the one before (or after) the day narrated.
            step = -1 if rel == "last" else 1
            d = ctx.last_day + _dt.timedelta(days=step)
            while d.isoweekday() != weekday:
                d += _dt.timedelta(days=step)
            return _Result("DATE", d.isoformat(), _day(d), anchor_kind="previous")
    d = _resolve_weekday(ctx.dct, weekday, future=_is_future(ctx.text, m.start(), m.end()), rel=rel)
    if pod:
        return _Result("TIME", f"{d.isoformat()}T{pod}", _Point("time", d, d, f"{d.isoformat()}T{pod}"),
                       anchor_kind="publication")
    return _Result("DATE", d.isoformat(), _day(d), anchor_kind="publication")


def _h_offset_from(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "a week from Friday", "two days from today", British "a week on Tuesday", "Tuesday week": the coming
    day plus the offset (one expression)."""
    n = _number(m["num"]) if m["num"] else 1.0
    unit = m["unit"].lower()
    if n is None or n <= 0 or n != int(n) or (m["on"] and (unit.startswith("day") or not m["wd"])):
        return None  # "on" counts weeks from a weekday only ("spent two days on Tuesday's bill" is no date)
    days = int(n) * {"d": 1, "w": 7, "f": 14}[unit[0]]
    if ctx.dct is None:
        return _Result("DATE", "XXXX-XX-XX", None, unresolved=True)
    if m["wd"]:  # the coming weekday (the publication day itself when it is that weekday)
        base = _resolve_weekday(ctx.dct, _weekday_number(m["wd"]), future=True, rel=None)
    else:  # "today" or "tomorrow"
        base = ctx.dct + _dt.timedelta(days=_REL_DAY[m["rd"].lower()])
    d = base + _dt.timedelta(days=days)
    return _Result("DATE", d.isoformat(), _day(d), anchor_kind="publication")


_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)*")


def _h_ordinal_day(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "on the 12th", "by the 3rd", "the 12th of this month": a day of the month narrated."""
    day = int(m["day"][:-2])  # the rule's group is [0-3]?\d + st/nd/rd/th
    words = lexicon()["ordinal_day"]
    if not 1 <= day <= 31:
        return None
    if not m["ofmonth"]:
        before = re.search(r"([A-Za-z]+)\s+$", ctx.text[max(0, m.start() - 12) : m.start()])
        if before is None or before[1].lower() not in words["prepositions"]:
            return None  # "the 12th amendment", "finished the 3rd"
        after = ctx.text[m.end() : m.end() + 30]
        follower = re.match(r"\s+([A-Za-z]+)", after)
        if re.match(r"-\w", after) or (follower and follower[1].lower() not in words["followers"]):
            return None  # "on the 12th floor", "by the 3rd quarter", "on the 2nd-round ballot"
    if ctx.dct is None:
        pod = _pod_code(m["pod"])
        return _Result("TIME" if pod else "DATE", f"XXXX-XX-{day:02d}" + (f"T{pod}" if pod else ""), None,
                       unresolved=True)
    last = ctx.last
    own_month = bool(m["ofmonth"]) and not m["ofmonth"].lower().startswith("the")  # "of this/next/last month"
    if (not own_month and last is not None and last.precision in ("day", "time", "month") and 0 <= ctx.last_at < m.start()
            and len(_PARAGRAPH_BREAK.findall(ctx.text, ctx.last_at, m.start())) <= 1):
        year, month, kind = last.first.year, last.first.month, "previous"
    else:
        year, month, kind = ctx.dct.year, ctx.dct.month, "publication"
        rel = (m["ofmonth"] or "").lower().split()
        if "next" in rel:
            year, month = _add_months(year, month, 1)
        elif "last" in rel:
            year, month = _add_months(year, month, -1)
        elif not rel and day > ctx.dct.day and not _is_future(ctx.text, m.start(), m.end()):
            year, month = _add_months(year, month, -1)  # a past day still to come this month: last month's
        elif not rel and day < ctx.dct.day and _is_future(ctx.text, m.start(), m.end()):
            year, month = _add_months(year, month, 1)
    d = _safe_date(year, month, day)
    if d is None:
        return None
    pod = _pod_code(m["pod"])
    if pod:  # "on the night of the 12th"
        value = f"{d.isoformat()}T{pod}"
        return _Result("TIME", value, _Point("time", d, d, value), anchor_kind=kind)
    return _Result("DATE", d.isoformat(), _day(d), anchor_kind=kind)


def _time_of_day(m: re.Match[str]) -> str | None:
    if m["word"]:
        return "T12:00" if m["word"].lower() == "noon" else "T24:00"
    hour = int(m["h"])
    minute = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if hour > 24 or minute > 59:
        return None
    if ap.startswith("p") and hour < 12:
        hour += 12
    if ap.startswith("a") and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"


# A 24-hour time without a zone is a time after one of these words ("at 13:50", "from 10:15 until 16:40").
_CLOCK_BEFORE = re.compile(r"\b(?i:at|from|until|till|by|before|after|around|about|since|to|and)\s+\Z")
_CLOCK_RUN_BEFORE = re.compile(r"\d:\d\d\s*(?:[-\u2013]|\s(?i:to|and|until|till)\s)\s*\Z")


def _h_clock24(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "18:00 UTC", "0800 GMT", "09:30 BST", "at 13:50", "23:59 local time": a time of the day narrated last (or of
    the DCT); UTC and GMT carry TimeML's ``Z``.

    Without a zone, the time needs a colon, a two-digit hour from 00 to 23 and "at", "from", "until", "by" ...
    before it ("won 13:50" is a score, "16:9" a ratio, "John 3:16" a verse); "to" and "and" only after another
    time ("from 10:15 to 16:40"). A zone other than UTC/GMT/Z needs the colon too ("0930 BST" is rare).
    """
    hour, minute = int(m["h"]), int(m["mi"])
    tz = (m["tz"] or "").upper()
    utc = tz in ("UTC", "GMT", "Z")
    if not m["colon"] and not utc:
        return None
    if not tz:
        if len(m["h"]) != 2 or hour > 23:
            return None
        before = ctx.text[max(0, m.start() - 14) : m.start()]
        word = _CLOCK_BEFORE.search(before)
        if word is None or (word[0].strip().lower() in ("to", "and") and not _CLOCK_RUN_BEFORE.search(
                ctx.text, max(0, m.start() - 20), m.start())):
            return None
    elif hour > 23 and not utc:
        return None
    d = ctx.last_day or ctx.dct
    clock = f"T{hour:02d}:{minute:02d}" + ("Z" if utc else "")
    if d is None:
        return _Result("TIME", f"XXXX-XX-XX{clock}", None, unresolved=True)
    value = f"{d.isoformat()}{clock}"
    return _Result("TIME", value, _Point("time", d, d, value), anchor_kind="publication", remember=False)


def _h_time(m: re.Match[str], ctx: _Context) -> _Result | None:
    clock = _time_of_day(m)
    if clock is None:
        return None
    mod = "APPROX" if m["approx"] else None
    day_word = (m["dayword"] or "").lower()
    if m["wd"]:
        if ctx.dct is None:
            return _Result("TIME", f"XXXX-WXX-{_weekday_number(m['wd'])}{clock}", None, mod=mod, unresolved=True)
        # A clock time names a day close at hand: the nearer such weekday, either side of the DCT.
        weekday = _weekday_number(m["wd"])
        back = (ctx.dct.isoweekday() - weekday) % 7
        ahead = (weekday - ctx.dct.isoweekday()) % 7
        d = ctx.dct + _dt.timedelta(days=ahead) if ahead < back else ctx.dct - _dt.timedelta(days=back)
    elif m["mon"]:
        month, day = _month_number(m["mon"]), int(re.match(r"\d+", m["day"])[0])
        if ctx.dct is None:
            return _Result("TIME", f"XXXX-{month:02d}-{day:02d}{clock}", None, mod=mod, unresolved=True)
        d = _resolve_month_day(ctx.dct, month, day, future=_is_future(ctx.text, m.start(), m.end()))
        if d is None:
            return None
    elif day_word in ("yesterday", "today", "tomorrow", "tonight"):
        if ctx.dct is None:
            return _Result("TIME", f"XXXX-XX-XX{clock}", None, mod=mod, unresolved=True)
        d = ctx.dct + _dt.timedelta(days=_REL_DAY[day_word])
    else:
        d = ctx.last_day or ctx.dct
        before = ctx.text[max(0, m.start() - 40) : m.start()]
        opens = _STAMP_BEFORE.search(before) is not None or (m.start() <= 40 and not before.strip())
        stamp = ENTRY_STAMP.match(ctx.text, m.start()) if opens else None
        if stamp is not None and stamp.end() > m.end():
            # A live blog's entry stamp ("4:55 p.m.: Rainfall is expected") is dated by the entry stamp before it or
            # the blog's date line; the first one by the day the introduction narrated ("The Latest on the storm
            # Tuesday"), else by publication. Never by a day an entry named ("possibly not before Monday", "asking
            # for buses on Thursday": the time of that entry's events), nor by a day still to come.
            d = ctx.stamp_day or d
            if d is not None and ctx.dct is not None and d > ctx.dct:
                d = ctx.dct
            ctx.stamp_day = d
        elif d is not None and _no_day_of_its_own(m, ctx, d):
            return _Result("TIME", f"XXXX-XX-XX{clock}", None, mod=mod, remember=False)
        if d is None:
            return _Result("TIME", f"XXXX-XX-XX{clock}", None, mod=mod, unresolved=True)
        if clock == "T24:00" and _after_midnight(m, ctx):
            clock = "T00:00"  # "shortly after midnight" on a day narrated without an evening: that day's first hour
    value = f"{d.isoformat()}{clock}"
    return _Result("TIME", value, _Point("time", d, d, value), mod=mod, anchor_kind="publication")


@functools.lru_cache(maxsize=1)
def _habitual_clock_re() -> re.Pattern[str]:
    """A present-tense verb of a schedule right before a clock time ("she gets off at ", "a clinic that shuts at ",
    "the pool opens daily at "), from ``[clock] habitual_verbs``."""
    clock = lexicon()["clock"]
    adverbs = r"(?:\s+(?:" + _alt(clock["habitual_adverbs"]) + r"))"
    return re.compile(r"(?:(?<![\w'\u2019])(?P<rel>that|which|who)\s+|(?<![\w'\u2019]))(?:"
                      + _alt(clock["habitual_verbs"]) + r")(?P<adv>" + adverbs + r"*)\s+(?:at|until|till|from|by|around"
                      r"|about)\s+\Z", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _habitual_after_re() -> re.Pattern[str]:
    """A habitual adverb right after a clock time ("at 10 p.m. now", "at 6 a.m. every day")."""
    return re.compile(r"\s*,?\s+(?:" + _alt(lexicon()["clock"]["habitual_adverbs"]) + r")\b", re.IGNORECASE)


def _no_day_of_its_own(m: re.Match[str], ctx: _Context, d: _dt.date) -> bool:
    """Whether a bare clock time must not take the day ``d`` (the day narrated last, else the DCT).

    * A habitual present: a verb of a schedule with a habitual adverb ("She gets off at 10 p.m. now", "opens
      daily at 9 a.m.") or in a relative clause ("a clinic that shuts at 10 p.m."): a schedule, no day. A bare
      "Polls close at 7 p.m." keeps the day (that day's schedule).
    * The date narrated last, in the clock time's own sentence, is coarser than a day and does not hold ``d`` ("by
      May 1 ... in 2024, when a task force recommended a start time of 8:45 a.m."): the narration has moved on
      from that day.
    * A future clause after a day already past ("The board voted on Tuesday. Classes will begin at 8:30 a.m."):
      the time belongs to an event still ahead, on a day not named.
    """
    clause = _clause_before(ctx.text, m.start())
    future, past = _tense_marks(clause)
    habitual = (_habitual_clock_re().search(ctx.text, max(0, m.start() - 60), m.start())
                if not past and not future else None)
    if habitual and (habitual["rel"] or habitual["adv"] or _habitual_after_re().match(ctx.text, m.end())):
        return True
    last = ctx.last
    if (last is not None and last.precision not in ("day", "time") and not last.first <= d <= last.last
            and ctx.last_at >= _sentence_start(ctx.text, m.start())):
        return True
    return ctx.dct is not None and d < ctx.dct and _is_future(ctx.text, m.start(), m.end())


_AFTER_BEFORE = re.compile(r"\bafter\s+\Z", re.IGNORECASE)


def _after_midnight(m: re.Match[str], ctx: _Context) -> bool:
    """Whether a bare "midnight" opens the day it is dated by: "(shortly) after midnight" when the time narrated last
    is no evening ("Armenia said on Tuesday ... opened fire shortly after midnight" is early Tuesday; after "polls
    closed at 9 p.m." it is the night after, ``T24:00`` of that day)."""
    after = (m["approx"] or "").lower().startswith("shortly after") or bool(
        _AFTER_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()))
    if not after:
        return False
    last = ctx.last
    if last is not None and last.precision == "time" and last.first == ctx.last_day:
        clock = re.search(r"T(\d\d|[A-Z]{2})", last.value)
        if clock and (clock[1] in ("AF", "EV", "NI") or (clock[1].isdigit() and int(clock[1]) >= 12)):
            return False
    return True


# A relative day opening a date ("yesterday", "last night", "today" ...): no day a speech occasion can be dated by
# (read by _speech_day and _note_occasion, within the 12 characters after the date's start).
_RELATIVE_DAY = re.compile(r"(?:yesterday|last\s+night|today|tonight|tomorrow)", re.IGNORECASE)


def _speech_day(ctx: _Context) -> _dt.date | None:
    """The day a quotation was spoken when the narration dated it before publication: a quoted "Tonight" or
    "today" after "called the race at 10:42 p.m." on the eve of publication is that evening's, not the publication
    day's. The day or time narrated last outside quotation marks (a date the speaker names, "asking for buses on
    Thursday. The buses came today", is no time of the speech) must not itself be a relative day ("yesterday",
    where a quotation after it is as likely the reaction of the day) and must be

    * one or two days before the DCT and within 400 characters, or
    * up to a week before the DCT, earlier in the quotation's paragraph, with a speech occasion between its
      sentence's start and the quotation (``[speech_occasions]``: "At Tuesday night's meeting, she said:"),
    * else the day of the speech occasion the article reports (``_note_occasion``: "Dunmore on Monday defended the
      plan at a news conference", no other day up to the DCT narrated since), so that a quoted "yesterday" later
      in the article is the day before that speech.
    """
    said = ctx.narrated
    if ctx.dct is None or said is None or said.precision not in ("day", "time"):
        return ctx.occasion_day
    if _RELATIVE_DAY.match(ctx.text, ctx.narrated_at, ctx.narrated_at + 12):
        return ctx.occasion_day
    days = (ctx.dct - said.first).days
    if 1 <= days <= 2 and ctx.position - ctx.narrated_at <= 400:
        return said.first
    if 1 <= days <= 7 and "\n" not in ctx.text[ctx.narrated_at : ctx.position]:
        # the narration from the dated sentence's start to the quotation's opening mark (any style of mark)
        quotation = quotation_at(ctx.text, ctx.position)
        narration = ctx.text[_sentence_start(ctx.text, ctx.narrated_at) : quotation[0] if quotation else ctx.position]
        if _speech_occasion_re().search(narration):
            return said.first
    return ctx.occasion_day


def _note_occasion(ctx: _Context, point: _Point, start: int, end: int) -> None:
    """Keep (or drop) the day of the speech occasion an article reports (``_Context.occasion_day``).

    A day narrated outside quotation marks one or two days before the DCT, not as a relative day, in a sentence
    naming a speech occasion ("Dunmore on Monday defended the decision at a news conference") is the day the
    article's quotations were spoken; any other day up to the DCT narrated after it ends that reading (a day ahead,
    a plan the speaker announced, does not).
    """
    if ctx.dct is None or point.precision not in ("day", "time") or point.first > ctx.dct:
        return
    ctx.occasion_day = None
    if not 1 <= (ctx.dct - point.first).days <= 2:
        return
    if _RELATIVE_DAY.match(ctx.text, start, start + 12):
        return
    stops = [i for i in (ctx.text.find(". ", end), ctx.text.find("\n", end)) if i >= 0]
    sentence = ctx.text[_sentence_start(ctx.text, start) : min(stops, default=len(ctx.text))]
    if _speech_occasion_re().search(sentence):
        ctx.occasion_day = point.first


@functools.lru_cache(maxsize=1)
def _speech_occasion_re() -> re.Pattern[str]:
    """A word naming an occasion of speech ("meeting", "debate") or a speech act ("said", "told")."""
    return re.compile(r"\b(?:" + _alt(lexicon()["speech_occasions"]["words"]) + r")\b", re.IGNORECASE)


_STAMP_BEFORE = re.compile(r"\n[ \t]*\Z")  # the time opens a paragraph
# A live blog's entry stamp ("4:55 p.m.: ", "2:05 PM ET \u2014 ", "16:55 - ", "4 p.m. | "): a clock time, a zone in
# capitals (so "10:30 the - " has none), a separator and a space after it, with the spaces around. The one
# definition, read here (an entry's time is dated by the blog's days) and by analysis.quotes (a stamp opens no
# speaker's clause) and analysis.timeline (a stamp is no event's label).
ENTRY_STAMP = re.compile(
    r"\s*(?:\d{1,2}[:.]\d\d(?:[ \u00a0]*(?i:[ap]\.?[ \u00a0]?m\.?))?|\d{1,2}[ \u00a0]*(?i:[ap]\.?[ \u00a0]?m\.?))"
    r"(?:[ \u00a0]+[A-Z]{1,4}\b)?[ \u00a0]*[:|\u2014\u2013-](?=\s)[ \t\u00a0]*")
_REL_DAY = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


# A capitalised "Today", "Tomorrow" ... after a word, a comma or "'s" is a name ("the BBC's Today programme",
# "USA Today"), as is one in quotation marks of its own ("NBC's “Today”"); opening a sentence it is the day, as
# after an opening single mark ("'Today we mourn,'": a mark after a space is no possessive's apostrophe).
_NAME_BEFORE = re.compile(r"(?:[^\W_]|(?<=\S)[\u2019']|[,&-])\s*\Z")
_TITLE_QUOTED = re.compile(r"[\u201c\"\u2018']\Z")
# A closing mark, not a possessive ("\u201cTonight\u2019s debate").
_TITLE_CLOSED = re.compile(r"[\u201d\"\u2019'](?![^\W_])")


def _is_title(text: str, start: int, end: int) -> bool:
    """Whether a capitalised "Today" ("Yesterday", "Tomorrow", "Tonight") at ``text[start:end]`` is a name."""
    if not text[start].isupper():
        return False
    before = text[max(0, start - 3) : start]
    if _NAME_BEFORE.search(before) and "\n" not in before:
        return True
    return bool(_TITLE_QUOTED.search(before)) and _TITLE_CLOSED.match(text, end) is not None


def _h_relative_day(m: re.Match[str], ctx: _Context) -> _Result | None:
    if _is_title(ctx.text, m.start("rd"), m.end("rd")):
        return None  # "the BBC's Today programme", "USA Today"
    word = m["rd"].lower()
    pod = _pod_code(m["pod"]) or _pod_code(m["pod2"]) or ("NI" if word == "tonight" else None)
    if ctx.dct is None:
        return _Result("TIME" if pod else "DATE", "XXXX-XX-XX" + (f"T{pod}" if pod else ""), None, unresolved=True)
    spoken = _speech_day(ctx) if in_quotation(ctx.text, m.start()) else None
    kind = "publication" if spoken is None else "previous"
    d = (spoken or ctx.dct) + _dt.timedelta(days=_REL_DAY[word])
    if pod:
        value = f"{d.isoformat()}T{pod}"
        return _Result("TIME", value, _Point("time", d, d, value), anchor_kind=kind, anchor=spoken)
    return _Result("DATE", d.isoformat(), _day(d), anchor_kind=kind, anchor=spoken)


def _h_this_pod(m: re.Match[str], ctx: _Context) -> _Result | None:
    pod = _pod_code(m["pod"])
    det = m["det"].lower()
    if ctx.dct is None:
        return _Result("TIME", f"XXXX-XX-XXT{pod}", None, unresolved=True)
    d = ctx.dct - _dt.timedelta(days=1) if det == "last" else ctx.dct
    if det == "the" and ctx.last_day:
        d = ctx.last_day
    value = f"{d.isoformat()}T{pod}"
    return _Result("TIME", value, _Point("time", d, d, value), anchor_kind="publication")


def _h_relative_period(m: re.Match[str], ctx: _Context) -> _Result | None:
    det = re.sub(r"\s+", " ", (m["det"] or "").lower())
    det = det.removeprefix("the ")
    unit_word = m["unit"].lower()
    mod = _edge(m["edge"])
    pre = (m["edge"] or "").lower()
    k = _SHIFT.get(det)
    if k is None:
        return None
    if unit_word in ("week", "weekend", "month", "quarter", "year", "decade", "century") or unit_word in lexicon()[
        "seasons"
    ]:
        if ctx.dct is None:
            return _Result("DATE", _UNRESOLVED_FORMS.get(unit_word, "XXXX"), None, mod=mod, unresolved=True)
        base, kind = ctx.dct, "publication"
        if unit_word == "quarter" and det == "this" and ctx.last_quarter is not None:
            # "this quarter's loss" in a results story: the quarter being reported.
            return _Result("DATE", ctx.last_quarter.value, ctx.last_quarter, mod=mod, anchor_kind="previous")
        if (unit_word == "year" and k == -1 and ctx.last_quarter is not None
                and ctx.last_quarter_at >= _sentence_start(ctx.text, m.start())):
            # "net fell from $5 million last year" next to "the third quarter": the year-ago quarter.
            point = _quarter(int(ctx.last_quarter.value[:4]) - 1, int(ctx.last_quarter.value[-1]))
            return _Result("DATE", point.value, point, mod=mod, anchor_kind="previous", remember=False)
        if det in ("following", "previous") and ctx.last is not None:
            base, kind = ctx.last.first, "previous"
        point = _shift_unit(base, unit_word, k)
        if point is None:
            return None
        if det == "this past" and unit_word in lexicon()["seasons"]:
            # "this past spring": the latest such season that is over, which may be this year's.
            this_year = _shift_unit(base, unit_word, 0)
            if this_year is not None and this_year.last < ctx.dct:
                point = this_year
        if unit_word == "decade":
            point = _Point(point.precision, point.first, point.last, point.value[:3])  # TimeML "198"
        if k == 0 and pre.startswith(("earlier", "later")) and point.first <= ctx.dct <= point.last:
            # "earlier this week": the part of the week before the DCT (same value, narrower range).
            day = _dt.timedelta(days=1)
            if pre.startswith("earlier"):
                point = _Point(point.precision, point.first, max(point.first, ctx.dct - day), point.value)
            else:
                point = _Point(point.precision, min(point.last, ctx.dct + day), point.last, point.value)
            mod = "BEFORE" if pre.startswith("earlier") else "AFTER"
        return _Result("DATE", point.value, point, mod=mod, anchor_kind=kind)
    return None


def _h_season(m: re.Match[str], ctx: _Context) -> _Result | None:
    code = lexicon()["seasons"][m["season"].lower()]
    mod = _edge(m["edge"])
    if m["year"]:
        point = _season(int(m["year"]), code)
        return _Result("DATE", point.value, point, mod=mod)
    if ctx.dct is None:
        return _Result("DATE", f"XXXX-{code}", None, mod=mod, unresolved=True)
    if not m[0].lower().startswith("the") and not re.search(r"\b(?:in|this|last|next|during|since|until|by|of)\s+$",
                                                               ctx.text[max(0, m.start() - 8) : m.start()], re.IGNORECASE):
        return None
    of_year = _season_noun_of_year(ctx.text, m.end())
    if of_year is not None:
        # "the spring budget of 2025": the season of the year named after its noun.
        point = _season(of_year, code)
        return _Result("DATE", point.value, point, mod=mod)
    year = ctx.dct.year
    point = _season(year if code != "WI" or ctx.dct.month == 12 else year - 1, code)
    if _is_past(ctx.text, m.start()):
        # "closed in the fall" said in April: the latest such season already begun.
        point = max((s for s in _seasons_around(ctx.dct, code) if s.first <= ctx.dct), key=lambda s: s.first)
    elif _is_future(ctx.text, m.start(), m.end()):
        # "would launch in the spring" said in September: the first such season not yet over. A past marker
        # before it wins over a future after it ("began in the autumn and will finish next summer").
        point = min((s for s in _seasons_around(ctx.dct, code) if s.last >= ctx.dct), key=lambda s: s.first)
    return _Result("DATE", point.value, point, mod=mod, anchor_kind="publication")


_SEASON_NOUN_OF_YEAR = re.compile(r"\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s+of\s+(?P<year>(?:1[5-9]|20)\d\d)\b(?![-\u2013/]\d)")


def _season_noun_of_year(text: str, end: int) -> int | None:
    """The year of "<noun> of YEAR" right after a season ("the spring budget of 2025", "the summer term of 2019"),
    or None; the nouns are lower-case words other than ``[season_of_year] not_nouns`` ("ahead of 2027")."""
    match = _SEASON_NOUN_OF_YEAR.match(text, end)
    if match is None:
        return None
    excluded = set(lexicon()["season_of_year"]["not_nouns"])
    if any(word in excluded for word in match["noun"].split()):
        return None
    return int(match["year"])


def _seasons_around(dct: _dt.date, code: str) -> list[_Point]:
    """The seasons of ``code`` from two years before ``dct`` to two years after (winter: December's year)."""
    return [_season(y, code) for y in range(dct.year - 2, dct.year + 3)]


def _h_the_unit(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "the year", "the week": the DCT's year or week; after "for" the length of one."""
    unit = m["unit"].lower()
    if not m["qual"] and re.search(r"\bfor\s+$", ctx.text[max(0, m.start() - 5) : m.start()], re.IGNORECASE):
        return _Result("DURATION", _duration_value(1, unit), None, remember=False)
    if ctx.dct is None:
        return _Result("DATE", _UNRESOLVED_FORMS[unit], None, unresolved=True)
    point = _year(ctx.dct.year) if unit == "year" else _week(ctx.dct)
    return _Result("DATE", point.value, point, anchor_kind="publication", remember=False)


def _h_year_end(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "year-end", "the year's end": the DCT's year, its end."""
    if ctx.dct is None:
        return _Result("DATE", "XXXX", None, mod="END", unresolved=True)
    point = _year(ctx.dct.year)
    return _Result("DATE", point.value, point, mod="END", anchor_kind="publication", remember=False)


def _h_edge_of_the_unit(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "the end of the year", "the middle of the week": the DCT's year or week, with the edge as its MOD (TimeML
    ``mod="END"``; "by the end of the year" is a deadline the timeline draws as a point). Not "the end of the
    month": TimeBank gives it the last day's value, which a month with a MOD would miss (bench_timeml's value F1)."""
    unit = m["unit"].lower()
    mod = _edge("the " + m["edge"].lower() + " of") or "START"  # "the beginning of", "the close of" ...
    if ctx.dct is None:
        return _Result("DATE", _UNRESOLVED_FORMS[unit], None, mod=mod, unresolved=True)
    point = _year(ctx.dct.year) if unit == "year" else _week(ctx.dct)
    return _Result("DATE", point.value, point, mod=mod, anchor_kind="publication", remember=False)


def _h_that_unit(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "that year", "later that day": the year or day of the date narrated before."""
    if ctx.last is None:
        return None
    unit = m["unit"].lower()
    base = ctx.last.first
    if unit == "year":
        point = _year(base.year)
    elif unit == "month":
        point = _month(base.year, base.month)
    elif unit == "week":
        point = _week(base)
    elif ctx.last.precision in ("day", "time"):
        point = _day(base)
    else:
        return None
    return _Result("DATE", point.value, point, anchor_kind="previous", remember=False)


def _h_spelled_year(m: re.Match[str], ctx: _Context) -> _Result | None:
    words = re.sub(r"[\s-]+", " ", m["y"].lower()).replace(" and", "").split(" ")
    if words[0] == "nineteen":
        rest = _number(" ".join(words[1:])) if len(words) > 1 else None
        if rest is None or not 10 <= rest < 100:
            return None
        year = 1900 + int(rest)
    else:
        rest = _number(" ".join(words[2:])) if len(words) > 2 else 0
        if rest is None or rest >= 100:
            return None
        year = 2000 + int(rest)
        if len(words) == 2 and not m[0].lower().startswith("the year"):
            return None
    return _Result("DATE", f"{year:04d}", _year(year))


def _quarter_in_view(ctx: _Context) -> bool:
    """Whether a quarter was named in this sentence or the one before ("a year earlier" is then a quarter)."""
    if ctx.last_quarter is None:
        return False
    previous = _sentence_start(ctx.text, max(0, _sentence_start(ctx.text, ctx.position) - 2))
    return ctx.last_quarter_at >= previous


def _h_ago(m: re.Match[str], ctx: _Context) -> _Result | None:
    unit = _unit_key(m["unit"])
    if unit is None:
        return None
    n = _number(m["num"]) if m["num"] else -1.0
    if n is None:
        return None
    direction = m["dir"].lower()
    sign = 1 if direction in ("later", "after", "from now", "hence", "afterward", "afterwards", "on") else -1
    approx = m["mod"]
    designator = lexicon()["units"][unit][0]
    if approx:
        return _Result("DURATION", _duration_value(n, unit), None,
                       mod={"about": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
                            "more than": "MORE_THAN", "over": "MORE_THAN"}.get(approx.lower()), remember=False)
    relative_to_previous = direction in ("earlier", "later", "before", "after", "afterward", "afterwards",
                                         "previously", "on")
    if relative_to_previous and ctx.last is not None:
        base_point = ctx.last
        kind = "previous"
        if (sign < 0 and designator == "Y" and ctx.dct is not None and base_point.first > ctx.dct
                and not _is_future(ctx.text, m.start(), m.end())):
            # "margin narrowed to 58% from 61% a year earlier" after a forecast ("would ease in the first half of
            # next year"): the figure compared is of the period reported (the last one over by publication), or of
            # the publication year, never of a date still ahead in a past clause.
            reported = ctx.last_reported
            point = (_quarter(int(reported.value[:4]) - 1, int(reported.value[-1]))
                     if reported is not None and reported.precision == "quarter"
                     else _year((reported.first if reported is not None else ctx.dct).year - 1))
            return _Result("DATE", point.value, point, anchor_kind="previous" if reported else "publication",
                           remember=False, anchor=reported.first if reported is not None else None)
    elif ctx.dct is not None:
        base_point = _day(ctx.dct)
        kind = "publication"
    else:
        return _Result("DATE", "XXXX-XX-XX", None, unresolved=True)
    base = base_point.first
    is_time_unit = bool(lexicon()["units"][unit][1])
    mod = "BEFORE" if sign < 0 else "AFTER"
    if is_time_unit and n < 24:
        # "hours earlier", "minutes later": the day of the event narrated, allowing for a night in between.
        if base_point.precision not in ("day", "time"):
            return _Result("DATE", base_point.value, base_point, mod=mod, anchor_kind=kind, remember=False)
        other = base + _dt.timedelta(days=sign)
        point = _Point("day", min(base, other), max(base, other), base.isoformat())
        return _Result("DATE", base.isoformat(), point, mod=mod, anchor_kind=kind, remember=False)
    if n < 0 or is_time_unit:
        return _Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, remember=False)
    n_int = int(n) if n == int(n) else n
    if relative_to_previous and designator in ("D", "W", "W2") and kind == "previous":
        # "three days later": TimeBank tags the length ("P3D"); the date it points to is kept as the range.
        days = n_int * {"D": 1, "W": 7, "W2": 14}[designator]
        shift = _dt.timedelta(days=sign * days)
        if base_point.precision not in ("day", "time"):
            # "two days later" after "in June": some day from June 3 to July 2, not June 3 (the month's first day
            # is no day that was narrated); the range keeps the anchor's precision.
            point = _Point(base_point.precision, base_point.first + shift, base_point.last + shift, base_point.value)
            return _Result("DURATION", _duration_value(n, unit), point, anchor_kind=kind, remember=True)
        return _Result("DURATION", _duration_value(n, unit), _day(base + shift), anchor_kind=kind, remember=True)
    if (kind == "previous" and base_point.precision in ("decade", "century") and designator in ("Y", "DE")
            and n_int == int(n_int)):
        # "Two years later" after "In the 1970s": some year from 1972 to 1981, not 1972 (the decade's first year is
        # no year that was narrated); like "two days later" after a month, the length with the shifted range.
        years = int(sign * n_int * (10 if designator == "DE" else 1))
        point = _Point(base_point.precision, base_point.first.replace(year=base_point.first.year + years),
                       base_point.last.replace(year=base_point.last.year + years), base_point.value)
        return _Result("DURATION", _duration_value(n, unit), point, anchor_kind=kind, remember=True)
    if designator == "D":
        d = base + _dt.timedelta(days=sign * n_int)
        point = _day(d)
    elif designator in ("W", "W2"):
        weeks = n_int * (2 if designator == "W2" else 1)
        point = _day(base + _dt.timedelta(weeks=sign * weeks))
    elif designator == "M":
        y, mo = _add_months(base.year, base.month, int(sign * n_int))
        point = _month(y, mo)
    elif designator == "Q":
        y, mo = _add_months(base.year, base.month, int(3 * sign * n_int))
        point = _quarter(y, (mo - 1) // 3 + 1)
    elif designator == "Y":
        if base_point.precision == "quarter" or _quarter_in_view(ctx):
            q = base_point if base_point.precision == "quarter" else ctx.last_quarter
            y = int(q.value[:4]) + int(sign * n_int)
            point = _quarter(y, int(q.value[-1]))
        else:
            point = _year(base.year + int(sign * n_int))
        return _Result("DATE", point.value, point, anchor_kind=kind, remember=False)
    elif designator == "DE":
        point = _year(base.year + int(sign * 10 * n_int))
    else:
        return None
    return _Result("DATE", point.value, point, anchor_kind=kind, remember=kind == "publication")


def _ordinal_second(text: str, end: int) -> bool:
    """Whether "a second" ending at ``end`` is the ordinal: a hyphen or a lower-case word other than the
    lexicon's ``[a_second] followers`` comes next ("a second analysis", "a second-round vote")."""
    after = re.match(r"(-)|\s+([a-z]+)\b", text[end : end + 30])
    return bool(after) and (after[1] is not None or after[2] not in lexicon()["a_second"]["followers"])


@functools.lru_cache(maxsize=1)
def _hours_of_re() -> re.Pattern[str]:
    """A noun before a bare plural unit that makes it the hours something is open (``[hours_of] words``)."""
    return re.compile(r"(?<![\w'])(?:" + _alt(lexicon()["hours_of"]["words"]) + r")[\s-]+\Z", re.IGNORECASE)


def _h_duration(m: re.Match[str], ctx: _Context) -> _Result | None:
    unit = _unit_key(m["unit"])
    if unit is None:
        return None
    if m["unit"].lower() == "quarters" and ctx.text[m.start("unit") - 1 : m.start("unit")] == "-":
        return None  # "three-quarters" is a fraction
    if not m["num"] and not (m["unit"].lower().endswith("s") or m["dir"]):
        return None  # a bare singular unit ("the day", "year") is rarely a duration
    if (m["suffix"] or "").lower() == "old" or re.match(r"\s+old\b", ctx.text[m.end() : m.end() + 5]):
        return None  # an age ("a 6-year-old", "52 years old")
    if m["dir"] and not m["num"] and not m["unit"].lower().endswith("s"):
        return None
    if (not m["num"] and not m["dir"] and unit == "hour"
            and _hours_of_re().search(ctx.text, max(0, m.start() - 20), m.start())):
        return None  # "opening hours", "business hours": a time of day something is open, not a length of time
    if (m["unit"].lower() == "second" and (m["num"] or "").lower() in ("a", "an")
            and _ordinal_second(ctx.text, m.end())):
        return None  # "a second analysis", "a second-round vote": the ordinal
    n = _number(m["num"]) if m["num"] else -1.0
    if n is None or n == 0:
        return None
    direction = (m["dir"] or "").lower()
    if n < 0 and direction in ("past", "last", "previous") and m["num"]:
        return _Result("DATE", "PAST_REF", None, remember=False)  # "the last few months"

    if (m["num"] or "").lower() in ("a", "an") and not m["dir"] and re.search(
        r"(?:\d|%|percent|cents?|dollars?|million|billion|times|once|twice)\s*$", ctx.text[max(0, m.start() - 20) : m.start()],
        re.IGNORECASE,
    ):
        return _Result("SET", _duration_value(1, unit), None, remember=False)  # "$5 a year", "twice a day"
    if unit == "quarter" and m["num"] and n > 0:
        unit_value = f"P{int(3 * n)}M" if (m["dir"] or "").lower() in ("next", "first") else _duration_value(n, unit)
    else:
        unit_value = _duration_value(n, unit)
    mod = None
    if m["mod"]:
        mod = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
               "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
               "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
               "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE"}.get(
            re.sub(r"\s+", " ", m["mod"].lower()))
    return _Result("DURATION", unit_value, None, mod=mod, remember=False)


# The units a SET may count in ("seven days a week"), smallest first.
_UNIT_SIZES = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century")


def _h_set_per(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "seven days a week", "24 hours a day": a number of smaller units in each larger one is one SET, valued by the
    larger unit (TimeML's ``P1W``; the count is its frequency), not a duration followed by another."""
    unit, per = _unit_key(m["unit"]), _unit_key(m["per"])
    if unit not in _UNIT_SIZES or per not in _UNIT_SIZES or _UNIT_SIZES.index(unit) >= _UNIT_SIZES.index(per):
        return None
    n = _number(m["num"])
    if n is None or n <= 0:
        return None
    return _Result("SET", _duration_value(1, per), None, remember=False)


_OF_YEAR_OFFSET = {"the": 0, "this": 0, "the current": 0, "next": 1, "last": -1, "the previous": -1}


@functools.lru_cache(maxsize=1)
def _half_context_re() -> re.Pattern[str]:
    words = lexicon()["half_context"]["words"]
    return re.compile(r"(?<![\w'])(?:" + _alt(words) + r")(?![\w'])|%|\$|\u20ac|\u00a3", re.IGNORECASE)


def _half_of_a_year(text: str, start: int, end: int) -> bool:
    """Whether a bare "the first/second half" is a half of a year: only in a financial or economic sentence
    ("profit rose 38% in the first half"); in sports and most news it is a match's or a story's half.

    The sentence is read up to 200 characters either side of the expression.
    """
    lo = max(0, start - 200)
    before = text[lo:start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    lo = lo + cut + 1 if cut >= 0 else lo
    after = text[end : end + 200]
    stop = min((i for i in (after.find(". "), after.find("\n"), after.find("? "), after.find("! ")) if i >= 0),
               default=len(after))
    sentence = text[lo:start] + " " + after[:stop]
    return _half_context_re().search(sentence) is not None


def _h_quarter(m: re.Match[str], ctx: _Context) -> _Result | None:
    ordinal = (m["ord"] or "").lower()
    rel = re.sub(r"[\s-]+", " ", (m["rel"] or "").lower()).strip()
    qmap = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
    year = int(m["year"]) if m["year"] else (int(m["year2"]) if m["year2"] else None)
    if year is None and m["relyear"] and ctx.dct is not None:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["relyear"].lower()]
    if year is None and m["ofyear"] and ctx.dct is not None:
        year = ctx.dct.year + _OF_YEAR_OFFSET.get(" ".join(m["ofrel"].lower().split()), 0)
    if m["half"]:
        if not ordinal and rel == "last" and (year is not None or m["ofyear"]):
            ordinal = "second"  # "the last half of 1989"
        if ordinal not in ("first", "1st", "second", "2nd"):
            return None
        if year is None and not m["ofyear"] and not _half_of_a_year(ctx.text, m.start(), m.end()):
            return None  # "In the second half they played ...": a match's half, not the year's
        h = 1 if ordinal in ("first", "1st") else 2
        if year is None:
            if ctx.dct is None:
                return _Result("DATE", f"XXXX-H{h}", None, unresolved=True)
            year = ctx.dct.year
        return _Result("DATE", f"{year:04d}-H{h}", _half(year, h))
    base_year = ctx.dct.year if ctx.dct else None
    if ordinal in qmap:
        q = qmap[ordinal]
        if m["period"] and year is None and not m["ofyear"] and not _half_of_a_year(ctx.text, m.start(), m.end()):
            return None  # "asleep in first period": a school's or a match's period, not a quarter
        if year is None:
            if ctx.dct is None:
                return _Result("DATE", f"XXXX-Q{q}", None, unresolved=True)
            year = base_year
            current = (ctx.dct.month - 1) // 3 + 1
            if q - current > 1 and not _is_future(ctx.text, m.start(), m.end()):
                year = base_year - 1  # a quarter well ahead is last year's, unless the clause is future
        if rel in ("year earlier", "year ago", "a year earlier", "a year ago") or m["ago"]:
            year -= 1
        return _Result("DATE", f"{year:04d}-Q{q}", _quarter(year, q))
    # "the quarter", "the latest quarter", "the year-ago quarter": the quarter under discussion.
    if m["period"] and not (rel or year):
        return None
    if ctx.last_quarter is not None and rel not in ("latest", "recent", "most recent"):
        point = ctx.last_quarter
    elif ctx.dct is not None:
        y, mo = _add_months(ctx.dct.year, ctx.dct.month, -3)
        point = _quarter(y, (mo - 1) // 3 + 1)
    else:
        return _Result("DATE", "XXXX-QX", None, unresolved=True)
    if year is not None:
        # "the 1988 period", "last year's quarter": the quarter under discussion, in that year.
        point = _quarter(year, int(point.value[-1]))
        return _Result("DATE", point.value, point, remember=False)
    if rel in ("year earlier", "year ago") or m["ago"]:
        point = _quarter(int(point.value[:4]) - 1, int(point.value[-1]))
        return _Result("DATE", point.value, point, remember=False)
    if rel in ("next", "following", "coming"):
        y, mo = _add_months(point.first.year, point.first.month, 3)
        point = _quarter(y, (mo - 1) // 3 + 1)
    elif rel in ("previous", "prior", "last", "past", "preceding"):
        y, mo = _add_months(point.first.year, point.first.month, -3)
        point = _quarter(y, (mo - 1) // 3 + 1)
    return _Result("DATE", point.value, point, anchor_kind="previous" if ctx.last_quarter else "publication")


def _h_year_earlier(m: re.Match[str], ctx: _Context) -> _Result | None:
    base = ctx.last_quarter
    if base is not None:
        point = _quarter(int(base.value[:4]) - 1, int(base.value[-1]))
        return _Result("DATE", point.value, point, anchor_kind="previous", remember=False)
    if ctx.dct is None:
        return _Result("DATE", "XXXX", None, unresolved=True)
    point = _year(ctx.dct.year - 1)
    return _Result("DATE", point.value, point, anchor_kind="publication", remember=False)


def _h_year(m: re.Match[str], ctx: _Context) -> _Result | None:
    year = int(m["y"])
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    after = ctx.text[m.end() : m.end() + 12]
    if re.search(r"[$\d.,#\u00a3\u20ac/]\s?$", before) or re.match(r"\s*(?:%|percent|per\b|\d|[.,]\d|-\d|/)", after):
        return None
    if not m["pre"] and re.match(r"\s+(?:people|shares|troops|employees|workers|cars|votes|tons|barrels|miles)",
                                 after, re.IGNORECASE):
        return None
    mod = _edge(m["pre"])
    return _Result("DATE", f"{year:04d}", _year(year), mod=mod)


def _h_fiscal_short(m: re.Match[str], ctx: _Context) -> _Result | None:
    year = _two_digit_year(int(m["yy"]))
    return _Result("DATE", f"{year:04d}", _year(year))


# A two-digit year above this is of the 1900s ("fiscal '89", "3/4/98"), else of the 2000s ("FY27", "3/4/25").
# (A decade's "'20s" keeps its own pivot, 20: _h_decade.)
_CENTURY_PIVOT = 30


def _two_digit_year(yy: int) -> int:
    """The year a two-digit ``yy`` stands for: 19yy above :data:`_CENTURY_PIVOT`, else 20yy."""
    return (1900 if yy > _CENTURY_PIVOT else 2000) + yy


def _year_run(first: int, second: str) -> _Point | None:
    """The run of years from ``first`` to ``second`` ("2024-25", "2024-2025"): the first year's value, ranging to
    the last day of the last year; None unless the last year is one to nine years after the first."""
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if len(second) == 2 and last < first:
        last += 100  # "1999-00"
    if not 1 <= last - first <= 9:
        return None
    return _Point("year", _dt.date(first, 1, 1), _dt.date(last, 12, 31), f"{first:04d}")


def _h_year_run(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "the 2024-25 season", "deficits in 2025-26", "2024/25": a season or financial year over two calendar years
    (TimeML has no value for it: the first year's, ranging over the run)."""
    before = ctx.text[max(0, m.start("y") - 2) : m.start("y")]
    if re.search(r"[$\d.,#\u00a3\u20ac/:-]\s?$", before):
        return None
    point = _year_run(int(m["y"]), m["y2"])
    return _Result("DATE", point.value, point) if point else None


def _h_fiscal_code(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "FY2027", "FY27", "FY 2027", "FY2024-25": a fiscal year, named by its year as TimeBank names "fiscal 1989"."""
    raw = m["y"]
    year = int(raw) if len(raw) == 4 else _two_digit_year(int(raw))
    if m["y2"]:
        point = _year_run(year, m["y2"])
        return _Result("DATE", point.value, point) if point else None
    return _Result("DATE", f"{year:04d}", _year(year))


# Words after which a bare "Q3" is a quarter ("in Q3", "the end of Q3"); after a name it is a model ("Audi Q3").
_QUARTER_CODE_BEFORE = re.compile(
    r"\b(?i:in|by|of|for|during|before|after|until|till|since|through|from|to|and|or|than|between|on|into|the|this"
    r"|last|next|each|every)\s+\Z")


def _h_quarter_code(m: re.Match[str], ctx: _Context) -> _Result | None:
    """ "Q3", "Q3 2027", "Q4 of FY2027", "Q3 of this year", "H2 2027": a quarter or half (TimeML ``2027-Q3``,
    ``2027-H2``). A half needs its year ("H2" alone is hydrogen); a bare quarter needs a preposition before it."""
    kind, n = m["code"], int(m["n"])
    year: int | None = None
    if m["year"]:
        year = int(m["year"])
    elif m["yy"]:
        year = _two_digit_year(int(m["yy"]))
    elif m["ofrel"] and ctx.dct is not None:
        year = ctx.dct.year + {"this": 0, "next": 1, "last": -1}[m["ofrel"].lower()]
    has_year = bool(m["year"] or m["yy"] or m["ofrel"])
    if kind == "H":
        if n > 2 or not has_year:
            return None
    elif not has_year and not _QUARTER_CODE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    if year is None:
        if ctx.dct is None:
            return _Result("DATE", f"XXXX-{kind}{n}", None, unresolved=True)
        year = ctx.dct.year
        current = (ctx.dct.month - 1) // 3 + 1
        if kind == "Q" and n - current > 1 and not _is_future(ctx.text, m.start(), m.end()):
            year -= 1  # as "the fourth quarter": a quarter well ahead is last year's, unless the clause is future
    point = _quarter(year, n) if kind == "Q" else _half(year, n)
    return _Result("DATE", point.value, point, anchor_kind=None if has_year and (m["year"] or m["yy"]) else "publication")


def _h_decade(m: re.Match[str], ctx: _Context) -> _Result | None:
    if m["dec"]:
        decade = int(m["dec"])
    else:
        yy = int(m["yy"])
        decade = (1900 if yy > 20 else 2000) + yy
    if decade % 10:
        return None
    point = _decade(decade)
    # TimeBank writes "the 1990s" as 199 and a bare "1990s" as 199X; both mean the decade.
    value = point.value[:3] if m["the"] else point.value
    return _Result("DATE", value, point, mod=_edge(m["pre"]))


def _h_century(m: re.Match[str], ctx: _Context) -> _Result | None:
    n = int(m["n"])
    return _Result("DATE", f"{n - 1:02d}", _century((n - 1) * 100), mod=_edge(m["pre"]))


def _h_generic(m: re.Match[str], ctx: _Context) -> _Result | None:
    key = re.sub(r"\s+", " ", m[0].lower()).replace("\u2019", "'")
    value = lexicon()["generic"].get(key)
    if value is None:
        return None
    if key in ("current", "future", "recent") and not re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3]):
        # "current" and "future" as adjectives ("current account", "future growth") only.
        return None
    if key == "now" and re.match(r"\s+that\b", ctx.text[m.end() : m.end() + 6]):
        return None
    if re.match(r"P[\dX]", value):
        return _Result("DURATION", value, None, remember=False)
    return _Result("DATE", value, None, remember=False)


def _h_set(m: re.Match[str], ctx: _Context) -> _Result | None:
    word = re.sub(r"\s+", " ", m[0].lower())
    if word in lexicon()["sets"]:
        if word == "annual" :
            return None
        return _Result("SET", lexicon()["sets"][word], None, remember=False)
    if m["wd"]:
        return _Result("SET", f"XXXX-WXX-{_weekday_number(m['wd'])}", None, remember=False)
    if m["mon"]:
        return _Result("SET", f"XXXX-{_month_number(m['mon']):02d}", None, remember=False)
    unit = _unit_key(m["unit"]) if m["unit"] else None
    if unit is None:
        return None
    n = _number(m["num"]) if m["num"] else 1.0
    return _Result("SET", _duration_value(n if n and n > 0 else 1, unit), None, remember=False)


def _h_holiday(m: re.Match[str], ctx: _Context) -> _Result | None:
    if not m[0][:1].isupper() and not m["rel"]:
        return None
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("\u2019", "'")
    spec = lexicon()["holidays"].get(name)
    if spec is None:
        return None
    rel = (m["rel"] or "").lower()

    def on(year: int) -> _dt.date:
        if isinstance(spec, str):
            month, day = (int(x) for x in spec.split("-"))
            return _dt.date(year, month, day)
        return _nth_weekday(year, spec[0], spec[1], spec[2])

    if m["year"]:
        d = on(int(m["year"]))
        return _Result("DATE", d.isoformat(), _day(d))
    if ctx.dct is None:
        return _Result("DATE", "XXXX-XX-XX", None, unresolved=True)
    this = on(ctx.dct.year)
    if rel == "last":
        d = this if this < ctx.dct else on(ctx.dct.year - 1)
    elif rel == "next" or _is_future(ctx.text, m.start(), m.end()):
        d = this if this >= ctx.dct else on(ctx.dct.year + 1)
    else:
        last, following = on(ctx.dct.year - 1), on(ctx.dct.year + 1)
        past = this if this <= ctx.dct else last
        ahead = this if this > ctx.dct else following
        near_ahead = (ahead - ctx.dct) < (ctx.dct - past) and (ahead - ctx.dct).days <= 90
        d = ahead if near_ahead else past
    return _Result("DATE", d.isoformat(), _day(d), anchor_kind="publication")


_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")


def _h_weekend(m: re.Match[str], ctx: _Context) -> _Result | None:
    if m[0].endswith("Weekend") and _CAPITALISED_NEXT.match(ctx.text, m.end()):
        return None  # "The Weekend Review", "The Weekend Australian": a title, as "the Today programme"
    if ctx.dct is None:
        return _Result("DATE", "XXXX-WXX-WE", None, unresolved=True)
    future = _is_future(ctx.text, m.start(), m.end())
    base = ctx.dct if (future or ctx.dct.isoweekday() >= 5) else ctx.dct - _dt.timedelta(days=7)
    point = _weekend(base)
    return _Result("DATE", point.value, point, anchor_kind="publication")


class _Rule(NamedTuple):
    name: str
    pattern: str
    handler: _Handler
    flags: int = 0


def _starting_with(words: list[str] | dict, *, digit: bool = False) -> str:
    """A lookahead for the first character a match can start with: a letter that begins one of ``words`` (in
    either case, under the engine's own case rules) or, with ``digit``, a digit.

    Put before a rule whose every match begins with one of these words (or a digit), it is a condition every match
    meets already, so the rule finds the same matches; but the engine rejects most window positions at this one
    character instead of trying the rule's optional leading groups at each (about twice as fast on news text).
    """
    chars = {w[0].lower() for w in words}
    if "'" in chars:
        chars.add("\u2019")  # _alt lets an apostrophe match a curly one
    body = re.escape("".join(sorted(chars)))
    return rf"(?=(?i:[{body}])|\d)" if digit else rf"(?=(?i:[{body}]))"


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern[str], _Handler], ...]:
    lex = lexicon()
    edge_words = ["early", "mid", "late", "the", "earlier", "later"]  # the first words of ``edge``
    months = _starting_with([*lex["weekdays"], *edge_words, *lex["months"], "last", "this", "next"])
    weekdays = _starting_with([*lex["weekdays"], "last", "this", "next", "early", "late", "the"])
    amounts = [*lex["numbers"], "a", *lex["units"], "centuries"]  # {NUM} (digits aside) and {UNIT}
    durations = _starting_with(["nearly", "almost", "more", "less", "up", "at", "no", "roughly", "approximately",
                                "the", "past", "last", "next", "first", "coming", "previous", "following", "final",
                                "remaining", "latest", "initial", "additional", "entire", "full", "whole", *amounts],
                               digit=True)
    edge = r"(?P<edge>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of" \
           r"|the\s+close\s+of|earlier|later))"
    i = re.IGNORECASE
    # "Feb. 24 last year", "24 February this year": the year named after the day (looked at, not matched:
    # "last year" stays its own expression, as after a month alone)
    relyear = r"(?=,?\s+(?:(?i:of)\s+)?(?P<relyear>(?i:last|this|next))\s+(?i:year)\b)?"
    rules = [
        _Rule("iso-date", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", _h_iso_date, 0),
        _Rule("numeric-date", r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})\b", _h_numeric_date, 0),
        _Rule("month-day",
         months + r"(?:(?:{WD}),?\s+)?(?:" + edge + r"[\s-]+)?(?P<mon>{MONTH})\s+(?P<day>{DAY})\b"
         r"(?:\s*[-\u2013]\s*(?P<day2>[0-3]?\d)\b(?![-\u2013/:.,]\d))?(?P<day0>)"
         r"(?:,?\s+(?P<year>{YEAR})\b)?(?![ \t]*(?:%|percent|\d|[.,]\d))" + relyear,
         _h_month_day, 0),
        _Rule("day-month",
         r"\b(?:(?:{WD}),?\s+)?(?:(?i:the)\s+)?(?:(?<![\d/.,:-])(?P<day0>[0-3]?\d)\s*[-\u2013/]\s*)?(?P<day>{DAY})\s+"
         r"(?:(?i:of)\s+)?(?P<mon>{MONTH})(?P<day2>)"
         r"(?:,?\s+(?P<year>{YEAR})\b)?" + relyear,
         _h_month_day, 0),
        _Rule("month",
         months + r"(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming))\s+)?(?:" + edge + r"[\s-]+(?:(?i:in|of)\s+)?)?"
         r"(?P<mon>{MONTH})(?![\w])(?:,?\s+(?:(?i:of)\s+)?(?P<year>{YEAR})\b)?"
         + relyear, _h_month, 0),
        _Rule("time",
         _starting_with(["around", "about", "approximately", "roughly", "shortly", "noon", "midnight"], digit=True)
         + r"(?P<approx>(?i:around|about|approximately|roughly|shortly\s+after|shortly\s+before)\s+)?"
         r"(?:(?P<word>(?<![^\W\d_])(?i:noon|midnight))|(?P<h>[0-2]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.\s?m\.|[ap]\.?m\b|[ap]\.\s?m(?=\W))|(?i:o'clock)))"
         r"(?:\s+(?P<tz>(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|ET|PT)\b|(?i:local\s+time)))?"
         r"(?:,?\s+(?:(?i:on)\s+)?(?:(?P<wd>{WD})|(?P<dayword>(?i:yesterday|today|tomorrow|tonight))|"
         r"(?P<mon>{MONTH})\s+(?P<day>{DAY})\b))?",
         _h_time, 0),
        _Rule("clock-24h", r"(?<![\w:.,/])(?P<h>[01]?\d|2[0-4])(?P<colon>:?)(?P<mi>[0-5]\d)(?![:.,/]\d|\d)(?!(?!UTC|GMT|Z\b)[^\W\d_])"
         r"(?:\s*(?P<tz>(?:UTC|GMT|Z|BST|CEST|CET|EEST|EET|IST|AEST|AEDT|ACST|AWST|NZST|NZDT|EST|EDT|CST|CDT|MST|MDT"
         r"|PST|PDT|ET|PT|HKT|SGT|JST|SAST|WAT|EAT)\b|(?i:local\s+time)\b))?", _h_clock24, 0),
        _Rule("time", r"(?P<approx>)(?P<word>(?i:noon|midnight))\s+(?P<wd>{WD})(?P<h>)(?P<mi>)(?P<ap>)(?P<dayword>)"
                 r"(?P<mon>)(?P<day>)", _h_time, 0),
        _Rule("weekday",
         weekdays + r"(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|early|late|the\s+previous|the\s+following))\s+)?(?P<wd>{WD})(?P<plural>s)?"
         r"(?![\w])(?:['\u2019]s)?(?:\s+(?P<pod>(?i:morning|afternoon|evening|night))(?P<plural2>s)?)?",
         _h_weekday, 0),
        _Rule("offset-from",
         r"\b(?P<num>(?i:a|an|one|two|three|four|five|six|\d{1,2}))[\s-]+"
         r"(?P<unit>(?i:days?|weeks?|fortnights?))\s+"
         r"(?i:from|(?P<on>on))\s+(?:(?P<wd>{WD})|(?P<rd>(?i:today|tomorrow)))(?![\w])",
         _h_offset_from, 0),
        # British: "Tuesday week" (a week on Tuesday), "Friday fortnight"; lower case: "Fashion Week" is left.
        _Rule("offset-from",
         r"\b(?P<wd>{WD})\s+(?P<unit>week|fortnight)(?![\w'\u2019-])(?P<num>)(?P<on>)(?P<rd>)",
         _h_offset_from, 0),
        _Rule("ordinal-day",
         r"\b(?:(?i:the)\s+(?P<pod>(?i:morning|afternoon|evening|night))\s+(?i:of)\s+)?"
         r"(?i:the)\s+(?P<day>[0-3]?\d(?i:st|nd|rd|th))\b(?:\s+(?i:of)\s+(?P<ofmonth>(?i:this|the|next|last)\s+(?i:month)))?",
         _h_ordinal_day, 0),
        _Rule("relative-day",
         r"(?:(?P<pod2>(?i:early|late|mid-afternoon|mid\s+afternoon))\s+)?\b(?P<rd>(?i:yesterday|today|tomorrow|tonight))"
         r"(?:['\u2019]s)?(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?",
         _h_relative_day, 0),
        _Rule("part-of-day",
         r"(?:(?i:early|late)\s+)?\b(?P<det>(?i:this|last))\s+(?P<pod>(?i:morning|afternoon|evening|night))\b",
         _h_this_pod, 0),
        _Rule("relative-period",
         _starting_with([*edge_words, "this", "last", "next", "past", "previous", "coming"]) + r"(?:" + edge + r"[\s-]+)?\b(?P<det>(?i:this|last|next|the\s+past|the\s+previous|the\s+following|the\s+coming"
         r"|this\s+past|this\s+coming|the\s+current|past|previous|coming))\s+(?P<unit>(?i:week|weekend|month|quarter"
         r"|year|decade|century|spring|summer|fall|autumn|winter))\b",
         _h_relative_period, 0),
        _Rule("season",
         r"\b(?:(?i:the)\s+)?(?:(?P<edge>(?i:early|late|mid))[\s-]+)?(?P<season>(?i:spring|summer|autumn|winter))\b"
         r"(?:\s+(?:(?i:of)\s+)?(?P<year>{YEAR})\b(?!\s*%|,\d))?",
         _h_season, 0),
        _Rule("weekend", r"\b(?i:the)\s+(?i:weekend)\b", _h_weekend, 0),
        _Rule("the-unit", r"\b(?i:the)\s+(?:(?P<qual>(?i:full|fiscal|latest\s+fiscal|current\s+fiscal|calendar))\s+)?"
         r"(?P<unit>(?i:year|week))\b(?![\s-]+(?i:earlier|ago|before|after|of|in|that|when))",
         _h_the_unit, 0),
        _Rule("year-end", r"\b(?:(?i:the)\s+)?(?i:year(?:['\u2019]s)?[\s-]end)\b", _h_year_end, 0),
        _Rule("edge-of-the-unit", r"\b(?i:the)\s+(?P<edge>(?i:end|close|start|beginning|middle))\s+(?i:of)\s+"
         r"(?i:the)\s+(?P<unit>(?i:year|week))\b(?![\s-]+(?i:earlier|ago|before|after|of|in|that|when))",
         _h_edge_of_the_unit, 0),
        _Rule("that-unit", r"\b(?:(?P<pre>(?i:later|earlier))\s+)?(?i:that)\s+(?:(?i:same)\s+)?"
         r"(?P<unit>(?i:year|month|week|day))\b", _h_that_unit, 0),
        _Rule("quarter",
         r"(?:(?i:the|its)\s+)?(?:(?P<year>{YEAR})(?:['\u2019]s)?\s+|(?P<relyear>(?i:this|last|next))\s+(?i:year['\u2019]s)\s+)?"
         r"(?:(?P<rel>(?i:year[\s-]earlier|year[\s-]ago|latest|last|previous|prior|current|past|same|next|following"
         r"|coming|preceding|fiscal|recent|comparable|corresponding))[\s-]+)*(?:(?P<ord>(?i:first|second|third|fourth"
         r"|1st|2nd|3rd|4th))[\s-]+)?(?:(?i:fiscal|calendar)\s+)?(?:(?P<q>(?i:quarter))|(?P<half>(?i:half))|"
         r"(?P<period>(?i:period)))(?!s)"
         r"(?:\s+(?i:of)\s+(?:(?:(?i:fiscal)\s+)?(?P<year2>{YEAR})|(?P<ofyear>(?P<ofrel>(?i:the\s+current|the\s+previous|the"
         r"|this|next|last))\s+(?i:fiscal\s+)?(?i:year))\b))?(?P<ago>\s+(?i:a\s+year\s+(?:ago|earlier)))?",
         _h_quarter, 0),
        _Rule("ago",
         _starting_with(["about", "nearly", "almost", "more", "roughly", "approximately", *amounts], digit=True)
         + r"(?<![^\W_])(?:(?P<mod>(?i:about|nearly|almost|more\s+than|roughly|approximately))\s+)?(?:(?P<num>{NUM})[\s-]+)?"
         r"(?P<unit>{UNIT})\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence|previously))\b",
         _h_ago, i),
        _Rule("duration",
         durations + r"(?<![^\W_])(?:(?P<mod>(?i:nearly|almost|more\s+than|less\s+than|up\s+to|at\s+least|no\s+more\s+than|roughly"
         r"|approximately))\s+)?(?:(?i:the)\s+)?"
         r"(?:(?P<dir>(?i:past|last|next|first|coming|previous|following|final|remaining|latest|initial|"
         r"additional|entire|full|whole))\s+)?(?:(?P<num>{NUM})"
         r"(?:\s+(?:(?i:and\s+a\s+half)|\d/\d))?[\s-]+(?:(?i:more|additional|straight|consecutive|full|long|trading"
         r"|business|calendar)\s+)?)?(?<!\d)(?P<unit>{UNIT})(?:-(?P<suffix>(?i:long|old)))?",
         _h_duration, i),
        _Rule("set-per",
         durations + r"(?<![^\W_])(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})\s+(?i:a|an|per|each)\s+(?P<per>{UNIT})\b",
         _h_set_per, 0),
        _Rule("year-earlier",
         r"\b(?:(?i:the)\s+)?(?i:year[\s-](?:earlier|ago))(?:\s+(?i:period|quarter|level|results))?\b",
         _h_year_earlier, 0),
        _Rule("decade",
         _starting_with(["the", "early", "mid", "late", "'"], digit=True) + r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pre>(?i:early|mid|late))[\s-]+)?(?:(?P<dec>{YEAR})|['\u2019](?P<yy>\d0))['\u2019]?s\b",
         _h_decade, 0),
        _Rule("century",
         r"(?:(?i:the)\s+)?(?:(?P<pre>(?i:early|mid|late))[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)\b",
         _h_century, 0),
        _Rule("year",
         r"(?:(?P<pre>(?i:fiscal|calendar|the\s+year|early|mid|late|post|pre|the\s+end\s+of|the\s+beginning\s+of|"
         r"the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of))[\s-]+)?"
         r"(?<![\w$.,/])(?<!\d-)(?P<y>{YEAR})(?![\w])",
         _h_year, 0),
        _Rule("spelled-year",
         r"\b(?:(?i:the\s+year)\s+)?(?P<y>(?i:nineteen|two\s+thousand(?:\s+and)?)(?:[\s-]+(?i:{NUMWORD})){0,2})\b",
         _h_spelled_year, 0),
        _Rule("fiscal-year", r"\b(?i:fiscal)\s+['\u2019](?P<yy>\d\d)\b", _h_fiscal_short, 0),
        _Rule("fiscal-year", r"\bFY\s?(?P<y>{YEAR}|\d\d)(?:[-\u2013/](?P<y2>\d\d(?:\d\d)?))?\b(?![-\u2013/.,]\d)",
         _h_fiscal_code, 0),
        _Rule("year-run",
         r"(?:(?i:the)\s+)?(?<![\w$\u00a3\u20ac.,/:-])(?P<y>{YEAR})[-\u2013/](?P<y2>\d\d(?:\d\d)?)\b(?![-\u2013/.,:]\d|\s*%)"
         r"(?:\s+(?i:seasons?|financial\s+years?|fiscal\s+years?|tax\s+years?|academic\s+years?|school\s+years?))?",
         _h_year_run, 0),
        _Rule("quarter-code",
         r"\b(?P<code>[QH])(?P<n>[1-4])\b(?![-\u2013'\u2019:]\w)(?:\s+(?:(?i:of)\s+)?(?:(?:(?i:the\s+)?(?:FY|(?i:fiscal))\s?)?"
         r"(?P<year>{YEAR})\b(?![-\u2013/]\d)|FY\s?(?P<yy>\d\d)\b|(?P<ofrel>(?i:this|next|last))\s+(?i:(?:fiscal\s+)?year)\b))?",
         _h_quarter_code, 0),
        _Rule("generic", _starting_with(lex["generic"]) + r"\b(?:{GENERIC})(?![\w-])", _h_generic, i),
        _Rule("set",
         r"\b(?:{SETW})\b|\b(?i:every|each|per)\s+(?:(?i:other)\s+)?(?:(?P<num>{NUM})\s+)?(?:(?P<wd>{WD})|"
         r"(?P<mon>{MONTH})|(?P<unit>{UNIT}))",
         _h_set, 0),
        _Rule("holiday",
         _starting_with(["last", "this", "next", *lex["holidays"]]) + r"(?:(?P<rel>(?i:last|this|next))\s+)?\b(?P<name>(?i:{HOLIDAY}))\b(?:,?\s+(?P<year>{YEAR}))?",
         _h_holiday, 0),
    ]
    return tuple((name, _p(pattern, flags), handler) for name, pattern, handler, flags in rules)


# ---------------------------------------------------------------------------------------------------------------
# Tagging
# ---------------------------------------------------------------------------------------------------------------


# Each rule runs only in windows around its trigger words (a big speed-up: most of an article has no time words).
_RULE_TRIGGERS = {
    "iso-date": ("yearnum",), "numeric-date": ("smallnum",), "month-day": ("month",), "day-month": ("month",),
    "month": ("month",), "time": ("smallnum", "clock"), "clock-24h": ("smallnum", "yearnum", "clockword"), "weekday": ("weekday",), "offset-from": ("weekday", "relday"), "ordinal-day": ("ordinal",), "relative-day": ("relday",),
    "part-of-day": ("pod",), "relative-period": ("period",), "season": ("season",), "weekend": ("weekend",), "the-unit": ("period",),
    "year-end": ("period",), "edge-of-the-unit": ("period",), "that-unit": ("period", "relday"),
    "quarter": ("quarter",), "ago": ("ago",), "duration": ("unit",), "set-per": ("unit",), "year-earlier": ("ago",),
    "decade": ("yearnum", "smallnum"), "century": ("century",), "year": ("yearnum",), "spelled-year": ("spelled",),
    "fiscal-year": ("fiscal", "code"), "year-run": ("yearnum",), "quarter-code": ("code",), "generic": ("generic",), "set": ("set",), "holiday": ("holiday",),
}
_WINDOW_BEFORE = 70
_WINDOW_AFTER = 90
# How far a match may reach before and after its trigger word, where that is much less than the default:
# a duration ends at its unit ("no more than the next twenty four hours"), "ago" ends its expression.
_RULE_REACH = {"duration": (50, 12), "set-per": (50, 30), "ago": (50, 6), "generic": (25, 25), "decade": (20, 6), "year": (45, 8),
               "clock-24h": (8, 20), "year-end": (12, 10), "the-unit": (30, 30), "edge-of-the-unit": (30, 10)}
_WORD_RE = re.compile(r"[^\W_]+")
_STOP = frozenset({"the", "a", "an", "at", "for", "in", "as", "of", "to", "on", "s"})


@functools.lru_cache(maxsize=1)
def _trigger_words() -> dict[str, frozenset[str]]:
    lex = lexicon()
    table: dict[str, set[str]] = {}

    def add(category: str, words) -> None:
        for phrase in words:
            for word in re.findall(r"[^\W_]+", phrase.lower()):
                if word not in _STOP or category in ("unit",):
                    table.setdefault(word, set()).add(category)

    add("month", [m for m in lex["months"]])
    add("weekday", list(lex["weekdays"]) + [w + "s" for w in lex["weekdays"] if w.endswith("day")])
    add("clock", ["noon", "midnight"])
    add("clockword", ["utc", "gmt"])
    add("relday", ["yesterday", "today", "tomorrow", "tonight"])
    add("pod", ["morning", "afternoon", "evening", "night"])
    add("period", ["day", "week", "weekend", "month", "quarter", "year", "decade", "century", *lex["seasons"]])
    add("season", list(lex["seasons"]))
    add("weekend", ["weekend"])
    add("quarter", ["quarter", "half", "period"])
    add("ago", ["ago", "earlier", "later", "hence", "previously", "now"])
    units = list(lex["units"]) + ["centuries"]
    add("unit", units + [u + "s" for u in units])
    add("century", ["century"])
    add("spelled", ["nineteen", "thousand"])
    add("fiscal", ["fiscal"])
    add("generic", [w for w in lex["generic"]])
    add("set", list(lex["sets"]) + ["every", "each", "per"])
    add("holiday", [h.split(" ")[0] if not h.startswith("the ") else h.split(" ")[1] for h in lex["holidays"]])
    return {word: frozenset(cats) for word, cats in table.items()}


_YEAR_TOKEN = re.compile(r"(?:1[5-9]|20)\d\ds?")


_ORDINAL_TOKEN = re.compile(r"[0-3]?\d(?:st|nd|rd|th)", re.IGNORECASE)


_CODE_TOKEN = re.compile(r"fy(?:\d\d){0,2}|[qh][1-4]", re.IGNORECASE)


def _number_category(word: str) -> tuple[str, ...]:
    if _ORDINAL_TOKEN.fullmatch(word):
        return ("smallnum", "ordinal") if len(word) <= 3 else ("ordinal",)
    if len(word) <= 3:
        return ("smallnum",)
    if _YEAR_TOKEN.fullmatch(word):
        return ("yearnum",)
    return ()


def _triggers(text: str) -> dict[str, list[tuple[int, int]]]:
    """The spans of the trigger words of each category, in text order."""
    triggers = _trigger_words()
    spans: dict[str, list[tuple[int, int]]] = {}
    for match in _WORD_RE.finditer(text):
        word = match[0]
        if word[0].isdigit():
            cats = _number_category(word)
        elif len(word) <= 6 and _CODE_TOKEN.fullmatch(word):
            cats = ("code",)  # "FY2027", "Q3", "H2"
        else:
            cats = triggers.get(word.lower(), ())
        for cat in cats:
            spans.setdefault(cat, []).append(match.span())
    return spans


def _windows(spans: list[list[tuple[int, int]]], before: int, after: int, n: int) -> list[tuple[int, int]]:
    """Merged ``(lo, hi)`` windows reaching ``before``/``after`` characters around trigger spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for lst in spans for span in lst):
        lo, hi = max(0, start - before), min(n, end + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _candidates(text: str) -> list[tuple[int, int, int, str, re.Match[str], _Handler]]:
    found = []
    seen: set[tuple[int, int, int]] = set()
    triggers = _triggers(text)
    for order, (name, pattern, handler) in enumerate(_rules()):
        spans = [triggers[cat] for cat in _RULE_TRIGGERS[name] if cat in triggers]
        if not spans:
            continue
        before, after = _RULE_REACH.get(name, (_WINDOW_BEFORE, _WINDOW_AFTER))
        for lo, hi in _windows(spans, before, after, len(text)):
            for match in pattern.finditer(text, lo, hi):
                start, end = match.span()
                while end > start and text[end - 1] in " \t\n,-":
                    end -= 1
                if text[end - 2 : end] in ("'s", "\u2019s") and end - 2 > start:
                    end -= 2
                if end > start and (order, start, end) not in seen:
                    seen.add((order, start, end))
                    found.append((start, end, order, name, match, handler))
    return found


def _select(cands: list, text: str, ctx_probe: _Context) -> list:
    """Keep the longest non-overlapping candidates that their handler accepts."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for cand in cands:
        start, end = cand[0], cand[1]
        if any(start < e and s < end for s, e in taken):
            continue
        # A handler may refuse its match (a year that is a number, "may" the verb): check with a throwaway context.
        if cand[5](cand[4], ctx_probe) is None:
            continue
        taken.append((start, end))
        chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    return chosen


def tag_timexes(text: str, *, dct: _dt.date | None) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text``.

    Args:
        text: raw text (an article body or a benchmark document).
        dct: the document creation time (publication date); None leaves relative expressions unresolved.

    Returns:
        The expressions in text order; ``text[t.start:t.end] == t.text`` for each.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if dct is not None and isinstance(dct, _dt.datetime):
        dct = dct.date()
    probe = _Context(text, dct)
    chosen = _select(_candidates(text), text, probe)
    ctx = _Context(text, dct)
    out: list[Timex] = []
    for start, end, _order, name, match, handler in chosen:
        ctx.position = start
        result = handler(match, ctx)
        if result is None:
            continue
        point = result.point
        anchor = None
        if result.anchor_kind == "publication":
            anchor = dct
        elif result.anchor is not None:
            anchor = result.anchor
        elif result.anchor_kind == "previous":
            anchor = ctx.last.first if ctx.last is not None else dct
        out.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type=result.type,
                value=result.value,
                rule=name,
                anchor=anchor,
                anchor_kind=result.anchor_kind if anchor is not None else None,
                mod=result.mod,
                precision=point.precision if point else None,
                range_start=point.first if point else None,
                range_end=point.last if point else None,
                unresolved=result.unresolved,
            )
        )
        if point is not None and result.remember:
            ctx.remember(point)
            if not in_quotation(text, start):
                ctx.narrated, ctx.narrated_at = point, start
                _note_occasion(ctx, point, start, end)
            if point.precision == "day" and _is_dateline(text, start, end, chosen):
                ctx.stamp_day = point.first
    return out


# The longest line (in characters) that may be a date line over a live blog's entries ("Friday, March 13"); a
# longer one is a sentence, whatever its dates.
_DATELINE_MAX_CHARS = 80


def _is_dateline(text: str, start: int, end: int, chosen: list) -> bool:
    """Whether the expression ``text[start:end]`` and the other expressions of its line make up the whole line
    but for punctuation ("Friday, March 13" over a live blog's entries of that day)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if hi - lo > _DATELINE_MAX_CHARS:
        return False
    rest = text[lo:hi]
    for c in chosen:
        if lo <= c[0] and c[1] <= hi:
            rest = rest[: c[0] - lo] + " " * (c[1] - c[0]) + rest[c[1] - lo :]
    return not re.search(r"[^\W_]", rest)

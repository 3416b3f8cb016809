"""Stance: who sides with whom in an article, and how the writing itself frames each camp.

Two tables, each row carrying its evidence sentence and character offsets into :attr:`Article.text`:

* :func:`stance` -- one row per judgement *source -> target* (a speaker or ``"(narrator)"`` toward an actor or
  camp), with polarity (-1 against, 0 neutral, +1 for), a score in [-1, 1], the cue that carries it and the
  signal family it comes from:

  - ``disagreement`` / ``agreement`` / ``blame`` / ``support``: cue patterns from ``data/stance_cues.toml``
    ("disagreed with his assessment", "no evidence", "a rare public break with", "accused Moscow of", "Russia is
    responsible for", "we pledge to support Ukraine"), with negation ("did not accuse") and hedges ("whether ...");
  - ``framing``: the narrator's choice of reporting verb for a speaker ("rambles on", "backtracked" against
    "said", "told reporters"), from :func:`framing`;
  - ``target_sentiment``: the sentence's sentiment toward each actor mention (:func:`mention_sentiment`), kept
    when it is not neutral and no cue already links the same source and target in that sentence.

* :func:`framing` -- one row per reporting cue that introduces an actor's words, with the connotation of the
  verb (``data/cue_connotations.tsv``): neutral, doubt, concession, dismissive or hostile.

The rules are those of cue-based attribution and stance work: a cue lexicon with slots for source and target
(Bergler 2006; Somasundaran & Wiebe 2009 on opinion targets), a negation window before the cue (NegEx, Chapman et
al. 2001), and a recency heuristic for pronouns (Hobbs 1978, much simplified: the nearest earlier compatible
mention, never the source of the cue itself).

Actors come from :mod:`analysis.actors` when an actors file is given or found beside the article; without one,
multi-word capitalised names and the speakers of quotations stand in as actors (with no camp).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .articles import Article
from .data import read_toml
from .frames import column_arrays
from .spans import SpanIndex
from .text import Document, parse

__all__ = [
    "FRAMING_COLUMNS",
    "NARRATOR",
    "SENTIMENT_COLUMNS",
    "STANCE_COLUMNS",
    "camp_sides",
    "connotation_of",
    "framing",
    "mention_sentiment",
    "plot_camp_sides",
    "plot_framing",
    "plot_stance_heatmap",
    "sentiment_method",
    "stance",
    "stance_matrix",
]

NARRATOR = "(narrator)"
STANCE_COLUMNS = ["article", "source", "source_camp", "target", "target_camp", "polarity", "score", "cue",
                  "cue_start", "cue_end", "signal", "evidence", "start", "end", "sentence"]
FRAMING_COLUMNS = ["article", "camp", "speaker", "cue", "lemma", "connotation", "cue_start", "cue_end",
                   "sentence", "evidence", "start", "end"]
SENTIMENT_COLUMNS = ["article", "source", "source_camp", "target", "target_camp", "polarity", "mention",
                     "mention_start", "mention_end", "sentence", "evidence", "start", "end", "judged"]
CONNOTATIONS = ("neutral", "concession", "doubt", "dismissive", "hostile")

_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
_CLAUSE_BREAK = re.compile(r"[,;:—–()\[\]]|\s-\s")
_QUOTE_CHARS = "\u201c\u201d\""
_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "senior", "top", "former", "some", "several", "two", "three", "many"])
_PREPOSITIONS = frozenset(
    ["about", "of", "with", "to", "for", "on", "against", "from", "by", "between", "at", "in", "into", "over", "toward", "towards", "upon", "like", "than"])
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
_OBJECT_PRONOUNS = frozenset({"him"})
_SELF_PRONOUNS = frozenset({"I", "me", "my", "we", "We", "us", "our", "Our", "My", "Me"})
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|him|I|me|[Mm]y|[Ww]e|us|[Oo]ur)\b")
_POSSESSIVE_AFTER = re.compile(r"^[’']s?\b|^[’'](?=\s)")
_GROUP_NOUN = re.compile(
    r"(?:\s+and\s+[A-Z][\w.-]*)?\s+(?:government\s+|administration\s+|intelligence\s+|military\s+)?"
    r"(officials|leaders|diplomats|officers|authorities|lawmakers|forces|negotiators)\b")
_FRAMING_SKIP = frozenset(
    ["also", "has", "have", "had", "then", "later", "again", "repeatedly", "publicly", "privately", "openly", "previously", "earlier", "once", "now", "still", "quickly", "immediately", "reportedly", "further", "will", "would", "could", "may", "might", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "this", "week", "yesterday", "today", "himself", "herself", "who"])
_PASSIVE = frozenset(["was", "were", "is", "are", "be", "been", "being"])
_GAP_STOP = re.compile(r"[;:()\u201c\u201d\"]")  # in the gap after a mention: the search for its verb stops
_INVERTED_VERB = re.compile(r"([,\u201d\"]\s*)([A-Za-z]+)\s+$")  # '...," said' right before a mention
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?]|$)")
_SPACES = re.compile(r"\s+")
_GROUP_WORD = re.compile(r"\b(?:officials|leaders|diplomats|authorities|administration|forces)\b")  # not a person
_LOOKBACK_SENTENCES = 3
_SENTIMENT_WEIGHT = 0.5


# --------------------------------------------------------------------------------------------------------------
# Data files


@dataclass(frozen=True)
class _Cue:
    name: str
    pattern: str
    signal: str
    polarity: int
    weight: float
    target: str
    gap: int
    quoted_only: bool


@dataclass(frozen=True)
class _Rules:
    cues: dict[str, _Cue]
    regex: re.Pattern[str]  # for lower-cased text (several times faster than IGNORECASE)
    regex_i: re.Pattern[str]  # for text whose lower-casing changes its length
    negation_words: frozenset[str]
    negation_phrases: tuple[str, ...]
    negation_window: int
    hedge_words: frozenset[str]
    hedge_window: int
    claim_nouns: frozenset[str]
    claim_verbs: frozenset[str]
    claim_lookback: int
    framing: dict[str, tuple[int, float]]
    subject: dict[str, Any] = field(default_factory=dict)  # [subject]: who holds a verb cue (:func:`_clause_holder`)
    judge: dict[str, Any] = field(default_factory=dict)  # [judge]: what target sentiment may judge
    # ``regex`` split by the first character of a match (see :func:`_cue_dispatch`), or None
    dispatch: tuple[re.Pattern[str], dict[str, re.Pattern[str]]] | None = None
    # a regex finding the word starts some cue can begin at by their first three characters, and each cue's
    # possible first three characters (ASCII), see :func:`_cue_prefixes`; None when they cannot be told
    prefixes: tuple[re.Pattern[str], tuple[frozenset[str], ...]] | None = None
    parts: tuple[str, ...] = ()  # the cue regex's alternatives, in order


_TARGET_SLOTS = ("object", "subject", "claim", "between", "quoted_claim")
_SIGNALS = ("disagreement", "agreement", "blame", "support")


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = read_toml("stance_cues.toml")
    cues: dict[str, _Cue] = {}
    parts = []
    for i, item in enumerate(data.get("cue", [])):
        if item["target"] not in _TARGET_SLOTS or item["signal"] not in _SIGNALS:
            raise ValueError(f"stance_cues.toml cue {i} ({item['pattern']!r}): target must be one of "
                             f"{_TARGET_SLOTS} and signal one of {_SIGNALS}")
        name = f"c{i}"
        cue = _Cue(name, item["pattern"], item["signal"], int(item["polarity"]), float(item["weight"]),
                   item["target"], int(item.get("gap", 3)), bool(item.get("quoted_only", False)))
        cues[name] = cue
        pattern = cue.pattern.replace(" ", r"\s+")
        parts.append(rf"(?P<{name}>{pattern})(?![\w-])")
    framing_table = {k: (int(v["polarity"]), float(v["weight"])) for k, v in data["framing"].items()}
    unknown = set(framing_table) - set(CONNOTATIONS)
    if unknown:
        raise ValueError(f"stance_cues.toml [framing]: unknown connotations {sorted(unknown)}; use {CONNOTATIONS}")
    return _Rules(
        cues=cues,
        regex=re.compile(_CUE_START + "(?:" + "|".join(parts) + ")"),
        regex_i=re.compile(_CUE_START + "(?:" + "|".join(parts) + ")", re.IGNORECASE),
        negation_words=frozenset(w.lower() for w in data["negation"]["words"]),
        negation_phrases=tuple(p.lower() for p in data["negation"].get("phrases", [])),
        negation_window=int(data["negation"].get("window", 4)),
        hedge_words=frozenset(w.lower() for w in data["hedge"]["words"]),
        hedge_window=int(data["hedge"].get("window", 12)),
        claim_nouns=frozenset(data["claims"]["nouns"]),
        claim_verbs=frozenset(data["claims"]["verbs"]),
        claim_lookback=int(data["claims"].get("lookback", _LOOKBACK_SENTENCES)),
        framing=framing_table,
        subject=_subject_rules(data.get("subject", {})),
        judge=_judge_rules(data.get("judge", {})),
        dispatch=_cue_dispatch(parts),
        prefixes=_cue_prefixes(parts),
        parts=tuple(parts),
    )


def _subject_rules(raw: dict[str, Any]) -> dict[str, Any]:
    """``[subject]`` of ``stance_cues.toml`` as frozensets of lower-case words (and ``max_words``)."""
    out: dict[str, Any] = {k: frozenset(str(w).lower() for w in raw.get(k, ()))
                           for k in ("skip", "passive", "boundary", "inner", "determiners", "no_holder", "expletive",
                                     "nominal", "time", "time_lead", "conjunctions", "first_person", "prepositions")}
    out["max_words"] = int(raw.get("max_words", 6))
    return out


def _judge_rules(raw: dict[str, Any]) -> dict[str, Any]:
    """``[judge]`` of ``stance_cues.toml``: the target-sentiment signal's minimum confidence and word lists."""
    return {"min_confidence": float(raw.get("min_confidence", 0.0)),
            "news_agencies": frozenset(str(w).lower() for w in raw.get("news_agencies", ())),
            "affiliated": frozenset(str(w).lower() for w in raw.get("affiliated", ())),
            "affiliation_links": frozenset(str(w).lower() for w in raw.get("affiliation_links", ())),
            "authorship": frozenset(str(w).lower() for w in raw.get("authorship", ())),
            "speaks_for": frozenset(str(w).lower() for w in raw.get("speaks_for", ())),
            "locatives": frozenset(str(w).lower() for w in raw.get("locatives", ())),
            "naming_verbs": frozenset(str(w).lower() for w in raw.get("naming_verbs", ()))}


_CUE_START = r"(?<![\w’'-])"  # a cue starts a word (the lookbehind of the cue regex)


def _regex_internals() -> tuple[Any, Any] | None:
    """Python's own regex parser and its constants: ``re._parser`` / ``re._constants`` (3.11+), else the 3.10
    names ``sre_parse`` / ``sre_constants``; None when neither exists (the cue regex is then used whole)."""
    try:
        from re import _constants, _parser
    except ImportError:  # pragma: no cover - Python 3.10
        try:
            import sre_constants as _constants  # type: ignore[no-redef]
            import sre_parse as _parser  # type: ignore[no-redef]
        except ImportError:
            return None
    return _parser, _constants


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a match of a parsed pattern (``re._parser`` items) can start with, and whether it can be
    empty; None for the characters when they cannot be told (a class such as ``\\w``, any character, an
    unknown construct). Lookarounds and anchors match nothing and are skipped."""
    c = _regex_internals()[1]
    first: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars, nullable = {chr(av)}, False
        elif op is c.IN:
            chars, nullable = set(), False
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False
        elif op is c.SUBPATTERN:
            chars, nullable = _first_chars(av[3])
        elif op is c.BRANCH:
            chars, nullable = set(), False
            for branch in av[1]:
                got, empty = _first_chars(branch)
                if got is None:
                    return None, False
                chars |= got
                nullable = nullable or empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            chars, nullable = _first_chars(av[2])
            nullable = nullable or av[0] == 0
        elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            chars, nullable = set(), True
        else:
            return None, False
        if chars is None:
            return None, False
        first |= chars
        if not nullable:
            return first, False
    return first, True


def _cue_dispatch(parts: list[str]) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]] | None:
    """The cue regex split by first character, for :func:`_cue_matches`: a regex finding the word starts a cue
    can begin at, and per first character the alternation of the cues that can begin with it (in their order).

    The cue regex tries its 23 alternatives at every word start; an alternative whose match cannot begin with
    the character there fails anyway, so trying only the others finds the same match. None (use the regex
    whole) when a cue's first characters cannot be told or a cue can match nothing.
    """
    internals = _regex_internals()
    if internals is None:  # pragma: no cover - a Python whose re has neither module
        return None
    _parser = internals[0]
    firsts = []
    for part in parts:
        try:
            chars, nullable = _first_chars(_parser.parse(part))
        except (re.error, AttributeError, TypeError, ValueError, IndexError):  # pragma: no cover - re._parser changed
            return None
        if chars is None or nullable or not chars:
            return None
        firsts.append(chars)
    every = sorted(set().union(*firsts))
    starts = re.compile(_CUE_START + "[" + "".join(re.escape(ch) for ch in every) + "]")
    by_char = {ch: re.compile("|".join(p for p, f in zip(parts, firsts) if ch in f)) for ch in every}
    return starts, by_char


_PREFIX_LENGTH = 3  # characters of a word start looked at before a cue is tried there


def _ascii_chars(c: Any, kind: Any, value: Any) -> set[str] | None:
    """The ASCII characters one member of a parsed character class (``re._parser``) matches; None if unknown."""
    if kind is c.LITERAL:
        return {chr(value)} if value < 128 else set()
    if kind is c.RANGE:
        return set(map(chr, range(value[0], min(value[1], 127) + 1)))
    if kind is c.CATEGORY:
        classes = {c.CATEGORY_SPACE: r"\s", c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w",
                   c.CATEGORY_NOT_WORD: r"\W", c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D"}
        if value in classes:
            return set(re.findall(classes[value], "".join(map(chr, range(128)))))
    return None


def _prefixes(items: Any, k: int) -> set[tuple[str, bool]] | None:
    """The first ``k`` characters a match of a parsed pattern (``re._parser`` items) can begin with, as pairs
    (characters, open): open when the characters may be followed by anything (the prefix is cut short there),
    else the match may end after them. Only ASCII characters are followed (a text whose first ``k``
    characters are not all ASCII is not judged by these). None when the pattern cannot be told."""
    c = _regex_internals()[1]
    states: set[tuple[str, bool]] = {("", False)}
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # matches nothing (a superset of the true prefixes is safe: the cue regex decides)
        # only the characters the states have room for matter: the item's prefixes are taken that long (the
        # first characters of a longer prefix are its prefix): "(?:\\s+\\w+)?" after "is" needs one, not the
        # quarter of a million three-character ones (their joins took a minute)
        need = max((k - len(text) for text, is_open in states if not is_open and len(text) < k), default=0)
        if not need:
            states = {(text, True) for text, _ in states}
            continue
        options: set[tuple[str, bool]] | None
        if op is c.LITERAL:
            options = {(chr(av), False)} if av < 128 else set()
        elif op is c.IN:
            chars: set[str] = set()
            for kind, value in av:
                got = _ascii_chars(c, kind, value)
                if got is None:
                    break
                chars |= got
            else:
                got = chars
            options = {(ch, False) for ch in chars} if got is not None else {("", True)}
        elif op is c.SUBPATTERN:
            options = _prefixes(av[3], need)
        elif op is c.BRANCH:
            options = set()
            for branch in av[1]:
                got_b = _prefixes(branch, need)
                if got_b is None:
                    return None
                options |= got_b
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, sub = av
            if low > k:
                options = {("", True)}
            else:
                options = set()
                # more than ``need`` begin as ``need`` do (or fewer, if empty)
                for reps in range(low, max(low, min(high, need)) + 1):
                    got_r = _prefixes(list(sub) * reps, need)
                    if got_r is None:
                        return None
                    options |= got_r
        else:
            options = {("", True)}
        if options is None:
            return None
        new: set[tuple[str, bool]] = set()
        cut: dict[int, set[tuple[str, bool]]] = {need: options}  # the options cut to each state's room
        for text, is_open in states:
            if is_open or len(text) >= k:
                new.add((text, True))
                continue
            room = k - len(text)
            if room not in cut:
                cut[room] = {(more[:room], more_open or len(more) >= room) for more, more_open in options}
            new.update((text + more, more_open) for more, more_open in cut[room])
        states = new
    return states


def _trie_regex(prefixes: set[str]) -> str:
    """A regex matching what begins with one of ``prefixes`` (non-empty strings), as a trie of character
    classes: a string that is a prefix of another makes the longer one redundant."""
    if "" in prefixes:
        return ""
    rests: dict[str, set[str]] = {}
    for p in prefixes:
        rests.setdefault(p[0], set()).add(p[1:])
    by_tail: dict[str, list[str]] = {}
    for ch, rest in rests.items():
        by_tail.setdefault(_trie_regex(rest), []).append(ch)
    alternatives = []
    for tail, chars in sorted(by_tail.items(), key=lambda item: sorted(item[1])):
        escaped = "".join(re.escape(ch) for ch in sorted(chars))
        alternatives.append((escaped if len(chars) == 1 else f"[{escaped}]") + tail)
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _cue_prefixes(parts: list[str]) -> tuple[re.Pattern[str], tuple[frozenset[str], ...]] | None:
    """Per cue, the strings of at most :data:`_PREFIX_LENGTH` ASCII characters its matches begin with (a match
    begins with one of them; a shorter one means the match may end or go on with anything). Most word starts
    that can begin a cue by their first character cannot by their first three ("the", "and", "was" for "to"
    ...), so :func:`_cue_matches` tries far fewer. With them, a regex finding the word starts whose first
    three characters begin some cue's match (a trie, so the search stays in C), or that hold a non-ASCII
    character (judged by their first character, as by :func:`_cue_dispatch`). None when a cue's beginnings
    cannot be told or one can be empty."""
    internals = _regex_internals()
    if internals is None:  # pragma: no cover
        return None
    found = []
    for part in parts:
        try:
            got = _prefixes(internals[0].parse(part), _PREFIX_LENGTH)
        except (re.error, AttributeError, TypeError, ValueError, IndexError):  # pragma: no cover - re._parser changed
            return None
        if got is None:
            return None
        begins = frozenset(text for text, _ in got)
        if not begins or "" in begins:
            return None
        found.append(begins)
    trie = _trie_regex(set().union(*found))
    non_ascii = rf"(?s:.{{0,{_PREFIX_LENGTH - 1}}})[^\x00-\x7f]"
    starts = re.compile(_CUE_START + "(?=" + trie + "|" + non_ascii + ")")
    return starts, tuple(found)


_KEY_REGEX: dict[str, re.Pattern[str] | None] = {}  # a word start's first characters -> the cues to try there
_SUBSET_REGEX: dict[tuple[int, ...], re.Pattern[str]] = {}


def _regex_for_key(rules: _Rules, key: str) -> re.Pattern[str] | None:
    """The alternation (in the cue regex's order) of the cues whose matches can begin with ``key`` (the first
    characters of a word start, cut at the end of the searched range), None if no cue can."""
    assert rules.prefixes is not None
    cues = tuple(i for i, begins in enumerate(rules.prefixes[1]) if any(key.startswith(p) for p in begins))
    if not cues:
        return None
    regex = _SUBSET_REGEX.get(cues)
    if regex is None:
        regex = re.compile("|".join(rules.parts[i] for i in cues))
        _SUBSET_REGEX[cues] = regex
    return regex


def _cue_matches(rules: _Rules, haystack: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``rules.regex.finditer(haystack, start, end)`` on lower-cased text, faster (see :func:`_cue_dispatch`
    and :func:`_cue_prefixes`)."""
    if rules.dispatch is None:
        yield from rules.regex.finditer(haystack, start, end)
        return
    starts, by_char = rules.dispatch
    prefixes = rules.prefixes is not None
    if prefixes:
        starts = rules.prefixes[0]
    keys = _KEY_REGEX
    done = start  # matches do not overlap: the next one starts at or after the last one's end
    for candidate in starts.finditer(haystack, start, end):
        at = candidate.start()
        if at < done:
            continue
        if prefixes:
            key = haystack[at:at + _PREFIX_LENGTH]
            if at + _PREFIX_LENGTH > end:
                key = key[:end - at]
            try:
                regex = keys[key]
            except KeyError:
                if len(keys) >= 65536:
                    keys.clear()
                regex = keys[key] = _regex_for_key(rules, key) if key.isascii() else by_char.get(key[0])
            if regex is None:
                continue
        else:
            regex = by_char[haystack[at]]
        match = regex.match(haystack, at, end)
        if match is not None:
            done = match.end()
            yield match


def _regular_forms(verb: str) -> set[str]:
    forms = {verb}
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        forms.add(verb + "es")
    elif re.search(r"[^aeiou]y$", verb):
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", verb):
        forms |= {verb[:-1] + "ied", verb + "ing"}
    else:
        forms |= {verb + "ed", verb + "ing"}
    return forms


@functools.lru_cache(maxsize=1)
def _connotations() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """Surface form (lower case) -> (lemma, connotation), and one regex matching every form, longest first."""
    raw = resources.files("analysis.data").joinpath("cue_connotations.tsv").read_text(encoding="utf-8")
    entries: list[tuple[str, str, list[str]]] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or cols[1].strip() not in CONNOTATIONS:
            raise ValueError(f"cue_connotations.tsv line {n}: expected 'cue<TAB>connotation' with connotation "
                             f"one of {CONNOTATIONS}, got {line!r}")
        extra = [f.strip() for f in cols[2].split(",")] if len(cols) > 2 and cols[2].strip() else []
        entries.append((cols[0].strip().lower(), cols[1].strip(), extra))
    irregular = {lemma: extra for lemma, _, extra in entries if " " not in lemma}
    forms: dict[str, tuple[str, str]] = {}
    for lemma, connotation, extra in entries:
        head, _, rest = lemma.partition(" ")
        head_forms = _regular_forms(head) | {f for f in irregular.get(head, []) if " " not in f}
        surface = {f"{h} {rest}".strip() for h in head_forms} | {f.lower() for f in extra}
        for form in surface:
            forms[form] = (lemma, connotation)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def connotation_of(cue: str) -> tuple[str, str]:
    """The lemma and connotation of a reporting cue ("rambles on" -> ("ramble on", "dismissive")).

    The longest listed phrase at the start of the cue wins; an unlisted cue gives (first word, "unlisted").
    """
    forms, regex = _connotations()
    text = " ".join(cue.lower().split())
    match = regex.search(text)
    if match:
        return forms[" ".join(match.group(0).split())]
    head = text.split(" ", 1)[0] if text else ""
    return head, "unlisted"


# --------------------------------------------------------------------------------------------------------------
# Mentions and quotations


class _Mention(NamedTuple):
    """One mention of an actor (or a pronoun) in the body; immutable. A named tuple rather than a frozen
    dataclass: an article builds about 60 and pronoun resolution copies them, and a frozen dataclass's
    constructor costs about five times as much (one ``object.__setattr__`` a field)."""

    start: int
    end: int
    text: str
    actor: str | None
    camp: str | None
    sentence: int
    kind: str  # "name" | "adjective" ("a Russian projectile") | "pronoun" | "self" (I, we in a quotation) | "frame"
    # (a quotation's speaker the quotation table leaves unresolved: "the Tory leader insisted", "..., he said")
    person: bool
    possessive: bool
    after_prep: bool
    quote: int  # index of the quotation it stands in, -1 in narration


@dataclass(frozen=True)
class _Quote:
    start: int
    end: int
    speaker: str | None
    camp: str | None


@dataclass
class _Context:
    article: Article
    doc: Document
    actors: Any
    quotes: list[_Quote]
    quote_starts: list[int]
    mentions: list[_Mention]
    starts: list[int]
    camps: frozenset[str]
    qdf: pd.DataFrame | None = None
    qcols: dict[str, list[Any]] | None = None  # the quotation table's columns read once (_quote_columns)
    persons: dict[str, bool] = field(default_factory=dict)  # actor -> _is_person, per article

    def quote_at(self, offset: int) -> int:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return i
        return -1

    def in_sentence(self, index: int) -> list[int]:
        s = self.doc.sentences[index]
        lo = bisect.bisect_left(self.starts, s.start)
        hi = bisect.bisect_left(self.starts, s.end)
        return list(range(lo, hi))


def _actors_for(article: Article, actors: Any) -> Any:
    """An Actors object: the one given, one loaded from a path, or the file beside the article (may be empty),
    as the article sees it (:func:`analysis.actors.article_actors`: the camps of persons the file does not list
    come from their descriptions, "Kremlin spokesman Dmitry Peskov" -> Russia)."""
    from .actors import Actors, article_actors, default_actors_path, load_actors

    if actors is None or isinstance(actors, (str, bytes)) or hasattr(actors, "__fspath__"):
        actors = load_actors(actors if actors is not None else default_actors_path(article.path))
    return article_actors(article, actors) if isinstance(actors, Actors) else actors


def _ask(actors: Any, question: str, name: str | None) -> str | None:
    """``actors.<question>(name)`` (``camp_of`` or ``canonical``), or None when there is no answer."""
    if actors is None or not name:
        return None
    try:
        return getattr(actors, question)(name) or None
    except (KeyError, AttributeError, ValueError):
        return None


def _camp_of(actors: Any, name: str | None) -> str | None:
    return _ask(actors, "camp_of", name)


def _canonical(actors: Any, name: str | None) -> str | None:
    return _ask(actors, "canonical", name)


def _camp_names(actors: Any) -> frozenset[str]:
    return frozenset(a.camp for a in getattr(actors, "actors", ()) if getattr(a, "camp", None))


def _actor_type(actors: Any, name: str | None) -> str | None:
    """person, group or place for an actor of the actors file; None for a person found by rule."""
    if actors is None or not name:
        return None
    actor = actors.lookup(name) if hasattr(actors, "lookup") else None
    return getattr(actor, "type", None)


def _quotes_for(article: Article, actors: Any, quotes: pd.DataFrame | None) -> pd.DataFrame:
    if quotes is not None:
        return quotes
    try:
        from .quotes import extract_quotes
    except ImportError:
        return pd.DataFrame(columns=["start", "end", "speaker", "camp", "cue", "cue_start", "cue_end"])
    return extract_quotes(article, actors=actors)


def _quote_spans(qdf: pd.DataFrame, actors: Any, columns: dict[str, list[Any]] | None = None) -> list[_Quote]:
    spans = []
    if qdf is None or qdf.empty:
        return spans
    # plain lists: iterating a pandas column costs a call a value (the same values as .tolist())
    cols = _quote_columns(qdf) if columns is None else columns
    for name in ("start", "end", "speaker"):
        if name not in cols:
            raise KeyError(f"the quotations table has no {name!r} column: pass the table extract_quotes gives")
    camps = cols["camp"] if "camp" in cols else [None] * len(qdf)
    for start, end, speaker, camp in zip(cols["start"], cols["end"], cols["speaker"], camps):
        speaker = _clean(speaker)
        camp = _clean(camp) or _camp_of(actors, speaker)
        spans.append(_Quote(int(start), int(end), speaker, camp))
    spans.sort(key=lambda q: (q.start, q.end))
    # Keep quotations disjoint: an indirect quotation can contain a direct one; the outer one is enough here.
    out: list[_Quote] = []
    for q in spans:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def _clean(value: Any) -> Any:
    """None for missing values (None, NaN, pd.NA, blank strings), else the value."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


_QUOTE_COLUMNS = ("start", "end", "speaker", "camp", "cue_start", "cue_end", "mention_start", "mention_end")


def _quote_columns(qdf: pd.DataFrame | None) -> dict[str, list[Any]]:
    """The quotation table's columns that stance reads, as lists, each read once (the first read of a fresh
    frame's column costs pandas about 0.1 ms); an absent column is left out, an empty table gives ``{}``."""
    if qdf is None or qdf.empty:
        return {}
    arrays = column_arrays(qdf, _QUOTE_COLUMNS)
    return {name: arrays[name].tolist() for name in _QUOTE_COLUMNS if name in arrays}


def _is_person(actors: Any, actor: str | None) -> bool:
    if not actor:
        return False
    kind = _actor_type(actors, actor)
    if kind is None:
        return not _GROUP_WORD.search(actor)
    return kind == "person"


def _is_person_in(ctx: _Context, actor: str | None) -> bool:
    """:func:`_is_person` for the article's actors, kept per actor (an article names the same actors often)."""
    known = ctx.persons.get(actor) if actor else None
    if known is None:
        known = _is_person(ctx.actors, actor)
        if actor:
            ctx.persons[actor] = known
    return known


@functools.lru_cache(maxsize=64)
def _name_mentions(article: Article, doc: Document, actors: Any) -> list[tuple[int, int, str, str | None, bool]]:
    """(start, end, actor, camp, adjectival) of actor mentions in body sentences.

    Names, aliases and roles come from :func:`analysis.actors.actor_mentions` (which also finds persons by rule
    when there is no actors file), without the rule-found one-word "persons" that are most likely no one
    (:func:`analysis.actors.doubtful_person_spans`: "Stadiums almost never pay", "Local 12", "homes in Leeds");
    a camp adjective ("a Russian projectile") counts as an adjectival mention of the actor that lists it. The
    first word of a quotation is left out on the same grounds (:func:`_quote_openers`). A definite role
    description ("the minister") is a mention of the one person the article named with that role before
    (:func:`analysis.actors.role_mention_rows`).
    """
    from .actors import (
        actor_mention_rows,
        default_actors_path,
        doubtful_person_spans,
        load_actors,
        role_mention_rows,
    )

    if actors is None:  # as actor_mentions does
        actors = load_actors(default_actors_path(article.path))
    adjectives = _adjective_pattern(actors)
    doubtful = doubtful_person_spans(article, actors) | _quote_openers(article, actors)
    rows = []
    for _, actor, camp, mention, start, end, _ in actor_mention_rows(article, actors) + role_mention_rows(
            article, actors):  # "the minister": the one minister named before
        if doc.sentence_at(int(start)) is None or (start, end) in doubtful:
            continue
        if adjectives is not None and mention in adjectives[1]:
            continue  # a camp adjective taken for a name by the person rules ("Karstian"): added below
        rows.append((int(start), int(end), str(actor), _clean(camp), False))
    if adjectives is not None:
        taken = sorted((a, b) for a, b, *_ in rows)
        text = article.text
        for s in doc.sentences:
            for m in adjectives[0].finditer(text, s.start, s.end):
                i = bisect.bisect_right(taken, (m.start(), len(text))) - 1
                if i >= 0 and taken[i][0] <= m.start() < taken[i][1]:
                    continue
                actor = adjectives[1][m.group(0)]
                rows.append((m.start(), m.end(), actor.name, actor.camp, True))
    return rows


_QUOTE_OPENING = re.compile(r"[\"\u201c\u2018]\s*$|(?:^|(?<=\s))'$")  # an opening quotation mark right before a word


def _quote_openers(article: Article, actors: Any) -> frozenset[tuple[int, int]]:
    """Rule-found one-word "persons" that open a quotation and are seen nowhere else but at such openings or at
    sentence starts (user audit 7: in 'she told me, "People don't need a review"', "People" became the actor
    a later "her" referred to): a quotation's first word is capitalised as a sentence's is, so, as at a
    sentence start (:func:`analysis.actors.doubtful_person_spans`), the capital proves no name. A word the
    article also capitalises in mid-clause elsewhere ("... said Varga", "blamed Varga") is left alone.
    """
    from .actors import Actors, unconfirmed_person_spans

    if not isinstance(actors, Actors):
        return frozenset()
    text = article.text
    candidates = [(a, b) for a, b in unconfirmed_person_spans(article, actors)
                  if _QUOTE_OPENING.search(text, max(0, a - 3), a)]
    if not candidates:
        return frozenset()
    doc = parse(article)
    out = set()
    for a, b in candidates:
        word = text[a:b]
        elsewhere = False
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w-])", text):
            if m.start() == a:
                continue
            sentence = doc.sentence_at(m.start())
            if sentence is None:
                continue
            before = text[sentence.start:m.start()]
            if before.strip(" \"\u201c\u2018([") and not _QUOTE_OPENING.search(before):
                elsewhere = True  # capitalised in mid-clause: more likely a name
                break
        if not elsewhere:
            out.add((a, b))
    return frozenset(out)


def _adjective_pattern(actors: Any) -> tuple[re.Pattern[str], dict[str, Any]] | None:
    if actors is None:
        return None
    table = {adj: a for a in getattr(actors, "actors", ()) for adj in getattr(a, "adjectives", ())}
    if not table:
        return None
    alternation = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), table


def _context(article: Article, actors: Any, quotes: pd.DataFrame | None) -> _Context:
    doc = parse(article)
    actors = _actors_for(article, actors)
    qdf = _quotes_for(article, actors, quotes)
    qcols = _quote_columns(qdf)
    qspans = _quote_spans(qdf, actors, qcols)
    ctx = _Context(article, doc, actors, qspans, [q.start for q in qspans], [], [], _camp_names(actors), qdf, qcols)
    text = article.text
    raw: list[_Mention] = []
    # cached per (article, actors): the notebook asks for stance, framing and sentiment of one article
    for start, end, actor, camp, adjectival in _name_mentions(article, doc, actors):
        raw.append(_make_mention(ctx, start, end, actor, camp, "adjective" if adjectival else "name"))
    taken = sorted((m.start, m.end) for m in raw)
    for s in doc.sentences:
        for m in _PRONOUN_RE.finditer(text, s.start, s.end):
            i = bisect.bisect_right(taken, (m.start(), len(text))) - 1
            if i >= 0 and taken[i][0] <= m.start() < taken[i][1]:
                continue
            word = m.group(0)
            q = ctx.quote_at(m.start())
            if word in _SELF_PRONOUNS:
                if q < 0 or not qspans[q].speaker:
                    continue
                raw.append(_make_mention(ctx, m.start(), m.end(), qspans[q].speaker, qspans[q].camp, "self",
                                         s.index))
            else:
                raw.append(_make_mention(ctx, m.start(), m.end(), None, None, "pronoun", s.index))
    _agree_with_quotes(ctx, raw)
    raw.sort(key=lambda m: (m.start, -m.end))
    ctx.mentions = raw
    ctx.starts = [m.start for m in raw]
    _resolve_pronouns(ctx)
    return ctx


def _frame_speakers(ctx: _Context) -> dict[tuple[int, int], tuple[str | None, str | None]]:
    """(mention_start, mention_end) -> (speaker, camp) of the quotation table's rows that name a mention."""
    cols = ctx.qcols or {}
    frames: dict[tuple[int, int], tuple[str | None, str | None]] = {}
    camps = cols.get("camp") or [None] * len(cols.get("speaker", ()))
    for a, b, speaker, camp in zip(cols.get("mention_start", ()), cols.get("mention_end", ()),
                                   cols.get("speaker", ()), camps):
        if isinstance(a, (int, np.integer)) and isinstance(b, (int, np.integer)):
            speaker = _clean(speaker)
            frames.setdefault((int(a), int(b)), (speaker, _clean(camp) if speaker else None))
    return frames


def _agree_with_quotes(ctx: _Context, raw: list[_Mention]) -> None:
    """Make the mentions agree with the quotation table on who speaks (user audit 5: stance named a speaker
    "Tory" where quotes left "the Tory leader insisted" unresolved).

    A pronoun that is a quotation's frame mention ("..., he said") takes the table's speaker; where the table
    leaves the speaker unresolved, the pronoun stays unresolved (kind ``frame``). A frame mention the table
    leaves unresolved ("the Tory leader") is added as an unknown person (kind ``frame``), and a name inside it
    ("Tory") is no person: a later "he" finds the unknown speaker and stays unresolved, as in quotes."""
    frames = _frame_speakers(ctx)
    if not frames:
        return
    unresolved = sorted(span for span, (speaker, _) in frames.items() if not speaker)
    spans = {(m.start, m.end) for m in raw}
    for k, m in enumerate(raw):
        hit = frames.get((m.start, m.end))
        if hit is not None and m.kind == "pronoun":
            raw[k] = m._replace(actor=hit[0], camp=hit[1]) if hit[0] else m._replace(kind="frame")
        elif m.kind == "name" and m.person and any(
                a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in unresolved):
            raw[k] = m._replace(person=False)
    for a, b in unresolved:
        if (a, b) not in spans and ctx.doc.sentence_at(a) is not None:
            raw.append(_make_mention(ctx, a, b, None, None, "frame")._replace(person=True))


def _make_mention(ctx: _Context, start: int, end: int, actor: str | None, camp: str | None, kind: str,
                  sentence_index: int | None = None) -> _Mention:
    """The mention at ``[start, end)``; ``sentence_index``, when the caller knows it, saves the look-up."""
    text = ctx.article.text
    surface = text[start:end]
    if sentence_index is None:
        sentence = ctx.doc.sentence_at(start)
        sentence_index = sentence.index if sentence else -1
    before = _WORD.findall(text[max(0, start - 30):start])
    low = surface.lower()
    possessive = low in _POSSESSIVE_PRONOUNS or low in {"my", "our"} or bool(_POSSESSIVE_AFTER.match(text[end:end + 3]))
    person = kind == "pronoun" or (kind == "self" and low in {"i", "me", "my"}) or (
        kind == "name" and _is_person_in(ctx, actor))
    return _Mention(start, end, surface, actor, camp, sentence_index, kind, person,
                    possessive, bool(before) and before[-1].lower() in _PREPOSITIONS, ctx.quote_at(start))


def _antecedent(ctx: _Context, i: int, exclude: frozenset[str] = frozenset()) -> _Mention | None:
    """The nearest earlier person mention a third-person pronoun can refer to, skipping ``exclude``.

    A subject pronoun ("he said") prefers a subject-like antecedent (not possessive, not after a preposition).
    """
    pron = ctx.mentions[i]
    subject = pron.text.lower() in _SUBJECT_PRONOUNS
    fallback = None
    for j in range(i - 1, -1, -1):
        cand = ctx.mentions[j]
        if cand.sentence < pron.sentence - _LOOKBACK_SENTENCES:
            break
        if cand.kind == "frame" and cand.person and not cand.actor and not (subject and cand.after_prep):
            return None  # the nearest person is a speaker the quotation table could not name
        if not cand.person or not cand.actor or cand.actor in exclude:
            continue
        if pron.quote < 0 and cand.quote >= 0 and cand.kind != "name":
            continue
        if subject and (cand.possessive or cand.after_prep):
            fallback = fallback or cand
            continue
        return cand
    return fallback


def _with_actor(m: _Mention, ante: _Mention) -> _Mention:
    """``m._replace(actor=ante.actor, camp=ante.camp)``, without _replace's keyword handling."""
    return _Mention(m.start, m.end, m.text, ante.actor, ante.camp, m.sentence, m.kind, m.person, m.possessive,
                    m.after_prep, m.quote)


def _resolve_pronouns(ctx: _Context) -> None:
    for i, m in enumerate(ctx.mentions):
        if m.kind != "pronoun" or m.actor:  # a quotation's frame pronoun has the table's speaker already
            continue
        ante = _antecedent(ctx, i)
        if ante is not None:
            ctx.mentions[i] = _with_actor(m, ante)


# --------------------------------------------------------------------------------------------------------------
# Helpers on spans


def _words_between(text: str, a: int, b: int) -> list[str] | None:
    """Words of ``text[a:b]``, or None when a clause break or quotation mark lies between."""
    chunk = text[a:b]
    if _CLAUSE_BREAK.search(chunk):
        return None
    return _WORD.findall(chunk)


def _clause_words_before(text: str, sentence_start: int, pos: int, limit: int) -> list[tuple[str, int]]:
    chunk = text[sentence_start:pos]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(chunk):
        cut = m.end()
    words = [(m.group(0), sentence_start + cut + m.start()) for m in _WORD.finditer(chunk[cut:])]
    return words[-limit:]


def _words_before_mention(ctx: _Context, m: _Mention, limit: int) -> list[tuple[str, int]]:
    """The last ``limit`` words of mention ``m``'s clause before it, lower-cased, with their offsets, less the
    determiners right before the mention ("shops on the Harbour Lane" ends in "on"): what the rules on the word
    before a mention read (a locative, a naming verb, an affiliation, a clause opener)."""
    sentence = ctx.doc.sentences[m.sentence]
    words = [(w.lower(), at) for w, at in _clause_words_before(ctx.article.text, sentence.start, m.start, limit)]
    while words and words[-1][0] in _DETERMINERS:
        words.pop()
    return words


def _label(ctx: _Context, m: _Mention) -> tuple[str, str | None, int]:
    """Display label, camp and end of a mention; "US" in "US (and NATO) officials" becomes "US officials"."""
    actor = m.actor or m.text
    if m.kind in ("name", "adjective") and _actor_type(ctx.actors, actor) in ("place", "group"):
        g = _GROUP_NOUN.match(ctx.article.text, m.end, min(len(ctx.article.text), m.end + 60))
        if g:
            group = f"{m.text} {g.group(1)}"
            return _canonical(ctx.actors, group) or f"{m.camp or actor} {g.group(1)}", m.camp, g.end()
    return actor, m.camp, m.end


def _groups(ctx: _Context, m: _Mention) -> bool:
    """Whether an adjectival mention heads a group ("Russian officials"), so that it can be a source."""
    return bool(_GROUP_NOUN.match(ctx.article.text, m.end, min(len(ctx.article.text), m.end + 60)))


def _coordinated_before(ctx: _Context, i: int) -> list[int]:
    """Mentions coordinated with mention ``i`` from the left ("US and NATO officials" -> US)."""
    out = []
    text = ctx.article.text
    j = i - 1
    cur = ctx.mentions[i]
    while j >= 0:
        prev = ctx.mentions[j]
        if prev.sentence != cur.sentence or not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[prev.end:cur.start]):
            break
        out.append(j)
        cur = prev
        j -= 1
    return out


def _coordinated_after(ctx: _Context, i: int) -> list[int]:
    out = []
    text = ctx.article.text
    cur = ctx.mentions[i]
    for j in range(i + 1, len(ctx.mentions)):
        nxt = ctx.mentions[j]
        if nxt.sentence != cur.sentence or not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?",
                                                             text[cur.end:nxt.start]):
            break
        out.append(j)
        cur = nxt
    return out


# --------------------------------------------------------------------------------------------------------------
# Stance from cues


class _Party(NamedTuple):
    """A source or target of a judgement: display label, camp, actor (None for the narrator); immutable. A named
    tuple: thousands are built an article's worth of runs (a frozen dataclass costs several times as much)."""

    label: str
    camp: str | None
    actor: str | None


def _party(ctx: _Context, i: int, exclude: frozenset[str] = frozenset()) -> _Party | None:
    m = ctx.mentions[i]
    if m.kind == "pronoun" and (m.actor is None or m.actor in exclude):
        ante = _antecedent(ctx, i, exclude)
        if ante is None:
            return None
        m = _with_actor(m, ante)
    if not m.actor:
        return None
    label, camp, _ = _label(ctx, m)
    return _Party(label, camp, m.actor)


def _narrator() -> _Party:
    return _NARRATOR_PARTY


_NARRATOR_PARTY = _Party(NARRATOR, None, None)


def _quote_speaker(ctx: _Context, q: int) -> _Party | None:
    if q < 0 or not ctx.quotes[q].speaker:
        return None
    speaker = ctx.quotes[q].speaker
    return _Party(speaker, ctx.quotes[q].camp, speaker)


def _subject_before(ctx: _Context, sentence: int, pos: int, quote: int,
                    exclude_idx: frozenset[int] = frozenset()) -> list[int]:
    """The nearest subject-like mention before ``pos`` in the sentence (and those coordinated with it)."""
    for i in reversed(ctx.in_sentence(sentence)):
        m = ctx.mentions[i]
        if m.end > pos or i in exclude_idx:
            continue
        if m.quote != quote or m.possessive or m.after_prep or (m.kind == "adjective" and not _groups(ctx, m)):
            continue
        return [i, *_coordinated_before(ctx, i)]
    return []


def _sources(ctx: _Context, sentence: int, pos: int, quote: int, exclude_idx: frozenset[int]) -> list[_Party]:
    """Who holds the cue at ``pos``: a modifier right before a nominal cue, the subject mention before it, a
    description standing as the verb cue's subject (:func:`_clause_holder`: "fishing groups accused her"), the
    speaker the quotation table gives this cue; the speaker of the quotation around the cue, or the narrator,
    only when nothing stands before the cue in its clause. An empty list: the holder is unknown (the row goes)."""
    text = ctx.article.text
    for i in reversed(ctx.in_sentence(sentence)):
        m = ctx.mentions[i]
        if m.end <= pos:
            # A modifier right before a nominal cue is its holder: "US differences with", "Biden's break with".
            if i not in exclude_idx and re.fullmatch(r"(?:[’']s?)?\s*", text[m.end:pos]) and m.kind == "name":
                return [p for j in (i, *_coordinated_before(ctx, i)) if (p := _party(ctx, j))]
            break
    found = _subject_before(ctx, sentence, pos, quote, exclude_idx)
    parties = [p for i in found if (p := _party(ctx, i))]
    if parties:
        return parties
    kind, span = _clause_holder(ctx, ctx.doc.sentences[sentence].start, pos, quote)
    if kind == "np" and span is not None:
        return [_description_party(ctx, *span)]
    if kind == "open":
        return [_quote_speaker(ctx, quote) or _narrator()]
    holder = _table_holder(ctx, pos)
    return [holder] if holder is not None else []


def _clause_holder(ctx: _Context, sentence_start: int, pos: int, quote: int) -> tuple[str, tuple[int, int] | None]:
    """What stands before the verb cue at ``pos`` in its clause (``[subject]`` of ``stance_cues.toml``).

    Returns ("open", None) when nothing does but auxiliaries, adverbs, negations, time words or an expletive
    "there" (the cue opens its clause: its holder is the quotation's speaker or the narrator); ("np", (start,
    end)) for a noun phrase that is the cue's subject ("fishing groups accused her", "The judge agreed with",
    "Democrats also blasted"); ("unknown", None) for anything else: an unresolved pronoun ("after it backed"), a
    relative pronoun ("who supports"), a quantifier ("most support"), a passive ("was accused of"), an
    infinitive ("refused to accuse"), a long or cut phrase. A nominal cue ("a rare break with", "no evidence")
    is always "open": the words before a noun are no subject.
    """
    rules = _rules().subject
    text = ctx.article.text
    first = _WORD.match(text, pos)
    cue_word = first.group(0).lower() if first else ""
    if cue_word in rules["nominal"]:
        return "open", None
    lo = sentence_start if quote < 0 else max(sentence_start, ctx.quotes[quote].start)
    cut = lo
    for m in _HOLDER_BREAK.finditer(text, lo, pos):
        cut = m.end()
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, cut, pos)]
    k = len(words)
    passive = False
    while k:
        low = words[k - 1][0].lower()
        prev = words[k - 2][0].lower() if k >= 2 else ""
        if low in rules["time"]:
            k -= 2 if prev in rules["time_lead"] else 1
            continue
        adverb = low == words[k - 1][0] and low.endswith("ly") and prev not in rules["determiners"] and not prev.endswith(("'s", "’s"))
        if low in rules["skip"] or adverb or low.endswith(("n't", "n’t")):
            passive = passive or low in rules["passive"]
            k -= 1
            continue
        break
    if k <= 0:
        return "open", None
    if passive and cue_word.endswith("ed"):
        return "unknown", None
    last = words[k - 1][0].lower()
    base = re.split(r"['’]", last)[0]  # "we're", "they’ve"
    if k == 1 and (last in rules["expletive"] or last in rules["conjunctions"]):
        return "open", None  # "There is no evidence", "Or support Paul Ryan"
    if quote < 0 and base in rules["first_person"]:
        return "open", None  # a columnist's "I disagree with": the narrator
    if (base in rules["no_holder"] or last in rules["boundary"] or last in rules["determiners"]
            or last in rules["inner"] or last.endswith(("ing", "ed")) or last in _connotations()[0]):
        return "unknown", None  # a pronoun, a relative, a quantifier; a verb ("continue supporting")
    j = k - 1
    while j > 0:
        low = words[j - 1][0].lower()
        if low in rules["determiners"]:
            j -= 1
            break
        if low in rules["boundary"] or low in rules["no_holder"] or low in rules["skip"]:
            break
        j -= 1
    while j < k and words[j][0].lower() in rules["inner"]:
        j += 1
    if j >= k or k - j > rules["max_words"] or not any(c.isalpha() for c in words[k - 1][0]):
        return "unknown", None
    if j > 0 and words[j - 1][0].lower() in rules["prepositions"]:
        return "unknown", None  # the object of a preposition ("a vote for Kasich helps", "a win in the primary is")
    return "np", (words[j][1], words[k - 1][2])


_HOLDER_BREAK = re.compile(r"[,;:—–()\[\]\u201c\u201d\"]|\s-\s")


def _description_party(ctx: _Context, start: int, end: int) -> _Party:
    """A source named by a description ("fishing groups", "the judge"): its words, a leading capital article
    lower-cased, with the camp the actors file gives the phrase (if any)."""
    label = _SPACES.sub(" ", ctx.article.text[start:end])
    first, _, rest = label.partition(" ")
    if rest and first.lower() in _rules().subject["determiners"]:
        label = f"{first.lower()} {rest}"
    return _Party(label, _camp_of(ctx.actors, label), label)


def _table_holder(ctx: _Context, pos: int) -> _Party | None:
    """The speaker the quotation table gives the cue starting at ``pos`` ("groups accused her of ..." is a
    quotation of the groups), or None (no such cue, or the table could not name its speaker)."""
    cols = ctx.qcols or {}
    camps = cols.get("camp") or [None] * len(cols.get("speaker", ()))
    for a, b, speaker, camp in zip(cols.get("cue_start", ()), cols.get("cue_end", ()), cols.get("speaker", ()), camps):
        if isinstance(a, (int, np.integer)) and isinstance(b, (int, np.integer)) and int(a) <= pos < int(b):
            speaker = _clean(speaker)
            if not speaker:
                return None
            return _Party(str(speaker), _clean(camp) or _camp_of(ctx.actors, speaker), str(speaker))
    return None


def _object_after(ctx: _Context, sentence: int, pos: int, gap: int) -> list[int]:
    text = ctx.article.text
    for i in ctx.in_sentence(sentence):
        m = ctx.mentions[i]
        if m.start < pos:
            continue
        words = _words_between(text, pos, m.start)
        if words is None:
            return []
        if len([w for w in words if w.lower() not in _DETERMINERS]) > gap:
            return []
        return [i, *_coordinated_after(ctx, i)]
    return []


def _subject_slot(ctx: _Context, sentence: int, pos: int, gap: int) -> list[int]:
    text = ctx.article.text
    for i in reversed(ctx.in_sentence(sentence)):
        m = ctx.mentions[i]
        if m.end > pos:
            continue
        words = _words_between(text, m.end, pos)
        if words is None:
            return []
        words = [w for w in words if not re.fullmatch(r"[’']?s", w)]
        if len([w for w in words if w.lower() not in _DETERMINERS]) > gap:
            return []
        return [i, *_coordinated_before(ctx, i)]
    return []


def _claim_anchors(ctx: _Context, overrides: dict[int, _Party]) -> list[tuple[int, _Party]]:
    """(offset, claimant) for "X's claim(s)/assessment/..." and "X claimed/insisted" in the body."""
    rules = _rules()
    text = ctx.article.text
    anchors = []
    for i, m in enumerate(ctx.mentions):
        after = text[m.end:m.end + 60]
        words = _WORD.findall(after)[:3]
        if not words:
            continue
        lowered = [w.lower().rstrip("’'") for w in words]
        if m.possessive:
            owned = [w for w in lowered if w not in ("s",)][:2]
            hit = any(w in rules.claim_nouns for w in owned)
        else:
            hit = lowered[0] in rules.claim_verbs
        if not hit:
            continue
        party = overrides.get(m.start) or _party(ctx, i)
        if party is not None:
            anchors.append((m.start, party))
    return anchors


def _negation(ctx: _Context, sentence_start: int, pos: int, quote: int) -> tuple[int | None, str | None]:
    """Where a negation or hedge before ``pos`` starts, and which ("negated"/"hedged"), or (None, None)."""
    rules = _rules()
    text = ctx.article.text
    words = _clause_words_before(text, sentence_start, pos, max(rules.negation_window, rules.hedge_window))
    if quote >= 0:
        words = [(w, o) for w, o in words if o >= ctx.quotes[quote].start]
    for w, o in words[-rules.negation_window:]:
        low = w.lower()
        if low in rules.negation_words or low.endswith(("n't", "n’t")):
            return (o + len(w) - 3 if low.endswith(("n't", "n’t")) and low not in ("n't", "n’t") else o), "negated"
    clause = text[words[0][1] if words else pos:pos].lower()
    for phrase in rules.negation_phrases:
        k = clause.rfind(phrase)
        if k >= 0:
            return (words[0][1] + k), "negated"
    for w, o in words[-rules.hedge_window:]:
        if w.lower() in rules.hedge_words:
            return o, "hedged"
    return None, None


def _cue_rows(ctx: _Context) -> list[dict[str, Any]]:
    rules = _rules()
    text = ctx.article.text
    rows: list[dict[str, Any]] = []
    overrides: dict[int, _Party] = {}
    pending_claims = []
    lowered = text.lower()
    lower_case = len(lowered) == len(text)
    for s in ctx.doc.sentences:
        matches = (_cue_matches(rules, lowered, s.start, s.end) if lower_case
                   else rules.regex_i.finditer(text, s.start, s.end))
        for match in matches:
            cue = rules.cues[match.lastgroup]
            c_start, c_end = match.span()
            quote = ctx.quote_at(c_start)
            if cue.quoted_only and quote < 0:
                continue
            neg_at, neg_kind = _negation(ctx, s.start, c_start, quote)
            cue_start = neg_at if neg_at is not None else c_start
            polarity = 0 if neg_kind else cue.polarity
            score = 0.0 if neg_kind else cue.polarity * cue.weight
            base = {"polarity": polarity, "score": score, "cue_start": cue_start, "cue_end": c_end, "signal": cue.signal,
                        "sentence": s.index, "start": s.start, "end": s.end, "evidence": s.text}
            if cue.target == "subject":
                targets = _subject_slot(ctx, s.index, c_start, cue.gap)
                source = _quote_speaker(ctx, quote) or _narrator()
                for t in targets:
                    party = _party(ctx, t)
                    if party and party.actor != source.actor:
                        rows.append(_row(source, party, base))
                continue
            if cue.target == "between":
                found = _object_after(ctx, s.index, c_end, 8)
                parties = _distinct([p for i in found if (p := _party(ctx, i))])
                if len(parties) >= 2:
                    a, b = parties[:2]
                    rows.append(_row(a, b, base))
                    rows.append(_row(b, a, base))
                continue
            if cue.target == "quoted_claim":
                rows.extend(_quoted_claim_rows(ctx, s.index, c_start, c_end, base))
                continue
            if cue.target == "object":
                objects = _object_after(ctx, s.index, c_end, cue.gap)
                sources = _sources(ctx, s.index, c_start, quote, frozenset(objects))
                for src in sources:
                    exclude = frozenset({src.actor}) if src.actor else frozenset()
                    for t in objects:
                        party = _party(ctx, t, exclude)
                        if party is None or party.actor == src.actor:
                            continue
                        if ctx.mentions[t].kind == "pronoun" and cue.signal == "disagreement":
                            overrides[ctx.mentions[t].start] = party
                        rows.append(_row(src, party, base))
                continue
            # claim: resolved after every object cue has set its pronoun overrides
            pending_claims.append((s, c_start, quote, base))
    if pending_claims:
        anchors = _claim_anchors(ctx, overrides)
        offsets = [a for a, _ in anchors]
        for s, c_start, quote, base in pending_claims:
            for src in _sources(ctx, s.index, c_start, quote, frozenset()):
                floor = ctx.doc.sentences[max(0, s.index - rules.claim_lookback)].start
                k = bisect.bisect_left(offsets, c_start) - 1
                while k >= 0 and offsets[k] >= floor:
                    claimant = anchors[k][1]
                    if claimant.actor != src.actor and claimant.label != src.label:
                        rows.append(_row(src, claimant, base))
                        break
                    k -= 1
    return rows


_APPOSITION_GAP = re.compile(r"[\s,\"\u201d\u2019']*")
_CLAIM_HOLDER = re.compile(r"\w+\s+\w+\s+(?:(?:that|which)\s+)?(?P<np>.+?)\s+\S+$", re.IGNORECASE | re.DOTALL)


def _quoted_claim_rows(ctx: _Context, sentence: int, c_start: int, c_end: int, base: dict[str, Any]
                       ) -> list[dict[str, Any]]:
    """Rows of a "quoted_claim" cue: "X said Moscow 'does not strike civilians', a claim Ukraine and its allies
    reject" (user audit 8). The actors named inside the cue, after the claim noun, reject the claim; its author is
    the speaker of the quotation the cue stands in apposition to (ending right before the cue, only commas and
    quotation marks between) or the quotation the cue stands in. No quotation, or one with no speaker: no row."""
    text = ctx.article.text
    author = None
    q = ctx.quote_at(c_start)
    if q >= 0:
        author = _quote_speaker(ctx, q)
    else:
        k = bisect.bisect_right(ctx.quote_starts, c_start) - 1
        while k >= 0 and ctx.quotes[k].end > c_start:
            k -= 1
        if k >= 0 and ctx.quotes[k].end >= ctx.doc.sentences[sentence].start and \
                _APPOSITION_GAP.fullmatch(text, ctx.quotes[k].end, c_start):
            author = _quote_speaker(ctx, k)
    if author is None:
        return []
    inside = [i for i in ctx.in_sentence(sentence)
              if c_start <= ctx.mentions[i].start and ctx.mentions[i].end <= c_end
              and ctx.mentions[i].actor is not None]
    if inside:
        sources = _distinct([p for j in (inside[0], *_coordinated_after(ctx, inside[0])) if (p := _party(ctx, j))])
    else:  # no known actor ("Ukraine and its allies" with no actors file): the noun phrase itself, if it names one
        holder = _CLAIM_HOLDER.match(text, c_start, c_end)
        words = holder.group("np").lower().split() if holder else []
        if not words or words[-1] in _rules().subject["no_holder"] or words[0] in _rules().subject["no_holder"]:
            return []
        sources = [_description_party(ctx, holder.start("np"), holder.end("np"))]
    return [_row(src, author, base) for src in sources if src.actor != author.actor and src.label != author.label]


def _distinct(parties: Iterable[_Party]) -> list[_Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.label not in seen:
            seen.add(p.label)
            out.append(p)
    return out


def _row(source: _Party, target: _Party, base: dict[str, Any]) -> dict[str, Any]:
    return dict(base, source=source.label, source_camp=source.camp, target=target.label, target_camp=target.camp)


# --------------------------------------------------------------------------------------------------------------
# Framing


def _framing_rows(ctx: _Context, qdf: pd.DataFrame | None) -> list[dict[str, Any]]:
    text = ctx.article.text
    rows: list[dict[str, Any]] = []
    spans = SpanIndex()

    def add(speaker: str, camp: str | None, c_start: int, c_end: int) -> None:
        sentence = ctx.doc.sentence_at(c_start)
        if sentence is None or spans.overlaps(c_start, c_end):
            return
        cue = text[c_start:c_end]
        lemma, connotation = connotation_of(cue)
        spans.add(c_start, c_end)
        rows.append({"article": ctx.article.id, "camp": camp, "speaker": speaker, "cue": cue, "lemma": lemma,
                         "connotation": connotation, "cue_start": c_start, "cue_end": c_end, "sentence": sentence.index,
                         "evidence": sentence.text, "start": sentence.start, "end": sentence.end})

    cols = ctx.qcols if qdf is ctx.qdf and ctx.qcols is not None else _quote_columns(qdf)
    if {"cue_start", "cue_end", "speaker"} <= cols.keys():
        camps = cols["camp"] if "camp" in cols else [None] * len(qdf)
        for speaker, camp, c_start, c_end in zip(cols["speaker"], camps, cols["cue_start"], cols["cue_end"]):
            speaker = _clean(speaker)
            if _clean(c_start) is None or _clean(c_end) is None:
                continue
            if not speaker:  # quotes saw this cue and could not name its speaker: no one else names one either
                spans.add(int(c_start), int(c_end))
                continue
            add(str(speaker), _clean(camp) or _camp_of(ctx.actors, speaker), int(c_start), int(c_end))

    for c_start, c_end, party in _narrator_verbs(ctx):
        add(party.label, party.camp, c_start, c_end)
    rows.sort(key=lambda r: r["cue_start"])
    return rows


def _lexicon_form_at(text: str, start: int, limit: int) -> int | None:
    """End of the listed reporting cue starting at ``start`` (two-word phrases first), or None."""
    forms = _connotations()[0]
    words = list(itertools.islice(_WORD.finditer(text, start, limit), 2))
    if not words or words[0].start() != start:
        return None
    if (len(words) == 2 and _SPACES.fullmatch(text[words[0].end():words[1].start()])
            and f"{words[0].group(0).lower()} {words[1].group(0).lower()}" in forms):
        return words[1].end()
    return words[0].end() if words[0].group(0).lower() in forms else None


def _narrator_verbs(ctx: _Context) -> Iterable[tuple[int, int, _Party]]:
    """Reporting verbs of the narrator with the actor they report on: "Zelenskyy backtracked", "said Blinken".

    Forward: the first word after the mention that is not an adverb, auxiliary or ", who" (a passive "was
    asked" stops the search). Inverted: a listed verb right before a mention that ends its clause, after a
    quotation or a comma ("...,” said Blinken.").
    """
    text = ctx.article.text
    forms = _connotations()[0]
    for i, m in enumerate(ctx.mentions):
        if m.quote >= 0 or m.possessive or m.after_prep or (m.kind == "adjective" and not _groups(ctx, m)):
            continue
        limit = ctx.doc.sentences[m.sentence].end
        _, _, pos = _label(ctx, m)
        for w in _WORD.finditer(text, pos, min(limit, pos + 80)):
            gap = text[pos:w.start()]
            low = w.group(0).lower()
            if _GAP_STOP.search(gap) or ("," in gap and low != "who"):
                break
            if low in _PASSIVE:
                break
            if low in _FRAMING_SKIP:
                pos = w.end()
                continue
            end = _lexicon_form_at(text, w.start(), limit)
            if end is not None and ctx.quote_at(w.start()) < 0:
                party = _party(ctx, i)
                if party is not None:
                    yield w.start(), end, party
            break
        before = text[max(0, m.start - 40):m.start]
        inverted = _INVERTED_VERB.search(before)
        if inverted and inverted.group(2).lower() in forms and _CLAUSE_END.match(text[m.end:limit]):
            v_start = m.start - len(before) + inverted.start(2)
            party = _party(ctx, i)
            if party is not None:
                yield v_start, v_start + len(inverted.group(2)), party


def _framing_stance_rows(ctx: _Context, framing_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rules = _rules()
    rows = []
    for f in framing_rows:
        if f["connotation"] not in rules.framing:
            continue
        polarity, weight = rules.framing[f["connotation"]]
        score = -weight if weight else 0.0
        rows.append({"source": NARRATOR, "source_camp": None, "target": f["speaker"], "target_camp": f["camp"],
                         "polarity": polarity, "score": score, "cue_start": f["cue_start"], "cue_end": f["cue_end"],
                         "signal": "framing", "sentence": f["sentence"], "start": f["start"], "end": f["end"],
                         "evidence": f["evidence"]})
    return rows


# --------------------------------------------------------------------------------------------------------------
# Target-level sentiment


@functools.lru_cache(maxsize=1)
@functools.lru_cache(maxsize=1)
def _sentiment_function() -> Any:
    try:
        from .targeted import target_sentiment

        target_sentiment("Nobody said anything.", 0, 7)  # loads the model; a missing weights file shows here
    except (ImportError, OSError):
        return _vader_window_sentiment  # sentiment_method() tells the reports that the stand-in ran
    return target_sentiment


@functools.lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentiment_method() -> str:
    """Which target-level sentiment function :func:`stance` uses (for the reports' "How this was computed")."""
    fn = _sentiment_function()
    if fn is _vader_window_sentiment:
        return ("VADER on the clause around the mention (stand-in: analysis.targeted or its weights file "
                "analysis/data/target_sentiment.npz is missing)")
    return f"{fn.__module__}.{fn.__name__}"


def _vader_window_sentiment(sentence: str, start: int, end: int) -> int:
    """Stand-in while ``analysis.targeted`` is absent: VADER on the clause around the mention."""
    lo = max(sentence.rfind(c, 0, start) for c in ",;:—") + 1
    hi = min([k for c in ",;:—" if (k := sentence.find(c, end)) >= 0] or [len(sentence)])
    compound = _vader().polarity_scores(sentence[lo:hi])["compound"]
    return 1 if compound >= 0.3 else -1 if compound <= -0.3 else 0


def _sentiment_rows(ctx: _Context, skip: set[tuple[Any, ...]] | None = None, *, judgements: bool = False
                    ) -> Iterator[dict[str, Any]]:
    """Target-level sentiment of each sentence toward each name mention in it, in text order.

    Args:
        ctx: the article's context.
        skip: ``(sentence, source, target)`` keys not to report (looked up again as the rows are consumed: the
            caller may add keys meanwhile); scoring is most of the cost of :func:`stance`, so the keys known
            up front are not scored at all, and the rest are scored in one batch.
        judgements: rows for the stance table, which keeps only what the signal can judge
            (:func:`_judgeable`, and a label the model gives with at least ``[judge].min_confidence``,
            :func:`analysis.targeted.target_sentiments_with_confidence`);
            :func:`mention_sentiment` keeps every mention and says in ``judged`` whether stance may use it.
    """
    candidates = []
    speaker_spans = _speaker_mention_spans(ctx)
    unconfirmed = _unconfirmed_spans(ctx)
    agencies = _agencies(ctx)
    for s in ctx.doc.sentences:
        for i in ctx.in_sentence(s.index):
            m = ctx.mentions[i]
            if m.kind != "name":
                continue
            target = _party(ctx, i)
            if target is None:
                continue
            source = _quote_speaker(ctx, m.quote) if m.quote >= 0 else _naming_source(ctx, i)
            source = source or _narrator()
            if source.actor and source.actor == target.actor:
                continue
            judged = (_judgeable(ctx, m, source, target, speaker_spans, unconfirmed)
                      and (source.actor, target.actor) not in agencies)
            if judgements and not judged:
                continue
            if skip is not None and (s.index, source.label, target.label) in skip:
                continue
            candidates.append((s, m, source, target, judged))
    items = [(s.text, m.start - s.start, m.end - s.start) for s, m, _, _, _ in candidates]
    polarities, confidences = _score_mentions_confidence(items)
    floor = _rules().judge["min_confidence"]
    unsure = {k for k, p in enumerate(confidences) if p < floor}  # NaN (neutral, or no model) is never under
    for k, ((s, m, source, target, judged), polarity) in enumerate(zip(candidates, polarities)):
        if skip is not None and (s.index, source.label, target.label) in skip:
            continue
        judged = judged and k not in unsure
        if judgements and not judged:
            continue
        yield {"article": ctx.article.id, "source": source.label, "source_camp": source.camp,
               "target": target.label, "target_camp": target.camp, "polarity": int(polarity), "mention": m.text,
               "mention_start": m.start, "mention_end": m.end, "sentence": s.index, "evidence": s.text,
               "start": s.start, "end": s.end, "judged": bool(judged)}


_LABEL_AFTER = re.compile(r"\s*(?:as\s+)?(?:[\"\u201c\u2018]|(?:a|an)\s)")  # 'the Bill "a hurried ...', 'X as a'


def _naming_source(ctx: _Context, i: int) -> _Party | None:
    """Who names mention ``i`` in narration with a label: "Kavitha Reddy termed the Bill 'a hurried piece of
    legislation'", "Lund called Varga a liar", "Sol described the plan as reckless" (a ``[judge].naming_verbs``
    verb, the mention as its object, then a quotation mark, "as" or "a/an"): the sentence's tone toward the
    mention is the namer's, not the narrator's (user audit 7). The namer is the subject mention before the verb
    (:func:`_subject_before`); None when there is none, or the mention is no such object."""
    m = ctx.mentions[i]
    text = ctx.article.text
    if not _LABEL_AFTER.match(text, m.end):
        return None
    words = _words_before_mention(ctx, m, 3)
    if not words or words[-1][0] not in _rules().judge["naming_verbs"]:
        return None
    verb = words[-1][1]
    if _words_between(text, verb, m.start) is None:
        return None
    for j in _subject_before(ctx, m.sentence, verb, -1):
        party = _party(ctx, j)
        if party is not None and ctx.mentions[j].person:
            return party
    return None


def _score_mentions_confidence(items: list[tuple[str, int, int]]) -> tuple[list[int], list[float]]:
    """:func:`_score_mentions` with the probability the model gives each non-neutral label (NaN for neutral
    labels, and for all with the VADER stand-in, which has no probabilities; inf where it is surely above
    ``[judge].min_confidence``), from the same batch."""
    if not items:
        return [], []
    if _sentiment_function() is _vader_window_sentiment:
        return _score_mentions(items), [float("nan")] * len(items)
    from .targeted import target_sentiments_with_confidence

    pairs = target_sentiments_with_confidence(items, floor=_rules().judge["min_confidence"])
    return [label for label, _ in pairs], [p for _, p in pairs]


# Words after which a place's name may open a clause as its subject ("..., and Moscow rejected", "said Warsaw
# would"); a reporting verb counts too (``cue_connotations.tsv``).
_CLAUSE_OPENERS = frozenset(
    ["that", "and", "but", "or", "nor", "while", "whereas", "because", "as", "if", "when", "after", "before",
     "since", "although", "though", "whether", "where", "so", "yet", "then", "now", "also", "still"])


def _place_as_subject(ctx: _Context, m: _Mention) -> bool:
    """Whether a place's mention opens its clause (after any determiner, conjunction or reporting verb) and so
    stands for who acts there ("Moscow rejected the plan", "said Warsaw would"), rather than where or to whom
    something happens ("plants near Kyiv", "a ram against Russia", "targeting Ukraine's ability")."""
    words = [w for w, _ in _words_before_mention(ctx, m, 4)]
    return not words or words[-1] in _CLAUSE_OPENERS or words[-1] in _connotations()[0]


def _judgeable(ctx: _Context, m: _Mention, source: _Party, target: _Party, speaker_spans: list[tuple[int, int]],
               unconfirmed: frozenset[tuple[int, int]]) -> bool:
    """Whether the sentence's tone toward mention ``m`` may stand as ``source``'s judgement of ``target``.

    The target-level sentiment model reads a sentence's words around a mention; its polarity is a judgement of
    the target only where the target is someone who can be judged for what the sentence says. Left out:

    * a quotation's speaker named in its frame ("..., Kovac said"): the tone is the speaker's own words;
    * the source's own camp (Stoltenberg on "the alliance must prepare for a long war", Putin on "a battering
      ram against Russia"): a speaker's own side in their words is what they speak for or about, and a cue
      (blame, disagreement) still records a real break with one's own side;
    * a place (an actor of type ``place``) other than as its clause's subject (:func:`_place_as_subject`):
      "power plants near Kyiv", "a battering ram against Russia", "targeting Ukraine's ability": where
      something happens, or to whom, is no stance toward the place; as subject ("Moscow rejected the plan",
      "said Warsaw would") it stands for its government and is judged;
    * (checked by the caller, :func:`_agencies`) the person a speaker speaks for as their lawyer, spokesperson
      or representative ("Her lawyer, Carla Mendes, argued that Harlow had been following instructions"): the
      sentence's tone is about the charge the advocate answers, not the advocate's stance toward the client;
    * a lone capitalised word the article never confirms as a person's name
      (:func:`analysis.actors.unconfirmed_person_spans`: "the Leopard tanks", "stealing from Medicaid", "the
      Chesham by-election", "Muslims", a quotation's "Let"): a thing, a programme, a town or a group, unless
      a quotation of the article has that name as its speaker. The price: a well-known person whom the article
      names by surname alone and never quotes ("Obama is not admitting ...") is no target of this signal.
    """
    if m.quote < 0 and any(a < m.end and m.start < b for a, b in speaker_spans):
        return False
    if source.camp and source.camp == target.camp:
        return False
    if (m.start, m.end) in unconfirmed:
        return False
    judge = _rules().judge
    if source.actor and source.label.lower() in judge["news_agencies"]:
        return False
    if (m.after_prep and _affiliation(ctx, m)) or _authorship(ctx, m) or (m.possessive and _speaks_for(ctx, m)):
        return False
    if m.quote < 0 and _in_apposition(ctx, m):
        return False
    if _located(ctx, m):
        return False
    return _actor_type(ctx.actors, target.actor) != "place" or _place_as_subject(ctx, m)


def _located(ctx: _Context, m: _Mention) -> bool:
    """Whether a rule-found name (none of the actors file) is where something happens: right after a
    ``[judge].locatives`` preposition ("attacked shops on Regent Row", "homes in Harwood Vale"; determiners may
    stand between) and never seen with a title, an honorific or a known first name (user audit 7: "Police ->
    Regent Row -1" was a street judged). A place is no stance target (as :func:`_judgeable` says of the actors
    file's places); a person so named ("a meeting in Ana Ruiz's office") has a first name and is kept."""
    if _actor_type(ctx.actors, m.actor) is not None:
        return False
    words = [w for w, _ in _words_before_mention(ctx, m, 3)]
    if not words or words[-1] not in _rules().judge["locatives"]:
        return False
    from .actors import article_persons

    index = article_persons(ctx.article)[1]
    pid = index.person_named(m.text)
    return pid is None or not (index.titles(pid) or index.gender(pid))


def _affiliation(ctx: _Context, m: _Mention) -> bool:
    """Whether the mention names where people speak from: "Analysts at Morgan Stanley were more cautious",
    "a spokeswoman for X says" (``[judge].affiliated`` noun, ``affiliation_links`` preposition, determiners
    between): the sentence's tone is about those people, not about the organisation."""
    judge = _rules().judge
    words = [w for w, _ in _words_before_mention(ctx, m, 5)]
    return len(words) >= 2 and words[-1] in judge["affiliation_links"] and words[-2] in judge["affiliated"]


def _speaks_for(ctx: _Context, m: _Mention) -> bool:
    """Whether a possessive mention names whom a person speaks for: "Trevino's campaign manager, Kyle Benton,
    said", "the company's lawyers argued" (a ``[judge].speaks_for`` noun within two words after it): the tone
    is that person's words or acts."""
    words = [w.lower() for w in _WORD.findall(ctx.article.text, m.end, min(len(ctx.article.text), m.end + 40))]
    if words and words[0] in ("s", "’s", "'s"):
        words = words[1:]
    return any(w in _rules().judge["speaks_for"] for w in words[:2])


def _in_apposition(ctx: _Context, m: _Mention) -> bool:
    """Whether the mention stands in an apposition that describes a person named just before it: "State Sen.
    Dorothy Klein, a Republican who campaigned for Delgado, blamed national issues": the sentence's tone is
    what the person does (Klein's blame), not a judgement of whom the description names."""
    text = ctx.article.text
    sentence = ctx.doc.sentences[m.sentence]
    comma = text.rfind(",", sentence.start, m.start)
    if comma < 0 or text.find(",", m.end, sentence.end) < 0:
        return False
    if not re.match(r"\s*(?:a|an|the)\s", text[comma + 1:m.start]) or _CLAUSE_BREAK.search(text, comma + 1, m.start):
        return False
    k = bisect.bisect_left(ctx.starts, comma) - 1
    while k >= 0 and ctx.mentions[k].end > comma:
        k -= 1
    return k >= 0 and ctx.mentions[k].end == comma and ctx.mentions[k].person and ctx.mentions[k].kind == "name"


def _authorship(ctx: _Context, m: _Mention) -> bool:
    """Whether the mention is the author of the claim the sentence reports: "The suit, brought by former
    engineer Dana Whitfield, alleges that ..." (an ``[judge].authorship`` participle, "by", at most three
    lower-case words)."""
    judge = _rules().judge
    sentence = ctx.doc.sentences[m.sentence]
    words = [w for w, _ in _clause_words_before(ctx.article.text, sentence.start, m.start, 6)]
    k = len(words)
    while k and words[k - 1].islower() and words[k - 1] != "by" and len(words) - k < 3:
        k -= 1
    return k >= 2 and words[k - 1] == "by" and words[k - 2].lower() in judge["authorship"]


_AGENT = (r"(?:\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir)|(?P<name>[A-Z][\w.\-]*?)['\u2019]s?)\s+"
          r"(?:defen[cs]e\s+|own\s+|longtime\s+|personal\s+)?"
          r"(?:lawyers?|attorneys?|counsel|spokes(?:man|woman|person)|representatives?|agents?|publicists?)")
_AGENT_BEFORE = re.compile(_AGENT + r"\s*,\s*$")  # "Her lawyer, Carla Mendes"
_AGENT_AFTER = re.compile(r"\s*,\s*(?:the\s+)?" + _AGENT + r"\b")  # "Carla Mendes, Harlow's attorney"
_GENDER_OF = {"his": "male", "her": "female"}


def _agencies(ctx: _Context) -> frozenset[tuple[str, str]]:
    """(speaker, principal) pairs where a quotation's speaker is introduced as someone's lawyer, spokesperson
    or representative ("Her lawyer, Carla Mendes, argued", "Carla Mendes, Harlow's attorney, said"): the speaker
    speaks for the principal. A possessive pronoun is the nearest earlier named person not known to be of the
    other gender (by first name or honorific, :meth:`analysis.speakers.PersonIndex.gender`), "their" the nearest
    one."""
    cols = ctx.qcols or {}
    text = ctx.article.text
    pairs: set[tuple[str, str]] = set()
    for a, b, speaker in zip(cols.get("mention_start", ()), cols.get("mention_end", ()), cols.get("speaker", ())):
        speaker = _clean(speaker)
        if not speaker or not isinstance(a, (int, np.integer)) or not isinstance(b, (int, np.integer)):
            continue
        a, b = int(a), int(b)
        m = _AGENT_BEFORE.search(text, max(0, a - 60), a) or _AGENT_AFTER.match(text, b)
        if m is None:
            continue
        principal = (_principal_by_pronoun(ctx, m.start(), m.group("pron").lower(), speaker) if m.group("pron")
                     else _principal_by_name(ctx, m.start("name"), speaker))
        if principal:
            pairs.add((speaker, principal))
    return frozenset(pairs)


def _principal_by_name(ctx: _Context, start: int, speaker: str) -> str | None:
    i = bisect.bisect_left(ctx.starts, start)
    if i < len(ctx.mentions) and ctx.mentions[i].start == start and ctx.mentions[i].actor != speaker:
        return ctx.mentions[i].actor
    return None


def _principal_by_pronoun(ctx: _Context, pos: int, pronoun: str, speaker: str) -> str | None:
    from .actors import article_persons

    want = _GENDER_OF.get(pronoun)
    _, index = article_persons(ctx.article)
    sentence = ctx.doc.sentence_at(pos)
    earliest = (sentence.index if sentence else 0) - _LOOKBACK_SENTENCES
    for j in range(bisect.bisect_left(ctx.starts, pos) - 1, -1, -1):
        cand = ctx.mentions[j]
        if cand.sentence < earliest:
            break
        if cand.kind != "name" or not cand.person or not cand.actor or cand.actor == speaker:
            continue
        if want is None:
            return cand.actor
        pid = index.person_named(cand.text)
        if pid is None or index.gender(pid) in (None, want):
            return cand.actor  # of that gender, or of none known
    return None


def _unconfirmed_spans(ctx: _Context) -> frozenset[tuple[int, int]]:
    """:func:`analysis.actors.unconfirmed_person_spans` for the context's actors (none for an object that is
    no :class:`analysis.actors.Actors`)."""
    from .actors import Actors, unconfirmed_person_spans

    if not isinstance(ctx.actors, Actors):
        return frozenset()
    spans = unconfirmed_person_spans(ctx.article, ctx.actors)
    if not spans:
        return spans
    speakers = {q.speaker for q in ctx.quotes if q.speaker}  # someone who speaks in the article is a person
    return frozenset((m.start, m.end) for m in ctx.mentions
                     if (m.start, m.end) in spans and m.actor not in speakers)


def _speaker_mention_spans(ctx: _Context) -> list[tuple[int, int]]:
    """Where the quotations' speakers are named in their frames ("..., Kovac said")."""
    cols = ctx.qcols or {}
    return [(a, b) for a, b in zip(cols.get("mention_start", ()), cols.get("mention_end", ()))
            if isinstance(a, (int, np.integer)) and isinstance(b, (int, np.integer))]  # not None, NaN or NA


def _score_mentions(items: list[tuple[str, int, int]]) -> list[int]:
    """Target-level sentiment of each ``(sentence, start, end)`` mention (one batch when the model allows)."""
    if not items:
        return []
    score = _sentiment_function()
    if score is _vader_window_sentiment:
        return [score(sentence, start, end) for sentence, start, end in items]
    from .targeted import target_sentiments

    return target_sentiments(items)


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=columns)``, built column by column without the constructor's inference.

    A column of Python ints becomes int64, of floats float64, of strings and Nones the dtype pandas infers for
    strings (:func:`analysis.actors.string_array`): the same frame as the constructor gives (the stance
    benchmark's identity check compares them), in a fraction of the time. Any other mix of types, and an empty
    table, go through the constructor.
    """
    if not rows:
        return pd.DataFrame(rows, columns=columns)
    from .actors import string_array

    data: dict[str, Any] = {}
    for name in columns:
        values = [r[name] for r in rows]
        kinds = set(map(type, values))
        if kinds == {int}:
            data[name] = np.array(values, dtype=np.int64)
        elif kinds == {bool}:
            data[name] = np.array(values, dtype=bool)
        elif kinds == {float}:
            data[name] = np.array(values, dtype=np.float64)
        elif kinds <= {str, type(None)}:
            data[name] = string_array(values)
        else:
            return pd.DataFrame(rows, columns=columns)
    return pd.DataFrame(data, copy=False)  # data holds the columns in order: columns= would only re-select them


# --------------------------------------------------------------------------------------------------------------
# Public API


def stance(article: Article, *, actors: Any = None, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Stance judgements in an article: who (a speaker or the narrator) is for or against whom, with evidence.

    Args:
        article: the loaded article.
        actors: an ``analysis.actors.Actors`` object, a path to an actors file, or None for the file beside the
            article (``default_actors_path``); with no actors file at all, capitalised names stand in.
        quotes: the article's quotations (``analysis.quotes.extract_quotes``); computed when None.

    Returns:
        One row per judgement with columns :data:`STANCE_COLUMNS`: ``source`` and ``target`` (labels),
        their camps (None when unknown), ``polarity`` (-1, 0, +1), ``score`` (in [-1, 1]), ``cue`` with
        ``cue_start``/``cue_end`` (``article.text[cue_start:cue_end] == cue``), ``signal`` (disagreement,
        agreement, blame, support, framing, target_sentiment), and the evidence sentence with ``start``/``end``
        offsets and its index ``sentence``. Sorted by position in the text.
    """
    ctx = _context(article, actors, quotes)
    rows = _cue_rows(ctx)
    rows += _framing_stance_rows(ctx, _framing_rows(ctx, ctx.qdf))
    linked = {(r["sentence"], r["source"], r["target"]) for r in rows}
    for r in _sentiment_rows(ctx, skip=linked, judgements=True):  # a judgement already linked is not scored again
        if r["polarity"] == 0:
            continue
        linked.add((r["sentence"], r["source"], r["target"]))
        rows.append({"source": r["source"], "source_camp": r["source_camp"], "target": r["target"],
                         "target_camp": r["target_camp"], "polarity": r["polarity"],
                         "score": _SENTIMENT_WEIGHT * r["polarity"], "cue_start": r["mention_start"],
                         "cue_end": r["mention_end"], "signal": "target_sentiment", "sentence": r["sentence"],
                         "start": r["start"], "end": r["end"], "evidence": r["evidence"]})
    text = article.text
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for r in sorted(rows, key=lambda r: (r["start"], r["cue_start"], r["source"], r["target"])):
        key = (r["source"], r["target"], r["cue_start"], r["cue_end"], r["signal"])
        if key in seen:
            continue
        seen.add(key)
        r["article"] = article.id
        r["cue"] = text[r["cue_start"]:r["cue_end"]]
        r["score"] = float(r["score"])
        unique.append(r)
    return _frame(unique, STANCE_COLUMNS)


def framing(article: Article, *, actors: Any = None, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The narrator's framing: which reporting cues introduce each camp's members' words or acts.

    Rows come from the cues of the quotations (``told reporters``, ``said``) and from the narrator's own verbs
    about an actor outside quotations ("Zelenskyi rambles on about his claim", "Zelenskyy backtracked").

    Args:
        article: the loaded article.
        actors: as for :func:`stance`.
        quotes: as for :func:`stance`.

    Returns:
        Columns :data:`FRAMING_COLUMNS`: ``camp`` (None when unknown), ``speaker``, the ``cue`` text with
        offsets, its ``lemma`` and ``connotation`` (neutral, doubt, concession, dismissive, hostile, or
        unlisted), the sentence index and the evidence sentence with offsets.
    """
    ctx = _context(article, actors, quotes)
    return _frame(list(_framing_rows(ctx, ctx.qdf)), FRAMING_COLUMNS)


def mention_sentiment(article: Article, *, actors: Any = None, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Target-level sentiment of every sentence toward every actor mention in it (neutral ones included).

    The source is the speaker when the mention stands inside a quotation, else the narrator.

    Returns:
        Columns :data:`SENTIMENT_COLUMNS`; ``judged`` says whether :func:`stance` may take the row as the
        source's judgement of the target (False for a speaker's own camp, a place where something happens, a
        quotation's speaker in its frame, a news agency's relay, an affiliation or author, a label the model
        gives with too little confidence: the rules of ``_judgeable``). Charts of who judges whom should
        keep only the judged rows.
    """
    ctx = _context(article, actors, quotes)
    return _frame(list(_sentiment_rows(ctx)), SENTIMENT_COLUMNS)


def stance_matrix(stance_df: pd.DataFrame, *, by: str = "actor") -> pd.DataFrame:
    """Sources x targets: number of judgements and mean polarity.

    Args:
        stance_df: the output of :func:`stance` (one or many articles).
        by: "actor" for source/target labels, "camp" for their camps (the narrator stays "(narrator)", a
            missing camp becomes "(no camp)").

    Returns:
        A wide DataFrame indexed by source, with two column levels: ("count", target) and
        ("mean_polarity", target); cells without judgements are 0 and NaN.

    Raises:
        ValueError: for an unknown ``by``.
    """
    if by not in ("actor", "camp"):
        raise ValueError(f"by must be 'actor' or 'camp', not {by!r}")
    df = stance_df
    if by == "camp":
        df = df.assign(
            source=[NARRATOR if s == NARRATOR else (c or "(no camp)") for s, c in zip(df["source"],
                                                                                   df["source_camp"])],
            target=[c or "(no camp)" for c in df["target_camp"]])
    if df.empty:
        return pd.DataFrame(columns=pd.MultiIndex.from_product([["count", "mean_polarity"], []]))
    grouped = df.groupby(["source", "target"])["polarity"].agg(["count", "mean"]).rename(
        columns={"mean": "mean_polarity"})
    wide = grouped.unstack("target")
    wide["count"] = wide["count"].fillna(0).astype(int)
    order = wide["count"].sum(axis=1).sort_values(ascending=False).index
    return wide.loc[order]


def camp_sides(stance_df: pd.DataFrame, *, left: Sequence[str] = ("Ukraine",),
               right: Sequence[str] = ("US", "NATO")) -> pd.DataFrame:
    """Who sides with which camp: per source, net stance toward the ``left`` and the ``right`` camps.

    A judgement for a left-camp target, or against a right-camp target, counts toward the left side, and vice
    versa; neutral judgements count toward neither.

    Returns:
        One row per source: ``source, source_camp, toward_left, toward_right, n, side`` (side is the left or
        right label, "both"/"neither", joined camp names), and ``evidence``: the cue texts that decided it.
    """
    left_set, right_set = set(left), set(right)
    left_label, right_label = " and ".join(left), " and ".join(right)
    columns = ["source", "source_camp", "toward_left", "toward_right", "n", "side", "evidence"]
    rows = []
    for source, group in stance_df.groupby("source", sort=False):
        lt = group[group["target_camp"].isin(left_set)]
        rt = group[group["target_camp"].isin(right_set)]
        if lt.empty and rt.empty:
            continue
        toward_left = float(lt["polarity"].mean()) if not lt.empty else float("nan")
        toward_right = float(rt["polarity"].mean()) if not rt.empty else float("nan")
        lean = (0 if lt.empty else lt["polarity"].sum()) - (0 if rt.empty else rt["polarity"].sum())
        side = left_label if lean > 0 else right_label if lean < 0 else "neither"
        decided = pd.concat([lt, rt])
        decided = decided[decided["polarity"] != 0]
        evidence = "; ".join(f"{c} ({t})" for c, t in zip(decided["cue"], decided["target"]))
        camp = group["source_camp"].dropna()
        rows.append({"source": source, "source_camp": camp.iloc[0] if not camp.empty else None,
                         "toward_left": toward_left, "toward_right": toward_right, "n": len(lt) + len(rt), "side": side,
                         "evidence": evidence})
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------------------------------------------
# Plots


def _tidy(fig: Any) -> None:
    """Tight layout, unless a layout engine (constrained layout, set by display.setup_plots) already runs."""
    if fig.get_layout_engine() is None:
        fig.tight_layout()


def _message_figure(message: str, title: str) -> Any:
    """A small figure that says ``message`` under ``title``, for a plot with nothing to show."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 1.5), dpi=100)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center")
    ax.set_title(title)
    return fig


def plot_stance_heatmap(df: pd.DataFrame, *, by: str = "actor", title: str | None = None) -> Any:
    """Heatmap of mean polarity, sources x targets, each cell annotated with its count.

    Args:
        df: a stance table (:func:`stance`) or a matrix from :func:`stance_matrix`.
        by: "actor" or "camp" (only for a stance table).
        title: the figure title.

    Returns:
        The matplotlib Figure (a figure with a sentence in it when there is nothing to show).
    """
    import matplotlib.pyplot as plt
    import numpy as np

    matrix = df if isinstance(df.columns, pd.MultiIndex) else stance_matrix(df, by=by)
    title = title or "Stance: mean polarity of source toward target (n = judgements)"
    if matrix.empty:
        return _message_figure("No stance judgements in this article.", title)
    means = matrix["mean_polarity"]
    counts = matrix["count"].reindex(columns=means.columns).fillna(0).astype(int)
    # At most 10 inches wide (a report page shows it unscaled, so its text stays readable); long names are
    # shortened on the axes (the tables below the plot give them in full).
    n_cols, n_rows = len(means.columns), len(means.index)
    width = min(10.0, 0.9 * n_cols + 3.5)
    cell_font = 8 if (width - 3.5) / n_cols >= 0.6 else 7
    fig, ax = plt.subplots(figsize=(width, 0.45 * n_rows + 2.6), dpi=100)
    image = ax.imshow(means.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(n_cols), [textwrap.shorten(str(c), 30, placeholder="...") for c in means.columns], rotation=45, ha="right",
                  rotation_mode="anchor", fontsize=8 if n_cols > 8 else 10)
    ax.set_yticks(range(n_rows), [textwrap.shorten(str(i), 40, placeholder="...") for i in means.index],
                  fontsize=8 if n_rows > 8 else 10)
    for (r, c), value in np.ndenumerate(means.to_numpy(dtype=float)):
        n = counts.iat[r, c]
        if n:
            ax.text(c, r, f"{n}\n{value:+.2f}", ha="center", va="center", fontsize=cell_font,
                    color="white" if abs(value) > 0.6 else "black")
    ax.set_xlabel("target")
    ax.set_ylabel("source")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label="mean polarity (-1 against, +1 for)", shrink=0.8)
    _tidy(fig)
    return fig


def plot_camp_sides(sides: pd.DataFrame, *, left: str = "Ukraine", right: str = "US and NATO",
                    title: str | None = None) -> Any:
    """Horizontal bars: each source's mean polarity toward the left camps and toward the right camps.

    ``title`` should say which judgements ``sides`` counts (the stance report passes cue words and framing
    only, while its matrix also counts target-level sentiment)."""
    import matplotlib.pyplot as plt
    import numpy as np

    title = title or f"Who sides with whom: toward {left} and toward {right}"
    if sides.empty:
        return _message_figure("No source takes a stance toward these camps.", title)
    y = np.arange(len(sides))
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(sides) + 1.8), dpi=100)
    for column, offset, colour, label in (("toward_left", -0.2, "#0072B2", f"toward {left}"),
                                          ("toward_right", 0.2, "#D55E00", f"toward {right}")):
        means = sides[column]
        ax.barh(y + offset, means.fillna(0), height=0.4, color=colour, label=label)
        zero = (means == 0).to_numpy()  # judgements that average to 0 draw no bar: mark them
        ax.plot(np.zeros(int(zero.sum())), (y + offset)[zero], linestyle="none", marker="D", markersize=8,
                color=colour, markeredgecolor="white", zorder=3)
    ax.set_yticks(y, sides["source"])
    ax.axvline(0, color="#333", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean polarity (-1 against, +1 for; diamond: a mean of 0; nothing: no judgement)")
    ax.set_title(title)
    ax.invert_yaxis()
    ax.legend(loc="lower right", fontsize=8)
    _tidy(fig)
    return fig


def plot_framing(framing_df: pd.DataFrame) -> Any:
    """Stacked bars: reporting cues per camp by connotation."""
    import matplotlib.pyplot as plt

    title = "How the narrator introduces each camp's words: reporting cues by connotation"
    if framing_df.empty:
        return _message_figure("No reporting cues tied to an actor in this article.", title)
    table = (framing_df.assign(camp=framing_df["camp"].fillna("(no camp)"))
             .groupby(["camp", "connotation"]).size().unstack(fill_value=0))
    order = [c for c in (*CONNOTATIONS, "unlisted") if c in table.columns]
    colours = {"neutral": "#999999", "concession": "#56B4E9", "doubt": "#E69F00", "dismissive": "#D55E00",
               "hostile": "#CC79A7", "unlisted": "#DDDDDD"}
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(table) + 1.8), dpi=100)
    table[order].plot.barh(stacked=True, ax=ax, color=[colours[c] for c in order])
    ax.set_xlabel("number of reporting cues")
    ax.set_ylabel("camp of the speaker")
    ax.set_title(title)
    ax.legend(title="connotation", fontsize=8, loc="lower right")
    _tidy(fig)
    return fig

"""The timeline of an article: its temporal expressions, the events they date, in story and chronological order.

News tells events out of order. :func:`timeline` tags the temporal expressions of the body sentences
(:func:`analysis.timex.tag_timexes`, anchored at the publication date), finds for each the event it dates (the clause
around it and its verb, or the noun phrase of a possessive such as "this week's blast"), the actors in that event
(:func:`analysis.actors.actor_mentions`), and orders the events by time. Sentences that carry no date of their own
but continue a dated passage in the same paragraph inherit its date (rows marked ``inherited``): news keeps the
reference time until it says otherwise (Reichenbach's reference time; Bell, *The Language of News Media*, 1991),
unless the sentence tells another event or occasion (a statement reported after a narrated event, another
speaker, a comment in the present, a condition; :func:`_shares_time`), its tense disagrees with the date or a
quotation's edge lies between them. An expression right
after "since" ("for the first time since 2019") starts a span up to publication: its row (rule ``since:...``) has
that span as its range and stays out of the chronology.

Chronological order sorts by the *latest* day an expression allows, then the earliest: "earlier this week" (Monday
to the day before publication) comes after "Tuesday" and before "Thursday". A week- or month-level date is a range,
never a day. Expressions without a calendar extent (durations, sets, PAST_REF) and, without a publication date,
every relative expression, stay out of the chronology and are listed by :func:`unanchored`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .articles import Article
from .data import read_toml
from .frames import TEXT_TYPES, shorten
from .quotemarks import in_quotation
from .spans import SpanIndex
from .text import parse
from .timex import DEADLINE_WORDS, ENTRY_STAMP, Timex, clause_tense, tag_timexes

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "COLUMNS",
    "chronology",
    "plot_story_order",
    "plot_timeline",
    "plottable",
    "timeline",
    "timeline_columns",
    "unanchored",
]

COLUMNS = [
    "article", "text", "start", "end", "type", "value", "anchor", "event", "event_start", "event_end", "sentence",
    "rule", "actors", "precision", "range_start", "range_end", "story_order", "chrono_order",
]
_EXTRA = ["verb", "label", "mod", "inherited", "unresolved", "tense"]

_CLAUSE_DELIM = re.compile(
    r"[;:()\u201c\u201d\"\u2014\u2013]|,\s|\s-\s|\b(?:that|which|who|where|when|while|because|although)\b"
)
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_INHERITABLE = ("DATE", "TIME")
_SINCE = re.compile(r"(?<![\w'])(?i:since)\s+$")  # right before the expression: "since 2019", "ever since March"
# A deadline right before an expression ("by the end of the year", "no later than late 2026"): the deadline
# words of analysis.timex, and "before"; any case (an END edge is the deadline's day wherever the phrase stands).
_DEADLINE = re.compile(rf"(?<![\w'])(?i:before|{DEADLINE_WORDS})\s+$")
# "not" right before a date or its preposition: "We need the systems now, not in the spring" names a time
# the event is NOT at. Only dates and times, and no generic word ("not currently allowed" negates the verb).
# Not "if not" / "or not" ("if not in March, then in April" keeps the date a possibility), nor "not until"
# ("will not open until Friday" opens on Friday: "until" stands between).
_NEGATED = re.compile(r"(?<![\w'])(?<!\b[Ii]f )(?<!\b[Oo]r )(?i:not)\s+(?:(?i:in|on|at|during|by)\s+)?$")


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
    """The word lists of ``analysis/data/timex_events.toml`` (read once), with two derived from the reporting-cue
    lexicon (:func:`analysis.quotes.cue_lexicon`) instead of repeated: ``statement_verbs`` (:func:`_statement_verbs`)
    and the nouns of ``occasions`` (the file's phrases and the cue lexicon's ``speech_occasions``)."""
    from .quotes import cue_lexicon  # here, not at the top: the quotes need nothing of the timeline

    data = read_toml("timex_events.toml")
    occasions = {*data["occasions"], *cue_lexicon().speech_occasions}
    return {
        "verbs": frozenset(data["verbs"]),
        "not_verbs": frozenset(data["not_verbs"]),
        "pronouns": frozenset(data["pronouns"]),
        "np_stops": frozenset(data["np_stops"]),
        "modals": frozenset(data["modals"]),
        "auxiliaries": frozenset(data["auxiliaries"]),
        "aux_adverbs": frozenset(data["aux_adverbs"]),
        "not_main_verbs": frozenset(data["not_main_verbs"]),
        "be_to_governors": frozenset(data["be_to_governors"]),
        "not_ing_verbs": frozenset(data["not_ing_verbs"]),
        "prepositions": frozenset(data["prepositions"]),
        "statement_verbs": _statement_verbs(data),
        "parallel_words": frozenset(data["parallel_words"]),
        "shift_words": frozenset(data["shift_words"]),
        "present_forms": frozenset(data["present_forms"]),
        "occasions": re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(occasions, key=len, reverse=True))
                                + r")\b", re.IGNORECASE),
    }


def _statement_verbs(data: dict) -> frozenset[str]:
    """The statement verbs of ``data`` (timex_events.toml): the forms that the reporting-cue lexicon gives for each
    of ``statement_lemmas``, except the participles in -ing and ``not_statement_forms``, and ``statement_forms``.

    Raises:
        ValueError: a lemma the reporting-cue lexicon lacks (add its forms to ``[speech]`` of reporting_cues.toml,
            or list them in ``statement_forms`` of timex_events.toml).
    """
    from .quotes import cue_lexicon

    lemmas = frozenset(data["statement_lemmas"])
    forms = cue_lexicon().forms
    missing = lemmas - {lemma for lemma, _ in forms.values()}
    if missing:
        raise ValueError(f"statement_lemmas of timex_events.toml not in reporting_cues.toml: {sorted(missing)}; add "
                         "them to [speech] there, or list their forms in statement_forms of timex_events.toml")
    derived = {f for f, (lemma, _) in forms.items() if lemma in lemmas and not f.endswith("ing")}
    return frozenset(derived - set(data["not_statement_forms"])) | frozenset(data["statement_forms"])


# ---------------------------------------------------------------------------------------------------------------
# Events: clause, verb, noun phrase
# ---------------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16384)
def _is_verb(word: str) -> bool:
    """Whether ``word`` (as written) reads as a verb: listed, or a lower-case ``-ed`` form (cached per word)."""
    lex = _lexicon()
    if not word[:1].islower():
        return False
    word = word.lower().replace("\u2019", "'")
    if word in lex["verbs"]:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in lex["not_verbs"]


def _clause(text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence ``[s_start, s_end)`` that holds ``text[start:end]``."""
    lo, hi = s_start, s_end
    for m in _CLAUSE_DELIM.finditer(text, s_start, start):
        lo = m.end() if m[0][0] in ",;:()\u201c\u201d\"\u2014\u2013 " or m[0][0] in "-" else m.start()
    m = _CLAUSE_DELIM.search(text, end, s_end)
    if m:
        hi = m.start()
    return _trim(text, lo, hi)


def _unstamped(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` without a leading live-blog stamp ("2:05 p.m. ET \u2014 Welcome to ..." -> "Welcome to
    ..."), for an event's label."""
    stamp = ENTRY_STAMP.match(text, lo, hi)
    return text[stamp.end() if stamp else lo : hi]


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in " \t\n,.;:":
        lo += 1
    while hi > lo and text[hi - 1] in " \t\n,;:.":
        hi -= 1
    return lo, hi


_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|their|his|her|its|our|my|your|this|that|these|those|no|every|each)\s+$", re.IGNORECASE
)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _after_preposition(text: str, word: re.Match[str]) -> bool:
    """Whether ``word`` follows a preposition of the events lexicon ("of affected homes", "on hold"), or "to"
    and is an -ed form ("to affected areas"; "to meet" is an infinitive)."""
    before = _WORD_BEFORE.search(text, max(0, word.start() - 12), word.start())
    if before is None:
        return False
    prep = before[1].lower()
    return prep in _lexicon()["prepositions"] or (prep == "to" and word[0].lower().endswith("ed"))


def _verbs(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Verb-like words in ``text[lo:hi]``; a word after a determiner is a noun ("their strike"), one after a
    preposition a noun or an adjective ("of affected homes")."""
    return [
        m for m in _WORD.finditer(text, lo, hi)
        if _is_verb(m[0]) and not _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start())
        and not _after_preposition(text, m)
    ]


_COORDINATED = re.compile(r"\s*,?\s*\b(?:and|but|or|then)\s", re.IGNORECASE)


def _nearest_verb(text: str, lo: int, hi: int, start: int, end: int) -> re.Match[str] | None:
    """The verb nearest ``text[start:end]`` in ``text[lo:hi]``; a verb after the expression's end behind "and",
    "but", "or" or "then" heads the next conjunct, so a verb before the expression wins over it ("joined the lab in
    1979 and stayed until 2011": 1979 is the joining)."""
    verbs = [m for m in _verbs(text, lo, hi) if not (start <= m.start() < end)]
    if not verbs:
        return None
    if any(m.end() <= start for m in verbs):
        split = _COORDINATED.match(text, end)
        if split is not None:
            verbs = [m for m in verbs if m.end() <= start or m.start() < split.end()]

    def distance(m: re.Match[str]) -> tuple[int, int]:
        gap = start - m.end() if m.end() <= start else m.start() - end
        return (gap, 0 if m.end() <= start else 1)

    return min(verbs, key=distance)


# An adverb in -ly between an auxiliary and its verb ("would formally declare"); not "apply", "rally", "supply".
_ADVERB = re.compile(r"[a-z]{4,}(?<!p)ly")
_TO_BARE = re.compile(r"\s+to\s+(?:[a-z]{4,}(?<!p)ly\s+)?(?P<verb>(?!(?:the|a|an|be|have)\b)[a-z]+)\b")


def _main_verb(text: str, verb: re.Match[str], hi: int, start: int, end: int) -> re.Match[str]:
    """The main verb of ``verb``'s verb group when ``verb`` is an auxiliary ("could last" -> "last", "has been
    delayed" -> "delayed"), read up to ``hi`` and never into the expression ``[start, end)``; else ``verb`` itself.

    After a modal (or "will") any bare verb is the main verb; after a form of "be", "have" or "do" only a verb-like
    word is ("was killed", "is meeting"), so "was in Paris" keeps "was".
    """
    lex = _lexicon()
    word = verb[0].lower().replace("\u2019", "'")
    if word in lex["be_to_governors"]:
        # "was set to sail", "is expected to rule": the verb found is the governor; the event is the infinitive's.
        before = _WORD_BEFORE.search(text, max(0, verb.start() - 12), verb.start())
        bare = _TO_BARE.match(text, verb.end(), hi)
        if before is not None and before[1].lower() in lex["auxiliaries"] and bare is not None \
                and not (start <= bare.start("verb") < end):
            return _WORD.match(text, bare.start("verb"))
    modal = word in lex["modals"]
    if not modal and word not in lex["auxiliaries"]:
        return verb
    previous = verb.end()
    for m in _WORD.finditer(text, verb.end(), hi):
        if start <= m.start() < end or text[previous : m.start()].strip():
            break  # the expression, or punctuation, ends the verb group
        previous = m.end()
        w = m[0].lower().replace("\u2019", "'")
        bare = _TO_BARE.match(text, m.end(), hi) if w in lex["be_to_governors"] and not modal else None
        if bare is not None and not (start <= bare.start("verb") < end):
            return _WORD.match(text, bare.start("verb"))  # "is due to travel": the infinitive's bare verb
        if w in lex["aux_adverbs"] or _ADVERB.fullmatch(w):
            continue  # "could also", "has not", "would formally declare"
        if w in lex["auxiliaries"]:
            modal = False  # "will be", "could have been": a participle or -ing form must follow
            continue
        if not m[0][:1].islower() or w in lex["not_main_verbs"]:
            break
        if modal or _is_verb(m[0]) or (len(w) > 5 and w.endswith("ing") and w not in lex["not_ing_verbs"]):
            return m
        break
    return verb


def _event_clause(text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
    """The clause that holds the expression, widened to a neighbour when it has no verb ("On Tuesday, ...")."""
    lo, hi = _clause(text, s_start, s_end, start, end)
    if _verbs(text, lo, start) or _verbs(text, end, hi):
        return lo, hi
    after = _CLAUSE_DELIM.search(text, hi + 1, s_end) if hi < s_end else None
    hi2 = after.start() if after else s_end
    if _verbs(text, hi, hi2):
        return _trim(text, lo, hi2)
    return _trim(text, s_start, s_end)


def _possessive_np(text: str, end: int, s_end: int) -> tuple[int, int] | None:
    """The noun phrase after a possessive expression ("Friday's APEC CEO Summit")."""
    if text[end : end + 2] not in ("'s", "\u2019s"):
        return None
    lo = end + 2
    stops = _lexicon()["np_stops"]
    hi = lo
    for words, m in enumerate(_WORD.finditer(text, lo, s_end)):
        between = text[hi : m.start()]
        if words and (set(between) - {" "}) or m[0].lower() in stops or words >= 5:
            break
        hi = m.end()
    lo, hi = _trim(text, lo, hi)
    return (lo, hi) if hi > lo else None


# ---------------------------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------------------------


def _mentions(article: Article, actors: object | None, timexes: list[Timex] = ()
              ) -> pd.DataFrame | list[tuple[int, int, str]]:
    """Actor mentions from :mod:`analysis.actors` as ``(start, end, actor)`` rows (the rows of
    :func:`analysis.actors.actor_mentions` without building its table), or capitalised names when that module
    is unavailable.

    Left out: a mention inside a temporal expression ("Eve" of "Christmas Eve", "New Year" of "New Year's Eve")
    and the rule-found one-word "persons" that are most likely a common word or a place
    (:func:`analysis.actors.doubtful_person_spans`: "12:05 p.m.: Rail operator ...", "homes in Harrogate"), with
    the same word's unconfirmed mentions as a modifier after "the" ("at the Millbank shelter" after "everyone in
    Millbank").
    """
    try:
        from .actors import (
            actor_mention_rows,
            default_actors_path,
            doubtful_person_spans,
            load_actors,
            unconfirmed_person_spans,
        )
    except ImportError:  # pragma: no cover - the fallback of the first commits
        return _capitalised_names(article)
    if actors is None:
        actors = load_actors(default_actors_path(article.path))
    doubtful = doubtful_person_spans(article, actors)
    if doubtful:
        # A lone word judged no person at one mention ("everyone in Millbank") is none at its other mentions as
        # unconfirmed (never with a first name, title or honorific: "at the Millbank shelter", "Tulsa police"),
        # unless a verb follows it there ("Agrovale, warned", "what Obama says"): the doubt may have been wrong
        # ("Shares in Agrovale fell"), and a subject that acts is an actor.
        text = article.text
        words = {text[s:e] for s, e in doubtful}
        doubtful = doubtful | {(s, e) for s, e in unconfirmed_person_spans(article, actors)
                               if text[s:e] in words and not _acts(text, e)}
    in_timex = SpanIndex((t.start, t.end) for t in timexes)
    return [(row[4], row[5], row[1]) for row in actor_mention_rows(article, actors)
            if (row[4], row[5]) not in doubtful and not in_timex.overlaps(row[4], row[5])]


_NEXT_WORD = re.compile(r",?\s+([a-z][\w'\u2019-]*)")


def _acts(text: str, end: int) -> bool:
    """Whether a verb follows a name ending at ``end``, after a comma at most ("Agrovale, warned", "Obama says")."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and (_is_verb(after[1]) or after[1] in _lexicon()["statement_verbs"])


_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")


def _capitalised_names(article: Article) -> pd.DataFrame:
    rows = []
    for s in parse(article).sentences:
        for m in _NAME.finditer(article.text, s.start, s.end):
            rows.append((article.id, m[0], None, m[0], m.start(), m.end(), s.index))
    return pd.DataFrame(rows, columns=["article", "actor", "camp", "mention", "start", "end", "sentence"])


def _persons(actors: object | None) -> frozenset[str]:
    """Names of actors that are not persons (groups and places), to skip when resolving "he"/"she"."""
    try:
        return frozenset(a.name for a in actors if a.type != "person")  # type: ignore[union-attr]
    except TypeError:
        return frozenset()


class _MentionIndex:
    """An article's actor mentions as sorted tuples, looked up by bisection (the mentions table is converted once
    per article instead of being filtered with a boolean mask for every expression)."""

    def __init__(self, mentions: pd.DataFrame | list[tuple[int, int, str]]) -> None:
        if isinstance(mentions, pd.DataFrame):
            ordered = mentions.sort_values("start", kind="stable") if len(mentions) else mentions
            self.rows = list(zip(ordered["start"].astype(int), ordered["end"].astype(int), ordered["actor"]))
        else:
            self.rows = sorted(mentions, key=lambda r: r[0])  # stable, as the table's sort by start
        self.starts = [r[0] for r in self.rows]

    def inside(self, lo: int, hi: int) -> list[str]:
        """Actors mentioned in ``[lo, hi)``, each once, in text order."""
        first = bisect.bisect_left(self.starts, lo - _MAX_MENTION_CHARS)
        last = bisect.bisect_left(self.starts, hi)
        return list(dict.fromkeys(a for s, e, a in self.rows[first:last] if s < hi and e > lo))

    def antecedent(self, before: int, non_persons: frozenset[str], *, floor: int | None = None) -> str | None:
        """The last actor (not in ``non_persons``) mentioned before ``before``, not starting before ``floor``."""
        for k in range(bisect.bisect_left(self.starts, before) - 1, -1, -1):
            s, e, a = self.rows[k]
            if floor is not None and s < floor:
                break
            if e <= before and a not in non_persons:
                return str(a)
        return None


_MAX_MENTION_CHARS = 500  # no mention is longer: bounds the look-back by position


def _event_actors(text: str, mentions: _MentionIndex, lo: int, hi: int, sentence_start: int,
                  non_persons: frozenset[str], *, resolve: bool = True) -> list[str]:
    names = mentions.inside(lo, hi)
    if names or not resolve:
        return names
    first = _WORD.search(text, lo, hi)
    if first and first[0].lower() in ("which", "that", "it"):
        return []  # a thing, not a person: leave it without an actor rather than guess
    if first and first[0].lower() in _lexicon()["pronouns"] | {"who"}:
        # "He said ...", "who told reporters ...": the person named last before the clause.
        name = mentions.antecedent(lo, non_persons)
        return [name] if name else []
    if not names:
        # The subject may sit before the clause in the same sentence ("Blinken, on Thursday, said").
        name = mentions.antecedent(lo, non_persons, floor=sentence_start)
        return [name] if name else []
    return names


# ---------------------------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------------------------


def _body_text(article: Article) -> str:
    """The article text with everything outside body sentences blanked (offsets unchanged)."""
    text = article.text
    parts: list[str] = []
    pos = 0
    for s in parse(article).sentences:
        parts.append(re.sub(r"[^\n]", " ", text[pos : s.start]))
        parts.append(text[s.start : s.end])
        pos = s.end
    parts.append(re.sub(r"[^\n]", " ", text[pos:]))
    return "".join(parts)


def _tense(text: str, start: int, end: int, lo: int, hi: int, verb: re.Match[str] | None = None) -> str | None:
    """The tense of the expression's clause; failing a marker before it, that of the event's ``verb``, and failing
    that, of any verb in the event ``[lo, hi)`` (future if one is)."""
    tense = clause_tense(text, start, end)
    if tense is None and verb is not None:
        tense = clause_tense(text, verb.end())  # "David Axelrod on Wednesday called on Dean to apologize": past
    if tense is None:
        tenses = {clause_tense(text, m.end()) for m in _verbs(text, lo, hi)}
        tense = "future" if "future" in tenses else ("past" if "past" in tenses else None)
    return tense


def _row(article: Article, t: Timex, sentence, mentions: _MentionIndex, non_persons: frozenset[str],
         dct: _dt.date | None) -> dict:
    text = article.text
    np_span = _possessive_np(text, t.end, sentence.end)
    lo, hi = _event_clause(text, sentence.start, sentence.end, t.start, t.end)
    verb = _nearest_verb(text, lo, hi, t.start, t.end)
    if verb is not None:
        verb = _main_verb(text, verb, hi, t.start, t.end)
    noun = None
    if np_span is not None and not (verb is not None and 0 <= t.start - verb.end() <= 2):
        # "this week's deadly rocket blast": the event is the noun phrase, not the clause's verb.
        noun = text[np_span[0] : np_span[1]]
        lo, hi = t.start, np_span[1]
        verb = None
    names = _event_actors(text, mentions, np_span[0] if noun else lo, hi, sentence.start, non_persons,
                          resolve=noun is None)
    tense = _tense(text, t.start, t.end, sentence.start if noun else lo, sentence.end if noun else hi, verb)
    range_start, range_end = t.range_start, t.range_end
    precision = t.precision
    if t.value == "PRESENT_REF" and dct is not None:
        range_start = range_end = dct
        precision = "present"
    if (range_end is not None and dct is not None and tense == "past" and range_start <= dct < range_end
            and precision in ("week", "month", "quarter", "season", "half", "year")):
        range_end = dct  # "this week's blast" in a past clause happened by the publication date
    rule = t.rule
    if noun is None and _SINCE.search(text, max(0, t.start - 16), t.start):
        # "for the first time since 2019": the event falls in the span from 2019 to now, not in 2019 (but "since
        # Monday's debate" dates the debate, its noun phrase).
        rule = f"since:{t.rule}"
        if range_start is not None:
            range_end = max(range_end, dct) if dct is not None and range_end is not None else None
            precision = "span" if range_end is not None else precision
    elif (t.type in _INHERITABLE and t.rule != "generic"
          and _NEGATED.search(text, max(0, t.start - 16), t.start)):
        rule = f"not:{t.rule}"  # "now, not in the spring": a time the event is not at; out of the chronology
    if t.mod == "END" and range_end is not None and _DEADLINE.search(text, max(0, t.start - 16), t.start):
        range_start = range_end  # "by the end of the year": a deadline, the last day, not the whole year
    head = noun or (verb[0] if verb is not None else _unstamped(text, lo, hi)[:40])
    label = f"{names[0]}: {head}" if names else head
    return {
        "article": article.id, "text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value,
        "anchor": t.anchor.isoformat() if t.anchor else None, "event": text[lo:hi], "event_start": lo,
        "event_end": hi, "sentence": sentence.index, "rule": rule, "actors": "; ".join(names),
        "precision": precision,
        "range_start": range_start.isoformat() if range_start else None,
        "range_end": range_end.isoformat() if range_end else None,
        "verb": verb[0] if verb is not None else None, "label": label, "mod": t.mod, "inherited": False,
        "unresolved": t.unresolved, "tense": tense,
    }


def _tense_disagrees(tense: str | None, date: dict, dct: _dt.date | None) -> bool:
    """Whether a clause of ``tense`` cannot take ``date`` (a row): a past verb with a date after publication ("said
    ... would attend" after "next week"), or a future one with a date before it ("it will not go unanswered"
    after "last Tuesday"). Dates around the publication date, and clauses without a tense, agree with anything."""
    if dct is None or tense is None:
        return False
    day = dct.isoformat()
    if tense == "past":
        return date["range_start"] > day
    if tense == "future":
        return date["range_end"] is not None and date["range_end"] < day
    return False


_CONDITION = re.compile(r"[\W_]*(?:(?i:but|and|yet|so|even)\s+)?(?i:if|unless)\b")  # "If ...", "But if ..."


def _verb_group(text: str, first: re.Match[str], hi: int) -> list[str]:
    """The lower-case words of the verb group that opens at ``first``: the finite verb, the auxiliaries and
    adverbs after it, its main verb, and an infinitive it governs ("did not respond", "declined to comment")."""
    lex = _lexicon()
    helpers = lex["auxiliaries"] | lex["modals"] | lex["aux_adverbs"]
    words: list[str] = []
    previous = first.start()
    main = False  # a main verb (not the finite word) has been read
    for m in _WORD.finditer(text, first.start(), hi):
        if text[previous : m.start()].strip() or len(words) >= 8:
            break  # punctuation ends the group
        previous = m.end()
        w = m[0].lower().replace("\u2019", "'")
        if words and main and w != "to" and words[-1] != "to":
            break  # the word after the main verb (and after its "to" infinitive)
        words.append(w)
        main = main or w not in helpers
    return words


def _is_statement(words: list[str] | str | None) -> bool:
    """Whether a verb (or verb group) reports speech or a reaction in words ("said", "praised", "did not
    respond", "declined to comment"; ``statement_verbs`` in timex_events.toml)."""
    if not words:
        return False
    if isinstance(words, str):
        words = [words.lower().replace("\u2019", "'")]
    return any(w in _lexicon()["statement_verbs"] for w in words)


def _is_present(finite: str) -> bool:
    """Whether a clause's finite verb is in the present ("is", "have", "says", "praises"; a bare statement verb
    such as "Critics say" too): what such a clause tells holds at the time of writing."""
    lex = _lexicon()
    w = finite.lower().replace("\u2019", "'")
    if w in lex["present_forms"]:
        return True
    if w in lex["statement_verbs"]:
        return not (w.endswith("ed") or w in ("said", "told", "wrote", "spoke"))
    return w in lex["verbs"] and w.endswith("s") and w not in ("was",)


def _shares_time(text: str, lo: int, hi: int, verbs: list[re.Match[str]], names: list[str], date: dict,
                 dct: _dt.date | None, *, occasion: bool = False) -> bool:
    """Whether a sentence without a date of its own (its first clause ``[lo, hi)``, that clause's verb-like words
    ``verbs`` and actors ``names``) tells the same event or occasion as the dated row ``date`` and so shares its date.

    No when it opens with a condition ("If Trump were to turn Ohio, ...": a hypothetical, no event), when an
    adverb moves the time ("Nixon later named ...", ``shift_words``), nor when it is in the present and the date is
    gone by ("Mr. Clarke is donating a mine", "Critics have questioned ..." after "earlier this month": a comment
    of the time of writing). A statement (speech or a
    reaction in words, :func:`_is_statement`) is an event of its own, told at the time of reporting: it shares
    the date only of a statement, and then only the same speaker's ("Kessler said on Wednesday ... Kessler said
    the contract was needed") or a parallel one ("Biden was asked hours earlier ... Stoltenberg also said"), or
    of a dated ``occasion`` of speech, whoever speaks ("at a CNN town hall on Monday evening ... Sanders
    answered").
    A narrated event after a dated statement shares its date only when an actor of the statement acts in it
    ("Obama spoke at the White House on Tuesday. He then flew to Chicago."): the statement's date is when it was
    made, not when what follows happened.
    """
    if _CONDITION.match(text, lo, hi):
        return False
    lex = _lexicon()
    group = _verb_group(text, verbs[0], hi)
    before = [w.lower().replace("\u2019", "'")
              for w in _WORD.findall(text, max(lo, verbs[0].start() - 30), verbs[0].start())]
    if set(before[-3:] + group) & lex["shift_words"]:
        return False  # "Nixon later named ...": another time
    finite = before[-1] if before and before[-1] in lex["present_forms"] else group[0]  # "I don't believe"
    if dct is not None and _is_present(finite) and date["range_end"] is not None \
            and date["range_end"] < dct.isoformat():
        return False
    source_statement = _is_statement(date["verb"])
    source_actors = set(filter(None, str(date["actors"] or "").split("; ")))
    if _is_statement(group):
        if occasion:
            return True
        if not source_statement:
            return False
        parallel = bool(set(before[-3:] + group) & lex["parallel_words"])
        return parallel or names[0] in source_actors
    if source_statement:
        return bool(source_actors & set(names))
    return True


def _passes_on(row: dict) -> bool:
    """Whether a dated row sets the reference time for the sentences after it: not a "since X" start nor a
    negated date (X is not when anything happens), not "now" (PRESENT_REF: the time of writing, which a comment
    in the present has anyway and a past event does not), nor a decade or century ("a 21st-century economy")."""
    return (_in_chronology(row["rule"]) and row["value"] != "PRESENT_REF"
            and row["precision"] not in ("decade", "century"))


def _inherited_rows(article: Article, rows: list[dict], mentions: _MentionIndex,
                    non_persons: frozenset[str], dct: _dt.date | None = None) -> list[dict]:
    """Rows for sentences without a date of their own that continue a dated passage in the same paragraph.

    A sentence does not inherit when the tense of its event disagrees with the date (:func:`_tense_disagrees`),
    across the edge of quoted speech (the date outside a quotation and the event inside it, or the reverse), nor
    when it tells another event or occasion (:func:`_shares_time`: a statement after a narrated event, another
    speaker's statement, a comment in the present). Such a sentence ends the dated passage: the sentences after
    it inherit nothing until the next date. A sentence passed over for want of a verb or an actor keeps it.
    """
    doc = parse(article)
    text = article.text
    dated = {}
    for r in rows:
        dated.setdefault(r["sentence"], []).append(r)
    out: list[dict] = []
    current: dict | None = None
    occasion = False
    paragraph = None
    for s in doc.sentences:
        if s.paragraph != paragraph:
            current, paragraph = None, s.paragraph
        own = [r for r in dated.get(s.index, []) if r["type"] in _INHERITABLE and r["range_start"]]
        if own:
            # A sentence dated only by "since X", "not in X", "now" or a decade sets no reference time
            # (_passes_on): the sentences after it inherit nothing.
            points = [r for r in own if _passes_on(r)]
            current = points[-1] if points else None
            occasion = bool(_lexicon()["occasions"].search(s.text))
            continue
        if current is None or s.index in dated:
            continue
        lo, hi = _event_clause(text, s.start, s.end, s.start, s.start)
        verbs = _verbs(text, lo, hi)
        names = _event_actors(text, mentions, lo, hi, s.start, non_persons)
        if not verbs or not names:
            continue
        verb = _main_verb(text, verbs[0], hi, lo, lo)
        if in_quotation(text, verb.start()) != in_quotation(text, current["start"]):
            current = None  # into or out of quoted speech: the speaker's time is not the narrator's
            continue
        tense = _tense(text, lo, lo, s.start, s.end, verb)
        if _tense_disagrees(tense, current, dct) or not _shares_time(text, lo, hi, verbs, names, current, dct,
                                                                     occasion=occasion):
            current = None  # the story has moved on to another time or occasion
            continue
        row = dict(current)
        row.update(
            event=text[lo:hi], event_start=lo, event_end=hi, sentence=s.index, rule=f"inherited:{current['rule']}",
            actors="; ".join(names), verb=verb[0], label=f"{names[0]}: {verb[0]}", inherited=True,
            tense=tense,
        )
        out.append(row)
    return out


def timeline(article: Article, *, published: _dt.date | None = None, actors: object | None = None) -> pd.DataFrame:
    """The temporal expressions of an article's body, the events they date, in story and chronological order.

    Args:
        article: the article (:func:`analysis.load_article`).
        published: the publication date to anchor relative expressions at; overrides ``article.published``.
            Without either, relative expressions stay unresolved (values with X's, ``anchor`` None).
        actors: an :class:`analysis.actors.Actors`; None reads the ``actors.toml`` beside the article, if any.

    Returns:
        One row per expression (plus ``inherited`` rows, see the module docstring), in story order, with the
        columns of :data:`COLUMNS` and ``verb, label, mod, inherited, unresolved, tense``. ``text ==
        article.text[start:end]`` and ``event == article.text[event_start:event_end]``; ``anchor``,
        ``range_start`` and ``range_end`` are ISO dates or None; ``chrono_order`` is missing (<NA>) for rows
        without a calendar range.
    """
    return _ordered_frame(_rows(article, published=published, actors=actors))


def timeline_columns(article: Article, *, published: _dt.date | None = None, actors: object | None = None
                     ) -> dict[str, list] | pd.DataFrame:
    """:func:`timeline` as plain Python lists, one per column of :data:`COLUMNS`, for the corpus run (which
    turns them into Arrow arrays and has no use for the DataFrame).

    The lists hold exactly the values the DataFrame's columns give back (``Series.tolist()``, ``<NA>`` as
    None): every column is text-or-None, all ints or all bools, which the DataFrame stores as such. An empty
    timeline, or one with a column of other values, comes back as the DataFrame of :func:`timeline` instead.
    """
    rows = _rows(article, published=published, actors=actors)
    if not rows:
        return _ordered_frame(rows)
    columns = _ordered_columns(rows)
    for name in COLUMNS:
        values = columns[name]
        kinds = set(map(type, values))
        if not (kinds <= TEXT_TYPES or kinds == {int} or kinds == {bool}) and name != "chrono_order":
            return _ordered_frame(rows)
    return {name: columns[name] for name in COLUMNS}


def _rows(article: Article, *, published: _dt.date | None, actors: object | None) -> list[dict]:
    """The rows of :func:`timeline`, unordered, as dicts (the arguments checked)."""
    if not isinstance(article, Article):
        raise TypeError(f"timeline() needs an Article from analysis.load_article(), not {type(article).__name__}")
    if published is not None and not isinstance(published, _dt.date):
        raise TypeError("published must be a datetime.date (e.g. datetime.date(2022, 11, 17)) or None")
    dct = published if published is not None else article.published
    doc = parse(article)
    body = _body_text(article)
    timexes = tag_timexes(body, dct=dct)
    mentions = _MentionIndex(_mentions(article, actors, timexes))
    non_persons = _persons(actors) if actors is not None else _persons(_default_actors(article))
    rows = []
    for t in timexes:
        sentence = doc.sentence_at(t.start)
        if sentence is None or t.end > sentence.end:
            continue
        t = Timex(**{**t.__dict__, "text": article.text[t.start : t.end]})
        rows.append(_row(article, t, sentence, mentions, non_persons, dct))
    rows.extend(_inherited_rows(article, rows, mentions, non_persons, dct))
    return rows


def _default_actors(article: Article) -> object | None:
    try:
        from .actors import default_actors_path, load_actors
    except ImportError:  # pragma: no cover
        return None
    return load_actors(default_actors_path(article.path))


def _ordered_frame(rows: list[dict]) -> pd.DataFrame:
    """The rows as a table in story order, with ``story_order`` (0, 1, ... in reading order) and ``chrono_order``.

    Sorting the row dicts before building the table costs a fraction of sorting the table (one frame built
    instead of three sorted copies); the order is the same: reading position (an inherited row's event, else
    its expression), then start; chronology by latest day, earliest day, time of day, story order, rows
    without a latest day last.
    """
    if not rows:
        df = pd.DataFrame(rows, columns=COLUMNS[:-2] + _EXTRA).astype(
            {"start": "int64", "end": "int64", "event_start": "int64", "event_end": "int64", "sentence": "int64",
             "inherited": "bool", "unresolved": "bool"}
        )
        df["story_order"] = pd.Series(dtype="Int64")
        df["chrono_order"] = pd.Series(dtype="Int64")
        return df[COLUMNS + _EXTRA]
    columns: dict[str, object] = _ordered_columns(rows)
    n = len(rows)
    chrono = columns["chrono_order"]
    missing = np.fromiter((c is None for c in chrono), dtype=bool, count=n)
    columns["story_order"] = pd.arrays.IntegerArray(np.arange(n, dtype="int64"), np.zeros(n, bool))
    columns["chrono_order"] = pd.arrays.IntegerArray(
        np.fromiter((0 if c is None else c for c in chrono), dtype="int64", count=n), missing)
    _type_columns(columns)
    return pd.DataFrame(columns, copy=False)


def _ordered_columns(rows: list[dict]) -> dict[str, list]:
    """The (non-empty) rows as column lists in story order, with ``story_order`` and ``chrono_order`` (None
    for rows without a calendar range), columns in the order of :data:`COLUMNS` then ``_EXTRA``."""
    rows = sorted(rows, key=lambda r: (r["event_start"] if r["inherited"] else r["start"], r["start"]))
    dated = [i for i, r in enumerate(rows) if r["range_start"] is not None and _in_chronology(r["rule"])]
    dated.sort(key=lambda i: (rows[i]["range_end"] is None, rows[i]["range_end"] or "",
                              rows[i]["range_start"], _clock_key(rows[i]["value"]), i))
    chrono: list[int | None] = [None] * len(rows)
    for rank, i in enumerate(dated):
        chrono[i] = rank
    columns: dict[str, list] = {name: [r[name] for r in rows] for name in COLUMNS[:-2]}
    columns["story_order"] = list(range(len(rows)))
    columns["chrono_order"] = chrono
    columns.update({name: [r[name] for r in rows] for name in _EXTRA})
    return columns


def _is_since(rule: str) -> bool:
    """Whether a row's date is the start of a span up to publication ("since 2019"), not the event's date."""
    return rule.startswith("since:")  # an inherited row never is: "since X" passes no date on


def _is_negated(rule: str) -> bool:
    """Whether a row's date is one the text denies ("now, not in the spring"), not the event's date."""
    return rule.startswith("not:")


def _in_chronology(rule: str) -> bool:
    """Whether a row with a calendar range takes a place in the chronology: not a "since X" start, nor a
    negated date."""
    return not (_is_since(rule) or _is_negated(rule))


def _type_columns(columns: dict[str, object]) -> None:
    """Give every column of strings and Nones, of ints or of bools the array pandas would infer for it, built
    without inference (:func:`analysis.actors.string_array` for text: several times faster per column); any
    other column is left to the constructor, so the frame is the one ``pd.DataFrame(columns)`` gives."""
    from .actors import string_array

    for name, values in columns.items():
        if not isinstance(values, list) or not values:
            continue
        kinds = set(map(type, values))
        if kinds <= TEXT_TYPES:
            columns[name] = string_array(values)
        elif kinds == {int}:
            columns[name] = np.array(values, dtype=np.int64)  # offsets and indices: far inside int64
        elif kinds == {bool}:
            columns[name] = np.array(values, dtype=bool)


_PART_OF_DAY_CLOCK = {"MO": "08:00", "MI": "12:00", "AF": "15:00", "EV": "19:00", "NI": "22:00"}


_CLOCK = re.compile(r"T(\d\d:\d\d|MO|MI|AF|EV|NI)")


def _clock_key(value: object) -> str:
    """A sort key for the time of day in a TIME value ("...T14:30", "...TNI"); days without one sort at noon."""
    m = _CLOCK.search(str(value))
    if not m:
        return "12:00"
    return _PART_OF_DAY_CLOCK.get(m[1], m[1])


def chronology(df: pd.DataFrame) -> pd.DataFrame:
    """The dated rows of a :func:`timeline` table in chronological order."""
    return df[df["chrono_order"].notna()].sort_values("chrono_order").reset_index(drop=True)


def unanchored(df: pd.DataFrame) -> pd.DataFrame:
    """Rows without a calendar place: unresolved relative expressions, vague references, durations and sets.

    Adds a ``why`` column saying which.
    """
    own = df[~df["inherited"].astype(bool)] if "inherited" in df else df
    rest = own[own["chrono_order"].isna()].copy()

    def why(row: pd.Series) -> str:
        if row["unresolved"]:
            return "relative, and no publication date to resolve it against"
        if _is_since(str(row["rule"])):
            return "a starting point (\"since ...\"): the event falls between it and publication, not at it"
        if _is_negated(str(row["rule"])):
            return "negated (\"not in the spring\"): the text says the event is not at this time"
        if row["type"] == "DURATION":
            return "a length of time, not a date"
        if row["type"] == "SET":
            return "a recurrence, not a date"
        if str(row["value"]).endswith("_REF"):
            return "a vague reference (past, present or future)"
        return "no calendar range"

    rest["why"] = [why(r) for _, r in rest.iterrows()] if len(rest) else []
    return rest.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------------------
# Plots
# ---------------------------------------------------------------------------------------------------------------

_PLOTTED_PRECISIONS = ("time", "day", "present", "week", "month", "quarter", "season", "half", "year")


def plottable(df: pd.DataFrame) -> pd.DataFrame:
    """Dated rows precise enough to draw (decades and centuries would flatten a news timeline)."""
    rows = chronology(df)
    return rows[rows["precision"].isin(_PLOTTED_PRECISIONS)].reset_index(drop=True)


def _first_actor(actors: str | None) -> str:
    return actors.split("; ")[0] if actors else _NO_ACTOR


# Okabe & Ito's colour-blind-safe palette (black left for the pooled actors, yellow last: faint as a light bar).
_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
_NO_ACTOR, _NO_ACTOR_COLOUR = "(no actor)", "#8c8c8c"
_OTHER_ACTORS, _OTHER_COLOUR = "(other actors)", "#000000"


def _actor_colours(df: pd.DataFrame) -> dict[str, str]:
    """One colour per first actor (both plots pass ``plottable(df)``, so they agree): a colour of its own for the
    actors with the most events (ties in the order of ``df``), as many as the palette has, never the same twice;
    the others share black as "(other actors)" (:func:`_legend_entries`), events without an actor are grey."""
    first = df["actors"].map(_first_actor)
    counts = first.value_counts(sort=False)
    order = {name: i for i, name in enumerate(dict.fromkeys(first))}
    named = sorted((n for n in order if n != _NO_ACTOR), key=lambda n: (-counts[n], order[n]))
    colours = {name: (_PALETTE[i] if i < len(_PALETTE) else _OTHER_COLOUR) for i, name in enumerate(named)}
    if _NO_ACTOR in order:
        colours[_NO_ACTOR] = _NO_ACTOR_COLOUR
    return colours


def _legend_entries(colours: dict[str, str], drawn: set[str]) -> list[tuple[str, str]]:
    """``(label, colour)`` for the legend: the actors drawn with a colour of their own, then "(other actors)" once
    for those pooled in black, then "(no actor)"."""
    own = [(n, c) for n, c in colours.items() if n in drawn and c != _OTHER_COLOUR and n != _NO_ACTOR]
    if any(colours[n] == _OTHER_COLOUR for n in drawn if n in colours):
        own.append((_OTHER_ACTORS, _OTHER_COLOUR))
    if _NO_ACTOR in drawn:
        own.append((_NO_ACTOR, _NO_ACTOR_COLOUR))
    return own


# The part of a range an edge MOD keeps when drawn ("early 2027": its first third; "mid-2029", "late 2026").
_MOD_THIRD = {"START": 0, "MID": 1, "END": 2}
# A range of more days than this is drawn narrowed to the third its edge MOD names; a shorter one (a deadline's
# day, a weekend) is drawn whole.
_THIRD_MIN_DAYS = 3


def _drawn_span(row: object) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first day and the day after the last that a row is drawn over: its range, narrowed to a third for an
    edge MOD (START, MID, END) of a range longer than a few days (a deadline's day stays a day)."""
    start = pd.Timestamp(row.range_start)
    end = pd.Timestamp(row.range_end) + pd.Timedelta(days=1)
    third = _MOD_THIRD.get(str(getattr(row, "mod", None)))
    if third is not None and (end - start).days > _THIRD_MIN_DAYS:
        step = (end - start) / 3
        start, end = (_snap(start + step * third, step), _snap(start + step * (third + 1), step))
    return start, end


def _snap(when: pd.Timestamp, step: pd.Timedelta) -> pd.Timestamp:
    """``when`` at midnight; at the nearest first of a month when ``step`` is a month or more (a year's thirds
    are January-April, May-August, September-December)."""
    if step < pd.Timedelta(days=28):
        return when.normalize()
    month = when.normalize().replace(day=1)
    following = month + pd.offsets.MonthBegin(1)
    return month if when - month <= following - when else following


_FOOTNOTE_SIZE = 8
_FOOTNOTE_GAP = 4  # points between the x axis (tick labels, "Date", the year offset) and the footnote


def _footnote(ax: Axes, note: str, *, grow: bool) -> None:
    """Write ``note`` under ``ax``, below everything the x axis draws (tick labels, axis label, offset), wrapped to
    the axes' width, so it never overlaps them however long it is.

    The note is placed at draw time from the x axis's drawn extent, so layout engines (``constrained_layout``,
    ``bbox_inches="tight"``) see it and make room. With ``grow`` (the figure is the plot's own) and no layout engine,
    the figure is made taller by what the note needs below its edge, so a plain ``savefig`` keeps the note too.
    """
    import textwrap

    from matplotlib.transforms import Bbox

    fig = ax.figure
    width_pt = ax.get_position().width * fig.get_figwidth() * 72
    lines = textwrap.wrap(note, width=max(40, int(width_pt / (_FOOTNOTE_SIZE * 0.55))))

    def below_axis(renderer):  # the x axis's drawn extent, in display coordinates
        box = ax.xaxis.get_tightbbox(renderer)
        frame = ax.get_window_extent(renderer)
        if box is None:
            box = frame
        return Bbox.from_extents(frame.x0, box.y0, frame.x1, box.y1)

    text = ax.annotate("\n".join(lines), xy=(0, 0), xycoords=below_axis, xytext=(0, -_FOOTNOTE_GAP),
                       textcoords="offset points", ha="left", va="top", fontsize=_FOOTNOTE_SIZE,
                       annotation_clip=False)
    get_renderer = getattr(fig.canvas, "get_renderer", None)
    if grow and not fig.get_layout_engine() and get_renderer is not None:
        # Without a layout engine, make the figure taller by what the note needs below its bottom edge.
        missing = 0.08 - text.get_window_extent(get_renderer()).y0 / fig.dpi  # inches
        if missing > 0:
            height = fig.get_figheight()
            box = ax.get_position()
            fig.set_figheight(height + missing)
            fig.subplots_adjust(bottom=(box.y0 * height + missing) / (height + missing),
                                top=(box.y1 * height + missing) / (height + missing))


def _date_axis(ax: Axes, *, years_only: bool = False) -> None:
    """Date ticks that always name their month ("08 Mar", "15 Mar", "01 Apr"), the year in the offset; years only
    for the far panel of a broken axis."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    if years_only:
        formatter = mdates.DateFormatter("%Y")
    else:
        formatter = mdates.ConciseDateFormatter(
            locator, formats=["%Y", "%b", "%d %b", "%H:%M", "%H:%M", "%S.%f"],
            zero_formats=["", "%b %Y", "%d %b", "%d %b", "%H:%M", "%H:%M"],
            offset_formats=["", "%Y", "%Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M"])
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


def _window_split(rows: pd.DataFrame, window_days: int | None) -> pd.Series:
    """Which rows lie within ``window_days`` of the publication date (the most frequent anchor)."""
    anchors = rows["anchor"].dropna()
    if window_days is None or anchors.empty:
        return pd.Series(True, index=rows.index)
    centre = pd.Timestamp(anchors.mode().iloc[0])
    reach = pd.Timedelta(days=window_days)
    inside = (pd.to_datetime(rows["range_end"]) >= centre - reach) & (
        pd.to_datetime(rows["range_start"]) <= centre + reach)
    return inside


def _draw_rows(ax: Axes, rows: pd.DataFrame, colours: dict[str, str], labelled: pd.Series,
               limits: tuple[pd.Timestamp, pd.Timestamp]) -> None:
    """One lane per row (earliest at the top); the rows of ``labelled`` get their label, right of the mark in the
    axis's left half and left of it in the right half, so the axis need not run past the last event."""
    one_day = pd.Timedelta(days=1)
    lo, hi = limits
    for lane, (row, label) in enumerate(zip(rows.itertuples(), labelled)):
        start, end = _drawn_span(row)
        colour = colours[_first_actor(row.actors)]
        y = len(rows) - 1 - lane
        if end - start <= one_day:
            ax.plot([start + one_day / 2], [y], marker="D" if not row.inherited else "o", markersize=8,
                    color=colour, markerfacecolor=colour if not row.inherited else "white", linestyle="none")
        else:
            ax.barh(y, (end - start).days, left=start, height=0.55, color=colour, alpha=0.35,
                    edgecolor=colour, hatch="//" if row.inherited else None)
        if not label:
            continue
        text = f"{shorten(row.label, 34)}  \u00b7 \u201c{shorten(row.text, 22)}\u201d"
        right_half = (max(start, lo) + (min(end, hi) - max(start, lo)) / 2 - lo) > (hi - lo) / 2
        if right_half:
            ax.annotate(text, (max(start, lo), y), xytext=(-6, 0), textcoords="offset points", va="center",
                        ha="right", fontsize=8.5, annotation_clip=False)
        else:
            ax.annotate(text, (min(end, hi), y), xytext=(6, 0), textcoords="offset points", va="center",
                        fontsize=8.5, annotation_clip=False)
    ax.set_yticks([])
    ax.set_ylim(-0.8, len(rows) - 0.2)
    ax.set_xlim(lo, hi)


def _limits(rows: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day drawn of ``rows`` (:func:`_drawn_span`) with a margin of 5% (at least a day)."""
    one_day = pd.Timedelta(days=1)
    spans = [_drawn_span(row) for row in rows.itertuples()]
    lo = min(start for start, _ in spans)
    hi = max(end for _, end in spans)
    pad = max((hi - lo) * 0.05, one_day)
    return lo - pad, hi + pad


def plot_timeline(df: pd.DataFrame, ax: Axes | None = None, *, window_days: int | None = 120) -> Figure:
    """The reconstructed timeline: one lane per dated event, earliest at the top.

    Day-level dates are marks; week-, month- and longer dates are spans from their first to their last day, an
    edge MOD's third of it ("early 2027", "mid-2029", "late 2026"); a deadline at an edge ("by the end of the year")
    is its last day (:func:`timeline`). Colours are the event's first actor, from a colour-blind-safe palette: the
    actors with the most events get a colour of their own, any beyond the palette share black ("(other actors)"). Decades and centuries are left out (they would flatten the axis). The
    window is chosen from the data: when most dated events lie within ``window_days`` of the publication date (the
    most frequent anchor), the others are named in a note under the plot instead of drawn; when most lie further
    away (a retrospective, an obituary), everything is drawn, on a broken axis (the years before, the weeks around
    publication) when the plot has its own figure. ``window_days=None`` draws everything on one axis. Ticks always
    name their month, and the axis ends just after the last event (labels in its right half stand left of their
    marks).

    Raises:
        ValueError: when the table has no dated rows (check ``plottable(df)`` first).
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    rows = plottable(df)
    if rows.empty:
        raise ValueError("no dated events to plot; check chronology(df) before calling plot_timeline")
    colours = _actor_colours(rows)  # before the window: the same colours as plot_story_order, whatever is drawn
    inside = _window_split(rows, window_days)
    left_out = rows.iloc[0:0]
    broken = False
    if inside.any() and not inside.all():
        if inside.sum() * 2 >= len(rows):
            rows, left_out = rows[inside].reset_index(drop=True), rows[~inside]
            inside = pd.Series(True, index=rows.index)
        else:
            broken = ax is None  # a retrospective: draw it all
    own_figure = ax is None
    height = 0.42 * len(rows) + 1.6
    if broken:
        fig, (far_ax, ax) = plt.subplots(1, 2, figsize=(11, height), sharey=True,
                                         gridspec_kw={"width_ratios": [3, 2], "wspace": 0.06})
        _draw_rows(far_ax, rows, colours, ~inside, _limits(rows[~inside]))
        _draw_rows(ax, rows, colours, inside, _limits(rows[inside]))
        _date_axis(far_ax, years_only=True)
        _date_axis(ax)
        far_ax.spines["right"].set_visible(False)
        ax.spines["left"].set_visible(False)
        ax.tick_params(left=False)
        marks = {"marker": [(-1, -0.6), (1, 0.6)], "markersize": 10, "linestyle": "none", "color": "k",
                 "mec": "k", "mew": 1, "clip_on": False}
        top = [1] if far_ax.spines["top"].get_visible() else []  # the report style hides the top spine
        far_ax.plot([1] * (1 + len(top)), [0, *top], transform=far_ax.transAxes, **marks)
        ax.plot([0] * (1 + len(top)), [0, *top], transform=ax.transAxes, **marks)
        far_ax.set_xlabel("Year")
        ax.set_xlabel("Around publication")
        far_ax.set_title("Reconstructed timeline (earliest at the top; the axis is broken)", loc="left")
        first, last = pd.to_datetime(rows.loc[~inside, "range_start"]).min(), pd.to_datetime(
            rows.loc[~inside, "range_end"]).max()
        _footnote(far_ax, f"Most dated events lie more than {window_days} days from publication, so all are drawn: "
                  f"left, {first.year}\u2013{last.year}; right, the days around publication. The gap between the "
                  f"two halves is not to scale.", grow=True)
    else:
        if ax is None:
            fig, ax = plt.subplots(figsize=(10, height))
        else:
            fig = ax.figure
        _draw_rows(ax, rows, colours, pd.Series(True, index=rows.index), _limits(rows))
        _date_axis(ax)
        ax.set_xlabel("Date")
        ax.set_title("Reconstructed timeline (earliest at the top)")
        if len(left_out):
            names = "; ".join(f"{shorten(r.label, 28)} ({r.value})" for r in left_out.head(6).itertuples())
            more = f" and {len(left_out) - 6} more" if len(left_out) > 6 else ""
            _footnote(ax, f"Not drawn, more than {window_days} days from publication (most events are near it): "
                      f"{names}{more}", grow=own_figure)
    drawn = set(rows["actors"].map(_first_actor))
    ax.legend(handles=[Patch(color=c, label=n) for n, c in _legend_entries(colours, drawn)], title="First actor",
              loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8.5)
    return fig


def plot_story_order(df: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """Story order against chronological order for the dated events: the diagonal is a story told in order.

    Raises:
        ValueError: when the table has no dated rows.
    """
    import matplotlib.pyplot as plt

    dated = plottable(df)
    colours = _actor_colours(dated)
    rows = dated.sort_values("story_order").reset_index(drop=True)
    if rows.empty:
        raise ValueError("no dated events to plot; check chronology(df) before calling plot_story_order")
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 0.3 * len(rows) + 3))
    else:
        fig = ax.figure
    story = list(range(len(rows)))
    chrono = rows["chrono_order"].rank(method="first").astype(int).sub(1).tolist()
    ax.plot(story, chrono, color="#999999", linewidth=1, zorder=1)
    n = len(rows)
    ax.plot([0, n - 1], [0, n - 1], linestyle="--", color="#cccccc", linewidth=1, zorder=0,
            label="told in chronological order")
    for x, y, row in zip(story, chrono, rows.itertuples()):
        ax.scatter([x], [y], color=colours[_first_actor(row.actors)], s=45, zorder=2)
        ax.annotate(shorten(f"{row.label} ({row.text})", 36), (x, y), xytext=(5, 3), textcoords="offset points",
                    fontsize=8)
    ax.set_xlabel("Story order (position in the article)")
    ax.set_ylabel("Chronological order (earliest = 0)")
    ax.set_title("Story order vs chronological order")
    ax.set_xlim(-0.5, n - 0.5 + n * 0.35)
    ax.set_ylim(-0.7, n - 0.3)
    from matplotlib.lines import Line2D

    drawn = set(rows["actors"].map(_first_actor))
    handles = [Line2D([], [], linestyle="--", color="#cccccc", label="told in chronological order")]
    handles += [Line2D([], [], marker="o", linestyle="none", color=c, label=n) for n, c in _legend_entries(colours, drawn)]
    ax.legend(handles=handles, title="First actor", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=8.5)
    return fig

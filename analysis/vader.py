"""News-aware VADER: sentence sentiment with a small, documented lexicon patch for news language.

VADER (Hutto & Gilbert, ICWSM 2014) scores a sentence from word valences rated out of context, with rules for
negation, boosters, "but" and punctuation. Read naively on news it misleads in a few systematic ways: "United
States" is positive because of "united", "security" and "intelligence" are praised as if they were virtues,
"Russia is responsible for what happened" is positive because "responsible" is rated as conscientiousness. The
patch in ``analysis/data/vader_patch.tsv`` corrects such cases, one documented entry each, and VADER's own rules
still run on the corrected valences.

Two more corrections are typographic, not lexical: curly quotation marks and apostrophes are mapped to straight
ones before scoring (VADER's tokenizer strips only ASCII punctuation, so ``“Great`` and ``don’t`` were missed), and
a dash glued between two words is spaced out.

Public functions: :func:`polarity_scores`, :func:`sentence_sentiment` (the compound score), :func:`patch_hits`
(which entries fired on a text, for the reports' caveats), :func:`plain_polarity_scores` (unpatched VADER, for
comparison) and :func:`patch_table` (the patch as a DataFrame).
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

import pandas as pd
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    allcap_differential,
    scalar_inc_dec,
)

__all__ = [
    "PatchEntry",
    "PatchHit",
    "load_patch",
    "patch_hits",
    "patch_table",
    "plain_polarity_scores",
    "polarity_scores",
    "sentence_sentiment",
    "valence_free",
]

_PATCH_FILE = "vader_patch.tsv"
_KINDS = ("name", "phrase", "word", "rule")
_RULES = ("proper-name", "not-only", "despite-concessive", "no-comparative", "less-positive")
_COMPARATIVES = frozenset({"better", "greater", "stronger", "finer", "bigger", "higher", "more"})
_NEUTRAL_NO = "\u2063no"
_NOT_ONLY = frozenset({"only", "just", "merely"})
#: Words before "less" that make it "equally" ("no less welcome", "not less important") or a hedge ("more or
#: less"): the ``less-positive`` rule leaves those alone.
_NOT_LESS = frozenset({"no", "not", "none", "nothing", "or"})
_TYPOGRAPHY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'",
                             "\u00ab": '"', "\u00bb": '"', "\u2032": "'", "\u00a0": " "})
#: ``_TYPOGRAPHY`` as (character, replacement) pairs: a few ``str.replace`` calls are about ten times faster than
#: ``str.translate`` on non-ASCII text, with the same result (no replacement is itself mapped).
_TYPOGRAPHY_PAIRS = tuple((chr(k), v) for k, v in _TYPOGRAPHY.items())
#: A dash glued between two words, or a word and a quotation mark ('minister\u2014"no friend'), spaced out.
_GLUED_DASH = re.compile(r"(?<=[\w\"'\u201c\u201d\u2018\u2019])([\u2014\u2013]|--)(?=[\w\"'\u201c\u201d\u2018\u2019])")
#: A word of one or two letters with a quotation mark glued to it ('"no good options', "'OK'"): VADER strips
#: punctuation only from words that keep more than two characters, so '"no' was no negation and '"ok' no word.
_GLUED_QUOTE = re.compile(r"(?<!\S)([\"']*)([A-Za-z]{1,2})([\"']*)(?=[.,;:!?]*(?!\S))")
_EDGE_PUNCT = string.punctuation + "\u201c\u201d\u2018\u2019\u2026\u2014\u2013"
_CLAUSE_END = tuple(",;:.!?")
_SENTENCE_END = tuple(".!?:\"'")
_SYNTHETIC = "\u2063patch{:+.3f}"  # invisible separator: a lexicon key no text token can equal
_HEADLINE_SHARE = 0.6
_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation


@dataclass(frozen=True)
class PatchEntry:
    """One line of the lexicon patch.

    Attributes:
        id: ``kind:pattern``, stable across runs, used in reports.
        kind: ``name``, ``phrase``, ``word`` or ``rule``.
        pattern: the pattern as written in the file.
        valence: the new valence (VADER's -4..+4 scale).
        reason: why the entry exists.
        slots: the compiled pattern: per slot, the accepted words (``None`` = any word).
        optional: per slot, whether it may be skipped (``*?``).
        targets: indices of the slots whose valence is replaced.
    """

    id: str
    kind: str
    pattern: str
    valence: float
    reason: str
    slots: tuple[frozenset[str] | None, ...] = ()
    optional: tuple[bool, ...] = ()
    targets: tuple[int, ...] = ()


class PatchHit(NamedTuple):
    """A patch entry that changed one word of a scored text.

    ``start``/``end`` are character offsets of the word in the text as given to :func:`patch_hits`.
    """

    entry: str
    kind: str
    word: str
    start: int
    end: int
    lexicon_valence: float
    patched_valence: float
    reason: str


def _compile(kind: str, pattern: str, line_no: int) -> tuple[tuple, tuple, tuple]:
    slots: list[frozenset[str] | None] = []
    optional: list[bool] = []
    targets: list[int] = []
    for i, raw in enumerate(pattern.split()):
        token = raw
        if token.startswith("[") and token.endswith("]"):
            targets.append(i)
            token = token[1:-1]
        if token in ("*", "*?"):
            slots.append(None)
            optional.append(token == "*?")
        else:
            slots.append(frozenset(t.lower() for t in token.split("|")))
            optional.append(False)
    if kind == "name":
        targets = list(range(len(slots)))
    elif kind == "word":
        if len(slots) != 1:
            raise ValueError(f"{_PATCH_FILE} line {line_no}: a 'word' entry holds one word, got {pattern!r}")
        targets = [0]
    elif kind == "phrase" and (len(targets) != 1 or slots[targets[0]] is None or optional[targets[0]]):
        raise ValueError(f"{_PATCH_FILE} line {line_no}: a 'phrase' needs exactly one [word] in brackets, "
                         f"got {pattern!r}")
    return tuple(slots), tuple(optional), tuple(targets)


@functools.lru_cache(maxsize=1)
def load_patch() -> tuple[PatchEntry, ...]:
    """Read and check ``analysis/data/vader_patch.tsv`` (cached).

    Raises:
        ValueError: a line is malformed; the message gives the line and what is expected.
    """
    raw = resources.files("analysis.data").joinpath(_PATCH_FILE).read_text(encoding="utf-8")
    entries: list[PatchEntry] = []
    header_seen = False
    for line_no, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if fields[:4] == ["kind", "pattern", "valence", "reason"]:
                continue
        if len(fields) != 4:
            raise ValueError(f"{_PATCH_FILE} line {line_no}: expected 4 tab-separated fields "
                             f"(kind, pattern, valence, reason), got {len(fields)}")
        kind, pattern, valence_text, reason = (f.strip() for f in fields)
        if kind not in _KINDS:
            raise ValueError(f"{_PATCH_FILE} line {line_no}: kind {kind!r} is not one of {', '.join(_KINDS)}")
        try:
            valence = float(valence_text)
        except ValueError:
            raise ValueError(f"{_PATCH_FILE} line {line_no}: valence {valence_text!r} is not a number") from None
        if not -4.0 <= valence <= 4.0:
            raise ValueError(f"{_PATCH_FILE} line {line_no}: valence {valence} is outside VADER's -4..+4 scale")
        if kind == "rule":
            if pattern not in _RULES:
                raise ValueError(f"{_PATCH_FILE} line {line_no}: unknown rule {pattern!r}; known: {', '.join(_RULES)}")
            entries.append(PatchEntry(f"rule:{pattern}", kind, pattern, valence, reason))
            continue
        if kind == "name" and valence != 0:
            raise ValueError(f"{_PATCH_FILE} line {line_no}: a 'name' entry must have valence 0")
        slots, optional, targets = _compile(kind, pattern, line_no)
        entries.append(PatchEntry(f"{kind}:{pattern}", kind, pattern, valence, reason, slots, optional, targets))
    return tuple(entries)


def patch_table() -> pd.DataFrame:
    """The patch as a table: ``entry, kind, pattern, valence, lexicon_valence, reason``.

    ``lexicon_valence`` is VADER's own value of the replaced word(s), for reading the correction's size.
    """
    lexicon = _plain_analyzer().lexicon
    rows = []
    for e in load_patch():
        words = sorted({w for i in e.targets for w in (e.slots[i] or ())})
        original = "; ".join(f"{w} {lexicon[w]:+.1f}" for w in words if w in lexicon)
        rows.append((e.id, e.kind, e.pattern, e.valence, original, e.reason))
    return pd.DataFrame(rows, columns=["entry", "kind", "pattern", "valence", "lexicon_valence", "reason"])


def _normalise_text(text: str) -> str:
    """Curly quotation marks and apostrophes made straight, quotation marks glued to a word of one or two letters
    blanked (one space for one mark), dashes glued between words spaced out."""
    for curly, straight in _TYPOGRAPHY_PAIRS:  # text.translate(_TYPOGRAPHY), faster
        if curly in text:
            text = text.replace(curly, straight)  # one character for one: the glued-dash pattern sees the same words
    if "-" in text or "\u2014" in text or "\u2013" in text:
        text = _GLUED_DASH.sub(r" \1 ", text)
    return _unglue_quotes(text) if ('"' in text or "'" in text) else text


def _blank_quotes(m: re.Match[str]) -> str:
    return " " * len(m[1]) + m[2] + " " * len(m[3])


def _unglue_quotes(text: str) -> str:
    """``text`` with the quotation marks glued to a word of one or two letters made spaces ('"no good' ->
    ' no good'), one character for one."""
    return _GLUED_QUOTE.sub(_blank_quotes, text)


def _match_form(token: str) -> str:
    word = token.strip(_EDGE_PUNCT).lower()
    if word.endswith("'s") and len(word) > 3:
        word = word[:-2]
    elif word.endswith("s'") and len(word) > 3:
        word = word[:-1]
    return word


def _match_forms(tokens: list[str]) -> list[str]:
    """:func:`_match_form` of every token, in one pass (the hot path of every scored text)."""
    # Edge punctuation, the apostrophe included, is stripped first, so only the "'s" ending can remain.
    stripped = [t.strip(_EDGE_PUNCT).lower() for t in tokens]
    return [w[:-2] if len(w) > 3 and w.endswith("'s") else w for w in stripped]


def _is_titlecase(token: str) -> bool:
    word = token.strip(_EDGE_PUNCT)
    return len(word) > 1 and word[0].isupper() and not word.isupper()


def _match_at(entry: PatchEntry, forms: list[str], raw: list[str], start: int) -> list[int] | None:
    """Positions of the entry's slots when the pattern matches beginning at word ``start``, else None."""

    def walk(slot: int, pos: int) -> list[int] | None:
        if slot == len(entry.slots):
            return []
        accepted = entry.slots[slot]
        if entry.optional[slot]:
            skipped = walk(slot + 1, pos)
            if skipped is not None:
                return [-1, *skipped]
        if pos >= len(forms):
            return None
        if accepted is not None and forms[pos] not in accepted:
            return None
        last = slot == len(entry.slots) - 1
        if not last and raw[pos].endswith(_CLAUSE_END):
            return None
        if entry.kind == "name" and not raw[pos].strip(_EDGE_PUNCT)[:1].isupper():
            return None
        rest = walk(slot + 1, pos + 1)
        return None if rest is None else [pos, *rest]

    return walk(0, start)


def _proper_name_words(raw: list[str], words: list[str], lexicon: dict[str, float],
                       in_lexicon: list[int] | None = None) -> list[int]:
    """Lexicon words inside a mid-sentence run of capitalised words (the ``proper-name`` rule).

    ``in_lexicon``: the positions of the words in the lexicon (lower-cased), when the caller has them.
    """
    if in_lexicon is None:
        in_lexicon = [i for i, w in enumerate(words) if w.lower() in lexicon]
    if not any(_is_titlecase(raw[i]) for i in in_lexicon):
        return []  # no capitalised lexicon word: nothing the rule could change
    n = len(raw)
    # A token opening with a lower-case letter is never title case (its first character is not punctuation to
    # strip), so only the others are checked, and only the lexicon words' neighbours beyond the headline count.
    if n >= 4 and sum(1 for t in raw if not t[0].islower() and _titled(t)) >= _HEADLINE_SHARE * n:
        return []  # headline case: capitals say nothing about names

    def sentence_start(k: int) -> bool:
        return k == 0 or raw[k - 1].endswith(_SENTENCE_END) or raw[k].startswith(('"', "'"))

    hits = []
    for i in in_lexicon:
        token = raw[i]
        if not _titled(token) or sentence_start(i):
            continue
        before = (i > 0 and _titled(raw[i - 1]) and not sentence_start(i - 1)
                  and not raw[i - 1].endswith(_CLAUSE_END))
        after = (i + 1 < n and _titled(raw[i + 1]) and not token.endswith(_CLAUSE_END))
        if before or after:
            hits.append(i)
    return hits


def _titled(token: str) -> bool:
    return _is_titlecase(token) and token.strip(_EDGE_PUNCT) != "I"


def _no_comparatives(forms: list[str], raw: list[str]) -> list[int]:
    """Positions of "no" in "no better/greater NOUN ... than": praise by comparison, not negation (``no-comparative``).

    Args:
        forms: the tokens' match forms (:func:`_match_form`).
        raw: the tokens as written (their punctuation bounds the construction).
    """
    return [i for i in range(len(forms) - 1)
            if forms[i] == "no" and not raw[i].endswith(_CLAUSE_END) and forms[i + 1] in _COMPARATIVES
            and i + 2 < len(forms) and forms[i + 2] != "than" and "than" in forms[i + 3:]]


def _starts(entry: PatchEntry, positions: dict[str, list[int]]) -> list[int]:
    """The word positions where ``entry`` can begin a match, in text order.

    A match beginning at ``start`` puts target slot ``t`` at a position in ``[start, start + t]`` (optional
    slots may be skipped), and that word must be one the slot accepts; so only starts up to ``t`` words before
    an occurrence of a target word can match.
    """
    starts: set[int] = set()
    for t in entry.targets:
        for word in entry.slots[t] or ():
            for pos in positions.get(word, ()):
                starts.update(range(max(0, pos - t), pos + 1))
    return sorted(starts)


def _overrides(raw: list[str], words: list[str], lexicon: dict[str, float], in_lexicon: list[int] | None = None
               ) -> dict[int, tuple[PatchEntry, float]]:
    """Which words get which valence, by precedence: name, phrase (longest first), word, rule.

    Only the entries one of whose target words occurs in the text are tried (an index from word to entries),
    and each only where a target word occurs; a text that no entry can touch costs a few dictionary look-ups.

    Args:
        raw: the whitespace-separated tokens (with their punctuation, which bounds phrases).
        words: VADER's words for the same tokens (one for one), used for the lexicon look-up.
        lexicon: VADER's lexicon; only words in it can be overridden.
        in_lexicon: the positions of the words in the lexicon (lower-cased), when the caller has them.
    """
    ordered, index, rules = _entry_index()
    forms = _match_forms(raw)
    positions: dict[str, list[int]] = {}
    for i, form in enumerate(forms):
        if form in index:
            positions.setdefault(form, []).append(i)
    candidates = set(rules)
    for form in positions:
        candidates.update(index[form])
    chosen: dict[int, tuple[PatchEntry, float]] = {}
    for k in sorted(candidates):
        entry = ordered[k]
        if entry.kind == "rule":
            if entry.pattern == "no-comparative":
                if "no" in forms:
                    for i in _no_comparatives(forms, raw):
                        chosen.setdefault(i, (entry, entry.valence))
                continue
            if entry.pattern != "proper-name":
                continue  # the other negation rules act in _NewsAnalyzer._negation_lows
            for i in _proper_name_words(raw, words, lexicon, in_lexicon):
                chosen.setdefault(i, (entry, entry.valence))
            continue
        for start in _starts(entry, positions):
            matched = _match_at(entry, forms, raw, start)
            if matched is None:
                continue
            for t in entry.targets:
                pos = matched[t]
                if pos >= 0 and pos not in chosen and (entry.valence != 0 or words[pos].lower() in lexicon):
                    chosen[pos] = (entry, entry.valence)
    return chosen


@functools.lru_cache(maxsize=1)
def _ordered_entries() -> tuple[PatchEntry, ...]:
    rank = {"name": 0, "phrase": 1, "word": 2, "rule": 3}
    # "no-comparative" decides what "no" is before the "[no] *" phrase can claim it.
    return tuple(sorted(load_patch(), key=lambda e: (-1 if e.pattern == "no-comparative" else rank[e.kind],
                                                     -len(e.slots))))


@functools.lru_cache(maxsize=1)
def _entry_index() -> tuple[tuple[PatchEntry, ...], dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The ordered entries, an index from each target word to the entries (by rank) that can change it, and
    the ranks of the rules (tried on every text)."""
    ordered = _ordered_entries()
    index: dict[str, list[int]] = {}
    rules = []
    for k, entry in enumerate(ordered):
        if entry.kind == "rule":
            rules.append(k)
            continue
        for t in entry.targets:
            for word in entry.slots[t] or ():
                index.setdefault(word, []).append(k)
    return ordered, {w: tuple(ks) for w, ks in index.items()}, tuple(rules)


@functools.lru_cache(maxsize=1)
def _active_rules() -> frozenset[str]:
    return frozenset(e.pattern for e in load_patch() if e.kind == "rule")


class _PatchedSentiText(SentiText):
    """VADER's SentiText plus the per-word valence overrides of the patch.

    Built as ``SentiText.__init__`` builds it (the text split once, punctuation stripped from each token unless
    that leaves two characters or fewer), with the tokens and the lower-cased words kept for the patch and the
    scorer.
    """

    def __init__(self, text: str, lexicon: dict[str, float]) -> None:
        self.text = text
        self.tokens = text.split()
        self.words_and_emoticons = [w if len(w := t.strip(_PUNCTUATION)) > 2 else t for t in self.tokens]
        self.is_cap_diff = allcap_differential(self.words_and_emoticons)
        self.lows = lows = [w.lower() for w in self.words_and_emoticons]
        self.in_lexicon = [i for i, low in enumerate(lows) if low in lexicon]
        self.overrides = _overrides(self.tokens, self.words_and_emoticons, lexicon, self.in_lexicon)


class _NewsAnalyzer(SentimentIntensityAnalyzer):
    """VADER with the patch: overridden words get their patched valence, then VADER's rules run as usual."""

    def __init__(self) -> None:
        super().__init__()
        for entry in load_patch():
            if entry.valence != 0:
                self.lexicon[_SYNTHETIC.format(entry.valence)] = entry.valence
        # VADER's emoji step looks at one character at a time, so only one-character keys can ever match.
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def scored(self, text: str) -> tuple[dict[str, float], _PatchedSentiText]:
        """Polarity scores of ``text`` and the tokenised text they came from."""
        text = self._demojize(text)
        sentitext = _PatchedSentiText(text, self.lexicon)
        words = sentitext.words_and_emoticons
        lows = sentitext.lows  # each word lower-cased once (VADER does it per rule, per word)
        for i, (entry, valence) in sentitext.overrides.items():
            if entry.pattern == "no-comparative":
                words[i] = _NEUTRAL_NO  # no longer the word "no", so it negates nothing
            elif valence != 0:
                # A synthetic lexicon key carries the new valence through VADER's rules unchanged.
                words[i] = _SYNTHETIC.format(valence)
            lows[i] = words[i].lower()
        lexicon = self.lexicon
        overrides = sentitext.overrides
        last = len(words) - 1
        in_lexicon = sentitext.in_lexicon
        if overrides:  # a replaced word may have entered or left the lexicon
            in_lexicon = sorted(i for i in {*in_lexicon, *overrides} if lows[i] in lexicon)
        # VADER's loop gives every word 0 except a lexicon word that is not a booster, not "kind" of "kind
        # of", and not zeroed by the patch (which stays in place, so "no" still negates what follows).
        sentiments: list[float] = [0] * len(words)
        for i in in_lexicon:
            low = lows[i]
            if low in BOOSTER_DICT or (low == "kind" and i < last and lows[i + 1] == "of"):
                continue
            if i in overrides and overrides[i][1] == 0:
                continue
            sentiments[i] = self._valence(words, lows, i, sentitext.is_cap_diff)
        if "but" in lows:  # VADER's but-check changes nothing without a "but"
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text), sentitext

    def _valence(self, words: list[str], lows: list[str], i: int, is_cap_diff: bool) -> float:
        """VADER 3.3.2's ``sentiment_valence`` for lexicon word ``i``, step for step, reading the lower-cased
        words ``lows`` instead of lower-casing words again in every rule (same arithmetic, same order)."""
        lexicon = self.lexicon
        item, low = words[i], lows[i]
        valence = lexicon[low]
        if low == "no" and i != len(words) - 1 and lows[i + 1] in lexicon:
            valence = 0.0
        if ((i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no")
                or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor"))):
            valence = lexicon[low] * N_SCALAR
        if item.isupper() and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(3):
            if i > start_i and lows[i - (start_i + 1)] not in lexicon:
                s = scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation_lows(valence, lows, start_i, i)
                if start_i == 2:
                    valence = _idioms_lows(valence, lows, i)
        # VADER's _least_check
        if i > 1 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
            if lows[i - 2] != "at" and lows[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
            valence = valence * N_SCALAR
        # The patch's "less-positive" rule, after VADER's steps: "less happy" reads like VADER's "least happy".
        if valence > 0 and "less-positive" in _active_rules() and _less_before(lows, i) is not None:
            valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _negation_lows(valence: float, lows: list[str], start_i: int, i: int) -> float:
        """VADER 3.3.2's ``_negation_check`` on lower-cased words (``negated([w])`` is ``w in NEGATE or "n't" in
        w``), except for the patch's ``not-only`` and ``despite-concessive`` rules."""
        j = i - (start_i + 1)
        negator = lows[j]
        rules = _active_rules()
        if negator == "despite" and "despite-concessive" in rules:
            return valence
        if negator == "not" and "not-only" in rules and j + 1 < len(lows) and lows[j + 1] in _NOT_ONLY:
            return valence
        if start_i == 0 and (negator in _NEGATE or "n't" in negator):
            valence = valence * N_SCALAR
        if start_i == 1:
            if lows[i - 2] == "never" and (lows[i - 1] == "so" or lows[i - 1] == "this"):
                valence = valence * 1.25
            elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
                pass  # "without doubt" keeps the valence
            elif negator in _NEGATE or "n't" in negator:
                valence = valence * N_SCALAR
        if start_i == 2:
            if (lows[i - 3] == "never" and (lows[i - 2] == "so" or lows[i - 2] == "this")
                    or (lows[i - 1] == "so" or lows[i - 1] == "this")):
                valence = valence * 1.25
            elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
                pass
            elif negator in _NEGATE or "n't" in negator:
                valence = valence * N_SCALAR
        return valence

    def polarity_scores(self, text: str) -> dict[str, float]:
        return self.scored(text)[0]

    def _demojize(self, text: str) -> str:
        # VADER's emoji step, unchanged, so that unpatched text scores exactly as plain VADER does.
        if self._emoji_chars.isdisjoint(text):
            return text.strip()  # what the loop below gives when no character is an emoji
        out = []
        prev_space = True
        for ch in text:
            if ch in self.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()


def _less_before(lows: list[str], i: int) -> int | None:
    """The position of the "less" that makes word ``i`` a "less X" or "less than X" (the ``less-positive`` rule),
    or None.

    VADER counts "less" as a mere dampener (its booster value -0.293) and "least" as a negation (the valence
    times ``N_SCALAR``): "Hollis was less happy" scored +0.53, "least happy" -0.46. In news "less happy", "less
    than pleased" and "less successful" report displeasure or failure, so a positive word right after "less" (or
    after "less than") is negated as "least" negates it. "No less", "not less" and "more or less" are left alone.

    Args:
        lows: the text's words, lower-cased.
        i: the position of the valenced word.
    """
    at = i - 1
    if at >= 1 and lows[at] == "than":
        at -= 1
    if at < 0 or lows[at] != "less":
        return None
    before = lows[at - 1] if at > 0 else ""
    if before in _NOT_LESS or "n't" in before:
        return None
    return at


def _idioms_lows(valence: float, lows: list[str], i: int) -> float:
    """VADER 3.3.2's ``_special_idioms_check``, step for step, on words already lower-cased."""
    onezero = f"{lows[i - 1]} {lows[i]}"
    twoonezero = f"{lows[i - 2]} {lows[i - 1]} {lows[i]}"
    twoone = f"{lows[i - 2]} {lows[i - 1]}"
    threetwoone = f"{lows[i - 3]} {lows[i - 2]} {lows[i - 1]}"
    threetwo = f"{lows[i - 3]} {lows[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(lows)
    if n - 1 > i:
        zeroone = f"{lows[i]} {lows[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{lows[i]} {lows[i + 1]} {lows[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


@functools.lru_cache(maxsize=1)
def _analyzer() -> _NewsAnalyzer:
    return _NewsAnalyzer()


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What can give a word a valence in the news-aware VADER: its lexicon's keys, the word forms the patch's
    entries are indexed by, and the emoji characters (VADER spells them out in words)."""
    analyzer = _analyzer()
    return frozenset(analyzer.lexicon), frozenset(_entry_index()[1]), analyzer._emoji_chars


def valence_free(text: str, words: Iterable[str] = ()) -> bool:
    """True when the news-aware VADER must give ``text`` a compound of exactly 0.0: no word of it can carry a
    valence.

    VADER gives a valence only to a word whose lower-cased form (as written, or stripped of its edge
    punctuation) is in its lexicon; the patch changes only words its index names (or lexicon words); emoji are
    spelt out first. With none of these, every word's sentiment is 0 and the compound is ``normalize(0) = 0``.
    The check is conservative: a text it does not clear may still score 0.

    Args:
        text: the text to check.
        words: the text's lower-cased words when the caller has them: one of them in the lexicon answers False
            without tokenising the text again.
    """
    lexicon, patch_forms, emoji = _vocabulary()
    if not lexicon.isdisjoint(words):
        return False
    text = _normalise_text(text)
    if not emoji.isdisjoint(text):
        return False
    tokens = text.split()
    for token in tokens:
        if token.lower() in lexicon or token.strip(string.punctuation).lower() in lexicon:
            return False
    return patch_forms.isdisjoint(_match_forms(tokens))


@functools.lru_cache(maxsize=1)
def _plain_analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _as_text(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"expected the text to score as a str, got {type(text).__name__}")
    return text


def polarity_scores(text: str) -> dict[str, float]:
    """VADER scores of ``text`` through the news patch.

    Args:
        text: a sentence or a quotation (score sentences one at a time: VADER saturates on long texts).

    Returns:
        ``{"compound", "pos", "neu", "neg"}``; compound in [-1, 1], the three shares sum to 1 (0 for empty text).
    """
    return dict(_scores(_as_text(text)))


@functools.lru_cache(maxsize=4096)
def _scores(text: str) -> tuple[tuple[str, float], ...]:
    """:func:`polarity_scores`, cached: in one article the stance's target sentiment and the sentiment per
    speaker score many of the same sentences."""
    scores = _analyzer().polarity_scores(_normalise_text(text))
    return tuple((k, float(scores[k])) for k in ("compound", "pos", "neu", "neg"))


def sentence_sentiment(text: str) -> float:
    """The compound VADER score of ``text`` through the news patch, in [-1, 1]."""
    return polarity_scores(text)["compound"]


def plain_polarity_scores(text: str) -> dict[str, float]:
    """Unpatched VADER on the unchanged text, for comparison (benchmarks, caveats)."""
    scores = _plain_analyzer().polarity_scores(_as_text(text))
    return {k: float(scores[k]) for k in ("compound", "pos", "neu", "neg")}


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`_normalise_text` plus, for each character of the result, its offset in ``text``."""
    glued = {m.start(1): m.end(1) for m in _GLUED_DASH.finditer(text)}
    if not glued:
        return _unglue_quotes(text.translate(_TYPOGRAPHY)), list(range(len(text)))  # one character for one
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        if i in glued:
            piece = " " + text[i:glued[i]] + " "
            out.append(piece)
            where.extend([i] + list(range(i, glued[i])) + [glued[i] - 1])
            i = glued[i]
            continue
        out.append(text[i].translate(_TYPOGRAPHY))
        where.append(i)
        i += 1
    return _unglue_quotes("".join(out)), where  # blanking is one character for one: ``where`` still holds


def patch_hits(text: str) -> list[PatchHit]:
    """The patch entries that changed the reading of ``text``, with the offsets of the word each changed.

    Args:
        text: the text as it is scored (a quotation, a sentence).

    Returns:
        One :class:`PatchHit` per changed word, in text order; ``text[hit.start:hit.end] == hit.word``.
    """
    text = _as_text(text)
    normalised, where = _normalise_with_offsets(text)
    analyzer = _analyzer()
    sentitext = _PatchedSentiText(normalised, analyzer.lexicon)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", normalised)]
    plain = _plain_analyzer().lexicon
    hits = []
    for i, (entry, valence) in sorted(sentitext.overrides.items()):
        word = sentitext.words_and_emoticons[i]
        if entry.kind != "rule" and plain.get(word.lower(), 0.0) == valence:
            continue  # an entry that keeps VADER's value (the verb "like") changed nothing
        t_start, t_end = spans[i]
        at = normalised.find(word, t_start, t_end)
        n_start, n_end = (t_start, t_end) if at < 0 else (at, at + len(word))
        start, end = where[n_start], where[n_end - 1] + 1
        hits.append(PatchHit(entry.id, entry.kind, text[start:end], start, end,
                             plain.get(word.lower(), 0.0), valence, entry.reason))
    hits += _negation_rule_hits(sentitext.tokens, spans, where, text)
    hits += _less_rule_hits(sentitext, analyzer.lexicon, spans, where, text)
    return sorted(hits, key=lambda h: (h.start, h.entry))


def _less_rule_hits(sentitext: _PatchedSentiText, lexicon: dict[str, float], spans: list[tuple[int, int]],
                    where: list[int], text: str) -> list[PatchHit]:
    """The ``less-positive`` rule where it turned a positive word ("less happy"); the hit is the word "less"."""
    entry = next((e for e in load_patch() if e.kind == "rule" and e.pattern == "less-positive"), None)
    if entry is None or "less" not in sentitext.lows:
        return []
    hits = []
    for i in sentitext.in_lexicon:
        valence = sentitext.overrides[i][1] if i in sentitext.overrides else lexicon[sentitext.lows[i]]
        at = _less_before(sentitext.lows, i) if valence > 0 else None
        if at is None:
            continue
        start, end = where[spans[at][0]], where[spans[at][1] - 1] + 1
        hits.append(PatchHit(entry.id, entry.kind, text[start:end], start, end, valence, valence * N_SCALAR,
                             entry.reason))
    return hits


def _negation_rule_hits(tokens: list[str], spans: list[tuple[int, int]], where: list[int], text: str
                        ) -> list[PatchHit]:
    """The ``despite-concessive`` and ``not-only`` rules, where their construction occurs."""
    rules = {e.pattern: e for e in load_patch() if e.kind == "rule"}
    forms = [_match_form(t) for t in tokens]
    hits = []
    for i, form in enumerate(forms):
        if form == "despite" and "despite-concessive" in rules:
            entry = rules["despite-concessive"]
        elif form == "not" and i + 1 < len(forms) and forms[i + 1] in _NOT_ONLY and "not-only" in rules:
            entry = rules["not-only"]
        else:
            continue
        start, end = where[spans[i][0]], where[spans[i][1] - 1] + 1
        hits.append(PatchHit(entry.id, entry.kind, text[start:end], start, end, 0.0, 0.0, entry.reason))
    return hits

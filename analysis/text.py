"""Paragraphs, sentences and set-aside boilerplate of an article, all with character offsets.

Sentences come from NLTK's Punkt tokenizer built from parameters (no model download): a list of
abbreviations (``analysis/data/abbreviations.txt``) keeps "U.S.", "Gen." or "Nov." from ending a sentence.
Curly quotation marks are mapped to straight ones for the tokenizer only (one character for one, so the
offsets stay those of the file), because Punkt does not recognise ``.”`` as a sentence end.

Boilerplate is recognised by general rules, never by the strings of one article:

* ``furniture``: a paragraph that is site furniture ("Leave a Comment", "Read more", ...; ``data/furniture.txt``);
* ``headline``: a short paragraph without closing punctuation, or in headline grammar (a present-tense
  inverted attribution such as "..., says NATO."), such as the headline of a related-article link;
* ``run-in headline``: such a headline glued to the start of a paragraph ("... wedding In his stead, ...");
* ``credits``, ``note``, ``sources``: a paragraph about the article rather than its story -- a wire service's
  credit line ("(Reporting by ...; Editing by ...)", "... contributed to this report."), a correction or an
  editor's note ("Correction: An earlier version of this article misstated ..."), a list of sources
  ("Sources: ..."); the openers are in ``data/end_matter.toml``.

Set-aside spans are kept out of every analysis and listed in the reports.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from importlib import resources

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .articles import Article
from .data import read_toml
from .quotemarks import CLOSERS, DOUBLE_MARKS, STRAIGHT
from .timex import calendar_names

__all__ = ["Document", "Sentence", "SetAside", "parse", "sentences_table", "set_aside_table", "split_sentences"]

_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+")
_LINE_BREAK = re.compile(r"\r?\n")
_QUOTE_MAP = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00ab": '"', "\u00bb": '"'})
#: ``_QUOTE_MAP`` as (character, replacement) pairs: a few ``str.replace`` calls are about ten times faster than
#: ``str.translate`` on text that holds any non-ASCII character, with the same result (no replacement is itself
#: mapped).
_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTE_MAP.items())
_CLOSING = ".!?'\u2019)\u2026:;" + CLOSERS + STRAIGHT  # a paragraph ending so is no headline
_WORD = re.compile(r"[\w'\u2019-]+")
_INVERTED_SAYS = re.compile(r",\s+(?:says|say|warns|claims)\s+\w")
_RUN_IN_OPENERS = (
    "In|The|A|An|But|And|As|At|On|For|With|After|Before|While|When|Meanwhile|However|Instead|Still|"
    "Yet|This|That|These|Those|His|Her|Their|Its|He|She|They|It|We"
)  # not "I": it is capitalised mid-sentence too ("My neighbours and I went")
_RUN_IN = re.compile(rf"^(?P<head>[^.!?\u201c\u201d\"]{{10,160}}?[a-z\u2019'0-9])\s+(?P<next>(?:{_RUN_IN_OPENERS})\s)")
#: A run-in headline has at least this many words ("Local team wins cup again The crowd ..."); fewer is more
#: likely the start of the sentence itself ("Officials told The Associated Press ...").
_RUN_IN_MIN_WORDS = 4
#: Words a headline does not end with but a sentence goes on after ("Reporters from The Washington Post",
#: "as far as I know"): a head ending in one is no headline.
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "as", "at", "by", "for", "from", "in", "into", "of",
    "off", "on", "onto", "out", "over", "to", "up", "upon", "with", "without", "about", "after", "against", "along",
    "among", "around", "before", "behind", "below", "between", "beyond", "during", "except", "inside", "near",
    "since", "than", "through", "toward", "towards", "under", "until", "via", "within", "is", "are", "was", "were",
    "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "not", "no", "what", "which", "who", "whom", "whose", "that", "this",
    "these", "those", "if", "whether", "when", "where", "while", "because", "although", "though", "my", "your",
    "his", "her", "its", "our", "their", "me", "him", "us", "them", "very", "just", "also", "even", "only", "said",
    "says", "told", "asked"
})
#: "The", "A", "An" before a capitalised word start a name ("The Associated Press"), not a new sentence.
_NAME_AFTER_ARTICLE = re.compile(r"(?:The|An?)\s+[A-Z]")
_MAX_HEADLINE_WORDS = 25
_MAX_INVERTED_WORDS = 20


@dataclass(frozen=True)
class Sentence:
    """One sentence of the body: ``text == article.text[start:end]``."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SetAside:
    """A span kept out of the analyses, with the rule that set it aside."""

    kind: str
    rule: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """An article split into body sentences and set-aside spans."""

    article: Article
    sentences: tuple[Sentence, ...]
    set_aside: tuple[SetAside, ...]

    @functools.cached_property
    def _starts(self) -> list[int]:
        """The sentences' starts (sorted: the sentences are disjoint and in text order), for ``sentence_at``."""
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``, if any (a bisection over the sentences' starts)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0:
            s = self.sentences[i]
            if offset < s.end:
                return s
        return None


def _read_lines(name: str) -> list[str]:
    raw = resources.files("analysis.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


# A candidate break of the commonest shape: a word of two or more letters, a period, spaces, a word of letters.
_PLAIN_BREAK = re.compile(r"([A-Za-z]{2,})\. +[A-Za-z]+")


class _Punkt(PunktSentenceTokenizer):
    """Punkt with a shortcut for the commonest candidate break (about half of them), same decisions.

    With these parameters (abbreviations only: no collocations, sentence starters or orthographic context)
    Punkt splits "word. Next" into the tokens "word." and "Next", and breaks after the first exactly when the
    word is not an abbreviation: a word of two or more letters is neither an initial nor a number, and the
    orthographic heuristic can never confirm a sentence start without orthographic context. Any other shape
    goes through Punkt unchanged.
    """

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        # the shortcut holds for untrained parameters only (tokenizing never trains them)
        self._plain = not (params.collocations or params.sent_starters or any(params.ortho_context.values()))

    def text_contains_sentbreak(self, text: str) -> bool:
        plain = _PLAIN_BREAK.fullmatch(text) if self._plain else None
        if plain is not None:
            return plain.group(1).lower() not in self._params.abbrev_types
        return super().text_contains_sentbreak(text)


@functools.lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    calendar = calendar_names()  # "Jan.", "Tues.": abbreviations.txt does not repeat the tagger's day and month names
    params.abbrev_types = ({a.lower().rstrip(".") for a in _read_lines("abbreviations.txt")}
                           | calendar["short_months"] | calendar["short_weekdays"])
    return _Punkt(params)


@functools.lru_cache(maxsize=1)
def _furniture() -> frozenset[str]:
    return frozenset(_normalise(line) for line in _read_lines("furniture.txt"))


@functools.lru_cache(maxsize=1)
def _furniture_words() -> int:
    """The most words (runs of ``\\w``) a furniture phrase has."""
    return max(len(phrase.split()) for phrase in _furniture())


def _may_be_furniture(words: list[re.Match[str]]) -> bool:
    """False when a paragraph has more words than any furniture phrase, which spares most paragraphs the
    normalisation. ``words`` are the paragraph's first ``_WORD`` matches: each one that holds a ``\\w``
    character (anything left once its apostrophes and hyphens are stripped) is at least one word of the
    normalised paragraph, and matches never share a word."""
    limit = _furniture_words()
    if limit >= _MAX_HEADLINE_WORDS:  # ``words`` stops at 26: too few to rule such a phrase out
        return True
    return sum(1 for w in words if w.group().strip("'\u2019-")) <= limit


def _normalise(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Paragraph spans (blank-line separated) of ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    spans = []
    pos = start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        spans.append(_strip_span(text, pos, match.start()))
        pos = match.end()
    spans.append(_strip_span(text, pos, end))
    return [(s, e) for s, e in spans if e > s]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``; a sentence never crosses a line break."""
    end = len(text) if end is None else end
    tok = _tokenizer()
    spans: list[tuple[int, int]] = []
    pos = start
    for match in [*_LINE_BREAK.finditer(text, start, end), None]:
        line_end = end if match is None else match.start()
        s, e = _strip_span(text, pos, line_end)
        if e > s:
            chunk = _straight_quotes(text[s:e])
            clock = ".m." in chunk  # "a.m." / "p.m." may end a sentence Punkt keeps whole
            for a, b in tok.span_tokenize(chunk):
                if clock:
                    spans.extend((s + x, s + y) for x, y in _split_after_clock(chunk, a, b))
                else:
                    spans.append((s + a, s + b))
        if match is not None:
            pos = match.end()
    return spans


# "a.m." / "p.m.", then spaces and a capitalised word (and the word after it): a sentence may end at the clock
_CLOCK_BREAK = re.compile(r"\b[ap]\.m\.(?=\s+([A-Z][\w'\u2019.]*)(?:\s+(\w+))?)")


@functools.lru_cache(maxsize=1)
def _clock_followers() -> frozenset[str]:
    """The capitalised words that may follow "a.m."/"p.m." in a sentence: the words of ``clock_followers.txt``
    (time zones) and the day and month names of the temporal tagger's lexicon, full and abbreviated
    (:func:`analysis.timex.calendar_names`), capitalised, which that file does not repeat."""
    names = frozenset(w[:1].upper() + w[1:] for group in calendar_names().values() for w in group)
    return names | frozenset(w.rstrip(".") for w in _read_lines("clock_followers.txt"))


def _split_after_clock(chunk: str, start: int, end: int) -> list[tuple[int, int]]:
    """``chunk[start:end]`` (one sentence by Punkt) split after each "a.m."/"p.m." that a capitalised word
    follows, unless the word is a day, a month or a time zone (``clock_followers.txt``) or "time" follows it:
    Punkt takes the clock abbreviations as never ending a sentence ("... around 1 a.m. Trevino's campaign manager
    said ..." stayed one)."""
    spans = []
    for m in _CLOCK_BREAK.finditer(chunk, start, end):
        if m[1].replace(".", "") in _clock_followers() or (m[2] or "").lower() == "time":  # "Tues.", "E.T."
            continue
        spans.append((start, m.end()))
        start = m.end() + len(chunk[m.end():end]) - len(chunk[m.end():end].lstrip())
    spans.append((start, end))
    return spans


def _straight_quotes(text: str) -> str:
    """``text.translate(_QUOTE_MAP)``, faster."""
    for curly, straight in _QUOTE_PAIRS:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _is_run_in_head(head: str) -> bool:
    """Whether the text before a capitalised sentence opener reads as a headline glued to the paragraph:
    4 to 15 words, not ending in a function word or a possessive ("went on ABC's This Week")."""
    words = _WORD.findall(head)
    last = words[-1].lower() if words else ""
    return (_RUN_IN_MIN_WORDS <= len(words) <= 15 and last not in _FUNCTION_WORDS
            and not last.endswith(("'s", "\u2019s")))


_END_MATTER_RULES = {"credits": "credit line of the reporters and editors", "note": "correction or editor's note",
                     "sources": "list of sources"}


@functools.lru_cache(maxsize=1)
def _end_matter_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per kind of end matter, one regular expression over a paragraph (``data/end_matter.toml``)."""
    data = read_toml("end_matter.toml")

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    patterns = []
    for kind in _END_MATTER_RULES:
        source = r"\A[\s(*\u2014\u2013-]*(?:" + alternatives(data[kind]["openers"]) + r")"
        if data[kind].get("endings"):
            source += r"|(?:" + alternatives(data[kind]["endings"]) + r")[\s.)]*\Z"
        patterns.append((kind, re.compile(source, re.IGNORECASE)))
    return tuple(patterns)


def _end_matter(para: str) -> tuple[str, str] | None:
    """(kind, rule) when a paragraph is about the article rather than its story (a credit line, a correction or
    an editor's note, a list of sources); None otherwise."""
    for kind, pattern in _end_matter_patterns():
        if pattern.search(para):
            return kind, _END_MATTER_RULES[kind]
    return None


def _classify_paragraph(text: str, start: int, end: int) -> tuple[SetAside | None, int]:
    """Decide whether a paragraph (or its start) is boilerplate; returns the set-aside and where the body resumes."""
    para = text[start:end]
    end_matter = _end_matter(para)
    if end_matter is not None:
        return SetAside(end_matter[0], end_matter[1], start, end, para), end
    # the rules below only ask whether there are at most 25 (or 20) words: count no further than 26
    words = list(itertools.islice(_WORD.finditer(para), _MAX_HEADLINE_WORDS + 1))
    if _may_be_furniture(words) and _normalise(para) in _furniture():
        return SetAside("furniture", "site furniture phrase", start, end, para), end
    has_quote = any(q in para for q in DOUBLE_MARKS)
    if len(words) <= _MAX_HEADLINE_WORDS and para.rstrip()[-1] not in _CLOSING and not has_quote:
        return SetAside("headline", "short paragraph without closing punctuation", start, end, para), end
    if len(words) <= _MAX_INVERTED_WORDS and not has_quote and _INVERTED_SAYS.search(para):
        return SetAside("headline", "headline grammar (present-tense inverted attribution)", start, end, para), end
    match = _RUN_IN.match(para)
    if match and match["head"][0].isupper() and _is_run_in_head(match["head"]) and not _NAME_AFTER_ARTICLE.match(
            para, match.start("next")):
        head_end = start + match.end("head")
        return (
            SetAside("headline", "run-in headline (no punctuation before a capitalised sentence opener)",
                     start, head_end, text[start:head_end]),
            start + match.start("next"),
        )
    return None, start


@functools.lru_cache(maxsize=64)
def parse(article: Article) -> Document:
    """Split an article into body sentences and set-aside boilerplate (cached per article).

    The title line (``Article.body_start``) is not part of the body.
    """
    text = article.text
    sentences: list[Sentence] = []
    aside: list[SetAside] = []
    for p_index, (p_start, p_end) in enumerate(split_paragraphs(text, article.body_start)):
        item, body_from = _classify_paragraph(text, p_start, p_end)
        if item is not None:
            aside.append(item)
        if body_from >= p_end:
            continue
        for s, e in split_sentences(text, body_from, p_end):
            sentences.append(Sentence(len(sentences), p_index, s, e, text[s:e]))
    return Document(article, tuple(sentences), tuple(aside))


def sentences_table(article: Article) -> pd.DataFrame:
    """One row per body sentence: ``article, sentence, paragraph, start, end, text``."""
    doc = parse(article)
    return pd.DataFrame(
        [(article.id, s.index, s.paragraph, s.start, s.end, s.text) for s in doc.sentences],
        columns=["article", "sentence", "paragraph", "start", "end", "text"],
    )


def set_aside_table(article: Article) -> pd.DataFrame:
    """One row per set-aside span: ``article, kind, rule, start, end, text``."""
    doc = parse(article)
    return pd.DataFrame(
        [(article.id, a.kind, a.rule, a.start, a.end, a.text) for a in doc.set_aside],
        columns=["article", "kind", "rule", "start", "end", "text"],
    )

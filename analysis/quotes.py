"""Quotations and reported speech, each attributed to a resolved speaker.

Three kinds of attribution are found in the body sentences of an article (``analysis.text.parse``):

* ``direct``: a quotation in curly or straight marks that is the whole of what is reported ("“Russia is
  responsible,” said Blinken"; "telling an audience: “...”"; a quotation running over several paragraphs);
* ``mixed``: reported speech with quoted fragments inside (Blinken said “what we do now” will determine ...);
  the row's text is the whole reported clause;
* ``indirect``: reported speech and beliefs without marks ("X said (that) ...", "..., X said", "according to
  X", "X denied/accused/vowed ...", "Western officials believe ...").

The writer is the narrator, never a quoted source: a reported clause whose subject is "I" or "we" outside
quotation marks (a columnist's "I wonder whether ...", an editorial's "We urge ...") gives no row and stays
narration (for sentiment and stance too); whom the writer heard ("told me") stays a source.

A reported clause is ``direct`` when at least three quarters of its letters and digits lie inside quotation
marks (PolNeAR's annotation of a quotation includes a few framing words such as "he had").

Quotation marks are paired per paragraph; an unbalanced mark never aborts: a quotation left open runs to the
end of its paragraph (or on into the next paragraph when that one opens with a mark, the convention for long
quotations), a second opening mark closes the first at the sentence end before it, and a stray closing mark is
ignored. Cues come from ``analysis/data/reporting_cues.toml``; speakers are resolved with
:mod:`analysis.speakers` (names, titles, pronouns, relative clauses, appositions, anonymous sources, groups)
and, when given, an actors file (:mod:`analysis.actors`).

The approach follows rule-based attribution extraction as in Pareti (2016, PARC) and the GenderGapTracker
(Asr et al. 2021), without a parser: the cue lexicon and the noun-phrase rules stand in for dependencies.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from . import quotemarks
from .actors import (
    Actors,
    article_actors,
    article_persons,
    article_tokens,
    default_actors_path,
    load_actors,
    person_name,
    string_array,
)
from .articles import Article
from .data import read_toml
from .frames import TEXT_TYPES, UNRESOLVED
from .quotemarks import _Quote, _rstrip, pair_quotes
from .spans import SpanIndex
from .speakers import (
    AGENT_ENDINGS,
    Token,
    anonymity_spans,
    description_head,
    find_names,
    group_head,
    group_opener,
    is_anonymous,
    is_thing_name,
    ly_adverb,
    name_rules,
    plural_group_noun,
    pronoun_kind,
    tokenize,
)
from .text import Document, parse
from .timex import ENTRY_STAMP

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "QUOTE_COLUMNS",
    "SPEAKER_COLUMNS",
    "UNRESOLVED",
    "cue_lexicon",
    "extract_quotes",
    "pair_quotes",
    "plot_share_of_voice",
    "quote_columns",
    "share_of_voice",
    "speakers_table",
    "unresolved",
]

QUOTE_COLUMNS = [
    "article", "kind", "text", "start", "end", "speaker", "speaker_type", "mention", "mention_start",
    "mention_end", "cue", "cue_start", "cue_end", "sentence", "camp", "resolution",
]
SPEAKER_COLUMNS = ["speaker", "speaker_type", "camp", "variants", "direct", "mixed", "indirect", "words"]

_DIRECT_SHARE = 0.75
# Quotation marks and apostrophes: the sets of analysis.quotemarks, under this module's names; every other set,
# regex class or test of a mark in this module is built from these.
_OPENERS = quotemarks.OPENERS  # \u201c \u00ab \u201e
_CLOSERS = quotemarks.CLOSERS  # \u201d \u00bb
_STRAIGHT = quotemarks.STRAIGHT
_MARKS = quotemarks.DOUBLE_MARKS
_SINGLE_OPENERS = quotemarks.SINGLE_OPENERS  # ' \u2018
_SINGLE_CLOSERS = quotemarks.SINGLE_CLOSERS  # ' \u2019
_APOSTROPHES = quotemarks.APOSTROPHES
_POSSESSIVES = quotemarks.POSSESSIVES
_ALL_MARKS = quotemarks.ALL_MARKS
_CLOSER_SET = frozenset(_CLOSERS + _STRAIGHT)  # a double mark that can close a quotation, as a token
_SINGLE_CLOSER_SET = frozenset(_SINGLE_CLOSERS)
_APOSTROPHE_SET = frozenset(_APOSTROPHES)  # a plural possessive's apostrophe as a token ("MPs ' pay")
# a role after a signature's name ("— Hannah Kim, library director"), up to the end of the line
_SIGNATURE_ROLE = r"(?:[ \t\u00a0]*,[ \t\u00a0]*[^\n,.!?\"\u201c\u201d]{1,60}?)?"
_DASH_LABEL = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-]+[ \t\u00a0]*(?P<name>[A-Z][\w.\u2019'\-]*(?:[ \u00a0]"
                         r"(?:[A-Z][\w.\u2019'\-]*|de|van|von|da|del|la))*?)" + _SIGNATURE_ROLE +
                         r"[ \t\u00a0]*[.,]?[ \t\u00a0]*(?=\n|$)")
_PARA_MARKS = _MARKS + _SINGLE_OPENERS  # a mark that reopens a paragraph of a long quotation
# a transcript's speaker label in capitals at the start of a turn ("PENCE: ", "SEN. KAINE: ")
_LABEL = re.compile(r"(?P<label>[A-Z][A-Z\u2019'.\-]+(?: [A-Z][A-Z\u2019'.\-]+){0,2}):[ \t\u00a0]+(?=\S)")
_DASH_SIGNATURE = re.compile(f"[{_CLOSERS}{_STRAIGHT}{_SINGLE_CLOSERS}]"
                             r"[ \t\u00a0]*[\u2015\u2014\u2013][ \t\u00a0]*(?P<name>[A-Z][\w.\u2019'\-]*"
                             r"(?:[ \u00a0][A-Z][\w.\u2019'\-]*)*?)" + _SIGNATURE_ROLE +
                             r"[ \t\u00a0]*[.,]?[ \t\u00a0]*$")
_NOT_LABELS = frozenset({"update", "note", "editor's note", "editor’s note", "correction", "watch", "read",
                         "related", "see also", "photo", "video", "source", "sources", "via", "hat tip", "ps",
                         "p.s", "disclosure", "clarification", "warning", "breaking", "exclusive", "analysis"})
_ALNUM = re.compile(r"[^\W_]")
_LABEL_WORDS = re.compile(r"[A-Za-z\u2019'\-]+")
_THE = re.compile(r"^(?:[Tt]he)\s+")
_TAIL_CLAUSE = re.compile(r"\s*,?\s*(?:\w+ing\b|\u2014|\u2013|which\b|who\b)")
_ANY_WORD = re.compile(r"\w")
_LEAD_LABEL = re.compile(r"([A-Z][A-Za-z.\-\u2019' ]{1,40}):\s")
_INITIAL_END = re.compile(r"\b[A-Z]\.$|\b(?:[A-Z]\.){2,}$")  # "U.S." or "J." keeps its period
_WORDS = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                          "these", "those", "no", "any", "every", "each", "some", "such"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "’s"})
_SKIP_BEFORE_CUE = frozenset(
    {"also", "again", "later", "then", "previously", "repeatedly", "has", "have", "had", "will", "would", "could",
     "should", "may", "might", "must", "can", "did", "does", "do", "not", "never", "just", "already", "still",
     "once", "reportedly", "recently", "publicly", "privately", "all", "both", "initially", "first", "finally",
     "further", "often", "always", "even", "only", "on", "last", "this", "earlier", "week", "month", "year",
     "night", "morning", "afternoon", "evening", "today", "yesterday", "tonight", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "who", "n’t", "n't", "now", "long",
     "openly", "flatly", "quickly", "separately", "subsequently", "specifically", "similarly", "however",
     "too", "ever", "in", "an", "interview", "statement", "recent", "separate", "remarks"})
_TIME_AFTER_CUE = frozenset(
    {"on", "last", "this", "earlier", "later", "week", "month", "year", "night", "morning", "afternoon",
     "evening", "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "recently", "again", "also", "then", "previously", "repeatedly", "publicly",
     "privately", "in", "a", "an", "statement", "interview", "separately", "flatly", "that", ",", ":", "—",
     "sunday’s", "monday’s", "tuesday’s", "wednesday’s", "thursday’s", "friday’s", "saturday’s", "of"})
_NP_STOP_AFTER = frozenset(
    {"in", "during", "at", "on", "ahead", "after", "before", "while", "when", "because", "as", "who", "which",
     "that", "to", "adding", "saying", "according", "and", "but", "last", "this", "earlier", "later", "told",
     "said", "says", "noting", "explaining", "if", "since", "than", "by", "via", "through", "amid", "over"})
_CLAUSE_BREAK = frozenset({";"})
# a time adjunct that closes the sentence after a quotation ("said “we will not pay” on Monday."): when, not what
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:on|last|this|early|late|earlier|later)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|week|month|year|night|morning|afternoon|evening|today|yesterday|tonight)"
    r"(?:\s+(?:night|morning|afternoon|evening))?\s*[.!?]?\s*$", re.IGNORECASE)
# interviews printed as questions and answers: the label opening a paragraph, and the introduction's wording
_QA_LABEL = re.compile(r"(?P<label>[QA])[:.][ \t\u00a0]+(?=\S)")
_INTERVIEW_WITH = re.compile(r"\b(?:[Ii]nterview(?:ed)?|[Cc]onversation|Q&A|spoke|talked|speaks|talks)[ \u00a0]+"
                             r"(?:with[ \u00a0]+|to[ \u00a0]+)?(?P<who>[A-Z][\w\u2019'\-]*|him|her)\b")
_SPOKE_TO = re.compile(r"\b(?:spoke|talked|speaks|talks|sat down)[ \u00a0]+(?:to|with)\b")
_FIRST_PERSON = frozenset({"i", "we", "you", "us", "me"})
_LEAD_ADVERB = re.compile(r"([A-Za-z]+),[ \u00a0]+")
_NEXT_WORD = re.compile(r"['\u2019]?[ \u00a0]+([a-z]+)\b")
_FOLLOWING_WORD = re.compile(r"[ \u00a0]+([a-z][\w\u2019']*)")
# conjunctions that, after a comma, open the writer's own clause after a parenthetical frame (", X says, but ...")
_CONTRAST_AFTER_FRAME = frozenset({"but", "yet", "while", "whereas", "though", "although"})
# prepositions that open an adjunct of place, time or occasion between a cue and its "that" clause
_ADJUNCT_OPENERS = frozenset({"at", "in", "on", "during", "after", "before", "from", "with", "via", "over",
                              "through", "while", "aboard", "inside", "outside", "near", "without"})
_MAX_ADJUNCT = 16  # tokens of such an adjunct
_RECIPROCALS = frozenset({("each", "other"), ("one", "another")})
_SENTENCE_IN_MARKS = re.compile(  # "That is on me."
    f"[{_OPENERS}{_STRAIGHT}{_SINGLE_OPENERS}]?[A-Z][^{_MARKS}]*[.!?][{_SINGLE_CLOSERS}]?" r"\s*$")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_PARTICIPLE_OPENERS = frozenset({",", "—", "–", "-", "and"})
# words after which a participle is not a reduced relative clause of the noun before it ("for saying")
_NOT_AFTER_NOUN = frozenset({"for", "by", "of", "about", "after", "before", "without", "while", "when", "in", "on",
                             "from", "with", "to", "as", "is", "are", "was", "were", "been", "be", "not"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# words that cannot be inside the description before a name in a frame ("“...,” the economist Jo Ray said")
_NOT_IN_DESCRIPTION = frozenset({"by", "with", "to", "from", "for", "about", "at", "in", "on", "and", "or", "but",
                                 "who", "whom", "which", "that", "than", "as", "after", "before", "when", "while",
                                 "if", "because", "said", "says", "told", "against", "between", "like", "into"})
# a quotation closed without a comma, then a short capitalised name and its cue ("“...” Grubbs said.")
_BARE_FRAME = re.compile(r"[ \t\u00a0]+(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.[ \u00a0])?[A-Z][\w\u2019'\-]+"
                         r"(?:[ \u00a0][A-Z][\w\u2019'\-]+){0,2}[ \u00a0](?P<cue>[a-z]+)(?:[.,]|[ \u00a0]"
                         r"(?:on|in|at|after|during|before|of|about|to|with|while|last|this|earlier|[A-Z][a-z]+day)\b)")
# tokens that bound the name of a bare frame on its left (a clause mark or an opening double mark)
_BARE_FRAME_STOPS = frozenset({",", ";", ".", "(", "\u2014", *_OPENERS, _STRAIGHT})
# cues (lemmas) that take an addressee before what was said ("told reporters", "warned the board that ...")
_ADDRESSEE_CUES = frozenset({"tell", "ask", "inform", "remind", "assure", "reassure", "warn", "urge", "advise",
                             "promise"})
# words after which a coordinated subject may start ("But Mr. Autor and his colleagues found")
_CLAUSE_OPENERS = frozenset({"but", "and", "so", "yet", "while", "though", "although", "because", "when", "now",
                             "still", "then", "also"})
# words that may follow a frame's verb the lexicon lacks ("“...,” Toomey fumed at a briefing")
_PLACE_AFTER_CUE = frozenset({"at", "during", "after", "before", "from", "via", "while", "to", "as", "when"})
# words that open a writer's comment after a comma at the end of reported speech
_TRAILING_COMMENT = frozenset({"which", "both", "something", "just", "but", "while", "though", "although", "even",
                               "despite", "including", "because", "since", "unless", "whereas", "a", "an", "who",
                               "whom", "whose", "as", "when", "where", "after", "before", "until", "the", "his",
                               "her", "their", "its", "this", "and"})
# sentence openers of a fronted phrase that ends at the first comma ("At a rally in Ames, ...")
_FRONTED = frozenset({"at", "in", "on", "during", "after", "before", "with", "for", "from", "by", "as", "despite",
                      "over", "throughout", "amid", "across", "around", "within", "under", "through", "ahead",
                      "since", "while", "when", "although", "though", "because", "if", "speaking", "asked", "earlier",
                      "later", "last", "this", "hours", "minutes", "days", "weeks", "months", "years", "moments",
                      "shortly", "soon", "meanwhile", "instead", "still", "however", "now", "then", "today",
                      "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday", "once", "unlike", "like", "following", "according"})
_PREPOSITIONS_BEFORE_NP = frozenset({"to", "with", "on", "at", "in", "for", "from", "by", "of", "about", "among",
                                     "like", "against", "toward", "towards", "into", "onto", "over", "under"})
_ENDS_SENTENCE = re.compile(f"[.?!][)\\]{_SINGLE_CLOSERS}{_CLOSERS}{_STRAIGHT}]*" r"\s*$")
_PREPOSITIONS_BEFORE_PARTICIPLE = frozenset({"by", "for", "after", "before", "while", "without", "upon", "when",
                                             "in", "from"})
_QUANTIFIERS = frozenset({"several", "some", "many", "most", "few", "other", "two", "three", "all", "both", "top"})
_OBJECT_PRONOUNS = frozenset({"her", "him", "them", "it", "me", "us", "this", "that"})
# words that put a name inside an aside rather than at its head (", a spokeswoman for Trump,")
_ASIDE_WORDS = frozenset({"who", "which", "whose", "whom", "the", "for", "of", "with", "by", "like", "to", "at",
                          "from", "about", "against", "behind", "under", "than"})
_CIRCUMSTANCE = frozenset({"on", "in", "at", "during", "after", "before", "from", "while", "via", "through",
                           "within", "until", "inside"})
# what may come before a sentence's subject: nothing, a conjunction, a short time or place phrase and a comma
_SUBJECT_LEAD = re.compile(f"[\\s{_OPENERS}{_STRAIGHT}{_SINGLE_OPENERS}]*"
                           r"(?:(?:But|And|So|Yet|Still|Now|Then|Later|Meanwhile|Instead)\s+)?"
                           r"(?:[A-Z][\w\u2019'.\-]*(?:\s+[\w\u2019'.\-]+){0,5},\s+)?")
_SUBORDINATORS = frozenset({"while", "although", "though", "when", "if", "because", "since", "whereas", "once",
                            "unless", "until", "as"})
_SIGNATURE_LINE = re.compile(r"[ \t]*[-\u2013\u2014\u2015]+[ \t]*(?P<name>[A-Z][\w.\u2019'\-]*(?:[ \u00a0][A-Z]"
                             r"[\w.\u2019'\-]*){0,3}?)[ \t]*\.?[ \t]*")
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})
_MAX_ASIDE = 35  # tokens of parentheses and appositions allowed between a name and its cue
_MAX_ANONYMITY_CLAUSE = 40  # tokens of a clause saying a source is not named ("who asked not to be named ...")
# The fewest words of a quotation that can be a statement of its own after the writer's adjunct (see
# _Extractor._narrator_adjunct): a shorter one is a slogan or a title the writer cites ('the change from the
# campaign slogan, “Make America Great Again.”' has four words), part of the writer's clause, not a direct quote.
_MIN_STATEMENT_WORDS = 5
# The fewest words of a quotation before a trailing time phrase for the phrase to close the reported clause (see
# _Extractor._clause_end): after a shorter one, a title ('told NBC's “Today” on Sunday that ...'), the clause
# goes on.
_MIN_CLAUSE_QUOTE_WORDS = 3
_SOURCE_NOUNS = frozenset({"person", "people", "source", "sources", "official", "officials", "insider", "insiders",
                           "aide", "aides", "someone", "one"})
_SOURCE_PREPOSITIONS = frozenset({"for", "of", "at", "to", "with", "in", "from"})
_ANONYMITY_LEADS = frozenset({",", "but", "and", "who", "speaking", "spoke", "talking", "he", "she", "they",
                              "while", "\u2014", "\u2013"})  # words that lead into it: "..., but spoke on condition"
_ANONYMITY_OPENERS = frozenset({"who", "whom", "speaking", "talking"})
_CLAUSE_BOUNDS = frozenset({",", ";", "(", ")", "\u2014", "\u2013", ".", "?", "!", ":"})
# a cue's subject that, outside quotation marks, is the writer (a columnist's "I", an editorial's "we"): the
# narrator's own words are narration, not a quoted source
_NARRATOR_SUBJECTS = frozenset({"i", "we"})
_NARRATION = "narration"  # the kind of an internal row holding the writer's own reported clause (never output)
_QUOTE_OPENINGS = frozenset(_OPENERS + _STRAIGHT + _SINGLE_OPENERS)
_RELAY_PARTICIPLES = frozenset({"citing", "quoting"})  # ", citing two sources, ...": whom a relay relies on
_UNIT_SIGNS = frozenset({"%", "\u2030", "\u00b0"})  # signs written after a number ("44.9%", "30\u00b0")


@functools.lru_cache(maxsize=1)
def _source_heads() -> frozenset[str]:
    """Nouns that head a source's noun phrase: the name rules' group, description and representative nouns and
    :data:`_SOURCE_NOUNS`."""
    rules = name_rules()
    return rules["group_nouns"] | rules["description_nouns"] | rules["representative_persons"] | _SOURCE_NOUNS


# --------------------------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lexicon:
    forms: dict[str, tuple[str, str]]  # inflected form -> (lemma, kind)
    multiword: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> ((tokens, kind), ...)
    inverted: frozenset[str]
    objects: tuple[tuple[str, ...], ...]
    ambiguous: frozenset[str]
    not_cues: dict[str, tuple[tuple[tuple[str, ...], int], ...]]  # word -> ((phrase, position of word), ...)
    first_words: frozenset[str]
    answers: frozenset[str]  # lemmas whose short definite object answers something said ("rejected the account")
    figure_cues: frozenset[str]  # lemmas whose object may be a result ("reported a quarterly loss")
    figure_nouns: frozenset[str]
    finite: frozenset[str]  # words that make an object a clause
    bare_infinitives: frozenset[str] = frozenset()  # "declined to answer": nothing said
    request_cues: frozenset[str] = frozenset()  # lemmas after which a request for comment is no content
    request_nouns: frozenset[str] = frozenset()
    passive_participles: frozenset[str] = frozenset()  # ", asked whether ...": the source was asked
    passive_followers: frozenset[str] = frozenset()
    object_only: frozenset[str] = frozenset()  # "called the hotline", "thanked the jury": no content
    complement_endings: tuple[str, ...] = ()
    refusals: frozenset[str] = frozenset()  # "refused to say whether ...": nothing said, whatever follows
    negated_object_cues: frozenset[str] = frozenset()  # "offered no evidence": nothing given
    back_reference_nouns: frozenset[str] = frozenset()  # "the MP said": the source just described
    media_nouns: frozenset[str] = frozenset()  # "told the Interfax news agency": the addressee ends on one
    occasion_nouns: frozenset[str] = frozenset()  # "conceded in a brief speech ...": where, not what
    speech_occasions: frozenset[str] = frozenset()  # the occasions of speech among them (timeline reads these)
    audience_nouns: frozenset[str] = frozenset()  # "told the meeting that ...": an addressee before "that"
    mindless: frozenset[str] = frozenset()  # "Those figures assume ...": no belief without a mind
    infinitive_nouns: frozenset[str] = frozenset()  # "a promise to add ...": the infinitive is the noun's
    content_adverbs: frozenset[str] = frozenset()  # "According to X, however, ...": not what was reported
    negative_subjects: frozenset[str] = frozenset()  # "Nothing in it mentions ...": no one says anything
    appositive_nouns: frozenset[str] = frozenset()  # "..., a claim Kyiv rejects": the writer's appositive
    circumstance_participles: frozenset[str] = frozenset()  # "..., facing questions at ...": the writer's


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t[0].lower() for t in tokenize(phrase))


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> _Lexicon:
    """The reporting-cue lexicon (``analysis/data/reporting_cues.toml``), loaded on first use.

    Other analyses derive word lists from it rather than repeat them: the timeline's statement verbs are the forms
    of the lemmas it names (``forms``), and its occasions of speech are ``speech_occasions`` (the file's
    ``[not_reports] occasion_nouns``; ``occasion_nouns`` here adds ``other_occasion_nouns``, for the quotes only).
    """
    data = read_toml("reporting_cues.toml")
    forms: dict[str, tuple[str, str]] = {}
    for kind in ("speech", "belief"):
        for lemma, inflected in data[kind].items():
            for form in {lemma, *inflected.split()}:
                forms.setdefault(form.lower(), (lemma, kind))
    multi_list = sorted(((_words(p), k) for p, k in data["multiword"].items()), key=lambda x: -len(x[0]))
    multi: dict[str, tuple] = {}
    for words, kind in multi_list:
        multi[words[0]] = (*multi.get(words[0], ()), (words, kind))
    objects = tuple(sorted((_words(o) for o in data["objects"]["words"]), key=len, reverse=True))
    not_cues: dict[str, tuple] = {}
    for phrase in (_words(p) for p in data["not_cues"]["phrases"]):
        for k, w in enumerate(phrase):
            not_cues[w] = (*not_cues.get(w, ()), (phrase, k))
    first = frozenset(forms) | frozenset(multi)
    nr = data["not_reports"]
    return _Lexicon(forms, multi, frozenset(w.lower() for w in data["inverted"]["forms"]), objects,
                    frozenset(w.lower() for w in data["ambiguous"]["forms"]), not_cues, first,
                    frozenset(nr["answers"]), frozenset(nr["figure_cues"]), frozenset(nr["figure_nouns"]),
                    frozenset(nr["finite"]), frozenset(nr["bare_infinitives"]), frozenset(nr["request_cues"]),
                    frozenset(nr["request_nouns"]), frozenset(nr["passive_participles"]),
                    frozenset(nr["passive_followers"]), frozenset(nr["object_only"]),
                    tuple(nr["complement_endings"]), frozenset(nr["refusals"]),
                    frozenset(nr["negated_object_cues"]),
                    frozenset(w.lower() for w in data["back_references"]["nouns"]),
                    frozenset(data["objects"]["media_nouns"]),
                    frozenset(nr["occasion_nouns"]) | frozenset(nr["other_occasion_nouns"]),
                    frozenset(nr["occasion_nouns"]),
                    frozenset(data["objects"]["audience_nouns"]), frozenset(nr["mindless_subjects"]),
                    frozenset(nr["infinitive_nouns"]), frozenset(nr["content_adverbs"]),
                    frozenset(nr["negative_subjects"]), frozenset(nr["appositive_nouns"]),
                    frozenset(nr["circumstance_participles"]))


# --------------------------------------------------------------------------------------------- quotation marks


def _paragraph_spans(doc: Document) -> list[tuple[int, int, int]]:
    spans: dict[int, list[int]] = {}
    for s in doc.sentences:
        if s.paragraph in spans:
            spans[s.paragraph][1] = s.end
        else:
            spans[s.paragraph] = [s.start, s.end]
    return [(p, a, b) for p, (a, b) in sorted(spans.items())]


def _split_at_labels(text: str, quotes: list[_Quote], paragraphs: list[tuple[int, int, int]]) -> list[_Quote]:
    """Split a quotation running over several paragraphs where a paragraph opens with a speaker label, as in an
    interview transcript ("WALLACE: ..." / "PENCE: ..."): each turn is a quotation of its own."""
    out: list[_Quote] = []
    starts = [a for _, a, _ in paragraphs]
    for q in quotes:
        inside = paragraphs[bisect.bisect_right(starts, q.start): bisect.bisect_left(starts, q.end)]
        cuts = [(p, a) for p, a, _ in inside if _LABEL.match(text, a + 1 if text[a] in _PARA_MARKS else a)]
        if not cuts:
            out.append(q)
            continue
        start, open_mark, para = q.start, q.open_mark, q.paragraph
        for p, a in cuts:
            end = _rstrip(text, start, a)
            if end > start:
                out.append(_Quote(start, end, open_mark, None, para))
            open_mark = a if text[a] in _PARA_MARKS else None
            start, para = (a + 1 if open_mark is not None else a), p
        out.append(_Quote(start, q.end, open_mark, q.close_mark, para))
    return out


# --------------------------------------------------------------------------------------------- cues


class _Cue(NamedTuple):
    first: int  # token index of the cue's first word
    last: int  # token index of the cue's last word (object included)
    kind: str  # speech | belief | according
    form: str  # the (first) cue word, lower case
    start: int
    end: int
    participle: bool


def _match(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    if i < 0 or i + len(words) > len(tokens):
        return False
    for w in words:  # a plain loop: faster than all() over a generator, and most phrases fail on a word
        if tokens[i][3] != w:
            return False
        i += 1
    return True


def _find_cues(tokens: list[Token], inside: callable) -> list[_Cue]:
    lex = cue_lexicon()
    first = lex.first_words
    cues: list[_Cue] = []
    after = 0  # a cue's words (and its object) are not searched again
    for i in [k for k, tok in enumerate(tokens) if tok[3] in first]:
        if i < after or inside(tokens[i][1]):
            continue
        cue = _multiword_cue(tokens, i, lex) or _single_cue(tokens, i, lex)
        if cue is not None:
            cues.append(cue)
            after = cue.last + 1
    return cues


def _multiword_cue(tokens: list[Token], i: int, lex: _Lexicon) -> _Cue | None:
    for words, kind in lex.multiword.get(tokens[i][3], ()):
        if _match(tokens, i, words):
            last = i + len(words) - 1
            return _Cue(i, last, kind, words[0], tokens[i][1], tokens[last][2], words[0].endswith("ing"))
    return None


def _single_cue(tokens: list[Token], i: int, lex: _Lexicon) -> _Cue | None:
    low = tokens[i][3]
    if low not in lex.forms:
        return None
    lemma, kind = lex.forms[low]
    for phrase, k in lex.not_cues.get(low, ()):
        if _match(tokens, i - k, phrase):
            return None
    prev = tokens[i - 1][3] if i > 0 else ""
    if prev == "," and low in lex.passive_participles and i + 1 < len(tokens) and (
            tokens[i + 1][3] in lex.passive_followers):
        return None  # "Brandt, asked whether he would resign, ...": a passive participle, he was asked
    if prev in _DETERMINERS or prev.endswith(_POSSESSIVES) or prev == "to" and low.endswith("s"):
        return None  # a noun: "a question", "his claim", "Trump's remarks"
    if not tokens[i][0].islower() and (i > 0 or low not in {"asked", "told", "says", "said"}):
        return None  # capitalised mid-sentence: a name or a title ("Post", "Report")
    if low in lex.ambiguous and i > 0 and (not _verb_slot(tokens[i - 1]) or (
            low in name_rules()["document_nouns"] and tokens[i - 1][3] in name_rules()["document_nouns"])):
        # ("a disclosure report", "the survey data": a document noun before a document noun is a compound)
        return None  # a noun: "late-night tweets", "a controversial comment"
    if low in lex.ambiguous and _participle_aside(tokens, i + 1, min(len(tokens), i + 4)):
        return None  # a noun with a reduced relative clause: "Treasury estimates published in March put ..."
    if low in {"state", "states"} and i > 0 and tokens[i - 1][4] and not tokens[i - 1][3].endswith("s"):
        return None  # after a capitalised word (not a plural: "the Saudis state") a noun: "Minnesota state
        # delegate", "Rust Belt states"
    j = i - 1
    while j >= 0 and tokens[j][3] in {"also", "not", "n’t", "n't", "never", "reportedly", "widely"}:
        j -= 1
    if j >= 0 and tokens[j][3] in _BE and not low.endswith("ing") and lemma not in {"say"}:
        return None  # passive: "was asked", "is expected" (the subject is not the source)
    if j >= 0 and tokens[j][3] in _BE and low.endswith("ing") and kind == "speech":
        pass  # progressive: "is saying"
    nxt = tokens[i + 1][3] if i + 1 < len(tokens) else ""
    if kind == "belief" and nxt in {"of", "about", ",", ".", "so", "it’s"} and nxt != "that":
        return None
    last = i
    if lemma in _ADDRESSEE_CUES:
        last = _object_end(tokens, i, lex)
    return _Cue(i, last, kind, low, tokens[i][1], tokens[last][2], low.endswith("ing"))


def _verb_slot(prev: Token) -> bool:
    """Whether a word can stand right before a verb that is also a noun ("Trump tweets", "critics charge",
    "he claims", "who attacked", "also promises"), as opposed to a modifier of a noun ("late-night tweets")."""
    low = prev[3]
    rules = name_rules()
    if prev[4] and prev[0][:1].isalpha():
        return low not in rules["demonyms"] and low not in _DETERMINERS
    if pronoun_kind(low) or low in {"who", "that", "which", "we", "i", "you"}:
        return True
    if low in _SKIP_BEFORE_CUE or ly_adverb(low):
        return low not in {"in", "an", "on", "this", "last", "statement", "interview", "remarks", "recent"}
    return low in rules["group_nouns"] or low in rules["description_nouns"] or low in rules["document_nouns"]


def _object_end(tokens: list[Token], i: int, lex: _Lexicon) -> int:
    """Extend "told" over its addressee: "told reporters", "told The Washington Post", "told him", "told the
    Herald"."""
    for words in lex.objects:
        if _match(tokens, i + 1, words):
            return i + len(words)
    media = _media_addressee(tokens, i + 1, lex)
    if media is not None:
        return media
    j = i + 1
    if j + 1 < len(tokens) and tokens[j][3] == "the" and tokens[j + 1][4] and tokens[j + 1][0][:1].isalpha():
        # "told the Herald", "told the Associated Press": a named addressee after "the" (not "told the American
        # people", "asked the Legal Counsel of the European Parliament": a modifier, or a longer phrase)
        k = j + 1
        while k < len(tokens) and tokens[k][4] and tokens[k][0][:1].isalpha():
            k += 1
        rules = name_rules()
        nxt = tokens[k][3] if k < len(tokens) else ""
        if tokens[k - 1][3] not in rules["demonyms"] and nxt != "of" and nxt not in rules["group_nouns"]:
            j += 1
    run = j
    while j < len(tokens) and (tokens[j][4] and tokens[j][0][:1].isalpha()):
        j += 1
    if j > run and j < len(tokens) and tokens[j][0][:1].isalpha() and not tokens[j][4]:
        # a capitalised word before a lower-case noun modifies it: "urged Western allies to ...", "told Trump
        # supporters that ...": the addressee is the whole phrase when its noun heads a group or a
        # description, else there is no addressee ("told American voters' worries ...")
        rules = name_rules()
        low = tokens[j][3]
        if low in rules["group_nouns"] or low in rules["description_nouns"] or low.endswith(_AGENT_PLURALS):
            k = j + 1
            while low in rules["description_nouns"] and k < len(tokens) and tokens[k][4] and (
                    tokens[k][0][:1].isalpha()):
                k += 1  # "told Breitbart News Daily host Alex Marlow" (not "told Cruz backers Saturday")
            return k - 1
        if tokens[j - 1][3] in rules["demonyms"]:
            return i
    return max(i, j - 1)


# irregular past participles ("brought by a former engineer", "a memo seen by Reuters"); regular ones end in -ed
_IRREGULAR_PARTICIPLES = frozenset({"brought", "sent", "made", "led", "held", "built", "bought", "sought", "taken",
                                    "written", "given", "won", "drawn", "seen", "shown", "known", "begun", "set",
                                    "put", "run", "backed", "read", "heard", "left", "kept", "paid", "laid"})


def _participle_aside(tokens: list[Token], a: int, b: int) -> bool:
    """Whether ``tokens[a:b]`` (an aside between commas) is a past participle phrase with its agent or place
    ("brought by a former engineer", "filed in federal court last month", "signed by 40 senators")."""
    if b - a < 3 or not tokens[a][0].isalpha() or not tokens[a][0].islower():
        return False
    low = tokens[a][3]
    return (low.endswith("ed") or low in _IRREGULAR_PARTICIPLES) and tokens[a + 1][3] in {"by", "in", "on", "at",
                                                                                        "with", "against", "last"}


def _media_addressee(tokens: list[Token], j: int, lex: _Lexicon) -> int | None:
    """The last token of an addressee headed by a media noun (reporting_cues.toml ``[objects] media_nouns``):
    "told the Interfax news agency", "told the state news agency APA", "told the local broadcaster Shant TV",
    "told a German newspaper"; None when the words after the cue are no such phrase."""
    n = len(tokens)
    if j < n and tokens[j][3] in {"the", "a", "an"}:
        j += 1
    for m in range(j, min(n, j + 4)):
        low = tokens[m][3]
        if not tokens[m][0][:1].isalpha() or low in lex.finite:
            return None
        if low in lex.media_nouns and not tokens[m][4]:
            k = m + 1
            while k < n and k - m <= 3 and tokens[k][4] and tokens[k][0][:1].isalpha():
                k += 1  # its name after it: "the state news agency APA"
            if k == m + 1 and k < n and tokens[k][0][:1].isalpha() and tokens[k][3] not in _MEDIA_FOLLOWERS:
                return None  # a modifier: "told the agency staff to ..."
            return k - 1
    return None


# words that may follow a media addressee: "that", time and place adjuncts, the subject of the reported clause
_MEDIA_FOLLOWERS = _TIME_AFTER_CUE | _ADJUNCT_OPENERS | _DETERMINERS | _SUBJECT_PRONOUNS | {
    "about", "by", "late", "early", "shortly"}


# --------------------------------------------------------------------------------------------- noun phrases


def _np_word(tok: Token, rules: dict) -> bool:
    low = tok[3]
    if tok[0][:1].isupper() and tok[0][:1].isalpha():
        return low not in rules["not_names"] or low in _DETERMINERS or low in rules["titles"] or (
            low in rules["premodifiers"] or low in rules["demonyms"] or low in rules["group_nouns"])
    if low in rules["premodifiers"] or low in rules["group_nouns"] or low in rules["description_nouns"]:
        return True
    return low in {"of", "for", "’s", "'s", "-", "."} or low.isdigit() or low.endswith(_POSSESSIVES)


def _plural_possessive(tokens: list[Token], i: int, limit: int) -> bool:
    """Whether ``tokens[i]`` is the apostrophe of a plural possessive ("Farmers' groups"): it is glued to a word
    ending in "s" that starts no earlier than ``limit``."""
    return tokens[i][0] in _APOSTROPHE_SET and i - 1 >= limit and tokens[i - 1][2] == tokens[i][1] and (
        tokens[i - 1][3].endswith("s"))


_ORG_DETERMINERS = frozenset({"the", "a", "an"})
_INDEFINITE = frozenset({"a", "an", "another"})  # "a television reporter": an unnamed person, not one named before


def _np_ending_at(tokens: list[Token], j: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase whose last token is ``tokens[j]`` (scanning back no further than ``lo``)."""
    rules = name_rules()
    if j < lo:
        return None
    head = tokens[j]
    lowercase_head = not head[4] and head[3] not in rules["group_nouns"] and (
        head[3] not in rules["description_nouns"])
    if not head[0][:1].isalnum() or head[3] in _DETERMINERS:
        return None
    if head[4] and head[3] in rules["not_names"] and head[3] not in rules["titles"]:
        return None
    k = j
    limit = max(lo, j - 9)
    while k - 1 >= limit and (_np_word(tokens[k - 1], rules) or _plural_possessive(tokens, k - 1, limit)):
        k -= 1  # "Farmers' groups": a plural possessive
    if k == j and not head[4] and (head[3] in rules["organisation_words"] or head[3] in rules["description_nouns"]) and (
            j - 2 >= lo) and tokens[j - 1][0].isalpha() and tokens[j - 1][0].islower() and (
            tokens[j - 2][3] in (_ORG_DETERMINERS if head[3] in rules["organisation_words"] else _INDEFINITE)) and (
            tokens[j - 1][3] not in rules["not_names"] and tokens[j - 1][3] not in cue_lexicon().forms):
        k = j - 2  # "the sports department", "a television reporter": a modifier before an organisation or role
    if lowercase_head and not (k < j and tokens[j - 1][3] in _DETERMINERS | rules["premodifiers"]) and not (
            _represents_possessor(tokens, k, j) or _representative_after_determiner(tokens, k, j)):
        return None  # an unknown lower-case head counts only right after a determiner ("the network")
    while k < j and tokens[k][3] in {"of", "for", "and", "-", "."}:
        k += 1
    if k < j and tokens[k][3] == "that" and (tokens[k + 1][3] in _DETERMINERS or (
            tokens[k + 1][3].endswith("s") and not tokens[k + 1][3].endswith("ss"))):
        k += 1  # "a criticism that supporters of the board say ...": "that" opens the clause, it is no determiner
    if k - 3 >= lo and tokens[k - 1][3] in {"with", "to"} and tokens[k - 2][3] in {"familiar", "close"}:
        # "a person familiar with the matter", "sources close to the campaign": the source is the noun before
        outer = _np_ending_at(tokens, k - 3, lo)
        if outer is not None and (tokens[outer[1]][3] in rules["group_nouns"] or tokens[outer[1]][3] in (
                rules["description_nouns"]) or tokens[outer[1]][3] in _SOURCE_NOUNS):
            return outer[0], j
    return k, j


def _adverb(tok: Token) -> bool:
    """Whether ``tok`` is a lower-case adverb in "-ly" ("repeatedly"; not a noun such as "family", "ally":
    :func:`analysis.speakers.ly_adverb`)."""
    return tok[0].islower() and ly_adverb(tok[3])


def _represents_possessor(tokens: list[Token], k: int, j: int) -> bool:
    """Whether ``tokens[k:j + 1]`` is a possessive and lower-case words up to a representative noun of the name
    rules ("Kessler's office", "the mayor's press office", "Clinton's lawyer": ``[representatives]``)."""
    rules = name_rules()
    if tokens[j][3] not in rules["representative_bodies"] and tokens[j][3] not in rules["representative_persons"]:
        return False
    for i in range(j - 1, k - 1, -1):
        tok = tokens[i]
        if tok[3].endswith(_POSSESSIVES) or tok[0] in _APOSTROPHE_SET:
            return i < j
        if not (tok[0].isalpha() and tok[0].islower()):
            return False
    return False


def _representative_after_determiner(tokens: list[Token], k: int, j: int) -> bool:
    """Whether ``tokens[k:j + 1]`` is a determiner, capitalised modifiers and a representative noun of the name
    rules ("A Clinton ally", "the Kessler family")."""
    rules = name_rules()
    return k + 1 < j and tokens[k][3] in _DETERMINERS and (
        tokens[j][3] in rules["representative_persons"] or tokens[j][3] in rules["representative_bodies"]) and all(
        t[4] for t in tokens[k + 1:j])


def _source_np_ending_at(tokens: list[Token], j: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase of a source that ends at ``tokens[j]``, widened by :func:`_head_before_complements` to
    the source noun its prepositional phrases hang from ("a spokesman for the ferry line", "an aide to the
    regional governor", "a spokesman at the embassy in Rome"). The last phrase may hold words the noun-phrase
    rules do not take ("the ferry line", "the regional governor"): it is first taken as every word back to a
    preposition (at most eight)."""
    k = j
    while k - 1 >= max(lo, j - 8) and tokens[k - 1][0][:1].isalnum() and tokens[k - 1][3] not in _SOURCE_PREPOSITIONS:
        k -= 1
    widened = _head_before_complements(tokens, (k, j), lo)
    if widened[0] < k:
        return widened
    span = _np_ending_at(tokens, j, lo)
    if span is None and tokens[j][0][:1].isalpha():
        # "One former Ostwick employee": a determiner, then words the noun-phrase rules do not know
        first = next((i for i in range(max(lo, j - 6), j) if tokens[i][3] in _DETERMINERS | _QUANTIFIERS | {
            "one", "another"} and all(t[0][:1].isalnum() and t[3] not in _SOURCE_PREPOSITIONS
                                      for t in tokens[i:j])), None)
        span = (first, j) if first is not None else None
    return _head_before_complements(tokens, span, lo)


_QUANTITY_WORDS = frozenset({"more", "less", "fewer", "about", "around", "nearly", "almost", "over", "some",
                             "roughly", "approximately", "up", "at", "just", "hundreds", "thousands", "millions",
                             "dozens", "tens"})
_MAX_COMPLEMENTS = 3  # prepositional phrases a source's head may carry ("Researchers at the X Institute in Y")


def _head_before_complements(tokens: list[Token], span: tuple[int, int] | None, lo: int
                             ) -> tuple[int, int] | None:
    """``span`` widened back to the source noun its prepositional phrases hang from: the noun phrase before a
    cue may end in the last of them ("Officials in Kyiv", "Researchers at the Karolinska Institute in
    Stockholm", "a spokesman at the embassy in Rome": the noun-phrase rules stop at "in" and "at"). The head
    must be a group, description or source noun of the rules; else ``span`` is returned unchanged."""
    if span is None:
        return None
    first = span[0]
    if first - 3 >= lo and tokens[first - 1][3] == "by" and _participle_by(tokens, first - 2) and (
            tokens[first - 3][3] in name_rules()["document_nouns"]):
        # "emails obtained by the Herald show": the documents, not who obtained them
        before = _np_ending_at(tokens, first - 3, lo)
        return (before[0], span[1]) if before is not None else (first - 3, span[1])
    heads = _source_heads()
    for _ in range(_MAX_COMPLEMENTS):
        if first - 2 < lo or tokens[first - 1][3] not in _SOURCE_PREPOSITIONS and tokens[first - 1][3] != "on":
            break  # ("Shopkeepers on Regent Row said": the shopkeepers, not the street)
        before = _np_ending_at(tokens, first - 2, lo)
        if before is None:
            break
        if tokens[before[1]][3] in heads and not tokens[before[1]][0].isupper():
            return before[0], span[1]
        first = before[0]
    return span


def _document_head(tokens: list[Token]) -> int | None:
    """The index of the document noun heading the phrase ``tokens`` ("a quarterly filing with ...", "court
    records", "the report by ..."): at most four lower-case words before it, none a preposition. None when the
    phrase is not headed by a document noun (``[documents]`` in ``name_rules.toml``)."""
    nouns = name_rules()["document_nouns"]
    for k, tok in enumerate(tokens[:5]):
        if tok[3] in nouns and (not tok[4] or k == 0 and (k + 1 == len(tokens) or not tokens[k + 1][4])):
            # (capitalised only as the phrase's first word: "Emails obtained by the Herald show", "Filings show")
            after = tokens[k + 1][3] if k + 1 < len(tokens) else None
            if after is not None and after not in _SOURCE_PREPOSITIONS and after not in name_rules()[
                    "author_prepositions"] and not _participle_by(tokens, k + 1):
                return None  # "report card", "data center": the noun modifies another
            return k
        if not (tok[0][:1].isalpha() and (tok[0].islower() or tok[3] in _DETERMINERS)) or (
                tok[3] in _SOURCE_PREPOSITIONS) or tok[3] in {
                "by", "and", "or"}:
            return None
    return None


def _participle_by(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is a past participle after a document noun, followed by "by" or ending the phrase
    ("documents obtained by the Herald", "emails reviewed by The Post", "a memo seen by Reuters")."""
    if k >= len(tokens):
        return False
    word = tokens[k][0]
    return word.isalpha() and word.islower() and (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES) and (
        k + 1 == len(tokens) or tokens[k + 1][3] == "by")


def _document_span(tokens: list[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` (a noun phrase after "according to") widened over the name that follows its document noun:
    "a filing with the Securities and Exchange Commission", "a report by the Federal Reserve Bank of Boston",
    "documents obtained by the Herald" (the noun-phrase rules stop at "and" and "by")."""
    if span is None:
        return None
    head = _document_head(tokens[span[0]:span[1] + 1])
    if head is None:
        return span
    k = span[0] + head + 1
    n = len(tokens)
    if k + 1 < n and tokens[k + 1][3] == "by" and _participle_by(tokens, k):
        k += 1  # "documents obtained by the Herald": the documents, described with who obtained them
    if k < n and tokens[k][3] in _SOURCE_PREPOSITIONS | {"by"}:
        k += 1
        if k < n and tokens[k][3] == "the":
            k += 1
        if k >= n or not tokens[k][4]:
            return span
        end = k
        while end + 1 < n and (tokens[end + 1][4] or (tokens[end + 1][3] in {"and", "&", "of", "."} and (
                end + 2 < n and tokens[end + 2][4]))):
            end += 1
        if end + 1 < n and tokens[end + 1][0] == "." and tokens[end][3] in {"inc", "corp", "co", "ltd"}:
            end += 1  # "Acme Inc."
        return span[0], max(span[1], end)
    return span


def _np_after(tokens: list[Token], i: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that starts at ``tokens[i]`` (inverted frames: "said a person familiar with ...")."""
    if i >= hi:
        return None
    k = i
    while k < hi and k - i < 14:
        tok = tokens[k]
        low = tok[3]
        if low == "familiar":
            k += 1
            while k < hi and tokens[k][0] not in {",", ".", ";", "—"}:
                k += 1
            break
        if not tok[0][:1].isalnum() and tok[0] not in {"-", "."}:
            break
        if tok[0] == "." and not (k > i and len(tokens[k - 1][0]) <= 3):
            break
        if k > i and low in _NP_STOP_AFTER:
            break
        k += 1
    if k == i:
        return None
    while k > i and tokens[k - 1][0] in {".", "-"}:
        k -= 1
    return (i, k - 1) if k > i else None


# --------------------------------------------------------------------------------------------- speakers


class _Speaker(NamedTuple):
    speaker: str | None
    speaker_type: str
    camp: str | None
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    resolution: str


# a cue at most this many tokens after a quotation frames it even when its subject stays unresolved
_MAX_UNRESOLVED_FRAME = 4

_MAX_NAME_CHARS = 500  # no person name is longer: bounds the backward look-ups by position


# a source who gives only a first name or is identified by one: ", who gave only his first name, Tariq",
# ", who gave her name as Mira", ", identified only as Sam"
_GIVEN_NAME = re.compile(
    r",\s+(?:(?:who|and)\s+(?:gave|gives|would\s+give|offered|provided)\s+(?:only\s+)?(?P<pronoun>his|her|their)\s+"
    r"(?:first\s+|given\s+|last\s+)?name(?:\s+only)?(?:\s+as)?|(?:who\s+(?:was|is)\s+)?(?:identified|named)\s+"
    r"only\s+as),?\s+(?P<name>[A-Z][^\W\d_]+(?:[-'\u2019][A-Z][^\W\d_]+)?)\b")


_GIVEN_GENDER = {"his": "male", "her": "female"}

# "his"/"her" in the clause a person opens ("Lee Ruiz said her party", "Jo Hale, who lost his seat"): the
# person's gender, for names no honorific or first name gave one (group 1: the words before the pronoun, 2: the
# pronoun, 3: the word after it)
_OWN_POSSESSIVE = re.compile(r"(?:,\s+who)?((?:\s+[a-z][a-z\-]*){0,3}?)\s+(his|her)\s+([a-z][\w\-]*)")
# words between the name and the pronoun after which "his"/"her" may be someone else's ("Hale praised her
# work", "Hale said the minister ... her"), and words after "her" that make it an object ("told her to")
_OTHER_POSSESSOR = frozenset({
    "the", "a", "an", "that", "this", "these", "those", "than", "like", "about", "for", "to", "of", "by",
    "told", "asked", "thanked", "urged", "called", "met", "gave", "give", "gives", "accused", "blamed", "criticised",
    "criticized", "attacked", "backed", "supported", "defended", "replaced", "succeeded", "defeated", "beat",
    "joined", "married", "hired", "fired", "named", "appointed", "nominated", "invited", "visited", "sent",
    "showed", "helped", "congratulated", "interviewed", "questioned", "pressed", "warned", "reminded", "phoned",
    "followed", "endorsed", "challenged", "mocked", "slammed", "praised", "thanks", "tells", "asks", "calls",
    "saw", "heard", "let", "made", "make", "makes", "see", "sees", "want", "wants", "wanted", "on", "at",
    "into", "against", "with", "from", "over", "under", "after", "before", "when", "if", "because", "whom",
    "whose", "him", "them", "us", "me", "you", "she", "he", "they", "it", "we",
})
_OBJECT_FOLLOWER = frozenset({
    "to", "for", "the", "a", "an", "that", "and", "or", "but", "in", "on", "at", "with", "of", "as", "about", "by",
    "from", "this", "those", "these", "when", "if", "after", "before", "because", "back", "again", "up", "down",
    "out", "off", "over", "into", "not", "was", "is", "were", "are", "had", "has", "would", "will", "could", "can",
    "should", "might", "may", "did", "does", "why", "how", "what", "whether", "where", "who", "so", "too", "more",
    "last", "yesterday", "today", "personally", "directly", "later", "first",
})

# the verb of a relative clause after a name (", who sponsored the bylaw")
_WHO_VERB = re.compile(r",\s+who\s+(?:also\s+|first\s+)?([a-z]+ed)\b")

# a role in an apposition after a name (", the health minister,")
_APPOSITION_ROLE = re.compile(r",\s+(?:the|a|an)\s+([a-z][a-z -]{2,40}?)\s*[,.;]")

# the addressee of "told" ("..., Ana Ruiz told Civic Lens"): not the antecedent of a later pronoun when the
# sentence names who told
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|tell|telling)\s+$", re.IGNORECASE)

# between a name and a name in a relative clause set after it: ", who succeeded " (no clause boundary inside)
_RELATIVE_GAP = re.compile(r",\s+(?:who|whom|whose)\s+[^,;.!?\u201c\u201d\"]{1,80}?\s+")


# a sentence opening with the question put to its subject ("Asked whether the prime minister ...,")
_ASKED_OPENER = re.compile(r"\W*Asked\s+(?:whether|if|about|why|how|what|who|when)\b[^.;:!?]*$")


class _Resolver:
    """Per-article speaker resolution: names, pronouns, descriptions, groups, anonymous sources."""

    def __init__(self, article: Article, doc: Document, actors: Actors, in_quote: callable) -> None:
        self.article = article
        self.text = article.text
        self.doc = doc
        self.actors = actors
        pairs, self.index = article_persons(article)
        self.persons = [(m.start, m.end, m, self.index.person_of(m)) for _, m in pairs if m.kind == "person"]
        self.persons = sorted((p for p in self.persons if p[3] is not None and not in_quote(p[0])),
                              key=lambda p: p[0])
        self.orgs = sorted(((m.start, m) for _, m in pairs if m.kind in ("organisation",) and not in_quote(m.start)),
                           key=lambda o: o[0])
        # Position indexes: the look-ups below are bisections, so long articles stay linear.
        self._pstarts = [p[0] for p in self.persons]
        self._ostarts = [o[0] for o in self.orgs]
        self.in_quote = in_quote
        self.by_end = {p[1]: p for p in self.persons}
        self.by_start = {p[0]: p for p in self.persons}
        # names given in a clause ("who gave his name only as Greg"): (start, end, name, gender), antecedents too
        self.given = [(m.start("name"), m.end("name"), m["name"], _GIVEN_GENDER.get((m["pronoun"] or "").lower()))
                      for m in _GIVEN_NAME.finditer(self.text) if not in_quote(m.start("name"))]
        self._gstarts = [g[0] for g in self.given]
        self._learned = self._possessive_genders()

    def _possessive_genders(self) -> dict[int, str]:
        """Genders shown by a "his"/"her" in the clause a person opens ("Lee Ruiz said her party ...", "Jo Hale,
        who lost his seat"), for persons with none from an honorific or a first name; a person shown both stays
        unknown."""
        seen: dict[int, set[str]] = {}
        for k, (_, b, m, pid) in enumerate(self.persons):
            if m.possessive or m.after_preposition or self.index.gender(pid) is not None:
                continue
            limit = self.persons[k + 1][0] if k + 1 < len(self.persons) else len(self.text)
            found = _OWN_POSSESSIVE.match(self.text, b, min(limit, b + 80))
            if found is None or self.in_quote(found.start(2)):
                continue
            if any(w in _OTHER_POSSESSOR for w in found.group(1).split()):
                continue
            if found.group(2) == "her" and found.group(3) in _OBJECT_FOLLOWER:
                continue  # "Hale thanked her for": an object, not a possessive
            seen.setdefault(pid, set()).add(_GIVEN_GENDER[found.group(2)])
        return {pid: g.pop() for pid, g in seen.items() if len(g) == 1}

    def _gender(self, pid: int) -> str | None:
        """A person's gender: from an honorific or a first name (the person index), else from a "his"/"her" in a
        clause they open or from a "he"/"she" already resolved to them; None when unknown."""
        return self.index.gender(pid) or self._learned.get(pid)

    def _sentence_start(self, offset: int) -> int:
        s = self.doc.sentence_at(offset)
        return s.start if s else offset

    def _persons_before(self, start: int) -> int:
        """How many persons (in text order) come before the first one that ends after ``start``."""
        j = bisect.bisect_left(self._pstarts, start)
        for k in range(bisect.bisect_left(self._pstarts, start - _MAX_NAME_CHARS), j):
            if self.persons[k][1] > start:
                return k
        return j

    def person_at(self, start: int, end: int) -> _Speaker | None:
        hits = range(bisect.bisect_left(self._pstarts, start), bisect.bisect_left(self._pstarts, end))
        for k in hits:
            _, b, m, pid = self.persons[k]
            if m.possessive and k + 1 in hits and self.persons[k + 1][1] <= end:
                continue  # "Lind's senior adviser Jonas Berg": the possessive names someone else
            if b < end and _modified_noun(self.text, b):
                continue  # "Stein spokeswoman Ada Ruiz", "McConnell aides": the name modifies a common noun
            if b <= end:
                name = person_name(self.index, pid, self.actors)
                res = "title" if m.titles else "name"
                return _Speaker(name, "person", self.actors.camp_of(name), self.text[start:end], start, end, res)
        return None

    def new_person(self, start: int, end: int) -> _Speaker | None:
        """A name the article index did not confirm (e.g. a lone surname opening a sentence), found in a
        speaker position: still a person."""
        for m in find_names(self.text, start, end):
            if m.end < end and _modified_noun(self.text, m.end):
                continue  # "Farmers' groups", "Clinton aides": the name modifies a common noun
            # a lone word opening the sentence and shaped like a participle or an "-ly" word ("Chastened by the
            # analyses, ...", "Early ..."): the ending alone decides here, not ly_adverb ("Early" is no adverb
            # before a verb, but no name either)
            if m.kind == "person" and not (m.sentence_initial and " " not in m.name and m.name.endswith(
                    ("ed", "ing", "ly"))):
                pid = self.index.person_named(m.name)
                name = person_name(self.index, pid, self.actors) if pid is not None else (
                    self.actors.canonical(m.name) or m.name)
                res = "title" if m.titles else "name"
                return _Speaker(name, "person", self.actors.camp_of(name), self.text[start:end], start, end, res)
        return None

    def label_speaker(self, start: int, end: int) -> _Speaker | None:
        """The speaker a transcript label in capitals names ("PENCE", "SEN. KAINE"): a person of the article
        with that surname, else the label itself in title case."""
        label = self.text[start:end]
        every = _LABEL_WORDS.findall(label.title())
        words = [w for w in every if w.lower() not in name_rules()["titles"]] or every  # "SEN. KAINE", "HOST"
        if not words or label.strip(".").lower() in {"q", "a", "question", "answer", "crosstalk"}:
            return None
        pid = self.index.person_named(words[-1])
        name = person_name(self.index, pid, self.actors) if pid is not None else (
            self.actors.canonical(words[-1]) or " ".join(words))
        return _Speaker(name, "person", self.actors.camp_of(name), label, start, end, "name")

    def resolve(self, start: int, end: int) -> _Speaker:
        """Resolve the noun phrase ``text[start:end]`` to a speaker."""
        start = self._organisation_start(start, end)
        phrase = self.text[start:end]
        words = phrase.split()
        if len(words) == 1 and pronoun_kind(words[0]):
            return self._pronoun(start, end)
        given = _GIVEN_NAME.match(self.text, end) if self.text.startswith(",", end) else None
        if given is not None and not pronoun_kind(words[-1]):
            # "one owner, who gave only his first name, Tariq": the source is the name given
            a, b = given.span("name")
            name = self.actors.canonical(given["name"]) or given["name"]
            return _Speaker(name, "person", self.actors.camp_of(name), self.text[a:b], a, b, "name")
        if is_anonymous(phrase):
            desc = _lower_first(phrase)
            if desc.split(" ", 1)[0].lower() in _SOURCE_NOUNS:  # "People familiar with the matter said"
                desc = desc[:1].lower() + desc[1:]
            desc = self.lower_opener(start, phrase, desc)  # "Government sources said"
            return _Speaker(desc, "anonymous", self.actors.camp_of(phrase), phrase, start, end, "anonymous")
        actor = self.actors.lookup(phrase)
        if actor is not None and actor.type != "person":
            return _Speaker(actor.name, "group", actor.camp, phrase, start, end, "group")
        document = self._document(start, end)
        if document is not None:
            return document
        group = self._group_with_complement(start, end)
        if group is not None:
            return group
        spokes = self._representative(start, end)
        if spokes is not None:
            return spokes
        role = self._role_with_complement(start, end)
        if role is not None:
            return role
        if _role_description(phrase):
            # "A No 10 spokesman", "a spokeswoman for the agency", "Chad's ambassador to France": one person the
            # article describes by role (not the person or place named inside the description)
            desc = _lower_first(phrase)
            return _Speaker(desc, "person", self.actors.camp_of(phrase), phrase, start, end, "description")
        person = self.person_at(start, end) or self.new_person(start, end)
        if person is not None:
            return person
        if actor is not None:
            kind = "person" if actor.type == "person" else "group"
            res = "role alias" if kind == "person" else "group"
            return _Speaker(actor.name, kind, actor.camp, phrase, start, end, res)
        if len(words) == 2 and words[0].lower() == "the" and words[1].endswith(("er", "or")) and words[1].isalpha():
            found = self._agent_of_relative_clause(start, end, words[1].lower())
            if found is not None:
                return found
        head = description_head(phrase)
        if head is not None and not group_head(phrase):
            found = self._description(start, phrase)
            if found is not None:
                return found
            if not find_names(self.text, start, end) and self._verb_follows(end):
                # "The prime minister has called ...", with no one named before whose role it is: the speaker
                # is the description itself (one person, not named by the article here)
                desc = _THE.sub("the ", phrase)
                return _Speaker(desc, "person", self.actors.camp_of(phrase), phrase, start, end, "description")
        names = find_names(self.text, start, end)
        if group_head(phrase) or any(m.kind in ("organisation", "place") for m in names):
            desc = _lower_first(_THE.sub("the ", phrase))
            desc = self.lower_opener(start, phrase, desc)
            last = names[-1] if names else None
            if last is not None and last.kind == "organisation" and last.end == end and last.start > start and (
                    _lower_words(self.text[start:last.start])):
                desc = last.name  # "Civil liberties group Open Streets": the name, not the noun before it
            name = self.actors.canonical(phrase) or self._fuller(desc, start)
            return _Speaker(name, "group", self.actors.camp_of(phrase), phrase, start, end, "group")
        if _organisation_description(phrase):
            # "The council", "the leagues", "Local government groups": an organisation the article describes
            desc = self.lower_opener(start, phrase, _lower_first(_THE.sub("the ", phrase)))
            if start == self._sentence_start(start) and desc[:1].isupper() and phrase.split()[0].lower() in (
                    name_rules()["premodifiers"]):
                desc = desc[:1].lower() + desc[1:]  # "Local government groups" opening the sentence
            desc = self._fuller(desc, start)
            return _Speaker(desc, "group", self.actors.camp_of(phrase), phrase, start, end, "group")
        return _Speaker(None, "unknown", None, phrase, start, end, "unresolved")

    def _fuller(self, desc: str, start: int) -> str:
        """``desc`` ("the department", a group at ``start``) as named in full earlier, outside quotations ("the
        sports department"): one source for both; ``desc`` itself for other descriptions."""
        words = desc.split()
        if len(words) != 2 or words[0] != "the" or not words[1].isalpha() or not words[1].islower() or (
                words[1] not in name_rules()["organisation_words"]):
            return desc
        fuller = [m for m in _fuller_description(words[1]).finditer(self.text, 0, start)
                  if not self.in_quote(m.start())]
        return "the " + fuller[-1].group(1).lower() if fuller else desc

    def _representative(self, start: int, end: int) -> _Speaker | None:
        """Who speaks for the person or body a possessive names ("Kessler's office", "the mayor's press office",
        "Clinton's campaign", "Kessler's lawyer"): the office (type group, resolution ``group``) or the
        representative (type person, resolution ``description``), described by the canonical name of the person
        they speak for ("Hillary Clinton's campaign"; else as written: "the mayor's office"), with that one's
        camp. A determiner, capitalised modifiers and a body of ``[representatives]`` is that body too ("The
        Clinton family", "the family": a group). None unless the phrase is a possessive and lower-case words up
        to a noun of ``[representatives]`` in the name rules, or such a body."""
        tokens = tokenize(self.text, start, end)
        rules = name_rules()
        phrase = self.text[start:end]
        desc = _lower_first(_THE.sub("the ", phrase))
        if len(tokens) >= 2 and tokens[0][3] in _DETERMINERS and tokens[-1][3] in rules["representative_bodies"] and (
                all(t[4] for t in tokens[1:-1])):
            # "The Clinton family", "the family": the body, with the camp of a person named in it
            person = self.person_at(start, tokens[-2][2]) if len(tokens) > 2 else None
            camp = self.actors.camp_of(phrase) or (person.camp if person is not None else None)
            return _Speaker(desc, "group", camp, phrase, start, end, "group")
        if len(tokens) < 2 or not _represents_possessor(tokens, 0, len(tokens) - 1):
            return None
        owner = next(i for i in range(len(tokens) - 2, -1, -1) if tokens[i][3].endswith(_POSSESSIVES) or (
            tokens[i][0] in _APOSTROPHE_SET))
        mark = tokens[owner][0][-2:] if tokens[owner][0][-1:] in "sS" else tokens[owner][0][-1:]
        person = self.person_at(start, tokens[owner][2])
        name = person.speaker if person is not None else None
        if name is None:  # a name only the actors file knows ("Vollmer's office")
            actor = self.actors.lookup(self.text[start:tokens[owner][2] - len(mark)])
            name = actor.name if actor is not None and actor.type == "person" else None
        if name:
            # one speaker however the person is named ("Clinton's campaign", "Rival Hillary Clinton's campaign")
            desc = f"{name}{mark} {self.text[tokens[owner + 1][1]:end]}"
        camp = self.actors.camp_of(phrase)
        if camp is None and person is not None:
            camp = person.camp
        if tokens[-1][3] in rules["representative_bodies"]:
            return _Speaker(desc, "group", camp, phrase, start, end, "group")
        return _Speaker(desc, "person", camp, phrase, start, end, "description")

    def _role_with_complement(self, start: int, end: int) -> _Speaker | None:
        """A definite description of one person by a role with a prepositional phrase ("The mayor of Port
        Halden", "the head of the Federal Reserve", "the chairman of the Labour Party", "the former secretary of
        state"): the role's holder, never what the phrase names. The actors file's person with that role ("the
        mayor"), else a person the article has tied to the role earlier (role words, an apposition, or title
        words sharing the role and its side; the subject just named only when the phrase names no one: a role
        with a name in its complement introduces its holder), else the description itself (type person,
        resolution ``description``). None for other phrases."""
        tokens = tokenize(self.text, start, end)
        if len(tokens) < 4 or tokens[0][3] != "the":
            return None
        h = next((i for i, t in enumerate(tokens) if t[3] in _SOURCE_PREPOSITIONS), None)
        rules = name_rules()
        if h is None or h < 2 or h + 1 >= len(tokens) or tokens[h - 1][3] not in rules["description_nouns"] or (
                not all(t[0].isalpha() and t[0].islower() for t in tokens[1:h])):
            return None
        if tokens[-1][3].endswith(_POSSESSIVES):
            return None  # a possessive ("The former secretary of state's approach") is no source
        # a complement of lower-case words ("the former secretary of state", "the head of the agency") makes a
        # title, used like "the mayor" for someone just named; a name in it introduces the role's holder
        named = any(t[4] and t[3] not in _DETERMINERS for t in tokens[h + 1:])
        phrase = self.text[start:end]
        role = self.text[start:tokens[h - 1][2]]
        actor = self.actors.lookup(role) or (None if named else self.actors.lookup(phrase))
        if actor is not None and actor.type == "person":
            return _Speaker(actor.name, "person", actor.camp, phrase, start, end, "role alias")
        found = self._description(start, role, sides_from=phrase, recent_subject=not named)
        if found is not None:
            return found._replace(mention=phrase, mention_end=end)
        desc = _THE.sub("the ", phrase)
        return _Speaker(desc, "person", self.actors.camp_of(phrase), phrase, start, end, "description")

    def _tied_person(self, start: int, phrase: str, before: int) -> int | None:
        """The latest of the first ``before`` persons whom the article ties to the description ``phrase`` (at
        ``start``) in so many words, earlier in the text: the role words right before the name ("Tory leader
        Ruth Kane") or an apposition after it ("Ruth Kane, the Tory leader, said"; not the phrase itself after
        a name in a prepositional phrase: "on a visit to Leeds, the Tory leader insisted")."""
        core = _THE.sub("", phrase).strip().lower()
        if " " not in core and len(core) < 4:
            return None
        apposition = re.compile(r",\s+(?:the|a|an)\s+" + re.escape(core) + r"\b", re.IGNORECASE)
        for k in range(before - 1, -1, -1):
            a, b, m, pid = self.persons[k]
            if m.possessive or m.after_preposition:
                continue
            if self.text[max(0, a - len(core) - 1):a].lower() == core + " ":
                return pid
            tie = apposition.match(self.text, b)
            if tie is not None and tie.end() <= start:
                return pid
        return None

    def _organisation_start(self, start: int, end: int) -> int:
        """``start``, moved back to the start of an organisation's name that the phrase ends inside: the noun
        phrase rules stop at "and" ("Care Excellence" of "The National Institute for Health and Care
        Excellence")."""
        i = bisect.bisect_right(self._ostarts, start) - 1
        if i >= 0:
            m = self.orgs[i][1]
            if m.start < start < m.end and end <= m.end + 2:
                before = self.text[max(0, m.start - 4):m.start]
                return m.start - 4 if before in ("The ", "the ") else m.start
        return start

    def _group_with_complement(self, start: int, end: int) -> _Speaker | None:
        """A plural group noun heading the phrase, with a prepositional phrase after it ("Allies of Mr Gove",
        "Officials in Kyiv", "Researchers at the Karolinska Institute in Stockholm"): the group is the source,
        described by the whole phrase, not a person or place named in the complement (whose camp it takes)."""
        phrase = self.text[start:end]
        tokens = tokenize(self.text, start, end)
        rules = name_rules()
        h = next((i for i, t in enumerate(tokens) if t[3] in _SOURCE_PREPOSITIONS), None)
        if h is None or h == 0 or h + 1 >= len(tokens):
            return None
        head = tokens[h - 1][3]
        if not plural_group_noun(head) or head in rules["not_names"] or any(
                t[4] and not (i == 0 or t[3] in rules["premodifiers"]) or not t[0][:1].isalnum()
                for i, t in enumerate(tokens[:h - 1])):
            return None
        desc = self.lower_opener(start, phrase, _lower_first(_THE.sub("the ", phrase)))
        return _Speaker(desc, "group", self.actors.camp_of(phrase), phrase, start, end, "group")

    def _verb_follows(self, end: int) -> bool:
        """Whether the phrase ending at ``end`` is a whole subject: a reporting verb, an auxiliary or an adverb
        of the lexicon follows ("The prime minister has called", "the actress said"), not more of the noun
        phrase ("The Republican elite is"), a relative clause ("the man who built ...") or an apposition ("The
        party leader, Marina Lepp, said")."""
        m = _FOLLOWING_WORD.match(self.text, end)
        if m is None:
            return False
        word = m.group(1).lower()
        return word in cue_lexicon().forms or word in _SKIP_BEFORE_CUE and word != "who" or word in _BE or (
            ly_adverb(word))

    def lower_opener(self, start: int, phrase: str, desc: str) -> str:
        """``desc`` (the description of the group ``phrase`` at ``start``) with its first letter in lower case
        when the phrase opens its sentence with a common word capitalised only for that ("Political analysts",
        "Farmers' groups"; not "House Republicans", nor "Sanders' aides" when Sanders is a person here)."""
        if start != self._sentence_start(start) or not _common_opener(phrase):
            return desc
        if self.index.person_named(phrase.split()[0].rstrip(_APOSTROPHES)) is not None:
            return desc
        return desc[:1].lower() + desc[1:]

    def _document(self, start: int, end: int) -> _Speaker | None:
        """A document as the source ("a filing with the Securities and Exchange Commission", "court records",
        "the report"): a group, described in full, or its author when a name follows "by"/"from"/"of" ("a
        report by the Federal Reserve Bank of Boston"); resolution ``document``. None for other phrases."""
        phrase = self.text[start:end]
        nouns = name_rules()["document_nouns"]
        if not any(w in nouns for w in phrase.lower().split()[:6]):
            return None  # the common case, without tokenising
        tokens = tokenize(self.text, start, end)
        head = _document_head(tokens)
        if head is None:
            return None
        rules = name_rules()
        k = head + 1
        if k + 1 < len(tokens) and tokens[k][3] == "of" and (
                tokens[k + 1][3] in _QUANTITY_WORDS or tokens[k + 1][0][:1].isdigit()):
            # "a study of more than 78,000 adults": the study, whatever its size
            tokens = tokens[:k]
            end = tokens[-1][2]
            phrase = self.text[start:end]
        if k + 1 < len(tokens) and tokens[k][3] in rules["author_prepositions"]:
            a = k + 2 if tokens[k + 1][3] == "the" and k + 2 < len(tokens) else k + 1
            if tokens[a][4]:  # a name: the document's author
                author_start = tokens[k + 1][1]
                found = self.by_start.get(tokens[a][1])  # a person named right there ("a memo by Ana Ruiz")
                person = self.person_at(found[0], found[1]) if found is not None and found[1] <= end else None
                if person is not None:
                    return _Speaker(person.speaker, "person", person.camp, phrase, start, end, "document")
                author = self.text[author_start:end]
                name = self.actors.canonical(author) or _lower_first(_THE.sub("the ", author))
                return _Speaker(name, "group", self.actors.camp_of(author), phrase, start, end, "document")
        desc = _lower_first(_THE.sub("the ", phrase))
        if head == 0 and tokens[0][4]:  # "Emails obtained by the Herald show": capitalised as the sentence opens
            desc = desc[:1].lower() + desc[1:]
        if k == len(tokens) and k >= 2 and tokens[0][3] in {"a", "an", "the"}:
            # "a letter" and, later, "the letter" are one source: named with "the" either way
            desc = "the " + self.text[tokens[1][1]:end]
        return _Speaker(desc, "group", self.actors.camp_of(phrase), phrase, start, end, "document")

    def _pronoun(self, start: int, end: int) -> _Speaker:
        word = self.text[start:end]
        kind = pronoun_kind(word)
        if kind in ("male", "female"):
            best = self._sentence_subject_antecedent(start, kind)
            for k in range(self._persons_before(start) - 1, -1, -1):
                if best is not None:
                    break
                _, _, m, pid = self.persons[k]
                if m.possessive or m.after_preposition:
                    continue
                gender = self._gender(pid)
                if gender is not None and gender != kind:
                    continue
                if not self.index.vouched(pid):
                    continue  # "Buffalo", "Vote": a capitalised word never seen with a first name or title
                if is_thing_name(self.index.canonical(pid)):
                    continue  # "the Water Allocation Bill", "Regent Row": a person pronoun never takes a thing
                if k > 0 and self._object_of_relative_clause(k, kind):
                    continue  # "Helen Moss, who succeeded Mary Jones, said ... She said": the subject, not the object
                if self._addressee(k):
                    continue  # "Ana Ruiz told Civic Lens ... he wrote": who was told is not "he"
                best = (m, pid)
            given = self._given_before(start, kind, best[0].start if best is not None else -1)
            if given is not None:
                name = self.actors.canonical(given) or given
                return _Speaker(name, "person", self.actors.camp_of(name), word, start, end, "pronoun")
            if best is not None:
                self._learned.setdefault(best[1], kind)  # a later pronoun of the other gender is someone else
                name = person_name(self.index, best[1], self.actors)
                return _Speaker(name, "person", self.actors.camp_of(name), word, start, end, "pronoun")
        elif kind == "plural":
            group = self._group_before(start)
            if group is not None:
                return _Speaker(group.speaker, group.speaker_type, group.camp, word, start, end, "pronoun")
        elif kind == "organisation":
            org = None
            i = bisect.bisect_left(self._ostarts, start) - 1
            if i >= 0 and self._sentence_start(start) - self.orgs[i][0] < 400:
                org = self.orgs[i][1]
            if org is not None:
                name = self.actors.canonical(org.name) or org.name
                return _Speaker(name, "group", self.actors.camp_of(org.name), word, start, end, "pronoun")
        return _Speaker(None, "unknown", None, word, start, end, "unresolved")

    def _agent_of_relative_clause(self, start: int, end: int, noun: str) -> _Speaker | None:
        """The latest person named before ``start`` whom a relative clause gives the deed of the agent noun
        ``noun`` ("the sponsor" after "Ana Ruiz, who sponsored the bylaw,"; "the founder" after "..., who
        founded ..."), else None."""
        verbs = {noun + "ed", noun[:-2] + "ed", noun[:-1] + "d"}
        for k in range(bisect.bisect_left(self._pstarts, start) - 1, -1, -1):
            _, b, m, pid = self.persons[k]
            clause = _WHO_VERB.match(self.text, b)
            if clause is not None and clause.group(1).lower() in verbs and not m.possessive:
                name = person_name(self.index, pid, self.actors)
                phrase = self.text[start:end]
                return _Speaker(name, "person", self.actors.camp_of(name), phrase, start, end, "description")
        return None

    def _addressee(self, k: int) -> bool:
        """Whether person ``k`` (of ``self.persons``) is the object of "told" after a person named earlier in the
        same sentence ("Ana Ruiz, who wrote the rule, told Civic Lens"): the one told is not a later pronoun's
        antecedent when the sentence has a person subject."""
        a = self.persons[k][0]
        if not _TOLD_BEFORE.search(self.text, max(0, a - 12), a):
            return False
        lo = self._sentence_start(a)
        return any(not m.possessive and not m.after_preposition and lo <= b0 < a
                   for b0, _, m, _ in self.persons[bisect.bisect_left(self._pstarts, lo):k])

    def _given_before(self, start: int, kind: str, after: int) -> str | None:
        """The latest name given in a clause ("who gave his name only as Greg") after ``after`` (the person
        otherwise taken) and before ``start``, of the pronoun's gender: the nearer antecedent."""
        for k in range(bisect.bisect_left(self._gstarts, start) - 1, -1, -1):
            a, _, name, gender = self.given[k]
            if a <= after:
                break
            if gender in (None, kind):
                return name
        return None

    def _object_of_relative_clause(self, k: int, kind: str) -> bool:
        """Whether person ``k`` (of ``self.persons``) stands in a relative clause on the person named just before
        it, who could take a pronoun of ``kind`` too ("Helen Moss, who succeeded Mary Jones as chair, said"):
        the clause's object is not the antecedent, its head is."""
        a, _, _, _ = self.persons[k]
        _, hb, hm, hpid = self.persons[k - 1]
        if hm.possessive or hm.after_preposition or not _RELATIVE_GAP.fullmatch(self.text, hb, a):
            return False
        gender = self._gender(hpid)
        return (gender is None or gender == kind) and self.index.vouched(hpid)

    def _sentence_subject_antecedent(self, start: int, kind: str) -> tuple | None:
        """The person who opens the pronoun's own sentence as its subject, when the pronoun is not the
        sentence's first word ("Jeb Bush pointed out that since Manning backed him, he would ..."; "Bush went
        after Trump, when he called ..."): subjects are the likelier antecedents than objects in between."""
        s = self.doc.sentence_at(start)
        if s is None:
            return None
        k = bisect.bisect_left(self._pstarts, s.start)
        if k >= len(self.persons) or self.persons[k][0] >= start:
            return None
        a, _, m, pid = self.persons[k]
        head = self.text[s.start:a]
        if m.possessive or m.after_preposition or not _SUBJECT_LEAD.fullmatch(head):
            return None  # the sentence does not open with this person
        gender = self._gender(pid)
        if (gender is not None and gender != kind) or not self.index.vouched(pid) or (
                is_thing_name(self.index.canonical(pid))):
            return None
        return m, pid

    def _group_before(self, start: int) -> _Speaker | None:
        """The nearest plural group noun phrase ("US officials") before ``start``, in this sentence or the two
        before it."""
        s = self.doc.sentence_at(start)
        if s is None:
            return None
        for index in range(s.index, max(-1, s.index - 3), -1):
            sent = self.doc.sentences[index]
            tokens = tokenize(self.text, sent.start, min(sent.end, start))
            for k in range(len(tokens) - 1, -1, -1):
                low = tokens[k][3]
                if not plural_group_noun(low):
                    continue
                if self.in_quote(tokens[k][1]):
                    continue
                span = _np_ending_at(tokens, k, 0)
                if span is None and tokens[k][4]:
                    # a capitalised group ("House Democrats", "other Republicans"): the noun and its modifiers
                    a = k
                    while a - 1 >= 0 and k - a < 3 and (tokens[a - 1][4] or tokens[a - 1][3] in {"other", "some"}):
                        a -= 1
                    span = (a, k)
                if span is not None:
                    return self.resolve(tokens[span[0]][1], tokens[span[1]][2])
        return None

    def _description(self, start: int, phrase: str, *, sides_from: str | None = None,
                     recent_subject: bool = True) -> _Speaker | None:
        """A definite description ("the Ukrainian leader"): the latest person whose title words share a word
        with it, else (when ``recent_subject``) the nearest person named as a subject in the two sentences
        before. ``sides_from``: a longer phrase whose party and nationality adjectives count too ("the leader"
        of "the leader of the Labour Party")."""
        rules = name_rules()
        words = {w.lower() for w in _WORDS.findall(phrase)} - {"the", "top", "senior", "former", "us", "u.s"}
        # nationality and party adjectives ("the Tory leader", "the Ukrainian president") must be the person's
        # own: a person whose title words share the role but not the adjective is not tied to it
        sides = rules["demonyms"] | rules["affiliations"]
        proper = {w.lower() for w in _WORDS.findall(sides_from or phrase)[1:] if w[:1].isupper()} & sides
        before = bisect.bisect_left(self._pstarts, start)
        # (a role with a complement that gives a side, "the leader of the Labour Party", is tied by its title
        # words below, which must carry the side)
        best = self._tied_person(start, phrase, before) if not (sides_from and proper) else None
        former = "former" in {w.lower() for w in _WORDS.findall(sides_from or phrase)}
        # the latest person holding every role word of the phrase, else the latest holding one of them; a role
        # held only "formerly" ("Former Chief Minister B. S. Patil") is not "the Chief Minister"
        # the title words of the role itself ("prime minister"): a person holding only some of them holds
        # another role ("Health Minister Ana Ruiz" is not "the prime minister")
        role = (words & rules["titles"]) - sides
        for whole in (True, False):
            for k in range(before - 1 if best is None else -1, -1, -1):
                pid = self.persons[k][3]
                titles = self.index.titles(pid)
                held = (titles if former else self.index.current_titles(pid)) - {"former", "top", "senior"}
                if (words <= held if whole else words & held and not _role_clash(role, held)) and proper <= titles:
                    best = pid
                    break
        res = "description"
        if best is None and recent_subject:
            s = self.doc.sentence_at(start)
            floor = self.doc.sentences[max(0, s.index - 2)].start if s else start - 300
            for k in range(before - 1, -1, -1):
                a, _, m, pid = self.persons[k]
                if a < floor:
                    break
                if not m.possessive and not m.after_preposition:
                    # the subject just named ("But Trump claims ... The Republican nominee continues"), unless
                    # its title words give it another side ("Labour leader Ed Ames") or the role without the
                    # side ("President Obama" for "the Russian president")
                    titles = self.index.titles(pid) | {  # and lower-case role words ("Labour leader Ed Ames")
                        w.lower() for w in _WORDS.findall(self.text[max(0, a - 30):a])[-3:]}
                    appos = _APPOSITION_ROLE.match(self.text, self.persons[k][1])  # ", the health minister,"
                    held = titles | ({w.lower() for w in _WORDS.findall(appos.group(1))} if appos else set())
                    if (not proper or proper <= titles or not (titles & sides or words & titles)) and not (
                            _role_clash(role, held)):  # not "Health Minister Ana Ruiz"
                        best = pid
                    break
        if best is None or not (words & rules["description_nouns"]):
            return None
        name = person_name(self.index, best, self.actors)
        return _Speaker(name, "person", self.actors.camp_of(name), phrase, start, start + len(phrase), res)


_DATELINE_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
_MAX_DATELINE_TOKENS = 8


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """``tokens`` without a leading dateline: up to a few capitalised place tokens, the first in capitals
    ("BANGKOK", "NEW YORK", "RIVERTON, Ind.", "WASHINGTON (AP)"), then a dash."""
    if len(tokens) < 3 or not (tokens[0][0].isupper() and len(tokens[0][0]) > 1 or (
            tokens[0][4] and tokens[1][0] == "(" and tokens[2][0].isupper())):  # "Washington (AFP) –"
        return tokens
    for k in range(1, min(len(tokens), _MAX_DATELINE_TOKENS + 1)):
        word = tokens[k][0]
        if word in _DATELINE_DASHES:
            return tokens[k + 1 :] if k + 1 < len(tokens) else tokens
        if not (word[:1].isupper() or word[:1].isdigit() or word in {",", ".", "(", ")"}):
            return tokens  # ("PARIS, Aug 31 (Reuters) -" is a dateline too)
    return tokens


# capitalised modifiers that are (part of) names even at the start of a sentence ("House Republicans")
_PROPER_MODIFIERS = frozenset({"house", "senate", "white", "gop", "nato", "eu", "un", "us", "u.s", "u.s."})
_AGENT_PLURALS = tuple(f"{ending}s" for ending in AGENT_ENDINGS)  # "farmers", "analysts"


def _modified_noun(text: str, end: int) -> bool:
    """Whether the word after a name ending at ``end`` (past a plural possessive's apostrophe) is a group or
    description noun the name modifies ("Clinton supporters", "Stein spokeswoman", "Farmers' groups")."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    rules = name_rules()
    word = m.group(1)
    return word in rules["group_nouns"] or word in rules["description_nouns"] or word in rules["modified_plurals"] or (
        word in rules["representative_persons"] or word in rules["representative_bodies"])  # "Clinton ally"


def _common_opener(phrase: str) -> bool:
    """Whether the first word of ``phrase`` (which opens its sentence) is a common word capitalised only for
    that: a modifier or noun from the name rules, or a plural agent noun before a plural possessive, followed by
    a lower-case word ("Political analysts", "Local officials", "Farmers' groups"; not "House Republicans")."""
    words = phrase.split()
    rules = name_rules()
    if len(words) == 1:  # "Prosecutors said": a plural group noun alone
        return group_opener(words[0])
    if not words[1][:1].islower():
        return False
    first = words[0].lower().rstrip(_APOSTROPHES)
    if first in _PROPER_MODIFIERS or first in rules["demonyms"]:
        return False
    return first in rules["premodifiers"] or first in rules["group_nouns"] or first in rules[
        "description_nouns"] or (words[0].endswith(tuple(_APOSTROPHES)) and first.endswith(_AGENT_PLURALS))


@functools.lru_cache(maxsize=256)
def _fuller_description(head: str) -> re.Pattern[str]:
    """"the" and one or two lower-case modifiers before ``head`` ("the sports department" for "department"),
    the modifiers and head as group 1."""
    return re.compile(r"\b[Tt]he\s+((?:(?!" + _NOT_FULLER + r")[a-z]+\s+){1,2}" + re.escape(head) + r")\b")


# words that set another body apart, never name the same one in full ("the previous administration")
_NOT_FULLER = (r"(?:the|a|an|of|and|or|previous|former|last|next|same|other|whole|entire|new|old|current|first|"
               r"second|only|own|rival|opposing|competing|said|says)\b")


def _lower_words(span: str) -> bool:
    """Whether ``span`` is one or more lower-case words (and spaces) only, not ending in a determiner ("group ",
    "civil liberties group "; not "the ")."""
    words = span.split()
    return bool(words) and all(w.isalpha() and w.islower() for w in words) and words[-1] not in _DETERMINERS


def _organisation_description(phrase: str) -> bool:
    """Whether ``phrase`` describes an organisation in common words: lower-case words (after any determiner, or
    a premodifier capitalised as the sentence opens) ending in an organisation word of the name rules, singular
    or plural, or a plural such as "groups" ("the council", "The leagues", "Local government groups", "the
    sports department"; not "the Council", a name)."""
    words = phrase.split()
    rules = name_rules()
    if not words or not all(w.isalpha() for w in words):
        return False
    if words[0].lower() in _DETERMINERS or words[0].lower() in rules["premodifiers"]:
        words = words[1:]
    if not words or not all(w.islower() for w in words):
        return False
    head = words[-1]
    return head in rules["organisation_words"] or head in rules["modified_plurals"] or (
        head.endswith("s") and head[:-1] in rules["organisation_words"] and len(head) > 4)


def _role_clash(role: frozenset[str] | set[str], held: frozenset[str] | set[str]) -> bool:
    """Whether a person holding the title words ``held`` holds only some of the title words ``role`` of a
    described role, so another role ("Health Minister Ana Ruiz" is not "the prime minister")."""
    return bool(role & held) and not role <= held


def _role_description(phrase: str) -> bool:
    """Whether ``phrase`` describes one unnamed person by a role ("A No 10 spokesman", "a spokeswoman for the
    agency", "an economist at the bank", "Chad's Ambassador to France"): "a"/"an" or a possessive name, then
    words up to a singular role noun of the name rules' descriptions that ends the phrase or comes before its
    first preposition."""
    words = [w.lower() for w in _WORDS.findall(phrase)]
    if len(words) < 2 or not (words[0] in _INDEFINITE or words[0].endswith(_POSSESSIVES)):
        return False
    head = next((k for k, w in enumerate(words) if w in _SOURCE_PREPOSITIONS), len(words)) - 1
    rules = name_rules()
    return head >= 1 and (words[head] in rules["description_nouns"] or words[head] in rules["representative_persons"])


def _lower_first(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    if first.lower() in _DETERMINERS or first.lower() in {"two", "three", "several", "one", "many", "another"}:
        return f"{first.lower()} {rest}".strip()
    return phrase


# --------------------------------------------------------------------------------------------- frames


@dataclass
class _Row:
    kind: str
    start: int
    end: int
    speaker: _Speaker
    cue: _Cue | None
    sentence: int
    quotes: tuple[_Quote, ...] = ()


def _no_cue_test(in_quote: Callable[[int], bool], starts: list[int],
                 spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test whether a cue word at an offset reports nothing: it lies inside a quotation or inside wording that
    says a source is not named (``spans``, disjoint and sorted; ``starts`` their starts)."""

    def no_cue(pos: int) -> bool:
        if in_quote(pos):
            return True
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i][1]

    return no_cue


def _in_quote_test(starts: list[int], quotes: list[_Quote]) -> Callable[[int], bool]:
    """A test whether an offset lies inside one of ``quotes`` (disjoint, sorted; ``starts`` are where each
    begins, its opening mark included), as :meth:`_Extractor.quote_at` finds it."""

    def in_quote(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and starts[i] <= pos < quotes[i].outer_end

    return in_quote


class _Extractor:
    def __init__(self, article: Article, actors: Actors) -> None:
        self.article = article
        self.text = article.text
        self.doc = parse(article)
        self.paragraphs = _paragraph_spans(self.doc)
        self.quotes = _split_at_labels(self.text, pair_quotes(self.text, self.paragraphs), self.paragraphs)
        self._qstarts = [q.open_mark if q.open_mark is not None else q.start for q in self.quotes]
        # the resolver gets a function that does not hold the extractor: a bound method would make a reference
        # cycle, and every article's objects would wait for the cyclic garbage collector (a tenth of the time)
        self.in_quote = _in_quote_test(self._qstarts, self.quotes)
        self.resolver = _Resolver(article, self.doc, actors, self.in_quote)
        # wording that says a source is not named ("who asked not to be named"): its verbs report nothing
        self.anonymity = anonymity_spans(self.text, article.body_start)
        self._astarts = [a for a, _ in self.anonymity]
        self.no_cue = _no_cue_test(self.in_quote, self._astarts, self.anonymity) if self.anonymity else self.in_quote
        self.tokens = article_tokens(article)
        self.cues: dict[int, list[_Cue]] = {}
        self.subjects: dict[tuple[int, int], _Speaker | None] = {}
        self.used: set[tuple[int, int]] = set()
        self.silent: list[tuple[int, int]] = []  # clauses with quotation marks that report no one's speech
        self.pieces: list[_Row] = []  # a second piece of the row just made ("A, police said, for B": "for B")
        self._unresolved_frame: _Row | None = None  # set by _post_frame, read by quote_rows
        self._by_sentence: dict[int | None, list[_Quote]] | None = None
        self._sentence_tokens: dict[int, list[Token]] = {}
        self._qbegins: list[int] | None = None
        self._qends: list[int] | None = None

    # ---- helpers
    def quote_at(self, pos: int) -> _Quote | None:
        i = bisect.bisect_right(self._qstarts, pos) - 1
        if i >= 0 and self._qstarts[i] <= pos < self.quotes[i].outer_end:
            return self.quotes[i]
        return None

    def _quotes_overlapping(self, start: int, end: int) -> list[_Quote]:
        """The quotations overlapping ``[start, end)``, in text order (quotations are disjoint and sorted)."""
        if self._qends is None:
            self._qbegins = [q.start for q in self.quotes]
            self._qends = [q.end for q in self.quotes]
        lo = bisect.bisect_right(self._qends, start)
        hi = bisect.bisect_left(self._qbegins, end)
        return [q for q in self.quotes[lo:hi] if q.start < end and start < q.end]

    def _quotes_in_sentence(self, sent: int) -> list[_Quote]:
        """The quotations that start in sentence ``sent``, in text order (indexed once per article)."""
        if self._by_sentence is None:
            self._by_sentence = {}
            for x in self.quotes:
                self._by_sentence.setdefault(self._sentence_of(x.start), []).append(x)
        return self._by_sentence.get(sent, [])

    def sentence_tokens(self, index: int) -> list[Token]:
        """The sentence's tokens, without a leading dateline ("RIVERTON —", "NEW YORK (AP) —"): a dateline
        names a place, never the subject of the sentence's reporting verb."""
        if index not in self._sentence_tokens:
            self._sentence_tokens[index] = _without_dateline(self.tokens[index])
        return self._sentence_tokens[index]

    def sentence_cues(self, index: int) -> list[_Cue]:
        if index not in self.cues:
            tokens = self.sentence_tokens(index)
            cues = _find_cues(tokens, self.no_cue)
            question = _question_clause(tokens)
            if question is not None:  # "Asked whether the governor backed her, she said ...": no cue inside
                cues = [c for c in cues if c.first > question]
            self.cues[index] = cues
        return self.cues[index]

    def _np_speaker(self, tokens: list[Token], span: tuple[int, int] | None) -> _Speaker | None:
        if span is None:
            return None
        a, b = span
        return self.resolver.resolve(tokens[a][1], tokens[b][2])

    # ---- anonymous sources
    def _anonymity_in(self, start: int, end: int) -> bool:
        """Whether wording that says a source is not named starts in ``[start, end)``."""
        i = bisect.bisect_left(self._astarts, start)
        return i < len(self._astarts) and self._astarts[i] < end

    def _anonymity_opens(self, tok: Token) -> bool:
        """Whether a clause saying a source is not named can open at ``tok``: a relative pronoun or participle
        ("who asked ...", "speaking on condition of anonymity") or the wording itself ("on condition of
        anonymity")."""
        if tok[3] in _ANONYMITY_OPENERS:
            return True
        i = bisect.bisect_left(self._astarts, tok[1])
        return i < len(self._astarts) and self._astarts[i] == tok[1]

    def _anonymity_after(self, tokens: list[Token], k: int) -> int | None:
        """The index of the last token of a clause saying a source is not named that opens at ``tokens[k]``
        (after an optional comma): "who spoke on condition of anonymity", ", who asked not to be named because
        ...", "speaking anonymously". The clause runs to the next punctuation after its wording."""
        n = len(tokens)
        if k < n and tokens[k][0] == ",":
            k += 1
        if k >= n or not self.anonymity or not self._anonymity_opens(tokens[k]):
            return None
        i = bisect.bisect_left(self._astarts, tokens[k][1])
        if i >= len(self._astarts):
            return None
        a, b = self.anonymity[i]
        m = k
        while m < n and tokens[m][1] < a:  # the wording comes before the clause's first boundary
            if tokens[m][0] in _CLAUSE_BOUNDS or tokens[m][0] in _MARKS or m - k > _MAX_ANONYMITY_CLAUSE:
                return None
            m += 1
        inverted = cue_lexicon().inverted
        while m + 1 < n and tokens[m + 1][0] not in _CLAUSE_BOUNDS and tokens[m + 1][0] not in _MARKS and not (
                tokens[m + 1][3] in inverted and not self.no_cue(tokens[m + 1][1])) and (
                tokens[m + 1][3] != "that" or tokens[m + 1][1] < b):  # "said on condition of anonymity that ..."
            m += 1
        return m if m < n else None

    def _anonymity_after_np(self, tokens: list[Token], span: tuple[int, int] | None
                            ) -> tuple[tuple[int, int], int] | None:
        """A clause saying that the source ``span`` (a noun phrase after its cue) is not named, right after it
        or after a few more words of the noun phrase and a comma ("said one Republican involved in the planning,
        who spoke on condition of anonymity"): the noun phrase, widened over those words, and the index of the
        clause's last token."""
        if span is None or not self.anonymity:
            return None
        clause = self._anonymity_after(tokens, span[1] + 1)
        if clause is not None:
            return span, clause
        for k in range(span[1] + 1, min(len(tokens), span[1] + 13)):
            word = tokens[k][0]
            if word == ",":
                clause = self._anonymity_after(tokens, k)
                return ((span[0], k - 1), clause) if clause is not None else None
            if not word[:1].isalnum() and word not in {"-", "."} or tokens[k][3] in {"who", "whom", "which", "that"}:
                return None  # (a relative clause of its own: "a member who supports Trump, asking ...")
        return None

    def _anonymous_subject(self, tokens: list[Token], j: int, lo: int) -> _Speaker | None:
        """The source of a cue whose subject is followed by a clause saying it is not named ("A spokesman for
        the airline, who asked not to be named, said"; "A senior official who spoke on condition of anonymity
        said"); ``tokens[j]`` is the last token before the cue. The source is anonymous."""
        e = j - 1 if tokens[j][0] == "," else j
        i = e
        floor = max(lo, e - _MAX_ANONYMITY_CLAUSE)
        while i > floor and tokens[i][0] not in _CLAUSE_BOUNDS and tokens[i][3] not in {"who", "whom"}:
            i -= 1
        if tokens[i][3] in {"who", "whom"} and i - 1 > floor and tokens[i - 1][3] in {"and", "but"}:
            # "who worshiped there and who did not want to be named": the first of the two relative clauses
            k = i - 2
            while k > floor and tokens[k][0] not in _CLAUSE_BOUNDS and tokens[k][3] not in {"who", "whom"}:
                k -= 1
            if tokens[k][3] in {"who", "whom"}:
                i = k
        if tokens[i][3] in {"who", "whom"}:
            opener = i
        elif tokens[i][0] in {",", "(", "\u2014", "\u2013"}:
            opener = i + 1
        else:
            return None
        if opener > e or not self._anonymity_opens(tokens[opener]) or not self._anonymity_in(
                tokens[opener][1], tokens[e][2]):
            return None
        end = opener - 1
        if end >= lo and tokens[end][0] in {",", "(", "\u2014", "\u2013"}:
            end -= 1
        if end < lo:
            return None
        nouns = _source_heads()
        span = _source_np_ending_at(tokens, end, lo)
        sp = self._np_speaker(tokens, span)
        if sp is None or sp.speaker_type == "group" and not any(
                t[3] in nouns or t[0].islower() for t in tokens[span[0]:span[1] + 1]):
            # a noun phrase with commas inside ("Federal officials familiar with the server taken from the house
            # in Riverton, Ind., speaking on condition of anonymity, said"): its first source noun
            head = next((k for k in range(lo, opener) if tokens[k][3] in nouns and not (
                k > lo and tokens[k - 1][3] in _PREPOSITIONS_BEFORE_NP)), None)
            if head is None:
                return None
            sp = self._np_speaker(tokens, _np_ending_at(tokens, head, lo))
        return self._anonymous(sp)

    def _anonymous(self, sp: _Speaker | None) -> _Speaker | None:
        """``sp`` as an anonymous source, because a clause says it is not named: a description ("a spokesman
        for the airline", "officials") becomes anonymous; a named person stays who they are."""
        if sp is None or sp.mention is None or sp.speaker_type == "anonymous":
            return sp
        rules = name_rules()
        words = sp.mention.split()
        if len(words) == 1 and pronoun_kind(words[0]):
            # "he said, on condition of anonymity": whoever the pronoun stands for is not named here
            return _Speaker(None, "anonymous", None, sp.mention, sp.mention_start, sp.mention_end, "anonymous")
        first, last = words[0].lower(), _WORDS.findall(sp.mention.lower())[-1:] or [""]
        nouns = _source_heads()
        if sp.speaker_type == "person" and not (first in _DETERMINERS or first in _QUANTIFIERS or first in {
                "one", "a", "an"} or last[0] in nouns):
            return sp
        desc = _lower_first(sp.mention)
        if first in nouns and first not in rules["not_names"] and first not in rules["demonyms"]:
            # a common noun capitalised because it opens the sentence ("Officials, speaking ...")
            desc = desc[:1].lower() + desc[1:]
        return _Speaker(desc, "anonymous", self.resolver.actors.camp_of(sp.mention), sp.mention, sp.mention_start,
                        sp.mention_end, "anonymous")

    # ---- subjects
    def subject(self, sent: int, cue: _Cue, lo: int = 0) -> _Speaker | None:
        key = (sent, cue.first)
        if key not in self.subjects:
            self.subjects[key] = self._subject(sent, cue, lo)
        return self.subjects[key]

    def _subject(self, sent: int, cue: _Cue, lo: int) -> _Speaker | None:
        sp = self._own_subject(sent, cue, lo)
        tokens = self.sentence_tokens(sent)
        if cue.participle and cue.kind != "according" and sp is not None and sp.speaker and (
                sp.speaker_type != "person" and sp.mention_start is not None):
            # "Cruz is making a pitch to New York voters saying ...": a noun after a preposition is not the
            # one speaking
            k = next((i for i, t in enumerate(tokens) if t[1] >= sp.mention_start), 0)
            if k > 0 and tokens[k - 1][3] in _PREPOSITIONS_BEFORE_NP:
                sp = None
        if cue.participle and (sp is None or not sp.speaker) and cue.first > 0 and (
                tokens[cue.first - 1][3] in _PARTICIPLE_OPENERS):
            # ", saying ..." with no main subject found: the person the sentence is about, not the nearest
            # name ("Several Democrats cautioned against reading the Brexit vote, saying ...")
            found = self._subject_person(sent, tokens[cue.first][1])
            if found is not None:
                return found
        elif cue.participle and (sp is None or not sp.speaker) and cue.first > 0 and (
                tokens[cue.first - 1][3] not in _NOT_AFTER_NOUN):
            # "Trump unleashed a series of tweets criticizing ...": the nearest person before is the author
            floor = tokens[min(lo, cue.first)][1]
            persons = self.resolver.persons
            first = bisect.bisect_left(self.resolver._pstarts, tokens[cue.first][1])
            for a, b, m, _ in (persons[k] for k in range(first - 1, -1, -1)):
                if a < floor:
                    break
                if not (m.possessive or m.after_preposition):
                    found = self.resolver.resolve(a, b)
                    if found.speaker:
                        return found
                    break
            main = self._main_subject(sent, cue)
            if main is not None and main.speaker:
                return main
        return sp

    def _according_source(self, tokens: list[Token], cue: _Cue) -> tuple[tuple[int, int] | None, _Speaker | None]:
        """The noun phrase after "according to" (widened over a document's name: "a filing with the Securities
        and Exchange Commission") and the speaker it gives, each None when there is none."""
        span = _document_span(tokens, _np_after(tokens, cue.last + 1, len(tokens)))
        return span, self._np_speaker(tokens, span)

    def _own_subject(self, sent: int, cue: _Cue, lo: int) -> _Speaker | None:
        tokens = self.sentence_tokens(sent)
        lex = cue_lexicon()
        if cue.kind == "according":
            return self._according_source(tokens, cue)[1]
        before_cue = cue.first - 1
        while before_cue > 0 and _adverb(tokens[before_cue]):
            before_cue -= 1  # ", wrongly suggesting"
        if cue.participle and cue.first > 0 and (tokens[before_cue][3] in _PARTICIPLE_OPENERS or (
                tokens[before_cue][3] in _PREPOSITIONS_BEFORE_PARTICIPLE)):
            # ", saying ...", "shut the questions down by rejecting ...": the main clause's subject
            return self._main_subject(sent, cue)
        j = cue.first - 1
        while j >= lo and (tokens[j][3] in _SKIP_BEFORE_CUE or _adverb(tokens[j])
                           or tokens[j][3] in _REFLEXIVES or (cue.participle and tokens[j][3] in _BE)):
            if tokens[j][3] == "who" and j - 1 >= lo and tokens[j - 1][0] == ",":
                break
            j -= 1
        if j < lo:
            return None
        if self.anonymity:
            anonymous = self._anonymous_subject(tokens, j, lo)
            if anonymous is not None:
                return anonymous
        if tokens[j][0] == "." and j - 1 >= lo and tokens[j - 1][3] in _NAME_SUFFIXES:
            j -= 1  # "Joseph R. Biden Jr. responded"
        tok = tokens[j]
        if tok[3] in {"who", "which", "that"} and j - 1 >= lo and tokens[j - 1][0] == ",":
            span = _head_before_complements(tokens, _np_ending_at(tokens, j - 2, lo), lo)
            sp = self._np_speaker(tokens, span)
            if sp is not None and sp.resolution == "description" and span[0] - 2 >= lo and (
                    tokens[span[0] - 1][0] == ","):
                # "said Peter Morgan, a lawyer for the club, who has ...": the name the description is set after
                found = self.resolver.by_end.get(tokens[span[0] - 2][2])
                named = self.resolver.resolve(found[0], found[1]) if found and not found[2].possessive else None
                sp = named if named is not None and named.speaker_type == "person" else sp
            return _replace(sp, "relative clause") if sp and sp.speaker else sp
        if tok[0] in {",", ")"}:
            # "Karl Weber, the finance minister, said": the name before the apposition speaks
            k = j - 1
            while k > lo and tokens[k][0] != "," and j - k <= 12:
                k -= 1
            if tok[0] == "," and k > lo and tokens[k][0] == ",":
                span = _head_before_complements(tokens, _np_ending_at(tokens, k - 1, lo), lo)
                outer = self._np_speaker(tokens, span)
                if outer is not None and outer.speaker_type == "person" and outer.resolution in ("name", "title") and (
                        not _possessive_description(tokens, span)):
                    # ("Aldovia's foreign minister, Ivan Petrakis, said": the possessive names someone else; the
                    # name in the apposition speaks)
                    return _replace(outer, "apposition")
            named = self._name_before_asides(tokens, j, lo)
            if named is not None:
                return named[1]
            if tok[0] == "," and k > lo and tokens[k][0] == ",":
                # "Even China, Pyongyang's only ally, said": a named country or organisation; "Researchers at the
                # Karolinska Institute, who ..., said": a group
                span = _head_before_complements(tokens, _np_ending_at(tokens, k - 1, lo), lo)
                outer = self._np_speaker(tokens, span)
                if outer is not None and outer.speaker_type == "group" and tokens[span[0]][4]:
                    return _replace(outer, "apposition" if outer.resolution != "group" or (
                        span[1] - span[0] < 2) else "group")
                described = outer is not None and outer.resolution == "description" and outer.mention_start == (
                    tokens[span[0]][1])  # "a woman in Worcester, Massachusetts, told him"
                if span is not None and (outer is None or not outer.speaker or outer.speaker_type == "anonymous"
                                         or described):
                    # "Another pollster, Dana Wood of Clemson University, said": a description, then the name
                    aside = k + 2 if described and tokens[k + 1][3] == "the" and k + 2 < j else k + 1
                    found = self.resolver.by_start.get(tokens[aside][1])
                    after = next((i for i in range(aside, j + 1) if tokens[i][1] >= found[1]), j) if found else j
                    if found is not None and not found[2].possessive and (
                            after == j or tokens[after][3] in {"of", "from", "at", "("} or all(  # the aside is the name
                                t[0] == "." or t[3] in _NAME_SUFFIXES for t in tokens[after:j])):
                        named = self.resolver.resolve(found[0], found[1])
                        if named.speaker_type == "person":
                            return _replace(named, "apposition")
                    if described and found is None:
                        return outer  # the aside names no one: the description speaks
            if tok[0] == "," and k > lo and tokens[k][0] == "," and k + 1 < j and tokens[k - 1][0].isalpha() and (
                    tokens[k - 1][0].islower()) and self.resolver.by_start.get(tokens[k + 1][1]) is None:
                # "The drug's maker, Calder Pharma, said": a description, then an organisation's name
                org = self._proper_noun_speaker(tokens, (k + 1, j - 1))
                if org is not None and org.speaker:
                    return _replace(org, "apposition")
            if tok[0] == "," and k > lo and tokens[k][0] == "," and _participle_aside(tokens, k + 1, j):
                # "The suit, brought by a former engineer, alleges": a participle phrase describes the subject
                # before it (a document or a group), when nothing above named the speaker
                span = _head_before_complements(tokens, _np_ending_at(tokens, k - 1, lo), lo)
                outer = self._np_speaker(tokens, span)
                if outer is not None:
                    return outer
            return None
        if pronoun_kind(tok[0]) or tok[3] in {"i", "we"}:
            return self.resolver.resolve(tok[1], tok[2])
        if tok[3] == "to" and j > lo and (tokens[j - 1][3] in _QUESTION_WORDS or tokens[j - 1][3] == "whether" or (
                tokens[j - 1][3] in lex.infinitive_nouns and _noun_slot(tokens, j - 1, lo))):
            return None  # "a decision on whether to seek ...", "a promise to add 250,000 homes": no one's words
        if tok[3] == "to" and j > lo and not cue.participle:
            # an infinitive ("interrupted me to announce, “...”", "rose to say"): the main clause's subject
            main = self._main_subject(sent, cue)
            return main if main is not None and main.speaker else None
        if tok[3] in {"and", "but"} and j > lo:
            # a second verb of the main clause ("Reid voted on Saturday and says ..."): its subject, the
            # subject of the sentence's first reporting verb when there is one
            floor = 0
            if tokens and tokens[0][3] in _FRONTED:  # "When asked whom she backs, Ms. Holm smiled and said"
                floor = next((i for i in range(1, min(cue.first, 16)) if tokens[i][0] == ","), 0)
            first_cue = next((c for c in self.sentence_cues(sent) if floor < c.first < cue.first
                              and not c.participle), None)
            main = self.subject(sent, first_cue) if first_cue is not None else None
            if main is None or not main.speaker:
                main = self._main_subject(sent, cue)
            return main if main is not None and main.speaker else None
        p = next((p for p in range(cue.first - 2, max(lo, cue.first - 6), -1) if tokens[p + 1][3] != "by"
                  and _participle_aside(tokens, p, cue.first)), None)
        if p is not None and p - 1 >= lo and tokens[p - 1][0].isalpha() and tokens[p - 1][0].islower() and (
                tokens[p - 1][3] in lex.ambiguous or tokens[p - 1][3] in name_rules()["document_nouns"]):
            # "A Government Accountability Office report released last year found that ...": the noun before a
            # reduced relative clause is the subject
            j, tok = p - 1, tokens[p - 1]
            d = next((d for d in range(j - 1, max(lo, j - 7) - 1, -1) if tokens[d][3] in {"a", "an", "the"}), None)
            if _np_ending_at(tokens, j, lo) is None and d is not None and all(
                    t[0][:1].isalnum() for t in tokens[d:j]):
                return self._np_speaker(tokens, (d, j))  # ("A Government Accountability Office report")
        span = _head_before_complements(tokens, _np_ending_at(tokens, j, lo), lo)
        if span is None and tok[4] and plural_group_noun(tok[3]) and (
                j == lo or tokens[j - 1][4] or tokens[j - 1][3] in _QUANTIFIERS or not tokens[j - 1][0][:1].isalnum()):
            # "Several Democrats cautioned", "House Republicans say": a capitalised group
            a = j
            while a - 1 >= lo and j - a < 3 and (tokens[a - 1][4] or tokens[a - 1][3] in _QUANTIFIERS):
                a -= 1
            a0, b0 = tokens[a][1], tok[2]
            phrase = self.text[a0:b0]
            desc = self.resolver.lower_opener(a0, phrase, _lower_first(phrase))
            return _Speaker(desc, "group", self.resolver.actors.camp_of(phrase), phrase, a0, b0, "group")
        if span is None:
            return self._plain_subject(tokens, j, lo) if cue.kind == "speech" else None
        if span[0] - 2 >= lo and tokens[span[0] - 1][3] == "and":
            whole = self._coordinated_group(tokens, span, lo)
            if whole is not None:
                return whole
        if span[0] - 2 >= lo and tokens[span[0] - 1][3] == "and":
            # coordinated subjects ("Ms. Toretti, Mrs. Rao and other bundlers said"): the first named one
            own = self._np_speaker(tokens, span)
            if own is None or own.speaker_type != "person":
                first = _np_ending_at(tokens, span[0] - 2, lo)
                for _ in range(4):  # "A, B and C said": back to the first of the list
                    if first is None or first[0] - 2 < lo or tokens[first[0] - 1][0] != ",":
                        break
                    earlier = _np_ending_at(tokens, first[0] - 2, lo)
                    if earlier is None:
                        break
                    first = earlier
                named = self._np_speaker(tokens, first)
                if named is not None and named.speaker and named.speaker_type == "person" and (
                        first[0] == lo or tokens[first[0] - 1][0] in {",", "\u2014"}
                        or tokens[first[0] - 1][3] in _CLAUSE_OPENERS):
                    return named
        if span[0] - 1 > lo and tokens[span[0] - 1][0] == "," and span[0] - 2 >= lo:
            # "Blinken, the top US diplomat, said": the name before the apposition is the speaker
            before = _np_ending_at(tokens, span[0] - 2, lo)
            own = self._np_speaker(tokens, span)
            if own is not None and not own.speaker and span[1] - span[0] <= 3:
                own = self._proper_noun_speaker(tokens, span) or own  # "Nevertheless, Cuban said"
            if own is not None and own.speaker_type != "person" and before is not None and (
                    self._solid_person(tokens, before)):
                named = self._np_speaker(tokens, before)
                if named is not None and named.speaker_type == "person" and named.resolution in ("name", "title"):
                    return _replace(named, "apposition")
            return own
        own = self._np_speaker(tokens, span)
        if span[0] > lo and tokens[span[0] - 1][3] in _PREPOSITIONS_BEFORE_NP and not cue.participle:
            # "A letter obtained by The Associated Press warns": the noun phrase after a preposition is not
            # the subject; the sentence's subject is
            main = self._main_subject(sent, cue)
            if main is not None and main.speaker:
                return main
        if own is not None and not own.speaker and span[1] - span[0] <= 3:
            return self._proper_noun_speaker(tokens, span) or own
        return own

    def _coordinated_group(self, tokens: list[Token], span: tuple[int, int], lo: int, *,
                           reciprocal: bool = False) -> _Speaker | None:
        """The whole coordination before a cue when it is one group: a group noun with "of" before the names
        ("The governments of Aldovia and Merenza accused"), or, with ``reciprocal`` ("accused each other"), any
        "A and B". ``span`` is the noun phrase after "and"."""
        first = _np_ending_at(tokens, span[0] - 2, lo)
        if first is None:
            return None
        nouns = name_rules()["group_nouns"]
        if not reciprocal and not any(tokens[k][3] == "of" and tokens[k - 1][3] in nouns
                                      for k in range(first[0] + 1, first[1] + 1)):
            return None
        a, b = tokens[first[0]][1], tokens[span[1]][2]
        phrase = self.text[a:b]
        return _Speaker(_lower_first(_THE.sub("the ", phrase)), "group", self.resolver.actors.camp_of(phrase),
                        phrase, a, b, "group")

    def _solid_person(self, tokens: list[Token], span: tuple[int, int]) -> bool:
        """Whether the noun phrase ``span`` can be a clause's subject naming a person: not after a
        preposition ("rolled through Pasadena, CNN reported") and, if one word, seen somewhere with a first
        name, title or honorific ("Nevertheless, Cuban said")."""
        if span[0] > 0 and tokens[span[0] - 1][3] in _PREPOSITIONS_BEFORE_NP:
            return False
        found = self.resolver.by_start.get(tokens[span[0]][1])
        if found is None:
            return True
        return " " in found[2].name or self.resolver.index.vouched(found[3])

    def _plain_subject(self, tokens: list[Token], j: int, lo: int) -> _Speaker | None:
        """A subject the noun-phrase rules do not know, right before a speech verb ("Protest groups say",
        "three current and former staff members said"): a plural head makes it a group, described by the
        phrase."""
        head = tokens[j]
        if not head[0].isalpha() or not head[0].islower() or head[3] in _DETERMINERS or head[3] in _NOT_IN_DESCRIPTION:
            return None
        k = j
        limit = max(lo, j - 7)
        while k - 1 >= limit and (tokens[k - 1][0][:1].isalnum() and tokens[k - 1][3] not in (
                _NOT_IN_DESCRIPTION - {"and", "of"}) and tokens[k - 1][3] != "whether" and not tokens[k - 1][0].endswith(("ed", "ing")) or (
                _plural_possessive(tokens, k - 1, limit))):  # "Farmers' groups say": a plural possessive
            k -= 1
        while k < j and tokens[k][3] in {"and", "of"}:
            k += 1
        a, b = tokens[k][1], head[2]
        phrase = self.text[a:b]
        if head[3].endswith("s") and not head[3].endswith("ss") and len(head[3]) > 3:
            desc = self.resolver.lower_opener(a, phrase, _lower_first(phrase))
            return _Speaker(desc, "group", self.resolver.actors.camp_of(phrase), phrase, a, b, "group")
        not_names = name_rules()["not_names"]
        if k < j and tokens[k][3] in {"the", "a", "an"} and j - k <= 4 and not head[3].endswith(("ed", "ing")) and all(
                t[0].isalpha() and t[0].islower() and t[3] not in not_names and t[3] not in _BE
                or _plural_possessive(tokens, m, k + 1)  # "The residents' association said"
                for m, t in enumerate(tokens[k + 1:j + 1], k + 1)) and (
                k == lo or not tokens[k - 1][0][:1].isalnum() or tokens[k - 1][3] in _CLAUSE_OPENERS):
            # "The grid operator said": an article, lower-case modifiers and a singular head the noun-phrase
            # rules do not know, opening the clause, is a source the article describes but does not name
            return self.resolver.resolve(a, b)
        return None  # a singular unknown head ("the order released Friday"): no speaker to report

    def _name_before_asides(self, tokens: list[Token], j: int, lo: int) -> tuple[int, _Speaker] | None:
        """A named person followed by asides that close right before a cue: a parenthesis ("Rep. John Mica
        (R-Fla.) said"), appositions ("Scott Pruitt, the attorney general of Oklahoma, one of the states suing,
        said"), an age ("Quina Jones, 25, said"). ``tokens[j]`` is the last token before the cue; returns the
        token index where the name starts and the speaker."""
        if j < lo or tokens[j][0] not in {",", ")"}:
            return None
        for k in range(j - 1, max(lo, j - _MAX_ASIDE) - 1, -1):
            nxt = k + 1
            while nxt < j and (tokens[nxt][3] in _NAME_SUFFIXES or tokens[nxt][0] == "."):
                nxt += 1  # "Vann R. Newkirk II, a writer ...", "Joseph Smith Jr., ..."
            if tokens[nxt][0] not in {",", "("}:
                continue
            found = self.resolver.by_end.get(tokens[k][2])
            if found is None:
                continue
            a, b, m, _ = found
            if m.possessive or m.after_preposition or self.in_quote(a) or _in_relative_clause(tokens, k, lo):
                continue  # a name inside the aside ("who lost the primaries to Clinton,")
            start = next((i for i in range(k, lo - 1, -1) if tokens[i][1] == a), None)
            if start is None:
                return None
            sp = self.resolver.resolve(a, b)
            return (start, _replace(sp, "apposition")) if sp.speaker else None
        return None

    def _name_after_words(self, tokens: list[Token], j: int, lo: int) -> tuple[int, _Speaker] | None:
        """A named person right before a cue with a few descriptive words before the name ("Trump lawyer Marc
        Kasowitz said"); returns the token index where the phrase starts and the speaker."""
        found = self.resolver.by_end.get(tokens[j][2]) if j >= lo else None
        if found is None:
            return None
        a = found[0]
        start = next((i for i in range(j, lo - 1, -1) if tokens[i][1] == a), None)
        if start is None or start - lo > 3 or not all(t[0][:1].isalnum() for t in tokens[lo:start]):
            return None
        sp = self.resolver.resolve(a, found[1])
        return (lo, sp) if sp.speaker else None

    def _name_after_description(self, tokens: list[Token], j: int, first: int) -> tuple[int, _Speaker] | None:
        """A named person right before a cue after a longer description that opens the frame ("“...,” Daily
        News opinion editor Josh Greenman told", "“...,” Sen. Ana Ruiz said"): up to seven words of a noun
        phrase (no preposition, conjunction or relative pronoun) before the name. Returns the index of the
        frame's first token and the speaker."""
        for k in range(first, min(j + 1, first + 8)):
            found = self.resolver.by_start.get(tokens[k][1])
            if found is not None and not found[2].possessive:
                break
            word, low = tokens[k][0], tokens[k][3]
            if low in _NOT_IN_DESCRIPTION:
                return None
            if not word[:1].isalnum() and not (word == "." and k > first and len(tokens[k - 1][0]) <= 4):
                return None
        else:
            return None
        if found[2].after_preposition:
            return None
        end = next((i for i in range(k, j + 1) if tokens[i][2] == found[1]), None)
        if end is None or not (end == j or tokens[end + 1][0] in {",", "("}):
            return None  # the name must end the frame's subject or open its asides
        relative = end + 2 <= j and tokens[end + 1][0] == "," and tokens[end + 2][3] in {"who", "whose"}
        if end != j and self._name_before_asides(tokens, j, end) is None and tokens[j][0] not in {",", ")"} and (
                not relative):  # (", who is chairman of the PAC said": a relative clause left open)
            return None
        sp = self.resolver.resolve(found[0], found[1])
        return (first, _replace(sp, "apposition") if end != j else sp) if sp.speaker else None

    def _proper_noun_speaker(self, tokens: list[Token], span: tuple[int, int]) -> _Speaker | None:
        """A frame's subject made of capitalised words that the name rules did not take for a person
        ("Twitter said", "Cuban said" after "Mark Cuban"): the article's person with that surname, else the
        phrase itself as an organisation."""
        words = tokens[span[0]:span[1] + 1]
        rules = name_rules()
        if words and words[0][3] in {"the"}:
            words = words[1:]
        if not words or not all(t[4] and t[0][:1].isalpha() for t in words) or any(
                pronoun_kind(t[0]) or t[3] in _DETERMINERS for t in words):
            return None
        a, b = words[0][1], words[-1][2]
        phrase = self.text[a:b]
        index = self.resolver.index
        pid = index.person_named(phrase)
        if pid is not None:
            name = person_name(index, pid, self.resolver.actors)
            return _Speaker(name, "person", self.resolver.actors.camp_of(name), phrase, a, b, "name")
        if all(t[3] in rules["titles"] or t[3] in rules["demonyms"] or t[3] in rules["group_nouns"]
               or t[3] in rules["description_nouns"] for t in words):
            return None  # "President", "Democrats": a description or a group, not a name
        if len(words) == 1 and words[0][3] not in rules["organisation_words"] and (
                words[0][3] not in rules["places"] and not words[0][0].isupper()):
            return None  # a lone unknown word ("Lordy", "Hours"): not enough to name anyone
        name = self.resolver.actors.canonical(phrase) or phrase
        return _Speaker(name, "group", self.resolver.actors.camp_of(phrase), phrase, a, b, "name")

    def _bare_name_frame(self, pos: int) -> bool:
        """Whether a quotation closed without a comma is followed by a short capitalised name and an
        inverted cue ending the sentence ("“...” Grubbs said.")."""
        m = _BARE_FRAME.match(self.text, pos)
        return m is not None and m.group("cue").lower() in cue_lexicon().inverted

    def _name_soon_after(self, tokens: list[Token], i: int) -> _Speaker | None:
        """A named person a few words after an inverted cue, past words the noun-phrase rule stops at
        ("said 9/11 widow Terry Strada")."""
        for k in range(i, min(i + 6, len(tokens))):
            if tokens[k][0] in _BARE_FRAME_STOPS:
                return None
            found = self.resolver.by_start.get(tokens[k][1])
            if found is not None:
                sp = self.resolver.resolve(found[0], found[1])
                return sp if sp.speaker else None
        return None

    def _main_subject(self, sent: int, cue: _Cue) -> _Speaker | None:
        """The subject of the main clause for a participle cue (", saying ...", ", telling an audience: ...")."""
        tokens = self.sentence_tokens(sent)
        floor = 0
        if tokens and tokens[0][3] in _FRONTED:  # the verbs of a fronted clause ("When asked, ...") are not it
            floor = next((i for i in range(1, min(cue.first, 16)) if tokens[i][0] == ","), 0)
        for other in reversed(self.sentence_cues(sent)):
            if floor < other.first < cue.first and not other.participle:
                sp = self.subject(sent, other)
                if sp is not None:
                    return sp
        k = 0
        if tokens and tokens[0][3] in _FRONTED:
            # "At a campaign event in Ames, Iowa, Mrs. Holm tried ..., saying": the first person past the
            # fronted phrase
            comma = next((i for i in range(1, min(cue.first, 16)) if tokens[i][0] == ","), None)
            if comma is not None:
                k = comma + 1
                persons = self.resolver.persons
                p = bisect.bisect_left(self.resolver._pstarts, tokens[k][1])
                while p < len(persons) and persons[p][0] < tokens[cue.first][1]:
                    a, b, m, _ = persons[p]
                    if not (m.possessive or m.after_preposition):
                        found = self.resolver.resolve(a, b)
                        if found.speaker:
                            return found
                        break
                    p += 1
        rules = name_rules()
        while k < cue.first and (tokens[k][3] in rules["not_names"] and tokens[k][3] not in _DETERMINERS
                                 and tokens[k][3] not in rules["group_nouns"] or not tokens[k][0][:1].isalnum()):
            k += 1
        end = k
        while end + 1 < cue.first and _np_word(tokens[end + 1], name_rules()):
            end += 1
        if k >= cue.first:
            return None
        span = _np_ending_at(tokens, end, k)
        sp = self._np_speaker(tokens, span)
        if (sp is None or not sp.speaker) and tokens[end][4] and tokens[end][3] in name_rules()["group_nouns"]:
            # "Several Democrats", "The Russians": a capitalised group the noun-phrase rules reject
            a, b = tokens[k][1], tokens[end][2]
            phrase = self.text[a:b]
            return _Speaker(_lower_first(phrase), "group", self.resolver.actors.camp_of(phrase), phrase, a, b,
                            "group")
        return sp

    # ---- quotations
    def quote_rows(self) -> list[_Row]:
        rows: list[_Row] = []
        consumed: set[int] = set()
        for qi, q in enumerate(self.quotes):
            if qi in consumed:
                continue
            self._unresolved_frame = None
            row = (self._labelled(q) or self._post_frame(q) or self._pre_frame(qi, q, consumed)
                   or self._colon_frame(q))
            if row is None and self._unresolved_frame is not None:
                # the cue stays free for indirect rows, as before ("..., they said, under Article 21 ...")
                row = self._unresolved_frame
            if row is None:
                row = self._unframed(q, rows)
            if row is not None and row.kind == _NARRATION:
                self.silent.append((row.start, row.end))  # reported by no one: no row, nor any inside it
            elif row is not None:
                rows.append(row)
        rows += self._transcript_turns()
        rows.sort(key=lambda r: r.start)
        return rows

    def _transcript_turns(self) -> list[_Row]:
        """Paragraphs of an interview transcript printed without quotation marks ("FALLIN: I think ..."): a
        turn is verbatim speech, so a direct row. A label counts when it names a person of the article or
        opens at least two paragraphs (so "UPDATE:" or "NOTE:" alone does not)."""
        found = []
        for p, a, b in self.paragraphs:
            m = _LABEL.match(self.text, a)
            if m is not None and not self.in_quote(a) and m.end() < b:
                found.append((m, b))
        counts: dict[str, int] = {}
        for m, _ in found:
            counts[m.group("label")] = counts.get(m.group("label"), 0) + 1
        rows = []
        for m, b in found:
            label = m.group("label")
            speaker = self.resolver.label_speaker(m.start("label"), m.end("label"))
            if speaker is None or label.lower().strip(".") in _NOT_LABELS:
                continue
            if counts[label] < 2 and self.resolver.index.person_named(label.split()[-1].title()) is None:
                continue
            sent = self._sentence_of(m.end())
            rows.append(_Row("direct", m.end(), _trim_end(self.text, m.end(), b), speaker, None,
                             sent if sent is not None else 0))
        return rows

    # ---- interviews printed as questions and answers ("Q: ..." / "A: ...")
    def _qa_paragraphs(self) -> list[tuple[str, int, int, int]]:
        """The paragraphs that open with a question or answer label ("Q:", "A:", "Q.", "A."), as (label, label
        start, text start, paragraph end); empty unless the article has both kinds."""
        found = []
        for _, a, b in self.paragraphs:
            m = _QA_LABEL.match(self.text, a)
            if m is not None and m.end() < b:
                found.append((m.group("label"), a, m.end(), b))
        labels = {f[0] for f in found}
        return found if labels == {"Q", "A"} else []

    def _interviewee(self, before: int) -> _Speaker | None:
        """The person the article introduces as interviewed, in the text before ``before`` (the first question
        or answer): named around "interview with" / "spoke to" wording ("Ana Silva, a nurse, spoke to the
        Courier"; "Interview with Ana Silva"; "We spoke to her": the pronoun resolved), else the first person
        the article names as a subject. None when the introduction names no one."""
        lo = self.article.body_start
        m = _INTERVIEW_WITH.search(self.text, lo, before)
        if m is not None:
            found = self.resolver.by_start.get(m.start("who"))
            if found is not None:
                return self.resolver.resolve(found[0], found[1])
            if pronoun_kind(m.group("who")):
                sp = self.resolver.resolve(m.start("who"), m.end("who"))
                if sp.speaker:
                    return sp
        persons = [p for p in self.resolver.persons if lo <= p[0] < before]
        for a, b, mention, _ in persons:
            sentence = self.doc.sentence_at(a)
            end = sentence.end if sentence is not None else before
            if _SPOKE_TO.search(self.text, b, min(end, before)):
                return self.resolver.resolve(a, b)  # "Ana Silva, a nurse for 20 years, spoke to the Courier"
        for a, b, mention, _ in persons:
            if not (mention.possessive or mention.after_preposition):
                sp = self.resolver.resolve(a, b)
                if sp.speaker:
                    return sp
        return None

    def interview_rows(self, rows: list[_Row]) -> list[_Row]:
        """``rows`` with the answers of a question-and-answer interview as the interviewee's direct quotations.

        Only when paragraphs open with both "Q:" and "A:" labels (or "Q." / "A."): an answer paragraph is the
        interviewee's words (speaker: :meth:`_interviewee`; speaker type ``interviewee`` with a null speaker
        when the introduction names no one), a question paragraph is the interviewer's and quotes no one.
        Rows inside either that only stand for the speaker of the paragraph itself (a first-person pronoun
        as their source, "We wrote letters", or an unframed quotation) give way; reported speech of someone
        else inside them ("The hospital says ...") stays."""
        qa = self._qa_paragraphs()
        if not qa:
            return rows
        who = self._interviewee(qa[0][1])
        kept = []
        for r in rows:
            inside = next((p for p in qa if p[1] <= r.start < p[3]), None)
            if inside is not None and (r.cue is None or (r.speaker.mention or "").lower() in _FIRST_PERSON):
                continue
            kept.append(r)
        for label, a, start, end in qa:
            if label != "A":
                continue
            end = _trim_end(self.text, start, end)
            if who is not None:
                sp = _Speaker(who.speaker, who.speaker_type, who.camp, self.text[a:a + 1], a, a + 1, "interview")
            else:
                sp = _Speaker(None, "interviewee", None, self.text[a:a + 1], a, a + 1, "unresolved")
            sent = self._sentence_of(start)
            kept.append(_Row("direct", start, end, sp, None, sent if sent is not None else 0))
        return kept

    def _sentence_of(self, pos: int) -> int | None:
        s = self.doc.sentence_at(pos)
        return s.index if s else None

    def _post_frame(self, q: _Quote) -> _Row | None:
        if q.close_mark is None:
            return None
        sent = self._sentence_of(q.close_mark)
        if sent is None:
            return None
        inner_end = self.text[q.start:q.end].rstrip().rstrip(_SINGLE_CLOSERS)
        after = self.text[q.outer_end:q.outer_end + 3].lstrip(_SINGLE_CLOSERS)
        dashed = bool(_DASH_LABEL.match(self.text, q.outer_end))
        said = _WORDS.match(self.text, q.outer_end + 1) if self.text[q.outer_end:q.outer_end + 1] == " " else None
        inverted = said is not None and said.group().lower() in cue_lexicon().inverted
        if not (inner_end.endswith((",", "?", "!", "\u2014", "-", "\u2013")) or after.startswith(",") or dashed
                or inverted or self._bare_name_frame(q.outer_end)):
            return None
        tokens = self.sentence_tokens(sent)
        first = next((k for k, t in enumerate(tokens) if t[1] >= q.outer_end), None)
        if first is None:
            # the sentence splitter may end the sentence at ?” or !”: the frame is the next sentence
            nxt = sent + 1
            if nxt >= len(self.doc.sentences) or self.doc.sentences[nxt].start - q.close_mark > 3 or (
                    self.doc.sentences[nxt].paragraph != self.doc.sentences[sent].paragraph):
                return None
            sent, tokens, first = nxt, self.sentence_tokens(nxt), 0
            if not tokens:
                return None
        while first < len(tokens) - 1 and (tokens[first][0] == "," or tokens[first][0] in _SINGLE_CLOSER_SET):
            first += 1  # the comma, and the closing mark of a quotation inside ("... 'old-school,' ' ' said")
        dash = self._dash_label(q, tokens, first)
        if dash is not None:
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), dash, None,
                        self._first_sentence(q), (q,))
        for cue in self.sentence_cues(sent):
            if cue.first < first:
                continue
            if cue.first - first > _MAX_ASIDE + 4 or self.quote_at(cue.start):
                break
            span = None
            tight = False  # the frame is only the mention and the cue ("she said", "said a witness")
            if cue.first == first and cue.last > cue.first and tokens[cue.first + 1][4] and (
                    cue.form in cue_lexicon().inverted):
                # "“...?” asked Sen. Ada Holm": after a quotation the capitalised words are the speaker, not
                # the addressee the cue took for its object
                cue = cue._replace(last=cue.first, end=tokens[cue.first][2])
            if cue.first == first:
                span = _np_after(tokens, cue.last + 1, len(tokens))
                sp = self._np_speaker(tokens, span)
                tight = span is not None and span[0] == cue.last + 1 and cue.form in cue_lexicon().inverted
                found = self._anonymity_after_np(tokens, span)
                if found is not None:  # "“...,” said a spokesman, who asked not to be named."
                    span = found[0]
                    sp = self._anonymous(self._np_speaker(tokens, span))
                if sp is None or not sp.speaker:
                    sp = self._name_soon_after(tokens, cue.last + 1) or sp
            elif cue.first - first == 1 and pronoun_kind(tokens[first][0]):
                sp = self.resolver.resolve(tokens[first][1], tokens[first][2])
                tight = True
            else:
                j = _skip_back(tokens, cue.first - 1, first)
                span = _np_ending_at(tokens, j, first) if cue.first - first <= 10 else None
                anonymous = self._anonymous_subject(tokens, j, first) if self.anonymity else None
                if anonymous is not None:  # "“...,” an official, who asked not to be named, said."
                    sp = anonymous
                elif span is not None and span[0] == first:
                    sp = self._np_speaker(tokens, span)
                    tight = j == cue.first - 1
                else:
                    named = self._name_before_asides(tokens, j, first) or self._name_after_words(tokens, j, first)
                    if named is None or not (_description_before(tokens, first, named[0]) or (
                            named[0] - first <= 3 and all(t[0][:1].isalnum() for t in tokens[first:named[0]]))):
                        named = self._name_after_description(tokens, j, first)
                    if named is None and j - first <= 3:
                        found = self._proper_noun_speaker(tokens, (first, j))
                        named = (first, found) if found is not None else None
                    if named is None:
                        if cue.form in cue_lexicon().ambiguous:
                            continue  # a noun, not the frame's verb ("the Indiana state firefighters union")
                        break
                    sp = named[1]
            if sp is not None and not sp.speaker and span is not None and cue.first - first <= 6:
                sp = self._proper_noun_speaker(tokens, span) or sp
            if sp is None or not sp.speaker:
                if sp is not None and sp.mention and tight and cue.kind == "speech" and (
                        cue.first - first <= _MAX_UNRESOLVED_FRAME) and inner_end.endswith((",", "?", "!")) and (
                        self._opens_sentence(q)):
                    # "“...,” she said." with no fitting antecedent, "“...,” a witness said.": the quotation has
                    # a frame of its own, so it keeps that mention unresolved rather than borrowing a neighbour's
                    # speaker; a frame before the quotation that names someone still wins (quote_rows)
                    self._unresolved_frame = _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp,
                                                  cue, self._first_sentence(q), (q,))
                break  # no known speaker here: a frame before the quotation may name one
            self.used.add((sent, cue.first))
            self.subjects[(sent, cue.first)] = sp
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, cue, self._first_sentence(q),
                        (q,))
        if any(first <= c.first <= first + 12 for c in self.sentence_cues(sent)):
            return None
        found = self._verb_frame(tokens, first)
        if found is None:
            return None
        sp, cue = found
        return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, cue, self._first_sentence(q), (q,))

    def _opens_sentence(self, q: _Quote) -> bool:
        """Whether the quotation's opening mark begins its sentence (a title or scare quote inside a clause,
        'defended “New York values,” saying ...', does not)."""
        mark = q.open_mark if q.open_mark is not None else q.start
        s = self.doc.sentence_at(mark)
        return s is not None and not self.text[s.start:mark].strip()

    def _verb_frame(self, tokens: list[Token], first: int) -> tuple[_Speaker, _Cue] | None:
        """A frame after a quotation whose verb the cue lexicon lacks: a named person and a past-tense verb
        that ends the sentence or comes before a time or place phrase ("“...,” Toomey fumed on Tuesday";
        "“...,” scoffed Ada Gil, 22"). After a quotation closed by a comma, such a frame can only report it."""
        n = len(tokens)
        seen_name = False
        for k in range(first, min(n - 1, first + 10)):
            word = tokens[k][0]
            if not (word.islower() and word.isalpha() and len(word) > 3 and word.endswith("ed")):
                if word in {",", "(", ")", "."} or word[:1].isupper() or word[:1].isdigit():
                    seen_name = seen_name or word[:1].isupper()
                    continue
                if not seen_name and k - first < 4 and word.isalpha():
                    continue  # words describing the name ("an angry Holm retaliated")
                return None  # another lower-case word: not a bare name-and-verb frame
            nxt = tokens[k + 1][3]
            if k == first:  # inverted: "scoffed Ada Gil"
                hit = self.resolver.by_start.get(tokens[k + 1][1])
                if hit is None or hit[2].possessive:
                    return None
                sp = self.resolver.resolve(hit[0], hit[1])
            else:
                if not (nxt in {".", ","} or nxt in _TIME_AFTER_CUE or nxt in _PLACE_AFTER_CUE):
                    return None
                j = k - 1
                span = _np_ending_at(tokens, j, first)
                if span is not None and span[0] == first:
                    sp = self._np_speaker(tokens, span)
                else:
                    named = self._name_before_asides(tokens, j, first) or self._name_after_description(
                        tokens, j, first)
                    sp = named[1] if named is not None else None
            if sp is None or not sp.speaker or sp.speaker_type == "unknown":
                return None
            return sp, _Cue(k, k, "speech", tokens[k][3], tokens[k][1], tokens[k][2], False)
        return None

    def _labelled(self, q: _Quote) -> _Row | None:
        """A transcript turn that opens with its speaker's label ("PENCE: Well, look, ..."); the row's text
        starts after the label."""
        m = _LABEL.match(self.text, q.start)
        if m is None or m.end() >= q.end:
            return None
        speaker = self.resolver.label_speaker(m.start("label"), m.end("label"))
        if speaker is None:
            return None
        return _Row("direct", m.end(), _trim_end(self.text, m.end(), q.end), speaker, None, self._first_sentence(q),
                    (q,))

    def _dash_label(self, q: _Quote, tokens: list[Token], first: int) -> _Speaker | None:
        """ "“...” ― Jorge Falcon": a quotation signed with a dash and a name."""
        m = _DASH_LABEL.match(self.text, q.outer_end)
        if m is None:
            return None
        sp = self.resolver.resolve(m.start("name"), m.end("name"))
        return sp if sp.speaker else None

    def _first_sentence(self, q: _Quote) -> int:
        s = self._sentence_of(q.start)
        if s is None:
            s = self._sentence_of(q.open_mark if q.open_mark is not None else q.start)
        return s if s is not None else 0

    def _colon_intro(self, q: _Quote, sent: int, mark: int) -> _Row | None:
        """A quotation introduced by a colon in a sentence without a reporting verb ("Kaine has adopted the
        stance: “...”"): the person named at the start of the sentence."""
        if not self.text[self.doc.sentences[sent].start:mark].rstrip().endswith(":"):
            return None
        tokens = self.sentence_tokens(sent)
        colon = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i][0] == ":" and tokens[i][1] < mark), None)
        if colon is not None and colon > 0:
            # "... - Philip Bump: “...”": a name right before the colon signs the quotation
            signed = self.resolver.by_end.get(tokens[colon - 1][2])
            if signed is not None and not signed[2].possessive and not signed[2].after_preposition:
                sp = self.resolver.resolve(signed[0], signed[1])
                if sp.speaker:
                    return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, None, sent, (q,))
        k = 0
        while k < len(tokens) and tokens[k][3] in _DETERMINERS | {"but", "and", "so", "then", "still"}:
            k += 1
        if k >= len(tokens):
            return None
        found = self.resolver.by_start.get(tokens[k][1])
        verb = None
        if found is None and tokens[k][3] in _SUBJECT_PRONOUNS:
            verb = _intro_verb(tokens, tokens[k][2], colon)
            if verb is not None and verb.last == colon - 1:
                found = (tokens[k][1], tokens[k][2], None)  # "She went on: “...”", "He added: “...”"
        if found is None or found[2] is not None and found[2].possessive:
            return None
        sp = self.resolver.resolve(found[0], found[1])
        if not sp.speaker:
            return None
        if verb is None:  # (the pronoun's verb is already found: the mention is the pronoun)
            verb = _intro_verb(tokens, found[1], colon)
        return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, verb, sent, (q,))

    def _outer_frame(self, sent: int, before: list[_Cue], cue: _Cue, lo: int) -> tuple[_Cue, _Speaker] | None:
        """An earlier frame whose "that" clause holds the cue ("Trump said that Clinton once described the deal
        as “the gold standard”"): the whole clause is the outer speaker's (PolNeAR's reading too)."""
        tokens = self.sentence_tokens(sent)
        for other in before:
            if other.first >= cue.first:
                return None
            if other.first < lo or other.kind == "according":
                continue
            between = tokens[other.last + 1:cue.first]
            nested = any(t[3] == "that" for t in between[:8]) or (
                len(between) <= 4 and all(t[0][:1].isalnum() for t in between))  # "said it would tell"
            if not nested or any(t[0] in {";", ":"} for t in between):
                continue
            if between and between[-1][3] in {"but", "yet", "and"} and self._coordinated_verb(sent, cue):
                continue  # "welcomed the deal but cautioned that “...”": a second verb of the subject, not nested
            found = self.subject(sent, other, lo)
            if found is not None and found.speaker and found.speaker_type != "unknown":
                return other, found
        return None

    def _colon_frame(self, q: _Quote) -> _Row | None:
        """A quotation that opens its sentence right after a sentence ending in a colon, in the same or the
        previous paragraph ("Caddell continued:" / "“...”"; "The Times reports:"; "Sanders made the following
        comment:"): the frame's speaker, else the first person named as its subject."""
        mark = q.open_mark if q.open_mark is not None else q.start
        sent = self._sentence_of(mark)
        if not sent or self.doc.sentences[sent].start != mark:
            return None
        prev, here = self.doc.sentences[sent - 1], self.doc.sentences[sent]
        if not self.text[prev.start:prev.end].rstrip().endswith(":") or prev.paragraph < here.paragraph - 1:
            return None
        tokens = self.sentence_tokens(prev.index)
        sp = None
        cues = [c for c in self.sentence_cues(prev.index) if not self.in_quote(c.start)]
        if cues:
            sp = self.subject(prev.index, cues[-1])
            if sp is None and cues[-1].form in cue_lexicon().inverted:
                sp = self._np_speaker(tokens, _np_after(tokens, cues[-1].last + 1, len(tokens)))
            if sp is not None and sp.speaker:
                self.used.add((prev.index, cues[-1].first))
        if sp is None or not sp.speaker:
            sp = self._subject_person(prev.index, prev.end)
            if sp is not None and sp.speaker and sp.mention_end is not None and not cues:
                colon = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i][0] == ":"), None)
                cues = [_intro_verb(tokens, sp.mention_end, colon)]
            cues = cues or [None]
        if sp is None or not sp.speaker:
            return None
        return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, cues[-1] if cues else None,
                    sent, (q,))

    def _pre_frame(self, qi: int, q: _Quote, consumed: set[int]) -> _Row | None:
        mark = q.open_mark if q.open_mark is not None else q.start
        sent = self._sentence_of(mark)
        if sent is None:
            return None
        tokens = self.sentence_tokens(sent)
        before = [c for c in self.sentence_cues(sent) if c.end <= mark]
        if not before:
            return self._colon_intro(q, sent, mark)
        prev_q = [x for x in self._quotes_in_sentence(sent) if x.outer_end <= before[-1].start
                  and len(_WORDS.findall(self.text[x.start:x.end])) > 4]  # a quoted title is no boundary
        lo = next((k for k, t in enumerate(tokens) if t[1] >= prev_q[-1].outer_end), 0) if prev_q else 0
        cue, sp = before[-1], self.subject(sent, before[-1], lo)
        if sp is not None and not sp.speaker:
            # the nearest cue's subject is unknown ("... described the deal as"): an earlier frame may hold
            for other in reversed(before[:-1]):
                if other.first < lo:
                    break
                found = self.subject(sent, other, lo)
                if found is not None and found.speaker:
                    cue, sp = other, found
                    break
        outer = self._outer_frame(sent, before, cue, lo)
        if outer is not None:
            cue, sp = outer
        if sp is None and cue.form in cue_lexicon().inverted:
            sp = self._np_speaker(tokens, _np_after(tokens, cue.last + 1, len(tokens)))
        if sp is None:
            return None
        start = _content_start(tokens, cue, self.text, mark)
        silent = self._reports_nothing(sent, tokens, cue, sp)
        if silent is not None and not silent[1] <= mark < silent[2]:
            silent = None  # "refused to comment, but said “...”"
        if silent is None and self._narrator_adjunct(sent, cue, q, start, mark):
            self.used.add((sent, cue.first))
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, cue, sent, (q,))
        end, members = self._clause_end(sent, qi)
        for m in members:
            consumed.add(m)
        inside = sum(len(_ALNUM.findall(self.text[self.quotes[m].start:self.quotes[m].end])) for m in members)
        total = len(_ALNUM.findall(self.text[start:end])) or 1
        self.used.add((sent, cue.first))
        direct = inside / total >= _DIRECT_SHARE and len(members) == 1
        if silent is not None and (silent[0] == "refusal" or not direct):
            # "Kessler refused to say whether the contract was “rigged” ...", "I wonder whether the plan is
            # “dead on arrival” ...": as without the marks, no one's voice, and no other frame inside. (The
            # writer's own words quoted whole, "I said, “...”", stay a quotation, as after "“...,” I said")
            return _Row(_NARRATION, start, end, sp, cue, sent, tuple(self.quotes[m] for m in members))
        if direct:
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, cue, sent, (q,))
        return _Row("mixed", start, end, sp, cue, sent, tuple(self.quotes[m] for m in members))

    def _narrator_adjunct(self, sent: int, cue: _Cue, q: _Quote, start: int, mark: int) -> bool:
        """Whether the words between a frame's cue and the quotation are the writer's adjunct, set off by a
        comma before the quotation, which is then the whole of what was said: the middle of a split quotation
        ("“We will,” Alvarado said when asked whether ..., “bring them back ...”") or a quotation that opens
        a sentence of its own ("she said when asked about it, “We will.”"). Not when the words hold a "that"
        or the quotation goes on into more of the clause."""
        between = self.text[start:mark].rstrip()
        if start >= mark or not between.endswith(",") or not _ANY_WORD.search(between):
            return False
        words = [t[3] for t in tokenize(self.text, start, mark) if t[0][:1].isalnum()]
        if "that" in words or not (words[0] in _FRONTED or words[0] in _SUBORDINATORS or words[0] in {"to", "of"}
                                   or words[0].endswith("ing") or words[0] in cue_lexicon().passive_participles):
            return False  # an adjunct opens with a preposition, a subordinator or a participle
        if _ANY_WORD.search(self.text[q.outer_end:self.doc.sentences[sent].end]):
            return False  # 'the plan, “which nobody read,” was dead'
        if len(_WORDS.findall(self.text[q.start:q.end])) < _MIN_STATEMENT_WORDS:
            return False  # a slogan or a title: 'the change from the campaign slogan, “Make America Great Again.”'
        split = any(x.outer_end <= cue.start and self.text[x.start:x.end].rstrip().endswith(",")
                    for x in self._quotes_in_sentence(sent))
        return split or self.text[q.start:q.start + 1].isupper()

    def _clause_end(self, sent: int, qi: int) -> tuple[int, list[int]]:
        """Where a reported clause holding quotation ``qi`` ends, and the quotations inside it."""
        s = self.doc.sentences[sent]
        members = [qi]
        end = max(s.end, self.quotes[qi].outer_end)
        limit = end
        for cue in self.sentence_cues(sent):
            if cue.start > self.quotes[qi].outer_end and self._starts_new_frame(sent, cue):
                limit = min(limit, self._frame_cut(sent, cue))
        for k in range(qi + 1, len(self.quotes)):
            if self.quotes[k].start < limit:
                members.append(k)
        last = self.quotes[members[-1]]
        tail = self.text[last.outer_end:limit]
        appendix = _appendix_pattern().search(tail)
        if appendix is not None:  # 'that Moscow “does not strike civilians”, a claim Kyiv rejects': the writer's
            limit, tail = last.outer_end + appendix.start(), tail[:appendix.start()]
        m = _TAIL_CLAUSE.match(tail) or (_TRAILING_TIME.match(tail) and len(
            _WORDS.findall(self.text[last.start:last.end])) >= _MIN_CLAUSE_QUOTE_WORDS)  # (not after a title)
        if m or not _ANY_WORD.search(tail):
            limit = last.outer_end
        return _trim_end(self.text, self.quotes[qi].start, limit), members

    def _starts_new_frame(self, sent: int, cue: _Cue) -> bool:
        tokens = self.sentence_tokens(sent)
        if cue.first > 0 and (tokens[cue.first - 1][0] == "," or cue.kind == "according"):
            return True
        # ", Lewandowski said ...": a short subject after a comma opens a frame of its own
        k = cue.first - 1
        while k > 0 and cue.first - k <= 4 and tokens[k][0][:1].isalnum() and tokens[k][3] not in _NOT_IN_DESCRIPTION:
            if tokens[k][4] or pronoun_kind(tokens[k][0]):
                if tokens[k - 1][0] == ",":
                    return True
                if tokens[k - 1][3] in {"but", "and", "yet"} and k - 2 > 0 and tokens[k - 2][0] == ",":
                    return True  # ", but he said ..."
            k -= 1
        # a second verb of the same subject: "Kuleba welcomed the offer but criticized ...", "... and warned"
        if cue.first > 1 and tokens[cue.first][3].endswith("ed") and tokens[cue.first][0].islower() and (
                tokens[cue.first - 1][3] in {"but", "yet", "and"}):
            return self._coordinated_verb(sent, cue)
        return False

    def _coordinated_verb(self, sent: int, cue: _Cue) -> bool:
        """Whether a cue after "and"/"but"/"yet" is a second verb of an earlier cue's subject ("welcomed the
        offer but criticized ...", "called the bankers “fat cats” and proposed ..."): the words from the
        earlier cue to the conjunction hold no clause of their own (a subject pronoun, an auxiliary, "that",
        "to": "Police say he posed a threat and refused ..." is his refusal) and no comma but one right before
        the conjunction (a list: "business failures and alleged fraud")."""
        tokens = self.sentence_tokens(sent)
        earlier = [c for c in self.sentence_cues(sent) if c.last < cue.first - 1]
        if not earlier:
            return False
        between = tokens[earlier[-1].last + 1:cue.first - 1]
        if between and between[-1][0] == ",":
            between = between[:-1]
        lex = cue_lexicon()
        if not between or earlier[-1].kind == "belief" or lex.forms.get(earlier[-1].form, ("",))[0] in {
                "say", "tell", "add"}:
            return False  # what follows "said" is a clause: "Police said the driver ... and refused to stop"
        for k, t in enumerate(between):
            if self.in_quote(t[1]):
                continue
            if t[3] in lex.finite or t[0] in {",", ";", ":"} or (
                    k > 0 and t[3].endswith("ed") and t[0].islower() and between[k - 1][3] not in _DETERMINERS):
                return False  # a clause of its own: "... the driver ignored the signal and refused ..."
        # and the same subject: not "... after she attacked the police and blamed ..." under another frame
        first, second = self.subject(sent, earlier[-1]), self.subject(sent, cue)
        return first is not None and second is not None and first.speaker == second.speaker

    def _frame_cut(self, sent: int, cue: _Cue) -> int:
        tokens = self.sentence_tokens(sent)
        if cue.first > 1 and tokens[cue.first - 1][3] in {"but", "yet", "and"} and tokens[cue.first - 2][0] != ",":
            return tokens[cue.first - 1][1]  # "welcomed the offer | but criticized ..."
        k = cue.first - 1
        while k > 0 and tokens[k][0] != ",":
            k -= 1
        return tokens[k][1] if k > 0 else tokens[cue.first][1]

    def _unframed(self, q: _Quote, rows: list[_Row]) -> _Row | None:
        """A quotation without a frame of its own: speaker of a neighbouring quotation, a transcript label
        ("PENCE: ..."), or unresolved. Short fragments without any cue (titles, scare quotes) are no quotes."""
        words = _WORDS.findall(self.text[q.start:q.end])
        sent = self._first_sentence(q)
        para_start = next((a for p, a, b in self.paragraphs if a <= (q.open_mark or q.start) < b + 1), q.start)
        starts_para = (q.open_mark is not None and q.open_mark == para_start)
        if len(words) <= 4 or (len(words) <= 8 and all(w[:1].isupper() for w in words)):
            # a short sentence of its own that goes on with the quotation framed just before ("“...,” Hollis
            # told reporters. “That is on me.”") is a quotation; other short fragments are titles or scare quotes
            framed = self._framed_just_before(q, rows) if words and _SENTENCE_IN_MARKS.match(
                self.text, q.start, q.end) else None
            if framed is None:
                return None
            sp = _replace(framed, "previous quote", keep_mention=False)
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, None, sent, (q,))
        if not starts_para and not self.text[self._sentence_start(q)].startswith(tuple(_QUOTE_OPENINGS)) and (
                len(words) < 8):
            return None
        label = _LEAD_LABEL.match(self.text[para_start:q.start])
        if label:
            a = para_start
            sp = self.resolver.resolve(a, a + len(label.group(1)))
            if sp.speaker:
                return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, None, sent, (q,))
        late = self._late_frame(q, sent)
        if late is not None:
            return late
        dashed = self._dash_signed(q) or self._signed_below(q)
        if dashed is not None:
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), dashed, None, sent, (q,))
        # a paragraph that opens with a quotation and frames a later one names its speaker there
        nxt = self._next_framed(q) if starts_para else None
        if nxt is not None:
            sp = _replace(nxt, "previous quote", keep_mention=False)
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, None, sent, (q,))
        framed = self._framed_just_before(q, rows)
        if framed is not None:
            sp = _replace(framed, "previous quote", keep_mention=False)
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, None, sent, (q,))
        told = self._previous_sentence_speaker(q)
        if told is not None:
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), told, None, sent, (q,))
        prev = [r for r in rows if r.quotes and r.end <= q.start and r.speaker.speaker]
        here = self._paragraph_of(q.start)
        if prev and self._paragraph_of(prev[-1].start) >= here - 1:
            if self._paragraph_of(prev[-1].start) < here and not starts_para and not self.text[
                    self._sentence_start(q)].startswith(tuple(_OPENERS + _STRAIGHT)):
                # a quotation inside a sentence of a later paragraph that opens with a person ("Dan Ross, a
                # lawyer, has egged them on with talks like “...”") is that person's, not the one before's
                opener = self.text[self._sentence_start(q):].split(None, 1)[:1]
                own = None if opener and pronoun_kind(opener[0]) else self._sentence_subject(q)  # ("He ...")
                if own is not None and own.speaker:
                    return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), own, None, sent, (q,))
            sp = _replace(prev[-1].speaker, "previous quote", keep_mention=False)
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, None, sent, (q,))
        nxt = self._next_framed(q)
        if nxt is not None:
            sp = _replace(nxt, "previous quote", keep_mention=False)
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, None, sent, (q,))
        before = self._previous_subject(q) if starts_para else self._sentence_subject(q)
        if before is not None:
            return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), before, None, sent, (q,))
        none = _Speaker(None, "unknown", None, None, None, None, "unresolved")
        return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), none, None, sent, (q,))

    def _late_frame(self, q: _Quote, sent: int) -> _Row | None:
        """A sentence that opens with a quotation and ends with its frame after more words ("“I admire the
        mechanics” of the proposals, Mr. Holtz said."): the sentence's reported clause, holding the quotation."""
        if self._sentence_start(q) != (q.open_mark if q.open_mark is not None else q.start):
            return None
        tokens = self.sentence_tokens(sent)
        for cue in self.sentence_cues(sent):
            if cue.start < q.outer_end or (sent, cue.first) in self.used:
                continue
            row = self._indirect(sent, tokens, cue)
            if row is not None and row.kind != _NARRATION and row.start <= q.start and row.end >= q.end - 1 and (
                    row.speaker.speaker):
                self.used.add((sent, cue.first))
                return row
            return None
        return None

    def _previous_sentence_speaker(self, q: _Quote) -> _Speaker | None:
        """The person who speaks in the sentence right before a quotation that opens its own sentence, in the
        same paragraph ("Schiff said. “The other factor ...”"; "Cummings called him a master. “He showed ...”")."""
        mark = q.open_mark if q.open_mark is not None else q.start
        sent = self._sentence_of(mark)
        if not sent or self.doc.sentences[sent].start != mark:
            return None
        prev = self.doc.sentences[sent - 1]
        if prev.paragraph != self.doc.sentences[sent].paragraph:
            return None
        for cue in reversed(self.sentence_cues(prev.index)):
            sp = self.subject(prev.index, cue)
            if sp is not None and sp.speaker and sp.speaker_type in ("person", "anonymous"):
                return _replace(sp, "previous quote", keep_mention=False)
        return None

    def _framed_just_before(self, q: _Quote, rows: list[_Row]) -> _Speaker | None:
        """The speaker of a quotation framed in the sentence right before this one, in the same paragraph, when
        that sentence is the quotation and its frame ("“This is a long play,” said Ada Holm, who ... “This is
        a three-month process.”"): the second quotation goes on with the first."""
        mark = q.open_mark if q.open_mark is not None else q.start
        if not rows:
            return None
        last = rows[-1]
        if not last.quotes or last.cue is None or last.speaker.speaker is None or (
                last.speaker.speaker_type not in ("person", "anonymous", "group")):
            return None
        lq = last.quotes[-1]
        since = max(last.cue.end, lq.outer_end)
        if lq.outer_end > mark or since > mark or mark - since > 250 or (
                self._paragraph_of(lq.start) != self._paragraph_of(mark)):
            return None
        gap = self.text[since:mark]
        if not _ENDS_SENTENCE.search(gap):
            return None  # the new quotation must open a sentence of its own
        s = self.doc.sentence_at(since)
        if s is not None and any(since <= c.start < mark for c in self.sentence_cues(s.index)):
            return None  # another frame between them
        return last.speaker

    def _sentence_subject(self, q: _Quote) -> _Speaker | None:
        """The person a sentence opens with, for a quotation inside it that nothing else frames ("During the
        debate, Ada Holm cracked, “...”"; "Holm laid out a vision for “...”"): the first person of the sentence
        before the quotation, named neither after a preposition nor as a possessive."""
        mark = q.open_mark if q.open_mark is not None else q.start
        s = self.doc.sentence_at(mark)
        if s is None or s.start == mark:
            return None
        return self._subject_person(s.index, mark, first_only=True)

    def _subject_person(self, sent: int, end: int, *, first_only: bool = False) -> _Speaker | None:
        """The first person of sentence ``sent`` before ``end`` that can be its subject: past a fronted clause
        ("When Wallace died, President Clint released the following statement:"), named neither after a
        preposition nor as a possessive, and seen somewhere with a first name, title or honorific (not
        "Lordy", "Hours"). With ``first_only``, only the first person of the sentence (past the fronted clause)
        is considered."""
        s = self.doc.sentences[sent]
        tokens = self.sentence_tokens(sent)
        start = s.start
        if tokens and tokens[0][3] in _FRONTED:
            comma = next((i for i in range(1, min(len(tokens), 16)) if tokens[i][0] == ","), None)
            if comma is not None and comma + 1 < len(tokens):
                start = tokens[comma + 1][1]
        persons = self.resolver.persons
        k = bisect.bisect_left(self.resolver._pstarts, start)
        while k < len(persons) and persons[k][0] < end:
            a, b, m, pid = persons[k]
            if not (m.possessive or m.after_preposition) and (" " in m.name or self.resolver.index.vouched(pid)):
                sp = self.resolver.resolve(a, b)
                return sp if sp.speaker else None
            if first_only:
                return None
            k += 1
        return None

    def _previous_subject(self, q: _Quote) -> _Speaker | None:
        """The person the sentence right before a paragraph-opening quotation is about, when nothing else
        frames the quotation ("Viguerie is upbeat about the race." / "“Not only can he win ...”"): the subject
        of its last reporting verb, else its first person named neither after a preposition nor as a
        possessive."""
        mark = q.open_mark if q.open_mark is not None else q.start
        sent = self._sentence_of(mark)
        if not sent:
            return None
        prev = self.doc.sentences[sent - 1]
        if prev.paragraph < self.doc.sentences[sent].paragraph - 1 or any(
                len(_WORDS.findall(self.text[x.start:x.end])) > 4 for x in self._quotes_overlapping(prev.start, prev.end)):
            return None  # (a sentence quoting a few words, "What “go after them” means", is still about a person)
        for cue in reversed(self.sentence_cues(prev.index)):
            sp = self.subject(prev.index, cue)
            if sp is not None and sp.speaker and sp.speaker_type in ("person", "anonymous"):
                return _replace(sp, "previous quote", keep_mention=False)
        sp = self._subject_person(prev.index, prev.end)
        return _replace(sp, "previous quote", keep_mention=False) if sp is not None else None

    def _signed_below(self, q: _Quote) -> _Speaker | None:
        """A quotation whose paragraph is followed by a signature paragraph ("“...”" / "- Bernie Sanders.")."""
        para = self._paragraph_of(q.start)
        nxt = next(((a, b) for p, a, b in self.paragraphs if p > para), None)
        if nxt is None or self._paragraph_of(q.end) != para:
            return None
        m = _SIGNATURE_LINE.fullmatch(self.text, nxt[0], nxt[1])
        if m is None:
            return None
        a, b = m.start("name"), m.end("name")
        b = _trim_end(self.text, a, b)  # "Bernie Sanders." without its full stop ("J." keeps it)
        sp = self.resolver.resolve(a, b)
        return _replace(sp, "name") if sp.speaker else None

    def _dash_signed(self, q: _Quote) -> _Speaker | None:
        """A quotation whose line ends in a dash and a name ("... than live in a world like that.” ― Ana
        Ruiz") when the marks inside it were unbalanced."""
        line_end = self.text.find("\n", q.start)
        line_end = len(self.text) if line_end < 0 else line_end
        if line_end < q.end:
            return None
        m = _DASH_SIGNATURE.search(self.text, q.start, line_end)
        if m is None:
            return None
        sp = self.resolver.resolve(m.start("name"), m.end("name"))
        return _replace(sp, "name") if sp.speaker else None

    def _next_framed(self, q: _Quote) -> _Speaker | None:
        para = self._paragraph_of(q.start)
        for other in self.quotes:
            if other.start > q.start and self._paragraph_of(other.start) == para:
                row = self._post_frame(other)
                if row is not None:
                    return row.speaker
        return None

    def _sentence_start(self, q: _Quote) -> int:
        s = self.doc.sentence_at(q.open_mark if q.open_mark is not None else q.start)
        return s.start if s else q.start

    def _paragraph_of(self, pos: int) -> int:
        s = self.doc.sentence_at(pos)
        return s.paragraph if s else -1

    # ---- speakers named by an earlier row
    def back_references(self, rows: list[_Row]) -> None:
        """Give a speaker that refers back to the source of the sentence before that source (in place, ``rows``
        in text order): a definite description that names no one ("“...,” the MP said." after "One senior
        backbencher, who asked not to be named, said ...") is that anonymous or described source, and a
        personal pronoun whose resolved antecedent comes before a described speaker ("the Tory leader insisted
        ... “...,” he said." after "Damian Green" was named) is that speaker: the name rules know only names as
        antecedents. Only within a paragraph, from the row whose mention is in the same or the sentence just
        before, with no person named between."""
        done: list[_Row] = []
        for row in sorted(rows, key=lambda r: r.speaker.mention_start if r.speaker.mention_start is not None else -1):
            sp = row.speaker
            if sp.mention_start is not None and not self.in_quote(sp.mention_start):
                before = self._described_source_before(row, done)
                if before is not None:
                    row.speaker = before
                done.append(row)

    def _described_source_before(self, row: _Row, done: list[_Row]) -> _Speaker | None:
        """The speaker that ``row``'s mention refers back to, from the rows ``done`` before it; None when it
        names its own speaker."""
        sp = row.speaker
        pronoun = sp.resolution == "pronoun" and pronoun_kind(sp.mention or "") in ("male", "female")
        if not pronoun and not self._bare_description(sp):
            return None
        prev = next((r.speaker for r in reversed(done) if r.speaker.mention_end is not None
                     and r.speaker.mention_end <= sp.mention_start), None)
        if prev is None or not (prev.speaker_type == "anonymous" or prev.speaker_type == "person" and (
                prev.resolution == "description")):
            return None
        # the row's first sentence: a quotation of two sentences before its frame counts from its opening
        here = self.doc.sentence_at(min(row.start, sp.mention_start))
        there = self.doc.sentence_at(prev.mention_start)
        if here is None or there is None or here.index - there.index > 1 or here.paragraph != there.paragraph:
            return None
        if pronoun and here.index == there.index and _ASKED_OPENER.match(self.text, here.start, prev.mention_start):
            return None  # "Asked whether the prime minister backed her, she said": the question's person is not her
        r = self.resolver
        between = r.persons[bisect.bisect_left(r._pstarts, prev.mention_end):bisect.bisect_left(
            r._pstarts, sp.mention_start)]
        if any(not m.possessive and not m.after_preposition for _, _, m, _ in between):
            return None  # someone named since: "... the official said. Kane replied that ... he said"
        if pronoun:
            if prev.speaker == sp.speaker or prev.speaker_type != "person":
                return None
            if prev.speaker is not None and (pid := r.index.person_named(prev.speaker)) is not None and (
                    r._gender(pid) not in (None, pronoun_kind(sp.mention))):
                return None
        return _Speaker(prev.speaker, prev.speaker_type, prev.camp, sp.mention, sp.mention_start, sp.mention_end,
                        "pronoun" if pronoun else prev.resolution)

    def _bare_description(self, sp: _Speaker) -> bool:
        """Whether ``sp`` is a definite description that speaks for itself ("the official", "the MP"): "the" and
        up to two modifiers before a singular person noun (the name rules' descriptions, the anonymous-source
        nouns, reporting_cues.toml ``[back_references] nouns``), not resolved to anyone named."""
        words = (sp.mention or "").split()
        if not 2 <= len(words) <= 4 or words[0].lower() != "the" or sp.resolution not in (
                "description", "group", "unresolved", "anonymous"):
            return False
        if sp.speaker is not None and sp.speaker.lower() != " ".join(words).lower():
            return False  # resolved to a person or a known group
        head = words[-1].lower()
        return head in name_rules()["description_nouns"] or head in _SOURCE_NOUNS and not head.endswith("s") or (
            head in cue_lexicon().back_reference_nouns)

    # ---- indirect speech
    def indirect_rows(self, taken: list[tuple[int, int]]) -> list[_Row]:
        rows: list[_Row] = []
        spans = SpanIndex([*taken, *self.silent])
        for s in self.doc.sentences:
            tokens = self.sentence_tokens(s.index)
            for cue in self.sentence_cues(s.index):
                if (s.index, cue.first) in self.used:
                    continue
                self.pieces.clear()
                refused = self._reports_nothing(s.index, tokens, cue, None)
                if refused is not None:
                    spans.add(*refused[1:])  # what the refusal leaves unsaid holds no cue of its own
                    continue
                row = self._indirect(s.index, tokens, cue)
                if row is None or spans.overlaps(row.start, row.end):
                    continue
                if row.kind == _NARRATION:  # the writer's own clause: no row, but no other row inside it
                    spans.add(row.start, row.end)
                    continue
                rows.append(row)
                spans.add(row.start, row.end)
                taken.append((row.start, row.end))
                for piece in self.pieces:  # the second piece of a clause around a parenthetical frame
                    if not spans.overlaps(piece.start, piece.end):
                        rows.append(piece)
                        spans.add(piece.start, piece.end)
                        taken.append((piece.start, piece.end))
                self.pieces.clear()
        return rows

    def _refusal(self, sent: int, tokens: list[Token], cue: _Cue) -> tuple[int, int] | None:
        """The span of a refusal's complement ("refused | to say whether she had discussed the contract",
        reporting_cues.toml ``[not_reports] refusals``), which reports nothing; None for other cues."""
        lex = cue_lexicon()
        k = cue.last + 1
        if cue.first != cue.last or lex.forms.get(cue.form, ("", ""))[0] not in lex.refusals or k + 1 >= len(
                tokens) or tokens[k][3] != "to" or tokens[k + 1][3] not in lex.bare_infinitives:
            return None
        start = tokens[k][1]
        end = self._content_end(sent, tokens, cue, start)
        # "refused to answer questions on ... but said there was no call": the second verb speaks
        nxt = next((c for c in self.sentence_cues(sent) if c.first > k + 1 and c.start < end
                    and tokens[c.first - 1][3] in {"but", "and", "yet"}), None)
        return start, (tokens[nxt.first - 2][2] if nxt is not None else end)

    def _reports_nothing(self, sent: int, tokens: list[Token], cue: _Cue,
                         sp: _Speaker | None) -> tuple[str, int, int] | None:
        """Whether ``cue`` with subject ``sp`` frames no one's speech, with or without quotation marks in what
        follows, as (why, start, end of the words it covers): a "refusal" ("Kessler refused to say whether
        ...", :meth:`_refusal`: its complement) or the "writer"'s own "I"/"we" ("I wonder whether ...", "We
        urge ...": the rest of the sentence). None for a cue that reports speech. Called by both the
        quotation path (:meth:`_pre_frame`) and the path without marks (:meth:`indirect_rows`)."""
        refused = self._refusal(sent, tokens, cue)
        if refused is not None:
            return ("refusal", *refused)
        if sp is not None and sp.mention_start is not None and (
                self.text[sp.mention_start:sp.mention_end].lower() in _NARRATOR_SUBJECTS):
            return "writer", cue.end, self.doc.sentences[sent].end
        return None

    def _indirect(self, sent: int, tokens: list[Token], cue: _Cue) -> _Row | None:
        s = self.doc.sentences[sent]
        lex = cue_lexicon()
        if _inverted_question(tokens, cue):
            return None  # "How does it compare with ...?", "Are you considering ...?": asked, not reported
        if cue.kind == "according":
            span, sp = self._according_source(tokens, cue)
            if sp is None or span is None:
                return None
            after = span[1]
            found = self._anonymity_after_np(tokens, span)
            if found is not None:  # "according to an official who asked not to be named, ..."
                span, after = found
                sp = self._anonymous(self._np_speaker(tokens, span))
            if cue.first == 0 or (cue.first <= 2 and tokens[0][0][:1].isupper() and cue.first == 1):
                comma = next((k for k in range(after + 1, len(tokens)) if tokens[k][0] == ","), None)
                if comma is not None and comma + 1 < len(tokens) and tokens[comma + 1][3] in _RELAY_PARTICIPLES:
                    # "According to the agency, citing two sources familiar with the matter, ...": the relay's
                    # own sources are not what was reported
                    comma = next((k for k in range(comma + 2, len(tokens)) if tokens[k][0] == ","), None)
                if comma is None:
                    return None
                start, end = tokens[comma + 1][1] if comma + 1 < len(tokens) else s.end, s.end
            else:
                start, end = self._clause_before(sent, cue.first)
            return self._make_row(sent, start, end, sp, cue)
        # inverted at the end: "..., said a person familiar with ..."
        if cue.first > 0 and tokens[cue.first - 1][0] == "," and cue.form in lex.inverted:
            span = _np_after(tokens, cue.last + 1, len(tokens))
            found = self._anonymity_after_np(tokens, span)
            last = found[1] if found is not None else span[1] if span is not None else 0
            # "..., said an official who asked not to be named." ends there too
            if span is not None and (last + 1 >= len(tokens) or tokens[last + 1][0] in {".", ",", ";"}):
                sp = self._np_speaker(tokens, span)
                if found is not None:
                    sp = self._anonymous(self._np_speaker(tokens, found[0]))
                before = self.subject(sent, cue)
                if sp is not None and sp.speaker_type != "unknown" and (before is None or not before.speaker):
                    start, end = self._clause_before(sent, cue.first)
                    return self._make_row(sent, start, end, sp, cue)
        sp = self.subject(sent, cue)
        if sp is None or _negative_subject(tokens, cue):
            return None  # (no subject, or "Nothing in the memo mentions ...": no one said anything)
        if not cue.participle and sp.mention_start is not None and self._open_whether(sent, tokens, sp.mention_start):
            return None  # "Second, whether councils can find the money": an open question, not a report
        if cue.kind == "belief" and sp.mention and _WORDS.findall(sp.mention.lower())[-1:] and (
                _WORDS.findall(sp.mention.lower())[-1] in lex.mindless):
            return None  # "Those figures assume ...": a belief verb needs a mind
        if self._reports_nothing(sent, tokens, cue, sp) is not None:
            # "I wonder whether ...", "We urge ...": the writer's own words. The clause is narration: it gives
            # no row, and no cue inside it frames a quotation of its own (refusals are set aside before)
            row = self._indirect_after(sent, tokens, cue, sp)
            return _Row(_NARRATION, row.start, row.end, sp, cue, sent) if row is not None else None
        return self._indirect_after(sent, tokens, cue, sp)

    def _answered_by_participle(self, sent: int, tokens: list[Token], cue: _Cue, start: int, end: int) -> bool:
        """Whether ``cue`` is "responded to X" / "replied to X" and what was said follows in a participle right
        after it ("responded to the criticism on local radio, saying the order was issued ..."): "to X" names
        what was answered, and the participle's clause is the answer (its own row)."""
        lex = cue_lexicon()
        if lex.forms.get(cue.form, ("",))[0] not in lex.request_cues or not self.text.startswith("to ", start):
            return False
        nxt = next((c for c in self.sentence_cues(sent) if c.first > cue.last), None)
        return nxt is not None and nxt.participle and nxt.kind == "speech" and end <= nxt.start and (
            not self.text[end:nxt.start].strip(" ,\u00a0"))

    def _open_whether(self, sent: int, tokens: list[Token], start: int) -> bool:
        """Whether the subject mention starting at ``start`` opens with, or comes right after, a "whether" that no
        earlier cue of the sentence frames: the writer's open question ("Second, whether councils can find the
        matching money; ...", "What is unclear is whether Sanders will ever tell ..."). After a cue ("would not
        say whether she agrees ...", "asked whether he would back ...") the clause stays as it was."""
        k = next((i for i, t in enumerate(tokens) if t[1] >= start), None)
        if k is None:
            return False
        w = k if tokens[k][3] == "whether" else k - 1 if k > 0 and tokens[k - 1][3] == "whether" else None
        return w is not None and not any(c.last < w for c in self.sentence_cues(sent))

    def _indirect_after(self, sent: int, tokens: list[Token], cue: _Cue, sp: _Speaker) -> _Row | None:
        """The row of a cue whose subject ``sp`` is found: the reported clause before or after it."""
        s = self.doc.sentences[sent]
        lex = cue_lexicon()
        if sp.mention_start is not None:
            k = next((i for i, t in enumerate(tokens) if t[1] >= sp.mention_start), 0)
            tail = tokens[cue.last + 1:]
            clause = self._anonymity_after(tokens, cue.last + 1) if self.anonymity else None
            if clause is not None:  # "..., he said, on condition of anonymity.": the clause is not the content
                sp, tail = self._anonymous(sp), tokens[clause + 1:]
            short_tail = len([t for t in tail if t[0][:1].isalnum()]) <= 6 and not any(
                t[3] == "that" for t in tail) and (not tail or tail[0][3] in _TIME_AFTER_CUE or tail[0][3] in
                                                   _PLACE_AFTER_CUE or not tail[0][0][:1].isalnum())
            # "Rainfall will ease, forecasters say, but rivers may not peak until Thursday": a parenthetical
            # frame reports the clause before it; a clause joined after it by a contrasting conjunction is the
            # writer's, however long
            short_tail = short_tail or (len(tail) > 1 and tail[0][0] == "," and tail[1][3] in _CONTRAST_AFTER_FRAME)
            # "Russia fired 40 drones, the air force said, adding that ...": a participle cue after the frame
            # reports its own clause (its speaker is this frame's subject); the clause before is this frame's
            short_tail = short_tail or (len(tail) > 2 and tail[0][0] == "," and tail[1][3].endswith("ing") and (
                tail[1][3] in lex.forms) and tail[2][3] == "that")
            if len(tail) > 1 and tail[0][3] == "to" and tail[1][3] in lex.bare_infinitives:
                # "The owner, Victor Salgado, vowed to speak on Monday.": "to" + a speech verb is the cue's own
                # complement, not a parenthetical frame after "The owner" (refusals never get here: indirect_rows
                # sets them aside, and _says_nothing drops "agreed to comment")
                short_tail = False
            if k > 0 and tokens[k - 1][0] == "," and len(tail) > 2 and tail[0][0] == "," and (
                    tail[1][3] in _PREPOSITIONS_BEFORE_NP or tail[1][3] in {"because", "after", "before", "during"}):
                # "Eleven people were arrested, police said, for offences including ...": a parenthetical frame
                # inside the clause; what was reported is the clause before it and the phrase after it, two
                # pieces (as a quotation interrupted by its frame)
                start, end = self._clause_before(sent, k - 1)
                row = self._make_row(sent, start, end, sp, cue)
                if row is not None:
                    piece = self._make_row(sent, tail[1][1], self._content_end(sent, tokens, cue, tail[1][1]), sp, cue)
                    self.pieces.append(piece) if piece is not None else None
                return row
            if k > 0 and tokens[k - 1][0] == "," and short_tail:
                if _question_clause(tokens) == k - 1:
                    return None  # "Asked for proof, he did not reply.": the question is the reporter's
                start, end = self._clause_before(sent, k - 1)
                return self._make_row(sent, start, end, sp, cue)
        start = _content_start(tokens, cue, self.text, s.end)
        if self.anonymity:
            # "said on condition of anonymity that ...", "said, speaking on condition of anonymity, that ...":
            # the source is anonymous and the clause is not what was said
            k = next((i for i in range(cue.last + 1, len(tokens)) if tokens[i][1] >= start), None)
            clause = self._anonymity_after(tokens, k) if k is not None else None
            if clause is not None:
                sp = self._anonymous(sp)
                start = _content_start(tokens, cue._replace(last=clause), self.text, s.end)
        k = next((i for i in range(cue.last + 1, len(tokens)) if tokens[i][1] >= start), None)
        if k is not None and k + 1 < len(tokens) and (tokens[k][3], tokens[k + 1][3]) in _RECIPROCALS:
            # "accused each other on Thursday of starting a clash": the object is no content, what follows
            # "of"/"for" is; the source is the whole coordination before the cue
            start = _after_reciprocal(tokens, k + 2, s.end)
            if start is None:
                return None
            first = next((i for i, t in enumerate(tokens) if sp.mention_start is not None
                          and t[1] >= sp.mention_start), None)
            if first is not None and first >= 2 and tokens[first - 1][3] == "and":
                span = (first, next(i for i in range(first, len(tokens)) if tokens[i][2] >= sp.mention_end))
                sp = self._coordinated_group(tokens, span, 0, reciprocal=True) or sp
        end = self._content_end(sent, tokens, cue, start)
        if _object_reports_nothing(tokens, cue, start, end) or _says_nothing(tokens, cue, start, end):
            return None
        if self._answered_by_participle(sent, tokens, cue, start, end):
            return None
        if _occasion_only(tokens, cue, start, end):
            return None
        return self._make_row(sent, start, end, sp, cue)

    def _clause_before(self, sent: int, k: int) -> tuple[int, int]:
        tokens = self.sentence_tokens(sent)
        start = tokens[0][1]
        stamp = ENTRY_STAMP.match(self.text, start)
        if stamp is not None:
            start = stamp.end()  # "4:55 p.m.: Rainfall is expected to ease, forecasters say": a live blog's time
        for c in self.sentence_cues(sent):
            if c.last < k and (sent, c.first) in self.used:
                start = tokens[c.last + 1][1]
        j = k
        while j > 0 and not tokens[j - 1][0][:1].isalnum() and tokens[j - 1][0] not in _CLOSER_SET and (
                tokens[j - 1][0] not in _UNIT_SIGNS or j < 2 or not tokens[j - 2][0][:1].isalnum()):
            j -= 1  # (a sign that ends a number, "44.9%", is part of the clause)
        end = tokens[j - 1][2] if j > 0 else start
        return start, end

    def _content_end(self, sent: int, tokens: list[Token], cue: _Cue, start: int | None = None) -> int:
        s = self.doc.sentences[sent]
        end = s.end
        for other in self.sentence_cues(sent):
            if other.first > cue.last and self._starts_new_frame(sent, other):
                end = min(end, self._frame_cut(sent, other))
                break
        for t in tokens[cue.last + 1:]:
            if t[0] in _CLAUSE_BREAK and t[1] < end:
                end = t[1]
                break
        # a frame inside a subordinate clause ("While he said he'd hold a hearing, it is unlikely ..."): the
        # reported clause ends at the comma that closes the subordinate clause
        sp = self.subjects.get((sent, cue.first))
        if sp is not None and sp.mention_start is not None:
            k = next((i for i, t in enumerate(tokens) if t[1] >= sp.mention_start), 0)
            if k > 0 and tokens[k - 1][3] in _SUBORDINATORS:
                comma = next((t[1] for t in tokens[cue.last + 2:] if t[0] == "," and t[1] < end
                              and not self.in_quote(t[1])), None)
                if comma is not None:
                    end = comma
        # wording that says the source is not named ("..., but spoke on condition of anonymity because ...") is
        # not part of what was reported
        if self.anonymity:
            begin = max(tokens[cue.last][2], start or 0)  # (the content may start after such wording)
            first = next((k for k in range(cue.last + 1, len(tokens)) if tokens[k][1] >= begin), len(tokens))
            i = bisect.bisect_left(self._astarts, begin)
            if i < len(self._astarts) and self._astarts[i] < end:
                a = self._astarts[i]
                k = next(k for k in range(first, len(tokens)) if tokens[k][1] >= a or k == len(tokens) - 1)
                while k - 1 > first and tokens[k - 1][3] in _ANONYMITY_LEADS and tokens[k - 1][1] < a:
                    k -= 1
                if k > first:
                    end = min(end, tokens[k][1])
        # a comment of the writer's appended after a comma ("..., a requirement that ...", "..., which ...",
        # "..., just as ...") is not part of what was reported
        k = cue.last + 3
        while k < len(tokens) - 1:
            if tokens[k][1] >= end:
                break
            if tokens[k][0] == "," and _writers_appendix(tokens, k, start) and not self.in_quote(tokens[k][1]):
                end = tokens[k][1]  # "..., a claim Kyiv rejects", "..., facing questions at a tense briefing"
                break
            if tokens[k][0] == "," and tokens[k + 1][3] in _TRAILING_COMMENT and not self.in_quote(tokens[k][1]):
                closing = _relative_aside_end(tokens, k, end)
                if closing is not None:  # "the deal, which covers ..., could be flat": the clause goes on
                    k = closing + 1
                    continue
                end = tokens[k][1]
                break
            k += 1
        return end

    def _make_row(self, sent: int, start: int, end: int, sp: _Speaker, cue: _Cue) -> _Row | None:
        end = _trim_end(self.text, start, end)
        while start < end and (self.text[start].isspace() or self.text[start] in ",:;\u2014"):
            start += 1
        bullet = _BULLET_DATE.match(self.text, start, end)
        if bullet is not None and bullet.end() < end:
            start = bullet.end()  # "\u2022 May 20 \u2014 Route 12 is suspended ...": a list's bullet and date
        lead = _LEAD_ADVERB.match(self.text, start, end)
        if lead is not None and lead.group(1).lower() in cue_lexicon().content_adverbs:
            start = lead.end()  # "According to witnesses, however, the cordon ...": the writer's connective
        words = _WORDS.findall(self.text[start:end])
        if len(words) < 2 and not (words and (words[0][:1].isupper() or words[0].lower() in _OBJECT_PRONOUNS)):
            return None  # a single word counts only as a name or a pronoun ("endorsed her", "called Ruiz")
        if words and words[0].lower() in _CIRCUMSTANCE and len(words) <= 8 and cue.kind != "according" and (
                "that" not in (w.lower() for w in words)):
            return None  # only where or when it was said ("said on MSNBC's Morning Joe.")
        members = tuple(self._quotes_overlapping(start, end))
        if members:
            start = min(start, members[0].open_mark if members[0].open_mark is not None else start)
            end = max(end, members[-1].outer_end)
            inside = sum(len(_ALNUM.findall(self.text[q.start:q.end])) for q in members)
            total = len(_ALNUM.findall(self.text[start:end])) or 1
            if inside / total >= _DIRECT_SHARE and len(members) == 1:
                q = members[0]
                return _Row("direct", q.start, _trim_end(self.text, q.start, q.end), sp, cue, sent, members)
            return _Row("mixed", start, _trim_end(self.text, start, end), sp, cue, sent, members)
        return _Row("indirect", start, end, sp, cue, sent)


def _intro_verb(tokens: list[Token], mention_end: int, colon: int | None) -> _Cue | None:
    """The verb of a sentence that introduces a quotation with a colon but no reporting cue ("Budget director
    Sam Whitfield read a long statement at the start of the briefing:", "She went on:"): the first lower-case
    word after the subject's mention, past auxiliaries and time words, with the rest up to the colon when that is
    at most one more word ("went on"). None when no such word follows the mention."""
    if colon is None:
        return None
    j = next((k for k, t in enumerate(tokens) if t[1] >= mention_end), None)
    while j is not None and j < colon and (tokens[j][3] in _SKIP_BEFORE_CUE or tokens[j][0] == ","):
        j += 1
    if j is None or j >= colon or not tokens[j][0].isalpha() or not tokens[j][0].islower() or (
            tokens[j][3] in _DETERMINERS or tokens[j][3] in _PREPOSITIONS_BEFORE_NP):
        return None
    last = colon - 1 if colon - j <= 2 else j
    if last < colon - 1 and tokens[colon - 1][3].endswith("ed") and tokens[colon - 1][0].islower() and (
            tokens[colon - 2][3] in {"and", "then", ","}):
        j = last = colon - 1  # "gestured ..., then leaned in and boomed:"
    return _Cue(j, last, "speech", tokens[j][3], tokens[j][1], tokens[last][2], tokens[j][3].endswith("ing"))


_QUESTION_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could",
                                   "should", "shall", "has", "have", "had", "may", "might", "must"})
_QUESTION_WORDS = frozenset({"how", "why", "what", "when", "where", "who", "whom", "which", "whose"})


def _inverted_question(tokens: list[Token], cue: _Cue) -> bool:
    """Whether ``cue`` is the verb of a direct question with its auxiliary before the subject ("How does it
    compare with other countries?", "Are you considering rent controls?", "Q: Did she say that?"): the sentence
    ends with "?", and before the cue come only a question word or a transcript label, an auxiliary, and the
    subject (no comma). A question asks what someone says or thinks; it reports nothing."""
    last = len(tokens) - 1
    while last > cue.last and not tokens[last][0][:1].isalnum() and tokens[last][0] != "?":
        last -= 1  # closing marks and brackets after the question mark
    if last <= cue.last or tokens[last][0] != "?":
        return False
    k = 0
    if k + 1 < cue.first and tokens[k][0][:1].isupper() and len(tokens[k][0]) <= 2 and tokens[k + 1][0] in {":", "."}:
        k += 2  # a transcript label: "Q:"
    while k < cue.first and tokens[k][3] in _QUESTION_WORDS:
        if tokens[k][3] == "why":
            return False  # "Why had he asserted that ...?": the question takes the report for granted
        k += 1
    if k >= cue.first - 1 or tokens[k][3] not in _QUESTION_AUXILIARIES:
        return False
    between = tokens[k + 1:cue.first]
    return 0 < len(between) <= 5 and all(t[0][:1].isalnum() for t in between)


def _noun_slot(tokens: list[Token], k: int, lo: int) -> bool:
    """Whether ``tokens[k]`` (a word that is a noun or a verb: "plan", "promise", "pledge") stands where a noun
    does: after a determiner, a possessive or a lower-case modifier ("a promise", "Trump's plan", "a last-ditch
    effort"), not after a subject, an auxiliary or "not" ("does not plan to", "Trump plans to", "they pledge
    to")."""
    if k - 1 < lo:
        return False
    prev = tokens[k - 1]
    if prev[3] in _DETERMINERS or prev[3] in {"whose", "every", "each", "no", "any"} or prev[3].endswith(("’s", "'s")):
        return True
    return prev[0].isalpha() and prev[0].islower() and prev[3] not in cue_lexicon().finite and not (
        pronoun_kind(prev[0]) or _adverb(prev) or prev[3] in {"not", "never", "also", "n't", "n’t", "and", "or",
                                                               "who", "which", "that", "to", "still", "now"})


_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})
_MAIN_VERB_AFTER_ASIDE = frozenset({"is", "are", "was", "were", "will", "would", "can", "could", "should", "may",
                                    "might", "must", "has", "have", "had", "does", "did"})


def _relative_aside_end(tokens: list[Token], k: int, end: int) -> int | None:
    """The index of the comma that closes a relative clause opened by ``tokens[k]`` (a comma before "which",
    "who" ...) inside the reported clause, when an auxiliary of the clause's own verb follows it ("the deal,
    which covers the next four seasons, could be flat"): the relative clause is an aside within the subject,
    not the writer's comment after the end. None otherwise."""
    if tokens[k + 1][3] not in _RELATIVE_PRONOUNS:
        return None
    for m in range(k + 2, min(len(tokens) - 1, k + 2 + _MAX_ASIDE)):
        if tokens[m][1] >= end or tokens[m][0] in {";", ":", ".", "?", "!"}:
            return None
        if tokens[m][0] == ",":
            return m if tokens[m + 1][3] in _MAIN_VERB_AFTER_ASIDE else None
    return None


def _after_reciprocal(tokens: list[Token], k: int, limit: int) -> int | None:
    """Where the content starts after a reciprocal object ending before ``tokens[k]``: after the "of", "for",
    "over" or "about" that follows it, past time and place words ("each other on Thursday of starting ...");
    None when no such preposition follows (the cue reports nothing: "praised each other")."""
    n = len(tokens)
    for m in range(k, min(n, k + 1 + _MAX_ADJUNCT)):
        t = tokens[m]
        if t[1] >= limit:
            return None
        if t[3] in {"of", "for", "over", "about"}:
            return tokens[m + 1][1] if m + 1 < n and tokens[m + 1][1] < limit else None
        if not t[0][:1].isalnum() and t[0] != ",":
            return None
    return None


_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_BULLET_DATE = re.compile(  # a list item's bullet and a leading date set off by a dash ("\u2022 May 20 \u2014 ")
    r"(?:[\u2022\u25aa\u25e6\u2023\u00b7*][ \t\u00a0]+)?"
    f"(?:(?:{_WEEKDAYS},?[ \u00a0]+)?{_MONTHS}[ \u00a0]+\\d{{1,2}}(?:,?[ \u00a0]+\\d{{4}})?|{_WEEKDAYS})"
    r"[ \t\u00a0]*[\u2014\u2013][ \t\u00a0]*|[\u2022\u25aa\u25e6\u2023\u00b7][ \t\u00a0]+")


def _question_clause(tokens: list[Token]) -> int | None:
    """The index of the comma closing a reporter's question that opens the sentence ("Asked whether the plan
    was dead, ...", "When asked about the cost, ...": reporting_cues.toml ``[not_reports] passive_participles``
    and ``passive_followers``); None when the sentence opens otherwise."""
    lex = cue_lexicon()
    k = 0
    while k < len(tokens) and not tokens[k][0][:1].isalnum():
        k += 1
    if k < len(tokens) and tokens[k][3] in {"when", "once", "if", "after"}:
        k += 1
    if k + 1 >= len(tokens) or tokens[k][3] not in lex.passive_participles or (
            tokens[k + 1][3] not in lex.passive_followers):
        return None
    return next((i for i in range(k + 2, len(tokens)) if tokens[i][0] == ","), None)


def _negative_subject(tokens: list[Token], cue: _Cue) -> bool:
    """Whether the clause of ``cue`` opens with a subject that names nothing that could speak ("Nothing in the
    memo mentions ...": reporting_cues.toml ``[not_reports] negative_subjects``)."""
    j = cue.first
    while j > 0 and tokens[j - 1][0] not in _CLAUSE_BOUNDS and tokens[j - 1][3] not in {"that", "and", "but"}:
        j -= 1
    words = [t[3] for t in tokens[j:cue.first] if t[0][:1].isalnum()]
    return bool(words) and words[0] in cue_lexicon().negative_subjects


@functools.lru_cache(maxsize=1)
def _appendix_pattern() -> re.Pattern[str]:
    """A comma opening the writer's appendix in raw text (see :func:`_writers_appendix`)."""
    lex = cue_lexicon()
    nouns = "|".join(sorted(map(re.escape, lex.appositive_nouns)))
    participles = "|".join(sorted(map(re.escape, lex.circumstance_participles)))
    return re.compile(f",[ \t\u00a0]+(?:(?:[Aa]n?[ \u00a0]+(?:{nouns}))|(?:{participles}))\\b")


def _writers_appendix(tokens: list[Token], k: int, start: int | None) -> bool:
    """Whether the comma ``tokens[k]`` opens the writer's own appendix to what was reported (reporting_cues.toml
    ``[not_reports]``): an appositive such as "a claim Kyiv rejects" (``appositive_nouns``) or a participle of
    circumstance such as "facing questions at a tense briefing" (``circumstance_participles``)."""
    lex = cue_lexicon()
    if start is not None and tokens[k][1] <= start or k + 1 >= len(tokens):
        return False
    if tokens[k + 1][3] in lex.circumstance_participles:
        return True
    return k + 2 < len(tokens) and tokens[k + 1][3] in {"a", "an"} and tokens[k + 2][3] in lex.appositive_nouns


def _object_reports_nothing(tokens: list[Token], cue: _Cue, start: int, end: int) -> bool:
    """Whether the words ``[start, end)`` after a cue are a noun phrase that reports nothing (reporting_cues.toml
    ``[not_reports]``): a bare object after "call" or "thank" (``object_only``, :func:`_bare_object`: "She
    called the hotline the next day."), an object opened by "no" after "offer", "cite" ...
    (``negated_object_cues``, :func:`_negated_object`: "offered no evidence for the charge"), a short definite
    object answering something said (``answers``: "Merenza rejected the account.") or a result after "report"
    (``figure_cues``, ``figure_nouns``: "The company reported a quarterly loss in 2020."). A clause (a finite
    verb, a pronoun, "that", "to"), a quotation mark or a word the object rules do not know keeps the row."""
    lex = cue_lexicon()
    lemma = lex.forms.get(cue.form, ("", ""))[0]
    words = [t for t in tokens[cue.last + 1:] if start <= t[1] and t[2] <= end]
    if cue.first == cue.last and lemma in lex.object_only:
        return _bare_object(words, lemma, lex)
    if cue.first == cue.last and lemma in lex.negated_object_cues and words and words[0][3] == "no":
        return _negated_object(words, lex)
    if cue.first != cue.last or lemma not in lex.answers and lemma not in lex.figure_cues:
        return False
    alnum = [t for t in _without_time_tail(words) if t[0][:1].isalnum()]  # ("that plan | last spring")
    if any(t[3] == "that" for t in tokens[cue.last + 1:] if t[1] < start):
        # "reported that sales fell" reports; "rejected that proposal last spring" (a demonstrative and one
        # noun) answers something said
        return lemma in lex.answers and len(alnum) == 1 and not alnum[0][4] and alnum[0][3] not in lex.finite and (
            not any(t[0] in _ALL_MARKS for t in words))
    if not words or any(t[3] in lex.finite or t[0] in _ALL_MARKS for t in words):
        return False
    if lemma in lex.answers and 0 < len(alnum) <= 3 and alnum[0][3] in {"the", "this", "that", "these", "those"} and not any(t[4] for t in alnum):
        return True
    if lemma not in lex.figure_cues:
        return False
    head = None  # the noun phrase's last word before a preposition or comma: "a quarterly loss | in 2020, ..."
    for t in words:
        if not t[0][:1].isalnum() and t[0] not in {"$", "%", "-"} or t[3] in _PREPOSITIONS_BEFORE_NP or (
                t[3] in {"and", "or", "during", "after", "before", "since"}):
            break
        head = t
    return head is not None and head[3] in lex.figure_nouns


_WHEN_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "afternoon",
                         "evening", "night", "yesterday", "today", "tonight", "again", "twice", "later", "earlier",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
                         "spring", "summer", "autumn", "winter"})
_WHEN_LEADS = frozenset({"the", "next", "following", "same", "previous", "on", "last", "this", "that", "early",
                         "late", "a", "few", "two", "three", "several", "times", "once", "later", "earlier"})
_AFTER_OBJECT_PREPOSITIONS = frozenset({"of", "in", "at", "on", "with", "from", "to", "by", "near", "outside",
                                        "inside", "about", "over", "under", "behind", "across"})


def _negated_object(words: list[Token], lex: _Lexicon) -> bool:
    """Whether ``words`` (opened by "no") are a bare negated object, which reports nothing (reporting_cues.toml
    ``[not_reports] negated_object_cues``: "offered no evidence for the charge"): no clause, question word or
    quotation mark after it ("offered no proof that ..." and "provided no details about how ..." stay)."""
    questions = lex.passive_followers - _AFTER_OBJECT_PREPOSITIONS - {"for"}  # whether, if, how, why ...
    return not any(t[3] in lex.finite or t[3] in questions or t[0] in _ALL_MARKS for t in words)


def _without_time_tail(words: list[Token]) -> list[Token]:
    """``words`` without a closing time phrase ("the next day", "on Monday", "twice", "last week")."""
    k = len(words)
    while k > 0 and not words[k - 1][0][:1].isalnum():
        k -= 1
    j = k
    while j > 0 and words[j - 1][3] in _WHEN_WORDS:
        j -= 1
    if j == k:
        return words[:k]
    while j > 0 and words[j - 1][3] in _WHEN_LEADS:
        j -= 1
    return words[:j]


def _bare_object(words: list[Token], lemma: str, lex: _Lexicon) -> bool:
    """Whether the words after "call" or "thank" are a bare noun-phrase object, which reports nothing
    (reporting_cues.toml ``[not_reports] object_only``): no clause, quotation mark or "for", and for "call" no
    complement after the object (a second noun phrase, an adjective). A pronoun object is decided the same way
    ("called her twice" reports nothing, "called it a disaster", "called it outrageous" stay), and for "call"
    a purpose after the object ("called her on Monday to apologise") is why the call was made, not its
    content (unless a speech verb follows "to": "called them to say ...")."""
    if lemma == "call":
        cut = next((k for k in range(1, len(words) - 1) if words[k][3] == "to" and words[k + 1][0][:1].islower()
                    and words[k + 1][3] not in _DETERMINERS and words[k + 1][3] not in lex.bare_infinitives), None)
        words = words[:cut] if cut is not None else words
    if not words or any(t[3] in lex.finite or t[3] == "for" or t[0] in _ALL_MARKS for t in words):
        return False
    words = [t for t in _without_time_tail(words) if t[0][:1].isalnum()]
    if not words or lemma == "call" and words[0][3] == "out":
        return False  # "calls out companies by name": "call out" is to criticise
    for k in range(1, len(words)):
        if words[k][3] in {"a", "an", "the"} and words[k - 1][3] not in _AFTER_OBJECT_PREPOSITIONS:
            return False  # "called the plan a disaster"
        if lemma == "call" and words[k - 1][4] and not words[k][4] and (
                words[k][3] not in _AFTER_OBJECT_PREPOSITIONS):
            return False  # "called Trump unfit"
        if lemma == "call" and words[k][3].endswith(lex.complement_endings) and words[k - 1][3] not in (
                _DETERMINERS) and not words[k - 1][3].endswith(_POSSESSIVES):
            return False  # "called the ruling outrageous", "called the charges unsubstantiated and ..."
    return True


def _says_nothing(tokens: list[Token], cue: _Cue, start: int, end: int) -> bool:
    """Whether the words ``[start, end)`` after a cue say that the source said nothing (reporting_cues.toml
    ``[not_reports]``): a bare infinitive of a speech verb with at most one word after it, after any cue
    ("agreed to comment", "promised to elaborate later"; after a refusal verb any such infinitive, whatever
    follows, is set aside before: :meth:`_Extractor._refusal`), "comment" with at most three words after it
    ("did not return calls seeking comment on Friday"), or a request for comment after
    "respond"/"reply"/"return" ("did not respond to a request for comment")."""
    lex = cue_lexicon()
    words = [t[3] for t in tokens[cue.last + 1:] if start <= t[1] and t[2] <= end and t[0][:1].isalnum()]
    if not words:
        return False
    if words[0] == "to" and 2 <= len(words) <= 3 and words[1] in lex.bare_infinitives:
        return True
    if words[0] == "comment" and len(words) <= 4:
        return True  # "did not return calls seeking comment on Friday"

    lemmas = {lex.forms.get(t[3], ("", ""))[0] for t in tokens[cue.first:cue.last + 1]}
    if not lemmas & lex.request_cues or len(words) > 8:
        return False
    return any(w in lex.request_nouns for w in words[:4]) and ("comment" in words or len(words) <= 3)


def _possessive_description(tokens: list[Token], span: tuple[int, int] | None) -> bool:
    """Whether the noun phrase ``span`` is a description headed by a common noun after a possessive
    ("Aldovia's foreign minister", "Kane's chief of staff"): it describes someone other than the possessor."""
    if span is None or tokens[span[1]][4]:
        return False
    return any(t[3].endswith(_POSSESSIVES) for t in tokens[span[0]:span[1]])


def _description_before(tokens: list[Token], first: int, name: int) -> bool:
    """Whether ``tokens[first:name]`` is a short description set off by a comma before a name ("the Vatican
    spokesman, Federico Lombardi")."""
    between = tokens[first:name]
    return 2 <= len(between) <= 8 and between[-1][0] == "," and all(
        t[0][:1].isalnum() for t in between[:-1])


def _in_relative_clause(tokens: list[Token], k: int, lo: int) -> bool:
    """Whether ``tokens[k]`` lies in a relative clause or after an article since the last comma before it
    (", who watched the ceremony on the Mall")."""
    for i in range(k - 1, lo - 1, -1):
        if tokens[i][0] in {",", "(", "\u2014"}:
            return False
        if tokens[i][3] in _ASIDE_WORDS or (tokens[i][3].endswith("ing") and tokens[i][0].islower()):
            return True  # also "a superdelegate supporting Clinton,", "a spokeswoman for Trump,"
    return False


def _skip_back(tokens: list[Token], j: int, lo: int) -> int:
    while j > lo and (tokens[j][3] in _SKIP_BEFORE_CUE or _adverb(tokens[j])):
        j -= 1
    return j


def _content_start(tokens: list[Token], cue: _Cue, text: str, limit: int) -> int:
    """The first character of what is reported after a cue (past its object, time phrases and "that")."""
    k = cue.last + 1
    while k < len(tokens) and tokens[k][1] < limit and (
        tokens[k][3] in _TIME_AFTER_CUE and not (tokens[k][3] in {"a", "an", "in", "on", "of", "this"}
                                                    and not _time_phrase(tokens, k))
    ):
        k += 1
    if k < len(tokens) and tokens[k][1] < limit:
        if tokens[k][3] in {"the", "a", "an"} and k == cue.last + 1 and cue.first == cue.last and (
                cue_lexicon().forms.get(cue.form, ("",))[0] in _ADDRESSEE_CUES):
            # "told the meeting that ...", "told a committee hearing in February that ...": an addressee the
            # lexicon does not list, then "that" and what was said
            after = _that_after_adjunct(tokens, k, limit)
            nouns = cue_lexicon().audience_nouns
            between = [t for t in tokens[k + 1:] if t[1] < after] if after is not None else []
            if after is not None and any(t[3] in nouns and t[0].islower() for t in between[:4]) and not any(
                    t[3] in _QUESTION_WORDS or t[3] in {"if", "whether"} for t in between):
                return after
        opener = next((i for i in range(cue.last + 1, k + 1) if tokens[i][3] in _ADJUNCT_OPENERS
                       or _time_opener(tokens, i)), None)
        if opener is not None:
            # "boasted at a press conference last week that the stadium would ...", "said in a letter that
            # ...": where and when it was said comes before the "that" that opens what was said
            after = _that_after_adjunct(tokens, opener, limit)
            if after is not None:
                return after
        return tokens[k][1]
    return limit


def _occasion_only(tokens: list[Token], cue: _Cue, start: int, end: int) -> bool:
    """Whether a content that starts right after "in", "at" or "during" after the cue names only the occasion
    of speaking (reporting_cues.toml ``[not_reports] occasion_nouns`` and ``other_occasion_nouns``): "conceded
    in a brief speech to supporters in Westfield early Wednesday." (the content would be "a brief speech to
    ...")."""
    k = next((i for i in range(cue.last + 1, len(tokens)) if tokens[i][1] >= start), None)
    if k is None or k - 1 <= cue.last or tokens[k - 1][3] not in {"in", "at", "during"}:
        return False
    nouns = cue_lexicon().occasion_nouns
    head = next((t for t in tokens[k:k + 4] if t[3] in nouns), None)
    if head is None:
        return False
    words = _WORDS.findall(tokens[k - 1][0] + " " + " ".join(t[0] for t in tokens[k:] if t[2] <= end))
    return _only_circumstance(words)


def _only_circumstance(words: list[str]) -> bool:
    """Whether the words of a content that opens with a preposition before an occasion noun say only where, when
    or on what occasion something was said: at most ``_MAX_ADJUNCT`` words without "that", an auxiliary, a
    pronoun or a word that opens what was said ("about", "against", "whether" ...)."""
    lows = [w.lower() for w in words]
    stops = (cue_lexicon().finite - {"to"}) | _TOPIC_WORDS  # ("to" + an addressee: "a speech to supporters")
    return "that" not in lows and len(words) <= _MAX_ADJUNCT and not stops.intersection(lows)


_TOPIC_WORDS = frozenset({"about", "against", "over", "whether", "how", "why", "what", "who", "if", "of", "for"})


def _time_opener(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` opens a time adjunct that may stand between a cue and its "that" ("said late on
    Tuesday that ...", "have argued for years that ...")."""
    low = tokens[i][3]
    nxt = tokens[i + 1][3] if i + 1 < len(tokens) else ""
    if low in {"late", "early"}:
        return nxt in _WHEN_WORDS or nxt in {"on", "in", "last", "this", "that"}
    if low == "for":  # "for years", "for decades", "for a long time", "for the past decade", "for the first time"
        third = tokens[i + 2][3] if i + 2 < len(tokens) else ""
        return nxt in _WHEN_WORDS or nxt in _DURATIONS or nxt in {"a", "the", "some", "several", "many"} and (
            third in _DURATIONS or third in {"long", "past", "first", "last", "second"})
    return False


_DURATIONS = frozenset({"decades", "decade", "years", "months", "weeks", "days", "hours", "ages", "generations",
                        "while", "time", "long"})


def _adjunct_word(tokens: list[Token], m: int, lex: _Lexicon) -> bool:
    """Whether a cue form or "to" inside an adjunct is part of it: a passive participle before "by" ("in a
    statement quoted by the state news agency that ..."), or "to" after an occasion noun and before an
    addressee ("in a note to clients that ...", "in a letter to the Senate that ...") rather than a verb."""
    t = tokens[m]
    nxt = tokens[m + 1] if m + 1 < len(tokens) else None
    if nxt is None:
        return False
    if t[3] == "to":
        if tokens[m - 1][3] not in lex.occasion_nouns:
            return False  # "responded on Sunday to accusations that ...": the "that" clause is not the source's
        low = nxt[3]
        return nxt[4] and nxt[0][:1].isalpha() or low in _DETERMINERS or (
            low.isalpha() and low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in lex.finite)
    return t[3].endswith("ed") and nxt[3] == "by"


@functools.lru_cache(maxsize=1)
def _adjunct_stops() -> tuple[frozenset[str], frozenset[str]]:
    """The words that end an adjunct before "that" (the lexicon's finite words but "that"), and those of them
    that cannot open the clause after "that" (all but the subject pronouns)."""
    finite = cue_lexicon().finite - {"that"}
    return finite, finite - _SUBJECT_PRONOUNS


def _that_after_adjunct(tokens: list[Token], k: int, limit: int) -> int | None:
    """The start of the clause after "that" when ``tokens[k:]`` is a prepositional adjunct and then "that" ("at a
    press conference last week that ...", "in an interview with the Herald on Friday that ..."): the adjunct
    holds no verb, pronoun subject or mark; a "that" right after a preposition is a determiner ("at that
    meeting")."""
    lex = cue_lexicon()
    finite, finite_not_subject = _adjunct_stops()
    n = len(tokens)
    if k + 1 < n and tokens[k][3] == "at" and tokens[k + 1][3] in {"least", "most"}:
        return None  # "reported at least 20 victims": a quantity, not a place
    for m in range(k + 1, min(n, k + 1 + _MAX_ADJUNCT)):
        t = tokens[m]
        if (t[3] in finite or t[3] in lex.forms) and _adjunct_word(tokens, m, lex) or (
                t[0] == "May" and tokens[m - 1][3] in _ADJUNCT_OPENERS):  # the month: "said in May that ..."
            continue
        if t[1] >= limit or t[3] in finite or t[3] in lex.forms and not (
                tokens[m - 1][3] in _DETERMINERS or tokens[m - 1][3] in _ADJUNCT_OPENERS) or (
                not t[0][:1].isalnum() and t[0] not in {",", ".", "-", "’s", "'s"}):
            return None  # a verb ("with the lawsuit Lynch announced that same day"), a pronoun, a mark
        if t[3] == "that" and tokens[m - 1][3] not in _ADJUNCT_OPENERS:
            m += 1
            while m < n and tokens[m][0] == ",":
                m += 1  # "via email that, “Of course ...”"
            if m >= n or tokens[m][1] >= limit or tokens[m][3] in finite_not_subject:
                return None  # a relative clause ("with a phrase that could have come from ...")
            return tokens[m][1]
    return None


def _time_phrase(tokens: list[Token], k: int) -> bool:
    nxt = tokens[k + 1][3] if k + 1 < len(tokens) else ""
    return nxt in _TIME_AFTER_CUE or nxt in {"statement", "interview", "week", "month", "year"}


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\u2014" or (
            end - 1 > start and text[end - 1] in _SINGLE_CLOSER_SET and text[end - 2] == ",")):
        end -= 1  # (and "... I quote, \u2018the cost is acceptable,\u2019": a nested quotation's mark and comma)
    if end > start and text[end - 1] == "." and not _INITIAL_END.search(text, max(start, end - 12), end):
        end -= 1
    return end


def _replace(sp: _Speaker | None, resolution: str, *, keep_mention: bool = True) -> _Speaker | None:
    if sp is None:
        return None
    if keep_mention:
        return _Speaker(sp.speaker, sp.speaker_type, sp.camp, sp.mention, sp.mention_start, sp.mention_end,
                        resolution)
    return _Speaker(sp.speaker, sp.speaker_type, sp.camp, None, None, None, resolution)


# --------------------------------------------------------------------------------------------- public API


def _resolve_actors(article: Article, actors: Actors | None) -> Actors:
    if actors is not None:
        return actors
    return load_actors(default_actors_path(article.path)) if article.path else Actors()


def extract_quotes(article: Article, *, actors: Actors | None = None) -> pd.DataFrame:
    """Every direct, mixed and indirect quotation of an article, with its resolved speaker.

    Args:
        article: the article (its body sentences are searched; set-aside boilerplate is not).
        actors: an actors file's content; None loads ``actors.toml`` beside the article when it exists.

    Returns:
        One row per quotation with columns :data:`QUOTE_COLUMNS`; ``text == article.text[start:end]``,
        ``mention == article.text[mention_start:mention_end]`` and ``cue == article.text[cue_start:cue_end]``
        (mention and cue are null when there is none, e.g. a quotation continuing the previous one).
    """
    return _quote_frame(_quote_lists(article, actors))


def quote_columns(article: Article, *, actors: Actors | None = None) -> tuple[pd.DataFrame, dict[str, list] | None]:
    """:func:`extract_quotes` and, for the corpus run (which turns the table into Arrow arrays), the same table as
    plain Python lists, one per column of :data:`QUOTE_COLUMNS`.

    The lists hold exactly the values the DataFrame's columns give back (missing as None); they are None when
    there are no quotations or a column holds other values than the table's types expect.
    """
    columns = _quote_lists(article, actors)
    frame = _quote_frame(columns)
    if not columns["start"]:
        return frame, None
    for name in QUOTE_COLUMNS:
        kinds = set(map(type, columns[name]))
        if name in _STRING_COLUMNS:
            ok = kinds <= TEXT_TYPES
        elif name in ("start", "end", "sentence"):
            ok = kinds == {int}
        else:
            ok = kinds <= {int, type(None)}
        if not ok:
            return frame, None
    return frame, columns


def _quote_lists(article: Article, actors: Actors | None) -> dict[str, list]:
    """The quotations of :func:`extract_quotes` as column lists (offsets as ints, missing ones as None)."""
    # the article's view of the actors: persons the file does not list take the camp of the description that
    # names them ("Kremlin spokesman Dmitry Peskov" -> Russia), as in stance
    ex = _Extractor(article, article_actors(article, _resolve_actors(article, actors)))
    rows = ex.quote_rows()
    taken = [(r.start, r.end) for r in rows]
    rows += ex.indirect_rows(taken)
    rows = ex.interview_rows(rows)
    rows.sort(key=lambda r: (r.start, r.end))
    ex.back_references(rows)
    text = article.text
    cues = [r.cue for r in rows]
    speakers = [r.speaker for r in rows]
    return {
        "article": [article.id] * len(rows),
        "kind": [r.kind for r in rows],
        "text": [text[r.start:r.end] for r in rows],
        "start": [r.start for r in rows],
        "end": [r.end for r in rows],
        "speaker": [sp.speaker for sp in speakers],
        "speaker_type": [sp.speaker_type for sp in speakers],
        "mention": [sp.mention for sp in speakers],
        "mention_start": [sp.mention_start for sp in speakers],
        "mention_end": [sp.mention_end for sp in speakers],
        "cue": [text[c.start:c.end] if c else None for c in cues],
        "cue_start": [c.start if c else None for c in cues],
        "cue_end": [c.end if c else None for c in cues],
        "sentence": [r.sentence for r in rows],
        "camp": [sp.camp for sp in speakers],
        "resolution": [sp.resolution for sp in speakers],
    }


def _quote_frame(lists: dict[str, list]) -> pd.DataFrame:
    """The table of :func:`extract_quotes` from :func:`_quote_lists`."""
    columns: dict[str, object] = dict(lists)
    for col in ("mention_start", "mention_end", "cue_start", "cue_end"):
        columns[col] = _nullable_ints(lists[col])
    if not lists["start"]:
        for col in ("start", "end", "sentence"):
            columns[col] = pd.array([], dtype="int64")
        return pd.DataFrame(columns, columns=QUOTE_COLUMNS)
    for col in _STRING_COLUMNS:
        columns[col] = string_array(columns[col])
    for col in ("start", "end", "sentence"):
        columns[col] = np.array(columns[col], dtype=np.int64)
    # arrays built with their final dtypes and not copied: several times faster than letting the constructor
    # infer and copy each column (one frame per article); the values and dtypes are those inference gives
    return pd.DataFrame(columns, columns=QUOTE_COLUMNS, copy=False)


_STRING_COLUMNS = ("article", "kind", "text", "speaker", "speaker_type", "mention", "cue", "camp", "resolution")


def _nullable_ints(values: list[int | None]) -> pd.api.extensions.ExtensionArray:
    """An ``Int64`` array from ints and Nones, built from a value array and a mask (several times faster than
    ``pd.array(values, dtype="Int64")``, which matters at one frame per article)."""
    mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=len(values))
    return pd.arrays.IntegerArray(data, mask)


def speakers_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker: how often and how much each was quoted.

    Args:
        quotes: the output of :func:`extract_quotes` (one or several articles).

    Returns:
        Columns :data:`SPEAKER_COLUMNS`: ``variants`` lists the mentions that named the speaker (sorted,
        joined with "; "), ``direct``/``mixed``/``indirect`` count rows, ``words`` counts the words quoted or
        reported. Unresolved quotations are grouped under the speaker "(unresolved)". Sorted by words.
    """
    if quotes.empty:
        return pd.DataFrame(columns=SPEAKER_COLUMNS).astype(
            {"direct": "int64", "mixed": "int64", "indirect": "int64", "words": "int64"})
    df = quotes.copy()
    df["speaker"] = df["speaker"].fillna(UNRESOLVED)
    df["words"] = df["text"].map(lambda t: len(_WORDS.findall(t)))
    out = []
    for speaker, g in df.groupby("speaker", sort=False):
        variants = sorted({m for m in g["mention"].dropna() if m})
        kinds = g["kind"].value_counts()
        camp = g["camp"].dropna()
        out.append((speaker, g["speaker_type"].mode().iat[0], camp.mode().iat[0] if len(camp) else None,
                    "; ".join(variants), int(kinds.get("direct", 0)), int(kinds.get("mixed", 0)),
                    int(kinds.get("indirect", 0)), int(g["words"].sum())))
    table = pd.DataFrame(out, columns=SPEAKER_COLUMNS)
    return table.sort_values(["words", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


def unresolved(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotations whose speaker stayed unknown (speaker null), for the reader to check by hand."""
    return quotes[quotes["speaker"].isna()].reset_index(drop=True)


def share_of_voice(quotes: pd.DataFrame) -> pd.DataFrame:
    """Words quoted or reported per camp, with their share of all such words.

    Returns:
        Columns ``camp, speakers, quotations, words, share`` (share of words, 0-1), largest first. Speakers
        without a camp count under "(no camp)", quotations without a speaker under "(unresolved)".
    """
    columns = ["camp", "speakers", "quotations", "words", "share"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    df = quotes.assign(words=quotes["text"].map(lambda t: len(_WORDS.findall(t))))
    df["camp"] = [c if isinstance(c, str) else (UNRESOLVED if not isinstance(s, str) else "(no camp)")
                  for c, s in zip(df["camp"], df["speaker"])]
    out = df.groupby("camp").agg(speakers=("speaker", "nunique"), quotations=("text", "size"),
                                 words=("words", "sum")).reset_index()
    out["share"] = out["words"] / max(int(out["words"].sum()), 1)
    return out.sort_values(["words", "camp"], ascending=[False, True]).reset_index(drop=True)[columns]


def plot_share_of_voice(quotes: pd.DataFrame, *, ax: Axes | None = None) -> Axes | None:
    """Horizontal bars of each camp's share of the quoted and reported words, coloured by camp.

    Returns:
        The matplotlib Axes (None when there is nothing to plot).
    """
    table = share_of_voice(quotes)
    if table.empty:
        return None
    import matplotlib.pyplot as plt

    from .display import CAMP_COLOURS, camp_colour

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.5 + 0.45 * len(table)))
    table = table.iloc[::-1]
    colours = [CAMP_COLOURS["unknown"] if c.startswith("(") else camp_colour(c) for c in table["camp"]]
    ax.barh(table["camp"], table["share"] * 100, color=colours)
    for y, (share, words, n) in enumerate(zip(table["share"], table["words"], table["quotations"])):
        ax.text(share * 100 + 0.5, y, f"{share:.0%} ({words} words, {n} quot.)", va="center", fontsize=9)
    ax.set_xlabel("share of quoted and reported words (%)")
    ax.set_ylabel("camp")
    ax.set_title("Share of voice per camp")
    ax.set_xlim(0, min(100, float(table["share"].max()) * 100 * 1.45 + 5))
    return ax

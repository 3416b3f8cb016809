"""Target-level sentiment: how a sentence treats one mention in it (-1 negative, 0 neutral, +1 positive).

``target_sentiment(sentence, start, end)`` answers for the mention at ``sentence[start:end]``. The same sentence
may treat two people differently ("A praised B, whom C accused of fraud"), so the model looks at the sentence from
the mention's place in it rather than at the sentence as a whole.

Method: an ensemble of two linear models over the same sparse, target-aware features (Hamborg & Donnay's NewsMTSC
task, EACL 2021): a multinomial logistic regression on the feature values and an NB-SVM (Wang & Manning, ACL 2012:
one-vs-rest logistic regressions on binary features scaled by their naive-Bayes log-count ratios); their
log-probabilities are added. Both are trained locally by ``benchmarks/train_target_sentiment.py`` on NewsMTSC train
and shipped as ``analysis/data/target_sentiment.npz`` (feature names, the two weight matrices, intercepts; no
download at run time, no scikit-learn at run time). The features (:func:`target_features`):

* the sentence's words, with the mention replaced by a placeholder ``<t>`` and other capitalised names by ``<e>``,
  and the word pairs (bigrams) within six words of the mention, tagged with their side, so that "<t> accused <e>
  of lying" and "<e> accused <t> of lying" differ;
* the words left and right of the mention, each tagged with its side and a distance bucket (1, 2, 3-4, 5-8, 9-16
  words away), also as Porter stems (NLTK's rules, no data) so that "accuses" and "accused" pool their evidence,
  and the word pairs next to the mention;
* the words (and stems) of the clause that holds the mention (clauses split at , ; : -- ( ) and at "but",
  "while", ...);
* lexicon valences of the words around the mention, by side, distance bucket and sign, flipped after a negation
  ("not", "never", "n't", ...), inside and outside the mention's clause, and a squashed sum over the sentence. The
  lexicon is VADER's (Hutto & Gilbert, ICWSM 2014; shipped in ``vaderSentiment``) with the `word` entries of the
  project's news patch (``analysis/data/vader_patch.tsv``) and ``analysis/data/target_lexicon.tsv`` (dismissive
  verbs such as "rambles" and "backtracked", "responsible for" as blame; news verbs of attack and praise such as
  "slammed" and "lauded");
* the compound score of the whole sentence by the news-aware VADER (:func:`analysis.vader.sentence_sentiment`),
  as a value and a band, cached per sentence (a sentence with several mentions is scored once);
* the mention's position (words before and after it) and whether it stands inside quotation marks;
* how each sentiment word reaches the mention: past another name or not, and weighted by nearness
  (:func:`_valence_reach_features`);
* the mention's role by word-order rules: subject of a verb, passive ("<t> was criticised by"), object ("<e>
  accused <t>"), after "of/for/against" ("criticism of <t>") (:func:`_role_features`); and what the mention is
  (a pronoun, a phrase with an article, a name), with the stems and valences of its own lower-case words ("the
  mayor", "the corrupt official"; names are left out so that no name learns a polarity) and whether it is a
  date (:func:`_mention_type_features`).

Training counts the targets of sentences whose targets differ in polarity three times (they teach the
target-specific cues; see ``docs/target_sentiment.md``).

One hand-set rule sits on top of the learned scores, for judgements NewsMTSC train holds too few examples of to
learn: when the mention is the subject of an entry of ``target_lexicon.tsv`` that judges its subject ("Zelenskyy
rambles on", "the minister backtracked", "Russia is responsible for"; not "slammed", which judges its object),
that is, the entry is among the four words right after the mention, in its clause, with no negation or other name
before it, the negative class gains ``_PRIOR_WEIGHT`` times the entry's absolute valence in log-odds
(:func:`_subject_prior`).

Speed: the sentence's own work (tokens with offsets, their stems) is cached per sentence string, so the mentions
of one sentence share it; the VADER compound is computed on first use (and not at all for a sentence no word of
which can carry a valence, :func:`analysis.vader.valence_free`); :func:`target_probabilities_many` scores several mentions of
one sentence in one call, with the same numbers as single calls; :func:`target_sentiments` scores many mentions
at once and runs VADER only for those whose label the compound can change (:func:`_batch_labels`; it reads the
features as weight rows, :func:`_feature_keys`, which must change with :func:`_features`: a test compares them).

Figures (macro-F1 on NewsMTSC dev, beside plain VADER) and the commands that rebuild the weights are in
``docs/target_sentiment.md``.
"""

from __future__ import annotations

import bisect
import collections
import functools
import io
import itertools
import math
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

import numpy as np
from nltk.stem.porter import PorterStemmer

from .timex import calendar_names

__all__ = [
    "MODEL_FILE",
    "porter_stem",
    "target_features",
    "target_probabilities",
    "target_probabilities_many",
    "target_sentiment",
    "target_sentiments",
    "target_sentiments_with_confidence",
    "vader_lexicon",
]

MODEL_FILE = "target_sentiment.npz"
LEXICON_FILE = "target_lexicon.tsv"
_LABELS = (-1, 0, 1)
_TOKEN = re.compile(r"\w+(?:['\u2019-]\w+)*|n't|[^\w\s]")
# the same tokens as the one group of a split: re.split gives the gaps and the tokens in turn (see _sentence)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_CLAUSE_PUNCT = frozenset(",;:()[]\u2014\u2013")
_CLAUSE_WORDS = frozenset({"but", "while", "although", "though", "whereas", "because", "however", "yet"})
_NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "cannot", "without", "neither", "nobody", "nothing", "none", "hardly"}
    | {"barely", "scarcely", "n't"}
)
_QUOTE_CHARS = '"\u201c\u201d'
_NEGATION_SCALAR = -0.74  # VADER's N_SCALAR: a negated valence keeps about three quarters, with flipped sign
_WINDOW = 16
_BIGRAM_WINDOW = 6
_PRIOR_WEIGHT = (
    2.0  # log-odds toward "negative" per unit of |valence| of a target-lexicon verb the mention does
)
_PRIOR_REACH = 4  # words after the mention in which that verb may stand ("X has since backtracked")
# Function words for the rule-based roles of the mention (:func:`_role_features`): what may stand between a
# subject and its verb, between a verb and its object, the forms of "be" of a passive, and subject pronouns.
_AUXILIARIES = frozenset(
    {
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
    }
    | {
        "may",
        "might",
        "can",
        "also",
        "then",
        "now",
        "later",
        "again",
        "still",
        "just",
        "reportedly",
        "already",
    }
    | {"did", "does", "do", "himself", "herself", "itself", "themselves", "repeatedly", "once", "even"}
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "former", "president", "mr", "."}
    | {"mrs", "ms", "dr", "sen", "rep", "gov", "then", "of"}
)
_PRONOUNS = frozenset(
    {"he", "she", "him", "her", "they", "them", "his", "hers", "their", "i", "we", "you", "it"}
)
_PASSIVE_BE = frozenset({"was", "were", "is", "are", "been", "be", "being", "got", "gets", "get"})
_TARGET_PREPOSITIONS = frozenset({"of", "against", "for", "toward", "towards", "over", "on"})
# Weekdays and months, full names (not "may"), from the temporal tagger's lexicon: a mention holding one is a
# date, nearly always neutral (``mt:time``).
_TIME_WORDS = frozenset((calendar_names()["full_weekdays"] | calendar_names()["full_months"]) - {"may"})


class _Index(dict):
    """Feature name -> weight row; an unknown name gives the all-zero row past the last feature (not stored)."""

    def __missing__(self, name: str) -> int:
        return len(self)


@dataclass(frozen=True)
class _Model:
    """Learned weights: per feature name one row of three class weights (negative, neutral, positive) for each model.

    ``coef``/``intercept`` belong to the logistic regression on feature values; ``nb_coef``/``nb_intercept`` to the
    NB-SVM on feature presence (its log-count ratios already folded into the weights).
    """

    index: dict[str, int]
    weights: np.ndarray  # (n_features + 1, 6): the LR's three columns, then the NB-SVM's; last row all zero
    intercept: np.ndarray
    nb_intercept: np.ndarray

    @property
    def coef(self) -> np.ndarray:
        """The logistic regression's weights, (n_features, 3)."""
        return self.weights[:-1, :3]

    @property
    def nb_coef(self) -> np.ndarray:
        """The NB-SVM's weights, (n_features, 3)."""
        return self.weights[:-1, 3:]


def _bucket(distance: int) -> int:
    """Distance bucket of a word ``distance`` words away from the mention (1, 2, 3-4, 5-8, 9-16, 17+)."""
    if distance <= 2:
        return distance
    return 3 if distance <= 4 else 4 if distance <= 8 else 5 if distance <= 16 else 6


@functools.lru_cache(maxsize=1)
def _stemmer() -> PorterStemmer:
    """NLTK's Porter stemmer (rules only, no data download)."""
    return PorterStemmer()


@functools.lru_cache(maxsize=65536)
def porter_stem(word: str) -> str:
    """Porter stem of a lower-cased word, so "accuses", "accused" and "accusing" share a feature."""
    return _stemmer().stem(word, to_lowercase=False)


@functools.lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """Word valences (-4..+4) from the lexicon shipped inside the ``vaderSentiment`` package (words only)."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0][:1].isalpha():
            lexicon[parts[0].lower()] = float(parts[1])
    return lexicon


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """Word valences for the features, and valences of a word when a given next word follows it.

    VADER's lexicon, then the ``word`` entries of the news patch (``vader_patch.tsv``), then
    ``target_lexicon.tsv`` (see its header); a later source wins.
    """
    from .vader import load_patch

    words = dict(vader_lexicon())
    for entry in load_patch():
        if entry.kind == "word":
            words[entry.pattern.lower()] = entry.valence
    pairs: dict[tuple[str, str], float] = {}
    text = resources.files("analysis").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith(("#", "word\t")):
            continue
        parts = line.split("\t")
        try:
            word, following, valence = parts[0].strip().lower(), parts[1].strip().lower(), float(parts[2])
        except (IndexError, ValueError) as exc:
            raise ValueError(
                f"analysis/data/{LEXICON_FILE} line {number}: expected word<TAB>next<TAB>valence<TAB>reason"
                "[<TAB>judges], "
                f"got {line!r}"
            ) from exc
        if following:
            pairs[(word, following)] = valence
        else:
            words[word] = valence
    return words, pairs


@functools.lru_cache(maxsize=1)
def _target_entries() -> frozenset[str]:
    """The ``target_lexicon.tsv`` entries that judge their subject (dismissive verbs, "responsible" before "for").

    Entries marked ``object`` in the ``judges`` column ("slammed", "lauded") judge the one they are done to, so
    the subject rule (:func:`_subject_prior`) leaves them out.
    """
    text = resources.files("analysis").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8")
    entries = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "word\t")):
            continue
        parts = line.split("\t")
        judges = parts[4].strip().lower() if len(parts) > 4 else ""
        if judges not in ("", "subject", "object"):
            raise ValueError(
                f"analysis/data/{LEXICON_FILE}: the judges column must be empty, subject or object, got {judges!r} "
                f"in {line!r}"
            )
        if judges != "object":
            entries.add(parts[0].strip().lower())
    return frozenset(entries)


def _subject_prior(words: list[str], pos: int) -> float:
    """Log-odds toward "negative" when ``words[pos]`` (the mention) is the subject of a target-lexicon verb."""
    lexicon, pairs = _lexicon()
    entries = _target_entries()
    for i in range(pos + 1, min(len(words), pos + 1 + _PRIOR_REACH)):
        word = words[i]
        if word in _CLAUSE_PUNCT or word in _CLAUSE_WORDS or word in _NEGATIONS or word.endswith("n't"):
            return 0.0
        if word == "<e>":
            return 0.0  # another name stands nearer: the verb is more likely its

        if word in entries:
            value = _valence(words, i, lexicon, pairs)
            return _PRIOR_WEIGHT * -value if value < 0 else 0.0
    return 0.0


def _compound(sentence: str, words: Sequence[str] = ()) -> float:
    """The news-aware VADER compound of the whole sentence (``vader.sentence_sentiment`` caches it per sentence).

    A sentence none of whose words can carry a valence (:func:`analysis.vader.valence_free`) scores exactly 0.0
    without running VADER. ``words`` (the sentence's lower-cased tokens, when known) only saves that check.
    """
    from .vader import sentence_sentiment, valence_free

    if valence_free(sentence, words):
        return 0.0
    return sentence_sentiment(sentence)


def _check_span(sentence: str, start: int, end: int) -> None:
    """Raise ``TypeError``/``ValueError`` unless ``sentence[start:end]`` is a non-empty mention."""
    if not isinstance(sentence, str):
        raise TypeError(f"sentence must be a str, got {type(sentence).__name__}")
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{name} must be an int character offset, got {type(value).__name__}")
    if not 0 <= start < end <= len(sentence):
        raise ValueError(
            f"bad mention offsets [{start}, {end}) for a sentence of {len(sentence)} characters: "
            "need 0 <= start < end <= len(sentence), with end exclusive (sentence[start:end] is the mention)"
        )
    if not sentence[start:end].strip():
        raise ValueError(
            f"the mention sentence[{start}:{end}] = {sentence[start:end]!r} is blank: pass the offsets of the "
            "mention's characters"
        )


def _words(text: str, first: bool) -> list[str]:
    """Lower-cased tokens of ``text``; capitalised names (not sentence-initial) become ``<e>``."""
    out = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isupper() and not (first and not out) and token.lower() not in ("i",):
            out.append("<e>")
        else:
            out.append(token.lower().replace("\u2019", "'"))
    return out


def _valence(
    words: list[str], i: int, lexicon: dict[str, float], pairs: dict[tuple[str, str], float]
) -> float:
    """Lexicon valence of ``words[i]``, flipped when one of the three words before it is a negation."""
    value = lexicon.get(words[i], 0.0)
    if i + 1 < len(words) and (words[i], words[i + 1]) in pairs:
        value = pairs[(words[i], words[i + 1])]
    if value:
        for word in words[max(0, i - 3) : i]:
            if word in _NEGATIONS or word.endswith("n't"):
                return value * _NEGATION_SCALAR
    return value


def _clause_limits(words: list[str], pos: int) -> tuple[int, int]:
    """Indices ``[lo, hi)`` of the clause around ``words[pos]`` (split at clause punctuation and words)."""
    lo = pos
    while lo > 0 and words[lo - 1] not in _CLAUSE_PUNCT and words[lo - 1] not in _CLAUSE_WORDS:
        lo -= 1
    hi = pos + 1
    while hi < len(words) and words[hi] not in _CLAUSE_PUNCT and words[hi] not in _CLAUSE_WORDS:
        hi += 1
    return lo, hi


def target_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """Sparse features of the sentence seen from the mention at ``[start, end)`` (see the module docstring).

    Args:
        sentence: One sentence.
        start: Offset of the mention's first character.
        end: Offset just past the mention's last character.

    Returns:
        Feature name -> value (counts for words, scaled valences for the lexicon features).

    Raises:
        ValueError: When the offsets are not a non-empty span inside the sentence.
    """
    _check_span(sentence, start, end)
    return _features(_view(_sentence(sentence), start, end), sentence, start)


@dataclass(frozen=True)
class _Sentence:
    """The per-sentence work every mention of a sentence shares (cached by :func:`_sentence`).

    ``starts``/``ends`` are the character offsets of the sentence's tokens, ``words`` their feature forms (as
    :func:`_words` gives them for the whole sentence), ``stems`` their Porter stems (computed on first use: the
    batch path reads the few it needs through :class:`_StemsOf`).
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    words: tuple[str, ...]
    has_quote: bool

    @functools.cached_property
    def stems(self) -> tuple[str, ...]:
        """The words' Porter stems."""
        return tuple(map(porter_stem, self.words))

    @functools.cached_property
    def word_keys(self) -> tuple[tuple[int, ...], ...]:
        """Each word's keys (:class:`_WordKeys`), for the views that cut no token (:func:`_feature_keys`)."""
        return tuple(map(_WORD_KEYS.__getitem__, self.words))

    @functools.cached_property
    def breaks(self) -> tuple[int, ...]:
        """Indices of the words that end a clause (:func:`_clause_limits`), in order."""
        return tuple(i for i, word in enumerate(self.words) if word in _CLAUSE_PUNCT or word in _CLAUSE_WORDS)

    @functools.cached_property
    def carriers(self) -> tuple[int, ...]:
        """Indices of the words that can carry a valence (:func:`_valence_carriers`), in order."""
        can_carry = _valence_carriers()
        return tuple(i for i, word in enumerate(self.words) if word in can_carry)

    @functools.cached_property
    def compound(self) -> float:
        """The sentence's news-aware VADER compound (computed on first use and kept with the sentence: several
        mentions of a sentence may need it, and the valence-free check is not cached elsewhere)."""
        return _compound(self.text, self.words)


class _View(NamedTuple):
    """The sentence's words seen from one mention: the mention's tokens replaced by ``<t>`` at ``pos``.

    ``info`` and ``right``: when the mention cuts no token, the sentence and the index of its first token after
    the mention (the view is then ``info.words[:pos] + ["<t>"] + info.words[right:]``, so per-word work of the
    sentence can be sliced rather than redone); otherwise None and -1. A named tuple: one is built a mention.
    """

    words: list[str]
    pos: int
    stems: list[str] | _StemsOf  # a _StemsOf on the batch path (read by index only)
    length: int  # the mention's length in characters
    info: _Sentence | None = None
    right: int = -1


@functools.lru_cache(maxsize=4096)
def _sentence(sentence: str) -> _Sentence:
    """Tokens, words, stems and VADER compound of ``sentence``, computed once per sentence string.

    Stance asks about every mention of a sentence in turn; they all share this work.
    """
    # The split alternates the gaps between tokens with the tokens (gap, token, gap, ..., gap): the running sum
    # of the pieces' lengths gives every token's start and end, and each token's form is looked up, all in C.
    pieces = _TOKEN_SPLIT.split(sentence)
    bounds = list(itertools.accumulate(map(len, pieces)))
    tokens = pieces[1::2]
    words = list(map(_FORMS.__getitem__, tokens))
    if words:  # the first word is never a name placeholder (as in _words with first=True)
        words[0] = tokens[0].lower().replace("\u2019", "'")
    return _Sentence(
        text=sentence,
        starts=tuple(bounds[0:-1:2]),
        ends=tuple(bounds[1::2]),
        words=tuple(words),
        has_quote=any(c in sentence for c in _QUOTE_CHARS),
    )


class _Forms(dict):
    """Token -> its feature form after the first word of a sentence (as :func:`_words` gives it): ``<e>`` for a
    capitalised token other than "I", else the token lower-cased with a curly apostrophe made straight."""

    def __missing__(self, token: str) -> str:
        form = "<e>" if token[0].isupper() and token.lower() != "i" else token.lower().replace("\u2019", "'")
        if len(self) >= _FORM_CACHE:
            self.clear()
        self[token] = form
        return form


_FORM_CACHE = 1 << 16  # tokens (about 150 bytes each) before the form cache starts afresh
_FORMS = _Forms()


class _StemsOf:
    """The stems of a view's words, each computed when read (``stems[i] == porter_stem(words[i])``, as in the list
    :func:`_view` builds): the batch path reads only the two or three :func:`_role_features` needs."""

    __slots__ = ("words",)

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def __getitem__(self, i: int) -> str:
        return porter_stem(self.words[i])


def _view(info: _Sentence, start: int, end: int, stems: bool = True) -> _View:
    """The words of ``info`` with the mention at ``[start, end)`` as ``<t>`` (same as tokenising each side).

    The sentence's cached tokens are reused when no token straddles ``start`` or ``end``; otherwise (a mention
    that cuts a word, such as "Trump" in "Trump's") each side is tokenised on its own, as the features define it.
    ``stems=False`` gives the stems as a :class:`_StemsOf`, read by index only (for :func:`_feature_keys`, whose
    window and clause stems come with the word keys).
    """
    left_n = bisect.bisect_right(info.ends, start)  # tokens ending at or before the mention
    right_0 = bisect.bisect_left(info.starts, end)  # tokens starting at or after its end
    starts, ends = info.starts, info.ends
    if (left_n < len(starts) and starts[left_n] < start) or (right_0 > 0 and ends[right_0 - 1] > end):
        left = _words(info.text[:start], True)
        right = _words(info.text[end:], False)
        words = left + ["<t>"] + right
        return _View(words, len(left), [porter_stem(word) for word in words] if stems else _StemsOf(words), end - start)
    words = [*info.words[:left_n], "<t>", *info.words[right_0:]]
    if not stems:
        return _View(words, left_n, _StemsOf(words), end - start, info, right_0)
    stem_list = info.stems
    return _View(words, left_n, [*stem_list[:left_n], "<t>", *stem_list[right_0:]], end - start, info, right_0)


def _tokens(sentence: str, start: int, end: int) -> tuple[list[str], int]:
    """The sentence's words with the mention as ``<t>``, and the mention's index among them."""
    view = _view(_sentence(sentence), start, end)
    return view.words, view.pos


_BUCKETS = tuple(_bucket(d) if d else 0 for d in range(_WINDOW + 1))
_FAR = 17  # every distance from here on is in the last bucket
# the position features' names by distance (1.._FAR; a larger distance reads _FAR's): pos:{bucket}, rpos:{bucket}
_POS_NAMES = tuple(f"pos:{_bucket(d)}" for d in range(_FAR + 1))
_RPOS_NAMES = tuple(f"rpos:{_bucket(d)}" for d in range(_FAR + 1))
# The name prefixes of the window features, by distance 1.._WINDOW: (word feature, stem feature) on each side.
_LEFT_PREFIXES = tuple((f"L{_BUCKETS[d]}:", f"sL{min(_BUCKETS[d], 4)}:") for d in range(1, _WINDOW + 1))
_RIGHT_PREFIXES = tuple((f"R{_BUCKETS[d]}:", f"sR{min(_BUCKETS[d], 4)}:") for d in range(1, _WINDOW + 1))


@functools.lru_cache(maxsize=1)
def _pair_heads() -> frozenset[str]:
    """The words that start a two-word entry of ``target_lexicon.tsv`` ("responsible" of "responsible for")."""
    return frozenset(first for first, _ in _lexicon()[1])


@functools.lru_cache(maxsize=1)
def _valence_carriers() -> frozenset[str]:
    """The words that can have a valence in the features: lexicon words with a non-zero valence, and the first
    words of the two-word entries."""
    lexicon, _ = _lexicon()
    return frozenset(word for word, value in lexicon.items() if value) | _pair_heads()


def _compound_band(compound: float) -> str:
    """The name of the band feature of a sentence compound (``compb0`` for [-1, -0.6) ... ``compb5`` for 1)."""
    return f"compb{int((compound + 1) * 2.5)}"


def _features(view: _View, sentence: str, start: int, with_compound: bool = True) -> dict[str, float]:
    """:func:`target_features` from a :func:`_view` (the mention's offsets already checked).

    Written for speed (stance calls it for every mention): the features, their order and their values are
    those of the definition in the module docstring. ``with_compound=False`` leaves out the two features of
    the sentence's VADER compound (``comp`` and its band). The word features are built here by name; the rest
    by :func:`_add_tail_features`, which :func:`_feature_keys` (the batch path's twin) shares.
    """
    words, pos, stems = view.words, view.pos, view.stems
    n = len(words)
    feats: dict[str, float] = {}
    get = feats.get

    for name in map("w:".__add__, words):
        feats[name] = get(name, 0.0) + 1.0
    for i in range(max(0, pos - _BIGRAM_WINDOW), min(n - 1, pos + _BIGRAM_WINDOW)):
        name = ("Lb:" if i < pos else "Rb:") + words[i] + "_" + words[i + 1]
        feats[name] = get(name, 0.0) + 1.0
    # nearest first, as far as _WINDOW words: "L{bucket}:word" then "sL{min(bucket, 4)}:stem" each distance
    lo_w = max(0, pos - _WINDOW)
    for (word_prefix, stem_prefix), word, stem in zip(_LEFT_PREFIXES, words[lo_w:pos][::-1], stems[lo_w:pos][::-1]):
        name = word_prefix + word
        feats[name] = get(name, 0.0) + 1.0
        name = stem_prefix + stem
        feats[name] = get(name, 0.0) + 1.0
    hi_w = pos + 1 + _WINDOW
    for (word_prefix, stem_prefix), word, stem in zip(_RIGHT_PREFIXES, words[pos + 1 : hi_w], stems[pos + 1 : hi_w]):
        name = word_prefix + word
        feats[name] = get(name, 0.0) + 1.0
        name = stem_prefix + stem
        feats[name] = get(name, 0.0) + 1.0
    for name in (
        "Lbi:" + "_".join(words[max(0, pos - 2) : pos]),
        "Rbi:" + "_".join(words[pos + 1 : pos + 3]),
        "LR:" + (words[pos - 1] if pos else "^") + "_" + (words[pos + 1] if pos + 1 < n else "$"),
    ):
        feats[name] = get(name, 0.0) + 1.0

    lo, hi = _clause_limits(words, pos)
    for i in range(lo, hi):
        word = words[i]
        if word != "<t>":
            name = "c:" + word
            feats[name] = get(name, 0.0) + 1.0
            name = "sc:" + stems[i]
            feats[name] = get(name, 0.0) + 1.0

    _add_tail_features(feats, view, sentence, start, lo, hi, str, with_compound)
    return feats


def _add_tail_features(
    feats: dict, view: _View, sentence: str, start: int, lo: int, hi: int, key: Callable[[str], Any],
    with_compound: bool,
) -> None:
    """Add the features after the word features (valences, position, quotation, compound, reach, role, mention
    type) to ``feats``, in the definition's order, each under ``key(name)``.

    Shared by :func:`_features` (``key=str``: the names) and :func:`_feature_keys` (``key`` gives weight rows),
    so these features have one definition.
    """
    words, pos = view.words, view.pos
    n = len(words)
    get = feats.get
    lexicon, pairs = _lexicon()
    heads = _pair_heads()
    total = 0.0
    valenced: list[tuple[int, float]] = []
    if view.info is None:
        can_carry = _valence_carriers()
        carriers = [i for i, word in enumerate(words) if word in can_carry]
    else:  # the sentence's carriers, moved to the view's indices (none is in the mention's place)
        carriers = view.info.carriers
        k = bisect.bisect_left(carriers, pos)
        shift = pos + 1 - view.right
        carriers = [*carriers[:k], *[i + shift for i in carriers[bisect.bisect_left(carriers, view.right, k):]]]
    for i in carriers:  # any other word has no valence
        word = words[i]
        value = lexicon.get(word, 0.0)
        if word in heads and i + 1 < n and (word, words[i + 1]) in pairs:
            value = pairs[(word, words[i + 1])]
        if not value or i == pos:
            continue
        for before in words[max(0, i - 3) : i]:
            if before in _NEGATIONS or before.endswith("n't"):
                value *= _NEGATION_SCALAR
                break
        side = "L" if i < pos else "R"
        sign = "+" if value > 0 else "-"
        strength = abs(value) / 4.0
        for name in (
            f"v{side}{_bucket(abs(i - pos))}{sign}",
            "v" + sign,
            ("vcin" if lo <= i < hi else "vcout") + sign,
        ):
            k = key(name)
            feats[k] = get(k, 0.0) + strength
        total += value
        valenced.append((i, value))
    k = key("vtot")
    feats[k] = get(k, 0.0) + math.tanh(total / 4.0)

    info = _sentence(sentence)
    # quotation marks before the mention (none when the sentence has none)
    opened = sum(sentence[:start].count(c) for c in _QUOTE_CHARS) if info.has_quote else 0
    for name in (
        _POS_NAMES[min(pos + 1, _FAR)],
        _RPOS_NAMES[min(n - pos, _FAR)],
        "quoted" if opened % 2 else "unquoted",
        "has_quote" if info.has_quote else "no_quote",
    ):
        k = key(name)
        feats[k] = get(k, 0.0) + 1.0
    if with_compound:
        compound = info.compound
        for name, value in (("comp", compound), (_compound_band(compound), 1.0)):
            k = key(name)
            feats[k] = get(k, 0.0) + value
    for part in (
        _valence_reach_features(words, pos, lo, hi, valenced) if valenced else {},
        _role_features(words, pos, view.stems),
        _mention_type_features(sentence[start : start + view.length]),
    ):
        for name, value in part.items():
            k = key(name)
            feats[k] = get(k, 0.0) + value


class _Keys(dict):
    """Feature name -> key for :func:`_feature_keys`: the name's weight row, or for a name the model does not
    know an id of its own past the all-zero last row (never reused), so that distinct unknown features stay
    distinct entries, as in the name dict (each gathers the zero row, ``np.take(..., mode="clip")``: the float32
    sums see the same rows in the same order)."""

    def __missing__(self, name: str) -> int:
        index = _model().index
        key = index.get(name)
        if key is None:
            key = len(index) + next(_UNSEEN)
        if len(self) >= _KEY_CACHE:
            self.clear()
        self[name] = key
        return key


class _WordKeys(dict):
    """Word -> keys of its word features, the names of :func:`_features` looked up once per word: ``w:word``,
    ``c:word``, ``sc:stem``, then per distance 1.._WINDOW the left window's word and stem features, then the
    right window's (the stem is the word's Porter stem, as :func:`_sentence` and :func:`_view` give it)."""

    def __missing__(self, word: str) -> tuple[int, ...]:
        stem = porter_stem(word)
        names = ["w:" + word, "c:" + word, "sc:" + stem]
        for word_prefix, stem_prefix in _LEFT_PREFIXES + _RIGHT_PREFIXES:
            names += [word_prefix + word, stem_prefix + stem]
        keys = tuple(map(_KEYS.__getitem__, names))
        if len(self) >= _WORD_KEY_CACHE:
            self.clear()
        self[word] = keys
        return keys


class _PairKeys(dict):
    """Word pair -> the key of its bigram feature on one side of the mention (``Lb:a_b`` or ``Rb:a_b``)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, pair: tuple[str, str]) -> int:
        key = _KEYS[self.prefix + pair[0] + "_" + pair[1]]
        if len(self) >= _KEY_CACHE:
            self.clear()
        self[pair] = key
        return key


# Entries of each key cache before it starts afresh. A word's entry holds 67 keys (about 600 bytes), a name's
# about 150 bytes: at most ~20 MB each, so memory stays flat on a corpus of any vocabulary (840 PolNeAR
# articles have ~18,000 distinct words).
_KEY_CACHE = 1 << 17
_WORD_KEY_CACHE = 1 << 15
_UNSEEN = itertools.count(1)
_KEYS = _Keys()
_WORD_KEYS = _WordKeys()
_LEFT_PAIR_KEYS = _PairKeys("Lb:")
_RIGHT_PAIR_KEYS = _PairKeys("Rb:")
# where the window keys of a word start in its _WordKeys tuple: distance d (1-based) left at 1 + 2d, right further on
_LEFT_SLICES = tuple(slice(at, at + 2) for at in range(3, 3 + 2 * _WINDOW, 2))
_RIGHT_SLICES = tuple(slice(at, at + 2) for at in range(3 + 2 * _WINDOW, 3 + 4 * _WINDOW, 2))
_CLAUSE_SLICES = itertools.repeat(slice(1, 3))  # c:word, sc:stem
_FIRST = operator.itemgetter(0)  # w:word
_getitem = operator.getitem
_chain = itertools.chain.from_iterable


def _feature_keys(view: _View, sentence: str, start: int) -> dict[int, float]:
    """``_features(view, sentence, start, with_compound=False)`` with each name replaced by its key (its weight
    row, or an id of its own past the zero row when the model does not know it), in the same order with the same
    values.

    The batch path's twin of :func:`_features`: the word features' keys are looked up per word
    (:class:`_WordKeys`), listed in the order :func:`_features` adds their names and counted in one C pass
    (``collections.Counter``: a dict keeps the first-seen order); the rest is :func:`_add_tail_features`,
    shared. The tests check the two agree on every feature, order included (``tests/test_targeted.py``).
    """
    words, pos = view.words, view.pos
    n = len(words)
    if view.info is None:
        recs = list(map(_WORD_KEYS.__getitem__, words))
    else:  # the sentence's word keys around the mention's "<t>"
        sentence_keys = view.info.word_keys
        recs = [*sentence_keys[:pos], _WORD_KEYS["<t>"], *sentence_keys[view.right:]]
    known = _KEYS
    keys = list(map(_FIRST, recs))
    # the word pairs starting within _BIGRAM_WINDOW words of the mention, left ones (Lb:) then right ones (Rb:)
    lo_b, hi_b = max(0, pos - _BIGRAM_WINDOW), min(n - 1, pos + _BIGRAM_WINDOW)
    keys += map(_LEFT_PAIR_KEYS.__getitem__, zip(words[lo_b:pos], words[lo_b + 1 : pos + 1]))
    keys += map(_RIGHT_PAIR_KEYS.__getitem__, zip(words[pos:hi_b], words[pos + 1 : hi_b + 1]))
    # the window's keys, nearest first: the slice of each word's keys for its distance (map runs in C)
    keys += _chain(map(_getitem, recs[max(0, pos - _WINDOW) : pos][::-1], _LEFT_SLICES))
    keys += _chain(map(_getitem, recs[pos + 1 : pos + 1 + _WINDOW], _RIGHT_SLICES))
    keys.append(known["Lbi:" + "_".join(words[max(0, pos - 2) : pos])])
    keys.append(known["Rbi:" + "_".join(words[pos + 1 : pos + 3])])
    keys.append(known["LR:" + (words[pos - 1] if pos else "^") + "_" + (words[pos + 1] if pos + 1 < n else "$")])
    if view.info is None:
        lo, hi = _clause_limits(words, pos)
    else:  # _clause_limits from the sentence's clause breaks (the mention's "<t>" is none)
        breaks = view.info.breaks
        k = bisect.bisect_left(breaks, pos)
        lo = breaks[k - 1] + 1 if k else 0
        k = bisect.bisect_left(breaks, view.right, k)
        hi = breaks[k] + pos + 1 - view.right if k < len(breaks) else n
    # the clause's words but the mention: "<t>" stands only at pos (no token of a sentence spells it)
    keys += _chain(map(_getitem, recs[lo:pos], _CLAUSE_SLICES))
    keys += _chain(map(_getitem, recs[pos + 1 : hi], _CLAUSE_SLICES))
    feats: dict[int, float] = collections.Counter(keys)
    _add_tail_features(feats, view, sentence, start, lo, hi, known.__getitem__, False)
    return feats


def _valence_reach_features(
    words: list[str], pos: int, lo: int, hi: int, valenced: list[tuple[int, float]]
) -> dict[str, float]:
    """How the sentiment words reach the mention: past another name or not, and weighted by nearness.

    ``vb{L|R}{x|o}{sign}``: the word's |valence| / 4 by side, with ``x`` when another name (``<e>``) stands
    between it and the mention ("<e> praised <e> and slammed <t>" vs "<t> praised <e>"); ``vw{sign}``: |valence|
    / 4 / distance in words, and ``vwc{sign}`` the same inside the mention's clause.
    """
    feats: dict[str, float] = {}
    for i, value in valenced:
        first, last = (i, pos) if i < pos else (pos, i)
        blocked = "<e>" in words[first + 1 : last]
        sign = "+" if value > 0 else "-"
        strength = abs(value) / 4.0
        distance = abs(i - pos)
        for name, amount in (
            (f"vb{'L' if i < pos else 'R'}{'x' if blocked else 'o'}{sign}", strength),
            ("vw" + sign, strength / distance),
        ):
            feats[name] = feats.get(name, 0.0) + amount
        if lo <= i < hi:
            feats["vwc" + sign] = feats.get("vwc" + sign, 0.0) + strength / distance
    return feats


def _signed(prefix: str, value: float) -> dict[str, float]:
    """``{prefix+sign: |value| / 4}`` for a non-zero valence, else nothing."""
    return {prefix + ("+" if value > 0 else "-"): abs(value) / 4.0} if value else {}


def _role_features(words: list[str], pos: int, stems: list[str]) -> dict[str, float]:
    """The mention's grammatical role by simple word-order rules, with the verb's stem and valence sign.

    * subject: "<t> [has, also, ...] verb" gives ``subj:<stem>`` and ``subjv±``;
    * passive: "<t> was criticised by" gives ``pass:<stem>`` and ``passv±``/``passv0`` (the mention is acted on);
    * object: "verb [the, his, ...] <t>" gives ``obj:<stem>``/``objv±``, and ``eobj:<stem>``/``eobjv±`` when a
      name or pronoun stands right before the verb ("<e> accused <t>": someone else acts on the mention);
    * after a preposition: "criticism of <t>", "support for <t>" gives ``prep:<prep>_<stem>`` and ``prepv±``.
    """
    lexicon, pairs = _lexicon()
    n = len(words)
    feats: dict[str, float] = {}
    j = pos + 1
    while j < n and words[j] in _AUXILIARIES:
        j += 1
    if j < n:
        if any(words[k] in _PASSIVE_BE for k in range(pos + 1, j)) and j + 1 < n and words[j + 1] == "by":
            value = _valence(words, j, lexicon, pairs)
            feats["pass:" + stems[j]] = 1.0
            feats["passv" + ("+" if value > 0 else "-" if value < 0 else "0")] = 1.0
        elif words[j] not in _CLAUSE_PUNCT and words[j] != "<e>":
            feats["subj:" + stems[j]] = 1.0
            feats.update(_signed("subjv", _valence(words, j, lexicon, pairs)))
    k = pos - 1
    while k >= 0 and words[k] in _DETERMINERS:
        k -= 1
    if k >= 0 and words[k] not in _CLAUSE_PUNCT and words[k] != "<e>":
        value = _valence(words, k, lexicon, pairs)
        feats["obj:" + stems[k]] = 1.0
        feats.update(_signed("objv", value))
        if k >= 1 and (words[k - 1] == "<e>" or words[k - 1] in _PRONOUNS):
            feats["eobj:" + stems[k]] = 1.0
            feats.update(_signed("eobjv", value))
    if pos >= 2 and words[pos - 1] in _TARGET_PREPOSITIONS:
        feats["prep:" + words[pos - 1] + "_" + stems[pos - 2]] = 1.0
        feats.update(_signed("prepv", _valence(words, pos - 2, lexicon, pairs)))
    return feats


@functools.lru_cache(maxsize=4096)
def _mention_type_features(mention: str) -> dict[str, float]:
    """What the mention itself is, and the words it is made of (cached by mention string: do not mutate).

    * ``mt:pron``, ``mt:det``, ``mt:cap``: a pronoun, a phrase with an article ("the election"), a capitalised
      name; ``mt:len1``..``mt:len4``: its length in words;
    * ``mw:<stem>``: the Porter stem of each lower-case word of the mention ("the mayor" gives ``mw:the`` and
      ``mw:mayor``, "his" ``mw:hi``), so that common-noun and pronoun mentions carry what they are ("the crowd"
      is rarely judged, "the killer" is); capitalised words (names) are left out, so no name learns a polarity;
    * ``mv+``/``mv-``: the lexicon valences of those words / 4 ("the corrupt official"); the other valence
      features skip the mention;
    * ``mt:time``: the mention holds a weekday or a month (``_TIME_WORDS``), nearly always neutral.
    """
    tokens = mention.lower().split()
    feats: dict[str, float] = {}
    if tokens and tokens[0] in _PRONOUNS:
        feats["mt:pron"] = 1.0
    if tokens and tokens[0] in ("the", "a", "an"):
        feats["mt:det"] = 1.0
    if mention[:1].isupper():
        feats["mt:cap"] = 1.0
    feats[f"mt:len{min(len(tokens), 4)}"] = 1.0
    lexicon = _lexicon()[0]
    for match in _TOKEN.finditer(mention):
        token = match.group()
        lower = token.lower()
        if lower in _TIME_WORDS:
            feats["mt:time"] = 1.0
        if token[:1].islower() and token.isalpha():
            feats["mw:" + porter_stem(lower)] = 1.0
            value = lexicon.get(lower, 0.0)
            if value:
                name = "mv+" if value > 0 else "mv-"
                feats[name] = feats.get(name, 0.0) + abs(value) / 4.0
    return feats


@functools.lru_cache(maxsize=1)
def _model() -> _Model:
    """The shipped weights, loaded once from ``analysis/data/target_sentiment.npz``."""
    resource = resources.files("analysis").joinpath("data", MODEL_FILE)
    try:
        payload = resource.read_bytes()
    except FileNotFoundError as exc:  # pragma: no cover - a broken install
        raise FileNotFoundError(
            f"analysis/data/{MODEL_FILE} is missing: rebuild it with "
            "`.venv/bin/python benchmarks/train_target_sentiment.py`"
        ) from exc
    with np.load(io.BytesIO(payload), allow_pickle=False) as data:
        names = data["features"].tolist()
        if "nb_coef" not in data.files:
            raise ValueError(
                f"analysis/data/{MODEL_FILE} predates the NB-SVM ensemble: rebuild it with "
                "`.venv/bin/python benchmarks/train_target_sentiment.py`"
            )
        weights = np.hstack([data["coef"], data["nb_coef"]]).astype(np.float32)
        intercept = data["intercept"].astype(np.float32)
        nb_intercept = data["nb_intercept"].astype(np.float32)
    return _Model(
        index=_Index({name: i for i, name in enumerate(names)}),
        weights=np.vstack([weights, np.zeros((1, weights.shape[1]), dtype=np.float32)]),
        intercept=intercept,
        nb_intercept=nb_intercept,
    )


def _log_softmax(scores: list[float]) -> list[float]:
    """Log-softmax of three scores (plain floats: cheaper than numpy for three numbers)."""
    top = max(scores)
    log_total = math.log(sum(math.exp(score - top) for score in scores))
    return [score - top - log_total for score in scores]


def _probabilities(info: _Sentence, start: int, end: int) -> dict[int, float]:
    """:func:`target_probabilities` for a checked span of a cached sentence."""
    model = _model()
    view = _view(info, start, end)
    feats = _features(view, info.text, start)
    # A feature the model does not know maps to the all-zero last row (model.index's __missing__).
    block = model.weights[list(map(model.index.__getitem__, feats))]
    values = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
    lr_scores = model.intercept + values @ block[:, :3]
    nb_scores = model.nb_intercept + block[:, 3:].sum(axis=0)
    scores = [a + b for a, b in zip(_log_softmax(lr_scores.tolist()), _log_softmax(nb_scores.tolist()))]
    prior = _subject_prior(view.words, view.pos)
    if prior:
        scores[0] += prior
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return {label: value / total for label, value in zip(_LABELS, exps)}


def target_probabilities(sentence: str, start: int, end: int) -> dict[int, float]:
    """Probabilities of -1, 0 and +1 for the sentence's sentiment toward the mention at ``[start, end)``.

    The sentence's own work (tokens, stems, VADER compound) is cached per sentence string, so asking about
    several mentions of one sentence pays for it once.

    Raises:
        TypeError: When ``sentence`` is not a str or the offsets are not ints.
        ValueError: When the offsets are not a non-empty span inside the sentence.
    """
    _check_span(sentence, start, end)
    return _probabilities(_sentence(sentence), start, end)


def target_probabilities_many(sentence: str, spans: Sequence[tuple[int, int]]) -> list[dict[int, float]]:
    """:func:`target_probabilities` for several mentions of one sentence, sharing the sentence's work.

    Args:
        sentence: One sentence.
        spans: ``(start, end)`` offsets of the mentions in ``sentence`` (end exclusive), in any order.

    Returns:
        One ``{-1: p, 0: p, +1: p}`` a span, in the order of ``spans`` (the same as single calls).

    Raises:
        TypeError: When ``sentence`` is not a str or an offset is not an int.
        ValueError: When a span is not a non-empty span inside the sentence (all spans are checked first).
    """
    spans = [tuple(span) for span in spans]
    for span in spans:
        if len(span) != 2:
            raise ValueError(f"each span must be a (start, end) pair, got {span!r}")
        _check_span(sentence, *span)
    if not spans:
        return []
    info = _sentence(sentence)
    return [_probabilities(info, start, end) for start, end in spans]


def target_sentiment(sentence: str, start: int, end: int) -> int:
    """The sentence's sentiment toward the mention at ``sentence[start:end]``: -1, 0 or +1.

    Args:
        sentence: One sentence (a longer text works, but the model was trained on single sentences).
        start: Offset of the mention's first character in ``sentence``.
        end: Offset just past the mention's last character (exclusive, as in ``sentence[start:end]``).

    Returns:
        -1 when the sentence is negative toward the mention, +1 when positive, 0 when neutral.

    Raises:
        TypeError: When ``sentence`` is not a str or the offsets are not ints.
        ValueError: When the offsets are not a non-empty span inside the sentence.

    Example:
        >>> target_sentiment("Critics accused Smith of lying.", 16, 21)
        -1
    """
    probabilities = target_probabilities(sentence, start, end)
    return max(probabilities, key=probabilities.__getitem__)


# The compound bands as closed intervals of the compound, each widened a little so that a compound on a band's
# edge that float rounding puts in the neighbouring band still lies inside the interval checked for it.
_BAND_EDGES = np.array([[-1.0, -0.6], [-0.6, -0.2], [-0.2, 0.2], [0.2, 0.6], [0.6, 1.0], [1.0, 1.0]]) + [-1e-6, 1e-6]
# How far the winning class must lead at a band's edges for the label to be taken as settled without the
# compound: far above the float32 rounding of the sums (about 1e-6), far below any real difference of scores.
_SETTLED_MARGIN = 1e-4


@functools.lru_cache(maxsize=1)
def _compound_weights() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The weight rows of the compound features: ``comp`` (LR, NB) and per band ``compb0..5`` (LR, NB).

    Returns:
        ``(comp_lr (3,), comp_nb (3,), band_lr (6, 3), band_nb (6, 3))`` in float64; a band the model does not
        know has zero weights.
    """
    model = _model()
    weights = model.weights.astype(np.float64)
    comp = weights[model.index["comp"]]
    bands = weights[[model.index[f"compb{b}"] for b in range(6)]]
    return comp[:3], comp[3:], bands[:, :3], bands[:, 3:]


def _batch_labels(items: Sequence[tuple[str, int, int]], confidences: list[float] | None = None,
                  floor: float = 0.0) -> list[int]:
    """Labels of many mentions, computed together; the batch twin of :func:`_probabilities` (same features,
    weights, log-softmaxes and subject prior; the tests check they give the same labels).

    The features of every item except the two of the sentence's VADER compound are gathered in one look-up of
    the weight matrix and summed per item with ``np.add.reduceat``. The compound then enters linearly: the
    logistic regression adds ``compound x w(comp) + w(band)``, the NB-SVM (on presence) ``w(comp) + w(band)``.
    Since the label is the argmax of ``LR + log_softmax(NB) + prior`` (the LR's own log-normaliser is the same
    for every class), and that is linear in the compound within a band, the label is the same for every
    compound of a band when the same class wins at both edges of the band. When one class wins at the edges of
    all six bands by more than :data:`_SETTLED_MARGIN`, the sentence's compound cannot change the label and is
    not computed (VADER was about a quarter of the stance stage's time); otherwise it is computed and added.
    """
    model = _model()
    rows: list[int] = []
    values: list[float] = []
    offsets: list[int] = []
    priors: list[float] = []
    for sentence, start, end in items:
        info = _sentence(sentence)
        view = _view(info, start, end, stems=False)  # _feature_keys reads stems by index only (role features)
        feats = _feature_keys(view, info.text, start)
        offsets.append(len(rows))
        rows.extend(feats)
        values.extend(feats.values())
        priors.append(_subject_prior(view.words, view.pos))
    # a feature the model does not know has a key past the all-zero last row: "clip" gathers that row for it
    block = np.take(model.weights, np.fromiter(rows, dtype=np.intp, count=len(rows)), axis=0, mode="clip")
    weighted = np.fromiter(values, dtype=np.float32, count=len(values))[:, None] * block[:, :3]
    lr = (model.intercept + np.add.reduceat(weighted, offsets, axis=0)).astype(np.float64)
    nb = (model.nb_intercept + np.add.reduceat(block[:, 3:], offsets, axis=0)).astype(np.float64)
    lr[:, 0] += priors  # the subject prior adds to the negative class (a constant of the final sum)
    comp_lr, comp_nb, band_lr, band_nb = _compound_weights()
    # per band (6, N, 3): the NB-SVM's log-probabilities and the LR's scores at the band's two edges
    nb_bands = _log_softmax_rows(nb[None, :, :] + (comp_nb + band_nb)[:, None, :])
    base = lr[None, :, :] + band_lr[:, None, :] + nb_bands
    at_edges = base[:, None, :, :] + _BAND_EDGES[:, :, None, None] * comp_lr  # (6, 2, N, 3)
    ordered = np.sort(at_edges, axis=3)
    winners = at_edges.argmax(axis=3).reshape(12, -1)
    settled = ((winners == winners[0]).all(axis=0)
               & ((ordered[..., 2] - ordered[..., 1]).reshape(12, -1) > _SETTLED_MARGIN).all(axis=0))
    labels = winners[0].tolist()
    open_ = np.flatnonzero(~settled)
    if len(open_):  # the compounds of the unsettled items, their bands and scores in one numpy step
        compounds = np.array([_sentence(items[k][0]).compound for k in open_.tolist()], dtype=np.float64)
        bands = ((compounds + 1) * 2.5).astype(np.intp)  # int() of a non-negative float: the band index
        scores = base[bands, open_] + compounds[:, None] * comp_lr
        for k, label in zip(open_.tolist(), scores.argmax(axis=1).tolist()):
            labels[k] = label
    if confidences is not None:  # the label's probability, for the items not labelled neutral
        confidences[:] = [math.nan] * len(items)
        wanted = np.array([_LABELS[i] != 0 for i in labels], dtype=bool)
        if floor > 0:
            # A settled label wins by at least its smallest margin m over both others at every band edge (the
            # scores are linear in the compound within a band), so its probability is at least 1 / (1 + 2 e^-m):
            # at least ``floor`` when m >= ln(2 floor / (1 - floor)). Those need no compound: reported as +inf.
            margin = (ordered[..., 2] - ordered[..., 1]).reshape(12, -1).min(axis=0)
            sure = settled & (margin >= math.log(2 * floor / (1 - floor))) & wanted
            for k in np.flatnonzero(sure).tolist():
                confidences[k] = math.inf
            wanted &= ~sure
        polar = np.flatnonzero(wanted)
        if len(polar):
            compounds = np.array([_sentence(items[k][0]).compound for k in polar.tolist()], dtype=np.float64)
            bands = ((compounds + 1) * 2.5).astype(np.intp)
            scores = base[bands, polar] + compounds[:, None] * comp_lr
            for k, p in zip(polar.tolist(), np.exp(_log_softmax_rows(scores)).max(axis=1).tolist()):
                confidences[k] = p
    return [_LABELS[i] for i in labels]


def _checked_items(items: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``items`` as a list, every ``(sentence, start, end)`` checked first as :func:`target_sentiment` checks its
    arguments (TypeError / ValueError for the first bad one)."""
    items = list(items)
    for sentence, start, end in items:
        _check_span(sentence, start, end)
    return items


def target_sentiments_with_confidence(items: Sequence[tuple[str, int, int]], *, floor: float = 0.0
                                      ) -> list[tuple[int, float]]:
    """:func:`target_sentiments` with the probability of each non-neutral label (NaN for a neutral one), from
    the same batch: ``(label, max(target_probabilities(...).values()))``.

    With ``floor`` in (0, 1), a label whose probability is at least ``floor`` whatever the sentence's VADER
    compound (its margin over the other classes is wide enough in every compound band) is reported as
    ``math.inf`` and the compound is not computed: a caller that only compares with ``floor`` saves VADER.

    Raises:
        TypeError, ValueError: As :func:`target_sentiment`, for the first bad item (all are checked first).
    """
    items = _checked_items(items)
    if not items:
        return []
    if not 0.0 <= floor < 1.0:
        raise ValueError(f"floor must be in [0, 1), not {floor!r}")
    confidences: list[float] = []
    labels = _batch_labels(items, confidences, floor)
    return list(zip(labels, confidences))


def _log_softmax_rows(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def target_sentiments(items: Sequence[tuple[str, int, int]]) -> list[int]:
    """:func:`target_sentiment` of many mentions at once (faster than one call each: one batch of numpy work).

    Args:
        items: ``(sentence, start, end)`` triples, as the arguments of :func:`target_sentiment`.

    Returns:
        -1, 0 or +1 for each item, in order.

    Raises:
        TypeError, ValueError: As :func:`target_sentiment`, for the first bad item (all are checked first).
    """
    items = _checked_items(items)
    if not items:
        return []
    return _batch_labels(items)

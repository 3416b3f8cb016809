"""Who is speaking: person names, titles, groups, anonymous sources, and one canonical name per person.

This module holds the rules that turn a noun phrase ("NATO Secretary General Jens Stoltenberg", "he",
"a senior administration official", "US officials") into a speaker, and the per-article name index that merges
spelling variants and partial names into one canonical person (Zelenskyy, Zelensky, Zelenskyi and
"Volodymyr Zelenskyy" are one person) without any actors file:

* names are runs of capitalised tokens; title words, places, organisations and nationality adjectives around
  them are recognised from ``analysis/data/name_rules.toml`` (titles are kept as the person's role words);
* a person is keyed by a normalised surname (lower case, accents removed, transliteration endings such as
  ``-yy``/``-yi``/``-iy`` folded), and surnames closer than an edit-distance threshold (rapidfuzz) are merged;
* a bare surname joins the nearest preceding full name with that surname; different first names stay apart
  (Bill and Hillary Clinton).

The rules follow the usual practice of rule-based attribution systems (e.g. the GenderGapTracker's quote and
name rules, Asr et al. 2021), adapted to run without a parser or a model download.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

from .data import read_toml
from .timex import calendar_names

__all__ = [
    "NameMention",
    "PersonIndex",
    "Token",
    "anonymity_spans",
    "description_head",
    "find_names",
    "group_head",
    "group_opener",
    "is_anonymous",
    "is_thing_name",
    "ly_adverb",
    "name_rules",
    "plural_group_noun",
    "pronoun_kind",
    "surname_key",
    "tokenize",
]

# A token is a word (letters/digits joined by apostrophes, hyphens or inner periods) or one punctuation mark.
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*|[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s?$", re.IGNORECASE)
# endings of agent nouns ("Farmer", "Striker", "Activist"): such a word opening a sentence before a full name is
# the person's role, capitalised because it opens the sentence ("Farmer Jonas Eklund said")
AGENT_ENDINGS = ("er", "or", "ist", "ant", "ent", "ian")
_CONNECTORS = frozenset({"de", "van", "von", "der", "den", "bin", "ibn", "al", "da", "di", "del", "la", "le", "du"})
_PREPOSITIONS = frozenset(
    {"about", "with", "to", "by", "of", "from", "for", "against", "between", "on", "at", "in", "into", "like",
     "than", "toward", "towards", "over", "under", "among", "beside", "behind", "upon", "without", "including"}
)
_TRANSLIT = ((re.compile(r"(yy|yi|iy|ij|ii|yj|ji)$"), "y"), (re.compile(r"([a-z])\1"), r"\1"),
             (re.compile(r"kh"), "h"), (re.compile(r"tch"), "ch"), (re.compile(r"ck"), "k"))
_FUZZY_THRESHOLD = 85.0
_DIGIT = re.compile(r"\d")
_NOT_LETTERS = re.compile(r"[^a-z]")
# "officials" alone are a group ("US officials"); quantified ("two officials") or with a sourcing word they are
# anonymous. Plural "sources" and "insiders" are unnamed whatever modifies them ("Government sources said").
_PLURAL_SOURCES = re.compile(r"\bofficials\b")
_QUANTIFIED = re.compile(r"\b(a|an|one|two|three|several|some|unnamed|anonymous|familiar)\b")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# verbs in "-s" after "the"/"a" and a capitalised word that make it a thing or an institution ("The Vatican
# seems"), besides the reporting verbs of the cue lexicon ("The Guardian reports")
_VERBS_IN_S = frozenset({"is", "has", "does", "seems", "remains", "wants", "needs", "plans", "hopes", "faces",
                         "holds", "keeps", "gets", "makes", "takes", "gives", "runs", "owns", "leads", "continues"})
_CLAUSE_MARKS = frozenset({".", ",", ";", ":", "?", "!", ")", "\u201d", "\u2019", '"', "'", "\u2014", "\u2013"})
_FORMER = frozenset({"former", "ex", "erstwhile", "outgoing", "late"})  # title words before roles no longer held
# endings of hyphenated adjectives made from a name ("Obama-era", "Trump-backed"), unlike "Ki-moon"
_HYPHEN_ADJECTIVES = frozenset({"era", "led", "based", "style", "like", "made", "born", "run", "owned", "backed",
                                "linked", "funded", "type", "friendly", "allied", "aligned", "bashing"})
# titles used in address ("Mr. President", "Madam Speaker"): after an honorific they still name no one
_ADDRESS_TITLES = frozenset({"president", "speaker", "chairman", "chairwoman", "secretary", "mayor", "governor",
                             "ambassador", "minister", "senator", "justice", "vice", "prime"})


Token = tuple
"""A token with its offsets in the article text: a plain tuple ``(text, start, end, lower, is_cap)``, read by
position (``tok[0]`` text, ``tok[1]`` start, ``tok[2]`` end, ``tok[3]`` lower case, ``tok[4]`` capitalised).

A plain tuple, not a named tuple: the garbage collector stops tracking a tuple of strings, ints and booleans
after its first pass, but tracks a tuple subclass for ever, and an article makes thousands of tokens (a named
tuple here cost about a tenth of the extraction time in construction and collections)."""

TEXT, START, END, LOWER, IS_CAP = range(5)  # the positions, for readers and for code outside the hot loops


def make_token(text: str, start: int, end: int) -> Token:
    """A token for ``text`` at ``start:end``."""
    return (text, start, end, text.lower(), text[:1].isupper())


class NameMention(NamedTuple):
    """A capitalised name found in the text.

    Attributes:
        kind: ``person``, ``organisation`` or ``place``.
        start, end: offsets of the whole mention (title included, possessive ending excluded).
        name_start: offset where the name proper starts (after any title words).
        name: the name proper ("Antony Blinken"), for organisations and places the whole phrase.
        titles: the lower-cased title and role words before the name ("foreign", "minister").
        possessive: the mention ends in 's ("Zelenskyy's claims").
        after_preposition: the mention follows a preposition (so it is not a clause subject).
    """

    kind: str
    start: int
    end: int
    name_start: int
    name: str
    titles: tuple[str, ...] = ()
    possessive: bool = False
    after_preposition: bool = False
    sentence_initial: bool = False


@functools.lru_cache(maxsize=1)
def name_rules() -> dict:
    """The name rules (``analysis/data/name_rules.toml``), with word lists turned into frozensets.

    ``not_names`` adds to the file's words the full day names and all month names and abbreviations of the
    temporal tagger's lexicon (:func:`analysis.timex.calendar_names`), which the file does not repeat.
    """
    data = read_toml("name_rules.toml")
    rules: dict = {}
    for key in ("titles", "courtesy_titles", "male_honorifics", "female_honorifics", "not_names",
                "organisation_words"):
        rules[key] = frozenset(w.lower() for w in data[key])
    calendar = calendar_names()
    rules["not_names"] |= calendar["full_weekdays"] | calendar["full_months"] | calendar["short_months"]
    rules["places"] = frozenset(w.lower() for w in data["places"])
    rules["multiword_places"] = tuple(sorted((p for p in rules["places"] if " " in p), key=len, reverse=True))
    rules["pronouns"] = dict(data["pronouns"])
    rules["anonymous"] = tuple(re.compile(p) for p in data["anonymous"]["patterns"])
    rules["anonymity_clause"] = _anonymity_regex(data["anonymous"]["clauses"], data["anonymous"]["purpose"])
    rules["anonymity_anchors"] = tuple(data["anonymous"]["anchors"])
    rules["group_nouns"] = frozenset(data["groups"]["nouns"])
    rules["modified_plurals"] = frozenset(data["groups"]["modified_plurals"])
    rules["description_nouns"] = frozenset(data["descriptions"]["nouns"])
    rules["affiliations"] = frozenset(data["descriptions"]["affiliations"])
    rules["premodifiers"] = frozenset(data["descriptions"]["premodifiers"])
    rules["demonyms"] = frozenset(data["demonyms"]["words"])
    rules["document_nouns"] = frozenset(data["documents"]["nouns"])
    rules["author_prepositions"] = frozenset(data["documents"]["author_prepositions"])
    rules["possessed_institutions"] = frozenset(data["organisations"]["possessed_institutions"])
    rules["representative_bodies"] = frozenset(data["representatives"]["bodies"])
    rules["representative_persons"] = frozenset(data["representatives"]["persons"])
    rules["not_adverbs"] = frozenset(data["not_adverbs"]["words"])
    rules["law_heads"] = frozenset(data["things"]["laws"])
    rules["street_heads"] = frozenset(data["things"]["streets"])
    rules["first_names"] = _first_names()
    rules["greetings"] = tuple(w.lower() for w in data["greetings"]["words"])
    return rules


def ly_adverb(word: str) -> bool:
    """Whether the lower-case ``word`` is an adverb in "-ly" ("repeatedly", "publicly").

    The one test of the speaker and quotation rules: a word of more than four letters ending in "ly" that the
    name rules' ``[not_adverbs]`` do not list ("family", "assembly", "early", "daily"). A short word is no
    adverb ("ally", "only", "holy", "July"). Callers test the letter case of the written word themselves.

    Args:
        word: The word in lower case.

    Returns:
        True for an "-ly" adverb.
    """
    return len(word) > 4 and word.endswith("ly") and word not in name_rules()["not_adverbs"]


# plural group nouns of the name rules without a plural "-s"
_UNMARKED_PLURALS = frozenset({"police", "people"})


def plural_group_noun(word: str) -> bool:
    """Whether the lower-case ``word`` is a plural group noun of the name rules ("officials", "critics",
    "police", "people"; not a singular "court" or "family").

    Args:
        word: The word in lower case.

    Returns:
        True for a group noun of ``[groups] nouns`` that ends in "s" or is "police" or "people".
    """
    return word in name_rules()["group_nouns"] and (word.endswith("s") or word in _UNMARKED_PLURALS)


def group_opener(word: str) -> bool:
    """Whether ``word`` as written is a plural group noun capitalised only because it opens a sentence
    ("Officials", "Prosecutors", "Critics said").

    The one test of the speaker and quotation rules: a :func:`plural_group_noun` with only its first letter in
    capitals that the name rules' ``not_names`` do not list ("Democrats", "Americans" are names of groups;
    "NATO" is not written so; a singular "Court" is no plural).

    Args:
        word: The word as written in the text.

    Returns:
        True when the word is such a common plural noun.
    """
    low = word.lower()
    return word[:1].isupper() and word[1:].islower() and plural_group_noun(low) and low not in name_rules()["not_names"]


def _anonymity_regex(patterns: list[str], purpose: str) -> re.Pattern[str]:
    """One case-insensitive alternation of the anonymity wordings, each followed by an optional purpose clause;
    a space in a pattern matches any run of white space (a sentence may be wrapped over lines)."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"(?:{joined}){purpose}".replace(" ", r"\s+"), re.IGNORECASE)


def _first_names() -> dict[str, str]:
    """First name -> ``male``/``female`` (``analysis/data/first_names.tsv``)."""
    raw = resources.files("analysis.data").joinpath("first_names.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in raw.splitlines() if line and not line.startswith("#"))
    return {name.strip(): gender.strip() for name, gender in pairs}


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [(w, s, e, w.lower(), w[0].isupper())  # a token is never empty
            for m in _TOKEN.finditer(text, start, end) for w, (s, e) in ((m.group(), m.span()),)]


def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and _POSSESSIVE.search(word) and word[-2:].lower() in {"\u2019s", "'s"}:
        return word[:-2], True
    return word, False


@functools.lru_cache(maxsize=8192)
def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=4096)
def surname_key(name: str) -> str:
    """A spelling-insensitive key for a surname: "Zelenskyy", "Zelensky" and "Zelenskyi" give one key."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower().rstrip(".,") in _SUFFIXES:
        parts = parts[:-1]  # "Vann R. Newkirk II", "Joseph R. Biden Jr."
    word = _strip_possessive(parts[-1] if parts else name)[0]
    key = _NOT_LETTERS.sub("", _fold(word))
    for pattern, repl in _TRANSLIT:
        key = pattern.sub(repl, key)
    return key


def _is_acronym(word: str) -> bool:
    """An acronym ("NATO", "U.N."), also a plural one ("MPs", "CEOs"): never a person's name."""
    letters = word.replace(".", "")
    if len(letters) >= 3 and letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


def _is_name_word(word: str, rules: dict) -> bool:
    """A capitalised word that can be part of a person's name."""
    return _name_word(word)


@functools.lru_cache(maxsize=8192)
def _name_word(word: str) -> bool:
    rules = name_rules()
    low = word.lower()
    if not word[:1].isupper() or _DIGIT.search(word) is not None:
        return False
    if low in rules["not_names"] or low in rules["titles"] or low in rules["organisation_words"]:
        return False
    if low in rules["places"] or low in rules["demonyms"] or _is_acronym(word):
        return False
    if "-" in word and not all(part[:1].isupper() and len(part) > 1 for part in word.split("-")):
        return False  # "Soviet-era", "US-supplied", a party and state code ("R-Ohio")
    return low.rstrip(".") not in rules["titles"]


def _runs(tokens: list[Token], text: str) -> list[tuple[int, list[Token]]]:
    """Maximal runs of capitalised tokens (with name connectors and initials' periods inside), each with the
    index of its first token."""
    runs: list[tuple[int, list[Token]]] = []
    cur: list[Token] = []
    first = 0
    titles = name_rules()["titles"]
    n = len(tokens)
    for i, tok in enumerate(tokens):
        word, start, _, low, cap = tok
        if not cap and not cur:
            first = i + 1  # the common case: a lower-case word or a mark outside any run
            continue
        capword = cap and (word.isalpha() or _DIGIT.search(word) is None)
        if cur:
            last = cur[-1]
            gap = start - last[2]
            joined = gap == 0 or (gap == 1 and text[last[2]] in " \u00a0")
        else:
            joined = False
        if capword and (not cur or joined) or (
                joined and low in _CONNECTORS and i + 1 < n and tokens[i + 1][4]):
            cur.append(tok)
        elif cur and word == "." and len(last[0]) <= 4 and text[tok[2]:tok[2] + 1] == " " and (
            len(last[0]) == 1 or last[3] in titles or last[3] in {"jr", "sr"}
        ):
            # an initial ("J.") or an abbreviated title ("Gen.") does not end the name
            cur.append(tok)
        else:
            if cur:
                runs.append((first, cur))
            cur, first = ([tok], i) if capword else ([], i)
        if not cur:
            first = i + 1
        elif len(cur[-1][0]) > 2 and cur[-1][0][-2:] in ("\u2019s", "'s"):
            runs.append((first, cur))
            cur, first = [], i + 1
    if cur:
        runs.append((first, cur))
    return runs


def find_names(text: str, start: int = 0, end: int | None = None, *, sentence_start: int | None = None,
               tokens: list[Token] | None = None) -> list[NameMention]:
    """Names of persons, organisations and places in ``text[start:end]``.

    Args:
        text: the article text.
        start, end: the span to search (usually one sentence).
        sentence_start: offset where the sentence starts (its first word is capitalised anyway, so a lone
            capitalised first word is marked ``sentence_initial`` for the caller to confirm).
        tokens: the tokens of ``text[start:end]`` when the caller already has them.

    Returns:
        Mentions in text order.
    """
    rules = name_rules()
    tokens = tokenize(text, start, end) if tokens is None else tokens
    sentence_start = start if sentence_start is None else sentence_start
    found: list[NameMention] = []
    for index, run, joined in _organisation_names(_runs(tokens, text), tokens, rules):
        if joined:
            found.append(_organisation_mention(run, text, tokens, index, rules, sentence_start))
        else:
            found.extend(_classify_run(run, text, tokens, index, rules, sentence_start))
    return found


def _organisation_names(runs: list[tuple[int, list[Token]]], tokens: list[Token], rules: dict
                        ) -> list[tuple[int, list[Token], bool]]:
    """The runs, with those an organisation's name spreads over joined into one (flagged True): a run ending in
    an organisation word, "for", and another run, then "and"/"&" and more runs ("The National Institute for
    Health and Care Excellence", "the Council for Science and Technology"); a possessive run of one word and
    an institution word glued to it ("The Alzheimer's Society", "St Mary's Hospital": ``possessed_institutions``
    of the name rules)."""
    out: list[tuple[int, list[Token], bool]] = []
    via_for = False  # the last join of the current name was over "for"
    for index, run in runs:
        if out:
            p_index, prev, joined = out[-1]
            gap = tokens[p_index + len(prev):index]
            last = _strip_possessive(prev[-1][0])
            if len(gap) == 1 and not last[1] and (
                    gap[0][3] == "for" and prev[-1][3] in rules["organisation_words"]
                    or gap[0][3] in {"and", "&"} and joined and via_for):
                out[-1] = (p_index, prev + gap + run, True)
                via_for = via_for or gap[0][3] == "for"
                continue
            if len(gap) == 1 and gap[0][0] in {"'", "\u2019"} and gap[0][1] == prev[-1][2] and (
                    prev[-1][3].endswith("s") and run[-1][3] in rules["organisation_words"] | rules[
                        "possessed_institutions"]):
                # a plural possessive inside the name ("the Tenants' Union", "the Quay Road Residents'
                # Association"): one organisation, not a person cut at the apostrophe
                out[-1] = (p_index, prev + gap + run, True)
                via_for = False
                continue
            if not gap and last[1] and len(run) == 1 and all(
                    t[3] in rules["not_names"] for t in prev[:-1]) and (
                    run[0][3] in rules["possessed_institutions"]):
                out[-1] = (p_index, prev + run, True)
                via_for = False
                continue
        via_for = False
        out.append((index, run, False))
    return out


def _organisation_mention(run: list[Token], text: str, tokens: list[Token], idx: int, rules: dict,
                          sentence_start: int) -> NameMention:
    """The organisation a joined run names, without leading sentence openers ("The")."""
    words = [t for t in run if t[0] != "."]
    while len(words) > 1 and words[0][3] in rules["not_names"] and words[0][3] not in rules["titles"]:
        words = words[1:]
    last_word, possessive = _strip_possessive(words[-1][0])
    start, end = words[0][1], words[-1][1] + len(last_word)
    prev = tokens[idx - 1][3] if idx > 0 else ""
    return NameMention("organisation", start, end, start, text[start:end], (), possessive,
                       prev in _PREPOSITIONS, start == sentence_start)


def _multiword_place(words: list[Token], rules: dict) -> tuple[int, int] | None:
    """ "New York", "United States" inside a run (after sentence openers only): their offsets."""
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            if " ".join(t[3] for t in words[i:i + n]) in rules["places"] and all(
                    t[3] in rules["not_names"] for t in words[:i]):
                return words[i][1], words[i + n - 1][2]
    return None


def _classify_run(run: list[Token], text: str, tokens: list[Token], idx: int, rules: dict,
                  sentence_start: int) -> list[NameMention]:
    if len(run) == 1 and run[0][3] in rules["not_names"] and run[0][3] not in rules["titles"]:
        return []  # the common case: a capitalised sentence opener ("The", "But", "He")
    words = [t for t in run if t[0] != "."]
    while len(words) > 2 and words[-1][3] in _SUFFIXES and words[-2][0][:1].isupper():
        words = words[:-1]  # a generational suffix ends the name ("Vann R. Newkirk II")
    last_word, possessive = _strip_possessive(words[-1][0])
    end = words[-1][1] + len(last_word)
    words[-1] = make_token(last_word, words[-1][1], end)
    if len(words) >= 2:
        place = _multiword_place(words, rules)
        if place is not None:
            p_start, p_end = place
            return [NameMention("place", p_start, p_end, p_start, text[p_start:p_end], (),
                                possessive and p_end == end, False, p_start == sentence_start)]
    # leading sentence openers and function words ("When", "The", "Instead") are not part of a name
    while words and words[0][3] in rules["not_names"] and words[0][3] not in rules["titles"]:
        words = words[1:]
    if not words:
        return []
    first = words[0]
    prev = tokens[idx - 1][3] if idx > 0 else ""
    after_prep = prev in _PREPOSITIONS or (first is not run[0] and run[0][3] in _PREPOSITIONS)
    initial = first[1] == sentence_start or (run[0][1] == sentence_start and first is not run[0])
    phrase = text[first[1]:end]
    low = phrase.lower()
    if len(words) == 1 and len(run) == 1 and initial and _modifier_opening(tokens, idx, rules):
        return []  # a modifier capitalised because it opens the sentence ("Political analysts said")
    if len(words) == 1 and len(run) == 1 and initial and group_opener(first[0]):
        return []  # a plural group noun capitalised because it opens the sentence ("Prosecutors said")
    if len(words) == 1 and (prev if first[1] == run[0][1] else run[-2][3]) in {"the", "a", "an"} and (
            _thing_after_article(first, tokens, idx + len(run), rules)):
        # names take no article: "the Trip", "the Kremlin", "The Bill provided" are things or institutions
        # (but "the Clinton campaign", "a Trump television interview": a name before a noun)
        kind = "place" if low in rules["places"] else "organisation"
        return [NameMention(kind, first[1], end, first[1], phrase, (), possessive, after_prep, initial)]
    if low in rules["places"] or len(words) == 1 and _greeted(run, text, tokens, idx, rules):
        return [NameMention("place", first[1], end, first[1], phrase, (), possessive, after_prep, initial)]
    thing = thing_kind([w[3] for w in words], rules)
    if thing is not None:  # "the Water Allocation Bill", "Regent Row": a law or a street, never a person
        return [NameMention(thing, first[1], end, first[1], phrase, (), possessive, after_prep, initial)]
    # the name proper is the longest run of name words at the end of the phrase
    core_from = len(words)
    hyphen = words[-1][0].split("-")
    if len(words) >= 2 and len(hyphen) == 2 and hyphen[1].islower() and hyphen[1] not in _HYPHEN_ADJECTIVES and (
            _is_name_word(words[-2][0], rules) and hyphen[0].lower() not in rules["demonyms"]):
        core_from -= 1  # a hyphenated given name or surname with a lower-case part ("Ban Ki-moon")
    elif len(words) >= 2 and _given_name_before(words, rules) and words[-1][0].isalpha() and (
            len(words[-1][0]) > 2 and not words[-1][0].isupper()) and (
            words[-1][3] in rules["places"] or words[-1][3] in rules["demonyms"] or words[-1][3] in rules["titles"]
            or words[-1][3] in rules["not_names"]):
        # a place name, demonym, title or common word as a surname after a first name ("Jim Jordan", "Mark
        # Cuban", "Amy Pope", "Cornel West")
        core_from -= 1
    while core_from > 0 and (_is_name_word(_strip_possessive(words[core_from - 1][0])[0], rules)
                             or words[core_from - 1][3] in _CONNECTORS):
        core_from -= 1
    if core_from == 0 and initial and len(words) >= 3 and first[3] not in rules["first_names"] and (
            words[1][3] in rules["first_names"] or (len(first[3]) > 4 and first[3].endswith(AGENT_ENDINGS))):
        # "Farmer Jonas Eklund said", "Striker Tomas Reyes scored": a role word opening the sentence, not a
        # given name (the second word is a listed first name, or the first is an agent noun)
        core_from = 1
    core = words[core_from:]
    prefix = words[:core_from]
    if not core and len(words) >= 2 and words[-2][3].rstrip(".") in rules["courtesy_titles"] and (
            words[-1][3] not in _ADDRESS_TITLES and words[-1][0][:1].isalpha()):
        core, prefix = words[-1:], words[:-1]  # "Mr. King", "Ms. Bishop": a surname that is also a title word
    if core and prefix and any(t[3] in rules["organisation_words"] and t[3] not in rules["titles"]
                               for t in prefix[-1:]):
        core = []  # "Economic Cooperation Forum Smith" is not a title before a name; keep as organisation
    if not core:
        kind = "place" if all(t[3] in rules["places"] or t[3] in rules["demonyms"] for t in words) else (
            "organisation")
        if all(t[3] in rules["titles"] or t[3] in rules["demonyms"] for t in words):
            return []  # a bare title ("President") or adjective ("Ukrainian") names nobody by itself
        if len(words) == 1 and (words[0][3] in rules["demonyms"] or "-" in words[0][0]
                                and not all(p[:1].isupper() for p in words[0][0].split("-"))):
            return []  # "Ukrainian", "Soviet-era"
        return [NameMention(kind, first[1], end, first[1], phrase, (), possessive, after_prep, initial)]
    name_start = core[0][1]
    name = text[name_start:end]
    titles = tuple(t[3].rstrip(".") for t in prefix)
    return [NameMention("person", first[1], end, name_start, name, titles, possessive, after_prep,
                        initial and not prefix)]


def _greeted(run: list[Token], text: str, tokens: list[Token], idx: int, rules: dict) -> bool:
    """Whether the one-word ``run`` is the place a greeting addresses ("Good morning, Brookfield."): a
    greeting of the name rules' ``[greetings]`` and a comma before it, the sentence's end right after it."""
    after = idx + len(run)
    if idx == 0 or tokens[idx - 1][0] != "," or (after < len(tokens) and tokens[after][0] not in {".", "!"}):
        return False
    before = " ".join(text[max(0, tokens[idx - 1][1] - 30):tokens[idx - 1][1]].lower().split())
    return any(before == g or before.endswith(" " + g) for g in rules["greetings"])


def _thing_after_article(word: Token, tokens: list[Token], after: int, rules: dict) -> bool:
    """Whether the one capitalised ``word`` after "the"/"a"/"an" names a thing or an institution ("the Bill",
    "The Vatican says", "the Guardian reported"), not a person: not a title, a nationality or party adjective,
    a hyphenated adjective ("a Soviet-era missile"), a plural ("the Clintons") or a listed first name ("the
    Donald"), and no noun it modifies follows at ``tokens[after]`` ("the Clinton campaign"); a law's word is
    always a thing. ``rules`` are the name rules (`name_rules()`)."""
    low = word[3]
    if low in rules["law_heads"]:
        return True
    if low in rules["titles"] or low in rules["demonyms"] or low in rules["affiliations"] or (
            low in rules["first_names"]) or low.endswith("s") and not low.endswith("ss"):
        return False
    if "-" in word[0] and not all(p[:1].isupper() for p in word[0].split("-")):
        return False
    return not _modifies_noun(tokens, after, rules)


def _modifies_noun(tokens: list[Token], i: int, rules: dict) -> bool:
    """Whether ``tokens[i]``, right after a capitalised word, is a lower-case word that may be a noun the word
    modifies ("the Clinton campaign", "a Trump television interview", "the Clinton years") or "of": not a
    function word of the rules' ``not_names``, a past form in "-ed", a reporting verb of the cue lexicon or a
    common verb in "-s" ("The Vatican says", "the Guardian reported"). ``rules`` are the name rules
    (`name_rules()`)."""
    if i >= len(tokens):
        return False
    low = _strip_possessive(tokens[i][3])[0]  # "the Obama administration's plans"
    if not low.isalpha():
        return low not in _CLAUSE_MARKS  # "the Cruz/Fiorina ticket": joined to more of a name
    if not tokens[i][0].islower():
        return False
    if low in {"of", "era"}:
        return True  # "the Trump of the primaries", "the Obama era": a person in a description
    if low in rules["not_names"] or low.endswith("ed"):
        return False
    if low.endswith("s") and not low.endswith("ss"):
        from .quotes import cue_lexicon  # here: analysis.quotes imports this module

        return low not in cue_lexicon().forms and low not in _VERBS_IN_S  # "the Clinton years"
    return True


def thing_kind(words: list[str], rules: dict) -> str | None:
    """The one decision whether a name is a law's, a document's or a street's, never a person's.

    ``organisation`` for a name of two or more words ending in a law's word of ``[things]`` or a document noun
    of ``[documents]`` in the name rules ("the Water Allocation Bill", "the Annual Report"), ``place`` for one
    ending in a street's word ("Regent Row"); None for other names and when a listed first name or a title comes
    right before the word ("Jude Law", "Mr. Law").

    Args:
        words: The name's words in lower case.
        rules: The name rules (`name_rules()`).

    Returns:
        ``organisation``, ``place`` or None.
    """
    if len(words) < 2 or words[-2] in rules["first_names"] or words[-2].rstrip(".") in rules["titles"]:
        return None
    last = words[-1]
    if last in rules["law_heads"] or last in rules["document_nouns"]:
        return "organisation"
    return "place" if last in rules["street_heads"] else None


def is_thing_name(name: str) -> bool:
    """Whether ``name`` (a name the rules took for a person's) is a law's, a document's or a street's
    (`thing_kind`: "the Water Allocation Bill", "Regent Row", "the Annual Report"): no person pronoun may take it
    as its antecedent."""
    return thing_kind(name.lower().split(), name_rules()) is not None


def _modifier_opening(tokens: list[Token], idx: int, rules: dict) -> bool:
    """Whether the lone capitalised word ``tokens[idx]``, which opens its sentence, is a premodifier of the name
    rules capitalised only for that, before a lower-case word ("Political analysts said", "Local officials say";
    not "Local 9"): it names nobody. ``rules`` are the name rules (`name_rules()`)."""
    if idx + 1 >= len(tokens) or tokens[idx][3] not in rules["premodifiers"]:
        return False
    nxt = tokens[idx + 1]
    return nxt[0].isalpha() and not nxt[4]


def _given_name_before(words: list[Token], rules: dict) -> bool:
    """Whether the words before the last one end in a first name, past middle initials ("Peter T. King")."""
    k = len(words) - 2
    while k > 0 and len(words[k][0]) == 1 and words[k][0].isupper():
        k -= 1
    if k < 0:
        return False
    if words[k][3] in rules["first_names"]:
        return True
    # an unlisted first name after a title ("Representative Ivo T. King", "Sen. Ada Pope")
    return k >= 1 and k < len(words) - 2 and words[k - 1][3].rstrip(".") in rules["titles"] and _is_name_word(
        words[k][0], rules)


def pronoun_kind(word: str) -> str | None:
    """``male``, ``female``, ``plural``, ``organisation`` or ``first`` for a speaker pronoun, else None."""
    return name_rules()["pronouns"].get(word.lower())


def is_anonymous(phrase: str) -> bool:
    """Whether a source noun phrase describes an anonymous source ("a senior administration official")."""
    low = phrase.lower()
    if _PLURAL_SOURCES.search(low) and not _QUANTIFIED.search(low):
        return False
    return any(p.search(low) for p in name_rules()["anonymous"])


def anonymity_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` says that a source is not named, as ``(start, end)`` offsets into ``text``.

    The wordings are the ``clauses`` of ``[anonymous]`` in ``analysis/data/name_rules.toml``: "spoke on
    condition of anonymity to discuss private talks", "asked not to be named", "requested anonymity",
    "declined to be identified", "was not authorized to speak publicly".

    Args:
        text: the text to search (an article's text).
        start: where to start searching.
        end: where to stop (the end of ``text`` when None).

    Returns:
        The spans in text order, disjoint.
    """
    end = len(text) if end is None else end
    rules = name_rules()
    low = text[start:end].lower()
    hits = sorted({i for anchor in rules["anonymity_anchors"] for i in _find_all(low, anchor)})
    if not hits:
        return []  # most texts: the clauses' patterns are not run at all
    windows: list[list[int]] = []
    for i in hits:  # the patterns near each anchor (over the whole text they cost about 1 µs a character)
        a, b = max(start, start + i - _ANCHOR_BEFORE), min(end, start + i + _ANCHOR_AFTER)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    regex = rules["anonymity_clause"]
    return [m.span() for a, b in windows for m in regex.finditer(text, a, b)]


_ANCHOR_BEFORE = 160  # characters of a clause that may come before its anchor word ("on the condition that ...")
_ANCHOR_AFTER = 120  # and after it (the rest of the wording and a purpose clause)


def _find_all(text: str, word: str) -> list[int]:
    found, i = [], text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found


def group_head(phrase: str) -> str | None:
    """The group noun a phrase ends in ("US officials" -> "officials"), if any."""
    words = [w.lower() for w in _TOKEN.findall(phrase) if w[:1].isalnum()]
    if not words:
        return None
    nouns = name_rules()["group_nouns"]
    if len(words) >= 2 and f"{words[-2]} {words[-1]}" in nouns:
        return f"{words[-2]} {words[-1]}"
    return words[-1] if words[-1] in nouns else None


def description_head(phrase: str) -> str | None:
    """The role noun of a definite description ("the Ukrainian leader" -> "leader"), if any."""
    words = [w.lower() for w in _TOKEN.findall(phrase) if w[:1].isalnum()]
    if len(words) < 2 or words[0] not in {"the", "this", "that"}:
        return None
    return words[-1] if words[-1] in name_rules()["description_nouns"] else None


@dataclass
class _Person:
    key: str
    first: str | None
    full_forms: dict[str, int] = field(default_factory=dict)
    surname_forms: dict[str, int] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    past: set[str] = field(default_factory=set)  # role words seen only after "former"/"ex" ("Former Chief Minister")
    present: set[str] = field(default_factory=set)  # role words seen without one
    gender: str | None = None

    def canonical(self) -> str:
        forms = self.full_forms or self.surname_forms
        return max(forms, key=lambda f: (forms[f], len(f.split()), -list(forms).index(f)))

    def variants(self) -> set[str]:
        return set(self.full_forms) | set(self.surname_forms)


class PersonIndex:
    """Persons of one article, with spelling variants and partial names merged.

    Build it from the article's name mentions (in text order), then ask :meth:`person_of` for the person a
    mention belongs to and :meth:`canonical` for the name to report.
    """

    def __init__(self, mentions: list[NameMention]) -> None:
        self._persons: list[_Person] = []
        # surname key -> ids of persons with a similar surname, grouped by the key's first two letters (two
        # surnames are only compared when those agree, so each group stays small)
        self._similar: dict[str, dict[str, list[int]]] = {}
        self._by_prefix: dict[str, list[int]] = {}  # the key's first two letters -> person ids
        self._by_mention: dict[tuple[int, int], int] = {}
        rules = name_rules()
        persons = [m for m in mentions if m.kind == "person"]
        # full names first, so bare surnames can join them wherever they appear
        for m in sorted(persons, key=lambda m: (len(m.name.split()) < 2, m.start)):
            parts = m.name.split()
            first = _fold(parts[0]) if len(parts) >= 2 else None
            pid = self._find(surname_key(m.name), first, m.start)
            if pid is None:
                if len(parts) < 2 and m.sentence_initial and not m.titles:
                    continue  # a lone capitalised first word: only a name if confirmed elsewhere
                pid = len(self._persons)
                key = surname_key(m.name)
                self._persons.append(_Person(key, first))
                self._by_prefix.setdefault(key[:2], []).append(pid)
                for other, similar in self._similar.get(key[:2], {}).items():
                    if _same_surname(other, key):
                        similar.append(pid)
            p = self._persons[pid]
            if len(parts) >= 2:
                p.full_forms[m.name] = p.full_forms.get(m.name, 0) + 1
            else:
                p.surname_forms[m.name] = p.surname_forms.get(m.name, 0) + 1
            p.titles.update(m.titles)
            cut = next((i for i, t in enumerate(m.titles) if t in _FORMER), len(m.titles))
            p.present.update(m.titles[:cut])
            p.past.update(m.titles[cut + 1:])
            if p.gender is None:
                if set(m.titles) & rules["male_honorifics"]:
                    p.gender = "male"
                elif set(m.titles) & rules["female_honorifics"]:
                    p.gender = "female"
                elif first is not None:
                    p.gender = rules["first_names"].get(first)
            self._by_mention[(m.start, m.end)] = pid

    def _find(self, key: str, first: str | None, offset: int) -> int | None:
        group = self._similar.setdefault(key[:2], {})
        if key not in group:
            group[key] = [i for i in self._by_prefix.get(key[:2], ()) if _same_surname(self._persons[i].key, key)]
        candidates = group[key]
        if first is not None:
            exact = [i for i in candidates if self._persons[i].first in (first, None)]
            if exact:
                return exact[0]
            return None
        return candidates[0] if candidates else None

    def person_of(self, mention: NameMention) -> int | None:
        """The person id of a mention, or None when the mention is not a (confirmed) person."""
        return self._by_mention.get((mention.start, mention.end))

    def person_named(self, name: str) -> int | None:
        """The person id for a name or surname seen anywhere in the article."""
        parts = name.split()
        first = _fold(parts[0]) if len(parts) >= 2 else None
        return self._find(surname_key(name), first, 0)

    def canonical(self, pid: int) -> str:
        """The canonical name of a person: the most frequent full form, else the most frequent surname."""
        return self._persons[pid].canonical()

    def titles(self, pid: int) -> set[str]:
        """Title and role words seen before the person's name."""
        return self._persons[pid].titles

    def current_titles(self, pid: int) -> set[str]:
        """The title words of :meth:`titles` less those seen only after "former" ("Former Chief Minister B. S.
        Patil" no longer holds the office: "the chief minister" is someone else)."""
        p = self._persons[pid]
        return p.titles - (p.past - p.present)

    def gender(self, pid: int) -> str | None:
        """``male`` or ``female`` when an honorific or a first name told it, else None."""
        return self._persons[pid].gender

    def variants(self, pid: int) -> set[str]:
        """Every spelling of the person's name seen in the article."""
        return self._persons[pid].variants()

    def vouched(self, pid: int) -> bool:
        """Whether the person is seen with a first name, a title or an honorific somewhere in the article (a
        lone capitalised word never so seen -- "Buffalo", "Vote" -- may be no person at all)."""
        p = self._persons[pid]
        return bool(p.full_forms or p.titles or p.gender)

    def __len__(self) -> int:
        return len(self._persons)


@functools.lru_cache(maxsize=8192)
def _same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:2] != b[:2]:
        return False
    from rapidfuzz.fuzz import ratio  # imported here: importing this module stays cheap

    return ratio(a, b) >= _FUZZY_THRESHOLD

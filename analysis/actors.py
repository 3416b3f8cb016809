"""Actors: who takes part in a story, under which names, and in which camp.

An actors file is optional TOML beside the article (``actors.toml``), adding what rules cannot know: that
"the top US diplomat" is Antony Blinken, that "Moscow" and "the Kremlin" speak for Russia. Each actor is one
``[[actor]]`` table::

    [[actor]]
    name = "Antony Blinken"            # canonical name, used in every table
    type = "person"                    # person | group | place
    camp = "US"                        # optional
    aliases = ["Blinken", "Tony Blinken"]          # other names (matched as written, first letter either case)
    roles = ["the top US diplomat"]                # descriptions that refer to this actor
    adjectives = ["American"]                      # words that put a phrase in this camp ("American officials")

Without an actors file (or with an empty one) everything still works: persons are found and merged by the rules
in :mod:`analysis.speakers`, only the camps stay unknown. A person the file does not list gets the camp of the
description that names them in the article ("Kremlin spokesman Dmitry Peskov" -> the Kremlin's camp):
:func:`person_camps`, and :func:`article_actors` for the file as one article sees it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .articles import Article
from .data import read_toml, tomllib
from .speakers import PersonIndex, Token, find_names, surname_key, tokenize
from .text import parse

__all__ = [
    "MENTION_COLUMNS",
    "Actor",
    "Actors",
    "ActorsError",
    "actor_mention_rows",
    "actor_mentions",
    "article_actors",
    "article_persons",
    "default_actors_path",
    "doubtful_person_spans",
    "load_actors",
    "person_camps",
    "role_mention_rows",
    "unconfirmed_person_spans",
]

MENTION_COLUMNS = ["article", "actor", "camp", "mention", "start", "end", "sentence"]
_TYPES = ("person", "group", "place")


_CACHE_LIMIT = 20_000  # names cached per Actors set before the caches start over


class ActorsError(ValueError):
    """An actors file cannot be used; the message names the file, the problem and the fix."""


@dataclass(frozen=True)
class Actor:
    """One actor of a story: canonical name, type, camp, and the other ways the text refers to it."""

    name: str
    type: str = "person"
    camp: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()

    def surfaces(self) -> tuple[str, ...]:
        """Every string that names this actor in text: name, aliases and roles."""
        return (self.name, *self.aliases, *self.roles)


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(the|a|an)\s+")


@functools.lru_cache(maxsize=8192)
def _norm(phrase: str) -> str:
    phrase = _POSSESSIVE_END.sub("", phrase.strip())
    phrase = _SPACES.sub(" ", phrase).lower()
    return _ARTICLE.sub("", phrase)


_POSSESSIVE_INSIDE = re.compile(r"(?<=\w)['\u2019]s?(?!\w)")


@functools.lru_cache(maxsize=8192)
def _phrase_key(phrase: str) -> str:
    """:func:`_norm` with every possessive ending dropped, for finding a camp's words inside a phrase
    ("the Kremlin's spokesman" -> "kremlin spokesman")."""
    return _norm(_POSSESSIVE_INSIDE.sub("", phrase))


class Actors:
    """A set of actors with look-ups by any of their names. An empty set is valid and answers None."""

    def __init__(self, actors: Iterable[Actor] = (), *, source: Path | None = None,
                 sides: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> None:
        self.actors: tuple[Actor, ...] = tuple(actors)
        self.source = source
        #: The two sides the stance report compares, as camp lists (the file's ``[sides]``), if it names them.
        self.sides = sides
        self._by_surface: dict[str, Actor] = {}
        for actor in self.actors:
            for surface in actor.surfaces():
                self._by_surface.setdefault(_norm(surface), actor)
        # persons by the surname key of their name and aliases: (first word of that name, actor)
        self._by_surname: dict[str, list[tuple[str, int, Actor]]] = {}
        for actor in self.actors:
            if actor.type != "person":
                continue
            for surface in (actor.name, *actor.aliases):
                parts = surface.split()
                if parts:
                    key = surname_key(parts[-1])
                    self._by_surname.setdefault(key, []).append((_norm(parts[0]), len(parts), actor))
        self._lookups: dict[str, Actor | None] = {}  # answers are cached: the same names recur
        self._camps: dict[str, str | None] = {}

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def __repr__(self) -> str:
        return f"Actors({len(self.actors)} actors from {self.source})"

    def lookup(self, name: str) -> Actor | None:
        """The actor a name, alias or role refers to (exact, then by surname for persons), else None."""
        if not name or not self.actors:
            return None
        if name not in self._lookups:
            if len(self._lookups) >= _CACHE_LIMIT:  # one Actors serves a whole corpus: keep memory bounded
                self._lookups.clear()
            self._lookups[name] = self._lookup(name)
        return self._lookups[name]

    def _lookup(self, name: str) -> Actor | None:
        key = _norm(name)
        if key in self._by_surface:
            return self._by_surface[key]
        words = key.split()
        if not words or not words[-1][:1].isalpha():
            return None
        skey = surname_key(words[-1])
        if len(skey) < 3:
            return None
        for first, n_parts, actor in self._by_surname.get(skey, ()):
            if len(words) == 1 or n_parts == 1 or first == words[0]:
                return actor
        return None

    def canonical(self, name: str) -> str | None:
        """The canonical name for ``name`` (any alias, role, or surname spelling), or None if unknown."""
        actor = self.lookup(name)
        return actor.name if actor else None

    def camp_of(self, name: str) -> str | None:
        """The camp of an actor, or of a phrase that contains a known actor or camp adjective
        ("US officials" -> "US"); None when unknown."""
        if name not in self._camps:
            if len(self._camps) >= _CACHE_LIMIT:
                self._camps.clear()
            self._camps[name] = self._camp_of(name)
        return self._camps[name]

    def _camp_of(self, name: str) -> str | None:
        actor = self.lookup(name)
        if actor is not None:
            return actor.camp
        words = _phrase_key(name).split()
        if words and words[-1] in camp_roles()["against"]:
            return None  # "Kremlin critics", "Russian opponents": the camp's word names whom they oppose
        low = f" {' '.join(words)} "
        for surface, act in self._surface_list():
            if act.camp and f" {surface} " in low:
                return act.camp
        return None

    def camps_in(self, phrase: str) -> set[str]:
        """Every camp whose actor's name, alias, role or adjective occurs in ``phrase`` as whole words, a
        possessive counting as the word ("Ukraine's energy minister" -> {"Ukraine"})."""
        low = f" {_phrase_key(phrase)} "
        return {act.camp for surface, act in self._surface_list() if act.camp and f" {surface} " in low}

    @functools.cached_property
    def _surfaces_sorted(self) -> tuple[tuple[str, Actor], ...]:
        pairs = [(_phrase_key(s), a) for a in self.actors for s in (*a.surfaces(), *a.adjectives)]
        return tuple(sorted(((s, a) for s, a in pairs if s), key=lambda p: len(p[0]), reverse=True))

    def _surface_list(self) -> tuple[tuple[str, Actor], ...]:
        return self._surfaces_sorted

    @functools.cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One regular expression matching every name, alias and role (longest first), or None if empty."""
        surfaces = sorted({s for a in self.actors for s in a.surfaces() if s.strip()}, key=len, reverse=True)
        if not surfaces:
            return None
        grouped = _grouped_by_first_character(surfaces)
        if grouped is not None:
            return re.compile(grouped)
        alts = []
        for s in surfaces:
            body = re.escape(s).replace(r"\ ", r"\s+")
            if s[:1].isalpha():
                body = f"[{s[0].upper()}{s[0].lower()}]" + re.escape(s[1:]).replace(r"\ ", r"\s+")
            alts.append(body)
        return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def _grouped_by_first_character(surfaces: list[str]) -> str | None:
    r"""The alternation of :attr:`Actors.pattern` with the alternatives grouped under their first character
    (``[Tt](?:he\s+Kremlin|wo\s+officials)|[Bb](?:linken)``), behind a look-ahead for those characters: the
    same matches (at any position only one group can match, and each group keeps the alternatives' order), but
    the regular expression engine tests one character per group instead of every alternative at every
    position (about three times faster over an article). None when two groups could match the same
    character (a first letter whose case mapping is not one character) or a surface starts with a space."""
    groups: dict[str, list[str]] = {}
    chars: dict[str, set[str]] = {}
    for s in surfaces:
        first = s[0]
        if first.isspace():
            return None
        if first.isalpha():
            head, members = f"[{first.upper()}{first.lower()}]", set(first.upper() + first.lower())
        else:
            head, members = re.escape(first), {first}
        groups.setdefault(head, []).append(re.escape(s[1:]).replace(r"\ ", r"\s+"))
        chars[head] = members
    seen: set[str] = set()
    for members in chars.values():
        if seen & members or any(len(c) != 1 for c in members):
            return None
        seen |= members
    alternation = "|".join(f"{head}(?:{'|'.join(rest)})" for head, rest in groups.items())
    lookahead = "".join(re.escape(c) for c in sorted(seen))
    return rf"(?=[{lookahead}])(?<![\w-])(?:{alternation})(?![\w-])"


def default_actors_path(article_path: str | Path) -> Path:
    """The actors file that belongs to an article: ``actors.toml`` in the article's folder."""
    return Path(article_path).parent / "actors.toml"


@functools.lru_cache(maxsize=16)
def _load_cached(path: str, mtime: float) -> Actors:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ActorsError(f"{p}: not valid TOML ({exc}); fix the file (or move it away to analyse without one)") from None
    tables = data.get("actor", [])
    if not isinstance(tables, list):
        raise ActorsError(f"{p}: write each actor as an [[actor]] table with at least a name")
    actors = []
    for i, table in enumerate(tables, 1):
        if not isinstance(table, dict) or not str(table.get("name", "")).strip():
            raise ActorsError(f"{p}: actor #{i} has no name; give every [[actor]] a name = \"...\"")
        kind = str(table.get("type", "person"))
        if kind not in _TYPES:
            raise ActorsError(f"{p}: actor {table['name']!r} has type {kind!r}; use one of {', '.join(_TYPES)}")
        actors.append(Actor(
            name=str(table["name"]).strip(),
            type=kind,
            camp=str(table["camp"]) if table.get("camp") else None,
            aliases=tuple(str(a) for a in table.get("aliases", ())),
            roles=tuple(str(r) for r in table.get("roles", ())),
            adjectives=tuple(str(a) for a in table.get("adjectives", ())),
        ))
    return Actors(actors, source=p, sides=_sides(data.get("sides"), {a.camp for a in actors if a.camp}, p))


def _sides(table: object, camps: set[str], path: Path) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The file's ``[sides]`` table (``left = [camps]``, ``right = [camps]``), checked against its camps."""
    if table is None:
        return None
    fix = 'write [sides] with left = ["Camp A"] and right = ["Camp B", ...], naming camps of the actors'
    if not isinstance(table, dict) or set(table) != {"left", "right"}:
        raise ActorsError(f"{path}: [sides] must have exactly the keys left and right; {fix}")
    sides = []
    for key in ("left", "right"):
        value = table[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise ActorsError(f"{path}: [sides] {key} must be a list of camp names; {fix}")
        unknown = [v for v in value if v not in camps]
        if unknown:
            raise ActorsError(f"{path}: [sides] {key} names {', '.join(map(repr, unknown))}, which no actor has as "
                              f"camp (camps: {', '.join(sorted(camps)) or 'none'}); {fix}")
        sides.append(tuple(value))
    if set(sides[0]) & set(sides[1]):
        raise ActorsError(f"{path}: [sides] puts a camp on both sides; {fix}")
    return sides[0], sides[1]


def load_actors(path: str | Path | None = None) -> Actors:
    """Load an actors file; None or a missing file gives an empty (but working) :class:`Actors`.

    Raises:
        ActorsError: the file exists but is not valid TOML or an actor is malformed.
    """
    if path is None:
        return Actors()
    p = Path(path)
    if not p.is_file():
        return Actors()
    actors = _load_cached(str(p.resolve()), p.stat().st_mtime)
    from .display import register_camps  # distinct plot colours for this file's camps

    register_camps(a.camp for a in actors if a.camp)
    return actors


# A few articles only: every analysis of one article shares them (reports and corpus runs analyse an article at a
# time), and each article's tokens and names then die soon after it instead of living on through the garbage
# collector's generations (64 articles here cost a measurable share of the quotation extraction's time).
_ARTICLE_CACHE = 4


@functools.lru_cache(maxsize=_ARTICLE_CACHE)
def article_tokens(article: Article) -> tuple[list[Token], ...]:
    """The tokens of every body sentence, by sentence index (cached per article)."""
    return tuple(tokenize(article.text, s.start, s.end) for s in parse(article).sentences)


@functools.lru_cache(maxsize=_ARTICLE_CACHE)
def article_persons(article: Article) -> tuple[tuple, PersonIndex]:
    """Name mentions of every body sentence (as ``(sentence_index, NameMention)`` pairs) and the article's
    :class:`~analysis.speakers.PersonIndex` (cached per article)."""
    doc = parse(article)
    tokens = article_tokens(article)
    pairs = []
    for s in doc.sentences:
        for m in find_names(article.text, s.start, s.end, sentence_start=s.start, tokens=tokens[s.index]):
            pairs.append((s.index, m))
    return tuple(pairs), PersonIndex([m for _, m in pairs])


@functools.lru_cache(maxsize=1)
def camp_roles() -> dict[str, frozenset[str]]:
    """The word lists of ``analysis/data/camp_roles.toml`` (roles, modifiers, against), as lower-case sets."""

    data = read_toml("camp_roles.toml")
    return {key: frozenset(w.lower() for w in data[key]) for key in ("roles", "modifiers", "against")}


_DETERMINER = frozenset({"the", "a", "an"})
_OPEN_PUNCT = frozenset("\"\u201c\u2018'(\u2014\u2013-")
_APPOSITION_END = frozenset({",", ".", ";", ":", ")", "\u2014", "\u2013"})
_OF = frozenset({"of", "for", "to"})


def _word(tok: Token) -> str:
    """A token's lower-case word without a possessive ending ("Kremlin\u2019s" -> "kremlin")."""
    return _POSSESSIVE_INSIDE.sub("", tok[3])


def _description_before(tokens: list[Token], k: int) -> list[Token] | None:
    """The description right before the name at ``tokens[k]``: "Kremlin spokesman", "Polish Prime Minister",
    or "Ukraine's energy minister" before a comma when it opens the sentence ("Ukraine's energy minister, Herman
    Halushchenko, said"). The word next to the name (or comma) must be a role; before it, capitalised words,
    possessives and modifiers. None when there is none, or an ``against`` word voids it ("former ...")."""
    rules = camp_roles()
    j = k - 1
    comma = j >= 0 and tokens[j][0] == ","
    if comma:
        j -= 1
    if j < 0 or _word(tokens[j]) not in rules["roles"]:
        return None
    first = j
    while first > 0 and k - first < 8:
        tok = tokens[first - 1]
        word = _word(tok)
        if word in rules["against"]:
            return None
        if not (tok[4] or word in rules["modifiers"] or word in rules["roles"]):
            break
        first -= 1
    if comma:  # an apposition before the name: only as the sentence's subject, opening it
        i = first - 1
        if i >= 0 and tokens[i][3] in _DETERMINER:
            i -= 1
        if any(t[0] not in _OPEN_PUNCT for t in tokens[: i + 1]):
            return None
    words = tokens[first : j + 1]
    return None if any(_word(t) in rules["against"] for t in words) else words


def _description_after(tokens: list[Token], k: int) -> list[Token] | None:
    """The apposition right after the name that ends at ``tokens[k - 1]``: ", the Kremlin's spokesman," or ", a
    spokesman for the Polish government," (ending at a comma, full stop or the like)."""
    rules = camp_roles()
    n = len(tokens)
    if k >= n or tokens[k][0] != ",":
        return None
    j = k + 1
    if j < n and tokens[j][3] in _DETERMINER:
        j += 1
    start = j
    while j < n and j - start < 7:
        tok = tokens[j]
        word = _word(tok)
        if word in rules["against"]:
            return None
        if word in rules["roles"]:
            while j + 1 < n and _word(tokens[j + 1]) in rules["roles"]:
                j += 1  # "chief spokesman", "deputy minister"
            break
        if not (tok[4] or word in rules["modifiers"]):
            return None
        j += 1
    else:
        return None
    end = j + 1
    if end < n and tokens[end][3] in _OF:  # "a spokesman for the Polish government"
        end += 1
        if end < n and tokens[end][3] in _DETERMINER:
            end += 1
        owner = end
        while end < n and (tokens[end][4] or _word(tokens[end]) in rules["modifiers"]) and end - owner < 4:
            end += 1
        if end == owner:
            return None
    if end < n and tokens[end][0] not in _APPOSITION_END:
        return None
    words = tokens[start:end]
    return None if any(_word(t) in rules["against"] for t in words) else words


@functools.lru_cache(maxsize=_ARTICLE_CACHE)
def person_camps(article: Article, actors: Actors) -> dict[str, str]:
    """Camps of the persons the actors file does not list, from the descriptions that name them in the article.

    The actors file's promise -- its names, aliases and adjectives put a phrase in a camp -- holds for the
    description of a person too: "Kremlin spokesman Dmitry Peskov" is in the camp of the Kremlin's actor,
    "Ukrainian Foreign Minister Dmytro Kuleba" in the camp of the actor with the adjective "Ukrainian", "Ukraine's
    energy minister, Herman Halushchenko," and "Dmitry Peskov, the Kremlin's spokesman," likewise. The rules
    (word lists in ``analysis/data/camp_roles.toml``):

    * the description stands right before the name (title words included) or in apposition after it, and its
      word next to the name is a *role* that speaks for a side (minister, spokesman, official, ambassador,
      leader...; not "journalist" or "soldier", which say where someone is from, not whom they speak for);
    * between the camp's word and the role only capitalised words, possessives and *modifiers* ("energy",
      "foreign", "deputy") -- "Russian troops captured journalist X" gives X no camp;
    * an *against* word voids the description ("former Ukrainian President", "Russian opposition leader",
      "Kremlin critic"), and an apposition before the name counts only when it opens the sentence ("After
      talks with the Polish president, Jan Nowak said" says nothing of Nowak);
    * a person whose descriptions name two camps gets none; a person the actors file lists keeps the file's
      camp (or its absence).

    Args:
        article: the article.
        actors: the actors file's content (an empty file gives no camps).

    Returns:
        Canonical person name (as :func:`person_name` gives it) -> camp.
    """
    if not any(a.camp for a in actors.actors):
        return {}
    pairs, index = article_persons(article)
    tokens = article_tokens(article)
    found: dict[int, set[str]] = {}
    for sent, m in pairs:
        if m.kind != "person":
            continue
        pid = index.person_of(m)
        if pid is None:
            continue
        toks = tokens[sent]
        starts = [t[1] for t in toks]
        k = bisect.bisect_left(starts, m.name_start)
        e = bisect.bisect_left(starts, m.end)
        if k >= len(toks) or toks[k][1] != m.name_start:
            continue
        for words in (_description_before(toks, k), _description_after(toks, e)):
            if words:
                found.setdefault(pid, set()).update(actors.camps_in(" ".join(t[0] for t in words)))
    camps: dict[str, str] = {}
    for pid, found_camps in found.items():
        if len(found_camps) != 1:
            continue
        name = person_name(index, pid, actors)
        if actors.lookup(name) is None:
            camps[name] = next(iter(found_camps))
    return camps


class _ArticleActors(Actors):
    """An actors file's content seen from one article: :meth:`camp_of` also knows the camps
    :func:`person_camps` gives the article's persons. Shares the file's tables and caches."""

    def __init__(self, base: Actors, camps: dict[str, str]) -> None:
        self.__dict__.update(base.__dict__)
        self.base = base
        self.person_camps = camps

    def camp_of(self, name: str) -> str | None:
        """The file's camp for ``name`` (see :meth:`Actors.camp_of`), else the camp the article's descriptions
        give the person of that name."""
        camp = self.base.camp_of(name)
        return camp if camp is not None else self.person_camps.get(name)

    def __repr__(self) -> str:
        return f"Actors({len(self.actors)} actors from {self.source}, {len(self.person_camps)} persons' camps)"


@functools.lru_cache(maxsize=_ARTICLE_CACHE * 4)
def article_actors(article: Article, actors: Actors) -> Actors:
    """``actors`` as one article sees them: :meth:`Actors.camp_of` of the returned object also answers with
    the camps :func:`person_camps` finds for the article's persons ("Kremlin spokesman Dmitry Peskov" ->
    Russia). The same object when there are none (so per-(article, actors) caches keep hitting); stable for
    one (article, actors) pair. The quotation resolver and stance ask it for their speakers' camps."""
    if isinstance(actors, _ArticleActors):
        return actors
    camps = person_camps(article, actors)
    return _ArticleActors(actors, camps) if camps else actors


def person_name(index: PersonIndex, pid: int, actors: Actors) -> str:
    """The canonical name of a rule-found person, preferring the actors file's name."""
    if not actors.actors:  # an empty actors file knows no name: its canonical() answers None for each
        return index.canonical(pid)
    for variant in sorted(index.variants(pid), key=len, reverse=True):
        name = actors.canonical(variant)
        if name:
            return name
    return index.canonical(pid)


def _named_person(index: PersonIndex, pid: int, actors: Actors, camps: dict[str, str]) -> tuple[str, str | None]:
    """A rule-found person's name (:func:`person_name`) and camp: the actors file's, else the one the article's
    descriptions give (``camps``, from :func:`person_camps`). One rule for every row of a person's mention."""
    name = person_name(index, pid, actors)
    return name, actors.camp_of(name) or camps.get(name)


def actor_mentions(article: Article, actors: Actors | None = None) -> pd.DataFrame:
    """Every mention of a known actor or of a person in the body sentences.

    Args:
        article: the article.
        actors: an actors file's content; None means the ``actors.toml`` beside the article, if any.

    Returns:
        One row per mention: ``article, actor, camp, mention, start, end, sentence`` (``mention ==
        article.text[start:end]``). Known actors come from the actors file (names, aliases, roles such as
        "the Kremlin"); persons the rules find are added with their canonical name.
    """
    if actors is None:
        actors = load_actors(default_actors_path(article.path))
    return _actor_mentions(article, actors).copy()


@functools.lru_cache(maxsize=32)
def _actor_mentions(article: Article, actors: Actors) -> pd.DataFrame:
    """:func:`actor_mentions` for one (article, actors) pair, cached: the stance, timeline and quotes analyses
    of one article all ask for it."""
    rows = actor_mention_rows(article, actors)
    if not rows:
        return pd.DataFrame(list(rows), columns=MENTION_COLUMNS)
    data = {}
    for name, values in zip(MENTION_COLUMNS, zip(*rows)):
        data[name] = np.array(values, dtype=np.int64) if name in _INT_COLUMNS else string_array(list(values))
    return pd.DataFrame(data, columns=MENTION_COLUMNS, copy=False)


@functools.lru_cache(maxsize=32)
def actor_mention_rows(article: Article, actors: Actors) -> tuple[tuple, ...]:
    """The rows of :func:`actor_mentions` as tuples ``(article, actor, camp, mention, start, end, sentence)``,
    cached per (article, actors): for callers that walk the mentions (stance) without needing a DataFrame."""
    doc = parse(article)
    text = article.text
    rows: list[tuple] = []
    taken: list[tuple[int, int]] = []
    if actors.pattern is not None and doc.sentences:
        # one pass of the compiled alternation over the body, kept to matches inside a body sentence
        for m in actors.pattern.finditer(text, doc.sentences[0].start, doc.sentences[-1].end):
            s = doc.sentence_at(m.start())
            if s is None or m.end() > s.end:
                continue
            actor = actors.lookup(m.group())
            if actor is None:
                continue
            rows.append((article.id, actor.name, actor.camp, m.group(), m.start(), m.end(), s.index))
            taken.append((m.start(), m.end()))
    pairs, index = article_persons(article)
    camps = person_camps(article, actors)  # persons' camps from their descriptions ("Kremlin spokesman X")
    names: dict[int, tuple[str, str | None]] = {}
    starts = [a for a, _ in taken]  # taken is in text order
    for sent, m in pairs:
        pid = index.person_of(m)
        if pid is None:
            continue
        k = bisect.bisect_left(starts, m.end)
        if k and taken[k - 1][1] > m.name_start:
            continue  # inside a mention the actors file already gave
        if pid not in names:
            names[pid] = _named_person(index, pid, actors, camps)
        name, camp = names[pid]
        rows.append((article.id, name, camp, text[m.name_start:m.end], m.name_start, m.end, sent))
    return tuple(_merge_adjacent(sorted(rows, key=lambda r: (r[4], r[5])), text))


@functools.lru_cache(maxsize=1)
def role_descriptions() -> dict:
    """The word lists of ``analysis/data/role_descriptions.toml``: ``offices`` and ``ranks`` (lower-case sets)
    and ``abbreviations`` (abbreviated title -> office)."""
    data = read_toml("role_descriptions.toml")
    return {"offices": frozenset(data["offices"]), "ranks": frozenset(data["ranks"]),
            "abbreviations": dict(data["abbreviations"])}


_ROLE_FILLERS = frozenset({"top", "senior"})  # title words that say nothing of the office held


def _role_holders(index: PersonIndex, pairs: tuple) -> tuple[dict[int, frozenset[str]], dict[int, int]]:
    """Each person's current title words (abbreviations spelt out: "sen" -> "senator") and the offset of the
    person's first mention."""
    rules = role_descriptions()
    abbreviations = rules["abbreviations"]
    held: dict[int, frozenset[str]] = {}
    first: dict[int, int] = {}
    for _, m in pairs:
        pid = index.person_of(m)
        if pid is None:
            continue
        if pid not in held:
            titles = index.current_titles(pid) - _ROLE_FILLERS
            held[pid] = frozenset(abbreviations.get(t, t) for t in titles)
        first[pid] = min(first.get(pid, m.start), m.start)
    return {pid: t for pid, t in held.items() if t & rules["offices"]}, first


def _role_phrase(tokens: list[Token], i: int) -> int | None:
    """The index of the office noun ending a definite role description that starts with "the" at
    ``tokens[i]`` ("the minister", "the health minister", "the prime minister"), or None. Not when a name or
    a complement follows ("the Prime Minister Tom Hale", "the mayor of Leeds"): another person or office."""
    offices = role_descriptions()["offices"]
    n = len(tokens)
    for j in range(i + 1, min(n, i + 4)):
        word = _word(tokens[j])
        if not word.isalpha():
            return None
        if word in offices:
            if word != tokens[j][3]:
                return j  # "the senator's plan"
            if j + 1 < n:
                nxt = tokens[j + 1]
                if (nxt[4] and nxt[0].isalpha()) or _word(nxt) in offices:
                    return None
                if nxt[3] in _OF and j + 2 < n and (tokens[j + 2][4] or tokens[j + 2][3] in _DETERMINER):
                    return None  # "the mayor of Leeds", "the minister for the environment"; not "of wasting"
            return j
        if word != tokens[j][3]:
            return None  # a possessive inside: "the country's minister"
    return None


@functools.lru_cache(maxsize=32)
def role_mention_rows(article: Article, actors: Actors) -> tuple[tuple, ...]:
    """Definite role descriptions that stand for the one person the article introduced with that role, as
    rows like :func:`actor_mention_rows`' (``mention`` is the description: "the minister").

    "Health Minister Caroline Dunmore ... A spokesperson confirmed that he backs the minister": "the minister"
    is Dunmore's mention. The rules (word lists in ``analysis/data/role_descriptions.toml``):

    * the description is "the", at most two words, then an office noun ("the minister", "the health minister",
      "the prime minister"), with no name or "of"/"for" complement after it ("the mayor of Leeds");
    * its person holds every word of it among the title words before the person's name
      (:meth:`~analysis.speakers.PersonIndex.current_titles`: a "former" holder holds the office no more), and
      both have the same *rank* words: "the prime minister" is not Health Minister Dunmore, "the minister" not
      Prime Minister Hale, "the mayor" not Deputy Mayor Ruiz;
    * exactly one person of the article holds it (two ministers: "the minister" is no one's), and that person
      is named before the description;
    * a span the actors file already gives (a listed role such as "the Kremlin") stays the file's.

    Args:
        article: the article.
        actors: the actors file's content (names the person as :func:`person_name` does, gives the camp).

    Returns:
        Rows ``(article, actor, camp, mention, start, end, sentence)`` in text order.
    """
    pairs, index = article_persons(article)
    if not pairs:
        return ()
    holders, first = _role_holders(index, pairs)
    if not holders:
        return ()
    rules = role_descriptions()
    ranks, abbreviations = rules["ranks"], rules["abbreviations"]
    taken = sorted((r[4], r[5]) for r in actor_mention_rows(article, actors))
    starts = [a for a, _ in taken]
    text = article.text
    camps = person_camps(article, actors)
    rows: list[tuple] = []
    for s, toks in zip(parse(article).sentences, article_tokens(article)):
        for i, tok in enumerate(toks):
            if tok[3] != "the":
                continue
            j = _role_phrase(toks, i)
            if j is None:
                continue
            words = frozenset(abbreviations.get(w, w) for w in (_word(t) for t in toks[i + 1 : j + 1]))
            rank = words & ranks
            found = [pid for pid, held in holders.items() if words <= held and held & ranks == rank]
            if len(found) != 1:
                continue  # no holder, or two: never guess between them
            pid = found[0]
            a, b = tok[1], toks[j][1] + len(_POSSESSIVE_INSIDE.sub("", toks[j][0]))
            if first[pid] >= a:
                continue
            k = bisect.bisect_left(starts, b)
            if k and taken[k - 1][1] > a:
                continue
            name, camp = _named_person(index, pid, actors, camps)
            rows.append((article.id, name, camp, text[a:b], a, b, s.index))
    return tuple(rows)


# What may stand before a sentence's first word: spaces, quotation marks, brackets, dashes, and a live blog's time
# stamp ("12:05 p.m.: Rail operator Northline says ...", "10:45 - Rainfall is expected").
_OPENING = re.compile(
    r"[\s\"\u201c\u2018'(\[\u2014\u2013-]*"
    r"(?:(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)\s*(?:[A-Z]{2,4}\s*)?[:\u2014\u2013-]"
    r"[\s\"\u201c\u2018'(\[\u2014\u2013-]*)?", re.IGNORECASE)
# A lone capitalised word after these is a place ("homes in Harrogate", "between Leeds and York").
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|inside|across|around|throughout|between)\s+$", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+$")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# A number after the word that is no quantity: the name of a thing or an organisation ("Local 12", "Terminal 3",
# "Gate No. 4", "Fortune 500"; not "gave Patriot 13 percent", "HuffPollster 4.3 points").
_NUMBER_AFTER = re.compile(
    r"\s+(?:No\.\s*)?\d[\d,.]*(?![\d%]|[,.]\d|\s*(?:percent|per\s+cent|points?|percentage|million|billion|trillion|"
    r"thousand|hundred|dollars|euros|pounds|years?|months?|weeks?|days?|hours?|minutes?|times|votes|seats)\b)")


def doubtful_person_spans(article: Article, actors: Actors) -> frozenset[tuple[int, int]]:
    """Offsets of rule-found one-word "persons" that are most likely no one, for the analyses to leave out:
    stance (no judgement of "Stadiums" or "Leeds") and the timeline's ``actors`` (no "Rainfall: expected"), which
    would rather miss a name than show a common word, a town or a union local as a person.

    The person rules (:mod:`analysis.speakers`) take a lone capitalised word for a surname. A mention is a
    candidate when its person is not vouched for (``PersonIndex.vouched``: never seen with a first name, title or
    honorific), it is the only word of every spelling of its name, the word is no first name (``first_names.tsv``:
    "Tom is a real visionary") and no mention of the person is an actors-file name. A candidate is dropped when

    * it opens its sentence -- after any quotation mark, bracket, dash or a live blog's time stamp ("12:05 p.m.:
      Rail operator Northline says", "4:55 p.m.: Rainfall is expected") -- and the person is seen nowhere but at
      sentence openings (what the person rules mean by a lone first word not confirmed elsewhere; they miss a
      sentence that opens with a quotation mark), or the word is ordinary (:func:`_is_ordinary`: it or a word of
      its Porter stem occurs in lower case in the article, or it is in VADER's lexicon: "Stadiums almost never
      pay", "People will come", "Closing depots ... the firm closed two"); a word capitalised in mid-sentence is
      left alone ("outside Harbours of the North"); or
    * a number that is no quantity follows it ("Local 12 of the dockworkers' union", "Terminal 3", "Fortune 500";
      not "gave Patriot 13 percent"): part of the name of a thing or an organisation; or
    * it follows a locative preposition ("homes in Harrogate", "between Leeds"; not "at": "digs at Trump") or is
      coordinated with such a word ("and York"): a place, unless it heads a longer name ("outside Harbours of
      the North, a port group"). A possessive counts too: more often a town ("the lead in Flint's water") than
      a person ("faith in Obama's word", lost when Obama is never named in full or with a title).

    Stance and the timeline both use these rules (places are no stance targets either: "Northline -> Leeds -1"
    was a bogus judgement). :func:`actor_mention_rows` keeps every mention: the callers drop these spans.

    Args:
        article: the article.
        actors: the actors file's content (its names are never dropped).

    Returns:
        ``(start, end)`` offsets of the dropped mentions, as in :func:`actor_mention_rows`.
    """
    return _person_doubts(article, actors)[0]


def unconfirmed_person_spans(article: Article, actors: Actors) -> frozenset[tuple[int, int]]:
    """Offsets of every rule-found person mention that the article never confirms as a name: the candidates of
    :func:`doubtful_person_spans` (a lone capitalised word, never with a first name, title or honorific, no
    first name itself, not in the actors file), dropped or not ("the Leopard tanks", "stealing from Medicaid",
    "the Chesham by-election"). Stance's target-sentiment signal judges no such word: a sentence's tone toward
    a thing or a town is no stance."""
    return _person_doubts(article, actors)[1]


@functools.lru_cache(maxsize=32)
def _person_doubts(article: Article, actors: Actors) -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
    """(dropped, candidates) of :func:`doubtful_person_spans`."""
    from .speakers import name_rules

    empty: frozenset[tuple[int, int]] = frozenset()
    pairs, index = article_persons(article)
    if not pairs:
        return empty, empty
    doc = parse(article)
    text = article.text
    by_person: dict[int, list[tuple]] = {}
    for sent, m in pairs:
        if m.kind != "person" or m.titles or " " in m.name:
            continue
        pid = index.person_of(m)
        if pid is None or index.vouched(pid):
            continue
        opening = _OPENING.fullmatch(text, doc.sentences[sent].start, m.name_start) is not None
        by_person.setdefault(pid, []).append((m, opening))
    if not by_person:
        return empty, empty
    first_names = name_rules()["first_names"]
    known = bool(actors.actors)
    lower_words: set[str] | None = None
    dropped: set[tuple[int, int]] = set()
    candidates: list[tuple[int, int]] = []
    for pid, mentions in by_person.items():
        if any(" " in v for v in index.variants(pid)):
            continue
        if any(m.name.lower() in first_names for m, _ in mentions):
            continue  # a first name alone is still a name
        if known and any(actors.canonical(m.name) for m, _ in mentions):
            continue
        only_openings = all(opening for _, opening in mentions)
        for m, opening in mentions:
            candidates.append((m.name_start, m.end))
            if _NUMBER_AFTER.match(text, m.end):
                dropped.add((m.name_start, m.end))
            elif opening:
                if not only_openings:
                    if lower_words is None:
                        lower_words = {t[3] for tokens in article_tokens(article) for t in tokens if not t[4]}
                    if not _is_ordinary(m.name, lower_words):
                        continue
                dropped.add((m.name_start, m.end))
    places: list[int] = []  # ends of the place mentions, for "between Leeds and York"
    for start, end in sorted(candidates):
        if _OF_AFTER.match(text, end):
            continue  # the head of a longer name ("outside Harbours of the North, a port group")
        before = text[max(0, start - 14) : start]
        if _PLACE_BEFORE.search(before) or (places and _AND_BEFORE.fullmatch(text, places[-1], start)):
            dropped.add((start, end))
            places.append(end)
    return frozenset(dropped), frozenset(candidates)


def _is_ordinary(word: str, lower_words: set[str]) -> bool:
    """Whether a capitalised word is an ordinary word: it (or a word of the same Porter stem: "Stadiums" and
    "stadium", "Closing" and "closed") occurs in lower case in the article, or it is in VADER's lexicon."""
    from .targeted import (  # the target-sentiment model's stemmer and lexicon reader
        porter_stem,
        vader_lexicon,
    )

    low = word.lower()
    if low in lower_words or low in vader_lexicon():
        return True
    key = porter_stem(low) if low.isalpha() else low
    return any((porter_stem(w) if w.isalpha() else w) == key for w in lower_words if w[:2] == low[:2])


_INT_COLUMNS = frozenset({"start", "end", "sentence"})


@functools.lru_cache(maxsize=1)
def _inferred_string_dtype() -> object:
    """The dtype pandas infers for a column of strings and Nones (``str`` on pyarrow in pandas 3)."""
    return pd.Series(["x", None]).dtype


def string_array(values: list[str | None]) -> object:
    """The array pandas would infer for a column of strings and Nones, built without inference: ``object``
    when every value is None (as inference gives), else the inferred string dtype (straight from a pyarrow
    array when pandas stores strings in pyarrow). The per-article tables (quotations, actor mentions) build
    their frames from such arrays: several times faster than letting the constructor infer each column."""
    if values.count(None) == len(values):
        return np.array(values, dtype=object)
    dtype = _inferred_string_dtype()
    if getattr(dtype, "storage", None) == "pyarrow" and getattr(dtype, "na_value", None) is not pd.NA:
        import pyarrow as pa

        return pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(values, type=pa.large_string())]), dtype=dtype)
    return pd.array(values, dtype=dtype) if dtype != object else np.array(values, dtype=object)


def _merge_adjacent(rows: list[tuple], text: str) -> list[tuple]:
    """Join a role and a name of one actor that stand side by side ("NATO Secretary General" + "Jens
    Stoltenberg") into one mention."""
    merged: list[tuple] = []
    for row in rows:
        if merged:
            last = merged[-1]
            if last[1] == row[1] and last[6] == row[6] and row[4] >= last[5] and not text[last[5]:row[4]].strip():
                merged[-1] = (*last[:3], text[last[4]:row[5]], last[4], row[5], last[6])
                continue
            if row[4] < last[5]:
                continue  # overlapping mention of the same span: keep the first (actors file) one
        merged.append(row)
    return merged

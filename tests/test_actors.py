"""Tests for analysis.actors and the name rules of analysis.speakers (texts written here)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_article
from analysis.actors import (
    MENTION_COLUMNS,
    Actor,
    Actors,
    ActorsError,
    actor_mentions,
    default_actors_path,
    doubtful_person_spans,
    load_actors,
)
from analysis.articles import Article
from analysis.speakers import PersonIndex, find_names, surname_key

from .conftest import SEED

ACTORS_TOML = """
[[actor]]
name = "Karl Weber"
camp = "Left"
aliases = ["Weber"]
roles = ["the finance minister"]

[[actor]]
name = "Freedonia"
type = "place"
camp = "Right"
aliases = ["Fredville", "the Palace"]
adjectives = ["Freedonian"]
"""


def _article(body: str, path: str = "/nonexistent/t.txt") -> Article:
    return Article(id="t", path=Path(path), text=body)


def test_missing_or_none_actors_file_gives_a_working_empty_set(tmp_path):
    for actors in (load_actors(None), load_actors(tmp_path / "nope.toml")):
        assert len(actors) == 0
        assert actors.canonical("Karl Weber") is None
        assert actors.camp_of("Karl Weber") is None
        assert actors.pattern is None


def test_default_actors_path_is_beside_the_article():
    assert default_actors_path("/a/b/story.txt") == Path("/a/b/actors.toml")


def test_load_actors_and_look_ups(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(ACTORS_TOML, encoding="utf-8")
    actors = load_actors(path)
    assert len(actors) == 2
    assert actors.canonical("Weber") == "Karl Weber"
    assert actors.canonical("Webber") is None or actors.canonical("Webber") == "Karl Weber"
    assert actors.canonical("The finance minister") == "Karl Weber"
    assert actors.canonical("Weber\u2019s") == "Karl Weber"
    assert actors.camp_of("the Palace") == "Right"
    assert actors.camp_of("Freedonian officials") == "Right"
    assert actors.camp_of("Martian officials") is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[actor]]\nname = 'x'\ntype = 'robot'\n", "use one of person, group, place"),
        ("[[actor]]\ncamp = 'x'\n", "has no name"),
        ("[[actor]\nname = 'x'\n", "not valid TOML"),
        ("[sides]\nleft = ['A']\nright = ['B']\n[[actor]]\nname = 'x'\ncamp = 'A'\n", "names 'B', which no actor"),
        ("[sides]\nleft = ['A']\n[[actor]]\nname = 'x'\ncamp = 'A'\n", "exactly the keys left and right"),
        ("[sides]\nleft = ['A']\nright = []\n[[actor]]\nname = 'x'\ncamp = 'A'\n", "right must be a list"),
        ("[sides]\nleft = ['A']\nright = ['A']\n[[actor]]\nname = 'x'\ncamp = 'A'\n", "on both sides"),
    ],
)
def test_bad_actors_files_say_what_to_do(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorsError, match=message):
        load_actors(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Minister Antony Blinken spoke.", [("person", "Antony Blinken", ("foreign", "minister"))]),
        ("NATO Secretary General Jens Stoltenberg spoke.",
         [("person", "Jens Stoltenberg", ("nato", "secretary", "general"))]),
        ("It was made by the Asia-Pacific Economic Cooperation Forum.",
         [("organisation", "Asia-Pacific Economic Cooperation Forum", ())]),
        ("He flew to Bangkok and then to New York.", [("place", "Bangkok", ()), ("place", "New York", ())]),
        ("A Soviet-era missile hit the Ukrainian town.", []),
        # a place name as a surname, an honorific before a title word, a lower-case hyphen part, a suffix
        ("Rep. Jim Jordan spoke.", [("person", "Jim Jordan", ("rep",))]),
        ("Mr. King spoke.", [("person", "King", ("mr",))]),
        ("Ban Ki-moon spoke.", [("person", "Ban Ki-moon", ())]),
        ("Then Vann R. Newkirk II spoke.", [("person", "Vann R. Newkirk", ())]),
        # a party and state code is not a person
        ("Then Kay Olsen (R-Ohio) spoke.", [("person", "Kay Olsen", ()), ("organisation", "R-Ohio", ())]),
    ],
)
def test_find_names(text, expected):
    got = [(m.kind, m.name, m.titles) for m in find_names(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("Zelenskyy", "Zelensky"), ("Zelenskyi", "Zelensky"), ("Zelenskyy\u2019s", "Zelensky"), ("Müller", "Muller")],
)
def test_surname_keys_fold_spelling_variants(a, b):
    assert surname_key(a) == surname_key(b)


def test_person_index_merges_variants_and_keeps_namesakes_apart():
    text = ("Volodymyr Zelenskyy met Hillary Clinton. Zelensky and Bill Clinton talked. Zelenskyi left. "
            "Later Clinton spoke.")
    mentions = find_names(text)
    index = PersonIndex(mentions)
    names = {index.canonical(index.person_of(m)) for m in mentions if index.person_of(m) is not None}
    assert names == {"Volodymyr Zelenskyy", "Hillary Clinton", "Bill Clinton"}
    z = index.person_named("Zelenskyi")
    assert index.variants(z) == {"Volodymyr Zelenskyy", "Zelensky", "Zelenskyi"}


def test_actor_mentions_with_an_actors_file(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(ACTORS_TOML, encoding="utf-8")
    body = "The finance minister Karl Weber visited Fredville. Weber met Anna Berg at the Palace."
    df = actor_mentions(_article(body, str(tmp_path / "story.txt")))
    assert list(df.columns) == MENTION_COLUMNS
    got = [(a, c if isinstance(c, str) else None, m) for a, c, m in zip(df["actor"], df["camp"], df["mention"])]
    assert got == [
        ("Karl Weber", "Left", "The finance minister Karl Weber"),
        ("Freedonia", "Right", "Fredville"),
        ("Karl Weber", "Left", "Weber"),
        ("Anna Berg", None, "Anna Berg"),
        ("Freedonia", "Right", "the Palace"),
    ]
    for r in df.itertuples():
        assert body[r.start:r.end] == r.mention


def test_actor_mentions_without_an_actors_file_finds_persons():
    body = "Karl Weber visited Paris. Later Weber met Anna Berg."
    df = actor_mentions(_article(body), Actors())
    assert list(zip(df["actor"], df["mention"])) == [("Karl Weber", "Karl Weber"), ("Karl Weber", "Weber"),
                                                     ("Anna Berg", "Anna Berg")]
    assert df["camp"].isna().all()


def test_seed_actor_mentions_cover_camps():
    article = load_article(SEED)
    df = actor_mentions(article)
    camps = set(df["camp"].dropna())
    assert {"Ukraine", "US", "NATO", "Russia", "Poland"} <= camps
    moscow = df[df["mention"] == "Moscow"]
    assert list(moscow["actor"]) == ["Russia"]
    assert "Kyiv" in set(df[df["actor"] == "Ukraine"]["mention"])
    assert set(df[df["actor"] == "Volodymyr Zelenskyy"]["mention"]) >= {"Zelensky", "Zelenskyi", "Zelenskyy",
                                                                       "the Ukrainian leader"}


def test_person_index_takes_gender_from_first_names():
    mentions = find_names("Karen Holm met Peter Lind and Alex Moor. Mrs. Sand came too.")
    index = PersonIndex(mentions)
    genders = {index.canonical(index.person_of(m)): index.gender(index.person_of(m)) for m in mentions}
    assert genders == {"Karen Holm": "female", "Peter Lind": "male", "Alex Moor": None, "Sand": "female"}


def test_seed_western_leaders_form_the_west_camp():
    df = actor_mentions(load_article(SEED))
    west = df[df["mention"].str.startswith("Western")]
    assert set(west["actor"]) == {"Western officials"} and set(west["camp"]) == {"West"}


def test_actor_mentions_are_cached_but_return_a_fresh_frame(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(ACTORS_TOML, encoding="utf-8")
    article = _article("Karl Weber visited Fredville on Monday.", str(tmp_path / "story.txt"))
    first = actor_mentions(article)
    first.loc[:, "actor"] = "changed"
    again = actor_mentions(article)
    assert list(again["actor"]) == ["Karl Weber", "Freedonia"]


def test_actor_objects_can_be_built_in_code():
    actors = Actors([Actor("Karl Weber", aliases=("Weber",))])
    assert actors.canonical("weber") == "Karl Weber"


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        ("Karl Weber visited Paris. Later Weber met Anna Berg.", Actors()),  # camp all null
        ("The top banker spoke. Karl Weber left.",
         Actors([Actor("Karl Weber", "person", "Left", roles=("the top banker",))])),  # camps filled
        ("The bridge opened on Monday.", Actors()),  # no rows
    ],
)
def test_mention_columns_have_the_dtypes_pandas_infers(body, actors):
    # the frame is built from typed arrays for speed: the same values and dtypes as a frame from plain rows
    df = actor_mentions(_article(body), actors)
    rows = [tuple(None if pd.isna(v) else v for v in row) for row in df.itertuples(index=False)]
    plain = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    assert list(df.dtypes.astype(str)) == list(plain.dtypes.astype(str))
    pd.testing.assert_frame_equal(df, plain)


def test_sides_name_the_camps_the_stance_report_compares(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text("[sides]\nleft = ['Harbour']\nright = ['City', 'Port']\n"
                    "[[actor]]\nname = 'Ana Reyes'\ncamp = 'Harbour'\n[[actor]]\nname = 'Tom Cole'\ncamp = 'City'\n"
                    "[[actor]]\nname = 'Port Authority'\ntype = 'group'\ncamp = 'Port'\n", encoding="utf-8")
    assert load_actors(path).sides == (("Harbour",), ("City", "Port"))
    path.write_text("[[actor]]\nname = 'Ana Reyes'\ncamp = 'Harbour'\n", encoding="utf-8")
    assert load_actors(path).sides is None


@pytest.mark.parametrize(
    ("body", "doubtful", "kept"),
    [
        # A common word opening a live blog's entry after its time stamp, seen nowhere else.
        ("Storms hit the coast.\n\n9:10 a.m.: Hailstones are falling on the pier, said Tom Gale.",
         ["Hailstones"], ["Tom Gale"]),
        ("Storms hit the coast.\n\n2:05 p.m.: Ferry firm Seaways says crossings are off.", ["Ferry"], []),
        # After an opening quotation mark, seen nowhere else.
        ('Tom Gale spoke. "Puddles are everywhere," he said.', ["Puddles"], ["Tom Gale"]),
        # A place: after a locative preposition, or coordinated with one.
        ("Power failed in Dunmore and later between Kelby and Arnside, Tom Gale said.",
         ["Dunmore", "Kelby", "Arnside"], ["Tom Gale"]),
        # An ordinary word opening a sentence, also seen in lower case (by its Porter stem) or in VADER's lexicon.
        ('"Harbours are full," said Tom Gale. Ships wait for Harbours, a port group. The harbour is shut.',
         ["Harbours"], ["Tom Gale"]),  # one of the two: the mid-sentence one is left alone
        ('"Misery is everywhere," said Tom Gale. Critics met Misery on Monday.', ["Misery"], ["Tom Gale"]),
        # A word and a number that is no quantity: a thing or an organisation; a quantity after a name is fine.
        ("Members of Local 9 walked out, Tom Gale said. Local 9 voted.", ["Local", "Local"], ["Tom Gale"]),
        ("The poll gave Brackley 13 percent, Tom Gale said. Brackley smiled.", [], ["Brackley"]),
        # Kept: the head of a longer name after a locative preposition.
        ("Tom Gale spoke. Ships wait outside Harbours of the North.", [], ["Harbours"]),
        # Kept: a vouched name, a surname seen with its first name, "at" + name.
        ("Mayor Dunmore spoke. Dunmore said the pier was shut.", [], ["Dunmore"]),
        ("Tom Gale spoke. Gale said more. The crowd laughed at Gale.", [], ["Gale"]),
    ],
)
def test_doubtful_person_spans(body: str, doubtful: list[str], kept: list[str]) -> None:
    article = _article(body)
    spans = doubtful_person_spans(article, Actors())
    assert sorted(body[s:e] for s, e in spans) == sorted(doubtful)
    mentions = set(actor_mentions(article, Actors())["mention"])
    assert set(kept) <= mentions - {body[s:e] for s, e in spans}


def test_doubtful_person_spans_keep_actors_file_names(tmp_path) -> None:
    (tmp_path / "actors.toml").write_text('[[actor]]\nname = "Dunmore"\ntype = "group"\n', encoding="utf-8")
    article = _article("Power failed in Dunmore, Tom Gale said.")
    assert doubtful_person_spans(article, load_actors(tmp_path / "actors.toml")) == frozenset()


# A made-up world for persons' camps: the file lists places and a palace, no persons.
CAMPS = Actors([
    Actor("Freedonia", "place", "Freedonia", aliases=("Fredville", "the Palace"), adjectives=("Freedonian",)),
    Actor("Sylvania", "place", "Sylvania", aliases=("Sylvan City", "the Citadel"), adjectives=("Sylvanian",)),
    Actor("Rufus Firefly", "person", None, aliases=("Firefly",)),
])


def _person_camp(text: str, name: str) -> str | None:
    from analysis.actors import article_actors, person_camps

    article = _article(text)
    camp = person_camps(article, CAMPS).get(name)
    assert article_actors(article, CAMPS).camp_of(name) == camp  # what quotes and stance ask
    mentions = actor_mentions(article, CAMPS)
    rows = mentions[mentions["actor"] == name]
    assert not rows.empty
    assert set(rows["camp"].dropna()) == ({camp} if camp else set())
    return camp


@pytest.mark.parametrize(("text", "name", "camp"), [
    # a title with the camp's adjective, an alias before a role, a possessive in an opening apposition
    ("Freedonian Foreign Minister Ada Vance told reporters the talks had failed.", "Ada Vance", "Freedonia"),
    ("Palace spokesman Ivo Renner said the border stayed closed. Renner declined to say more.", "Ivo Renner",
     "Freedonia"),
    ("Freedonia's energy minister, Lev Ostrov, said repairs could take weeks.", "Lev Ostrov", "Freedonia"),
    ("Sylvanian Prime Minister Nora Kell said Sylvania was ready.", "Nora Kell", "Sylvania"),
    # an apposition after the name, with a possessive or "for the ..."
    ("Ivo Renner, the Citadel\u2019s chief spokesman, said the border stayed closed.", "Ivo Renner", "Sylvania"),
    ("Ivo Renner, a spokesman for the Sylvanian government, said the border stayed closed.", "Ivo Renner",
     "Sylvania"),
    ("Mila Grant, Sylvania's ambassador, said nothing.", "Mila Grant", "Sylvania"),
    # no camp: a description that says where someone is from, not whom they speak for
    ("Freedonian journalist Ada Vance said the talks had failed.", "Ada Vance", None),
    ("Sylvanian troops detained reporter Ada Vance on Monday.", "Ada Vance", None),
    # no camp: a former holder, the opposition, a critic
    ("Former Freedonian President Ada Vance said the talks had failed.", "Ada Vance", None),
    ("Freedonian opposition leader Ada Vance said the talks had failed.", "Ada Vance", None),
    ("Palace critic Ada Vance said the talks had failed.", "Ada Vance", None),
    # no camp: the apposition before the comma is not about the name after it
    ("After talks with the Sylvanian president, Ada Vance said the border would open.", "Ada Vance", None),
    # no camp: two camps named
    ("Freedonian envoy Ada Vance met Sylvanian officials. Ada Vance, Sylvania's adviser, said so.", "Ada Vance",
     None),
])
def test_person_camp_from_the_description_that_names_them(text, name, camp):
    assert _person_camp(text, name) == camp


def test_actors_file_camp_of_a_listed_person_stands():
    """The file lists Rufus Firefly without a camp: a description does not give him one."""
    from analysis.actors import person_camps

    article = _article("Freedonian President Rufus Firefly said the war was on.")
    assert "Rufus Firefly" not in person_camps(article, CAMPS)
    assert set(actor_mentions(article, CAMPS)["camp"].dropna()) <= {"Freedonia"}


@pytest.mark.parametrize(("phrase", "camp"), [
    ("Freedonia's foreign ministry", "Freedonia"),  # a possessive counts as the word
    ("the Citadel\u2019s officials", "Sylvania"),
    ("Freedonian officials", "Freedonia"),
    ("Palace critics", None),  # the camp's word names whom they oppose
    ("Sylvanian opposition", None),
])
def test_camp_of_a_phrase(phrase, camp):
    assert CAMPS.camp_of(phrase) == camp

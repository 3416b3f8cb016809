"""Tests for analysis.quotes: one short text per construction, written here (no dataset text)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_article
from analysis.actors import Actor, Actors, load_actors
from analysis.articles import Article
from analysis.quotes import QUOTE_COLUMNS, SPEAKER_COLUMNS, extract_quotes, speakers_table, unresolved

from .conftest import SEED

NO_ACTORS = load_actors(None)


def _article(body: str) -> Article:
    return Article(id="t", path=Path("/nonexistent/t.txt"), text=body)


def _quotes(body: str, actors: Actors | None = NO_ACTORS) -> pd.DataFrame:
    return extract_quotes(_article(body), actors=actors)


def _row(df: pd.DataFrame, fragment: str) -> pd.Series:
    hits = df[df["text"].str.contains(fragment, regex=False)]
    assert len(hits) == 1, f"expected one row containing {fragment!r}, got:\n{df[['kind', 'text', 'speaker']]}"
    return hits.iloc[0]


@pytest.mark.parametrize(
    ("body", "fragment", "kind", "speaker", "resolution", "cue"),
    [
        # inverted frame after a quotation
        ("\u201cThe bridge will open in May,\u201d said Jane Holloway.", "bridge will open", "direct",
         "Jane Holloway", "name", "said"),
        # name + multi-word cue after the quotation
        ("\u201cWe are ready,\u201d Holloway told reporters on Monday.", "We are ready", "direct", "Holloway",
         "name", "told reporters"),
        # title before the name
        ("\u201cThe numbers do not add up,\u201d Finance Minister Karl Weber said.", "numbers do not", "direct",
         "Karl Weber", "title", "said"),
        # introduced by a colon after a participle: the subject of the main clause speaks
        ("Anna Berg spoke on Friday, telling an audience in Lyon: \u201cWe will not give up now.\u201d",
         "We will not give up", "direct", "Anna Berg", "name", "telling an audience"),
        # straight quotation marks
        ('"The plan is dead," said Karl Weber.', "The plan is dead", "direct", "Karl Weber", "name", "said"),
        # pronoun resolved to the nearest subject
        ("Senator Mark Olsen arrived late. \u201cThis is a disgrace,\u201d he said.", "disgrace", "direct",
         "Mark Olsen", "pronoun", "said"),
        # relative clause
        ("The mayor met Anna Berg, who told reporters that the plan \u201cwill save lives and money.\u201d",
         "will save lives", "direct", "Anna Berg", "relative clause", "told reporters"),
        # anonymous source
        ("\u201cThe talks are over,\u201d a senior government official said.", "talks are over", "direct",
         "a senior government official", "anonymous", "said"),
        # a person familiar with ...: anonymous, inverted, indirect
        ("The missile came from the east, said a person familiar with the investigation.", "missile came",
         "indirect", "a person familiar with the investigation", "anonymous", "said"),
        # group source, belief verb
        ("Western diplomats believe the ceasefire will not hold.", "ceasefire will not hold", "indirect",
         "Western diplomats", "group", "believe"),
        # indirect: X said that ...
        ("Karl Weber said that the budget would be cut by a third.", "budget would be cut", "indirect",
         "Karl Weber", "name", "said"),
        # indirect: ..., X said.
        ("The budget will be cut by a third, Karl Weber said.", "budget will be cut", "indirect", "Karl Weber",
         "name", "said"),
        # according to
        ("The budget will be cut by a third, according to Karl Weber.", "budget will be cut", "indirect",
         "Karl Weber", "name", "according to"),
        # denial and accusation verbs
        ("Karl Weber denied that the ministry had lost the files.", "ministry had lost", "indirect", "Karl Weber",
         "name", "denied"),
        ("Karl Weber accused the opposition of spreading rumours.", "opposition of spreading", "indirect",
         "Karl Weber", "name", "accused"),
        # mixed: quoted fragment inside reported speech (the row is the whole reported clause)
        ("Karl Weber said the deal was \u201cdead on arrival\u201d and would not come back to parliament.",
         "dead on arrival", "mixed", "Karl Weber", "name", "said"),
        # apposition
        ("Karl Weber, the finance minister, said the budget would be cut.", "budget would be cut", "indirect",
         "Karl Weber", "apposition", "said"),
    ],
)
def test_constructions(body, fragment, kind, speaker, resolution, cue):
    row = _row(_quotes(body), fragment)
    assert (row["kind"], row["speaker"], row["resolution"], row["cue"]) == (kind, speaker, resolution, cue)


def test_offsets_are_exact():
    body = ("Karl Weber arrived late. \u201cThe plan is dead,\u201d he said. \u201cWe start again.\u201d\n\n"
            "Anna Berg said the vote was \u201ca farce\u201d and left.")
    article = _article(body)
    df = extract_quotes(article, actors=NO_ACTORS)
    assert list(df.columns) == QUOTE_COLUMNS
    assert not df.empty
    for r in df.itertuples():
        assert article.text[r.start:r.end] == r.text
        if pd.notna(r.mention_start):
            assert article.text[r.mention_start:r.mention_end] == r.mention
        if pd.notna(r.cue_start):
            assert article.text[r.cue_start:r.cue_end] == r.cue


def test_quotation_continued_in_the_same_paragraph_keeps_its_speaker():
    df = _quotes("\u201cThe plan is dead,\u201d said Karl Weber. \u201cWe will start again in spring.\u201d")
    row = _row(df, "start again")
    assert (row["speaker"], row["kind"]) == ("Karl Weber", "direct")


def test_quotation_over_several_paragraphs_is_one_quotation():
    body = ("Karl Weber addressed parliament on Monday.\n\n"
            "\u201cWe have cut spending in every ministry and we will keep doing so.\n\n"
            "\u201cNobody should doubt that the budget will balance next year,\u201d he said.")
    row = _row(_quotes(body), "cut spending")
    assert "Nobody should doubt" in row["text"]
    assert (row["kind"], row["speaker"]) == ("direct", "Karl Weber")


@pytest.mark.parametrize(
    "body",
    [
        "\u201cThe plan is dead, said Karl Weber. The vote was held on Monday.",  # never closed
        "The plan is dead,\u201d said Karl Weber. The vote was held on Monday.",  # never opened
        '"The plan is dead, said Karl Weber.\n\n"We go on," he added. "Really.',  # straight, odd count
        "\u201c\u201c\u201d\u201d \u201d \u201c",
    ],
)
def test_unbalanced_marks_never_abort(body):
    df = _quotes(body)
    assert list(df.columns) == QUOTE_COLUMNS
    for r in df.itertuples():
        assert body[r.start:r.end] == r.text


def test_unclosed_quotation_runs_to_the_end_of_its_paragraph():
    body = "Karl Weber said: \u201cThe plan is dead and we start again.\n\nThe vote was held on Monday."
    row = _row(_quotes(body), "plan is dead")
    assert row["text"].endswith("start again.") or row["text"].endswith("start again")
    assert row["speaker"] == "Karl Weber"


def test_scare_quotes_and_titles_are_not_quotations():
    df = _quotes("The so-called \u201creset\u201d failed, and the film \u201cBlue Harbour\u201d closed early.")
    assert df.empty


def test_article_without_quotes_gives_an_empty_table():
    df = _quotes("The bridge opened on Monday. Traffic was light.")
    assert df.empty and list(df.columns) == QUOTE_COLUMNS
    table = speakers_table(df)
    assert table.empty and list(table.columns) == SPEAKER_COLUMNS


def test_spelling_variants_are_one_speaker_without_an_actors_file():
    body = ("Ukrainian President Volodymyr Zelenskyy spoke in Kyiv. Zelensky said the army would hold. "
            "\u201cWe will not retreat,\u201d Zelenskyi told reporters. Later the Ukrainian leader said the "
            "talks were over.")
    df = _quotes(body)
    assert set(df["speaker"]) == {"Volodymyr Zelenskyy"}
    assert len(df) == 3


def test_actors_file_adds_role_aliases_and_camps():
    actors = Actors([Actor("Karl Weber", "person", "Left", aliases=("Weber",), roles=("the top banker",)),
                     Actor("Freedonia", "place", "Right", aliases=("Fredville",))])
    df = _quotes("\u201cRates will rise,\u201d the top banker said. Fredville said the rates would fall.", actors)
    assert list(df["speaker"]) == ["Karl Weber", "Freedonia"]
    assert list(df["camp"]) == ["Left", "Right"]
    assert list(df["resolution"]) == ["role alias", "group"]


def test_unresolved_and_speakers_table():
    body = ("\u201cThe plan is dead,\u201d said Karl Weber. Karl Weber said the vote was lost.\n\n"
            "The session ended early.\n\n"
            "\u201cThis is a long quotation that nobody in this paragraph could have said out loud.\u201d")
    df = _quotes(body)
    left = unresolved(df)
    assert list(left["text"]) == ["This is a long quotation that nobody in this paragraph could have said out loud"]
    table = speakers_table(df)
    assert list(table.columns) == SPEAKER_COLUMNS
    weber = table[table["speaker"] == "Karl Weber"].iloc[0]
    assert (weber["direct"], weber["indirect"], weber["words"]) == (1, 1, 8)
    assert weber["variants"] == "Karl Weber"


def test_seed_twelve_quotations_with_their_speakers():
    article = load_article(SEED)
    df = extract_quotes(article)
    expected = {
        "We have been in regular contact": "Antony Blinken",
        "no doubt it wasn\u2019t our missile": "Volodymyr Zelenskyy",
        "Russia is responsible": "Antony Blinken",
        "What we see every day now": "Antony Blinken",
        "I don\u2019t know 100 percent": "Volodymyr Zelenskyy",
        "that\u2019s not evidence": "Joe Biden",
        "no evidence": "Jens Stoltenberg",
        "Ukraine has the right to defend itself": "Antony Blinken",
        "what we do now": "Antony Blinken",
        "shape the path of the 21st century": "Antony Blinken",
        "to unlock economic opportunities": "Katherine Tai",
        "The central message of their comments": "a senior administration official",
    }
    quoted = df[df["kind"].isin(["direct", "mixed"])]
    for fragment, speaker in expected.items():
        hits = quoted[quoted["text"].str.contains(fragment, regex=False)]
        assert len(hits) == 1, fragment
        assert hits.iloc[0]["speaker"] == speaker, fragment
    assert quoted["resolution"].isin(["pronoun", "relative clause"]).sum() >= 4
    # the pasted related-article headlines are no quotations
    for headline in ("says NATO", "Biden denies Zelenskyy claims", "Biden skips forum"):
        assert not df["text"].str.contains(headline, regex=False).any()


@pytest.mark.parametrize(
    ("fragment", "speaker", "cue"),
    [
        ("this week\u2019s deadly rocket blast", "Antony Blinken", "denied"),
        ("Moscow of putting immense pressure", "Antony Blinken", "accused"),
        ("to send more military aid", "Antony Blinken", "vowed"),
        ("he disagreed with his assessment", "Joe Biden", "said"),
        ("they were simply acting", "US officials", "said"),
        ("including information showing", "a person familiar with new intelligence reports", "said"),
        ("it was a misguided Ukrainian", "Western officials", "believe"),
        ("the United States is trying to use trade policy", "Katherine Tai", "told reporters"),
    ],
)
def test_seed_indirect_speech(fragment, speaker, cue):
    df = extract_quotes(load_article(SEED))
    row = _row(df, fragment)
    assert (row["speaker"], row["cue"]) == (speaker, cue)

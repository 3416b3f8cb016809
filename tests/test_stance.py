"""Tests for analysis.stance: every signal on sentences written here, negation, framing, offsets, the seed."""

from __future__ import annotations

import math
import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from analysis import load_article
from analysis.actors import Actor, Actors
from analysis.articles import Article
from analysis.stance import (
    FRAMING_COLUMNS,
    NARRATOR,
    STANCE_COLUMNS,
    camp_sides,
    connotation_of,
    framing,
    mention_sentiment,
    plot_camp_sides,
    plot_framing,
    plot_stance_heatmap,
    stance,
    stance_matrix,
)

from .conftest import SEED

matplotlib.use("Agg")

# A made-up world: two countries (Nordland, Ostria), their leaders and officials.
ACTORS = Actors([
    Actor("Ivo Varga", "person", "Ostria", aliases=("Varga",), roles=("the Ostrian leader",)),
    Actor("Ostria", "place", "Ostria", aliases=("Ostra",), adjectives=("Ostrian",)),
    Actor("Lena Lund", "person", "Nordland", aliases=("Lund",)),
    Actor("Piet Hale", "person", "Nordland", aliases=("Hale", "President Hale")),
    Actor("Nordland", "place", "Nordland", aliases=("Nordic Union",), adjectives=("Nordish",)),
    Actor("Karst", "place", "Karst", aliases=("Karstograd",), adjectives=("Karstian",)),
    Actor("Mira Sol", "person", "Karst", aliases=("Sol",)),
])
NO_QUOTES = pd.DataFrame(columns=["start", "end", "speaker", "camp", "cue", "cue_start", "cue_end"])


def _article(text: str) -> Article:
    return Article(id="t", path=Path("/nonexistent/t.txt"), text=text)


def _quote(text: str, content: str, speaker: str, camp: str | None, cue: str) -> dict:
    start = text.index(content)
    cue_start = text.index(cue)
    return {"start": start, "end": start + len(content), "speaker": speaker, "camp": camp, "cue": cue,
            "cue_start": cue_start, "cue_end": cue_start + len(cue)}


def _judgements(text: str, quotes: list[dict] | None = None) -> set[tuple[str, str, int, str]]:
    article = _article(text)
    df = stance(article, actors=ACTORS, quotes=pd.DataFrame(quotes) if quotes else NO_QUOTES)
    df = df[df["signal"] != "target_sentiment"]
    return set(zip(df["source"], df["target"], df["polarity"], df["signal"]))


@pytest.mark.parametrize(("text", "expected"), [
    # disagreement: a possessive pronoun object resolves to the nearest earlier actor that is not the source
    ("When President Hale was asked about Varga’s claims, he said he disagreed with his assessment.",
     ("Piet Hale", "Ivo Varga", -1, "disagreement")),
    # reported disagreement: the subject of the cue is the source, not the reporter
    ("Officials said Lund disagreed with Varga on the timing.", ("Lena Lund", "Ivo Varga", -1, "disagreement")),
    ("Lund made a rare public break with the Ostrian leader on Monday.",
     ("Lena Lund", "Ivo Varga", -1, "disagreement")),
    ("Nordish officials broke with Varga over the plan.", ("Nordland officials", "Ivo Varga", -1, "disagreement")),
    ("Varga blamed Karst. Lund said there was no evidence for that.",
     ("Ivo Varga", "Karst", -1, "blame")),
    ("Varga insisted the shell was Karstian. Lund said there was no evidence of it.",
     ("Lena Lund", "Ivo Varga", -1, "disagreement")),
    # agreement
    ("Lund agreed with Varga on the border question.", ("Lena Lund", "Ivo Varga", 1, "agreement")),
    ("Lund endorsed Varga’s assessment of the blast.", ("Lena Lund", "Ivo Varga", 1, "agreement")),
    # blame
    ("Lund accused Karstograd of shelling the villages.", ("Lena Lund", "Karst", -1, "blame")),
    ("Varga said the fire was caused by a Karstian drone.", ("Ivo Varga", "Karst", -1, "blame")),
    # support
    ("Hale vowed to send more military aid to help Ostria.", ("Piet Hale", "Ostria", 1, "support")),
    ("Lund pledged support for Ostria at the summit.", ("Lena Lund", "Ostria", 1, "support")),
])
def test_cue_signals(text, expected):
    assert expected in _judgements(text)


@pytest.mark.parametrize(("text", "source", "target", "signal"), [
    ("Lund did not accuse Karstograd of anything.", "Lena Lund", "Karst", "blame"),
    ("Lund never disagreed with Varga.", "Lena Lund", "Ivo Varga", "disagreement"),
    ("Hale refused to pledge support for Ostria.", "Piet Hale", "Ostria", "support"),
    ("Officials asked whether Lund disagreed with Varga.", "Lena Lund", "Ivo Varga", "disagreement"),
])
def test_negated_and_hedged_cues_are_kept_with_polarity_zero(text, source, target, signal):
    article = _article(text)
    df = stance(article, actors=ACTORS, quotes=NO_QUOTES)
    rows = df[(df["source"] == source) & (df["target"] == target) & (df["signal"] == signal)]
    assert len(rows) == 1
    assert rows["polarity"].iloc[0] == 0
    assert rows["score"].iloc[0] == 0.0
    # the cue span starts at the negation or the hedge
    assert rows["cue"].iloc[0].split()[0].lower() in {"not", "never", "refused", "whether"}


def test_cue_inside_a_quotation_belongs_to_its_speaker():
    text = "“Karst is responsible for what happened,” said Lund. “We pledge to support Ostria,” she added."
    quotes = [_quote(text, "Karst is responsible for what happened,", "Lena Lund", "Nordland", "said"),
              _quote(text, "We pledge to support Ostria,", "Lena Lund", "Nordland", "added")]
    found = _judgements(text, quotes)
    assert ("Lena Lund", "Karst", -1, "blame") in found
    assert ("Lena Lund", "Ostria", 1, "support") in found
    assert not any(source == NARRATOR and signal in {"blame", "support"} for source, _, _, signal in found)


def test_quoted_only_cues_need_a_quotation():
    text = "Karst is raining missiles on Ostria."
    assert not any(signal == "blame" for *_, signal in _judgements(text))
    quotes = [_quote(text + " Lund said.", "Karst is raining missiles on Ostria.", "Lena Lund", "Nordland", "said")]
    assert ("Lena Lund", "Karst", -1, "blame") in _judgements(text + " Lund said.", quotes)


def test_between_cue_links_both_sides():
    found = _judgements("There were conflicting statements between Varga and Lund this week.")
    assert {("Ivo Varga", "Lena Lund", -1, "disagreement"), ("Lena Lund", "Ivo Varga", -1, "disagreement")} <= found


@pytest.mark.parametrize(("text", "speaker", "lemma", "connotation"), [
    ("Varga rambles on about his plan for the border.", "Ivo Varga", "ramble on", "dismissive"),
    ("Varga backtracked on Friday.", "Ivo Varga", "backtrack", "dismissive"),
    ("Lund said the talks went well.", "Lena Lund", "say", "neutral"),
    ("Sol, who told reporters the talks went well, left early.", "Mira Sol", "tell reporters", "neutral"),
    ("Hale admitted the figures were wrong.", "Piet Hale", "admit", "concession"),
    ("Varga claimed the drone was Karstian.", "Ivo Varga", "claim", "doubt"),
    ("Lund slammed the decision.", "Lena Lund", "slam", "hostile"),
])
def test_framing_verbs(text, speaker, lemma, connotation):
    df = framing(_article(text), actors=ACTORS, quotes=NO_QUOTES)
    assert (speaker, lemma, connotation) in set(zip(df["speaker"], df["lemma"], df["connotation"]))


def test_framing_skips_passives_and_words_inside_quotations():
    text = "Hale was asked about the blast. “Varga rambles on,” Lund said."
    quotes = [_quote(text, "Varga rambles on,", "Lena Lund", "Nordland", "said")]
    df = framing(_article(text), actors=ACTORS, quotes=pd.DataFrame(quotes))
    assert list(zip(df["speaker"], df["lemma"])) == [("Lena Lund", "say")]


def test_framing_becomes_narrator_stance():
    df = stance(_article("Varga rambles on about the plan. Lund said it was fine."), actors=ACTORS, quotes=NO_QUOTES)
    framed = df[df["signal"] == "framing"].set_index("target")
    assert framed.loc["Ivo Varga", "source"] == NARRATOR
    assert framed.loc["Ivo Varga", "polarity"] == -1
    assert framed.loc["Lena Lund", "polarity"] == 0


@pytest.mark.parametrize(("cue", "expected"), [
    ("rambles on", ("ramble on", "dismissive")),
    ("told reporters", ("tell reporters", "neutral")),
    ("he said", ("say", "neutral")),
    ("slammed", ("slam", "hostile")),
    ("conceded", ("concede", "concession")),
    ("alleges", ("allege", "doubt")),
    ("backtracking", ("backtrack", "dismissive")),
    ("whispered", ("whispered", "unlisted")),
])
def test_connotation_of(cue, expected):
    assert connotation_of(cue) == expected


def test_offsets_columns_and_score_range():
    text = ("Lund accused Karstograd of lying. Varga rambles on about the drone. "
            "Hale vowed to send more military aid to help Ostria, and Lund did not accuse Varga of anything.")
    article = _article(text)
    df = stance(article, actors=ACTORS, quotes=NO_QUOTES)
    assert list(df.columns) == STANCE_COLUMNS
    assert len(df) >= 3
    for row in df.itertuples():
        assert text[row.start:row.end] == row.evidence
        assert text[row.cue_start:row.cue_end] == row.cue
        assert -1.0 <= row.score <= 1.0 and row.polarity in (-1, 0, 1)
    f = framing(article, actors=ACTORS, quotes=NO_QUOTES)
    assert list(f.columns) == FRAMING_COLUMNS
    for row in f.itertuples():
        assert text[row.cue_start:row.cue_end] == row.cue
        assert text[row.start:row.end] == row.evidence


def test_works_without_actors_file_or_quotes():
    article = _article("The weather was mild on Tuesday. Nobody said much about it.")
    df = stance(article, actors=None, quotes=NO_QUOTES)
    assert list(df.columns) == STANCE_COLUMNS
    assert df.empty
    assert list(mention_sentiment(article, actors=None, quotes=NO_QUOTES).columns)
    fig = plot_stance_heatmap(df)
    assert fig.axes


def test_works_with_rule_found_persons_and_no_actors_file():
    text = "Senator Alma Ruiz accused Governor Tomas Brenner of lying about the budget."
    df = stance(_article(text), actors=Actors(), quotes=NO_QUOTES)
    row = df[df["signal"] == "blame"].iloc[0]
    assert (row["source"], row["polarity"]) == ("Alma Ruiz", -1)
    assert "Brenner" in row["target"]


def _mentions(text: str) -> pd.DataFrame:
    """Every actor mention a sentence's sentiment is scored toward (neutral ones too), with no actors file."""
    return mention_sentiment(_article(text), actors=Actors())


@pytest.mark.parametrize(("text", "not_names", "names"), [
    # a plural common noun opening a quotation: the sentence's first word, capitalised anyway
    (("\u201cFerries almost never run on time,\u201d said Professor Ada Quint of Hollow College. She said the "
      "ferry timetable was fiction."), {"Ferries"}, {"Ada Quint"}),
    ('"Voters forgive almost anything," Bruno Castell said on Monday.', {"Voters"}, {"Bruno Castell"}),
    # an -ing form opening a quotation, its stem in lower case elsewhere ("closed")
    ('"Closing depots does not fix a morale problem," said analyst Pia Moreau. The firm closed two depots.',
     {"Closing"}, {"Pia Moreau"}),
    # an opening bracket or dash is no different
    ("(Wherever the money went, nobody has said.) Hugo Brandt declined to comment.", {"Wherever"},
     {"Hugo Brandt"}),
    # a union local: a word and a number name a thing or an organisation, not a person
    ("Local 9 of the bakers\u2019 union backed the strike, said Rosa Imbert. Members of Local 9 voted on Friday.",
     {"Local"}, {"Rosa Imbert"}),
    ('"Local 9 will not back down," said Rosa Imbert, its president.', {"Local"}, {"Rosa Imbert"}),
    ("The strike was called by Local 9, Rosa Imbert said.", {"Local"}, {"Rosa Imbert"}),
    # real one-word names stay names: confirmed where no sentence opens with them
    ("Varland and Osterby traded accusations on Friday. Osterby rejected the claim, Marta Bell said.", set(),
     {"Osterby", "Marta Bell"}),
    ('"Osterby lied to us," said Marta Bell. Officials in Osterby disagreed.', set(), {"Osterby", "Marta Bell"}),
    # a first name alone is a name
    ('"Tom is a real visionary," said Greta Lind, who worked with him for years.', set(), {"Tom", "Greta Lind"}),
])
def test_sentence_opening_ordinary_words_are_not_names(text, not_names, names):
    df = _mentions(text)
    assert not set(df["mention"]) & not_names
    assert names <= set(df["target"])


def test_ordinary_word_also_capitalised_in_mid_sentence():
    """A word also written in lower case is no name where it opens a sentence; capitalised in mid-sentence
    (a title, a proper name) it is left alone."""
    text = ('"Harbours are full," said Ines Faro. Ships wait outside Harbours of the North, a port group, and '
            "the harbours cannot take them.")
    starts = set(_mentions(text)["mention_start"])
    assert text.index("Harbours") not in starts
    assert text.index("Harbours of") in starts


def test_okafor_is_not_for_stadiums():
    """The audit's case: with the ordinary word gone, no judgement of the quotation's first word remains."""
    text = ('"Stadiums almost never pay for themselves," said Professor Janet Okafor of Eastfield University, '
            "who has studied such deals. The city will build a stadium anyway.")
    df = stance(_article(text), actors=Actors())
    assert "Stadiums" not in set(df["target"])
    assert not ((df["source"] == "Janet Okafor") & (df["polarity"] > 0)).any()


def test_stance_matrix_and_sides():
    df = pd.DataFrame({
        "source": ["A", "A", "B", NARRATOR], "source_camp": ["X", "X", "Y", None],
        "target": ["B", "B", "A", "A"], "target_camp": ["Y", "Y", "X", "X"], "polarity": [-1, 0, 1, -1],
        "cue": ["c1", "c2", "c3", "c4"],
    })
    m = stance_matrix(df)
    assert m.loc["A", ("count", "B")] == 2
    assert m.loc["A", ("mean_polarity", "B")] == pytest.approx(-0.5)
    assert m.loc["B", ("count", "A")] == 1
    by_camp = stance_matrix(df, by="camp")
    assert by_camp.loc[NARRATOR, ("mean_polarity", "X")] == -1
    sides = camp_sides(df, left=("X",), right=("Y",)).set_index("source")
    assert sides.loc["A", "side"] == "X"  # against Y counts for the other side
    assert sides.loc["B", "side"] == "X"
    with pytest.raises(ValueError, match="actor"):
        stance_matrix(df, by="speaker")
    fig = plot_stance_heatmap(df)
    assert any("2" in t.get_text() for t in fig.axes[0].texts)


def test_seed_article_acceptance():
    """The issue's measured stances on the seed article, each with its evidence."""
    article = load_article(SEED)
    df = stance(article)
    cues = df[df["signal"] != "target_sentiment"]

    def has(source: str, target: str, polarity: int, signal: str | None = None, cue: str | None = None) -> bool:
        rows = cues[(cues["source"] == source) & (cues["target"] == target) & (cues["polarity"] == polarity)]
        if signal:
            rows = rows[rows["signal"] == signal]
        if cue:
            rows = rows[rows["cue"].str.contains(cue, regex=False)]
        return not rows.empty

    z = "Volodymyr Zelenskyy"
    assert has("Joe Biden", z, -1, "disagreement", "disagreed with")
    assert has("Jens Stoltenberg", z, -1, "disagreement", "no evidence")
    assert has("US officials", z, -1, "disagreement", "break with")
    assert has("NATO officials", z, -1, "disagreement", "break with")
    assert has("Antony Blinken", "Russia", -1, "blame")
    assert has("Antony Blinken", "Ukraine", 1, "support")
    assert has(z, "Russia", -1, "blame", "caused by")
    assert has(NARRATOR, z, -1, "framing", "rambles on")
    assert has(NARRATOR, z, -1, "framing", "backtracked")
    framed = framing(article)
    us = framed[framed["camp"] == "US"]
    assert not us.empty and set(us["connotation"]) <= {"neutral", "hostile", "unlisted"}
    assert (us["connotation"] == "neutral").mean() > 0.7
    for row in df.itertuples():
        assert article.text[row.start:row.end] == row.evidence
        assert article.text[row.cue_start:row.cue_end] == row.cue


@pytest.mark.parametrize(
    "text",
    [
        "critics disagreed with his assessment, and a rare public break with the party followed.",
        "officials said there is no credible evidence; the minister was not responsible for the attack.",
        "they vowed to send more military aid to help, and blamed moscow's 'aggression' for it.",
        "he's responsible for nothing. we stand with them, in line with the pledge to support kyiv.",
        "the disagreements between the two were held largely responsible by analysts - at odds with reality.",
        "he was at\u00a0odds with them; the minister\u2019s responsible for it, an\u2003open break with kyiv.",
        "\u00e9lan and anger: they dismissed it and the\u2002president\u2019s aides are to blame for it",
    ],
)
def test_cue_dispatch_finds_what_the_cue_regex_finds(text):
    """The first-character and first-three-characters dispatch of the cue regex finds the same matches, cue
    names and spans (non-ASCII spaces and apostrophes included)."""
    from analysis.stance import _cue_matches, _rules

    rules = _rules()
    assert rules.dispatch is not None
    for start, end in [(0, len(text)), (5, len(text) - 7), (len(text) // 2, len(text))]:
        expected = [(m.span(), m.lastgroup) for m in rules.regex.finditer(text, start, end)]
        got = [(m.span(), m.lastgroup) for m in _cue_matches(rules, text, start, end)]
        assert got == expected
    assert any(True for _ in _cue_matches(rules, text, 0, len(text)))  # each text holds cues


def test_first_chars_of_patterns():
    from analysis.stance import _first_chars, _regex_internals

    _parser = _regex_internals()[0]

    assert _first_chars(_parser.parse("(?:ab|c[de])x?")) == ({"a", "c"}, False)
    assert _first_chars(_parser.parse("(?:a )?b")) == ({"a", "b"}, False)
    assert _first_chars(_parser.parse(r"\w+")) == (None, False)
    assert _first_chars(_parser.parse("(?=x)y")) == ({"y"}, False)
    assert _first_chars(_parser.parse("a?")) == ({"a"}, True)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:ab|c[de])x?", {"ab", "abx", "cd", "cdx", "ce", "cex"}),
        ("(?:a )?bc", {"a b", "bc"}),
        ("ab(?=x)", {"ab"}),
        ("a(?:b|c)*d", {"ad", "abb", "abc", "abd", "acb", "acc", "acd"}),
        ("a.b", {"a"}),
        (r"a\db", {f"a{d}b" for d in "0123456789"}),
        (r"x\sy", {"x y", "x\ty", "x\ny", "x\ry", "x\x0by", "x\x0cy", "x\x1cy", "x\x1dy", "x\x1ey", "x\x1fy"}),
    ],
)
def test_prefixes_of_patterns(pattern, expected):
    from analysis.stance import _prefixes, _regex_internals

    got = _prefixes(_regex_internals()[0].parse(pattern), 3)
    assert {text for text, _ in got} == expected


@pytest.mark.parametrize(
    ("prefixes", "text", "matches"),
    [
        ({"ab", "abc", "cd"}, "abx", True),
        ({"ab", "abc", "cd"}, "cdx", True),
        ({"ab", "abc", "cd"}, "acd", False),
        ({"a b", "a c", "x"}, "a c", True),
        ({"a b", "a c", "x"}, "a d", False),
    ],
)
def test_trie_regex(prefixes, text, matches):
    from analysis.stance import _trie_regex

    assert (re.match(_trie_regex(prefixes), text) is not None) == matches


def test_with_actor_is_replace() -> None:
    """The pronoun resolution's copy with another actor is ``_Mention._replace`` field for field."""
    from analysis.stance import _Mention, _with_actor

    pron = _Mention(10, 12, "he", None, None, 3, "pronoun", True, False, True, -1)
    ante = _Mention(0, 5, "Smith", "Smith", "Blue", 2, "name", True, True, False, 1)
    assert _with_actor(pron, ante) == pron._replace(actor="Smith", camp="Blue")
    assert _Mention._fields == (
        "start", "end", "text", "actor", "camp", "sentence", "kind", "person", "possessive", "after_prep", "quote")


def test_camp_sides_plot_marks_a_mean_of_zero():
    sides = pd.DataFrame({"source": ["A", "B"], "source_camp": [None, None], "toward_left": [0.0, -1.0],
                          "toward_right": [float("nan"), 0.0], "n": [2, 3], "side": ["neither", "Y"],
                          "evidence": ["", ""]})
    fig = plot_camp_sides(sides, left="X", right="Y")
    marked = [(x, y) for line in fig.axes[0].lines if line.get_marker() == "D"
              for x, y in zip(line.get_xdata(), line.get_ydata())]
    assert sorted(marked) == [(0.0, -0.2), (0.0, 1.2)]  # A toward X, B toward Y; no mark where there is no judgement


@pytest.mark.parametrize(("plot", "message"), [
    (lambda: plot_stance_heatmap(pd.DataFrame(columns=STANCE_COLUMNS)), "No stance judgements in this article."),
    (lambda: plot_camp_sides(pd.DataFrame(), left="X", right="Y"), "No source takes a stance toward these camps."),
    (lambda: plot_framing(pd.DataFrame(columns=FRAMING_COLUMNS)), "No reporting cues tied to an actor in this article."),
])
def test_an_empty_plot_says_why_under_its_title(plot, message):
    fig = plot()
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == [message]
    assert ax.get_title()  # the reader still sees which plot is empty
    assert not ax.axison


@pytest.mark.parametrize("text", [
    "Tom Reyes lamented that the deal was a shameful disaster and a betrayal of every worker.",
    "Tom Reyes joked that the deal was a wonderful triumph and a great victory for every worker.",
])
def test_a_speakers_own_words_are_no_judgement_of_the_speaker(text):
    """The tone of what Reyes says is not the narrator's stance toward Reyes (the target-sentiment model reads
    the whole sentence's words)."""
    article = _article(text)
    judged = stance(article, actors=Actors())
    assert not ((judged["target"] == "Tom Reyes") & (judged["signal"] == "target_sentiment")).any()
    scored = mention_sentiment(article, actors=Actors())
    assert (scored.loc[scored["target"] == "Tom Reyes", "polarity"] != 0).any()  # the mention table keeps it


def _sentiment_judgements(text: str) -> set[tuple[str, str]]:
    df = stance(_article(text), actors=ACTORS)
    df = df[df["signal"] == "target_sentiment"]
    return set(zip(df["source"], df["target"]))


@pytest.mark.parametrize(("text", "absent", "kept"), [
    # a speaker's own camp in their words is what they speak for, not whom they judge
    ("Lund warned that Nordland faced a terrible, brutal winter of shortages.", ("Lena Lund", "Nordland"), None),
    # a place where something happens, or to which it happens, is not judged; a place as subject still is
    ("Ostrian drones destroyed two power plants near Karstograd, killing dozens of people.",
     (NARRATOR, "Karst"), None),
    ("Ostra fired a barrage of missiles at Karstograd, wounding hundreds and killing nine.",
     (NARRATOR, "Karst"), (NARRATOR, "Ostria")),
    # a lone capitalised word never confirmed as a name is a thing (here a tank), not a target
    ("Hale said Nordland would send its Panther tanks to the front despite terrible losses.",
     ("Piet Hale", "Panther"), None),
    # a person is still judged
    ("Lund said Varga was a liar and a disgrace to his country.", ("Lena Lund", "Lena Lund"), ("Lena Lund", "Ivo Varga")),
])
def test_target_sentiment_judges_persons_and_actors_not_own_camp_places_or_things(text, absent, kept):
    judged = _sentiment_judgements(text)
    assert absent not in judged
    if kept:
        assert kept in judged
    assert not any(source == "Piet Hale" and target == "Nordland" for source, target in judged)  # own camp


def test_mention_sentiment_keeps_every_mention():
    """The rules above are about judgements: the mention table still scores the place and the thing."""
    text = "Hale said Nordland would send its Panther tanks to the front despite terrible losses."
    scored = mention_sentiment(_article(text), actors=ACTORS)
    assert {"Nordland", "Panther"} <= set(scored["mention"])


def test_a_persons_camp_from_their_description_reaches_stance():
    """Nobody lists Dara Pell: 'Ostrian envoy' puts her in Ostria's camp, as source and as target."""
    text = ("Ostrian envoy Dara Pell said the talks had collapsed. Lund accused Pell of lying about the border.")
    df = stance(_article(text), actors=ACTORS)
    assert set(df.loc[df["source"] == "Dara Pell", "source_camp"].dropna()) <= {"Ostria"}
    blame = df[(df["signal"] == "blame") & (df["target"] == "Dara Pell")]
    assert not blame.empty and set(blame["target_camp"]) == {"Ostria"}


def _frame_quote(text: str, content: str, speaker: str | None, mention: str, cue: str) -> dict:
    row = _quote(text, content, speaker, None, cue)
    m = text.index(mention)
    return {**row, "mention_start": m, "mention_end": m + len(mention)}


def test_stance_names_no_speaker_the_quotation_table_leaves_unresolved():
    """User audit 5: quotes left 'the Tory leader insisted' and the next '..., he said' unresolved; stance
    resolved 'he' to the lone word 'Tory' by recency and gave a framing row toward 'Tory'."""
    text = ("Speaking in Leeds, the Tory leader insisted he was listening. "
            "\u201cI understand the concerns of every member here,\u201d he said.")
    quotes = [_frame_quote(text, "he was listening", None, "the Tory leader", "insisted"),
              _frame_quote(text, "I understand the concerns of every member here", None, "he", "said")]
    df = stance(_article(text), actors=Actors(), quotes=pd.DataFrame(quotes))
    assert not (df["signal"] == "framing").any()
    assert not {"Tory", "Leeds"} & set(df["target"])


def test_a_frame_pronoun_is_the_speaker_the_quotation_table_gives():
    """'He' is the speaker quotes resolved (Hale), not the nearest earlier name (Lund): a cue in his words is
    his."""
    text = "Hale met Lund on Monday. He told reporters that he disagreed with Varga on the border."
    quotes = [_frame_quote(text, "he disagreed with Varga on the border", "Piet Hale", "He", "told reporters")]
    df = stance(_article(text), actors=ACTORS, quotes=pd.DataFrame(quotes))
    rows = df[df["signal"] == "disagreement"]
    assert set(zip(rows["source"], rows["target"])) == {("Piet Hale", "Ivo Varga")}


@pytest.mark.parametrize(("text", "agent", "principal", "other"), [
    # the lawyer argues for her client: the tone of the sentence is about the charge, not her stance
    (("Tessa Marlow, 52, was convicted of fraud and theft on Friday. Her lawyer, Paula Grant, argued that Marlow "
     "had been a victim of a corrupt boss who stole everything."), "Paula Grant", "Tessa Marlow", None),
    (("Tessa Marlow, 52, was convicted of fraud and theft on Friday. Paula Grant, Marlow's attorney, said Marlow "
     "had been a victim of a corrupt and cruel boss."), "Paula Grant", "Tessa Marlow", None),
    # the advocate's judgement of someone else stays
    (("Tessa Marlow, 52, was convicted of fraud and theft on Friday. Her lawyer, Paula Grant, said the prosecutor "
     "Dan Reyes was a liar and a bully."), "Paula Grant", "Tessa Marlow", "Dan Reyes"),
])
def test_an_advocate_is_not_judged_against_the_person_they_speak_for(text, agent, principal, other):
    judged = _sentiment_pairs(text)
    assert (agent, principal) not in judged
    if other:
        assert (agent, other) in judged


def _sentiment_pairs(text: str) -> set[tuple[str, str]]:
    df = stance(_article(text), actors=Actors())
    df = df[df["signal"] == "target_sentiment"]
    return set(zip(df["source"], df["target"]))


def _cue_rows(text: str, quotes: list[dict] | None = None) -> set[tuple[str, str, str]]:
    df = stance(_article(text), actors=ACTORS, quotes=pd.DataFrame(quotes) if quotes else NO_QUOTES)
    df = df[~df["signal"].isin(["target_sentiment", "framing"])]
    return set(zip(df["source"], df["target"], df["signal"]))


@pytest.mark.parametrize(("text", "present", "absent"), [
    # user audit 6: "fishing groups accused her of ..." made the narrator the accuser
    ("In the spring, farm unions accused Varga of ruining the harvest.", ("farm unions", "Ivo Varga", "blame"),
     (NARRATOR, "Ivo Varga", "blame")),
    ("The judge agreed with Lund that the fence was legal.", ("the judge", "Lena Lund", "agreement"),
     (NARRATOR, "Lena Lund", "agreement")),
    ("Fishermen also blasted Ostra for closing the harbour.", ("Fishermen", "Ostria", "disagreement"),
     (NARRATOR, "Ostria", "disagreement")),
    # a pronoun, a relative pronoun or a quantifier that names no one: the holder is unknown, the row goes
    ("Crowds gathered outside the newspaper after it backed Varga.", None, (NARRATOR, "Ivo Varga", "support")),
    ("A farmer who supports Varga lost his barn in the storm.", None, (NARRATOR, "Ivo Varga", "support")),
    ("Among older voters, most support Lund.", None, (NARRATOR, "Lena Lund", "support")),
    # a passive has no holder before the cue
    ("Last year Lund was accused of bribery by nobody in particular.", None, (NARRATOR, "Lena Lund", "blame")),
    # a columnist's own "I" in narration is the narrator; a cue opening its clause too
    ("I disagree with Varga on every point.", (NARRATOR, "Ivo Varga", "disagreement"), None),
    ("Don't blame Lund for the weather.", (NARRATOR, "Lena Lund", "blame"), None),
])
def test_a_description_before_a_verb_cue_holds_it_never_the_narrator(text, present, absent):
    rows = _cue_rows(text)
    if present:
        assert present in rows
    if absent:
        assert absent not in rows


def test_a_cue_the_quotation_table_gives_a_speaker_is_that_speakers():
    """'they' names no one stance can find; the quotation table says who accused."""
    text = "After the vote they accused Varga of lying about the border."
    quote = _quote(text, "Varga of lying about the border", "Lena Lund", "Nordland", "accused")
    assert ("Lena Lund", "Ivo Varga", "blame") in _cue_rows(text, [quote])
    assert not any(source == NARRATOR for source, _, _ in _cue_rows(text))


@pytest.mark.parametrize(("text", "absent"), [
    # the organisation analysts speak from is part of the clause's subject (user audit 6: Morgan Stanley)
    ("Analysts at Dorn Capital were gloomy, warning of a terrible, disastrous year.", (NARRATOR, "Dorn Capital")),
    # the author of a complaint is not its target
    ("The complaint, filed by former clerk Nina Bauer, alleges that the mayor abused and humiliated her staff.",
     (NARRATOR, "Nina Bauer")),
    # a person named in an apposition describing someone else: the tone is that person's act
    (("Tom Reyes lost. Senator Ruth Adler, a Democrat who campaigned for Tom Reyes, blamed the terrible economy "
      "for the bitter defeat."), (NARRATOR, "Tom Reyes")),
    # whom a campaign manager speaks for
    ("Tom Reyes led the count. Reyes's campaign manager, Paul Cole, said the senator was confident and delighted.",
     (NARRATOR, "Tom Reyes")),
    # a label the model gives with little confidence (0.56 here) is no judgement
    ("Kara Lindqvist is survived by a son, Olof Lindqvist, and three grandchildren.", (NARRATOR, "Olof Lindqvist")),
])
def test_target_sentiment_leaves_sources_authors_and_unsure_labels_alone(text, absent):
    assert absent not in _sentiment_pairs(text)


def test_a_news_agency_relaying_holds_no_stance():
    text = "According to Reuters, citing two officials, Tom Reyes's government made a brave and generous offer."
    quote = {"start": text.index("citing"), "end": len(text) - 1, "speaker": "Reuters", "camp": None,
             "cue": "According to", "cue_start": 0, "cue_end": 12}
    df = stance(_article(text), actors=Actors(), quotes=pd.DataFrame([quote]))
    assert "Reuters" not in set(df.loc[df["signal"] == "target_sentiment", "source"])


def test_mention_sentiment_says_which_rows_stance_may_judge():
    """A speaker's own camp is scored but not judged (user audit 6: the per-camp chart read 'Russia, quoted
    speaker -1' for the Kremlin's spokesman); a person is judged."""
    text = "Lund said that Nordland faced a terrible, brutal winter and that Varga was a liar and a disgrace."
    quote = [{"start": text.index("Nordland"), "end": len(text) - 1, "speaker": "Lena Lund", "camp": "Nordland",
              "cue": "said", "cue_start": text.index("said"), "cue_end": text.index("said") + 4}]
    scored = mention_sentiment(_article(text), actors=ACTORS, quotes=pd.DataFrame(quote))
    assert list(scored.columns)[-1] == "judged"
    own = scored[(scored["source"] == "Lena Lund") & (scored["target"] == "Nordland")]
    other = scored[(scored["source"] == "Lena Lund") & (scored["target"] == "Ivo Varga")]
    assert not own.empty and not own["judged"].any()
    assert not other.empty and other["judged"].all()


def test_labels_with_confidence_are_the_batch_labels_and_probabilities():
    """Stance's confidence floor reads target_sentiments_with_confidence: the batch labels, and for each
    non-neutral one the probability target_probabilities gives it."""
    from analysis.targeted import target_probabilities, target_sentiments, target_sentiments_with_confidence

    text = "Lund said Varga was a liar and a disgrace, while Kara Lindqvist praised Tom Reyes and Olof Berg."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", text)]
    items = [(text, a, b) for a, b in spans]
    pairs = target_sentiments_with_confidence(items)
    assert [label for label, _ in pairs] == target_sentiments(items)
    for (label, p), (a, b) in zip(pairs, spans):
        if label == 0:
            assert math.isnan(p)
        else:
            assert p == pytest.approx(max(target_probabilities(text, a, b).values()), abs=1e-6)
    # with a floor, a label surely above it is inf; any other keeps its probability; the verdicts agree
    for floor in (0.6, 0.9, 0.99):
        floored = target_sentiments_with_confidence(items, floor=floor)
        assert [label for label, _ in floored] == [label for label, _ in pairs]
        for (_, exact), (_, p) in zip(pairs, floored):
            assert (math.isnan(p) and math.isnan(exact)) or (p >= floor) == (exact >= floor)
            assert math.isinf(p) or math.isnan(p) or p == exact


# --- user audit 7 ---------------------------------------------------------------------------------------------


def _rule_found(text: str) -> pd.DataFrame:
    """stance with no actors file and the quotation table the extractor gives."""
    return stance(_article(text), actors=Actors())


@pytest.mark.parametrize(("text", "present", "not_targets"), [
    # a quotation's capitalised first word is no actor: "her" is the chair, not "Families"
    (('I met the union chair, Rosa Quint, on Monday, and she told me, "Families don\'t need a study, they need a '
      'cap." I disagree with her on the cap, but the study must be quick.'),
     (NARRATOR, "Rosa Quint", -1, "disagreement"), {"Families"}),
    # a name right after a locative preposition, never seen with a first name or title, is a place
    ("Police said the tactic was needed because a violent group had smashed shops on Harbour Lane.",
     None, {"Harbour Lane"}),
    ("Rioters burned cars and looted shops along Mill Parade in a night of terrible violence.", None, {"Mill Parade"}),
    ("A violent mob attacked and robbed shoppers outside Grange Arcade.", None, {"Grange Arcade"}),
])
def test_quotation_openers_and_places_are_no_targets(text, present, not_targets):
    df = _rule_found(text)
    if present:
        assert present in set(zip(df["source"], df["target"], df["polarity"], df["signal"]))
    assert not set(df["target"]) & not_targets


@pytest.mark.parametrize(("text", "source", "target"), [
    # the tone toward what a speaker labels is the speaker's, not the narrator's
    # (a bill is no actor since the seventh audit's speaker rules: the label falls on a person here)
    (('Opposition leader Mara Quist termed Piet Hale "a hasty and shoddy negotiator" and alleged '
      "that ministers had ignored the ports."), "Mara Quist", "Piet Hale"),
    ("Lena Lund called Piet Hale a liar and a coward on Monday.", "Lena Lund", "Piet Hale"),  # (a quotation, too)
    # no label after the object: "called" is a telephone call, the narrator's sentence
    ("Lena Lund called Piet Hale on Monday to praise the wonderful deal.", NARRATOR, "Piet Hale"),
])
def test_who_labels_a_target_holds_the_tone(text, source, target):
    df = _rule_found(text)
    rows = df[(df["signal"] == "target_sentiment") & (df["target"] == target)]
    assert set(rows["source"]) == {source}


# --- user audit 8 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "content", "speaker", "expected"), [
    # "a claim X reject(s)" in apposition to a quotation: X is against the quotation's speaker
    ('Piet Hale told reporters that the ports "were never closed", a claim Mira Sol rejects.',
     "were never closed", "Piet Hale", ("Mira Sol", "Piet Hale", -1, "disagreement")),
    ('Piet Hale said the fleet "had left the strait", an assertion which Karst denied on Friday.',
     "had left the strait", "Piet Hale", ("Karst", "Piet Hale", -1, "disagreement")),
    # no actor named: the noun phrase holds the rejection
    ('Mira Sol insisted that Karst "has no troops there", a claim local fishermen dispute.',
     "has no troops there", "Mira Sol", ("local fishermen", "Mira Sol", -1, "disagreement")),
])
def test_a_claim_rejected_in_apposition_is_against_its_speaker(text, content, speaker, expected):
    quotes = [_quote(text, content, speaker, None, "said" if "said" in text else text.split()[2])]
    assert expected in _judgements(text, quotes)


@pytest.mark.parametrize("text", [
    'Piet Hale said the ports "were never closed", a claim Mira Sol does not dispute.',  # negated: no rejection
    "Piet Hale said the ports were closed, a claim Mira Sol rejects.",  # no quotation: no known author
])
def test_a_claim_not_rejected_or_without_quotation_gives_no_row(text):
    quotes = ([_quote(text, "were never closed", "Piet Hale", None, "said")] if '"' in text else None)
    assert not {r for r in _judgements(text, quotes) if r[3] == "disagreement" and r[2] == -1}


@pytest.mark.parametrize(("text", "expected"), [
    ("Piet Hale has full confidence in Mira Sol, his office said.", ("Piet Hale", "Mira Sol", 1, "support")),
    ("Piet Hale expressed confidence in Mira Sol on Monday.", ("Piet Hale", "Mira Sol", 1, "support")),
    ("Piet Hale fully backs Mira Sol.", ("Piet Hale", "Mira Sol", 1, "support")),
    ("Piet Hale stands behind Mira Sol.", ("Piet Hale", "Mira Sol", 1, "support")),
])
def test_explicit_support_cues(text, expected):
    assert expected in _judgements(text)


@pytest.mark.parametrize(("text", "word"), [
    # a quotation opened by a plain apostrophe inside a quotation: its capitalised first word is no actor either
    ('Asked whether the governor backed her, Ilse Brandvik said: "She does. She told me last night, \'Carry on.\'"',
     "Carry"),
    ("Tom Rhee said the coach had told the squad 'Keep going' at half time.", "Keep"),
])
def test_a_word_opening_a_single_quoted_quotation_is_no_actor(text, word):
    assert word not in set(_mentions(text)["target"])


def _no_file_judgements(text: str) -> set[tuple[str, str, int, str]]:
    df = stance(_article(text), actors=Actors(), quotes=NO_QUOTES)
    df = df[~df["signal"].isin(["target_sentiment", "framing"])]
    return set(zip(df["source"], df["target"], df["polarity"], df["signal"]))


@pytest.mark.parametrize(("text", "expected"), [
    # a definite role description is the one person the article introduced with that role
    (("Transport Minister Rhona Vail defended the bus cuts on Monday. Senator Jo Beck later said she fully backs "
      "the minister."), {("Jo Beck", "Rhona Vail", 1, "support")}),
    ("Mayor Ann Lee opened the new bridge. Councillor Tim Roe accused the mayor of wasting money.",
     {("Tim Roe", "Ann Lee", -1, "blame")}),
    ("Sen. Alma Ruiz filed the bill in March. Governor Tomas Brenner criticised the senator sharply.",
     {("Tomas Brenner", "Alma Ruiz", -1, "disagreement")}),
    ("Prime Minister Tom Hale called the vote. Councillor Tim Roe said he backs the prime minister.",
     {("Tim Roe", "Tom Hale", 1, "support")}),
    # two ministers: "the minister" is neither
    (("Transport Minister Rhona Vail defended the bus cuts. Finance Minister Omar Pike agreed. Senator Jo Beck "
      "later said she fully backs the minister."), set()),
    # "the prime minister" is not a health minister, nor "the minister" a prime minister
    ("Health Minister Caroline Brant defended the closures. Senator Jo Beck criticised the prime minister.",
     set()),
    ("Prime Minister Tom Hale called the vote. Councillor Tim Roe criticised the minister.", set()),
    # a former holder is not the current one; a deputy is not the mayor
    ("Former Mayor Ed Bolt opened the bridge. Councillor Tim Roe accused the mayor of wasting money.", set()),
    ("Deputy Mayor Ed Bolt opened the bridge. Councillor Tim Roe accused the mayor of wasting money.", set()),
    # "the mayor of" another place is another person
    ("Mayor Ann Lee opened the bridge. Councillor Tim Roe criticised the mayor of Hollow Bay.", set()),
])
def test_role_description_is_the_one_holder(text, expected):
    assert {j for j in _no_file_judgements(text) if j[0] != "(narrator)"} == expected

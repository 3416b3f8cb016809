"""Tests for analysis.sentiment: scoring on content only, narrator rows, aggregates and intervals."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import load_article
from analysis.actors import Actors
from analysis.articles import Article
from analysis.sentiment import (
    AGGREGATE_COLUMNS,
    MIN_FOR_INTERVAL,
    NARRATOR,
    SCORE_COLUMNS,
    patch_effects,
    plot_quotation_strip,
    plot_speaker_means,
    quotation_sentiment,
    speaker_sentiment,
)
from analysis.vader import sentence_sentiment

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_861c7d8c4de888dc.txt"

TEXT = (
    "Harbour talks stall | Test Gazette\n\n"
    "The mayor denied that the harbour deal was wonderful news for the town.\n\n"
    "\u201cThe plan is a disaster,\u201d said Ada Lind, the council leader. "
    "The ferry union praised the calm weather on the coast last week.\n"
)


def _article(tmp_path: Path, text: str = TEXT):
    path = tmp_path / "harbour.txt"
    path.write_text(text, encoding="utf-8")
    return load_article(path, catalog={})


def _quotes(article, rows: list[dict]) -> pd.DataFrame:
    """A quotes table with the extractor's columns, offsets found from the given phrases."""
    out = []
    for r in rows:
        start = article.text.index(r["text"])
        record = {"article": article.id, "kind": r["kind"], "text": r["text"], "start": start,
                  "end": start + len(r["text"]), "speaker": r["speaker"], "speaker_type": "person",
                  "mention": None, "mention_start": pd.NA, "mention_end": pd.NA, "cue": None, "cue_start": pd.NA,
                  "cue_end": pd.NA, "sentence": 0, "camp": r.get("camp"), "resolution": "name"}
        for part in ("cue", "mention"):
            if r.get(part):
                at = article.text.index(r[part])
                record.update({part: r[part], f"{part}_start": at, f"{part}_end": at + len(r[part])})
        out.append(record)
    return pd.DataFrame(out)


def test_columns_and_offsets(tmp_path: Path) -> None:
    article = _article(tmp_path)
    quotes = _quotes(article, [{"kind": "direct", "text": "The plan is a disaster", "speaker": "Ada Lind",
                                "camp": "council", "cue": "said", "mention": "Ada Lind"}])
    scores = quotation_sentiment(article, quotes=quotes)
    assert list(scores.columns) == SCORE_COLUMNS
    for row in scores.itertuples():
        assert article.text[row.start:row.end] == row.text
    direct = scores[scores["kind"] == "direct"].iloc[0]
    assert direct["speaker"] == "Ada Lind" and direct["compound"] < 0
    assert direct["words"] == 5


def test_cue_inside_the_content_span_is_not_scored(tmp_path: Path) -> None:
    # A content span that (wrongly or by design) contains the cue "denied": the cue must not be scored.
    article = _article(tmp_path)
    span = "denied that the harbour deal was wonderful news"
    quotes = _quotes(article, [{"kind": "indirect", "text": span, "speaker": "the mayor", "cue": "denied",
                                "mention": "The mayor"}])
    row = quotation_sentiment(article, quotes=quotes).query("kind == 'indirect'").iloc[0]
    assert row["compound"] == pytest.approx(sentence_sentiment("that the harbour deal was wonderful news"))
    assert row["compound"] != pytest.approx(sentence_sentiment(span))
    assert row["words"] == 7  # that the harbour deal was wonderful news


def test_speaker_name_inside_the_span_is_not_scored(tmp_path: Path) -> None:
    text = "Title | Site\n\nGreat Hope said the bridge would open.\n"
    article = _article(tmp_path, text)
    quotes = _quotes(article, [{"kind": "indirect", "text": "Great Hope said the bridge would open",
                                "speaker": "Great Hope", "mention": "Great Hope", "cue": "said"}])
    row = quotation_sentiment(article, quotes=quotes).iloc[0]
    assert row["compound"] == 0.0


def test_narrator_rows_exclude_quotations_and_bare_attributions(tmp_path: Path) -> None:
    article = _article(tmp_path)
    quotes = _quotes(article, [{"kind": "direct", "text": "The plan is a disaster", "speaker": "Ada Lind",
                                "cue": "said", "mention": "Ada Lind"}])
    scores = quotation_sentiment(article, quotes=quotes)
    narration = scores[scores["speaker"] == NARRATOR]
    assert set(narration["kind"]) == {"narration"}
    assert (narration["camp"] == NARRATOR).all()
    texts = list(narration["text"])
    # "said Ada Lind, the council leader." has too few words of its own to be narration.
    assert not any("disaster" in t for t in texts)
    assert any(t.startswith("The mayor denied") for t in texts)
    assert any(t.startswith("The ferry union praised") for t in texts)


@pytest.mark.parametrize(("sentence", "quote", "expected"), [
    # An indirect quotation in the middle: the narration before and after it, as two rows.
    (("Orla Brenn said on Monday that the orchard harvest was excellent, although frost had ruined half of the "
      "vines near the river."),
     {"kind": "indirect", "text": "the orchard harvest was excellent", "cue": "said", "mention": "Orla Brenn"},
     ["Orla Brenn said on Monday that", "although frost had ruined half of the vines near the river."]),
    # A direct quotation in the middle, its quotation marks left out of both rows.
    (("The council voted on Tuesday to close the library, calling it \u201ca costly relic of the past\u201d in a "
      "statement read by the clerk at noon."),
     {"kind": "direct", "text": "a costly relic of the past"},
     ["The council voted on Tuesday to close the library, calling it",
      "in a statement read by the clerk at noon."]),
    # A quotation reaching the end of the sentence leaves one row (as before).
    ("Bram Oduya told reporters in the square that the new bridge was a wonderful gift.",
     {"kind": "indirect", "text": "the new bridge was a wonderful gift", "cue": "told", "mention": "Bram Oduya"},
     ["Bram Oduya told reporters in the square that"]),
    # A stretch that is attribution only ("Kane claimed that") gets no row, as such a sentence gets none.
    ("Kane claimed that the stadium would bring joy, a figure his own staff disputed strongly.",
     {"kind": "indirect", "text": "the stadium would bring joy", "cue": "claimed", "mention": "Kane"},
     ["a figure his own staff disputed strongly."]),
])
def test_narration_rows_leave_out_quotations_in_mid_sentence(tmp_path: Path, sentence: str, quote: dict,
                                                             expected: list[str]) -> None:
    article = _article(tmp_path, f"Test | Site\n\n{sentence}\n")
    quotes = _quotes(article, [{"speaker": "Someone", **quote}])
    scores = quotation_sentiment(article, quotes=quotes)
    narration = scores[scores["kind"] == "narration"]
    assert list(narration["text"]) == expected
    q_start, q_end = int(quotes.loc[0, "start"]), int(quotes.loc[0, "end"])
    for row in narration.itertuples():
        assert article.text[row.start:row.end] == row.text
        assert row.end <= q_start or row.start >= q_end  # no narrator row holds the quotation's words
        assert row.compound == pytest.approx(sentence_sentiment(row.text))  # scored on exactly its text
        assert row.sentence == 0


def test_no_quotes_gives_narrator_only(tmp_path: Path) -> None:
    article = _article(tmp_path)
    scores = quotation_sentiment(article, quotes=_quotes(article, []).reindex(
        columns=["article", "kind", "text", "start", "end", "speaker", "speaker_type", "camp", "sentence"]))
    assert (scores["speaker"] == NARRATOR).all() and len(scores) == 3
    table = speaker_sentiment(scores)
    assert list(table["speaker"]) == [NARRATOR]


def test_bad_quotes_table_says_what_to_do(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with pytest.raises(ValueError, match="extract_quotes"):
        quotation_sentiment(article, quotes=pd.DataFrame({"text": ["x"]}))
    bad = _quotes(article, [{"kind": "direct", "text": "The plan is a disaster", "speaker": "A"}])
    bad.loc[0, "end"] = 10_000
    with pytest.raises(ValueError, match="another article"):
        quotation_sentiment(article, quotes=bad)


def _scores(values: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    """Hand-made per-quotation scores: (speaker, camp, kind, compound)."""
    rows = []
    for i, (speaker, camp, kind, compound) in enumerate(values):
        rows.append({"article": "a", "speaker": speaker, "speaker_type": "person", "camp": camp, "kind": kind,
                     "text": f"quote {i}", "start": 10 * i, "end": 10 * i + 7, "compound": compound,
                     "pos": 0.0, "neu": 1.0, "neg": 0.0, "sentence": i, "words": i + 1})
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


HAND = _scores([
    ("Ann", "north", "direct", 0.5), ("Ann", "north", "direct", -0.2), ("Ann", "north", "indirect", 0.0),
    ("Ann", "north", "direct", 0.8), ("Bo", "south", "direct", -0.6), ("Bo", "south", "indirect", -0.4),
    ("Cy", "north", "mixed", 0.3),
])


def test_aggregates_equal_what_the_quotations_give() -> None:
    table = speaker_sentiment(HAND).set_index("speaker")
    assert list(speaker_sentiment(HAND).columns) == AGGREGATE_COLUMNS
    for speaker, group in HAND.groupby("speaker"):
        row = table.loc[speaker]
        values = group["compound"].to_numpy()
        assert row["n"] == len(group)
        assert row["words"] == group["words"].sum()
        assert row["mean_compound"] == pytest.approx(values.mean())
        assert row["share_pos"] == pytest.approx(np.mean(values >= 0.05))
        assert row["share_neg"] == pytest.approx(np.mean(values <= -0.05))
        assert row["share_pos"] + row["share_neu"] + row["share_neg"] == pytest.approx(1)
        top = group.loc[group["compound"].idxmax()]
        if top["compound"] >= 0.05:
            assert row["most_positive"].startswith(f"{top['compound']:+.2f} [{top['start']}:{top['end']}]")
        else:
            assert row["most_positive"] == ""  # Bo: no positive quotation, so no most positive one
    assert table.loc["Ann", "most_negative"].startswith("-0.20 [10:17] quote 1")
    assert table.loc["Cy", "most_negative"] == ""


def test_neutral_quotations_are_neither_extreme() -> None:
    """A speaker whose quotations all score 0 has no most positive and no most negative quotation (the same
    0.00 quotation was listed as both)."""
    table = speaker_sentiment(_scores([("Dee", "north", "direct", 0.0), ("Dee", "north", "direct", 0.02)]))
    assert (table.loc[0, "most_positive"], table.loc[0, "most_negative"]) == ("", "")


def test_narration_keeps_a_percent_sign_at_the_sentence_end() -> None:
    body = "Independent candidate Lydia Farrow had 1.3%. Voters approved the levy by 58% to 42%."
    art = Article(id="t", path=Path("/nonexistent/t.txt"), text=body)
    texts = list(quotation_sentiment(art, actors=Actors())["text"])
    assert texts == ["Independent candidate Lydia Farrow had 1.3%.", "Voters approved the levy by 58% to 42%."]


def test_interval_brackets_the_mean_and_is_deterministic() -> None:
    first = speaker_sentiment(HAND, seed=3)
    again = speaker_sentiment(HAND, seed=3)
    pd.testing.assert_frame_equal(first, again)
    ann = first.set_index("speaker").loc["Ann"]
    assert ann["ci_low"] <= ann["mean_compound"] <= ann["ci_high"]
    assert -0.2 <= ann["ci_low"] < ann["ci_high"] <= 0.8
    assert "few quotations" in ann["note"]


def test_interval_does_not_depend_on_other_groups() -> None:
    alone = speaker_sentiment(HAND[HAND["speaker"] == "Ann"]).iloc[0]
    together = speaker_sentiment(HAND).set_index("speaker").loc["Ann"]
    assert alone["ci_low"] == together["ci_low"] and alone["ci_high"] == together["ci_high"]


@pytest.mark.parametrize(("speaker", "n"), [("Bo", 2), ("Cy", 1)])
def test_too_few_quotations_have_no_interval(speaker: str, n: int) -> None:
    row = speaker_sentiment(HAND).set_index("speaker").loc[speaker]
    assert n < MIN_FOR_INTERVAL
    assert math.isnan(row["ci_low"]) and math.isnan(row["ci_high"])
    assert row["note"].startswith("too few quotations for an interval")


def test_identical_scores_say_there_is_no_spread() -> None:
    table = speaker_sentiment(_scores([("Di", "x", "direct", 0.0)] * 4))
    assert table.loc[0, "ci_low"] == table.loc[0, "ci_high"] == 0.0
    assert "no spread" in table.loc[0, "note"]


def test_many_quotations_give_a_narrow_interval_and_no_note() -> None:
    rng = np.random.default_rng(1)
    values = rng.uniform(-0.5, 0.5, 60)
    row = speaker_sentiment(_scores([("Eve", "x", "direct", float(v)) for v in values])).iloc[0]
    assert row["note"] == ""
    assert row["ci_high"] - row["ci_low"] < 0.2
    assert row["ci_low"] < values.mean() < row["ci_high"]


def test_by_camp_and_by_kind() -> None:
    camps = speaker_sentiment(HAND, by="camp").set_index("camp")
    assert camps.loc["north", "n"] == 5 and camps.loc["north", "speaker"] == "Ann, Cy"
    assert camps.loc["north", "mean_compound"] == pytest.approx(HAND.query("camp == 'north'")["compound"].mean())
    kinds = speaker_sentiment(HAND, by="kind").set_index("kind")
    assert kinds.loc["direct", "n"] == 4 and kinds.loc["indirect", "n"] == 2
    assert kinds.loc["indirect", "mean_compound"] == pytest.approx(-0.2)


def test_unknown_grouping_is_refused() -> None:
    with pytest.raises(ValueError, match="'speaker', 'camp', 'kind'"):
        speaker_sentiment(HAND, by="outlet")


def test_missing_speaker_is_labelled() -> None:
    table = speaker_sentiment(_scores([(None, None, "direct", 0.1)]))
    assert table.loc[0, "speaker"] == "(unresolved)"  # as in quotes.speakers_table and share_of_voice


def test_empty_scores_give_an_empty_table() -> None:
    table = speaker_sentiment(_scores([]))
    assert table.empty and list(table.columns) == AGGREGATE_COLUMNS


def test_plots_return_figures() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    for fig in (plot_speaker_means(speaker_sentiment(HAND)), plot_quotation_strip(HAND),
                plot_speaker_means(speaker_sentiment(_scores([]))), plot_quotation_strip(_scores([]))):
        assert fig.axes and fig.axes[0].get_title()
        plt.close(fig)


def test_speaker_means_marks_zero_and_keeps_the_interval_note_off_the_axis() -> None:
    """User audit 7: a speaker with n=1 and score 0 drew no bar, and the "no interval (n<3)" note stood left of
    zero, where it read like a negative value. The note goes into the label; a zero mean gets a diamond."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scores = _scores([("Dee", "north", "direct", 0.0), ("Eli", "south", "direct", 0.4),
                      ("Fay", "south", "direct", -0.2), ("Fay", "south", "direct", -0.4),
                      ("Fay", "south", "direct", -0.3)])
    fig = plot_speaker_means(speaker_sentiment(scores))
    ax = fig.axes[0]
    labels = {t.get_text() for t in ax.get_yticklabels()}
    assert "Dee  (n=1, no interval)" in labels and "Eli  (n=1, no interval)" in labels
    assert "Fay  (n=3)" in labels
    assert not [t for t in ax.texts if "interval" in t.get_text()]  # nothing written in the plot area
    from matplotlib.collections import PathCollection

    marked = [tuple(xy) for c in ax.collections if isinstance(c, PathCollection) for xy in c.get_offsets()]
    dee = [t.get_text() for t in ax.get_yticklabels()].index("Dee  (n=1, no interval)")
    assert marked == [(0.0, float(ax.get_yticks()[dee]))]  # Dee's zero mean only
    plt.close(fig)


# --- the seed article: the "Measured" section ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_scores() -> tuple:
    article = load_article(SEED)
    return article, quotation_sentiment(article)


def test_seed_direct_quotations_per_speaker(seed_scores: tuple) -> None:
    """Quotations in marks per speaker (a mixed quotation counts once per quoted fragment)."""
    _, scores = seed_scores
    quoted = scores[scores["kind"].isin(["direct", "mixed"])]
    counts: dict[str, int] = {}
    for row in quoted.itertuples():
        fragments = 1 if row.kind == "direct" else len(re.findall("\u201c", row.text))
        key = row.speaker.split()[-1] if row.speaker_type == "person" else row.speaker
        counts[key] = counts.get(key, 0) + fragments
    assert counts == {"Blinken": 6, "Zelenskyy": 2, "Biden": 1, "Stoltenberg": 1, "Tai": 1,
                      "a senior administration official": 1}


def test_seed_aggregates_equal_their_quotations(seed_scores: tuple) -> None:
    _, scores = seed_scores
    table = speaker_sentiment(scores).set_index("speaker")
    for speaker, group in scores.groupby("speaker"):
        assert table.loc[speaker, "n"] == len(group)
        assert table.loc[speaker, "mean_compound"] == pytest.approx(group["compound"].mean())
        assert table.loc[speaker, "words"] == group["words"].sum()


def test_seed_blame_quotation_is_negative_and_patch_reported(seed_scores: tuple) -> None:
    article, scores = seed_scores
    row = scores[scores["text"] == "Russia is responsible for what happened"].iloc[0]
    assert row["compound"] < 0
    effects = patch_effects(article)
    hit = effects[effects["word"] == "responsible"].iloc[0]
    assert article.text[hit["start"]:hit["end"]] == "responsible"
    assert hit["plain_compound"] > 0 > hit["compound"]


def test_seed_narrator_sits_outside_quotations_and_set_aside_text(seed_scores: tuple) -> None:
    _, scores = seed_scores
    narration = scores[scores["kind"] == "narration"]
    assert not narration.empty
    assert not narration["text"].str.contains("Leave a Comment|says NATO").any()


@pytest.mark.parametrize("camp, sentence, plain, speaker", [
    ("council", 0, True, "Ada Lind"),      # every column plainly typed: the lists
    (None, 0, True, "Ada Lind"),           # a missing camp is None in a text column
    ("council", 0, True, None),            # a missing speaker of a string column (NaN when read) too
    ("council", None, False, "Ada Lind"),  # a missing sentence index makes the column float: the DataFrame
])
def test_sentiment_columns_are_the_tables_values(tmp_path: Path, camp, sentence, plain: bool, speaker) -> None:
    """The corpus run's plain lists hold what the DataFrame's contract columns give back (missing as None)."""
    from analysis.sentiment import sentiment_columns

    article = _article(tmp_path)
    quotes = _quotes(article, [{"kind": "direct", "text": "The plan is a disaster", "speaker": "Ada Lind",
                                "camp": camp, "cue": "said", "mention": "Ada Lind"}])
    quotes["sentence"] = pd.array([sentence], dtype="Int64") if sentence is None else [sentence]
    quotes["speaker"] = pd.array([speaker], dtype=pd.Series(["x", None]).dtype)  # the dtype extract_quotes gives
    df = quotation_sentiment(article, quotes=quotes)
    table = sentiment_columns(article, quotes=quotes)
    if not plain:
        assert isinstance(table, pd.DataFrame)
        pd.testing.assert_frame_equal(table, df, check_dtype=True)
        return
    assert isinstance(table, dict) and list(table) == SCORE_COLUMNS
    for name in SCORE_COLUMNS:
        expected = [None if pd.isna(v) else v for v in df[name].astype(object).tolist()]
        assert table[name] == expected, name
        assert [type(v) for v in table[name]] == [type(v) for v in expected], name

"""Tests for analysis.timeline: events, anchoring, ordering and plots, on an article written for these tests."""

from __future__ import annotations

import datetime as dt

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from analysis import load_article
from analysis.timeline import (
    COLUMNS,
    chronology,
    plot_story_order,
    plot_timeline,
    timeline,
    unanchored,
)

from .conftest import SEED

STRIKE = """---
title: Dock workers end strike
outlet: The Harbour Gazette
published: 2023-03-09
---
HARBOURTON — Dock workers ended their strike on Thursday, two days after talks collapsed on Tuesday.

Union leader Maria Okafor spoke on Wednesday. Hours earlier, the port authority had offered a new contract. Mayor Tom Reyes had drafted the offer.

City budget vote delayed until Monday

Mayor Reyes is set to address Friday's council meeting.
"""

NO_DATES = """---
title: A quiet harbour
published: 2023-03-09
---
The harbour is calm and the boats are moored in rows.

Gulls circle above the quay while fishermen mend their nets.
"""


@pytest.fixture
def strike(write):
    return load_article(write("strike.txt", STRIKE))


def rows_for(df, text):
    return df[(df["text"] == text) & ~df["inherited"]]


def test_columns_and_offsets(strike) -> None:
    df = timeline(strike)
    assert list(df.columns[: len(COLUMNS)]) == COLUMNS
    for row in df.itertuples():
        assert strike.text[row.start : row.end] == row.text
        assert strike.text[row.event_start : row.event_end] == row.event
        assert row.event_start <= row.start or row.inherited or row.event_end >= row.end


@pytest.mark.parametrize(
    ("text", "value"),
    [("Thursday", "2023-03-09"), ("Tuesday", "2023-03-07"), ("Wednesday", "2023-03-08"), ("Friday", "2023-03-10")],
)
def test_weekdays_anchor_at_publication(strike, text: str, value: str) -> None:
    row = rows_for(timeline(strike), text).iloc[0]
    assert row["value"] == value
    assert row["anchor"] == "2023-03-09"


def test_hours_earlier_is_anchored_at_the_event_before(strike) -> None:
    row = rows_for(timeline(strike), "Hours earlier").iloc[0]
    assert row["value"] == "2023-03-08"
    assert row["anchor"] == "2023-03-08"


def test_set_aside_headline_is_not_analysed(strike) -> None:
    df = timeline(strike)
    assert "Monday" not in set(df["text"])


def test_events_verbs_and_actors(strike) -> None:
    df = timeline(strike)
    thursday = rows_for(df, "Thursday").iloc[0]
    assert thursday["verb"] == "ended"
    spoke = rows_for(df, "Wednesday").iloc[0]
    assert spoke["verb"] == "spoke" and "Okafor" in spoke["actors"]
    friday = rows_for(df, "Friday").iloc[0]
    assert friday["verb"] == "address" and "Reyes" in friday["actors"]


def test_a_sentence_without_a_date_inherits_the_one_before(strike) -> None:
    df = timeline(strike)
    inherited = df[df["inherited"]]
    assert len(inherited) >= 1
    welcomed = inherited[inherited["event"].str.contains("drafted")].iloc[0]
    assert welcomed["text"] == "Hours earlier"
    assert welcomed["rule"].startswith("inherited:")
    assert strike.text[welcomed["start"] : welcomed["end"]] == welcomed["text"]


def test_chronological_order(strike) -> None:
    df = timeline(strike)
    order = {r.text: r.chrono_order for r in df[~df["inherited"]].itertuples()}
    assert order["Tuesday"] < order["Hours earlier"] < order["Thursday"] < order["Friday"]
    assert list(df["story_order"]) == list(range(len(df)))


def test_published_overrides_the_article_date(strike) -> None:
    df = timeline(strike, published=dt.date(2023, 3, 16))
    assert rows_for(df, "Tuesday").iloc[0]["value"] == "2023-03-14"


def test_without_publication_date_relative_dates_stay_unanchored(write) -> None:
    article = load_article(write("nodate.txt", STRIKE.replace("published: 2023-03-09\n", "")))
    assert article.published is None
    df = timeline(article)
    assert df["anchor"].isna().all()
    assert chronology(df).empty
    assert set(rows_for(df, "Tuesday")["value"]) == {"XXXX-WXX-2"}
    left = unanchored(df)
    assert "relative, and no publication date to resolve it against" in set(left["why"])


def test_article_without_dates(write) -> None:
    df = timeline(load_article(write("quiet.txt", NO_DATES)))
    assert df.empty
    assert list(df.columns[: len(COLUMNS)]) == COLUMNS
    assert df[~df["inherited"]].empty and chronology(df).empty and unanchored(df).empty
    with pytest.raises(ValueError, match="no dated events"):
        plot_timeline(df)
    with pytest.raises(ValueError, match="no dated events"):
        plot_story_order(df)


def test_plots_return_figures(strike) -> None:
    import matplotlib.pyplot as plt

    df = timeline(strike)
    for plot in (plot_timeline, plot_story_order):
        fig = plot(df)
        assert fig.axes and fig.axes[0].get_title()
        plt.close(fig)


def test_rejects_wrong_inputs(strike) -> None:
    with pytest.raises(TypeError, match="Article"):
        timeline("not an article")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="datetime.date"):
        timeline(strike, published="2023-03-09")  # type: ignore[arg-type]


# --- acceptance: the seed article (published 2022-11-17) ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_df():
    return timeline(load_article(SEED))


def test_seed_values(seed_df) -> None:
    own = seed_df[~seed_df["inherited"]]
    assert set(own.loc[own["text"] == "Tuesday", "value"]) == {"2022-11-15"}
    assert set(own.loc[own["text"] == "Thursday", "value"]) == {"2022-11-17"}
    assert set(own.loc[own["text"] == "Friday", "value"]) == {"2022-11-18"}
    assert set(own.loc[own["text"].isin(["this week", "earlier this week"]), "value"]) == {"2022-W46"}
    hours = own[own["text"] == "hours earlier"].iloc[0]
    assert hours["anchor"] == "2022-11-17"  # Zelenskyy's Thursday remark, narrated just before


def test_seed_blast_comes_first(seed_df) -> None:
    own = seed_df[~seed_df["inherited"]]
    blast = own[own["text"] == "Tuesday"].iloc[0]
    assert "landed" in blast["event"]

    def order(predicate) -> list[int]:
        return list(seed_df.loc[predicate, "chrono_order"].astype(int))

    claim = order(seed_df["text"] == "earlier this week")
    answers = order(seed_df["text"] == "hours earlier")  # Biden's answer and, inherited, Stoltenberg's
    remarks = order((seed_df["text"] == "Thursday") & seed_df["actors"].str.contains("Blinken|Zelenskyy"))
    harris = order((seed_df["text"] == "Friday") & seed_df["actors"].str.contains("Harris"))
    assert len(answers) == 2 and "Stoltenberg" in " ".join(seed_df.loc[seed_df["text"] == "hours earlier", "actors"])
    assert claim and remarks and harris
    for later in (claim, answers, remarks, harris):
        assert blast["chrono_order"] < min(later)


@pytest.mark.parametrize("text", [STRIKE, NO_DATES])
def test_timeline_columns_are_the_tables_values(write, text) -> None:
    """The corpus run's plain lists hold what the DataFrame's contract columns give back (<NA> as None)."""
    from analysis.timeline import timeline_columns

    article = load_article(write("a.txt", text))
    df = timeline(article)
    plain = timeline_columns(article)
    if not len(df):
        assert isinstance(plain, pd.DataFrame) and plain.equals(df)  # nothing to convert: the table itself
        return
    assert isinstance(plain, dict) and list(plain) == COLUMNS
    for name in COLUMNS:
        expected = [None if pd.isna(v) else v for v in df[name].astype(object).tolist()]
        assert plain[name] == expected, name
        assert [type(v) for v in plain[name]] == [type(v) for v in expected], name


# --- the event's verb is the main verb, not an auxiliary -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Shipping companies warned that delays could last until June.", "last"),
        ("A person familiar with the matter said the deal could collapse by Friday.", "collapse"),
        ("The council should consider the plan on Monday.", "consider"),
        ("The report might not arrive until June.", "arrive"),
        ("The ferry will probably sail on Friday.", "sail"),
        ("The bridge must be repaired by Friday.", "repaired"),
        ("By Friday, the crews had repaired the pier.", "repaired"),
        ("The mayor was in Riverton on Friday.", "was"),  # no main verb after the copula
        ("The outcome could be pivotal on Friday.", "be"),  # nor after "could be"
        # A participle after a preposition is an adjective ("of affected homes"), not the event's verb.
        ("Crews had restored power to half of affected homes by Friday.", "restored"),
        ("Volunteers delivered meals to flooded streets on Friday.", "delivered"),
        ("The union plans to meet on Friday.", "meet"),  # an infinitive after "to" stays a verb
        # A short regular past form is a verb; "be due/set/about to" governs the bare verb after "to".
        ("The harbour master, whose charts guided sailors, died on Friday.", "died"),
        ("The minister is due to visit the port on Friday.", "visit"),
        ("The ferry was set to sail on Friday.", "sail"),
        ("The pier is about to reopen on Friday.", "reopen"),
        ("The levy is unlikely to pass, in its current form, before Friday.", "pass"),
        ("The board is expected to formally approve the plan on Friday.", "approve"),
        ("The council would formally adopt the plan by Friday and said so.", "adopt"),  # an -ly adverb is skipped
        ("The ferries have gone off course in the past and drifted ashore.", "gone"),  # an irregular participle
        # A verb after the expression behind "and" heads the next conjunct: the verb before it wins.
        ("The captain joined the harbour crew in 1979 and stayed there until 2011.", "joined"),
    ],
)
def test_event_verb_is_the_main_verb_after_an_auxiliary(write, sentence: str, verb: str) -> None:
    article = load_article(write("aux.txt", f"---\ntitle: Harbour news\npublished: 2024-11-19\n---\n{sentence}\n"))
    row = timeline(article).iloc[0]
    assert row["verb"] == verb
    assert row["label"].endswith(verb)
    assert article.text[row["event_start"] : row["event_end"]] == row["event"]


def test_modal_clause_dates_the_coming_day(write) -> None:
    text = "---\ntitle: Harbour news\npublished: 2024-11-19\n---\nThe union said the deal could collapse by Friday.\n"
    row = timeline(load_article(write("modal.txt", text))).iloc[0]
    assert (row["value"], row["tense"], row["verb"]) == ("2024-11-22", "future", "collapse")


# --- the plot's footnote stays clear of the x axis --------------------------------------------------------------------

OLD_DATES = """---
title: Harbour history
published: 2024-05-14
---
The mayor urged both sides to return to the table by Friday. Talks collapsed on Sunday after a long session.
{near}
The council first approved a harbour levy in 1996. Its predecessor was approved in 1987. Historians compared it with
the panic of 1873. Archivists catalogued the records of 1929. Veterans remembered the strike of 1970. Teachers
organised the walkout of 1968. Economists analysed the recession of 1991.
"""


# Most dated events near publication: the plot is windowed and the old years are named in a note.
NEAR = ("The union met on Monday. The council voted on Tuesday. The port reopened on Wednesday. The ferry sailed on "
        "May 2. The pier closed on May 3. The crane failed on May 6.\n")


@pytest.mark.parametrize("layout", [None, "constrained"])
def test_left_out_footnote_is_below_the_axis_label(write, layout) -> None:
    import matplotlib.pyplot as plt

    df = timeline(load_article(write("old.txt", OLD_DATES.format(near=NEAR))))
    if layout is None:
        fig = plot_timeline(df)
    else:
        fig, ax = plt.subplots(figsize=(6, 3), layout=layout)
        plot_timeline(df, ax=ax)
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    notes = [t for t in ax.texts if t.get_text().startswith("Not drawn")]
    assert len(notes) == 1 and notes[0].get_text().endswith("and 1 more")
    note = notes[0].get_window_extent(renderer)
    for decoration in (ax.xaxis.label, ax.xaxis.get_offset_text(), *ax.get_xticklabels()):
        if decoration.get_text():
            assert note.y1 <= decoration.get_window_extent(renderer).y0, decoration.get_text()
    if layout is None:
        assert note.y0 >= 0  # the figure grew to hold it
    plt.close(fig)


def test_a_retrospective_is_drawn_whole_on_a_broken_axis(write) -> None:
    import matplotlib.pyplot as plt

    df = timeline(load_article(write("old.txt", OLD_DATES.format(near=""))))  # 2 near publication, 7 years back
    fig = plot_timeline(df)
    far, near = fig.axes[:2]
    fig.canvas.draw()
    assert not any(t.get_text().startswith("Not drawn") for ax in fig.axes for t in ax.texts)
    assert any("1873\u20131996" in t.get_text() for t in far.texts)  # the note says what each half covers
    years = [int(t.get_text()) for t in far.get_xticklabels() if t.get_text()]
    assert years and min(years) <= 1900 and max(years) >= 1980
    assert near.get_xlim()[1] - near.get_xlim()[0] < 30  # days: the weeks around publication
    plt.close(fig)


def test_date_ticks_name_their_month_and_the_axis_ends_near_the_last_event(write) -> None:
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    text = ("---\ntitle: Port news\npublished: 2024-03-12\n---\nThe union met on March 1. The council voted on "
            "March 6. The port reopened on Monday. The ferry will sail on March 25.\n")
    df = timeline(load_article(write("ticks.txt", text)))
    fig = plot_timeline(df)
    ax = fig.axes[0]
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and all(any(m in label for m in ("Feb", "Mar", "Apr")) for label in labels), labels
    right = mdates.num2date(ax.get_xlim()[1]).date()
    assert right <= dt.date(2024, 3, 28)  # the last event is March 25: no month of empty axis after it
    plt.close(fig)


# --- "since X" is a span from X to publication, not the event's date ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "range_start"),
    [
        ("The ferry sailed to the island on Sunday for the first time since 2019.", "2019", "2019-01-01"),
        ("Ever since March the bakery has opened at dawn.", "March", "2024-03-01"),
        ("Rents at the harbour have doubled since last year.", "last year", "2023-01-01"),
        ("The club won its first cup since the 1990s on Sunday.", "the 1990s", "1990-01-01"),
    ],
)
def test_since_dates_a_span_up_to_publication_not_the_event(write, sentence: str, expression: str,
                                                            range_start: str) -> None:
    article = load_article(write("since.txt", f"---\ntitle: Harbour news\npublished: 2024-06-12\n---\n{sentence}\n"))
    df = timeline(article)
    row = rows_for(df, expression).iloc[0]
    assert row["rule"].startswith("since:")
    assert (row["range_start"], row["range_end"], row["precision"]) == (range_start, "2024-06-12", "span")
    assert pd.isna(row["chrono_order"])
    assert expression not in set(chronology(df)["text"])
    assert "starting point" in unanchored(df).set_index("text").loc[expression, "why"]


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("The pier was built in 2019 by a local firm.", "2019"),
        ("The worst storm since a new sea wall was finished in 2019 hit the town.", "2019"),  # the finishing is in 2019
    ],
)
def test_a_date_not_after_since_stays_in_the_chronology(write, sentence: str, expression: str) -> None:
    article = load_article(write("since.txt", f"---\ntitle: Harbour news\npublished: 2024-06-12\n---\n{sentence}\n"))
    df = timeline(article)
    row = rows_for(df, expression).iloc[0]
    assert not row["rule"].startswith("since:") and row["precision"] == "year"
    assert row["chrono_order"] == 0


# --- inherited dates respect tense and quoted speech -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "inherits"),
    [
        # the tense agrees with the date: the second sentence continues the dated passage
        ("The storm hit the pier last Tuesday. Mayor Tom Reyes inspected the damage.", True),
        ("The ferry will sail to Lundy next week. Mayor Tom Reyes will board it at dawn.", True),
        # a past verb does not take a date still ahead, nor a future one a date gone by
        ("The ferry will sail to Lundy next week. Mayor Tom Reyes said the council would pay for it.", False),
        ("The storm hit the pier last Tuesday. Mayor Tom Reyes will inspect the damage.", False),
        # not into quoted speech, nor out of it (straight and curly quotes)
        ('The storm hit the pier last Tuesday. "Mayor Tom Reyes cried when he saw it," a fisherman said.', False),
        ("The storm hit the pier last Tuesday. \u201cMayor Tom Reyes was shaken,\u201d a fisherman said.", False),
        ('"The storm hit the pier last Tuesday," the harbour master said. Mayor Tom Reyes inspected the damage.',
         False),
        # ... single quotation marks alike (British style), straight or curly
        ("The storm hit the pier last Tuesday. 'Mayor Tom Reyes cried when he saw it,' a fisherman said.", False),
        ("The storm hit the pier last Tuesday. \u2018Mayor Tom Reyes was shaken,\u2019 a fisherman said.", False),
        ("'The storm hit the pier last Tuesday,' the harbour master said. Mayor Tom Reyes inspected the damage.",
         False),
        # an apostrophe opens no quotation: the passage goes on
        ("The storm hit the fishermen's pier last Tuesday. Mayor Tom Reyes inspected the boats' hulls.", True),
        ("The storm hit the MPs' pier last Tuesday. Mayor Tom Reyes inspected the damage.", True),
    ],
)
def test_inherited_dates_respect_tense_and_quotes(write, paragraph: str, inherits: bool) -> None:
    article = load_article(write("inherit.txt", f"---\ntitle: Harbour news\npublished: 2024-06-12\n---\n{paragraph}\n"))
    df = timeline(article)
    assert len(df[~df["inherited"]]) == 1  # the one date of the first sentence
    inherited = df[df["inherited"]]
    assert (len(inherited) == 1) == inherits, inherited[["text", "event", "tense"]].to_dict("records")
    for row in inherited.itertuples():
        assert article.text[row.event_start : row.event_end] == row.event and row.sentence == 1


# --- inherited dates: only a sentence that tells the same event or occasion shares the date ------------------------


@pytest.mark.parametrize(
    ("paragraph", "inheriting"),
    [
        # the same event continued: a narrated event after a narrated event
        ("The blast rocked the pier on Monday. Mayor Tom Reyes rushed to the scene.", [1]),
        # a sentence without an actor is passed over and keeps the date for the next one
        ("The storm hit the pier last Tuesday. Three boats sank. Mayor Tom Reyes inspected the damage.", [2]),
        # the same speaker goes on; a parallel statement ("also"); statements at a dated occasion of speech
        ("Mayor Tom Reyes said on Monday that the pier would reopen. Reyes said the repairs would cost little.",
         [1]),
        ("Mayor Tom Reyes was asked on Monday about the repairs. Councilwoman Ann Lutz also said the pier was safe.",
         [1]),
        ("Mayor Tom Reyes and Ann Lutz debated at a town hall on Monday. Lutz said the pier was unsafe.", [1]),
        # a narrated event of the speaker after his dated statement
        ("Mayor Tom Reyes spoke at the pier on Monday. He then toured the flooded market.", [1]),
        # a statement or reaction after a narrated event is told later, at the time of reporting
        ("The storm hit the pier last Tuesday. Mayor Tom Reyes insisted that the city had been ready.", []),
        ("The council met the ferry company in February. Mayor Tom Reyes's office said the meeting was routine.",
         []),
        ("The ferry workers walked out on Monday. Union leader Ann Lutz praised the mayor for his patience.", []),
        ("The pier was sold last year. Mayor Tom Reyes did not respond to a request for comment.", []),
        ("The pier was sold last year. Mayor Tom Reyes declined to comment.", []),
        # another speaker's statement; another actor's event after a statement
        (("Mayor Tom Reyes said on Monday that the pier would reopen. Councilwoman Ann Lutz said the repairs were "
          "rushed."), []),
        ("Mayor Tom Reyes said on Monday that the pier would reopen. The ferry company sacked Ann Lutz.", []),
        # a comment in the present (or present perfect) takes no date gone by; a condition narrates no event
        ("The storm hit the pier last Tuesday. Mayor Tom Reyes is still counting the cost.", []),
        ("The storm hit the pier last Tuesday. Mayor Tom Reyes has ordered new railings.", []),
        ("The storm hit the pier last Tuesday. If Mayor Tom Reyes had acted, the railings would have held.", []),
        # "now" and a decade set no reference time; an adverb that moves the time
        ("The storm hit the pier last Tuesday. Mayor Tom Reyes later inspected the damage.", []),
        ("The pier is closed now. Mayor Tom Reyes inspected the damage.", []),
        ("The pier was built in the 1980s. Mayor Tom Reyes inspected the damage.", []),
        # a sentence that tells another occasion ends the dated passage
        (("The storm hit the pier last Tuesday. Mayor Tom Reyes insisted that the city had been ready. Ann Lutz "
          "inspected the damage."), []),
    ],
)
def test_only_the_same_event_or_occasion_inherits_a_date(write, paragraph: str, inheriting: list[int]) -> None:
    article = load_article(write("same.txt", f"---\ntitle: Harbour news\npublished: 2024-06-12\n---\n{paragraph}\n"))
    df = timeline(article)
    assert len(df[~df["inherited"]]) == 1  # the one date of the first sentence
    inherited = df[df["inherited"]]
    assert list(inherited["sentence"]) == inheriting, inherited[["text", "event", "tense"]].to_dict("records")
    for row in inherited.itertuples():
        assert article.text[row.event_start : row.event_end] == row.event
        assert row.rule.startswith("inherited:")


# --- who acts: no temporal words, common words or places as actors ------------------------------------------------


@pytest.mark.parametrize(
    ("body", "date", "actors"),
    [
        # a word of a temporal expression is never an actor
        ("The choir is planning a Christmas Eve concert in the square.", "Christmas Eve", ""),
        ("Volunteers will host a New Year's Eve dance in the hall.", "New Year's Eve", ""),
        # a live blog's entry: the common word after the time stamp, a town after "in"
        ("Gales hit the coast.\n\n12:05 p.m.: Ferry firm Seaways says crossings are off.", "12:05 p.m.", "Seaways"),
        ("Gales hit the coast.\n\n2:15 p.m.: Hailstones damaged about 300 roofs in Dunmore.", "2:15 p.m.", ""),
        # a word and a number that is no quantity name a thing or an organisation (the rule stance has too)
        ("Members of Local 9 walked out on Monday.", "Monday", ""),
        # real names stay
        ("Gales hit the coast.\n\n2:15 p.m.: Mayor Tom Gale visited Dunmore.", "2:15 p.m.", "Tom Gale; Dunmore"),
    ],
)
def test_actors_are_no_temporal_words_common_words_or_places(write, body: str, date: str, actors: str) -> None:
    article = load_article(write("actors.txt", f"---\ntitle: Coast news\npublished: 2024-12-18\n---\n{body}\n"))
    df = timeline(article)
    row = rows_for(df, date).iloc[0]
    assert row["actors"] == actors
    assert not row["label"].startswith(("Eve", "Ferry", "Hailstones", "Dunmore", "Local"))


def test_both_plots_give_each_actor_the_same_colour(write) -> None:
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt

    article = load_article(write("colours.txt", "Port talks | Site\n\n"
                                 "Ana Reyes founded the port union in March 2015.\n\n"
                                 "Tom Cole said on Monday that the talks had failed.\n\n"
                                 "Ana Reyes said on Tuesday that the strike had begun.\n"))
    df = timeline(article, published=dt.date(2023, 3, 9))
    legends = []
    for plot in (plot_timeline, plot_story_order):  # the first leaves 2015 out (more than 120 days away)
        fig = plot(df)
        legend = fig.axes[0].get_legend()
        legends.append({text.get_text(): mcolors.to_hex(handle.get_facecolor() if hasattr(handle, "get_facecolor")
                                                              else handle.get_color())
                        for text, handle in zip(legend.get_texts(), legend.legend_handles)
                        if text.get_text() in ("Ana Reyes", "Tom Cole")})
        plt.close(fig)
    assert set(legends[0]) == set(legends[1]) == {"Ana Reyes", "Tom Cole"}
    assert legends[0] == legends[1]


# --- a negated date ("now, not in the autumn") is no time of the event --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "negated"),
    [
        ("The council needs the money now, not in the autumn.", "the autumn", True),
        ("The ferry sails on Saturday, not on Friday.", "Friday", True),
        ("Not in March but in April will the pier open.", "March", True),
        ("The council will not vote until Friday.", "Friday", False),  # the vote is on Friday
        ("If not in March, the pier opens in April.", "March", False),  # a possibility, not a denial
        ("The pier did not open on Friday.", "Friday", False),  # the verb is negated: Friday is its time
    ],
)
def test_a_negated_date_stays_out_of_the_chronology(write, sentence: str, expression: str,
                                                    negated: bool) -> None:
    text = f"---\ntitle: Harbour news\npublished: 2024-06-12\n---\n{sentence}\n"
    article = load_article(write("not.txt", text))
    df = timeline(article)
    row = rows_for(df, expression).iloc[0]
    assert row["rule"].startswith("not:") == negated
    assert pd.isna(row["chrono_order"]) == negated
    assert (expression in set(chronology(df)["text"])) != negated
    if negated:
        assert "negated" in unanchored(df).set_index("text").loc[expression, "why"]


# --- seventh audit: live-blog labels, places, deadlines at an edge, the plot's colours and edge MODs -----------


def _article(write, body: str, published: str = "2024-03-16"):
    return load_article(write("audit7.txt", f"---\ntitle: Storm live\npublished: {published}\n---\n{body}\n"))


@pytest.mark.parametrize(
    ("body", "expression", "label"),
    [
        ("3:15 p.m. ET \u2014 Good afternoon and welcome to our coverage of the storm.\n", "3:15 p.m. ET",
         "Good afternoon and welcome to our covera"),
        ("Gales hit the coast.\n\n10:40 a.m. - Good morning from the harbour.\n", "10:40 a.m.",
         "Good morning from the harbour"),
    ],
)
def test_a_label_leaves_out_the_live_blog_stamp(write, body: str, expression: str, label: str) -> None:
    row = rows_for(timeline(_article(write, body)), expression).iloc[0]
    assert row["label"] == label


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        # a lone word once taken for a place is no actor where it names a thing's place ...
        (("Floods reached homes in Carrow on Friday.\n\nVolunteers at the Carrow hall handed out blankets on "
         "Saturday."), ""),
        ("Floods reached homes in Carrow on Friday.\n\nCarrow police closed the bridge on Saturday.", ""),
        # ... but it is where it acts (the doubt may be wrong: "shares in" a firm)
        ("Shares in Trevanta fell on Friday.\n\nThe grain firm, Trevanta, warned on Saturday of losses.",
         "Trevanta"),
    ],
)
def test_a_word_once_a_place_is_no_actor_elsewhere(write, body: str, actors: str) -> None:
    row = rows_for(timeline(_article(write, body)), "Saturday").iloc[0]
    assert row["actors"] == actors


@pytest.mark.parametrize(
    ("sentence", "expression", "first", "last"),
    [
        # a deadline at an edge is its last day ...
        ("The council will publish the plan by the end of the year.", "the end of the year", "2024-12-31",
         "2024-12-31"),
        ("The pier must reopen no later than late 2025.", "late 2025", "2025-12-31", "2025-12-31"),
        # ... an edge without a deadline keeps its range (the plot draws its third), as does a plain deadline.
        ("The pier reopens in late 2025.", "late 2025", "2025-01-01", "2025-12-31"),
        ("The pier must reopen by 2025.", "2025", "2025-01-01", "2025-12-31"),
    ],
)
def test_a_deadline_at_an_edge_is_its_last_day(write, sentence: str, expression: str, first: str,
                                               last: str) -> None:
    row = rows_for(timeline(_article(write, sentence)), expression).iloc[0]
    assert (row["range_start"], row["range_end"]) == (first, last)


def test_the_legend_never_repeats_a_colour(write) -> None:
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt

    names = ["Ana Reyes", "Tom Cole", "Eva Lind", "Raj Patel", "Joe Marsh", "Kim Short", "Lou Grant", "Max Ford",
             "Nia Stone", "Ola Berg"]
    body = "\n\n".join(f"{name} spoke on March {day}." for day, name in enumerate(names, start=2))
    df = timeline(_article(write, body))
    for plot in (plot_timeline, plot_story_order):
        fig = plot(df)
        legend = fig.axes[0].get_legend()
        colours = {text.get_text(): mcolors.to_hex(handle.get_facecolor() if hasattr(handle, "get_facecolor")
                                                      else handle.get_color())
                   for text, handle in zip(legend.get_texts(), legend.legend_handles)}
        plt.close(fig)
        colours.pop("told in chronological order", None)
        assert len(set(colours.values())) == len(colours), colours
        assert "(other actors)" in colours  # ten actors: more than the palette's colours


@pytest.mark.parametrize(("expression", "months"), [("late 2025", (9, 12)), ("mid-2025", (5, 8)),
                                                    ("early 2025", (1, 4))])
def test_an_edge_mod_is_drawn_as_a_third_of_its_range(write, expression: str, months: tuple[int, int]) -> None:
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    df = timeline(_article(write, f"The pier reopens in {expression}.", published="2025-06-02"))
    fig = plot_timeline(df)
    (bar,) = [p for p in fig.axes[0].patches if p.get_width() > 0]
    first = mdates.num2date(bar.get_x())
    last = mdates.num2date(bar.get_x() + bar.get_width() - 1)
    plt.close(fig)
    assert (first.month, last.month) == months


# --- word lists derived from the reporting-cue lexicon instead of repeated (timex_events.toml) ----------------------


def _timeline_module():
    import importlib

    return importlib.import_module("analysis.timeline")  # ``analysis.timeline`` is also the function


def _events_toml() -> dict:
    from importlib import resources

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    return tomllib.loads(resources.files("analysis.data").joinpath("timex_events.toml").read_text(encoding="utf-8"))


def test_statement_verbs_are_the_cue_forms_of_their_lemmas():
    from analysis.quotes import cue_lexicon

    data = _events_toml()
    lemmas = set(data["statement_lemmas"])
    verbs = _timeline_module()._lexicon()["statement_verbs"]
    cue_forms = {f for f, (lemma, _) in cue_lexicon().forms.items() if lemma in lemmas}
    assert {f for f in cue_forms if not f.endswith("ing")} - {"written"} <= verbs
    assert not {f for f in cue_forms if f.endswith("ing")} & verbs
    assert {"said", "told", "wrote", "criticise", "emphasise", "lambasted", "spoke", "apologised"} <= verbs
    assert not {"written", "saying", "believed", "called"} & verbs
    # timex_events.toml spells out only forms that are no cue: a cue form there would be a repetition
    assert not set(data["statement_forms"]) & set(cue_lexicon().forms)


def test_a_form_added_to_a_cue_lemma_is_a_statement_verb(monkeypatch):
    import types

    import analysis.quotes

    forms = {f: ("say", "speech") for f in ("say", "says", "said", "saying", "sayeth")}
    forms |= {f: ("write", "speech") for f in ("write", "wrote", "written")} | {"think": ("think", "belief")}
    monkeypatch.setattr(analysis.quotes, "cue_lexicon", lambda: types.SimpleNamespace(forms=forms))
    data = {"statement_lemmas": ["say", "write"], "not_statement_forms": ["written"], "statement_forms": ["spoke"]}
    assert _timeline_module()._statement_verbs(data) == {"say", "says", "said", "sayeth", "write", "wrote", "spoke"}
    with pytest.raises(ValueError, match="reporting_cues.toml"):
        _timeline_module()._statement_verbs({**data, "statement_lemmas": ["say", "holler"]})


def test_occasions_of_speech_come_from_the_reporting_cues():
    from analysis.quotes import cue_lexicon

    lex = cue_lexicon()
    occasions = _timeline_module()._lexicon()["occasions"]
    assert lex.speech_occasions and lex.speech_occasions < lex.occasion_nouns
    for noun in lex.speech_occasions:
        assert occasions.search(f"at a {noun} on Monday"), noun
    for phrase in ("a CNN town hall", "a press call", "the Q&A"):  # timex_events.toml's own phrases
        assert occasions.search(phrase), phrase
    for noun in lex.occasion_nouns - lex.speech_occasions:  # occasions for the quotes only ("letter", "call")
        assert not occasions.search(f"in a {noun} on Monday"), noun
    assert not set(_events_toml()["occasions"]) & lex.speech_occasions


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2:05 p.m. ET \u2014 Welcome to the blog", "Welcome to the blog"),
        ("4 PM - Polls close", "Polls close"),
        # a lower-case word after the time is no zone of a stamp: nothing is cut
        ("10:30 and - then more", "10:30 and - then more"),
    ],
)
def test_unstamped_label(text, label):
    from analysis.timeline import _unstamped

    assert _unstamped(text, 0, len(text)) == label

"""Sentences, paragraphs and boilerplate rules."""

from __future__ import annotations

import pytest

from analysis import load_article, parse
from analysis.text import _clock_followers, _read_lines, split_sentences
from analysis.timex import calendar_names
from analysis.timex import lexicon as timex_lexicon

from .conftest import SEED


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."]),
        ("Gen. Mark Milley spoke on Nov. 15 to Sen. Smith. He left.",
         ["Gen. Mark Milley spoke on Nov. 15 to Sen. Smith.", "He left."]),
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("\u201cWe are ready.\u201d She smiled.", ["\u201cWe are ready.\u201d", "She smiled."]),
        ("One line\nSecond line.", ["One line", "Second line."]),
    ],
)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_offsets_index_the_article_text(write):
    art = load_article(write("c.txt", "Title\r\n\r\nA first sentence. A second one.\r\n\r\nNew paragraph here.\r\n"))
    doc = parse(art)
    assert [s.text for s in doc.sentences] == ["A first sentence.", "A second one.", "New paragraph here."]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    for s in doc.sentences:
        assert art.text[s.start : s.end] == s.text
    assert doc.sentence_at(doc.sentences[1].start + 2) == doc.sentences[1]
    assert doc.sentence_at(0) is None


BOILER = """A story headline | Site

CITY — The mayor opened the new library on Monday, promising longer hours for students and families.

Ten things you missed this week in local sport

“Books change lives,” the mayor said, before cutting the ribbon in front of a large crowd.

Flood risk is rising, says report. But towns are unprepared.

Mayor wins award for clean streets The library will also host a weekly market for local farmers, officials said.

Share this article
"""


def test_boilerplate_is_set_aside_by_general_rules(write):
    art = load_article(write("b.txt", BOILER))
    doc = parse(art)
    aside = {a.text: a.kind for a in doc.set_aside}
    assert aside == {
        "Ten things you missed this week in local sport": "headline",
        "Flood risk is rising, says report. But towns are unprepared.": "headline",
        "Mayor wins award for clean streets": "headline",
        "Share this article": "furniture",
    }
    body = " ".join(s.text for s in doc.sentences)
    assert body.count("library") == 2
    assert doc.sentences[-1].text.startswith("The library will also host")
    assert not any("Share this" in s.text or "missed this week" in s.text for s in doc.sentences)


def test_seed_boilerplate_and_abbreviations():
    art = load_article(SEED)
    doc = parse(art)
    kinds = sorted(a.kind for a in doc.set_aside)
    assert kinds == ["furniture", "headline", "headline", "headline", "headline"]
    assert all(not s.text.startswith("Biden skips") for s in doc.sentences)
    assert any(s.text.startswith("In his stead, Blinken") for s in doc.sentences)
    # "Leave a Comment" and the title are not body sentences
    assert doc.sentences[0].text.startswith("BANGKOK")
    assert all("Leave a Comment" not in s.text for s in doc.sentences)


@pytest.mark.parametrize(
    ("paragraph", "furniture"),
    [
        ("Leave a Comment", True),
        ("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - Leave a Comment - - - -", True),
        ("** Share on Facebook! ** -- ' -- ' -- ' -- ' -- ' -- ' -- ' -- ' -- ' -- ' -- ' -- ' --", True),
        ("Leave a Comment about the council's plan to close the library.", False),
    ],
)
def test_furniture_phrase_however_much_punctuation_surrounds_it(write, paragraph, furniture):
    text = f"Title | Site\n\n{paragraph}\n\nThe council met on Monday. It voted to keep the library open.\n"
    doc = parse(load_article(write("f.txt", text)))
    kinds = [a.kind for a in doc.set_aside]
    assert ("furniture" in kinds) is furniture
    assert doc.sentences[-1].text == "It voted to keep the library open."


@pytest.mark.parametrize("paragraph", [
    "She said: \u00abWe will pay the bill.\u00bb",          # French-style marks close the paragraph
    "\u00abWe will pay the bill,\u00bb she said",            # a quotation in any marks is no headline
    "\u201eWe will pay the bill,\u201c she said",
])
def test_a_short_paragraph_in_any_quotation_marks_is_body_text(write, paragraph):
    doc = parse(load_article(write("g.txt", f"Title | Site\n\n{paragraph}\n")))
    assert doc.set_aside == ()
    assert [s.text for s in doc.sentences] == [paragraph]


@pytest.mark.parametrize("paragraph", [
    "Officials told The Associated Press that the plan was dead.",
    "My neighbours and I went to the meeting.",
    "The question I asked was simple.",
    "A: That's simply not what I see.",
    "Afterwards, as I understand it, they left.",
    "Reporters from The Washington Post were there.",
    "Speaking to The Guardian on Monday, he denied it.",
    "Senior officials in the capital told The Associated Press on Monday that talks had stalled.",
    "The retired judge went on ABC's This Week to defend the ruling.",
])
def test_body_text_is_never_taken_for_a_run_in_headline(write, paragraph):
    doc = parse(load_article(write("r.txt", f"Title | Site\n\n{paragraph}\n")))
    assert doc.set_aside == ()
    assert [s.text for s in doc.sentences] == [paragraph]


@pytest.mark.parametrize(("paragraph", "headline"), [
    ("Mayor's daughter marries in lavish wedding In his stead, the deputy mayor spoke at length about the town.",
     "Mayor's daughter marries in lavish wedding"),
    ("Local team wins cup again The crowd cheered as the captain lifted the trophy over his head.",
     "Local team wins cup again"),
])
def test_run_in_headline_is_set_aside(write, paragraph, headline):
    doc = parse(load_article(write("r.txt", f"Title | Site\n\n{paragraph}\n")))
    assert [(a.kind, a.text) for a in doc.set_aside] == [("headline", headline)]
    assert doc.sentences[0].text == paragraph[len(headline) + 1:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock abbreviation before a capitalised word ends the sentence (Punkt never ends one at "a.m.")
        ("Adeyemi spoke around 1 a.m. Trevino's campaign manager said the lead would hold.",
         ["Adeyemi spoke around 1 a.m.", "Trevino's campaign manager said the lead would hold."]),
        ("The polls closed at 8 p.m. The count began at once.", ["The polls closed at 8 p.m.", "The count began at once."]),
        # ... but not before a day, a month, a time zone or a place's "time"
        ("They met at 9 a.m. Friday and left.", ["They met at 9 a.m. Friday and left."]),
        ("The vote closes at 8 p.m. ET on Tuesday.", ["The vote closes at 8 p.m. ET on Tuesday."]),
        ("Doors open at 7 p.m. Tues. and close late.", ["Doors open at 7 p.m. Tues. and close late."]),
        ("Trading opens at 10 a.m. Moscow time.", ["Trading opens at 10 a.m. Moscow time."]),
        ("It started at 9 a.m. and ended at noon.", ["It started at 9 a.m. and ended at noon."]),
    ],
)
def test_clock_abbreviation_before_a_capital_ends_a_sentence(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


@pytest.mark.parametrize("name", sorted({*timex_lexicon()["weekdays"], *timex_lexicon()["months"]}))
def test_every_day_and_month_of_the_timex_lexicon_follows_a_clock(name):
    # clock_followers.txt does not list the days and months: they come from timex_lexicon.toml
    name = name[:1].upper() + name[1:]
    text = f"They meet at 9 a.m. {name} in Ohio."
    assert [text[a:b] for a, b in split_sentences(text)] == [text]


@pytest.mark.parametrize("name", sorted(calendar_names()["short_months"] | calendar_names()["short_weekdays"]))
def test_every_abbreviated_day_and_month_of_the_timex_lexicon_is_an_abbreviation(name):
    # abbreviations.txt does not list them either: "met on Tues. Smith" is no sentence end
    name = name[:1].upper() + name[1:]
    text = f"The panel met on {name}. Smith chaired it."
    assert [text[a:b] for a, b in split_sentences(text)] == [text]


def test_text_data_files_repeat_no_day_or_month():
    names = {w for group in calendar_names().values() for w in group}
    assert not {w.lower() for w in _read_lines("clock_followers.txt")} & names
    assert not {w.lower().rstrip(".") for w in _read_lines("abbreviations.txt")} & names
    assert {"ET", "Thur", "Sept"} <= _clock_followers()  # the file's own words count as well as the derived ones


@pytest.mark.parametrize(("paragraph", "kind"), [
    ("(Reporting by Ana Lind in Riga and Tom Hale in Oslo; Editing by Mark Oates)", "credits"),
    ("(Additional reporting by Ana Lind; Writing by Tom Hale; Editing by Mark Oates.)", "credits"),
    ("Staff writer Ana Lind in Riga contributed to this report.", "credits"),
    ("Tom Hale contributed reporting.", "credits"),
    ("Correction: An earlier version of this article misstated the mayor's age. She is 54.", "note"),
    ("CLARIFICATION: The second paragraph now says the vote was advisory.", "note"),
    ("Editor\u2019s note: This story was updated on Friday with the council's reply.", "note"),
    ("This article has been updated to include a statement from the port authority.", "note"),
    ("Sources: Port of Hale annual report, 2025; interview with Ana Lind, May 3, 2026.", "sources"),
])
def test_end_matter_is_set_aside(write, paragraph, kind):
    body = "The council voted on Monday to close the port, the mayor said."
    doc = parse(load_article(write("e.txt", f"Title | Site\n\n{body}\n\n{paragraph}\n")))
    assert [s.text for s in doc.sentences] == [body]
    assert [(a.kind, a.text) for a in doc.set_aside] == [(kind, paragraph)]


@pytest.mark.parametrize("paragraph", [
    "Reporters by the dozen waited outside, the mayor said.",          # "Reporters by", not "Reporting by"
    "The correction came late: the council had already voted.",       # a correction in the story
    "Sources said the deal was close, according to two officials.",   # anonymous sources, no colon
    "She said the report, which he contributed to, was late.",        # "contributed to" inside a sentence
    "Editing the report by hand took the clerks a week, she said.",
])
def test_story_paragraphs_are_not_end_matter(write, paragraph):
    doc = parse(load_article(write("e.txt", f"Title | Site\n\n{paragraph}\n")))
    assert doc.set_aside == ()
    assert [s.text for s in doc.sentences] == [paragraph]


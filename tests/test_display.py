"""Display helpers: everything escaped, spans highlighted, boilerplate marked."""

from __future__ import annotations

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis import ArticleWarning, load_article
from analysis.display import camp_colour, counted, header_html, highlighted_html, table_html

TEXT = ("Evil | Site\n\nThe mayor said \u201c<b onclick=x()>bold</b>\u201d on Monday.\n\n"
        "Ten things you missed in sport\n\nShe left the room quietly, her aides said.\n")


def test_highlight_escapes_and_labels(write):
    art = load_article(write("e.txt", TEXT))
    start = art.text.index("<b")
    end = art.text.index("</b>") + 4
    spans = pd.DataFrame([{"start": start, "end": end, "speaker": "<i>Mayor</i>", "camp": "US",
                           "cue_start": art.text.index("said"), "cue_end": art.text.index("said") + 4}])
    soup = BeautifulSoup(highlighted_html(art, spans, cues=spans), "html.parser")
    assert soup.find("b") is None and soup.find("i") is None
    mark = soup.find("mark")
    assert mark.get_text().startswith("<b onclick=x()>bold</b>")
    assert "<i>Mayor</i>" in mark.get_text()
    assert camp_colour("US") in mark["style"]
    assert soup.find(class_="ma-cue").get_text() == "said"
    aside = soup.find(class_="ma-aside")
    assert aside.get_text() == "Ten things you missed in sport" and "headline" in aside["title"]


def test_table_and_header_escape(write):
    with pytest.warns(ArticleWarning, match="HTML markup"):
        art = load_article(write("e.txt", "<script>x</script> | Site\n\nBody here.\n"))
    soup = BeautifulSoup(header_html(art) + table_html(pd.DataFrame({"a": ["<script>y</script>"], "n": [1.5]})),
                         "html.parser")
    assert soup.find("script") is None
    assert "<script>x</script>" in soup.get_text() and "<script>y</script>" in soup.get_text()
    assert "1.500" in soup.get_text()
    assert "Published: unknown" in soup.get_text() and "No publication date" not in soup.get_text()
    assert "No publication date" in BeautifulSoup(header_html(art, needs_date=True), "html.parser").get_text()


def test_missing_values_of_every_kind(write):
    art = load_article(write("m.txt", "T\n\nThe mayor said “yes” loudly.\n"))
    s = art.text.index("yes")
    spans = pd.DataFrame({"start": [s], "end": [s + 3], "speaker": [pd.NA], "camp": [None],
                          "cue_start": pd.array([pd.NA], dtype="Int64"), "cue_end": pd.array([pd.NA], dtype="Int64")})
    soup = BeautifulSoup(highlighted_html(art, spans, cues=spans), "html.parser")
    assert soup.find("mark").get_text().startswith("yes")
    assert soup.find(class_="ma-cue") is None
    table = BeautifulSoup(table_html(pd.DataFrame({"a": pd.array([pd.NA], dtype="Int64"), "b": [float("nan")]})),
                          "html.parser")
    assert [td.get_text() for td in table.find_all("td")] == ["", ""]


def test_camp_colours_are_stable_and_placeholders_grey():
    assert camp_colour("(no camp)") == camp_colour(None) == camp_colour("")
    assert camp_colour("(unresolved)") != camp_colour("US")
    first = [camp_colour(c) for c in ("West", "Ostria", "Nordland")]
    assert [camp_colour(c) for c in ("Nordland", "Ostria", "West")] == first[::-1]  # not by order of calls
    assert camp_colour("Ukraine") != camp_colour("US") != camp_colour("NATO")


@pytest.mark.parametrize(("n", "noun", "plural", "expected"), [
    (1, "source", None, "1 source"),
    (2, "source", None, "2 sources"),
    (0, "quotation", None, "0 quotations"),
    (1, "time of day", "times of day", "1 time of day"),
    (4, "time of day", "times of day", "4 times of day"),
    (12500, "sentence", None, "12,500 sentences"),
])
def test_counted_agrees_in_number(n, noun, plural, expected):
    assert counted(n, noun, plural) == expected


def test_a_quotation_over_two_paragraphs_is_marked_in_each(write):
    path = write("two.txt", "Two | Site\n\n\u201cWe never gave up,\u201d the coach said. \u201cNot once.\n\n"
                            "\u201cAnd I could not be prouder of them.\u201d\n\nThe season ends next week.\n")
    article = load_article(path)
    start = article.text.index("Not once")
    end = article.text.index(" of them") + len(" of them")
    spans = pd.DataFrame([{"start": start, "end": end, "speaker": "Dana Whitfield", "camp": None}])
    soup = BeautifulSoup(highlighted_html(article, spans), "html.parser")
    marks = soup.find_all("mark")
    assert [m.find_parent("p") is not None for m in marks] == [True, True]
    assert marks[0].find_parent("p") is not marks[1].find_parent("p")
    assert "".join(m.get_text() for m in marks) == "Not once.\u201cAnd I could not be prouder of themDana Whitfield"
    assert [m.find(class_="ma-label") is not None for m in marks] == [False, True]
    assert all(label.find_parent("mark") is not None for label in soup.find_all(class_="ma-label"))


def test_camps_of_one_actors_file_get_distinct_stable_colours(monkeypatch):
    from analysis import display

    names = [f"Camp {i}" for i in range(50)]
    first = names[0]
    clash = next(n for n in names[1:] if display._slot(n) == display._slot(first))  # same colour by name alone
    assert camp_colour(first) == camp_colour(clash)
    monkeypatch.setattr(display, "_REGISTERED", {})
    display.register_camps([clash, first, "Ukraine", "(no camp)"])
    colours = {first: camp_colour(first), clash: camp_colour(clash)}
    assert colours[first] != colours[clash]
    assert camp_colour("Ukraine") == display.CAMP_COLOURS["Ukraine"]
    monkeypatch.setattr(display, "_REGISTERED", {})
    display.register_camps([first, clash])  # another order, the same colours
    assert {first: camp_colour(first), clash: camp_colour(clash)} == colours


def test_loading_an_actors_file_registers_its_camps(write, monkeypatch):
    from analysis import display
    from analysis.actors import load_actors

    monkeypatch.setattr(display, "_REGISTERED", {})
    path = write("actors.toml", '[[actor]]\nname = "Ana Reyes"\ncamp = "Harbour Party"\n')
    load_actors(path)
    assert "Harbour Party" in display._REGISTERED

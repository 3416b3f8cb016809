"""Loading articles: metadata sources, offsets, and every kind of bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis import ArticleError, ArticleWarning, load_article
from analysis.articles import blank_markup, load_catalog, parse_date

from .conftest import SEED, SHORT_ARTICLE


def test_seed_metadata_comes_from_catalog_and_first_line():
    art = load_article(SEED)
    assert art.published == dt.date(2022, 11, 17)
    assert art.metadata["site"] == "Wbactive"
    assert art.outlet == "The Washington Post"
    assert art.title.startswith("Blinken denies the missile incident")
    assert art.text[art.body_start:].lstrip().startswith("BANGKOK")


def test_seed_is_byte_for_byte_the_shared_seed():
    shared = SEED.parents[2] / "shared" / "seeds" / SEED.name
    if shared.exists():  # beside the project in the workplace; the copy must be identical
        assert SEED.read_bytes() == shared.read_bytes()
    assert SEED.read_bytes().decode("utf-8").count("\u201c") == SEED.read_bytes().decode("utf-8").count("\u201d")


def test_front_matter_offsets_index_text_after_block(write):
    path = write("a.txt", SHORT_ARTICLE)
    art = load_article(path)
    assert art.title == "Council delays vote on river bridge"
    assert art.published == dt.date(2023, 3, 9)
    assert art.outlet == "The Valley Courier"
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("---", 3) + 4 :]
    assert art.text == body
    i = art.text.index("We cannot")
    assert art.text[i : i + 9] == "We cannot"


def test_front_matter_wins_over_catalog(write, tmp_path):
    write("a.txt", SHORT_ARTICLE)
    write("catalog.toml", '["a.txt"]\npublished = "2020-01-01"\noutlet = "Other"\nauthor = "Kim"\n')
    art = load_article(tmp_path / "a.txt")
    assert art.published == dt.date(2023, 3, 9)
    assert art.outlet == "The Valley Courier"
    assert art.metadata["author"] == "Kim"


def test_first_line_title_without_site(write):
    art = load_article(write("b.txt", "A plain headline\n\nBody text here. More text.\n"))
    assert art.title == "A plain headline"
    assert art.text[art.body_start:].strip() == "Body text here. More text."


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02binary\x00stuff" * 50, "binary"),
        (b"---\ntitle: x\nno colon here\n---\nBody.\n", "malformed front matter at line 3"),
        (b"---\ntitle: x\nBody.\n", "never closed"),
        (b"---\npublished: 2022-13-45\n---\nBody text.\n", "invalid published date"),
        (b"---\npublished: last Tuesday\n---\nBody text.\n", "invalid published date"),
        (b"---\ntitle: only metadata\n---\n\n", "no article text"),
        (b"---\npublished: 03/04/2025\n---\nBody text.\n", "invalid published date"),
        (b"---\npublished: February 30, 2024\n---\nBody text.\n", "invalid published date"),
    ],
)
def test_bad_input_is_a_clear_error_naming_the_file(write, content, problem):
    path = write("bad file.txt", content)
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert problem in str(err.value)
    assert str(path) in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="folder"):
        load_article(tmp_path)


def test_cp1252_smart_quotes_decode_with_warning(write):
    path = write("win.txt", "Title\n\n\u201cWe will win,\u201d she said.\n", encoding="cp1252")
    with pytest.warns(ArticleWarning, match="Windows-1252"):
        art = load_article(path)
    assert "\u201cWe will win,\u201d" in art.text
    assert any("cp1252" in w for w in art.warnings)


def test_utf8_bom_is_not_part_of_the_text(write):
    art = load_article(write("bom.txt", b"\xef\xbb\xbfTitle | Site\n\nBody sentence.\n"))
    assert art.title == "Title"
    assert not art.text.startswith("\ufeff")


def test_crlf_line_ends_keep_offsets(write):
    raw = "Title\r\n\r\nFirst paragraph here.\r\n\r\n\u201cQuoted,\u201d he said.\r\n"
    art = load_article(write("crlf.txt", raw.encode("utf-8")))
    assert art.text == raw
    assert art.title == "Title"


def test_markup_quoted_in_a_story_is_kept_as_text_with_a_warning(write):
    with pytest.warns(ArticleWarning, match="HTML markup; it is analysed and shown as plain text"):
        art = load_article(write("h.txt", "T\n\nThe attacker typed \u201c<script>alert(1)</script>\u201d into it.\n"))
    assert "<script>alert(1)</script>" in art.text


CMS_PAGE = ("T\n\n<p>RIVERSIDE \u2014 Smith &amp; Sons cost \u00a3&nbsp;180,000, she said.</p>\r\n"
            "<p>&#8220;We can\u2019t,&#8221; he said.</p>\r\n<script>alert('x')</script>\r\n"
            "Read more: <a href=\"https://example.org/a?b=1&amp;c=2\">Parks campaign wins</a>\r\n")


def test_a_pasted_web_page_is_blanked_keeping_every_offset(write):
    with pytest.warns(ArticleWarning, match="blanked out with spaces, so offsets still index the text"):
        art = load_article(write("cms.txt", CMS_PAGE))
    raw = CMS_PAGE
    assert len(art.text) == len(raw)
    # every character that is not markup stands where it stood in the file
    for word in ("RIVERSIDE", "Smith", "Sons", "180,000", "can\u2019t", "he said.", "Read more:", "Parks campaign wins"):
        assert art.text.index(word) == raw.index(word)
    for markup in ("<p>", "</p>", "<script", "alert", "<a ", "href", "</a>", "&amp;", "&nbsp;", "&#8220;"):
        assert markup not in art.text
    # an entity's word closes up, the spaces go to its end, so a word's edges keep their offsets
    assert "Smith &     Sons" in art.text and "\u201cWe       can\u2019t,\u201d       he said" in art.text
    assert art.text.index("\u201cWe") == raw.index("&#8220;We")


@pytest.mark.parametrize(("text", "words"), [
    ("don&#39;t go", "don't go"),                           # a word stays whole
    ("Fran&ccedil;ois Hollande", "Fran\u00e7ois Hollande"),
    ("said: &#39;We know.&#39; Then", "said: 'We know.' Then"),  # straight marks stay where they open and close
    ("&pound;&nbsp;180,000 a year", "\u00a3 180,000 a year"),  # a space entity divides: the number stays whole
    ("AT&amp;T rose", "AT&T rose"),
])
def test_entities_keep_words_whole_and_their_edges_in_place(text, words):
    blanked, count = blank_markup(text)
    assert " ".join(blanked.split()) == words and count == text.count("&")
    assert len(blanked) == len(text)
    last = words.split()[-1]  # the word after the entities starts where it starts in the file
    assert blanked.rindex(last) == text.rindex(last)


def test_a_pasted_web_page_splits_into_clean_sentences_and_sets_the_link_aside(write):
    from analysis.text import parse

    with pytest.warns(ArticleWarning):
        doc = parse(load_article(write("cms.txt", CMS_PAGE)))
    texts = [" ".join(s.text.split()) for s in doc.sentences]
    assert texts == ["RIVERSIDE \u2014 Smith & Sons cost \u00a3 180,000, she said.", "\u201cWe can\u2019t,\u201d he said."]
    assert [" ".join(a.text.split()) for a in doc.set_aside] == ["Read more: Parks campaign wins"]


@pytest.mark.parametrize("text", [
    "If a < b and c > d, the result holds.",      # comparison signs are no tags
    "The template read <Name> and <Date>.",       # neither is HTML
    "R&D spending and AT&T rose; Q&A sessions.",  # an ampersand without an entity
])
def test_plain_text_is_left_alone(text):
    assert blank_markup(text) == (text, 0)


@pytest.mark.parametrize(("value", "title"), [
    ('"We can\'t build our way out": minister on rents', '"We can\'t build our way out": minister on rents'),
    ('"Council approves budget"', "Council approves budget"),
    ("'Council approves budget'", "Council approves budget"),
    ("Council approves budget", "Council approves budget"),
])
def test_front_matter_strips_only_enclosing_quotation_marks(write, value, title):
    art = load_article(write("fm.txt", f"---\ntitle: {value}\n---\nBody sentence here.\n"))
    assert art.title == title


def test_mostly_utf8_with_stray_windows_bytes_reads_both(write):
    raw = "Title\n\n\u201cGood,\u201d she said.\n".encode() + b"A caf\xe9 \x93opened\x94 today.\n"
    with pytest.warns(ArticleWarning, match=r"mostly UTF-8, but 3 byte\(s\) are not \(byte 0xe9 at line 4, column 6"):
        art = load_article(write("mixed.txt", raw))
    assert "\u201cGood,\u201d" in art.text and "caf\u00e9 \u201copened\u201d" in art.text


def test_undecodable_bytes_are_named_with_line_and_column(write):
    with pytest.raises(ArticleError, match=r"byte 0xe9 at line 3, column 6 .*byte 0x81 at line 4, column 8"):
        load_article(write("bad.txt", b"Title\n\nA caf\xe9 line.\nSecond \x81 line.\n"))


@pytest.mark.parametrize("content", ["Council approves budget | The Herald\n", "Council approves budget\n\n  \n"])
def test_headline_without_body_loads_with_a_warning(write, content):
    with pytest.warns(ArticleWarning, match="no body text"):
        art = load_article(write("headline.txt", content))
    assert art.title == "Council approves budget" and any("no body text" in w for w in art.warnings)


def test_article_with_a_body_has_no_body_warning(write):
    art = load_article(write("full.txt", "Council approves budget | The Herald\n\nThe council voted on Monday.\n"))
    assert not any("no body text" in w for w in art.warnings)


@pytest.mark.parametrize("name", ["with space.txt", "ünïcødé – name.txt", "..dots..txt"])
def test_odd_file_names(write, name):
    art = load_article(write(name, "Title\n\nBody.\n"))
    assert art.id == name[:-4]


def test_published_override_and_validation(write):
    path = write("p.txt", SHORT_ARTICLE)
    assert load_article(path, published="2024-02-29").published == dt.date(2024, 2, 29)
    with pytest.raises(ArticleError, match="invalid published date"):
        load_article(path, published="2023-02-29")


def test_invalid_catalog_is_reported(write, tmp_path):
    write("catalog.toml", "[broken\n")
    with pytest.raises(ArticleError, match="catalog is not valid TOML"):
        load_catalog(tmp_path / "catalog.toml")


def test_large_article_loads(write):
    para = "The committee met again on Monday and discussed the budget at length. " * 12 + "\n\n"
    text = "Big story\n\n" + para * (5_000_000 // len(para))
    art = load_article(write("big.txt", text))
    assert len(art.text) > 4_900_000


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-11-17", dt.date(2022, 11, 17)),
    ("2022/11/17", dt.date(2022, 11, 17)),
    ("2022-11-17T08:30:00Z", dt.date(2022, 11, 17)),
    ("March 16, 2025", dt.date(2025, 3, 16)),
    ("Mar. 16 2025", dt.date(2025, 3, 16)),
    ("Sept. 3, 2024", dt.date(2024, 9, 3)),
    ("16 March 2025", dt.date(2025, 3, 16)),
    ("Sunday, March 16, 2025", dt.date(2025, 3, 16)),
    ("March 16, 2025 10:30 AM", dt.date(2025, 3, 16)),
])
def test_publication_dates_in_iso_or_words(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".json"])
def test_a_table_of_articles_is_sent_to_the_corpus_command(write, suffix):
    path = write(f"articles{suffix}", 'id,text\n1,"The mayor said ""yes""."\n')
    with pytest.raises(ArticleError, match=r"is a table of articles.*python -m analysis corpus"):
        load_article(path)

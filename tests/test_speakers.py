"""Tests for analysis.speakers: anonymous-source wording and noun phrases (texts written here)."""

from __future__ import annotations

import pytest

from analysis.speakers import (
    anonymity_spans,
    find_names,
    group_opener,
    is_anonymous,
    ly_adverb,
    name_rules,
    plural_group_noun,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An aide, who spoke on condition of anonymity, said so.", ["on condition of anonymity"]),
        # a purpose clause after the wording belongs to it (its verb reports nothing)
        ("who spoke on condition of anonymity to discuss the budget", ["on condition of anonymity to discuss"]),
        ("who spoke on the condition that he not be named", ["on the condition that he not be named"]),
        ("who agreed to talk on the condition that his last name not be used",
         ["on the condition that his last name not be used"]),
        ("who asked that her name not be published", ["asked that her name not be published"]),
        ("who asked not to be named because he was not authorised to speak publicly",
         ["asked not to be named", "not authorised to speak"]),
        ("who wasn\u2019t authorized to comment on the inquiry", ["n\u2019t authorized to comment"]),
        ("who requested anonymity because the talks are private", ["requested anonymity"]),
        ("who declined to be identified", ["declined to be identified"]),
        ("who insisted on anonymity in order to describe the meeting",
         ["insisted on anonymity in order to describe"]),
        ("a guard speaking anonymously", ["speaking anonymously"]),
        # wrapped over a line
        ("who asked not\nto be named", ["asked not\nto be named"]),
        # not about a source
        ("The papers arrived anonymously.", []),
        ("She asked to be named chair of the committee.", []),
        ("He agreed to be identified in the report.", []),
    ],
)
def test_anonymity_spans(text, expected):
    assert [text[a:b] for a, b in anonymity_spans(text)] == expected
    # the patterns are tried only near their anchor words: the same as running them over the whole text
    padded = "Filler words here. " * 12 + text + " More filler follows." * 8
    full = [m.span() for m in name_rules()["anonymity_clause"].finditer(padded)]
    assert anonymity_spans(padded) == full


def test_anonymity_spans_window():
    text = "An aide asked not to be named. A clerk declined to be identified."
    start = text.index("A clerk")
    assert [text[a:b] for a, b in anonymity_spans(text, start)] == ["declined to be identified"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("a senior administration official", True),
        ("one diplomat", True),
        ("another official", True),
        ("a person familiar with the matter", True),
        ("people close to the mayor", True),
        ("a friend close to the family", True),
        ("US officials", False),
        ("Anna Berg", False),
        ("the close of trading", False),
    ],
)
def test_is_anonymous(phrase, expected):
    assert is_anonymous(phrase) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a premodifier capitalised because it opens the sentence names nobody
        ("Political analysts said so.", []),
        ("Local officials said so.", []),
        # ... but a word and a number, or a real name, still are names
        ("Local 9 voted on Friday.", [("Local", "person")]),  # (actors.doubtful_person_spans drops it)
        ("Varland said so.", [("Varland", "person")]),
        # a role word opening the sentence before a full name is a title, not part of the name
        ("Farmer Jonas Ekholm said so.", [("Jonas Ekholm", "person")]),
        ("Striker Tomas Rey said so.", [("Tomas Rey", "person")]),
        ("Nurse Maria Osk said so.", [("Maria Osk", "person")]),
        # a listed first name opening a three-word name stays
        ("Martin Luther Kest said so.", [("Martin Luther Kest", "person")]),
    ],
)
def test_find_names_at_the_start_of_a_sentence(text, expected):
    assert [(m.name, m.kind) for m in find_names(text)] == expected


# ---- day and month names come from the timex lexicon, not repeated in name_rules.toml


def test_not_names_take_the_day_and_month_names_of_the_timex_lexicon():
    # name_rules.toml does not list them: full day names, every month name and abbreviation come from timex
    from importlib import resources

    from analysis.timex import calendar_names

    names = calendar_names()
    derived = names["full_weekdays"] | names["full_months"] | names["short_months"]
    assert derived <= name_rules()["not_names"]
    assert not names["short_weekdays"] & name_rules()["not_names"]  # "Sun", "Mon" may be names
    raw = resources.files("analysis.data").joinpath("name_rules.toml").read_text(encoding="utf-8")
    assert '"monday"' not in raw and '"sept"' not in raw


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Wednesday Adams spoke.", ["Adams"]), ("Sept Ortega spoke.", ["Ortega"]), ("On Monday Dana Cole spoke.", ["Dana Cole"])],
)
def test_a_day_or_month_before_a_name_is_not_part_of_it(text, expected):
    assert [n.name for n in find_names(text)] == expected


# ---- fifth user audit (texts written here)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural group noun capitalised because it opens the sentence is no name
        ("Prosecutors said the clerk lied.", []),
        ("Critics said the law was vague.", []),
        # a plural acronym is no person's name
        ("Some 40 MPs signed the letter.", [("organisation", "MPs")]),
        # organisation names spread over "for"/"and" or glued to a possessive
        ("The National Institute for Roads and Rail Safety said so.",
         [("organisation", "National Institute for Roads and Rail Safety")]),
        ("The Parkinson's Trust welcomed it.", [("organisation", "Parkinson's Trust")]),
        # a local office title is a title
        ("Councilman Rob Petty said so.", [("person", "Rob Petty")]),
        # a party adjective is no name
        ("The Tory leader said so.", []),
        # two organisations joined by "and" stay two
        ("The Kelby Institute and Ostwick Council said so.",
         [("organisation", "Kelby Institute"), ("organisation", "Ostwick Council")]),
    ],
)
def test_audit5_names(text, expected):
    assert [(m.kind, m.name) for m in find_names(text)] == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Government sources", True), ("party sources", True), ("US officials", False), ("two officials", True)],
)
def test_audit5_plural_sources(phrase, expected):
    assert is_anonymous(phrase) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("repeatedly", True),
        ("publicly", True),
        ("reportedly", True),
        ("family", False),  # nouns of the name rules' [not_adverbs]
        ("assembly", False),
        ("early", False),  # listed: no adverb before a verb that is also a noun
        ("weekly", False),
        ("ally", False),  # four letters or fewer
        ("only", False),
        ("july", False),
        ("said", False),  # no "-ly" ending
        ("lying", False),
    ],
)
def test_ly_adverb(word, expected):
    assert ly_adverb(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("officials", True),
        ("prosecutors", True),
        ("police", True),  # plural without an "-s"
        ("people", True),
        ("official", False),  # singular
        ("family", False),
        ("tables", False),  # not a group noun of the name rules
    ],
)
def test_plural_group_noun(word, expected):
    assert plural_group_noun(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Officials", True),
        ("Critics", True),
        ("Police", True),
        ("officials", False),  # not capitalised: no sentence opener to tell apart
        ("OFFICIALS", False),  # all capitals
        ("Democrats", False),  # the name of a group (the name rules' not_names)
        ("Americans", False),
        ("Official", False),  # singular
    ],
)
def test_group_opener(word, expected):
    assert group_opener(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors said the trial would go on.", []),  # a group noun opening the sentence is no name
        ("Police said the road was closed.", []),
    ],
)
def test_find_names_skips_a_group_opener(text, expected):
    assert [m.name for m in find_names(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a law or a street is no person, though "Bill" is a first name elsewhere
        ("The house passed the Coastal Water Allocation Bill today.",
         [("organisation", "Coastal Water Allocation Bill")]),
        ("The Bill provides for a tribunal.", [("organisation", "Bill")]),
        ("Bill Ortiz spoke.", [("person", "Bill Ortiz")]),
        ("They met on Mercer Row.", [("place", "Mercer Row")]),
        # a document's name is a thing too, as for "is_thing_name"
        ("He cited the 2020 Regional Water Assessment.", [("organisation", "Regional Water Assessment")]),
        # a single capitalised word after "the" is a thing or an institution, unless a noun follows it
        ("The Vatican says no.", [("organisation", "Vatican")]),
        ("He praised the Clinton campaign.", [("person", "Clinton")]),
        ("He praised the Clinton years.", [("person", "Clinton")]),
        ("He praised the Obama administration\u2019s plans.", [("person", "Obama")]),
        ("He praised the Obama era.", [("person", "Obama")]),
        ("He cast the Clintons as rivals.", [("person", "Clintons")]),
        ("He backed the Cruz/Fiorina ticket.", [("person", "Cruz"), ("person", "Fiorina")]),
        ("Voters love the Donald.", [("person", "Donald")]),
        # a plural possessive inside an organisation's name
        ("The Renters' Union met.", [("organisation", "Renters' Union")]),
        ("She chairs the Dock Lane Residents\u2019 Association.",
         [("organisation", "Dock Lane Residents\u2019 Association")]),
        # Indian honorifics are titles
        ("Smt. Lata Iyer spoke.", [("person", "Lata Iyer")]),
        ("Shri K. Anand spoke.", [("person", "K. Anand")]),
        # after any title of address of the name rules a title word is a surname
        ("Sri Bishop spoke.", [("person", "Bishop")]),
        ("Kumari King spoke.", [("person", "King")]),
        ("Miss Bishop spoke.", [("person", "Bishop")]),
        # firms named after what they make
        ("Dunmore Electric and Castlegate Homes won.", [("organisation", "Dunmore Electric"),
                                                         ("organisation", "Castlegate Homes")]),
    ],
)
def test_audit7_names(text, expected):
    assert [(m.kind, m.name) for m in find_names(text)] == expected


def test_audit7_former_roles_are_not_current():
    from analysis.speakers import PersonIndex

    text = "Former Chief Minister Vikram Bose spoke. Chief Minister Arun Das replied. Former Mayor Ann Lee came."
    index = PersonIndex(find_names(text))
    bose, das = index.person_named("Vikram Bose"), index.person_named("Arun Das")
    assert index.current_titles(bose) == {"former"} and index.titles(bose) == {"former", "chief", "minister"}
    assert index.current_titles(das) == {"chief", "minister"}

"""Tests for analysis.timex: one block per rule family, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.timex import Timex, clause_tense, tag_timexes

THU = dt.date(2022, 11, 17)  # a Thursday, ISO week 46


def only(text: str, dct: dt.date | None = THU) -> Timex:
    found = tag_timexes(text, dct=dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t


def values(text: str, dct: dt.date | None = THU) -> list[tuple[str, str, str]]:
    found = tag_timexes(text, dct=dct)
    for t in found:
        assert text[t.start : t.end] == t.text
    return [(t.text, t.type, t.value) for t in found]


# --- weekdays: the most recent such day, the publication weekday itself, future clauses -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor resigned on Tuesday.", "2022-11-15"),
        ("The mayor spoke Thursday to the press.", "2022-11-17"),  # publication weekday = publication date
        ("The union met on Friday to vote.", "2022-11-11"),  # past: the Friday before
        ("The mayor will address Friday's meeting.", "2022-11-18"),  # future governing verb
        ("The mayor is set to address Friday\u2019s meeting.", "2022-11-18"),
        ("The council plans to meet on Monday.", "2022-11-21"),
        ("She said she will speak Thursday.", "2022-11-17"),  # publication weekday, even in the future
        ("Votes were counted last Thursday.", "2022-11-10"),
        ("The fair opens next Tuesday.", "2022-11-22"),
    ],
)
def test_weekday(text: str, expected: str) -> None:
    t = only(text)
    assert (t.type, t.value, t.rule) == ("DATE", expected, "weekday")
    assert t.anchor == THU


TUE = dt.date(2024, 11, 19)  # a Tuesday: the coming Friday is 2024-11-22, the last one 2024-11-15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A modal with a bare verb, a governed infinitive or a deadline governs a future clause: the coming day.
        ("A person familiar with the matter said the deal could collapse by Friday.", "2024-11-22"),
        ("Lawmakers should vote on Friday.", "2024-11-22"),
        ("The board may not decide until Friday.", "2024-11-22"),
        ("Officials may have to wait until Friday.", "2024-11-22"),  # obligation, not a perfect
        ("The fund must repay the loan no later than Friday.", "2024-11-22"),
        ("The mayor urged both sides to return to the table by Friday.", "2024-11-22"),
        ("He told reporters to expect a decision by Friday.", "2024-11-22"),
        ("The court is likely to rule on Friday.", "2024-11-22"),
        ("The union asks members to strike on Friday.", "2024-11-22"),
        ("The court gave the parties until Friday to respond.", "2024-11-22"),
        ("Officials have until Friday to decide.", "2024-11-22"),
        ("Comments are due by Friday.", "2024-11-22"),
        # A future passive: its participle is no past ("will be held", "to be charged", "would be published").
        ("The election will be held on Friday.", "2024-11-22"),
        ("The bridge will be repaired on Friday, the council said.", "2024-11-22"),
        ("The suspect is expected to be charged on Friday.", "2024-11-22"),
        ("Officials said the report would be published on Friday.", "2024-11-22"),
        # Past: a perfect, "could not", a plan in the past, the weekday of "said", a deadline already narrated.
        ("The minister could not attend on Friday.", "2024-11-15"),
        ("She would have voted on Friday.", "2024-11-15"),
        ("He may have attended the meeting on Friday.", "2024-11-15"),
        ("The meeting had been expected to take place on Friday.", "2024-11-15"),
        ("The ministry said on Friday that it would appeal.", "2024-11-15"),
        ("He said he was going to go back to work on Friday.", "2024-11-15"),
        ("The union threatened to walk out on Friday.", "2024-11-15"),  # Friday may be the threat's
        ("The agency sought to block the sale on Friday.", "2024-11-15"),
        ("The talks lasted until Friday.", "2024-11-15"),
        ("The suspect was charged on Friday.", "2024-11-15"),
        ("Neither man could be located on Friday.", "2024-11-15"),  # a modal's passive may narrate the past
        ("The sites could only be visited as laid down by the accord on Friday.", "2024-11-15"),
        ("Until Friday, the border was open.", "2024-11-15"),
        ("The senator returned to work on Friday.", "2024-11-15"),
    ],
)
def test_weekday_in_modal_infinitive_and_deadline_clauses(text: str, expected: str) -> None:
    t = only(text, TUE)
    assert (t.text, t.value) == ("Friday", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most stores by Friday will reopen.", "2024-11-22"),
        ("Most stores by Friday had reopened.", "2024-11-15"),  # a past marker after the deadline
        ("Most stores until Friday's sale stay shut.", "2024-11-15"),  # a possessive is no deadline
    ],
)
def test_a_bare_deadline_reads_the_clause_after_it(text: str, expected: str) -> None:
    assert only(text, TUE).value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shipping companies warned that delays could last until June.", "2025-06"),
        ("The sale runs until June.", "2025-06"),
        ("Prices rose until June.", "2024-06"),
        ("In May the company could see profits rise.", "2024-05"),  # "May" the month, before the modal
    ],
)
def test_month_in_modal_and_deadline_clauses(text: str, expected: str) -> None:
    t = only(text, TUE)
    assert t.value == expected


def test_weekday_possessive_is_left_out_of_the_span() -> None:
    t = only("The mayor will chair Friday's meeting.")
    assert t.text == "Friday"


def test_weekday_with_part_of_day() -> None:
    t = only("The fire started Wednesday night.")
    assert (t.type, t.value) == ("TIME", "2022-11-16TNI")


def test_plural_weekday_is_a_set() -> None:
    t = only("The market opens on Tuesdays.")
    assert (t.type, t.value) == ("SET", "XXXX-WXX-2")


# --- calendar dates ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "type_"),
    [
        ("The plant closed on Nov. 15.", "2022-11-15", "DATE"),
        ("The plant closed on November 15, 2021.", "2021-11-15", "DATE"),
        ("The plant closed on 15 November 2021.", "2021-11-15", "DATE"),
        ("The plant closed in March 2019.", "2019-03", "DATE"),
        ("The plant closed in March.", "2022-03", "DATE"),
        ("The plant will reopen in January.", "2023-01", "DATE"),
        ("The plant closed in mid-November.", "2022-11", "DATE"),
        ("The plant closed on 2021-06-30.", "2021-06-30", "DATE"),
        ("The plant closed in 1998.", "1998", "DATE"),
        ("Prices soared in the 1970s.", "197", "DATE"),
        ("Prices soared in 1970s Britain.", "197X", "DATE"),
        ("Such bridges were built in the 19th century.", "18", "DATE"),
        ("Sales rose in the third quarter.", "2022-Q3", "DATE"),
        ("Sales rose in the summer of 2020.", "2020-SU", "DATE"),
        ("The shop closes on Christmas Day.", "2022-12-25", "DATE"),
    ],
)
def test_calendar_dates(text: str, expected: str, type_: str) -> None:
    t = only(text)
    assert (t.type, t.value) == (type_, expected)


# --- halves: a half of a year only with a year or in a sentence about money ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the second half the visitors pressed hard and scored twice.", []),
        ("The keeper was injured early in the first half of the game.", []),
        ("The second half of the season starts after the break.", []),
        ("The choir sang the first half of the programme twice.", []),
        ("Turnover grew in the first half of the year.", [("the first half of the year", "DATE", "2022-H1")]),
        ("Hiring will slow in the second half of next year.", [("the second half of next year", "DATE", "2023-H2")]),
        ("The mill ran at a loss in the last half of 2019.", [("the last half of 2019", "DATE", "2019-H2")]),
        ("The bakery earned more in the first half of this year.",
         [("the first half of this year", "DATE", "2022-H1")]),
        ("The bakery's profit rose 12% in the first half.", [("the first half", "DATE", "2022-H1")]),
        ("The quarry expects its earnings to recover in the second half.", [("the second half", "DATE", "2022-H2")]),
        ("Orders fell in the third quarter of last year.", [("the third quarter of last year", "DATE", "2021-Q3")]),
    ],
)
def test_half_is_a_half_of_a_year_only_with_a_year_or_money(text: str, expected: list) -> None:
    assert values(text) == expected


def test_month_mod_and_span() -> None:
    t = only("The plant closed in late November.")
    assert (t.text, t.value, t.mod) == ("late November", "2022-11", "END")


def test_may_the_verb_is_not_a_month() -> None:
    assert values("Officials may decide later.") == []
    assert values("The plant closed in May.") == [("May", "DATE", "2022-05")]


def test_a_number_is_not_a_year() -> None:
    assert values("The company hired 1999 workers and paid $2020 each.") == []


# --- relative to the publication date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rally took place yesterday.", "2022-11-16"),
        ("The rally takes place today.", "2022-11-17"),
        ("The rally takes place tomorrow.", "2022-11-18"),
        ("The rally took place this week.", "2022-W46"),
        ("The rally took place earlier this week.", "2022-W46"),
        ("The rally took place last week.", "2022-W45"),
        ("The rally takes place next week.", "2022-W47"),
        ("The rally took place last month.", "2022-10"),
        ("The rally takes place next year.", "2023"),
        ("The rally took place two days ago.", "2022-11-15"),
        ("The rally took place three months ago.", "2022-08"),
        ("The rally took place last fall.", "2021-FA"),
    ],
)
def test_relative_to_publication(text: str, expected: str) -> None:
    t = only(text)
    assert (t.type, t.value) == ("DATE", expected)
    assert t.anchor == THU and t.anchor_kind == "publication"


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "last <season>": the most recent such season that is over, as "last <month>" is (this year's once ended).
        ("Last spring the band toured the coast.", dt.date(2024, 12, 18), "2024-SP"),
        ("The band toured the coast last summer.", dt.date(2024, 12, 18), "2024-SU"),
        ("The band toured the coast last autumn.", dt.date(2024, 12, 18), "2024-FA"),
        ("The band toured the coast last fall.", dt.date(2024, 12, 18), "2024-FA"),
        ("The band toured the coast last spring.", dt.date(2024, 7, 2), "2024-SP"),
        ("The band toured the coast last spring.", dt.date(2024, 4, 9), "2023-SP"),  # in spring: the one before
        ("The band toured the coast last summer.", dt.date(2024, 7, 2), "2023-SU"),
        # Winter is the December year's: in December 2024 the current winter is 2024-WI, the last one 2023-WI.
        ("The band toured the coast last winter.", dt.date(2024, 12, 18), "2023-WI"),
        ("The band toured the coast last winter.", dt.date(2025, 3, 20), "2024-WI"),
        ("The band toured the coast last winter.", dt.date(2025, 1, 20), "2023-WI"),
        # "next <season>": the first such season not yet begun.
        ("The band tours the coast next spring.", dt.date(2025, 2, 3), "2025-SP"),
        ("The band tours the coast next summer.", dt.date(2024, 12, 18), "2025-SU"),
        ("The band tours the coast next winter.", dt.date(2024, 11, 5), "2024-WI"),
        ("The band tours the coast next winter.", dt.date(2024, 12, 18), "2025-WI"),
        ("The band tours the coast next spring.", dt.date(2024, 4, 9), "2025-SP"),
    ],
)
def test_last_and_next_season(text: str, dct: dt.date, expected: str) -> None:
    t = only(text, dct)
    assert (t.type, t.value, t.anchor) == ("DATE", expected, dct)


WED = dt.date(2024, 12, 18)  # a Wednesday: the coming Friday is 2024-12-20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a week from Friday": the Friday after the coming one, one expression (not "a week" plus "Friday").
        ("The gallery will reopen a week from Friday.", [("a week from Friday", "DATE", "2024-12-27")]),
        ("The gallery reopens two weeks from today.", [("two weeks from today", "DATE", "2025-01-01")]),
        ("The gallery reopens three days from tomorrow.", [("three days from tomorrow", "DATE", "2024-12-22")]),
        ("The gallery reopens a week from Wednesday.", [("a week from Wednesday", "DATE", "2024-12-25")]),
    ],
)
def test_offset_from_a_day_is_one_expression(text: str, expected: list) -> None:
    assert values(text, WED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day of the month alone after on/by/until/since...: the publication month's (the month before when the
        # day is still to come in a past clause, the month after when it has gone by in a future one) ...
        ("On the 12th, the boiler burst.", [("the 12th", "DATE", "2024-12-12")]),
        ("On the 21st the boiler burst.", [("the 21st", "DATE", "2024-11-21")]),
        ("The crew will replace the boiler by the 3rd.", [("the 3rd", "DATE", "2025-01-03")]),
        ("Tickets sold out on the 2nd and the hall filled.", [("the 2nd", "DATE", "2024-12-02")]),
        ("The boiler burst on the 12th of this month.", [("the 12th of this month", "DATE", "2024-12-12")]),
        # ... or the month narrated just before, in the same or the previous paragraph.
        ("The choir formed in April.\n\nOn the 9th it sang.", [("April", "DATE", "2024-04"),
                                                             ("the 9th", "DATE", "2024-04-09")]),
        ("The choir formed in April.\n\nIt grew.\n\nOn the 9th it sang.", [("April", "DATE", "2024-04"),
                                                                          ("the 9th", "DATE", "2024-12-09")]),
        # Ordinals that are not days.
        ("The 12th amendment was ratified.", []),
        ("The office is on the 12th floor.", []),
        ("The pianist was 12th-seeded.", []),
        ("He finished the 3rd lap first.", []),
        ("The speech came on the 11th anniversary of the flood.", []),
    ],
)
def test_ordinal_day_of_the_month(text: str, expected: list) -> None:
    assert values(text, WED) == expected


def test_days_after_a_month_keep_the_month_precision() -> None:
    """ "Two days later" after "in June" is some day from June 3 to July 2, not June 3; after a day, that day + 2."""
    t = tag_timexes("The fair opened in June. Two days later, it rained.", dct=WED)[1]
    assert (t.value, t.precision, t.range) == ("P2D", "month", (dt.date(2024, 6, 3), dt.date(2024, 7, 2)))
    t = tag_timexes("The fair opened in June. On the 12th it flooded. Two days later, it rained.", dct=WED)[2]
    assert (t.value, t.precision, t.range) == ("P2D", "day", (dt.date(2024, 6, 14), dt.date(2024, 6, 14)))


def test_earlier_this_week_is_the_part_before_publication() -> None:
    t = only("The rally took place earlier this week.")
    assert (t.range_start, t.range_end) == (dt.date(2022, 11, 14), dt.date(2022, 11, 16))
    assert t.precision == "week"


def test_week_is_a_range_not_a_day() -> None:
    t = only("The rally took place this week.")
    assert t.precision == "week"
    assert (t.range_start, t.range_end) == (dt.date(2022, 11, 14), dt.date(2022, 11, 20))


# --- relative to the event narrated before -------------------------------------------------------------------------


def test_hours_earlier_is_relative_to_the_previous_date() -> None:
    found = tag_timexes("The mayor spoke on Tuesday. Hours earlier, the council had voted.", dct=THU)
    assert [t.value for t in found] == ["2022-11-15", "2022-11-15"]
    later = found[1]
    assert later.anchor == dt.date(2022, 11, 15) and later.anchor_kind == "previous"
    assert later.mod == "BEFORE"
    assert (later.range_start, later.range_end) == (dt.date(2022, 11, 14), dt.date(2022, 11, 15))


def test_a_year_earlier_follows_the_quarter_discussed() -> None:
    found = values("Profit rose in the third quarter from a loss a year earlier.", dct=dt.date(1999, 11, 2))
    assert found == [("the third quarter", "DATE", "1999-Q3"), ("a year earlier", "DATE", "1998-Q3")]


# --- traps: year boundary, ISO week 53 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("The vote was held on Friday.", dt.date(2023, 1, 2), "2022-12-30"),  # Monday after New Year
        ("The vote was held on Dec. 30.", dt.date(2023, 1, 2), "2022-12-30"),
        ("The vote was held in December.", dt.date(2023, 1, 2), "2022-12"),
        ("The vote was held last month.", dt.date(2023, 1, 2), "2022-12"),
        ("The vote was held last year.", dt.date(2023, 1, 2), "2022"),
        ("The vote will be held on Jan. 3.", dt.date(2022, 12, 28), "2023-01-03"),
        ("The vote is held next month.", dt.date(2022, 12, 15), "2023-01"),
        ("The vote was held this week.", dt.date(2020, 12, 31), "2020-W53"),  # ISO week 53
        ("The vote was held this week.", dt.date(2021, 1, 1), "2020-W53"),  # January 1st in last year's week
        ("The vote was held last week.", dt.date(2021, 1, 8), "2020-W53"),
        ("The vote is held next week.", dt.date(2021, 12, 30), "2022-W01"),
    ],
)
def test_year_boundary_and_iso_week_53(text: str, dct: dt.date, expected: str) -> None:
    assert only(text, dct).value == expected


# --- durations, sets, generic references, times -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_text", "expected"),
    [
        ("The talks lasted three days.", "three days", "P3D"),
        ("The talks lasted 48 hours.", "48 hours", "PT48H"),
        ("It was a two-year project.", "two-year", "P2Y"),
        ("The talks lasted at least 72 hours.", "at least 72 hours", "PT72H"),
        ("Prices rose over the past two months.", "the past two months", "P2M"),
        ("The dispute has dragged on for years.", "years", "PXY"),
        ("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The war lasted two decades.", "two decades", "P20Y"),
    ],
)
def test_durations(text: str, expected_text: str, expected: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (expected_text, "DURATION", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number word inside another word is no number: "Kris-ten Day", "Obam-a years", "Armeni-an quarter".
        ("The director, Kristen Day, spoke.", []),
        ("It undid the progress of the Obama years.", [("years", "DURATION", "PXY")]),
        ("The gallery opened for ten days.", [("ten days", "DURATION", "P10D")]),
    ],
)
def test_a_number_starts_at_a_word_boundary(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A live blog's entry stamp is not dated by a day still to come that the entry before announced ...
        ("9:10 a.m.: Ministers will meet tomorrow morning.\n\n4:55 p.m.: The rain eased.",
         ["2022-11-17T09:10", "2022-11-18TMO", "2022-11-17T16:55"]),
        ("9:10 a.m.: Ministers meet tomorrow.\n\n4:55 p.m. \u2014 The rain eased.",
         ["2022-11-17T09:10", "2022-11-18", "2022-11-17T16:55"]),
        # ... but a day narrated before publication still dates the entries after it (a timeline of events),
        ("Crews worked on Tuesday.\n\n11:20 a.m. \u2014 The road reopened.", ["2022-11-15", "2022-11-15T11:20"]),
        # and a clock time inside a sentence keeps the day narrated.
        ("Ministers will meet tomorrow at 6 p.m.", ["2022-11-18", "2022-11-18T18:00"]),
    ],
)
def test_live_blog_stamps_are_not_dated_by_an_announced_day(text: str, expected: list[str]) -> None:
    assert [v for _, _, v in values(text)] == expected


def test_an_age_is_not_a_duration() -> None:
    assert values("The 6-year-old boy and his 52-year-old father arrived.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The paper is printed daily.", "P1D"),
        ("The committee meets every month.", "P1M"),
        ("The tickets cost $40 a year.", "P1Y"),
    ],
)
def test_sets(text: str, expected: str) -> None:
    t = only(text)
    assert (t.type, t.value) == ("SET", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge is now closed.", "PRESENT_REF"),
        ("The bridge was recently closed.", "PAST_REF"),
        ("The bridge may close in the future.", "FUTURE_REF"),
    ],
)
def test_generic_references(text: str, expected: str) -> None:
    t = only(text)
    assert (t.type, t.value, t.anchor) == ("DATE", expected, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The polls closed at 8 p.m. Tuesday.", "2022-11-15T20:00"),
        ("The polls opened at 7:30 a.m. today.", "2022-11-17T07:30"),
        ("The polls closed at noon Wednesday.", "2022-11-16T12:00"),
    ],
)
def test_times(text: str, expected: str) -> None:
    t = only(text)
    assert (t.type, t.value) == ("TIME", expected)


# --- no publication date ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor resigned on Tuesday.", "XXXX-WXX-2"),
        ("The mayor resigned this week.", "XXXX-WXX"),
        ("The mayor resigned yesterday.", "XXXX-XX-XX"),
        ("The mayor resigned last year.", "XXXX"),
        ("The mayor resigned on Nov. 15.", "XXXX-11-15"),
    ],
)
def test_without_publication_date_relative_values_stay_unresolved(text: str, expected: str) -> None:
    t = only(text, None)
    assert (t.value, t.anchor, t.unresolved) == (expected, None, True)


def test_without_publication_date_absolute_values_resolve() -> None:
    t = only("The mayor resigned on November 15, 2021.", None)
    assert (t.value, t.unresolved) == ("2021-11-15", False)


# --- helpers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harris will address the summit", "future"),
        ("Harris is set to address the summit", "future"),
        ("Harris said she would attend", "future"),
        ("Harris addressed the summit", "past"),
        ("The summit will be held", "future"),
        ("The summit is expected to be held", "future"),
        ("The summit was held", "past"),
        ("Harris addresses the summit", None),
        ("Harris said the talks could collapse", "future"),
        ("Harris could not attend", "past"),
        ("Harris would have attended", "past"),
        ("Harris urged both sides to return", "past"),  # the infinitive counts only before a deadline
        ("Harris urges both sides to return", "future"),
        ("The Clean Air Plan was designed to lower", "past"),  # "Plan" is no governing verb
        ("The judge set the hearing for ", "future"),  # a date set
        ("The board postponed the vote until ", "future"),  # a date put off to
        ("The vote was postponed for ", "past"),  # "postponed for a week" is a length, no date set
        ("The hearing had been scheduled for ", None),  # a plan now past: not future ("scheduled" is both)
    ],
)
def test_clause_tense(text: str, expected: str | None) -> None:
    assert clause_tense(text, len(text)) == expected


# --- seventh user audit: deadlines, fiscal years and quarters, year spans, day ranges, 24-hour clock ----------

JUN2 = dt.date(2026, 6, 2)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day and month without a year, in a modal or future clause or after "by", is the next such day.
        ("By 30 November, the new rules must be in force.", [("30 November", "DATE", "2026-11-30")]),
        ("By November 30, the new rules must be in force.", [("November 30", "DATE", "2026-11-30")]),
        ("The report must be sent to ministers by 30 November.", [("30 November", "DATE", "2026-11-30")]),
        ("Bids are due by 15 October.", [("15 October", "DATE", "2026-10-15")]),
        ("By 30 November, the rules should take effect.", [("30 November", "DATE", "2026-11-30")]),
        # ... a past clause keeps the past one.
        ("By 30 November, the rules had taken effect.", [("30 November", "DATE", "2025-11-30")]),
        ("The report was sent to ministers on 30 November.", [("30 November", "DATE", "2025-11-30")]),
    ],
)
def test_a_deadline_day_without_a_year_is_the_next_one(text: str, expected: list) -> None:
    assert values(text, JUN2) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Fiscal years are named by their year (as TimeBank's "fiscal 1989"), quarters and halves as TimeML writes them.
        ("The charge would raise more in FY2028 than in FY27.",
         [("FY2028", "DATE", "2028"), ("FY27", "DATE", "2027")]),
        ("Spending will be cut in FY 2029.", [("FY 2029", "DATE", "2029")]),
        ("The review will be over before the end of Q3.", [("Q3", "DATE", "2026-Q3")]),
        ("In Q4 of this year the scheme opens.", [("Q4 of this year", "DATE", "2026-Q4")]),
        ("Payments begin in Q1 of FY2028.", [("Q1 of FY2028", "DATE", "2028-Q1")]),
        ("Orders slipped in Q2 2025.", [("Q2 2025", "DATE", "2025-Q2")]),
        ("Output should recover in H1 2028.", [("H1 2028", "DATE", "2028-H1")]),
        # ... "H2" alone is hydrogen, not a half; "Q:" is an interviewer, not a quarter.
        ("The plant makes H2 from seawater.", []),
        ("Q: Will the plant make a loss?", []),
    ],
)
def test_fiscal_years_quarters_and_halves(text: str, expected: list) -> None:
    assert values(text, JUN2) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A run of years ("2023-24", a season or a financial year): the first year, ranging over the run.
        ("Crowds fell in the 2022-23 season.", [("the 2022-23 season", "DATE", "2022", "2022-01-01", "2023-12-31")]),
        ("The trust ran deficits in 2024-25.", [("2024-25", "DATE", "2024", "2024-01-01", "2025-12-31")]),
        ("Costs rose in FY2024-25.", [("FY2024-25", "DATE", "2024", "2024-01-01", "2025-12-31")]),
        ("The contract covers the 2028-29 to 2031-32 seasons.",
         [("the 2028-29", "DATE", "2028", "2028-01-01", "2029-12-31"),
          ("2031-32 seasons", "DATE", "2031", "2031-01-01", "2032-12-31")]),
        # ... an ISO year-month and a number range are no run of years.
        ("The figure fell to 2021-12 units.", []),
        ("Scores ranged from 1995-1990.", []),
        # A day range keeps both days: the first day's value, the range over both.
        ("Talks were held on 5/6 May.", [("5/6 May", "DATE", "2026-05-05", "2026-05-05", "2026-05-06")]),
        ("Talks will be held on 8-9 March 2027.",
         [("8-9 March 2027", "DATE", "2027-03-08", "2027-03-08", "2027-03-09")]),
        ("Talks were held on May 5-6.", [("May 5-6", "DATE", "2026-05-05", "2026-05-05", "2026-05-06")]),
    ],
)
def test_runs_of_years_and_days_keep_their_range(text: str, expected: list) -> None:
    found = tag_timexes(text, dct=JUN2)
    assert [(t.text, t.type, t.value, str(t.range_start), str(t.range_end)) for t in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the night of the 12th", as "on the 12th": the day of the month narrated, at night.
        ("Shops were looted on the night of the 14th.", [("the night of the 14th", "TIME", "2026-05-14TNI")]),
        ("Fires broke out on the morning of the 1st.", [("the morning of the 1st", "TIME", "2026-06-01TMO")]),
        # A season with "of <year>" after its noun, or a year after it, is that year's.
        ("The tax was revived in the autumn statement of 2024.",
         [("the autumn", "DATE", "2024-FA"), ("2024", "DATE", "2024")]),
        ("Autumn 2024: the tax is revived.", [("Autumn 2024", "DATE", "2024-FA")]),
        ("Building began in spring 2025.", [("spring 2025", "DATE", "2025-SP")]),
        # ... "ahead of" is no noun of the season's.
        ("Prices rose in the summer ahead of 2027.", [("the summer", "DATE", "2026-SU"), ("2027", "DATE", "2027")]),
        # A capitalised "The Weekend" before another capitalised word is a title.
        ("She wrote for The Weekend Post on Monday.", [("Monday", "DATE", "2026-06-01")]),
        ("The weekend was quiet.", [("The weekend", "DATE", "2026-W22-WE")]),
    ],
)
def test_parts_of_a_numbered_day_seasons_of_a_year_and_titles(text: str, expected: list) -> None:
    assert values(text, JUN2) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The 24-hour clock after "at", "from", "until" ... or before a time zone: a time of the day narrated.
        ("The minister landed at 13:50, officials said.", [("13:50", "TIME", "2026-06-02T13:50")]),
        ("At 09:30 BST the hearing resumed.", [("09:30 BST", "TIME", "2026-06-02T09:30")]),
        ("Voting closed at 23:59 local time.", [("23:59 local time", "TIME", "2026-06-02T23:59")]),
        ("The talks began at 14:05 GMT.", [("14:05 GMT", "TIME", "2026-06-02T14:05Z")]),
        ("On Monday the line was shut from 10:15 until 16:40.",
         [("Monday", "DATE", "2026-06-01"), ("10:15", "TIME", "2026-06-01T10:15"),
          ("16:40", "TIME", "2026-06-01T16:40")]),
        # ... not a ratio, a score, a verse, a single-digit hour or an hour past 23.
        ("The side won 13:50 and the ratio was 16:9; read John 3:16.", []),
        ("They met at 9:30 and left at 25:10.", []),
    ],
)
def test_the_24_hour_clock(text: str, expected: list) -> None:
    assert values(text, JUN2) == expected


def test_plain_text_without_dates() -> None:
    assert tag_timexes("Nothing here is a date at all.", dct=THU) == []


def test_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="str"):
        tag_timexes(b"Tuesday", dct=THU)  # type: ignore[arg-type]


_PLAIN_CLAUSE_BREAK = (
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bMrs)\.|[!?;:\u2014\u201c\u201d\"(]|''|``|\n"
    r"|,\s+(?:but|and|while|although|though|as|where|which|who|when)\b|\bthat\b"
)


@pytest.mark.parametrize("text", [
    "Mr. Smith said that the talks, but not the deal, ended.",
    "J. Doe met Ms. Roe; Dr. Who (a doctor) left \u2014 and \u201cthat\u201d was that.",
    "xMr. athat thatx that. St. Louis, as Jr. said: '' `` done!\nNext? A.",
    "that",
    "thatthat that-that _that that_",
])
def test_clause_break_matches_its_plain_formulation(text: str) -> None:
    import re

    from analysis.timex import _CLAUSE_BREAK

    plain = re.compile(_PLAIN_CLAUSE_BREAK)
    for lo in range(len(text) + 1):  # every window start, as the tense checks cut windows out of the text
        window = text[lo:]
        assert [m.span() for m in _CLAUSE_BREAK.finditer(window)] == [m.span() for m in plain.finditer(window)]


_LOOKAHEAD = r"^\(\?=\(\?i:\[[^\]]*\]\)(?:\|\\d)?\)"
_RULE_TEXTS = [
    "Last Monday, early Tuesday morning and the following Wed. at about 3 p.m. EST on Friday, roughly at noon.",
    "In early March, late in April 2021, this past May 3, 2022, Mon. Sept. 5 and THURSDAY, DECEMBER 1; mid-June.",
    "Shortly after midnight local time, around 11:30 a.m. on June 2, 7 o'clock tomorrow; the 1st at 10pm.",
    "Now, currently, for the moment, in the coming weeks and recent years, as soon as possible, nowadays.",
    "xMonday Sundays yesterday's afternoon 12am 99pm ARound 5 P.M. \u212aelvin \u017funday \u2019til Thurs.",
    "the end of January, earlier this week, later that month, the beginning of Feb. 3 and next Saturday night",
    "For nearly three years, the past 18 months, up to a couple of weeks, 2 1/2 days, 90-day, a decade-long wait.",
    "Two days ago, about 5 years earlier, several months later; in the 1990s, the early '80s and mid-2010s.",
    "Last Christmas, this Thanksgiving, next Memorial Day, New Year\u2019s Eve, July 4th, Independence Day 2020.",
    "Early this year, the past week, later this month, the coming decade, previous quarter, xyears, Sundays.",
    "A week from Friday, two days from today; on the 12th, by the 3rd, the 21st of this month, 12th-seeded.",
]


@pytest.mark.parametrize("text", _RULE_TEXTS)
def test_rule_lookaheads_change_no_match(text: str) -> None:
    """A rule's leading first-character lookahead (a speed-up) must keep exactly the matches of the rule without
    it, at every start position (as the rules run in windows cut out of the text)."""
    import re

    from analysis.timex import _rules

    guarded = [(name, pattern) for name, pattern, _ in _rules() if re.match(_LOOKAHEAD, pattern.pattern)]
    assert {name for name, _ in guarded} >= {"time", "weekday", "month", "month-day", "generic", "duration",
                                                 "ago", "relative-period", "decade", "holiday"}
    for name, pattern in guarded:
        plain = re.compile(re.sub(_LOOKAHEAD, "", pattern.pattern, count=1), pattern.flags)
        assert plain.pattern != pattern.pattern, name
        for lo in range(len(text)):
            got = [(m.span(), m.groups()) for m in pattern.finditer(text, lo)]
            assert got == [(m.span(), m.groups()) for m in plain.finditer(text, lo)], (name, text[lo:])


# --- fifth audit: year words after a day, dates set or owed, seasons, British offsets, titles, "a second" ---


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "Feb. 24 last year": the year word after the day decides, not the nearer year.
        ("The ferry line opened on Feb. 24 last year.", dt.date(2023, 2, 9), "2022-02-24"),
        ("The ferry line opened on March 3 last year.", dt.date(2023, 2, 9), "2022-03-03"),
        ("The ferry line opened on 3 March last year.", dt.date(2023, 2, 9), "2022-03-03"),
        ("The ferry line opens on Nov. 2 next year.", dt.date(2023, 2, 9), "2024-11-02"),
        ("The ferry line opened on Jan. 5 this year.", dt.date(2023, 2, 9), "2023-01-05"),
        # A date set or moved to is ahead, though the setting is narrated in the past.
        ("The judge set a hearing for Sept. 30.", dt.date(2024, 6, 14), "2024-09-30"),
        ("The board postponed the vote until Oct. 1.", dt.date(2024, 6, 14), "2024-10-01"),
        ("The council adjourned the hearing to Monday.", dt.date(2024, 6, 14), "2024-06-17"),
        ("The hearing had been scheduled for Monday.", dt.date(2024, 6, 14), "2024-06-10"),  # a plan now past
        ("The judge set bail on Monday.", dt.date(2024, 6, 14), "2024-06-10"),  # no "for": no date set
        # An obligation reported in the past ("had to", "needed to") before a deadline is still ahead.
        ("The mayor said the accounts had to be settled by June 30.", dt.date(2025, 1, 22), "2025-06-30"),
        ("The agency said it needed to finish the audit by Friday.", dt.date(2025, 1, 22), "2025-01-24"),
        ("The crews had to work on Friday.", dt.date(2025, 1, 22), "2025-01-17"),  # no deadline: narrated
        # A season without a year: ahead in a future clause, already begun in a past one.
        ("The museum will reopen in the spring.", dt.date(2024, 9, 5), "2025-SP"),
        ("The museum said it would reopen in the summer.", dt.date(2024, 7, 10), "2024-SU"),  # under way
        ("The museum closed in the autumn.", dt.date(2024, 4, 9), "2023-FA"),
        ("The museum closed in the winter.", dt.date(2024, 11, 20), "2023-WI"),
        ("The museum is busiest in the summer.", dt.date(2024, 4, 9), "2024-SU"),  # no tense: this year's
    ],
)
def test_year_words_set_dates_obligations_and_seasons(text: str, dct: dt.date, expected: str) -> None:
    assert tag_timexes(text, dct=dct)[0].value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British "Friday week", "a week on Friday": the coming Friday and a week (WED is a Wednesday).
        ("The committee meets on Friday week.", [("Friday week", "DATE", "2024-12-27")]),
        ("The committee meets a week on Friday.", [("a week on Friday", "DATE", "2024-12-27")]),
        ("The committee meets Wednesday week.", [("Wednesday week", "DATE", "2024-12-25")]),
        ("The committee meets Friday fortnight.", [("Friday fortnight", "DATE", "2025-01-03")]),
        ("The committee spent two days on Friday's report.",
         [("two days", "DURATION", "P2D"), ("Friday", "DATE", "2024-12-13")]),  # "on" counts weeks only
    ],
)
def test_british_weekday_offsets(text: str, expected: list) -> None:
    assert values(text, WED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capitalised "Today" after a word or in quotation marks of its own is a programme or a paper.
        ("The minister defended the plan on the BBC's Today programme.", []),
        ("She gave an interview to USA Today.", []),
        ("He appeared on NBC's \u201cToday\u201d show.", []),
        ("Today the minister defends the plan.", [("Today", "DATE", "2022-11-17")]),
        ("\u201cToday is a good day,\u201d she said.", [("Today", "DATE", "2022-11-17")]),
        ("\u201cTonight\u2019s vote matters,\u201d she said.", [("Tonight", "TIME", "2022-11-17TNI")]),
        ("'Today is a good day,' she said.", [("Today", "DATE", "2022-11-17")]),
        ("\u2018Today is a good day,\u2019 she said.", [("Today", "DATE", "2022-11-17")]),
        ("He appeared on NBC's 'Today' show.", []),
        ("He appeared on the Smiths' Today show.", []),
        ("The minister defends the plan today.", [("today", "DATE", "2022-11-17")]),
        # "a second" before a noun is the ordinal; before punctuation or a function word, a duration.
        ("The lab will publish a second study.", []),
        ("The team won a second-round tie.", []),
        ("For a second, nobody moved.", [("a second", "DURATION", "PT1S")]),
        ("The lights flickered for a second or two.", [("a second", "DURATION", "PT1S")]),
    ],
)
def test_programme_titles_and_ordinal_second_are_no_times(text: str, expected: list) -> None:
    assert values(text) == expected


MAR12 = dt.date(2024, 3, 12)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # A present state lasting until a weekday or month: the day is ahead.
        ("Pupils are scared, the library is closed until Thursday, a teacher said.", MAR12,
         [("Thursday", "DATE", "2024-03-14")]),
        ("The bridge will stay closed until Friday.", MAR12, [("Friday", "DATE", "2024-03-15")]),
        ("The pools are shut till Sunday.", MAR12, [("Sunday", "DATE", "2024-03-17")]),
        ("The archive remains sealed until June.", MAR12, [("June", "DATE", "2024-06")]),
        # ... but a state narrated in the past stays past.
        ("The bridge was closed until Friday.", MAR12, [("Friday", "DATE", "2024-03-08")]),
        ("The club's gates were locked until Sunday.", MAR12, [("Sunday", "DATE", "2024-03-10")]),
        # "after midnight" on a day narrated without an evening opens that day; after an evening it is the night after.
        ("Rebels attacked on Tuesday. Guns fired shortly after midnight near the dam.", MAR12,
         [("Tuesday", "DATE", "2024-03-12"), ("shortly after midnight", "TIME", "2024-03-12T00:00")]),
        ("The count began at 9 p.m. Monday. It ended shortly after midnight.", MAR12,
         [("9 p.m. Monday", "TIME", "2024-03-11T21:00"), ("shortly after midnight", "TIME", "2024-03-11T24:00")]),
        # A quoted "Tonight" spoken on the evening just narrated, the eve of publication, is that evening.
        (("The network called the vote at 10:15 p.m. on Monday. \u201cTonight we won,\u201d the mayor told fans "
          "shortly before midnight."), MAR12,
         [("10:15 p.m. on Monday", "TIME", "2024-03-11T22:15"), ("Tonight", "TIME", "2024-03-11TNI"),
          ("shortly before midnight", "TIME", "2024-03-11T24:00")]),
        # ... in British single quotation marks, straight or curly, alike.
        (("The network called the vote at 10:15 p.m. on Monday. \u2018Tonight we won,\u2019 the mayor told fans."),
         MAR12, [("10:15 p.m. on Monday", "TIME", "2024-03-11T22:15"), ("Tonight", "TIME", "2024-03-11TNI")]),
        ("The network called the vote at 10:15 p.m. on Monday. 'Tonight we won,' the mayor told fans.", MAR12,
         [("10:15 p.m. on Monday", "TIME", "2024-03-11T22:15"), ("Tonight", "TIME", "2024-03-11TNI")]),
        # An apostrophe opens no quotation, nor does a stray double mark: "tonight" is the publication day's.
        ("The network called the vote at 10:15 p.m. on Monday. Fans of rock 'n' roll dance tonight.", MAR12,
         [("10:15 p.m. on Monday", "TIME", "2024-03-11T22:15"), ("tonight", "TIME", "2024-03-12TNI")]),
        ("The network called the vote at 10:15 p.m. on Monday. The MPs' pay vote is tonight.", MAR12,
         [("10:15 p.m. on Monday", "TIME", "2024-03-11T22:15"), ("tonight", "TIME", "2024-03-12TNI")]),
        ('The network called the vote at 10:15 p.m. on Monday. The 6\'2" mayor speaks tonight.', MAR12,
         [("10:15 p.m. on Monday", "TIME", "2024-03-11T22:15"), ("tonight", "TIME", "2024-03-12TNI")]),
        # ... not after "yesterday" (the quotation may be the day's reaction).
        ("The dam broke yesterday. \u201cToday we mourn,\u201d the mayor said.", MAR12,
         [("yesterday", "DATE", "2024-03-11"), ("Today", "DATE", "2024-03-12")]),
        # "a year earlier" in a past clause after a forecast compares the period reported, not the forecast.
        (("Sales for the quarter rose 9%. She said costs would ease next year. The margin shrank to 40% from 44% a "
          "year earlier."), dt.date(2025, 10, 29),
         [("the quarter", "DATE", "2025-Q3"), ("next year", "DATE", "2026"), ("a year earlier", "DATE", "2024-Q3")]),
        ("He said prices would fall next year. Prices rose 3% from a year earlier.", dt.date(2025, 10, 29),
         [("next year", "DATE", "2026"), ("a year earlier", "DATE", "2024")]),
        # "Two years later" after a decade is a range of years, sorted after the decade, never its first year.
        ("In the 1960s he farmed. Two years later he sold the land.", MAR12,
         [("the 1960s", "DATE", "196"), ("Two years later", "DURATION", "P2Y")]),
    ],
)
def test_states_midnights_quoted_days_comparisons_and_decades(text: str, dct: dt.date, expected: list) -> None:
    assert values(text, dct) == expected


def test_years_after_a_decade_keep_a_shifted_decade_range() -> None:
    later = tag_timexes("In the 1960s he farmed. Two years later he sold the land.", dct=MAR12)[1]
    assert (later.range_start, later.range_end) == (dt.date(1962, 1, 1), dt.date(1971, 12, 31))


# --- seventh audit: a live blog's anchors, an earliest day ahead, a quotation's day of speech ------------------

SAT = dt.date(2024, 3, 16)  # a Saturday: the coming Monday is 2024-03-18, the last one 2024-03-11


def value_of(text: str, expression: str, dct: dt.date | None) -> str:
    """The value of the first expression tagged as exactly ``expression`` (or its text list, to show the miss)."""
    tagged = tag_timexes(text, dct=dct)
    for t in tagged:
        if t.text == expression:
            return t.value
    return f"not tagged in {[t.text for t in tagged]}"


@pytest.mark.parametrize(
    ("text", "expression", "dct", "expected"),
    [
        # A hedged earliest day ("probably not before Monday") is ahead, even after a past "said ... could not".
        ("An engineer said the trains could not run until the line dries, probably not before Monday.", "Monday",
         SAT, "2024-03-18"),
        ("The bank said branches might not reopen for days, perhaps not until Wednesday.", "Wednesday", SAT,
         "2024-03-20"),
        ("The museum reopens Tuesday at the earliest, its director said.", "Tuesday", SAT, "2024-03-19"),
        # ... a hedged verb narrates the past.
        ("The line was possibly not repaired before Monday, an engineer said.", "Monday", SAT, "2024-03-11"),
        # A live blog's entry stamp is the publication day's, whatever day the entry before named ...
        (("5:10 p.m. \u2014 The depot last flooded on Wednesday, a driver recalled.\n\n4:20 p.m. \u2014 Crowds "
         "gathered at the pier."), "4:20 p.m.", SAT, "2024-03-16T16:20"),
        ("6 p.m. \u2014 Pumps were promised for Tuesday, staff said.\n\n5:40 p.m.: Sirens sounded near the dam.",
         "5:40 p.m.", SAT, "2024-03-16T17:40"),
        # ... and a bare time later in the entry stays on that day.
        ("5:10 p.m. \u2014 The depot last flooded on Wednesday.\n\n4:20 p.m. \u2014 More rain is due at 11 p.m.",
         "11 p.m.", SAT, "2024-03-16T23:00"),
        # ... or the blog's own date line's.
        ("Friday, March 15\n\n11:30 p.m. \u2014 The last bus left on Tuesday.\n\n10:05 p.m. \u2014 Rain began.",
         "10:05 p.m.", SAT, "2024-03-15T22:05"),
        # A quoted "today" after a day the speaker names is the day of the entry, not that day.
        (("3:50 p.m. \u2014 A nurse was angry. \u201cWe asked for beds on Thursday. They arrived today,\u201d she "
         "said."), "today", SAT, "2024-03-16"),
        # A quoted "tonight" at an occasion its paragraph dates is that night, a date inside the quotation aside.
        (("At Tuesday night's meeting, Councillor Ames said: \u201cWe promised a park in 2019, and tonight we broke "
         "that promise.\u201d"), "tonight", dt.date(2024, 3, 14), "2024-03-12TNI"),
        (("Councillor Ames spoke at Monday night\u2019s council session, which ran late after a long row over "
         "parking fees, bus lanes, bins, the library\u2019s hours and the leisure centre\u2019s pool, and a protest "
         "outside. \u201cTonight we let the town down,\u201d she said."), "Tonight", SAT, "2024-03-11TNI"),
        # ... not a day narrated without an occasion of speech, more than two days back.
        ("Smith was arrested on Monday. \u201cToday I feel betrayed,\u201d he said.", "Today", SAT, "2024-03-16"),
        # ... nor one in another paragraph.
        ("At Monday's meeting, the mayor spoke.\n\nLater, \u201ctoday is a good day,\u201d she told us.", "today",
         SAT, "2024-03-16"),
        # "the end of the year" (or week) is the DCT's, with its edge as the MOD.
        ("Guidance will be issued by the end of the year.", "the end of the year", SAT, "2024"),
        ("Work starts at the beginning of the week.", "the beginning of the week", SAT, "2024-W11"),
    ],
)
def test_live_blog_anchors_earliest_days_and_days_of_speech(text: str, expression: str, dct: dt.date,
                                                            expected: str) -> None:
    assert value_of(text, expression, dct) == expected


@pytest.mark.parametrize(("opening", "closing"), [
    ("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("'", "'"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"),
])
def test_a_quotations_speech_words_never_date_its_today(opening: str, closing: str) -> None:
    # review 8: the occasion of speech is looked for before the quotation's opening mark, whatever its style
    # (a single-mark or guillemet quotation was searched to "today", so its own "said" dated the speech)
    text = f"The plant closed on Tuesday. {opening}I said today would be hard,{closing} a worker told us."
    assert value_of(text, "today", SAT) == "2024-03-16"


@pytest.mark.parametrize(
    ("text", "mod"),
    [("Guidance will be issued by the end of the year.", "END"), ("Work starts at the start of the year.", "START"),
     ("Rents peak in the middle of the week.", "MID"), ("Sales closed at the close of the year.", "END")],
)
def test_the_edge_of_the_unit_carries_its_mod(text: str, mod: str) -> None:
    (t,) = tag_timexes(text, dct=SAT)
    assert t.mod == mod


def test_noon_is_no_part_of_afternoon() -> None:
    assert values("3:15 p.m. \u2014 Good afternoon from the pier.", SAT) == [("3:15 p.m.", "TIME", "2024-03-16T15:15")]


# --- the day and month names: the one list other modules derive theirs from --------------------------------------


def test_calendar_names_split_full_names_from_abbreviations() -> None:
    from analysis.timex import calendar_names, lexicon

    names = calendar_names()
    assert len(names["full_months"]) == 12 and {"may", "september"} <= names["full_months"]
    assert {"sept", "sep", "jan"} <= names["short_months"] and "may" not in names["short_months"]
    assert len(names["full_weekdays"]) == 7 and {"tues", "thur", "thu"} <= names["short_weekdays"]
    assert names["full_months"] | names["short_months"] == set(lexicon()["months"])
    assert names["full_weekdays"] | names["short_weekdays"] == set(lexicon()["weekdays"])


@pytest.mark.parametrize("text", ["The board met on Thur. to vote.", "The board met on Thurs. to vote."])
def test_abbreviated_thursday(text: str) -> None:
    t = only(text)
    assert (t.type, t.value, t.rule) == ("DATE", "2022-11-17", "weekday")


# --- eighth audit: schedules ahead, clock times without a day, quoted yesterday, small false positives -------------

FEB = dt.date(2025, 2, 13)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a present-tense schedule ("takes effect", "starts", "begins") looks ahead to the next such day
        ("The revised timetable takes effect on Sept. 2, the first day of the 2025-26 term.", "Sept. 2", "2025-09-02"),
        ("The new bus routes go into effect on June 30.", "June 30", "2025-06-30"),
        ("The tournament begins on July 12 in the capital.", "July 12", "2025-07-12"),
        ("The council agreed on Monday to extend library hours starting in July.", "July", "2025-07"),
        ("Members voted to trim the season by two weeks beginning in October.", "October", "2025-10"),
        # a narrated past stays past
        ("The strike began in July and lasted a month.", "July", "2024-07"),
        ("The festival took place on July 12.", "July 12", "2024-07-12"),
    ],
)
def test_present_schedules_look_ahead(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, FEB) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a habitual present clock time takes no day from another sentence
        (("The agency will publish the figures by March 3. Staff collected the data last autumn. "
         "\u201cHe clocks out at 11 p.m. now,\u201d she said."), "11 p.m.", "XXXX-XX-XXT23:00"),
        ("The minister spoke on Tuesday. Why is a clinic that closes at 9 p.m. not shut?", "9 p.m.",
         "XXXX-XX-XXT21:00"),
        # a year narrated after the day: the clock time is that year's, with no day known
        (("Members will vote by April 2. The idea was first floated in 2019, when a panel proposed a start time "
         "of 8:50 a.m."), "8:50 a.m.", "XXXX-XX-XXT08:50"),
        # a future clock time takes no past day of another sentence
        ("The board voted on Tuesday. Under the plan, lessons will start at 9:10 a.m. instead.", "9:10 a.m.",
         "XXXX-XX-XXT09:10"),
        # a narrated past event keeps the day narrated before it, a future one a day ahead
        ("The plane left on Tuesday. It touched down at 4:10 p.m.", "4:10 p.m.", "2025-02-11T16:10"),
        ("The vote is set for Friday. Polls will open at 7 a.m.", "7 a.m.", "2025-02-14T07:00"),
        ("The shop closed at 6 p.m. on Tuesday.", "6 p.m. on Tuesday", "2025-02-11T18:00"),
        # a schedule of the day narrated, with no habitual adverb or relative clause, keeps that day
        ("Voters cast ballots on Tuesday. Polls close at 8 p.m.", "8 p.m.", "2025-02-11T20:00"),
        ("The market opens daily at 6 a.m. from Tuesday.", "6 a.m.", "XXXX-XX-XXT06:00"),
    ],
)
def test_clock_times_take_a_day_only_from_their_own_event(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, FEB) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        (("Health officials on Tuesday defended the cuts at a crowded news conference.\n\n"
         "Officials said the clinics would reopen on March 20.\n\n"
         "Asked about the premier, she said: \u201cShe called me yesterday to say, \u2018Hold firm.\u2019\u201d"),
         "yesterday", "2025-02-10"),
        # with no speech occasion narrated, the publication date stays the anchor
        (("Officials said the clinics would reopen on March 20.\n\n"
         "\u201cShe called me yesterday,\u201d the minister said."), "yesterday", "2025-02-12"),
    ],
)
def test_quoted_yesterday_is_the_day_before_the_speech(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, FEB) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pool is open seven days a week.", [("seven days a week", "SET", "P1W")]),
        ("The library is open six days a week.", [("six days a week", "SET", "P1W")]),
        ("Residents complained about changes to opening hours.", []),
        ("The bank extended its business hours.", []),
        ("He kept falling asleep in first period.", []),
        ("Profit rose 12% in the first period.", [("the first period", "DATE", "2025-Q1")]),
        ("The talks lasted hours.", [("hours", "DURATION", "PTXH")]),
        ("He faded in the closing weeks of the race.", [("weeks", "DURATION", "PXW")]),
    ],
)
def test_sets_of_days_opening_hours_and_school_periods(text: str, expected: list) -> None:
    assert values(text, FEB) == expected


def test_a_quoted_day_of_speech_is_anchored_on_the_speech_day() -> None:
    text = ("The mayor on Tuesday defended the budget at a briefing.\n\n"
            "Asked about the governor, she said: \u201cHe phoned me yesterday.\u201d")
    (t,) = [t for t in tag_timexes(text, dct=FEB) if t.text == "yesterday"]
    assert (t.value, t.anchor, t.anchor_kind) == ("2025-02-10", dt.date(2025, 2, 11), "previous")


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("4:55 p.m.: Rain eases.", "4:55 p.m.: "),
        ("2:05 PM ET \u2014 Welcome back.", "2:05 PM ET \u2014 "),
        ("16:55 - Talks resume.", "16:55 - "),
        ("4 p.m. | Polls close.", "4 p.m. | "),
        # a zone is in capitals: a lower-case word after the time is no zone
        ("10:30 the - end.", None),
        # a range is no stamp: the separator needs a space after it
        ("10:45-11:00 Talks.", None),
    ],
)
def test_entry_stamp(text, stamp):
    from analysis.timex import ENTRY_STAMP

    m = ENTRY_STAMP.match(text)
    assert (m[0] if m else None) == stamp

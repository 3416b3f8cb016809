"""Tests for analysis.vader: the news patch on sentences written here, and parity with plain VADER."""

from __future__ import annotations

import pytest

from analysis import vader
from analysis.vader import patch_hits, patch_table, plain_polarity_scores, polarity_scores, sentence_sentiment

_CLEAR = ("phrase:make|makes|made|making|is|was|are|were|be|been|it's|not|remains|remain|become|becomes|became|"
          "seems|seem [clear]")


def _entries(text: str) -> list[str]:
    return [h.entry for h in patch_hits(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The committee met on Tuesday to review the schedule.",
        "What a wonderful, happy day for everyone!",
        "The storm was terrible and the damage is awful.",
        "She did not like the plan at all.",
        # every rule of VADER's word loop, which the news analyzer re-implements step for step
        "The plan was GOOD, but the vote was BAD and sad!!",  # capitals among lower case, but, exclamations
        "It was never so good, and without doubt it is great.",  # never so, without doubt
        "The talks were not very good and hardly a success?? Really??",  # negation, booster, question marks
        "It was the least bad outcome, at least a fair one.",  # least
        "They did a kind of good job; it isn't bad, and it's the bomb.",  # kind of, n't, idiom
        "It was extremely good, but it was quite good, but only kind of nice.",  # several buts
    ],
)
def test_unpatched_text_scores_as_plain_vader(text: str) -> None:
    assert patch_hits(text) == []
    assert polarity_scores(text) == plain_polarity_scores(text)


def test_scores_have_the_contract_keys_and_ranges() -> None:
    scores = polarity_scores("The talks were a great success.")
    assert set(scores) == {"compound", "pos", "neu", "neg"}
    assert -1 <= scores["compound"] <= 1
    assert scores["pos"] + scores["neu"] + scores["neg"] == pytest.approx(1, abs=0.01)
    assert sentence_sentiment("The talks were a great success.") == scores["compound"]


def test_empty_text_is_neutral() -> None:
    assert polarity_scores("") == {"compound": 0.0, "pos": 0.0, "neu": 0.0, "neg": 0.0}


def test_non_text_is_refused() -> None:
    with pytest.raises(TypeError, match="str"):
        sentence_sentiment(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("The United States sent a delegation to the summit.", "name:United States"),
        ("The United Nations will vote next week.", "name:United Nations"),
        ("The Supreme Court heard the case on Monday.", "name:Supreme Court"),
        ("Officials discussed border security for an hour.", "word:security"),
        ("The intelligence agencies briefed the senators.", "word:intelligence"),
        ("The party will choose a candidate in May.", "word:party"),
        ("The minister met the top general in Kyiv.", "word:top"),
        ("Reporters asked the Homeland Security chief about it.", "word:security"),
        ("Lawyers for the Freedom Alliance Trust filed the motion.", "rule:proper-name"),
        ("There was no sign of the convoy.", "phrase:[no] *"),
        ("Cities like Lyon and Turin voted.", "phrase:[like] *"),
        ("Prices rose as well.", "phrase:as [well]"),
        ("The group responsible for the census met.", "phrase:[responsible] for"),
        ("The ministry made clear that talks would go on.", _CLEAR),
    ],
)
def test_patch_entry_fires(text: str, entry: str) -> None:
    assert entry in _entries(text)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        # The name is not praise: the sentence is neutral once "United" carries no valence.
        ("The United States sent a delegation to the summit.", 0),
        # Blame: "X is responsible for" is an accusation, not conscientiousness.
        ("Moscow is responsible for what happened in the village.", -1),
        ("They held the regime responsible for the outage.", -1),
        # Words VADER lacks: news events.
        ("The bombing left the market in ruins.", -1),
        ("The ceasefire held through the night.", 1),
        # "No better ... than" praises.
        ("There is no better ally than Canada.", 1),
        # Results that beat expectations are good news, not a beating.
        ("Quarterly revenue rose 41%, beating analysts' expectations.", 1),
        ("The retailer beat Wall Street estimates.", 1),
    ],
)
def test_patched_direction(text: str, direction: int) -> None:
    compound = sentence_sentiment(text)
    if direction == 0:
        assert abs(compound) < 0.05
    else:
        assert compound * direction > 0.05
    assert compound != plain_polarity_scores(text)["compound"]


@pytest.mark.parametrize(
    "text",
    [
        # "less" before a positive word reports displeasure or failure, as "least" does in VADER.
        "Mara Quist was less happy.",
        "The union was less than pleased with the offer.",
        "The second season was less successful for the club.",
        # A fall of a good quantity is bad news ("profit", "growth" are rated positive out of context).
        "The brewery said its annual profit fell 12 percent.",
        "Profits dropped sharply.",
        "Growth has slowed across the region.",
        "Investors fretted over a steep decline in profits.",
        "Slower growth is expected this year.",
        "Lower profits are expected this year.",
    ],
)
def test_news_misreadings_turn_negative(text: str) -> None:
    assert plain_polarity_scores(text)["compound"] > 0.05  # what VADER made of it
    assert sentence_sentiment(text) < -0.05


@pytest.mark.parametrize(
    ("text", "most"),
    [
        # User audit 7: accusations that VADER read as positive (a good word rated out of context).
        ("The senator said the council was playing politics with the harbour.", -0.05),
        ("They have played party politics with the budget for years.", -0.05),
        ("Exporters say the tariff is a tax on success that will weaken them.", -0.05),
        ("Growers said the new quota would favour districts held by the governing bloc.", 0.05),
        ("She said the ministry had not consulted the affected villages.", 0.05),
    ],
)
def test_accusations_are_not_positive(text: str, most: float) -> None:
    assert plain_polarity_scores(text)["compound"] > 0.05  # what VADER made of it
    assert sentence_sentiment(text) < most


@pytest.mark.parametrize(
    "text",
    [
        "Do the neighbours a favour and keep the noise down.",  # the noun keeps its valence
        "We favour the northern route.",  # a verb with no auxiliary or relative before it is left alone
        "The children were playing in the park.",  # no politics: play is play
        "Her success surprised the league.",  # success not taxed
        "The ruling affected thousands of farms.",  # the verb keeps VADER's value
    ],
)
def test_accusation_entries_leave_other_senses_alone(text: str) -> None:
    assert sentence_sentiment(text) == plain_polarity_scores(text)["compound"]


@pytest.mark.parametrize(
    "text",
    [
        "Profits rose sharply.",  # a rise keeps VADER's reading
        "Profits rose as costs fell.",  # the fall is another noun's
        "It was more or less good.",  # a hedge, not "less good"
        "The least happy voters stayed home.",  # VADER's own "least" rule, unchanged
        "The bakery was less crowded on Sunday.",  # "less" before a word without valence
    ],
)
def test_rise_and_hedges_score_as_plain_vader(text: str) -> None:
    assert sentence_sentiment(text) == plain_polarity_scores(text)["compound"]


def test_less_rule_reports_the_word_less() -> None:
    text = "By Friday the mayor was less \u201chappy\u201d than before."
    hits = [h for h in patch_hits(text) if h.entry == "rule:less-positive"]
    assert [(h.word, text[h.start:h.end]) for h in hits] == [("less", "less")]
    assert hits[0].lexicon_valence > 0 > hits[0].patched_valence


def test_virtue_sense_of_responsible_is_kept() -> None:
    text = "He is a responsible and careful driver."
    assert sentence_sentiment(text) == plain_polarity_scores(text)["compound"] > 0


def test_denied_blame_is_not_an_accusation() -> None:
    # VADER's negation still applies to the patched valence.
    assert sentence_sentiment("Kyiv is not responsible for the blast.") > 0


def test_verb_like_keeps_its_valence() -> None:
    assert "phrase:[like] *" not in _entries("We like the new bridge.")
    assert sentence_sentiment("We like the new bridge.") > 0.05


def test_lowercase_words_are_not_names() -> None:
    assert "name:United States" not in _entries("The two states, united at last, signed the pact.")
    assert sentence_sentiment("The two states, united at last, signed the pact.") > 0.05


@pytest.mark.parametrize(
    ("text", "compound_sign"),
    [
        ("“We don’t trust them,” she said.", -1),  # curly apostrophe: "don’t" must negate
        ("“Great work,” the coach said.", 1),  # curly opening mark must not hide "Great"
    ],
)
def test_curly_typography_is_read(text: str, compound_sign: int) -> None:
    assert sentence_sentiment(text) * compound_sign > 0.05


@pytest.mark.parametrize(
    "text",
    [
        'The city had "no good options left."',
        "The city had \u201cno good options left.\u201d",
        "'No good options,' the mayor said.",
        'She called the offer "no bargain" and "OK at best".',
        "The minister\u2014\u201cno friend of reform\u201d\u2014voted against it.",
    ],
)
def test_quotation_marks_do_not_change_the_reading(text: str) -> None:
    """VADER strips punctuation only from words that keep more than two letters: a quotation mark glued to "no"
    hid the negation ('"no good options' scored +0.44, the same words unquoted -0.34)."""
    bare = text
    for mark in ("\u201c", "\u201d", '"', "'"):
        bare = bare.replace(mark, " ")
    assert sentence_sentiment(text) == sentence_sentiment(bare)


def test_hits_after_blanked_quotation_marks_keep_their_offsets() -> None:
    text = '\u201cNo,\u201d said the "no" camp\u2014\u201cno united front\u201d for the United States.'
    hits = patch_hits(text)
    assert hits and all(text[hit.start:hit.end] == hit.word for hit in hits)


def test_despite_concedes_instead_of_negating() -> None:
    text = "Despite the war, exports grew."
    assert "rule:despite-concessive" in _entries(text)
    assert sentence_sentiment(text) < 0 < plain_polarity_scores(text)["compound"]


def test_not_only_does_not_negate() -> None:
    text = "The plan is not only good but also cheap."
    assert "rule:not-only" in _entries(text)
    assert sentence_sentiment(text) > plain_polarity_scores(text)["compound"]


def test_headline_case_skips_the_proper_name_rule() -> None:
    assert "rule:proper-name" not in _entries("Leaders Praise Great Progress On Trade Talks")


def test_hits_carry_offsets_into_the_given_text() -> None:
    text = "Officials\u2014like the United States\u2019 envoy\u2014praised border security."
    hits = patch_hits(text)
    assert hits
    for hit in hits:
        assert text[hit.start:hit.end] == hit.word


def test_patch_file_is_documented_and_every_target_matters() -> None:
    table = patch_table()
    assert not table.empty
    assert table["reason"].str.len().min() > 10
    lexicon = vader._plain_analyzer().lexicon
    for entry in vader.load_patch():
        if entry.kind == "rule":
            continue
        words = {w for i in entry.targets for w in (entry.slots[i] or ())}
        # An entry either corrects a lexicon word or adds a missing word with a valence.
        assert words & set(lexicon) or entry.valence != 0, entry.id


def test_one_analyzer_instance() -> None:
    assert vader._analyzer() is vader._analyzer()


@pytest.mark.parametrize(
    "sentence, free",
    [
        ("Lund met Varga in Ostria on Tuesday.", True),  # no word VADER rates
        ("Lund met Varga in Ostria on Tuesday!", True),  # punctuation alone adds nothing to a zero sum
        ("Lund praised Varga in Ostria.", False),  # "praised" is in VADER's lexicon
        ("Lund met Varga, sadly.", False),  # a lexicon word with punctuation attached
        ("Lund met the United States envoy.", False),  # a lexicon word the news patch neutralises
        ("Lund met Varga \U0001f600", False),  # an emoji, which VADER spells out in words
    ],
)
def test_valence_free_sentences_score_exactly_zero(sentence, free):
    assert vader.valence_free(sentence) is free
    if free:
        assert vader.sentence_sentiment(sentence) == 0.0
        assert vader.valence_free(sentence, ["lund", "met"]) is True
    assert vader.valence_free(sentence, ["praised"]) is False  # a lexicon word among the given words


# --- user audit 8 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "sign"), [
    ('An aide said later that the premier "fully backs" the treasurer.', 1),  # the verb of support, not the noun
    ("The union backs the plan to reopen the depot.", 1),
    ("No patient will be sent home in an emergency, the director said.", 0),  # a hypothetical case
    ("The clinic's emergency department will close at night.", 0),  # a service's name
    ('The analyst said the number had been "conjured out of thin air."', -1),  # a charge of fabrication
])
def test_eighth_audit_phrases(sentence, sign):
    score = vader.sentence_sentiment(sentence)
    assert (score > 0.05) - (score < -0.05) == sign, score


def test_the_noun_backs_keeps_its_reading():
    assert vader.sentence_sentiment("They turned their backs on the stranded travellers.") <= 0

"""Tests for analysis.targeted: the shipped model, clear cases, and offset checking."""

from __future__ import annotations

import re

import pytest

from analysis import targeted
from analysis.targeted import target_features, target_probabilities, target_sentiment, target_sentiments


def _span(sentence: str, mention: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(mention, start + 1)
    return start, start + len(mention)


def test_model_is_loaded_from_the_package():
    model = targeted._model()
    assert model.coef.shape == (len(model.index), 3)
    assert model.intercept.shape == (3,)
    assert len(model.index) > 1000


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Marta Kowalski said the meeting would take place on Tuesday.", "Marta Kowalski"),
        ("Critics accused Ben Tiller of lying to voters and covering up the scandal.", "Ben Tiller"),
        ("Voters praised Ana Ruiz as a brave and honest leader.", "Ana Ruiz"),
    ],
)
def test_returns_a_label_and_probabilities(sentence, mention):
    start, end = _span(sentence, mention)
    label = target_sentiment(sentence, start, end)
    assert label in {-1, 0, 1}
    probabilities = target_probabilities(sentence, start, end)
    assert set(probabilities) == {-1, 0, 1}
    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert max(probabilities, key=probabilities.get) == label


@pytest.mark.parametrize(
    "sentence, mention, expected",
    [
        ("Critics accused Ben Tiller of lying to voters and covering up the scandal.", "Ben Tiller", -1),
        ("Prosecutors charged Ben Tiller with fraud, bribery and corruption.", "Ben Tiller", -1),
        ("Voters praised Ana Ruiz as a brave and honest leader who helped thousands.", "Ana Ruiz", 1),
        ("Ana Ruiz won widespread praise for her successful and generous relief effort.", "Ana Ruiz", 1),
        ("Marta Kowalski will travel to Brussels on Tuesday, her office said.", "Marta Kowalski", 0),
    ],
)
def test_clear_cases(sentence, mention, expected):
    assert target_sentiment(sentence, *_span(sentence, mention)) == expected


@pytest.mark.parametrize(
    "template",
    [
        "Observers {verb} {name} at the summit on Friday.",
        "In a statement, the committee {verb} {name} over the handling of the crisis.",
    ],
)
def test_praised_versus_accused_in_the_same_template(template):
    name = "Dana Whitfield"
    praised = template.format(verb="warmly praised and thanked", name=name)
    accused = template.format(verb="accused and harshly condemned", name=name)
    assert target_sentiment(praised, *_span(praised, name)) == 1
    assert target_sentiment(accused, *_span(accused, name)) == -1
    p_praised = target_probabilities(praised, *_span(praised, name))
    p_accused = target_probabilities(accused, *_span(accused, name))
    assert p_praised[1] > p_accused[1]
    assert p_accused[-1] > p_praised[-1]


def test_features_see_the_mention_from_its_place():
    sentence = "Ben Tiller accused Ana Ruiz of lying."
    first = target_features(sentence, *_span(sentence, "Ben Tiller"))
    second = target_features(sentence, *_span(sentence, "Ana Ruiz"))
    assert "R1:accused" in first
    assert "L1:accused" in second
    assert first != second


@pytest.mark.parametrize(
    "start, end, message",
    [
        (5, 5, "start < end"),
        (8, 3, "start < end"),
        (-1, 4, "0 <= start"),
        (0, 999, "len(sentence)"),
        (3, 4, "blank"),
    ],
)
def test_bad_offsets_raise_value_error(start, end, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        target_sentiment("Ana Ruiz spoke.", start, end)


@pytest.mark.parametrize(
    "sentence, start, end", [(None, 0, 1), ("Ana spoke.", "0", 3), ("Ana spoke.", 0, 2.5)]
)
def test_bad_types_raise_type_error(sentence, start, end):
    with pytest.raises(TypeError):
        target_sentiment(sentence, start, end)


@pytest.mark.parametrize(
    "sentence, mention, expected",
    [
        # "responsible" is positive in VADER's lexicon; "is responsible for" an event is blame.
        ("Nordavia is responsible for what happened at the border, the minister said.", "Nordavia", -1),
        # Dismissive verbs with the mention as their subject.
        ("Pell Arundel rambles on about the vote in a late-night video address.", "Pell Arundel", -1),
        ("Pell Arundel backtracked on his claim that the ballots were lost.", "Pell Arundel", -1),
    ],
)
def test_blame_and_dismissive_verbs(sentence, mention, expected):
    assert target_sentiment(sentence, *_span(sentence, mention)) == expected


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Investigators said Pell Arundel was not responsible for the delay.", "Pell Arundel"),
        ("Pell Arundel never backtracked on the deal.", "Pell Arundel"),
        ("Pell Arundel said Tom Brask backtracked on the deal.", "Pell Arundel"),
        ("After Pell Arundel left, the board backtracked.", "Pell Arundel"),
    ],
)
def test_subject_prior_does_not_fire(sentence, mention):
    assert targeted._subject_prior(*targeted._tokens(sentence, *_span(sentence, mention))) == 0


def test_subject_prior_fires_only_for_the_subject():
    sentence = "Pell Arundel said Tom Brask backtracked on the deal."
    words, pos = targeted._tokens(sentence, *_span(sentence, "Tom Brask"))
    assert targeted._subject_prior(words, pos) > 0
    words, pos = targeted._tokens(sentence, *_span(sentence, "Pell Arundel"))
    assert targeted._subject_prior(words, pos) == 0


def test_target_lexicon_overrides_vader():
    words, pairs = targeted._lexicon()
    assert words["rambles"] < 0
    assert pairs[("responsible", "for")] < 0
    assert words["responsible"] > 0  # alone it keeps VADER's valence
    sentence = "Pell Arundel backtracked."
    features = target_features(sentence, *_span(sentence, "Pell Arundel"))
    assert any(name.startswith("vR1-") for name in features)


def test_model_has_both_ensemble_members():
    model = targeted._model()
    assert model.nb_coef.shape == model.coef.shape
    assert model.nb_intercept.shape == (3,)


_MULTI = "Ben Tiller praised Ana Ruiz, whom Marta Kowalski accused of fraud on Tuesday."


def test_batch_gives_the_same_as_single_calls():
    spans = [_span(_MULTI, name) for name in ("Marta Kowalski", "Ben Tiller", "Ana Ruiz")]
    many = targeted.target_probabilities_many(_MULTI, spans)
    assert len(many) == 3
    for (start, end), probabilities in zip(spans, many):
        single = target_probabilities(_MULTI, start, end)
        assert probabilities == pytest.approx(single, abs=1e-9)
    assert targeted.target_probabilities_many(_MULTI, []) == []


@pytest.mark.parametrize("spans", [[(0, 3), (5, 5)], [(0, 3), (0, 999)], [(0, 3, 4)]])
def test_batch_checks_every_span(spans):
    with pytest.raises(ValueError):
        targeted.target_probabilities_many(_MULTI, spans)


def test_sentence_cache_does_not_leak_between_sentences():
    first = "Voters praised Ana Ruiz as a brave and honest leader."
    second = "Voters accused Ana Ruiz of fraud and corruption."
    p_first = target_probabilities(first, *_span(first, "Ana Ruiz"))
    p_second = target_probabilities(second, *_span(second, "Ana Ruiz"))
    assert target_features(first, *_span(first, "Ana Ruiz")) != target_features(
        second, *_span(second, "Ana Ruiz")
    )
    targeted._sentence.cache_clear()
    assert target_probabilities(second, *_span(second, "Ana Ruiz")) == pytest.approx(p_second, abs=1e-9)
    assert target_probabilities(first, *_span(first, "Ana Ruiz")) == pytest.approx(p_first, abs=1e-9)
    assert p_first[1] > p_second[1]


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Tiller's aides said the plan had failed.", "Tiller"),  # the mention cuts the word "Tiller's"
        ("Critics said Ruiz-Tiller was wrong.", "Ruiz"),
        ("Critics said Ruiz-Tiller was wrong.", "uiz-Til"),
        ("Ana Ruiz spoke.", "Ana Ruiz"),
        ("Critics accused Ana Ruiz", "Ana Ruiz"),
    ],
)
def test_cached_tokens_match_tokenising_each_side(sentence, mention):
    start, end = _span(sentence, mention)
    left = targeted._words(sentence[:start], True)
    expected = left + ["<t>"] + targeted._words(sentence[end:], False)
    assert targeted._tokens(sentence, start, end) == (expected, len(left))


@pytest.mark.parametrize(
    "sentence, mention, expected",
    [
        # "<t> [auxiliaries] verb": the mention is the verb's subject
        ("Ben Tiller has also criticised the plan.", "Ben Tiller", {"subj:criticis", "subjv-"}),
        # "<t> was <verb> by": passive, the mention is acted on
        ("Ben Tiller was praised by the committee.", "Ben Tiller", {"pass:prais", "passv+"}),
        ("Ben Tiller was named by the committee.", "Ben Tiller", {"pass:name", "passv0"}),
        # "<e> verb [det] <t>": someone else acts on the mention
        (
            "Critics say Ana Ruiz attacked Ben Tiller again.",
            "Ben Tiller",
            {"obj:attack", "eobj:attack", "eobjv-"},
        ),
        ("She praised Ben Tiller.", "Ben Tiller", {"obj:prais", "eobj:prais", "eobjv+"}),
        # "<sentiment noun> of/against/for <t>"
        ("The crowd voiced its anger against Ben Tiller.", "Ben Tiller", {"prep:against_anger", "prepv-"}),
        ("There was strong support for Ben Tiller.", "Ben Tiller", {"prep:for_support", "prepv+"}),
    ],
)
def test_role_features(sentence, mention, expected):
    features = target_features(sentence, *_span(sentence, mention))
    assert expected <= set(features)


@pytest.mark.parametrize(
    "sentence, mention, absent",
    [
        # a name right before the verb: the verb is that name's, not the mention's
        ("Ben Tiller said Ana Ruiz attacked him.", "Ben Tiller", "subjv-"),
        # no "by": not a passive
        ("Ben Tiller was angry.", "Ben Tiller", "passv-"),
        # the mention is the subject, not the object, of "praised"
        ("Ben Tiller praised the plan.", "Ben Tiller", "eobjv+"),
    ],
)
def test_role_features_do_not_fire(sentence, mention, absent):
    assert absent not in target_features(sentence, *_span(sentence, mention))


def test_a_name_between_blocks_the_sentiment_word():
    sentence = "Ana Ruiz condemned Ben Tiller."
    near = target_features(sentence, *_span(sentence, "Ben Tiller"))
    far = target_features(sentence, *_span(sentence, "Ana Ruiz"))
    assert "vbLo-" in near  # "condemned" reaches Ben Tiller directly
    assert "vbRo-" in far  # and Ana Ruiz as its subject, with no name between
    sentence = "Ben Tiller met Ana Ruiz, who was condemned by critics."
    assert "vbRx-" in target_features(sentence, *_span(sentence, "Ben Tiller"))  # Ana Ruiz stands between
    assert near["vw-"] > 0 and near["vwc-"] == pytest.approx(near["vw-"])


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("he", {"mt:pron", "mt:len1"}),
        ("the mayor", {"mt:det", "mt:len2"}),
        ("Ana Ruiz", {"mt:cap", "mt:len2"}),
    ],
)
def test_mention_type_features(mention, expected):
    sentence = f"Yesterday {mention} spoke."
    assert expected <= set(target_features(sentence, *_span(sentence, mention)))


@pytest.mark.parametrize(
    "mention, present, absent",
    [
        ("the mayor", {"mw:the", "mw:mayor"}, {"mv+", "mv-", "mt:time"}),
        ("his", {"mw:hi"}, {"mv+", "mv-"}),
        ("the corrupt official", {"mw:corrupt", "mw:offici", "mv-"}, {"mv+"}),
        ("the brave nurse", {"mw:brave", "mv+"}, {"mv-"}),
        ("Ana Ruiz", set(), {"mw:ana", "mw:ruiz", "mv+", "mv-", "mt:time"}),  # names never become words
        ("Friday", {"mt:time"}, {"mw:friday"}),
    ],
)
def test_mention_word_features(mention, present, absent):
    sentence = f"Yesterday {mention} spoke."
    feats = target_features(sentence, *_span(sentence, mention))
    assert present <= set(feats)
    assert not absent & set(feats)
    assert not any(name.startswith("mw:") and name[3:4].isupper() for name in feats)


def test_mention_word_features_do_not_leak_between_calls():
    sentence = "The corrupt official met the brave nurse."
    first = target_features(sentence, 4, 20)
    first["mv-"] = 99.0  # the caller's dict is its own; the cached mention features stay intact
    again = target_features(sentence, 4, 20)
    assert again["mv-"] != 99.0 and again["mw:corrupt"] == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Ruiz slammed Ben Tiller.",
        "Ana Ruiz said Ben Tiller was a liar and a fraud.",
    ],
)
def test_the_attacked_is_negative_and_the_attacker_is_not(sentence):
    assert target_sentiment(sentence, *_span(sentence, "Ben Tiller")) == -1
    assert target_sentiment(sentence, *_span(sentence, "Ana Ruiz")) == 0


def test_attack_and_praise_verbs_judge_their_object():
    words, _ = targeted._lexicon()
    assert words["slammed"] < 0 and words["lambasted"] < 0
    assert words["lauded"] > 0
    entries = targeted._target_entries()
    assert "backtracked" in entries  # judges its subject: the subject rule applies
    assert "slammed" not in entries and "lauded" not in entries  # judge their object: it does not
    sentence = "Pell Arundel slammed Tom Brask over the deal."
    assert targeted._subject_prior(*targeted._tokens(sentence, *_span(sentence, "Pell Arundel"))) == 0
    features = target_features(sentence, *_span(sentence, "Tom Brask"))
    assert {"objv-", "eobjv-", "vbLo-"} <= set(features)


def test_target_sentiments_batch_equals_single_calls():
    sentences = [
        ("Critics accused Smith of lying, but Jones praised Smith's courage.", [(16, 21), (36, 41), (50, 55)]),
        ("Varga said the talks went well.", [(0, 5)]),
        ("Nobody blamed Lund.", [(14, 18)]),
    ]
    items = [(s, a, b) for s, spans in sentences for a, b in spans]
    assert target_sentiments(items) == [target_sentiment(*item) for item in items]
    assert target_sentiments([]) == []
    with pytest.raises(ValueError):
        target_sentiments([("Short.", 0, 3), ("Short.", 4, 99)])


@pytest.mark.parametrize(
    "sentence",
    [
        "Lund met Varga in Ostria on Tuesday.",  # valence-free: 0.0 without running VADER
        "Lund met Varga in Ostria on Tuesday!",
        "Lund praised Varga in Ostria.",
        "Lund met Varga, sadly.",
        "Lund met the United States envoy.",
        "Lund met Varga \U0001f600",
    ],
)
def test_compound_is_the_news_vader_compound(sentence):
    from analysis.vader import sentence_sentiment

    assert targeted._compound(sentence) == sentence_sentiment(sentence)


def test_batch_labels_where_the_compound_decides():
    # sentences whose VADER compound is strong either way, several mentions each: the batch path (which skips
    # the compound where it cannot matter) must give the labels of single calls, which always use it
    sentences = [
        "Lund praised Varga as a wonderful, brilliant and honest leader, and Karst thanked him warmly.",
        "Lund accused Varga of horrible lies, fraud and corruption, and Karst condemned the disaster.",
        "Lund met Varga and Karst in Ostria on Tuesday to discuss the budget.",
    ]
    items = [(s, *_span(s, name)) for s in sentences for name in ("Lund", "Varga", "Karst")]
    assert target_sentiments(items) == [target_sentiment(*item) for item in items]


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Critics accused Smith of lying, but Jones praised him warmly.", "Smith"),
        ("Critics accused Smith of lying, but Jones praised him warmly.", "Jones"),
        ("Smith's plan was not a failure, the minister said; Brown was responsible for the delay.", "Smith"),
        ("The zorblax quuxed the flimflam while Miller rambles on about \u201cnothing\u201d.", "Miller"),
        ("Wilson", "Wilson"),
        ("She said it would never work (Taylor disagreed) and then left.", "Taylor"),
        ("Officials in Lisbon repeatedly slammed the embattled Garcia over his handling of the strike.", "Garcia"),
    ],
)
def test_feature_keys_equal_the_named_features(sentence, mention):
    """The batch path's keyed features are the named features, in the same order with the same values."""
    start = sentence.index(mention)
    end = start + len(mention)
    model = targeted._model()
    zero = len(model.index)
    for lo, hi in [(start, end), (start, start + 2), (0, end)]:  # also mentions that cut a word
        view = targeted._view(targeted._sentence(sentence), lo, hi)
        names = targeted._features(view, sentence, lo, with_compound=False)
        keys = targeted._feature_keys(view, sentence, lo)
        assert list(keys.values()) == list(names.values())
        assert [min(k, zero) for k in keys] == [model.index.get(n, zero) for n in names]
        unknown = [k for k in keys if k > zero]
        assert len(unknown) == len(set(unknown)) == sum(n not in model.index for n in names)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Critics accused Smith of lying, but Jones praised him warmly.", "Smith"),
        ("Critics accused Smith of lying, but Jones praised him warmly.", "Jones"),
        ("Smith's plan was not a failure, the minister said; Brown was responsible for the delay.", "Smith"),
        ("Smith's plan was not a failure, the minister said; Brown was responsible for the delay.", "the minister"),
        ("Wilson", "Wilson"),
        ("She said it would never work (Taylor and Reyes disagreed) and then left.", "Taylor and Reyes"),
        ("Lund, however, said the awful plan of Varga was a disaster while Karst backtracked.", "Varga"),
    ],
)
def test_sentence_shortcuts_equal_the_view_work(sentence, mention):
    """What the batch path takes from the sentence (word keys, valence carriers, clause breaks, stems read by
    index) gives the keyed features the view computes for itself."""
    start = sentence.index(mention)
    end = start + len(mention)
    info = targeted._sentence(sentence)
    for lo, hi in [(start, end), (start, start + 2), (0, end)]:  # also mentions that cut a word
        view = targeted._view(info, lo, hi, stems=False)
        alone = targeted._view(info, lo, hi)._replace(info=None, right=-1)
        assert [view.stems[i] for i in range(len(view.words))] == list(alone.stems)
        keys = targeted._feature_keys(view, sentence, lo)
        assert list(keys.items()) == list(targeted._feature_keys(alone, sentence, lo).items())


@pytest.mark.parametrize("mention", ["Friday", "Sunday", "September", "January"])
def test_full_day_and_month_names_of_the_timex_lexicon_are_time_mentions(mention):
    sentence = f"Yesterday {mention} spoke."
    assert "mt:time" in target_features(sentence, *_span(sentence, mention))


def test_time_words_are_the_full_day_and_month_names_but_may():
    from analysis.targeted import _TIME_WORDS
    from analysis.timex import calendar_names

    names = calendar_names()
    assert _TIME_WORDS == (names["full_weekdays"] | names["full_months"]) - {"may"}
    assert len(_TIME_WORDS) == 18

"""SpanIndex: the overlap test used to keep long articles linear."""

from __future__ import annotations

import random

import pytest

from analysis.spans import SpanIndex


@pytest.mark.parametrize(
    "spans, probe, expected",
    [
        ([(10, 20)], (19, 25), True),
        ([(10, 20)], (20, 25), False),
        ([(10, 20)], (0, 10), False),
        ([(10, 20)], (12, 12), True),  # a point inside counts, as in a full scan
        ([(0, 5000)], (4500, 4501), True),
        ([(1990, 2010)], (2005, 2006), True),
        ([], (0, 100), False),
    ],
)
def test_overlaps(spans, probe, expected):
    assert SpanIndex(spans).overlaps(*probe) is expected


def test_agrees_with_a_full_scan():
    rng = random.Random(7)
    spans = [(a, a + rng.randint(0, 3000)) for a in (rng.randint(0, 50_000) for _ in range(300))]
    index = SpanIndex(spans)
    for _ in range(2000):
        a = rng.randint(0, 55_000)
        b = a + rng.randint(0, 500)
        assert index.overlaps(a, b) == any(x < b and a < y for x, y in spans)


def test_overlapping_lists_each_span_once():
    index = SpanIndex([(0, 5000), (100, 200), (3000, 3001)])
    assert sorted(index.overlapping(150, 3500)) == [(0, 5000), (100, 200), (3000, 3001)]
    assert index.overlapping(5000, 6000) == []

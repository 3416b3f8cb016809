"""Character-span utilities shared by the analyses."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["SpanIndex"]

_BUCKET = 2000


class SpanIndex:
    """A growing set of character spans answering "does ``[start, end)`` overlap one of them?" quickly.

    Each span is filed under every bucket of ``_BUCKET`` characters it touches, so a test looks only at the
    spans near it: long articles stay linear instead of quadratic.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._buckets: dict[int, list[tuple[int, int]]] = {}
        for a, b in spans:
            self.add(a, b)

    @staticmethod
    def _keys(start: int, end: int) -> range:
        return range(start // _BUCKET, (max(end, start + 1) - 1) // _BUCKET + 1)

    def add(self, start: int, end: int) -> None:
        """File the span ``[start, end)``."""
        for key in self._keys(start, end):
            self._buckets.setdefault(key, []).append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a filed span (``a < end and start < b``, as a full scan tests)."""
        return any(a < end and start < b for key in self._keys(start, end) for a, b in self._buckets.get(key, ()))

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The filed spans that overlap ``[start, end)``, each once, in filing order within a bucket."""
        found = (span for key in self._keys(start, end) for span in self._buckets.get(key, ())
                 if span[0] < end and start < span[1])
        return list(dict.fromkeys(found))

"""Sentiment per speaker: news-aware VADER on what each speaker said, aggregated with honest intervals.

Each quotation (direct, mixed or indirect, from :func:`analysis.quotes.extract_quotes`) is scored on its content
only: the reporting cue ("denied", "told reporters") and the words naming the speaker are blanked out when they
fall inside the content span, so the narrator's choice of verb never leaks into the speaker's score. The
narrator is scored too, one row per stretch of a body sentence outside every quotation (the narrator's framing,
cues included): a quotation in the middle of a sentence leaves two narrator rows, before and after it, so no row's
evidence holds another row's words. Scores come from :func:`analysis.vader.polarity_scores` (VADER with the news patch).

Aggregates (:func:`speaker_sentiment`) give per speaker, camp or kind the number of quotations and words, the
mean compound score with a seeded percentile-bootstrap 95% interval, the shares of positive / neutral / negative
quotations (VADER's usual cut-offs: compound >= 0.05 positive, <= -0.05 negative) and the most positive and most
negative quotation with its offsets. With fewer than :data:`MIN_FOR_INTERVAL` quotations no interval is given and
the ``note`` says so.

Blanking keeps every offset valid: a scored text has the same length as its evidence span, so offsets found in
it (patch entries that fired, see :func:`patch_effects`) add to the row's ``start``.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .articles import Article
from .frames import TEXT_TYPES, UNRESOLVED, column_arrays
from .quotemarks import ALL_MARKS
from .spans import SpanIndex
from .text import parse
from .vader import patch_hits, plain_polarity_scores, polarity_scores

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "AGGREGATE_COLUMNS",
    "MIN_FOR_INTERVAL",
    "NARRATOR",
    "SCORE_COLUMNS",
    "patch_effects",
    "plot_quotation_strip",
    "plot_speaker_means",
    "quotation_sentiment",
    "sentiment_columns",
    "speaker_sentiment",
]

SCORE_COLUMNS = ["article", "speaker", "speaker_type", "camp", "kind", "text", "start", "end", "compound", "pos",
                 "neu", "neg", "sentence", "words"]
AGGREGATE_COLUMNS = ["speaker", "camp", "n", "words", "mean_compound", "ci_low", "ci_high", "share_pos",
                     "share_neu", "share_neg", "most_positive", "most_negative", "note"]
EFFECT_COLUMNS = ["article", "speaker", "kind", "row_start", "row_end", "entry", "word", "start", "end",
                  "lexicon_valence", "patched_valence", "plain_compound", "compound", "reason"]

#: The speaker (and camp) label of the narrator's rows.
NARRATOR = "(narrator)"
#: Fewer quotations than this get no bootstrap interval: with 1 or 2 values a percentile bootstrap has at
#: most 3 distinct resampled means and says nothing about uncertainty.
MIN_FOR_INTERVAL = 3
#: Below this many quotations the interval is given but flagged as rough (percentile bootstrap intervals are
#: too narrow for small samples).
FEW_FOR_INTERVAL = 10
#: A narrator sentence (or stretch of one between quotations) with fewer words outside quotations, cues and
#: speaker mentions is attribution only
#: ("he said", "NATO Secretary General Jens Stoltenberg also said") and gets no row.
MIN_NARRATION_WORDS = 3
#: VADER's conventional cut-offs on the compound score.
POSITIVE, NEGATIVE = 0.05, -0.05

_NO_CAMP = "(no camp)"
_ZERO_BAR = 0.01  # a mean closer to 0 than this draws no visible bar: plot_speaker_means marks it
_QUOTE_MARKS = ALL_MARKS  # the double and single marks of analysis.quotemarks
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_KINDS = ("speaker", "camp", "kind")
_REQUIRED_QUOTE_COLUMNS = ("kind", "text", "start", "end", "speaker")


@dataclass(frozen=True)
class _Unit:
    """One scored unit (a quotation or a stretch of narration) before it becomes a row."""

    speaker: Any
    speaker_type: Any
    camp: Any
    kind: str
    start: int
    end: int
    sentence: Any
    scored: str  # the evidence span with blanked characters replaced by spaces (same length)


def _blank(text: str, start: int, end: int, holes: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with every ``[a, b)`` in ``holes`` replaced by spaces (length kept)."""
    cuts = sorted((max(a, start), min(b, end)) for a, b in holes if a < end and b > start)
    if not cuts:
        return text[start:end]
    pieces = []
    at = start
    for a, b in cuts:
        if a > at:
            pieces.append(text[at:a])
            at = a
        if b > at:
            pieces.append(" " * (b - at))
            at = b
    pieces.append(text[at:end])
    return "".join(pieces)


class _Row(dict):
    """One row of a quotes table as a dict; a missing column reads as None (like ``getattr(row, name, None)``)."""

    def __missing__(self, key: str) -> None:
        return None


_NUMERIC = {"start": "int64", "end": "int64", "compound": "float64", "pos": "float64", "neu": "float64",
            "neg": "float64", "words": "int64"}
_ROW_COLUMNS = ("kind", "start", "end", "speaker", "speaker_type", "camp", "sentence", "cue_start", "cue_end",
                "mention_start", "mention_end")


def _rows(quotes: pd.DataFrame) -> list[_Row]:
    """The rows of a quotes table (the columns read here) as plain Python values, column by column: no
    per-row pandas objects."""
    arrays = column_arrays(quotes, _ROW_COLUMNS)
    columns = [c for c in _ROW_COLUMNS if c in arrays]
    values = [arrays[c].tolist() for c in columns]
    return [_Row(zip(columns, row)) for row in zip(*values)]


def _span(row: _Row, first: str, last: str) -> tuple[int, int] | None:
    a, b = row[first], row[last]
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return None
    return int(a), int(b)


def _check_quotes(quotes: pd.DataFrame, rows: list[_Row], article: Article) -> None:
    missing = [c for c in _REQUIRED_QUOTE_COLUMNS if c not in quotes.columns]
    if missing:
        raise ValueError(f"quotes table lacks column(s) {', '.join(missing)}; pass the DataFrame returned by "
                         "analysis.quotes.extract_quotes (or one with the same columns)")
    for row in rows:
        if not 0 <= int(row["start"]) <= int(row["end"]) <= len(article.text):
            raise ValueError(f"quotation offsets [{row['start']}, {row['end']}) lie outside article {article.id!r} "
                             f"(length {len(article.text)}); were the quotes extracted from another article?")


def _quote_units(article: Article, rows: list[_Row]) -> list[_Unit]:
    units = []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        # The cue and the speaker's name are the narrator's words, never the speaker's content.
        holes = [s for s in (_span(row, "cue_start", "cue_end"), _span(row, "mention_start", "mention_end")) if s]
        units.append(_Unit(
            speaker=row["speaker"],
            speaker_type=row["speaker_type"],
            camp=row["camp"],
            kind=str(row["kind"]),
            start=start,
            end=end,
            sentence=row["sentence"],
            scored=_blank(article.text, start, end, holes),
        ))
    return units


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a quotation span over the quotation marks right around it."""
    while start > 0 and text[start - 1] in _QUOTE_MARKS:
        start -= 1
    while end < len(text) and text[end] in _QUOTE_MARKS:
        end += 1
    return start, end


def _attribution_spans(rows: list[_Row]) -> list[tuple[int, int]]:
    spans = []
    for row in rows:
        spans += [s for s in (_span(row, "cue_start", "cue_end"), _span(row, "mention_start", "mention_end")) if s]
    return spans


def _outside(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The maximal pieces of ``[start, end)`` that no ``[a, b)`` in ``holes`` covers, in text order."""
    pieces = []
    at = start
    for a, b in sorted(holes):
        if a > at:
            pieces.append((at, min(a, end)))
        at = max(at, b)
        if at >= end:
            break
    if at < end:
        pieces.append((at, end))
    return [(a, b) for a, b in pieces if a < b]


def _narration_piece(text: str, start: int, end: int, attributions: SpanIndex) -> tuple[int, int] | None:
    """A stretch of narration outside quotations trimmed to its words (and the punctuation right after the last),
    or None when it holds fewer than :data:`MIN_NARRATION_WORDS` words besides cues and speaker mentions."""
    # The cue stays in the narrator's score (the choice of verb is the narrator's), but a piece whose only
    # words are the attribution ("NATO's chief also said") is not narration.
    own = _blank(text, start, end, attributions.overlapping(start, end))
    if len(_WORD.findall(own)) < MIN_NARRATION_WORDS:
        return None
    words = list(_WORD.finditer(text, start, end))  # in text order, so the last ends furthest
    first, last = words[0].start(), words[-1].end()
    while last < end and text[last] in ".!?;:,)%\u2030\u00b0":  # "had 1.3%.": a sign glued to the number stays
        last += 1
    return first, last


def _narrator_units(article: Article, rows: list[_Row]) -> list[_Unit]:
    """The narrator's rows: each body sentence's stretches outside every quotation (marks included).

    A quotation in the middle of a sentence splits its narration into two rows (before and after it), so a
    row's evidence is exactly the words scored: no narrator row contains a quotation's words, and
    ``article.text[start:end]`` is the scored text.
    """
    text = article.text
    quoted_index = SpanIndex([_with_marks(text, int(r["start"]), int(r["end"])) for r in rows])
    attributions = SpanIndex(_attribution_spans(rows))
    units = []
    for sent in parse(article).sentences:
        for a, b in _outside(sent.start, sent.end, quoted_index.overlapping(sent.start, sent.end)):
            piece = _narration_piece(text, a, b, attributions)
            if piece is not None:
                units.append(_Unit(NARRATOR, "narrator", NARRATOR, "narration", *piece, sent.index,
                                   text[piece[0]:piece[1]]))
    return units


def _units(article: Article, quotes: pd.DataFrame | None, actors: Any) -> list[_Unit]:
    if quotes is None:
        from .quotes import extract_quotes

        quotes = extract_quotes(article, actors=actors)
    rows = _rows(quotes)
    _check_quotes(quotes, rows, article)
    return sorted(_quote_units(article, rows) + _narrator_units(article, rows), key=lambda u: (u.start, u.end))


def quotation_sentiment(article: Article, *, quotes: pd.DataFrame | None = None, actors: Any = None) -> pd.DataFrame:
    """Score every quotation of an article, and the narrator's sentences, with news-aware VADER.

    Args:
        article: the loaded article.
        quotes: its quotations (columns of :func:`analysis.quotes.extract_quotes`); extracted when None.
        actors: an actors file (:class:`analysis.actors.Actors`), passed to the extractor when ``quotes`` is None.

    Returns:
        One row per quotation and per stretch of narration, in text order, with columns :data:`SCORE_COLUMNS`:
        ``article, speaker, speaker_type, camp, kind`` (``direct``/``mixed``/``indirect``/``narration``),
        ``text`` (``article.text[start:end]``), ``start, end, compound, pos, neu, neg`` (VADER on the content
        only), ``sentence`` (body sentence index) and ``words`` (words scored). Narrator rows have speaker
        and camp ``"(narrator)"``; they never contain a quotation: a sentence with a quotation in the middle
        gives one narrator row before it and one after it (each with the sentence's index), and a stretch with
        fewer than :data:`MIN_NARRATION_WORDS` words besides cues and speaker mentions gives none.

    Raises:
        ValueError: the quotes table lacks a needed column or its offsets do not fit the article.
    """
    return _score_frame(article, _units(article, quotes, actors))


def sentiment_columns(article: Article, *, quotes: pd.DataFrame | None = None, actors: Any = None
                      ) -> dict[str, list] | pd.DataFrame:
    """:func:`quotation_sentiment` as plain Python lists, one per column of :data:`SCORE_COLUMNS`, for the corpus
    run (which turns them into Arrow arrays and has no use for the DataFrame).

    The lists hold exactly the values the DataFrame's columns give back: text-or-None columns (a NaN speaker or
    camp of the quotes table as None), int offsets, sentence indices and word counts, float scores (none NaN).
    An article without rows, or one whose rows hold other values (a quotes table with missing sentence
    indices), comes back as the DataFrame instead.
    """
    units = _units(article, quotes, actors)
    if not units:
        return _score_frame(article, units)
    columns = _score_lists(article, units)
    plain = dict(columns)
    for name in _TEXT_COLUMNS:
        values = columns[name]
        kinds = set(map(type, values))
        if float in kinds:
            # A quotes table's missing speaker or camp reads as NaN (pandas' string dtype): the frame's text
            # column stores it as missing, which reads back as None.
            values = plain[name] = [None if type(v) is float and math.isnan(v) else v for v in values]
            kinds = set(map(type, values))
        if not kinds <= TEXT_TYPES:
            return _score_frame(article, units, columns)
    if set(map(type, columns["sentence"])) != {int}:
        return _score_frame(article, units, columns)
    for name in ("compound", "pos", "neu", "neg"):
        values = columns[name]
        if set(map(type, values)) != {float} or any(map(math.isnan, values)):
            return _score_frame(article, units, columns)
    return plain


_TEXT_COLUMNS = ("article", "speaker", "speaker_type", "camp", "kind", "text")


def _score_lists(article: Article, units: list[_Unit]) -> dict[str, list]:
    """The rows of the (non-empty) units as column lists: VADER scores each unit's blanked text."""
    scores = [polarity_scores(u.scored) for u in units]
    return {
        "article": [article.id] * len(units),
        "speaker": [u.speaker for u in units],
        "speaker_type": [u.speaker_type for u in units],
        "camp": [u.camp for u in units],
        "kind": [u.kind for u in units],
        "text": [article.text[u.start:u.end] for u in units],
        "start": [u.start for u in units],
        "end": [u.end for u in units],
        **{k: [sc[k] for sc in scores] for k in ("compound", "pos", "neu", "neg")},
        "sentence": [u.sentence for u in units],
        "words": [len(_WORD.findall(u.scored)) for u in units],
    }


def _score_frame(article: Article, units: list[_Unit], lists: dict[str, list] | None = None) -> pd.DataFrame:
    """The table of :func:`quotation_sentiment` (``lists``: the units' :func:`_score_lists`, when computed)."""
    if not units:  # empty object columns, as an empty table has always had
        return pd.DataFrame([], columns=SCORE_COLUMNS).astype(_NUMERIC)
    lists = _score_lists(article, units) if lists is None else lists
    # Built column by column with the numeric types given (one DataFrame per article, no casting afterwards).
    columns: dict[str, Any] = dict(lists)
    for name in ("start", "end", "words"):
        columns[name] = np.array(lists[name], dtype="int64")
    for name in ("compound", "pos", "neu", "neg"):
        columns[name] = np.array(lists[name], dtype="float64")
    from .actors import string_array

    for name in _TEXT_COLUMNS:
        if set(map(type, columns[name])) <= TEXT_TYPES:
            # the array inference would give, built without it (several times faster per column)
            columns[name] = string_array(columns[name])
    return pd.DataFrame(columns, columns=SCORE_COLUMNS, copy=False)


def patch_effects(article: Article, *, quotes: pd.DataFrame | None = None, actors: Any = None) -> pd.DataFrame:
    """Where the news patch changed a word of a scored quotation or narrator sentence, and by how much.

    Returns:
        One row per changed word with columns ``article, speaker, kind, row_start, row_end`` (the scored row),
        ``entry`` (the patch line), ``word, start, end`` (article offsets of the word), ``lexicon_valence``,
        ``patched_valence``, ``plain_compound`` (unpatched VADER on the same text), ``compound`` (patched) and
        ``reason``.
    """
    rows = []
    for u in _units(article, quotes, actors):
        hits = [h for h in patch_hits(u.scored) if h.kind == "rule" or h.lexicon_valence != h.patched_valence]
        if not hits:
            continue
        plain = plain_polarity_scores(u.scored)["compound"]
        patched = polarity_scores(u.scored)["compound"]
        for h in hits:
            rows.append((article.id, u.speaker, u.kind, u.start, u.end, h.entry, h.word, u.start + h.start,
                         u.start + h.end, h.lexicon_valence, h.patched_valence, plain, patched, h.reason))
    return pd.DataFrame(rows, columns=EFFECT_COLUMNS)


def _label(value: Any, missing: str) -> str:
    return missing if value is None or (isinstance(value, float) and np.isnan(value)) or value == "" else str(value)


def _evidence(row: pd.Series, width: int = 160) -> str:
    text = " ".join(str(row["text"]).split())
    if len(text) > width:
        text = text[: width - 1] + "\u2026"
    return f"{row['compound']:+.2f} [{int(row['start'])}:{int(row['end'])}] {text}"


def _interval(values: np.ndarray, key: str, n_boot: int, seed: int) -> tuple[float, float]:
    # One generator per group, seeded by the group's name: a group's interval does not depend on the others.
    rng = np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])
    means = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def _note(n: int, values: np.ndarray) -> str:
    if n < MIN_FOR_INTERVAL:
        return (f"too few quotations for an interval ({n}; an interval needs at least {MIN_FOR_INTERVAL})")
    if np.ptp(values) == 0:
        return "every quotation scores the same: no spread to estimate"
    if n < FEW_FOR_INTERVAL:
        return f"few quotations ({n}): the interval is rough and likely too narrow"
    return ""


def _joined(values: pd.Series, missing: str) -> str:
    return ", ".join(sorted({_label(v, missing) for v in values}))


def _mode(values: pd.Series, missing: str) -> str:
    labels = [_label(v, missing) for v in values]
    counts = pd.Series(labels).value_counts()
    return min(counts[counts == counts.max()].index)


def speaker_sentiment(scores: pd.DataFrame, *, by: str = "speaker", n_boot: int = 2000, seed: int = 0
                      ) -> pd.DataFrame:
    """Aggregate per-quotation scores per speaker, per camp or per kind of quotation.

    Args:
        scores: the output of :func:`quotation_sentiment` (one or several articles).
        by: ``"speaker"``, ``"camp"`` or ``"kind"`` (direct / mixed / indirect / narration).
        n_boot: bootstrap resamples for the interval.
        seed: random seed; the result is the same for the same input and seed.

    Returns:
        One row per group, most quotations first, with columns :data:`AGGREGATE_COLUMNS`: ``speaker, camp, n,
        words, mean_compound, ci_low, ci_high`` (95% percentile bootstrap of the mean; NaN when
        ``n < MIN_FOR_INTERVAL``), ``share_pos, share_neu, share_neg``, ``most_positive, most_negative``
        (``"+0.62 [start:end] text"``; ``""`` when no quotation of the group lies on that side of neutral) and
        ``note``. Quotations without a speaker are grouped under ``"(unresolved)"``. With ``by="speaker"`` the camp is the speaker's most
        frequent camp. With ``by="camp"`` the first column is ``camp`` (the group) and ``speaker`` lists its
        speakers. With ``by="kind"`` the first column is ``kind``, and ``speaker`` and ``camp`` list those seen.

    Raises:
        ValueError: ``by`` is not one of the three, or ``scores`` lacks a needed column.
    """
    if by not in _KINDS:
        raise ValueError(f"by={by!r} is not supported; use one of {', '.join(map(repr, _KINDS))}")
    missing = [c for c in ("speaker", "camp", "kind", "text", "start", "end", "compound", "words")
               if c not in scores.columns]
    if missing:
        raise ValueError(f"scores lack column(s) {', '.join(missing)}; pass the output of quotation_sentiment")
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, got {n_boot}")
    key_missing = {"speaker": UNRESOLVED, "camp": _NO_CAMP, "kind": "(unknown kind)"}[by]
    keys = scores[by].map(lambda v: _label(v, key_missing))
    rows = []
    for key, group in scores.groupby(keys, sort=True):
        values = group["compound"].to_numpy(dtype=float)
        n = len(values)
        low, high = _interval(values, str(key), n_boot, seed) if n >= MIN_FOR_INTERVAL else (np.nan, np.nan)
        ordered = group.sort_values(["compound", "start"], kind="stable")
        if by == "speaker":
            speaker, camp = key, _mode(group["camp"], _NO_CAMP)
        elif by == "camp":
            speaker, camp = _joined(group["speaker"], UNRESOLVED), key
        else:
            speaker, camp = _joined(group["speaker"], UNRESOLVED), _joined(group["camp"], _NO_CAMP)
        rows.append({
            by: key,
            "speaker": speaker,
            "camp": camp,
            "n": n,
            "words": int(group["words"].sum()),
            "mean_compound": float(values.mean()),
            "ci_low": low,
            "ci_high": high,
            "share_pos": float((values >= POSITIVE).mean()),
            "share_neu": float(((values > NEGATIVE) & (values < POSITIVE)).mean()),
            "share_neg": float((values <= NEGATIVE).mean()),
            # only a quotation on that side of neutral: a speaker of neutral quotations has neither extreme
            "most_positive": _evidence(ordered.iloc[-1]) if values.max() >= POSITIVE else "",
            "most_negative": _evidence(ordered.iloc[0]) if values.min() <= NEGATIVE else "",
            "note": _note(n, values),
        })
    columns = AGGREGATE_COLUMNS if by in ("speaker", "camp") else [by, *AGGREGATE_COLUMNS]
    if by == "camp":
        columns = ["camp", "speaker", *AGGREGATE_COLUMNS[2:]]
    out = pd.DataFrame(rows, columns=columns)
    if out.empty:
        return out.astype({"n": "int64", "words": "int64"})
    return out.sort_values(["n", by], ascending=[False, True], kind="stable").reset_index(drop=True)


# --- plots -------------------------------------------------------------------------------------------------------


def _colour(camp: str) -> str:
    from .display import camp_colour

    return camp_colour(None if camp in (_NO_CAMP, "") else camp)


def _nothing_to_plot(fig: Any, ax: Any, title: str) -> Any:
    """Turn an empty plot into a plain sentence, so a report never shows empty axes."""
    ax.text(0.5, 0.5, "No quotations to score", ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    ax.set_title(title)
    return fig


def plot_speaker_means(df: pd.DataFrame, *, title: str = "Mean sentiment per speaker") -> Figure:
    """Horizontal bars of each speaker's mean compound score, coloured by camp, with 95% intervals.

    Args:
        df: the output of :func:`speaker_sentiment` with ``by="speaker"`` (the narrator may be among the rows).
        title: the plot title.

    Returns:
        The figure (one bar per speaker; a speaker without an interval says so in its label, "n=1, no
        interval", never beside the bar where the words could read as a value; a mean of 0, which draws no
        bar, is marked with a diamond in the camp's colour, as in :func:`analysis.stance.plot_camp_sides`).
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    data = df.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, max(2.2, 0.45 * len(data) + 1.2)))
    if data.empty:
        return _nothing_to_plot(fig, ax, title)
    colours = [_colour(c) for c in data["camp"]]
    y = np.arange(len(data))
    means = data["mean_compound"].to_numpy(dtype=float)
    ax.barh(y, means, color=colours, alpha=0.85,
            hatch=["//" if s == NARRATOR else "" for s in data["speaker"]])
    zero = np.abs(means) < _ZERO_BAR  # a bar this short cannot be seen: mark the mean
    ax.scatter(np.zeros(int(zero.sum())), y[zero], marker="D", s=60, c=[c for c, z in zip(colours, zero) if z],
               edgecolors="#222222", linewidths=0.6, zorder=3)
    has_ci = data["ci_low"].notna()
    err = np.vstack([data["mean_compound"] - data["ci_low"], data["ci_high"] - data["mean_compound"]])
    ax.errorbar(data.loc[has_ci, "mean_compound"], y[has_ci], xerr=err[:, has_ci.to_numpy()], fmt="none",
                ecolor="#222222", capsize=3, lw=1)
    labels = [f"{s}  (n={n})" if ok else f"{s}  (n={n}, no interval)"
              for s, n, ok in zip(data["speaker"], data["n"], has_ci)]
    ax.set_yticks(y, labels)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean compound score (-1 negative … +1 positive) with 95% bootstrap interval\n"
                  f"(diamond: a mean of 0, within ±{_ZERO_BAR}; no interval below n={MIN_FOR_INTERVAL})")
    ax.set_title(title)
    camps = list(dict.fromkeys(data["camp"][::-1]))
    ax.legend(handles=[Patch(color=_colour(c), label=c) for c in camps], title="camp", loc="upper left",
              bbox_to_anchor=(1.01, 1), fontsize=8, title_fontsize=8, frameon=False)
    return fig


def plot_quotation_strip(df: pd.DataFrame, *, title: str = "Every quotation's score") -> Figure:
    """Every scored row as a point (compound score) on its speaker's line, coloured by camp.

    Args:
        df: the output of :func:`quotation_sentiment` (narrator rows included: they form their own line).
        title: the plot title.

    Returns:
        The figure: direct and mixed quotations as circles, indirect as triangles, narration as small squares,
        jittered vertically (seeded) so that equal scores stay visible.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    data = df.assign(_speaker=df["speaker"].map(lambda v: _label(v, UNRESOLVED)),
                     _camp=df["camp"].map(lambda v: _label(v, _NO_CAMP)))
    order = data.groupby("_speaker")["start"].count().sort_values(ascending=True, kind="stable")
    speakers = list(order.index)
    if NARRATOR in speakers:  # the narrator at the bottom, apart from the speakers
        speakers.remove(NARRATOR)
        speakers.insert(0, NARRATOR)
    fig, ax = plt.subplots(figsize=(8, max(2.2, 0.45 * len(speakers) + 1.2)))
    if data.empty:
        return _nothing_to_plot(fig, ax, title)
    rng = np.random.default_rng(0)
    markers = {"direct": "o", "mixed": "o", "indirect": "^", "narration": "s"}
    position = {s: i for i, s in enumerate(speakers)}
    for kind, marker in markers.items():
        part = data[data["kind"] == kind]
        if part.empty:
            continue
        y = part["_speaker"].map(position).to_numpy() + rng.uniform(-0.18, 0.18, len(part))
        ax.scatter(part["compound"], y, c=[_colour(c) for c in part["_camp"]], marker=marker,
                   s=22 if kind == "narration" else 42, alpha=0.8, edgecolors="white", linewidths=0.5)
    ax.set_yticks(range(len(speakers)), speakers)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("compound score (narration: the sentence outside quotations)")
    ax.set_title(title)
    handles = [Line2D([], [], marker=m, ls="", color="#555555", label=k)
               for k, m in (("direct / mixed", "o"), ("indirect", "^"), ("narration", "s"))]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False, title="kind",
              title_fontsize=8)
    return fig
